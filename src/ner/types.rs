//! Mapping the tagger's CoNLL types onto the record's entity types, with
//! knowledge from data (`models/ner_types.tsv`, rules in its header) and the
//! gazetteer.

use crate::doc::EntityType;
use crate::error::Error;
use crate::lexicon::{data_lines, field};
use crate::ner::gazetteer::Gazetteer;

const EMBEDDED: &str = include_str!("../../models/ner_types.tsv");

#[derive(Debug, Clone)]
enum Cue {
    Default,
    Last(String),
    Word(String),
    Suffix(String),
}

/// Compiled type cues.
#[derive(Debug, Clone)]
pub struct TypeMap {
    rules: Vec<(String, Cue, EntityType)>,
    generic: std::collections::HashSet<String>,
}

impl TypeMap {
    /// The cues shipped in `models/ner_types.tsv`.
    pub fn embedded() -> Result<TypeMap, Error> {
        TypeMap::parse(EMBEDDED, "ner_types.tsv")
    }

    /// Cues from a file's contents.
    pub fn parse(contents: &str, file: &str) -> Result<TypeMap, Error> {
        let mut rules = Vec::new();
        let mut generic = std::collections::HashSet::new();
        for line in data_lines(contents) {
            let model = field(&line, 0, file)?.to_string();
            let value = field(&line, 2, file)?.to_string();
            if field(&line, 1, file)? == "generic" {
                generic.insert(value);
                continue;
            }
            let cue = match field(&line, 1, file)? {
                "default" => Cue::Default,
                "last" => Cue::Last(value),
                "word" => Cue::Word(value),
                "suffix" => Cue::Suffix(value),
                other => {
                    return Err(Error::Data {
                        file: file.into(),
                        line: line.line,
                        message: format!("unknown cue {other:?}"),
                    })
                }
            };
            let target = field(&line, 3, file)?;
            let label = EntityType::parse(target).ok_or_else(|| Error::Data {
                file: file.into(),
                line: line.line,
                message: format!("unknown type {target:?}"),
            })?;
            rules.push((model, cue, label));
        }
        Ok(TypeMap { rules, generic })
    }

    /// Whether `word` names a body generically ("Government"): a span made
    /// of such words and a place name is not a name of its own.
    pub fn is_generic(&self, word: &str) -> bool {
        self.generic.contains(word)
    }

    /// The record type of a span the tagger labelled `model_type`.
    pub fn map(
        &self,
        model_type: &str,
        words: &[&str],
        text: &str,
        gazetteer: &Gazetteer,
    ) -> EntityType {
        if let Some(entry) = gazetteer.lookup(text) {
            // A known name keeps the gazetteer's type.
            return entry.label;
        }
        let last = words.last().copied().unwrap_or("");
        let last_part = last
            .rsplit(['-', '\u{2010}', '\u{2011}'])
            .next()
            .unwrap_or(last);
        for (model, cue, label) in &self.rules {
            if model != model_type {
                continue;
            }
            let fits = match cue {
                Cue::Default => true,
                Cue::Last(w) => last == w,
                Cue::Word(w) => words.iter().any(|x| x == w),
                Cue::Suffix(s) => {
                    words.len() == 1
                        && last_part.chars().next().is_some_and(char::is_uppercase)
                        && last_part.len() > s.len() + 2
                        && last_part.ends_with(s.as_str())
                }
            };
            if fits {
                return *label;
            }
        }
        EntityType::Misc
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Tokenizer;

    #[test]
    fn maps_with_gazetteer_then_cues() {
        let g = Gazetteer::with_user_files(&[], &Tokenizer::default()).unwrap();
        let m = TypeMap::embedded().unwrap();
        let map = |t: &str, text: &str| {
            let words: Vec<&str> = text.split(' ').collect();
            m.map(t, &words, text, &g)
        };
        assert_eq!(map("LOC", "Armenia"), EntityType::Gpe);
        assert_eq!(map("LOC", "Black Sea"), EntityType::Loc);
        assert_eq!(map("LOC", "Lachin Corridor"), EntityType::Loc);
        assert_eq!(map("LOC", "Ningarhar Province"), EntityType::Gpe);
        assert_eq!(map("LOC", "Calare"), EntityType::Gpe);
        assert_eq!(map("MISC", "Azerbaijani"), EntityType::Norp);
        assert_eq!(map("MISC", "U.S.-Armenian"), EntityType::Norp);
        assert_eq!(map("MISC", "44-day war"), EntityType::Event);
        assert_eq!(map("MISC", "Russia-ASEAN Summit"), EntityType::Event);
        assert_eq!(map("MISC", "Eurovision"), EntityType::Misc);
        assert_eq!(map("PER", "Sergey Ghazaryan"), EntityType::Person);
        assert_eq!(map("ORG", "Defence Army"), EntityType::Org);
        assert_eq!(map("ORG", "OSCE"), EntityType::Org);
        assert_eq!(map("XYZ", "Thing"), EntityType::Misc);
    }
}
