//! Building the recogniser: the alias table (`models/agreements.tsv`) and
//! the cue words (`models/agreement_cues.tsv`) with any user files, and
//! the settings and head list other stages read.

use std::sync::Arc;

use super::phrases::PhraseTable;
use super::{
    bodies, dating, guarantees, jointly, occasion, recall, refine, specific, Agreements, Entry,
    Flag, Head,
};
use super::{EMBEDDED_CUES, EMBEDDED_ENTRIES};
use crate::error::Error;
use crate::lexicon::formations::Formations;
use crate::lexicon::{data_lines, field, WordClasses, WordMap, WordSet};
use crate::text::Tokenizer;

impl Agreements {
    /// The recogniser with the embedded tables plus user files.
    pub fn new(entries: &[(&str, &str)], cues: &[(&str, &str)]) -> Result<Agreements, Error> {
        let tokenizer = Tokenizer::default();
        let mut a = Agreements {
            entries: Vec::new(),
            aliases: PhraseTable::default(),
            backrefs: WordMap::default(),
            heads: PhraseTable::default(),
            issuers: PhraseTable::default(),
            modifiers: WordSet::default(),
            courts: WordMap::default(),
            verbs: WordSet::default(),
            object_verbs: WordSet::default(),
            object_participles: WordSet::default(),
            negations: WordSet::default(),
            determiners: WordSet::default(),
            spec: specific::Cues::default(),
            refine: refine::Cues::default(),
            recall: recall::Cues::default(),
            occasion: occasion::Cues::default(),
            guarantees: guarantees::Cues::default(),
            bodies: bodies::Cues::default(),
            jointly: jointly::Cues::default(),
            dating: dating::Cues::default(),
            words: WordClasses::embedded(),
            formations: Formations::default(),
        };
        let mut entry_files = vec![("agreements.tsv", EMBEDDED_ENTRIES)];
        entry_files.extend_from_slice(entries);
        for (file, contents) in entry_files {
            a.add_entries(&tokenizer, file, contents)?;
        }
        let mut cue_files = vec![("agreement_cues.tsv", EMBEDDED_CUES)];
        cue_files.extend_from_slice(cues);
        for (file, contents) in cue_files {
            a.add_cues(&tokenizer, file, contents)?;
        }
        a.aliases.finish();
        a.heads.finish();
        a.issuers.finish();
        a.spec.idioms.finish();
        a.spec.manner.finish();
        Ok(a)
    }

    /// Adds an alias file's instruments (`attache-agreements/1`).
    fn add_entries(
        &mut self,
        tokenizer: &Tokenizer,
        file: &str,
        contents: &str,
    ) -> Result<(), Error> {
        for line in data_lines(contents) {
            let id = field(&line, 0, file)?;
            let kind = field(&line, 1, file)?;
            let name = field(&line, 2, file)?;
            let aliases = line.fields.get(3).copied().unwrap_or("-");
            let issuer = line
                .fields
                .get(4)
                .copied()
                .filter(|s| *s != "-" && !s.is_empty());
            let index = match self.entries.iter().position(|e| e.id == id) {
                Some(i) => i,
                None => {
                    self.entries.push(Entry {
                        id: id.to_string(),
                        kind: kind.to_string(),
                        name: name.to_string(),
                        issuer: issuer.map(str::to_string),
                    });
                    self.entries.len() - 1
                }
            };
            self.aliases.add(tokenizer, name, index, true);
            let backrefs = line.fields.get(5).copied().unwrap_or("-");
            for back in backrefs.split('|').map(str::trim) {
                if !back.is_empty() && back != "-" {
                    self.backrefs.insert(back.to_lowercase(), index);
                }
            }
            for alias in aliases.split('|').map(str::trim) {
                if !alias.is_empty() && alias != "-" {
                    self.aliases.add(tokenizer, alias, index, true);
                }
            }
        }
        Ok(())
    }

