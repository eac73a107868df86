//! The event coder's data: trigger patterns (`attache-events/1`), status
//! cues (`attache-event-cues/1`) and the CAMEO→PLOVER table
//! (`attache-cameo-plover/1`), all under `models/events/`.

use crate::doc::PloverType;
use std::sync::Arc;

use crate::lexicon::WordClasses;
use std::collections::HashMap;

use crate::doc::EventStatus;
use crate::error::Error;
use crate::events::pattern::{PatternIndex, TokPattern};
use crate::lexicon::{data_lines, field};

/// The embedded pattern file.
pub const PATTERNS: &str = include_str!("../../models/events/patterns.tsv");
/// The embedded cue file.
pub const CUES: &str = include_str!("../../models/events/cues.tsv");
/// The embedded future-tense table.
pub const FUTURE: &str = include_str!("../../models/events/future.tsv");
/// The embedded CAMEO→PLOVER table.
pub const CAMEO_PLOVER: &str = include_str!("../../models/events/cameo_plover.tsv");

/// How a pattern's arguments are found (the `flags` column).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Flags {
    /// A nominalisation.
    pub nom: bool,
    /// A coordinated subject yields both directions.
    pub recip: bool,
    /// Object is the source, subject the target.
    pub rev: bool,
    /// No target.
    pub notgt: bool,
    /// The target must follow one of these prepositions (empty: any).
    pub tgt_preps: Vec<String>,
    /// A request: what follows is called for.
    pub req: bool,
    /// A noun phrase object may be a group target.
    pub npobj: bool,
    /// Modal cues do not make it hypothetical.
    pub intent: bool,
    /// Without a subject the source is the author.
    pub author: bool,
    /// A verb: right after a determiner or possessive it is a noun and
    /// codes nothing ("the African Union's call for").
    pub verb: bool,
    /// An evaluation by the document's voice: the source is the author,
    /// and the actor the clause is about is the target ("Iran's reckless
    /// activities", "X would bear the consequences").
    pub judge: bool,
    /// The actors after the trigger are the parties ("partnership between
    /// X and Y"): the first is the source, the others its targets.
    pub between: bool,
    /// Coordinated persons sign as individuals: one event from the
    /// first-named to each co-signer.
    pub signers: bool,
    /// Coordinated persons act for their states or organisations: the
    /// event is between those ("the two presidents reaffirmed …").
    pub parties: bool,
    /// What the document this event sends ("letters") says later is said
    /// by its source ("the letter said that …").
    pub sender: bool,
    /// A visit: a state target is its leader who takes part in the meeting
    /// ("Erdoğan's visit to Ukraine" when Zelenskyy hosts it).
    pub host: bool,
    /// The actor after the trigger's closing "of" is the source ("the
    /// withdrawal of Rohirric forces").
    pub ofagent: bool,
    /// The target is the agent of the nominalised action right after the
    /// trigger, not its victim ("condemns the shelling of Pelargir": no
    /// target; "condemns attacks by X": X).
    pub agentof: bool,
    /// Coded only with a target ("X must …" says nothing without an X).
    pub needtgt: bool,
    /// Words that cancel the trigger when they come up to four tokens
    /// before it ("the statement was released").
    pub veto: Vec<String>,
}

/// One trigger pattern.
#[derive(Debug, Clone)]
pub struct PatternDef {
    /// Stable id (`accuse.condemn`).
    pub id: String,
    /// PLOVER type.
    pub kind: PloverType,
    /// CAMEO code.
    pub cameo: String,
    /// The compiled pattern.
    pub pattern: TokPattern,
    /// Argument flags.
    pub flags: Flags,
}

/// One status cue.
#[derive(Debug, Clone)]
pub struct Cue {
    /// The cue's tokens.
    pub pattern: TokPattern,
    /// The status it gives.
    pub status: EventStatus,
    /// Tokens its end may lie before the trigger.
    pub before: usize,
}

