//! Mapping the tagger's CoNLL types onto the record's entity types, with
//! knowledge from data (`models/ner_types.tsv`, rules in its header) and the
//! gazetteer.

use crate::doc::EntityType;
use crate::error::Error;
use crate::lexicon::{data_lines, field, WordMap, WordSet};
use crate::ner::gazetteer::Gazetteer;

const EMBEDDED: &str = include_str!("../../models/ner_types.tsv");

#[derive(Debug, Clone)]
enum Cue {
    Default,
    Last(String),
    /// The last word, as the head: no "of" before it ("Defence Ministers",
    /// not "Council of Ministers").
    Head(String),
    Word(String),
    Suffix(String),
}

/// Words with a role in reshaping the tagger's spans (model type `*` in
/// the file; see its header).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WordClass {
    /// Names a body generically ("Government").
    Generic,
    /// Never inside a name: a headline's verb ("Imposes").
    Breaker,
    /// A title's modifier, not part of the name after it ("Deputy").
    Lead,
    /// A ministry's field ("Affairs"): after "Minister of" it is the title's.
    Portfolio,
    /// A body named after a title holder ("Office" of the Spokesperson).
    Office,
    /// A span of this text alone is no entity ("USD").
    NotAName,
    /// A lower-case place word trimmed from a name's end ("the Kharkiv region").
    Tail,
    /// A body's head noun whose name may run on over "on|for `<field>`"
    /// ("Commission [on Public Diplomacy]").
    Body,
}

impl WordClass {
    fn parse(cue: &str) -> Option<WordClass> {
        Some(match cue {
            "generic" => WordClass::Generic,
            "breaker" => WordClass::Breaker,
            "lead" => WordClass::Lead,
            "portfolio" => WordClass::Portfolio,
            "office" => WordClass::Office,
            "notaname" => WordClass::NotAName,
            "tail" => WordClass::Tail,
            "body" => WordClass::Body,
            _ => return None,
        })
    }
}

/// Compiled type cues.
#[derive(Debug, Clone)]
pub struct TypeMap {
    rules: Vec<(String, Cue, EntityType)>,
    classes: WordMap<WordClass, WordSet<String>>,
}

impl TypeMap {
    /// The cues shipped in `models/ner_types.tsv`.
    pub fn embedded() -> Result<TypeMap, Error> {
        TypeMap::parse(EMBEDDED, "ner_types.tsv")
    }

    /// Cues from a file's contents.
    pub fn parse(contents: &str, file: &str) -> Result<TypeMap, Error> {
        let mut rules = Vec::new();
        let mut classes: WordMap<WordClass, WordSet<String>> = WordMap::default();
        for line in data_lines(contents) {
            let model = field(&line, 0, file)?.to_string();
            let value = field(&line, 2, file)?.to_string();
            if let Some(class) = WordClass::parse(field(&line, 1, file)?) {
                classes.entry(class).or_default().insert(value);
                continue;
            }
            let cue = match field(&line, 1, file)? {
                "default" => Cue::Default,
                "last" => Cue::Last(value),
                "head" => Cue::Head(value),
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
        // The default row applies when no cue fits, wherever it is listed:
        // ordered last once here (a stable sort keeps the cues' order).
        rules.sort_by_key(|(_, cue, _)| matches!(cue, Cue::Default));
        Ok(TypeMap { rules, classes })
    }

    /// Whether `word` names a body generically ("Government"): a span made
    /// of such words and a place name is not a name of its own.
    pub fn is_generic(&self, word: &str) -> bool {
        self.is(WordClass::Generic, word)
    }

    /// Whether the file puts `word` (as written) in `class`. A word written
    /// all in capitals ("MINISTER FOR JUSTICE AND MULTICULTURAL AFFAIRS", an
    /// upper-case title line) is read in its capitalised form as well, since
    /// capitals carry no case information there.
    pub fn is(&self, class: WordClass, word: &str) -> bool {
        let Some(set) = self.classes.get(&class) else {
            return false;
        };
        set.contains(word) || capitalised_form(word).is_some_and(|w| set.contains(&w))
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
        for (_, cue, label) in self
            .rules
            .iter()
            .filter(|(model, _, _)| model == model_type)
        {
            let fits = match cue {
                Cue::Default => true,
                Cue::Last(w) => last == w,
                Cue::Head(w) => last == w && !words.contains(&"of"),
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

/// "JUSTICE" → "Justice": the capitalised form of a word of two or more
/// letters written all in capitals; `None` for any other word.
fn capitalised_form(word: &str) -> Option<String> {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let all_caps = letters.clone().count() >= 2 && letters.all(char::is_uppercase);
    if !all_caps {
        return None;
    }
    let mut chars = word.chars();
    let first = chars.next()?;
    Some(first.to_string() + &chars.as_str().to_lowercase())
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
        // cues listed after the default row still apply
        assert_eq!(
            map("ORG", "Rohan-Gondor Strategic Dialogue"),
            EntityType::Event
        );
        assert_eq!(map("ORG", "Westfold Province"), EntityType::Gpe);
        assert!(m.is(WordClass::Generic, "Government"));
        assert!(m.is(WordClass::Breaker, "Imposes"));
        // an upper-case title line's words are read in their capitalised form
        assert!(m.is(WordClass::Breaker, "IMPOSES"));
        assert!(!m.is(WordClass::Breaker, "imposes"));
        assert!(!m.is(WordClass::Breaker, "Government"));
        assert_eq!(map("XYZ", "Thing"), EntityType::Misc);
        // a role plural is the head of a set of people, not inside a body's name
        assert_eq!(map("ORG", "Harbour Ministers"), EntityType::Misc);
        assert_eq!(map("ORG", "Harbour Council of Ministers"), EntityType::Org);
    }
}