    /// Adds a cue file's rows (`attache-agreement-cues/1`).
    fn add_cues(&mut self, tokenizer: &Tokenizer, file: &str, contents: &str) -> Result<(), Error> {
        for line in data_lines(contents) {
            let class = field(&line, 0, file)?;
            let phrase = field(&line, 1, file)?;
            let value = line.fields.get(2).copied().unwrap_or("-");
            match class {
                "head" => {
                    let flag = match line.fields.get(3).copied().unwrap_or("") {
                        "modifier" => Flag::Modifier,
                        "court" => Flag::Court,
                        "numbered" => Flag::Numbered,
                        "short" => Flag::Short,
                        "capital" => Flag::Capital,
                        "capital_only" => Flag::CapitalOnly,
                        _ => Flag::Plain,
                    };
                    let canon = line.fields.get(4).copied().unwrap_or(phrase).to_string();
                    // the head word: before "of" ("memoranda of understanding"), else the last
                    let head_part = phrase.split(" of ").next().unwrap_or(phrase);
                    let last = head_part.rsplit(' ').next().unwrap_or(phrase);
                    let plural =
                        last.ends_with('s') && !last.ends_with("ss") || last.ends_with("ta");
                    self.heads.add(
                        tokenizer,
                        phrase,
                        Head {
                            kind: value.to_string(),
                            flag,
                            canon,
                            plural,
                        },
                        false,
                    );
                }
                "modifier" => {
                    self.modifiers.insert(phrase.to_lowercase());
                }
                "issuer" => self.issuers.add(tokenizer, phrase, value.to_string(), true),
                "court" => {
                    self.courts.insert(
                        phrase.to_lowercase(),
                        (value != "-").then(|| value.to_string()),
                    );
                }
                "verb" => {
                    self.verbs.insert(phrase.to_lowercase());
                }
                "object_verb" => {
                    self.object_verbs.insert(phrase.to_lowercase());
                }
                "object_participle" => {
                    self.object_participles.insert(phrase.to_lowercase());
                }
                "negation" => {
                    self.negations.insert(phrase.to_lowercase());
                }
                "determiner" => {
                    self.determiners.insert(phrase.to_lowercase());
                }
                // not a word list: the cue file's class names (`specific.rs`)
                "participle" | "auxiliary" | "mediation" | "court_verb" | "general"
                | "general_plural" | "idiom" | "manner" | "definite" | "placing" | "qualifier" => {
                    self.spec.add(tokenizer, class, phrase);
                }
                c if refine::Cues::CLASSES.contains(&c) => self.refine.add(class, phrase),
                c if recall::Cues::CLASSES.contains(&c) => self.recall.add(class, phrase),
                c if occasion::Cues::CLASSES.contains(&c) => self.occasion.add(class, phrase),
                c if guarantees::Cues::CLASSES.contains(&c) => self.guarantees.add(class, phrase),
                c if dating::Cues::CLASSES.contains(&c) => self.dating.add(class, phrase),
                c if bodies::Cues::CLASSES.contains(&c) => self.bodies.add(class, phrase),
                c if jointly::Cues::CLASSES.contains(&c) => self.jointly.add(class, phrase),
                other => {
                    return Err(Error::Data {
                        file: file.to_string(),
                        line: line.line,
                        message: format!("unknown class {other:?}"),
                    })
                }
            }
        }
        Ok(())
    }

    /// The head words whose sentences the rules read from the parse (the
    /// syntax stage's filter adds them): plain heads ("agreement", "deal",
    /// "ceasefire") and numbered ones ("resolution": `occasion.rs` reads
    /// its adopting verb from the parse), not the frequent "statement" or
    /// "programme" nor court or short ones, so that parsing stays cheap.
    pub fn parsed_heads(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for list in self.heads.by_first.values() {
            for p in list {
                let generic = matches!(p.value.flag, Flag::Plain | Flag::Numbered);
                // "memorandum of understanding": the word before "of"
                let before_of = p.lower.iter().position(|w| w == "of");
                let head = before_of.map_or(p.lower.last(), |k| {
                    k.checked_sub(1).and_then(|k| p.lower.get(k))
                });
                let head = head.filter(|w| w.len() > 2);
                if let Some(w) = head.filter(|_| generic) {
                    if !out.contains(w) {
                        out.push(w.clone());
                    }
                }
            }
        }
        out
    }

    /// The same recogniser with these word classes (embedded plus `--dict`).
    pub fn with_words(mut self, words: Arc<WordClasses>) -> Agreements {
        self.words = words;
        self
    }

    /// The same recogniser with these formations: a formation's name makes
    /// its "Statement" a joint one ("Quad Leaders' Statement").
    pub fn with_formations(mut self, formations: Formations) -> Agreements {
        self.formations = formations;
        self
    }
}