/// Everything the coder knows.
#[derive(Debug, Clone, Default)]
pub struct EventLexicon {
    /// Trigger patterns.
    pub patterns: Vec<PatternDef>,
    /// Index of `patterns` by first token.
    pub index: PatternIndex,
    /// Status cues.
    pub cues: Vec<Cue>,
    /// Index of `cues` by first token.
    pub cue_index: PatternIndex,
    /// Speech verbs ("said", "stressed", "noting"): their subject is the
    /// speaker of what follows (cues of status `speech`).
    pub speech: Vec<TokPattern>,
    /// Index of `speech` by first token.
    pub speech_index: PatternIndex,
    /// Light verbs that perform a nominalised action ("conducted a nuclear
    /// test"): their subject is its source (cues of status `perform`).
    pub perform: std::collections::HashSet<String>,
    /// CAMEO code → PLOVER type.
    pub cameo: HashMap<String, PloverType>,
    /// Pattern id → index into `patterns`.
    pub by_id: HashMap<String, usize>,
    /// The word classes the coder consults (`models/words.tsv`).
    pub words: Arc<WordClasses>,
    /// What a future cooperative action is coded as: type → (type, CAMEO)
    /// (`models/events/future.tsv`).
    pub future: HashMap<PloverType, (PloverType, String)>,
    /// Triggers by lemma, with argument slots (`models/events/triggers.tsv`).
    pub triggers: crate::events::triggers::Triggers,
}

fn data_error(file: &str, line: usize, message: String) -> Error {
    Error::Data {
        file: file.to_string(),
        line,
        message,
    }
}

