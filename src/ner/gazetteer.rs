//! The gazetteer ruler: dictionary names matched over tokens.
//!
//! Entries come from `models/gazetteers/*.tsv` (format in
//! `models/gazetteers/README.md`) and from `--dict` files declaring
//! `# format: attache-gazetteer/1`. Each name and alias is tokenised with
//! the pipeline's own tokenizer, so a pattern matches exactly the tokens
//! the text produces.
//!
//! Matching: within a sentence, left to right, longest pattern first; a
//! match never overlaps an earlier one. Case matters, with one exception:
//! a run of all-capital tokens (an upper-case headline, "BURMA") also
//! matches names of at least four letters that are not themselves
//! all-capital, so acronyms ("US", "UN") only ever match exactly and the
//! pronoun "us" never matches "US". Typographic and straight apostrophes
//! are treated alike.

use crate::doc::{Doc, EntityType};
use crate::error::Error;
use crate::lexicon::{data_lines, field, is_all_caps, WordMap};
use crate::text::Tokenizer;

/// One dictionary entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Stable id (`country:arm`, `org:osce`).
    pub id: String,
    /// Entity type.
    pub label: EntityType,
    /// Finer kind (country, city, igo, demonym …).
    pub kind: String,
    /// Canonical name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// ISO 3166-1 alpha-2.
    pub iso2: Option<String>,
    /// ISO 3166-1 alpha-3.
    pub iso3: Option<String>,
    /// ISO alpha-3 of the country the entry belongs to.
    pub country: Option<String>,
    /// Wikidata QID.
    pub wikidata: Option<String>,
    /// Id of the parent entry.
    pub parent: Option<String>,
}

#[derive(Debug, Clone)]
struct Pattern {
    tokens: Vec<String>,
    entry: usize,
}

/// A match of an entry over tokens `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GazMatch {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Index of the entry (see [`Gazetteer::entry`]).
    pub entry: usize,
}

/// Compiled dictionary of names.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    by_id: WordMap<String, usize>,
    /// First token → patterns, longest first (exact case).
    exact: WordMap<String, Vec<Pattern>>,
    /// Lower-cased first token → patterns, for all-capital text.
    folded: WordMap<String, Vec<Pattern>>,
    /// Lower-cased full name → entry, for typing model spans.
    names: WordMap<String, usize>,
}

/// The gazetteer files shipped in `models/gazetteers/`.
pub const EMBEDDED: [(&str, &str); 8] = [
    (
        "countries.tsv",
        include_str!("../../models/gazetteers/countries.tsv"),
    ),
    (
        "cities.tsv",
        include_str!("../../models/gazetteers/cities.tsv"),
    ),
    (
        "provinces.tsv",
        include_str!("../../models/gazetteers/provinces.tsv"),
    ),
    (
        "regions.tsv",
        include_str!("../../models/gazetteers/regions.tsv"),
    ),
    (
        "organizations.tsv",
        include_str!("../../models/gazetteers/organizations.tsv"),
    ),
    (
        "demonyms.tsv",
        include_str!("../../models/gazetteers/demonyms.tsv"),
    ),
    (
        "events.tsv",
        include_str!("../../models/gazetteers/events.tsv"),
    ),
    (
        "persons.tsv",
        include_str!("../../models/gazetteers/persons.tsv"),
    ),
];

fn key(token: &str) -> std::borrow::Cow<'_, str> {
    if token.contains('\u{2019}') {
        std::borrow::Cow::Owned(token.replace('\u{2019}', "'"))
    } else {
        std::borrow::Cow::Borrowed(token)
    }
}

