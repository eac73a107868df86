//! The event coder's data: triggers by lemma (`attache-triggers/1`), the
//! future-tense table (`attache-event-future/1`) and the CAMEO→PLOVER
//! table (`attache-cameo-plover/1`), all under `models/events/`.

use std::collections::HashMap;
use std::sync::Arc;

use crate::doc::PloverType;
use crate::error::Error;
use crate::events::triggers::{Triggers, TRIGGERS};
use crate::lexicon::WordClasses;
use crate::lexicon::{data_lines, field};

/// The embedded future-tense table.
pub const FUTURE: &str = include_str!("../../models/events/future.tsv");
/// The embedded CAMEO→PLOVER table.
pub const CAMEO_PLOVER: &str = include_str!("../../models/events/cameo_plover.tsv");

/// Everything the coder knows.
#[derive(Debug, Clone, Default)]
pub struct EventLexicon {
    /// CAMEO code → PLOVER type.
    pub cameo: HashMap<String, PloverType>,
    /// The word classes the coder consults (`models/words.tsv`).
    pub words: Arc<WordClasses>,
    /// What a future cooperative action is coded as: type → (type, CAMEO)
    /// (`models/events/future.tsv`).
    pub future: HashMap<PloverType, (PloverType, String)>,
    /// Triggers by lemma, with argument slots (`models/events/triggers.tsv`).
    pub triggers: Triggers,
}

fn data_error(file: &str, line: usize, message: String) -> Error {
    Error::Data {
        file: file.to_string(),
        line,
        message,
    }
}

impl EventLexicon {
    /// The embedded files plus user files of the three formats (name,
    /// contents, format).
    pub fn with_user_files(user: &[(String, String, String)]) -> Result<EventLexicon, Error> {
        let mut lex = EventLexicon::default();
        lex.read_table("cameo_plover.tsv", CAMEO_PLOVER)?;
        for (name, contents, format) in user {
            if format == "attache-cameo-plover/1" {
                lex.read_table(name, contents)?;
            }
        }
        lex.read_triggers("triggers.tsv", TRIGGERS)?;
        lex.read_future("future.tsv", FUTURE)?;
        for (name, contents, format) in user {
            match format.as_str() {
                "attache-triggers/1" => lex.read_triggers(name, contents)?,
                "attache-event-future/1" => lex.read_future(name, contents)?,
                _ => {}
            }
        }
        Ok(lex)
    }

    /// The same lexicon with these word classes (embedded plus `--dict`).
    pub fn with_words(mut self, words: Arc<WordClasses>) -> EventLexicon {
        self.words = words;
        self
    }

    /// The PLOVER type of a CAMEO code (longest listed prefix).
    pub fn plover_of(&self, cameo: &str) -> Option<PloverType> {
        (2..=cameo.len())
            .rev()
            .find_map(|n| cameo.get(..n).and_then(|p| self.cameo.get(p)))
            .copied()
    }

    fn read_future(&mut self, file: &str, contents: &str) -> Result<(), Error> {
        for line in data_lines(contents) {
            let from = field(&line, 0, file)?;
            if from == "type" {
                continue;
            }
            let to = field(&line, 1, file)?;
            let cameo = field(&line, 2, file)?;
            let parse = |name: &str| {
                PloverType::parse(name).ok_or_else(|| {
                    data_error(file, line.line, format!("unknown PLOVER type {name:?}"))
                })
            };
            let (from, to) = (parse(from)?, parse(to)?);
            if self.plover_of(cameo) != Some(to) {
                return Err(data_error(
                    file,
                    line.line,
                    format!("CAMEO {cameo} is not {to} in the table"),
                ));
            }
            self.future.insert(from, (to, cameo.to_string()));
        }
        Ok(())
    }

    fn read_triggers(&mut self, file: &str, contents: &str) -> Result<(), Error> {
        let mut triggers = std::mem::take(&mut self.triggers);
        let read = triggers.read(file, contents, |c| self.plover_of(c));
        self.triggers = triggers;
        read
    }

    fn read_table(&mut self, file: &str, contents: &str) -> Result<(), Error> {
        for line in data_lines(contents) {
            let code = field(&line, 0, file)?;
            if code == "cameo" {
                continue;
            }
            let name = field(&line, 1, file)?;
            let Some(kind) = PloverType::parse(name) else {
                return Err(data_error(
                    file,
                    line.line,
                    format!("unknown PLOVER type {name:?}"),
                ));
            };
            self.cameo.insert(code.to_string(), kind);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_files_load_and_agree_with_the_table() {
        let lex = EventLexicon::with_user_files(&[]).unwrap();
        assert!(lex.triggers.rows.len() > 100);
        for t in PloverType::ALL {
            assert!(
                lex.triggers.rows.iter().any(|r| r.kind == t),
                "no trigger for {t}"
            );
        }
        assert_eq!(lex.plover_of("163"), PloverType::parse("SANCTION"));
        assert_eq!(lex.plover_of("0231"), PloverType::parse("REQUEST"));
        assert_eq!(lex.plover_of("1123"), PloverType::parse("ACCUSE"));
        assert_eq!(lex.plover_of("01"), None);
        assert_eq!(
            lex.future.get(&PloverType::Aid).map(|(t, _)| *t),
            PloverType::parse("AGREE")
        );
    }

    #[test]
    fn a_trigger_whose_code_disagrees_with_the_table_is_refused() {
        let bad = "# format: attache-triggers/1\nx.bad\tattack\tVERB\tASSAULT\t111\t\t\n";
        let err = EventLexicon::with_user_files(&[(
            "bad.tsv".into(),
            bad.into(),
            "attache-triggers/1".into(),
        )])
        .unwrap_err();
        assert!(err.to_string().contains("bad.tsv:2"), "{err}");
    }

    #[test]
    fn a_future_row_must_name_a_code_of_its_new_type() {
        let bad = "# format: attache-event-future/1\nAID\tAGREE\t190\n";
        let err = EventLexicon::with_user_files(&[(
            "f.tsv".into(),
            bad.into(),
            "attache-event-future/1".into(),
        )])
        .unwrap_err();
        assert!(err.to_string().contains("f.tsv:2"), "{err}");
    }
}