impl EventLexicon {
    /// The pattern with this id.
    pub fn pattern(&self, id: &str) -> Option<&PatternDef> {
        self.by_id.get(id).map(|&i| &self.patterns[i])
    }

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
        lex.read_patterns("patterns.tsv", PATTERNS)?;
        lex.read_cues("cues.tsv", CUES)?;
        lex.read_triggers("triggers.tsv", crate::events::triggers::TRIGGERS)?;
        lex.read_future("future.tsv", FUTURE)?;
        for (name, contents, format) in user {
            match format.as_str() {
                "attache-event-future/1" => lex.read_future(name, contents)?,
                "attache-triggers/1" => lex.read_triggers(name, contents)?,
                "attache-events/1" => lex.read_patterns(name, contents)?,
                "attache-event-cues/1" => lex.read_cues(name, contents)?,
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

    fn read_patterns(&mut self, file: &str, contents: &str) -> Result<(), Error> {
        for line in data_lines(contents) {
            let id = field(&line, 0, file)?;
            if id == "id" {
                continue;
            }
            let name = field(&line, 1, file)?;
            let cameo = field(&line, 2, file)?;
            let text = field(&line, 3, file)?;
            let Some(kind) = PloverType::parse(name) else {
                return Err(data_error(
                    file,
                    line.line,
                    format!("unknown PLOVER type {name:?}"),
                ));
            };
            match self.plover_of(cameo) {
                Some(t) if t == kind => {}
                other => {
                    return Err(data_error(
                        file,
                        line.line,
                        format!(
                            "pattern {id}: CAMEO {cameo} is {other:?} in the table, not {kind}"
                        ),
                    ))
                }
            }
            if self.by_id.contains_key(id) {
                return Err(data_error(
                    file,
                    line.line,
                    format!("duplicate pattern id {id}"),
                ));
            }
            let pattern = TokPattern::parse(text)
                .ok_or_else(|| data_error(file, line.line, format!("empty pattern {text:?}")))?;
            let mut flags = Flags::default();
            for f in line
                .fields
                .get(4)
                .copied()
                .unwrap_or("")
                .split(',')
                .map(str::trim)
                .filter(|f| !f.is_empty())
            {
                match f {
                    "nom" => flags.nom = true,
                    "recip" => flags.recip = true,
                    "rev" => flags.rev = true,
                    "notgt" => flags.notgt = true,
                    "req" => flags.req = true,
                    "npobj" => flags.npobj = true,
                    "intent" => flags.intent = true,
                    "author" => flags.author = true,
                    "verb" => flags.verb = true,
                    "judge" => flags.judge = true,
                    "between" => flags.between = true,
                    "signers" => flags.signers = true,
                    "parties" => flags.parties = true,
                    "sender" => flags.sender = true,
                    "needtgt" => flags.needtgt = true,
                    "host" => flags.host = true,
                    "ofagent" => flags.ofagent = true,
                    "agentof" => flags.agentof = true,
                    _ if f.starts_with("veto=") => {
                        flags.veto = f["veto=".len()..]
                            .split('|')
                            .filter(|w| !w.is_empty())
                            .map(str::to_lowercase)
                            .collect()
                    }
                    _ => match f.strip_prefix("tgt=") {
                        Some(list) => {
                            flags.tgt_preps = list
                                .split('|')
                                .filter(|p| !p.is_empty())
                                .map(str::to_lowercase)
                                .collect()
                        }
                        None => {
                            return Err(data_error(file, line.line, format!("unknown flag {f:?}")))
                        }
                    },
                }
            }
            let n = self.patterns.len();
            self.index.add(n, &pattern);
            self.by_id.insert(id.to_string(), n);
            self.patterns.push(PatternDef {
                id: id.to_string(),
                kind,
                cameo: cameo.to_string(),
                pattern,
                flags,
            });
        }
        Ok(())
    }

    fn read_cues(&mut self, file: &str, contents: &str) -> Result<(), Error> {
        for line in data_lines(contents) {
            let text = field(&line, 0, file)?;
            if text == "cue" {
                continue;
            }
            let status_text = field(&line, 1, file)?;
            if status_text == "perform" {
                self.perform.insert(text.to_lowercase());
                continue;
            }
            if status_text == "speech" {
                let pattern = TokPattern::parse(text)
                    .ok_or_else(|| data_error(file, line.line, format!("empty cue {text:?}")))?;
                let n = self.speech.len();
                self.speech_index.add(n, &pattern);
                self.speech.push(pattern);
                continue;
            }
            let status = EventStatus::parse(status_text)
                .filter(|s| *s != EventStatus::Asserted && *s != EventStatus::CalledFor)
                .ok_or_else(|| {
                    data_error(file, line.line, format!("bad cue status {status_text:?}"))
                })?;
            let before: usize = field(&line, 2, file)?
                .parse()
                .map_err(|_| data_error(file, line.line, "window is not a number".to_string()))?;
            let pattern = TokPattern::parse(text)
                .ok_or_else(|| data_error(file, line.line, format!("empty cue {text:?}")))?;
            let n = self.cues.len();
            self.cue_index.add(n, &pattern);
            self.cues.push(Cue {
                pattern,
                status,
                before,
            });
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
        assert!(lex.patterns.len() > 100);
        for t in PloverType::ALL {
            assert!(
                lex.patterns.iter().any(|p| p.kind == t),
                "no pattern for {t}"
            );
        }
        assert_eq!(lex.plover_of("163"), PloverType::parse("SANCTION"));
        assert_eq!(lex.plover_of("0231"), PloverType::parse("REQUEST"));
        assert_eq!(lex.plover_of("1123"), PloverType::parse("ACCUSE"));
        assert_eq!(lex.plover_of("01"), None);
    }

    #[test]
    fn flags_speech_and_perform_cues_are_read() {
        let lex = EventLexicon::with_user_files(&[]).unwrap();
        let p = lex.pattern("accuse.reckless").unwrap();
        assert!(p.flags.judge && p.flags.author);
        let p = lex.pattern("retreat.release").unwrap();
        assert!(p.flags.verb && p.flags.veto.iter().any(|v| v == "statement*"));
        assert!(lex.pattern("consult.letter").unwrap().flags.sender);
        assert!(lex.pattern("consult.visit").unwrap().flags.host);
        assert!(lex.pattern("support.signed").unwrap().flags.signers);
        assert!(!lex.speech.is_empty());
        assert!(lex.perform.contains("conducted"));
        let bad = "# format: attache-events/1\nx.bad\tASSAULT\t190\tfoo\tnosuchflag\n";
        let err = EventLexicon::with_user_files(&[(
            "bad.tsv".into(),
            bad.into(),
            "attache-events/1".into(),
        )])
        .unwrap_err();
        assert!(err.to_string().contains("unknown flag"), "{err}");
    }

    #[test]
    fn a_pattern_whose_code_disagrees_with_the_table_is_refused() {
        let bad = "# format: attache-events/1\nx.bad\tASSAULT\t111\tfoo\t\n";
        let err = EventLexicon::with_user_files(&[(
            "bad.tsv".into(),
            bad.into(),
            "attache-events/1".into(),
        )])
        .unwrap_err();
        assert!(err.to_string().contains("bad.tsv:2"), "{err}");
    }
}