impl Gazetteer {
    /// Compiles entries from files' contents (name, contents). Later files
    /// may add entries; an id given twice keeps the later entry.
    pub fn from_sources(
        sources: &[(&str, &str)],
        tokenizer: &Tokenizer,
    ) -> Result<Gazetteer, Error> {
        let mut g = Gazetteer::default();
        for (file, contents) in sources {
            for line in data_lines(contents) {
                if line.fields.first() == Some(&"id") {
                    continue; // the header row
                }
                let opt = |i: usize| {
                    line.fields
                        .get(i)
                        .filter(|s| !s.is_empty())
                        .map(|s| s.to_string())
                };
                let label_text = field(&line, 1, file)?;
                let label = EntityType::parse(label_text).ok_or_else(|| Error::Data {
                    file: file.to_string(),
                    line: line.line,
                    message: format!("unknown type {label_text:?}"),
                })?;
                let entry = Entry {
                    id: field(&line, 0, file)?.to_string(),
                    label,
                    kind: opt(2).unwrap_or_default(),
                    name: field(&line, 3, file)?.to_string(),
                    aliases: opt(4)
                        .map(|a| {
                            a.split('|')
                                .map(str::trim)
                                .filter(|s| !s.is_empty())
                                .map(str::to_string)
                                .collect()
                        })
                        .unwrap_or_default(),
                    iso2: opt(5),
                    iso3: opt(6),
                    country: opt(7),
                    wikidata: opt(8),
                    parent: opt(9),
                };
                g.add(entry, tokenizer);
            }
        }
        for list in g.exact.values_mut().chain(g.folded.values_mut()) {
            list.sort_by_key(|p| std::cmp::Reverse(p.tokens.len()));
        }
        Ok(g)
    }

    /// The embedded gazetteers plus user files.
    pub fn with_user_files(
        user: &[(String, String)],
        tokenizer: &Tokenizer,
    ) -> Result<Gazetteer, Error> {
        let mut sources: Vec<(&str, &str)> = EMBEDDED.to_vec();
        sources.extend(user.iter().map(|(n, c)| (n.as_str(), c.as_str())));
        Gazetteer::from_sources(&sources, tokenizer)
    }

    fn add(&mut self, entry: Entry, tokenizer: &Tokenizer) {
        let index = match self.by_id.get(&entry.id) {
            Some(&i) => {
                // A later definition replaces the earlier one.
                for list in self.exact.values_mut().chain(self.folded.values_mut()) {
                    list.retain(|p| p.entry != i);
                }
                self.entries[i] = entry;
                i
            }
            None => {
                self.entries.push(entry);
                self.by_id.insert(
                    self.entries[self.entries.len() - 1].id.clone(),
                    self.entries.len() - 1,
                );
                self.entries.len() - 1
            }
        };
        let entry = &self.entries[index];
        let surfaces: Vec<String> = std::iter::once(entry.name.clone())
            .chain(entry.aliases.iter().cloned())
            .collect();
        for surface in surfaces {
            let tokens: Vec<String> = tokenizer
                .tokenize(&surface, &[])
                .iter()
                .map(|t| key(&surface[t.span.bytes()]).into_owned())
                .collect();
            let Some(first) = tokens.first().cloned() else {
                continue;
            };
            self.names
                .entry(surface.to_lowercase().replace('\u{2019}', "'"))
                .or_insert(index);
            let letters = surface.chars().filter(|c| c.is_alphabetic()).count();
            if letters >= 4 && !is_all_caps(&surface) {
                let folded: Vec<String> = tokens.iter().map(|t| t.to_lowercase()).collect();
                self.folded
                    .entry(folded[0].clone())
                    .or_default()
                    .push(Pattern {
                        tokens: folded,
                        entry: index,
                    });
            }
            self.exact.entry(first).or_default().push(Pattern {
                tokens,
                entry: index,
            });
        }
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Entry `i`.
    pub fn entry(&self, i: usize) -> &Entry {
        &self.entries[i]
    }

    /// The entry with this id.
    pub fn by_id(&self, id: &str) -> Option<&Entry> {
        self.by_id.get(id).map(|&i| &self.entries[i])
    }

    /// The entry whose name or alias is exactly `text` (ignoring case).
    pub fn lookup(&self, text: &str) -> Option<&Entry> {
        self.names
            .get(&text.to_lowercase().replace('\u{2019}', "'"))
            .map(|&i| &self.entries[i])
    }

    /// Matches in every sentence of `doc`, in text order.
    pub fn find(&self, doc: &Doc) -> Vec<GazMatch> {
        let mut out = Vec::new();
        let texts: Vec<std::borrow::Cow<'_, str>> = (0..doc.tokens.len())
            .map(|i| key(doc.token_text(i)))
            .collect();
        for sentence in &doc.sentences {
            let mut i = sentence.tokens.start;
            while i < sentence.tokens.end {
                match self.longest_at(&texts, i, sentence.tokens.end) {
                    Some(m) => {
                        out.push(m);
                        i = m.end;
                    }
                    None => i += 1,
                }
            }
        }
        out
    }

    fn longest_at(
        &self,
        texts: &[std::borrow::Cow<'_, str>],
        i: usize,
        end: usize,
    ) -> Option<GazMatch> {
        let exact = self.exact.get(texts[i].as_ref()).and_then(|list| {
            list.iter().find(|p| {
                i + p.tokens.len() <= end
                    && p.tokens
                        .iter()
                        .zip(&texts[i..])
                        .all(|(a, b)| a.as_str() == b.as_ref())
            })
        });
        let folded = if texts[i].len() > 1 && is_all_caps(&texts[i]) {
            let lower = texts[i].to_lowercase();
            self.folded.get(&lower).and_then(|list| {
                list.iter().find(|p| {
                    i + p.tokens.len() <= end
                        && p.tokens
                            .iter()
                            .zip(&texts[i..])
                            .all(|(a, b)| is_all_caps(b) && *a == b.to_lowercase())
                })
            })
        } else {
            None
        };
        let best = match (exact, folded) {
            (Some(a), Some(b)) if b.tokens.len() > a.tokens.len() => b,
            (Some(a), _) => a,
            (None, Some(b)) => b,
            (None, None) => return None,
        };
        Some(GazMatch {
            start: i,
            end: i + best.tokens.len(),
            entry: best.entry,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::DocInfo;
    use crate::pipeline::{Dicts, Pipeline};

    fn matches(text: &str, g: &Gazetteer) -> Vec<(String, String)> {
        let p = Pipeline::new(&Dicts::default()).unwrap();
        let mut doc = Doc::new(DocInfo::default(), text.to_string());
        p.process(&mut doc);
        g.find(&doc)
            .iter()
            .map(|m| {
                let span = doc.token_span(m.start, m.end - 1);
                (doc.span_text(span).to_string(), g.entry(m.entry).id.clone())
            })
            .collect()
    }

    fn embedded() -> Gazetteer {
        Gazetteer::with_user_files(&[], &Tokenizer::default()).unwrap()
    }

    #[test]
    fn embedded_files_load_with_known_entries() {
        let g = embedded();
        assert!(g.len() > 1400, "{}", g.len());
        let arm = g.by_id("country:arm").unwrap();
        assert_eq!(arm.iso3.as_deref(), Some("ARM"));
        assert_eq!(arm.label, EntityType::Gpe);
        assert_eq!(g.lookup("republic of armenia").unwrap().id, "country:arm");
        assert_eq!(
            g.by_id("org:osce-minsk-group").unwrap().parent.as_deref(),
            Some("org:osce")
        );
    }

    #[test]
    fn longest_match_first_and_case_rules() {
        let g = embedded();
        let got = matches(
            "The OSCE Minsk Group met in the Republic of Armenia and told us that the US agreed.",
            &g,
        );
        let ids: Vec<&str> = got.iter().map(|(_, id)| id.as_str()).collect();
        assert_eq!(
            ids,
            vec!["org:osce-minsk-group", "country:arm", "country:usa"]
        );
        assert_eq!(got[1].0, "Republic of Armenia");
        let caps = matches("BURMA: ATTACKS ON REFUGEE CAMPS", &g);
        assert_eq!(caps, vec![("BURMA".to_string(), "country:mmr".to_string())]);
        let apostrophe = matches("Côte d'Ivoire and Côte d’Ivoire", &g);
        assert_eq!(apostrophe.len(), 2);
        assert!(apostrophe.iter().all(|(_, id)| id == "country:civ"));
    }

    #[test]
    fn user_entries_extend_and_replace() {
        let user = "# format: attache-gazetteer/1\nid\ttype\tkind\tname\taliases\tiso2\tiso3\tcountry\twikidata\tparent\n\
                    custom:arnor\tGPE\tcountry\tArnor\tKingdom of Arnor\t\t\t\t\t\n";
        let g =
            Gazetteer::with_user_files(&[("mine.tsv".into(), user.into())], &Tokenizer::default())
                .unwrap();
        assert_eq!(
            matches("The Kingdom of Arnor protested.", &g),
            vec![("Kingdom of Arnor".to_string(), "custom:arnor".to_string())]
        );
        let bad = "x\tNOPE\tk\tName\n";
        assert!(Gazetteer::from_sources(&[("bad.tsv", bad)], &Tokenizer::default()).is_err());
    }
}
