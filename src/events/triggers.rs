//! The trigger lexicon (`attache-triggers/1`, `models/events/triggers.tsv`):
//! event triggers by lemma and part of speech, each with the dependency
//! relations its source, target and requested action are read from.

use std::collections::HashMap;

use crate::doc::PloverType;
use crate::error::Error;
use crate::lexicon::{data_lines, field};

/// The embedded trigger file.
pub const TRIGGERS: &str = include_str!("../../models/events/triggers.tsv");

/// A trigger's part of speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TriggerPos {
    /// A verb ("condemned").
    Verb,
    /// A noun ("the attack").
    Noun,
    /// An adjective ("grateful").
    Adj,
    /// A modal of obligation ("Mordor must withdraw"): its clause's
    /// subject is asked to act by the speaker.
    Aux,
}

impl TriggerPos {
    /// The position of a UPOS tag, if triggers may have it.
    pub fn of_upos(upos: &str) -> Option<TriggerPos> {
        match upos {
            "VERB" => Some(TriggerPos::Verb),
            "NOUN" => Some(TriggerPos::Noun),
            "ADJ" => Some(TriggerPos::Adj),
            "AUX" => Some(TriggerPos::Aux),
            _ => None,
        }
    }

    fn parse(s: &str) -> Option<TriggerPos> {
        TriggerPos::of_upos(s)
    }
}

/// Where an argument is read from in the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rel {
    /// The subject (the by-agent in the passive).
    Subj,
    /// The direct object (the passive subject in the passive).
    Obj,
    /// The indirect object.
    Iobj,
    /// A nominal's possessor or modifier.
    Poss,
    /// An open clausal complement.
    Xcomp,
    /// A clausal complement.
    Ccomp,
    /// An oblique or nominal modifier marked by this preposition.
    Prep(String),
}

impl Rel {
    fn parse(s: &str) -> Option<Rel> {
        Some(match s {
            "subj" => Rel::Subj,
            "obj" => Rel::Obj,
            "iobj" => Rel::Iobj,
            "poss" => Rel::Poss,
            "xcomp" => Rel::Xcomp,
            "ccomp" => Rel::Ccomp,
            w if !w.is_empty() && w.chars().all(|c| c.is_lowercase()) => Rel::Prep(w.to_string()),
            _ => return None,
        })
    }
}

/// How a row's arguments are handled (the `flags` column).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TriggerFlags {
    /// A coordinated or plural subject acts in both directions.
    pub recip: bool,
    /// Source and target are swapped ("X hosted Y").
    pub rev: bool,
    /// No target is looked for.
    pub notgt: bool,
    /// A request: the `called` action is coded as called for.
    pub req: bool,
    /// A modal does not make it hypothetical.
    pub intent: bool,
    /// Coded only with a target.
    pub needtgt: bool,
    /// An evaluation in the document's own voice ("the Kremlin is spreading
    /// lies"): the voice is the source, the actor the slots find as
    /// source is the target.
    pub judge: bool,
    /// An object that names no actor means another sense ("meet the
    /// needs" is no meeting): coded only when the object, if any, is an
    /// actor.
    pub actorobj: bool,
    /// Only an object that is itself an actor makes the sense: a name, a
    /// pronoun for one or a role noun with one ("received the Minister of
    /// X", not "received a report from X"; "called Y", not "called Y a
    /// partner").
    pub actorhead: bool,
    /// A person as possessor is the one acted on ("the journalist's
    /// arrest"); a state or organisation as possessor still acts
    /// ("Mordor's detention of three sailors").
    pub posspatient: bool,
    /// Coded only when a source is a person: an official arrives on a
    /// visit; migrants, ships and aircraft that arrive make no visit.
    pub person: bool,
    /// Coded only when its object is no amount of money ("requested $40
    /// million from Congress" is a budget request, no diplomatic one).
    pub nomoney: bool,
    /// An accusation that is coded only where someone rejects it ("China
    /// rejected Gondor's charges"): its target is the one who rejects it.
    pub rejected: bool,
    /// A noun's appeal sense: coded only when the noun has an agent of
    /// its own (a possessor, an "of" or "by" phrase) and an infinitive
    /// after it ("Rohan's call to send convoys"; not "held a call to
    /// review the situation", a phone call, nor "the King's call to the
    /// Regent", with "to" on a name).
    pub appeal: bool,
}

/// One row.
#[derive(Debug, Clone)]
pub struct TriggerRow {
    /// Stable id (the record's `pattern`).
    pub id: String,
    /// The trigger's lemma.
    pub lemma: String,
    /// Further words that must be dependents of the trigger ("on" in
    /// "call on").
    pub with: Vec<String>,
    /// Part of speech.
    pub pos: TriggerPos,
    /// PLOVER type.
    pub kind: PloverType,
    /// CAMEO code.
    pub cameo: String,
    /// Where the source is read from.
    pub source: Vec<Rel>,
    /// Where the target is read from.
    pub target: Vec<Rel>,
    /// Where a request's action is read from.
    pub called: Vec<Rel>,
    /// Flags.
    pub flags: TriggerFlags,
}

/// The rows, indexed by (lemma, part of speech).
#[derive(Debug, Clone, Default)]
pub struct Triggers {
    /// All rows, in file order (user files after the embedded one).
    pub rows: Vec<TriggerRow>,
    by_lemma: HashMap<(String, TriggerPos), Vec<usize>>,
    by_id: HashMap<String, usize>,
}

fn data_error(file: &str, line: usize, message: String) -> Error {
    Error::Data {
        file: file.to_string(),
        line,
        message,
    }
}

impl Triggers {
    /// The rows for a lemma with this part of speech (multi-word rows
    /// first, so that "call on" is tried before "call").
    pub fn candidates(&self, lemma: &str, pos: TriggerPos) -> &[usize] {
        self.by_lemma
            .get(&(lemma.to_string(), pos))
            .map_or(&[], Vec::as_slice)
    }

    /// The row with this id.
    pub fn row(&self, id: &str) -> Option<&TriggerRow> {
        self.by_id.get(id).map(|&i| &self.rows[i])
    }

    /// Reads a file of this format; `plover_of` checks each CAMEO code.
    pub fn read(
        &mut self,
        file: &str,
        contents: &str,
        plover_of: impl Fn(&str) -> Option<PloverType>,
    ) -> Result<(), Error> {
        for line in data_lines(contents) {
            let id = field(&line, 0, file)?;
            if id == "id" {
                continue;
            }
            let row = parse_row(file, &line, &plover_of)?;
            if self.by_id.contains_key(&row.id) {
                return Err(data_error(
                    file,
                    line.line,
                    format!("duplicate trigger id {id}"),
                ));
            }
            let i = self.rows.len();
            self.by_id.insert(row.id.clone(), i);
            let list = self
                .by_lemma
                .entry((row.lemma.clone(), row.pos))
                .or_default();
            list.push(i);
            self.rows.push(row);
        }
        let rows = &self.rows;
        for list in self.by_lemma.values_mut() {
            list.sort_by_key(|&i| std::cmp::Reverse(rows[i].with.len()));
        }
        Ok(())
    }
}

fn parse_rels(file: &str, line: usize, spec: &str) -> Result<Vec<Rel>, Error> {
    spec.split('|')
        .map(|r| {
            Rel::parse(r.trim())
                .ok_or_else(|| data_error(file, line, format!("unknown relation {r:?}")))
        })
        .collect()
}

fn parse_row(
    file: &str,
    line: &crate::lexicon::DataLine<'_>,
    plover_of: &impl Fn(&str) -> Option<PloverType>,
) -> Result<TriggerRow, Error> {
    let at = line.line;
    let id = field(line, 0, file)?;
    let mut words = field(line, 1, file)?
        .split_whitespace()
        .map(str::to_lowercase);
    let lemma = words.next().unwrap_or_default();
    let with: Vec<String> = words.collect();
    let pos_text = field(line, 2, file)?;
    let pos = TriggerPos::parse(pos_text)
        .ok_or_else(|| data_error(file, at, format!("unknown part of speech {pos_text:?}")))?;
    let type_text = field(line, 3, file)?;
    let kind = PloverType::parse(type_text)
        .ok_or_else(|| data_error(file, at, format!("unknown PLOVER type {type_text:?}")))?;
    let cameo = field(line, 4, file)?;
    match plover_of(cameo) {
        Some(t) if t == kind => {}
        other => {
            return Err(data_error(
                file,
                at,
                format!("trigger {id}: CAMEO {cameo} is {other:?} in the table, not {kind}"),
            ))
        }
    }
    let (mut source, mut target) = match pos {
        TriggerPos::Verb => (vec![Rel::Subj], vec![Rel::Obj]),
        // read on the modal's verb; the source is the speaker
        TriggerPos::Aux => (Vec::new(), vec![Rel::Subj, Rel::Obj]),
        _ => (vec![Rel::Poss, Rel::Prep("by".into())], Vec::new()),
    };
    let mut called = Vec::new();
    for part in line.fields.get(5).copied().unwrap_or("").split(';') {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let Some((slot, rels)) = part.split_once('=') else {
            return Err(data_error(
                file,
                at,
                format!("expected slot=relations in {part:?}"),
            ));
        };
        let rels = parse_rels(file, at, rels)?;
        match slot.trim() {
            "source" => source = rels,
            "target" => target = rels,
            "called" => called = rels,
            other => return Err(data_error(file, at, format!("unknown slot {other:?}"))),
        }
    }
    let flags = parse_flags(file, at, line.fields.get(6).copied().unwrap_or(""))?;
    Ok(TriggerRow {
        id: id.to_string(),
        lemma,
        with,
        pos,
        kind,
        cameo: cameo.to_string(),
        source,
        target,
        called,
        flags,
    })
}

fn parse_flags(file: &str, at: usize, text: &str) -> Result<TriggerFlags, Error> {
    let mut flags = TriggerFlags::default();
    for f in text.split(',').map(str::trim).filter(|f| !f.is_empty()) {
        match f {
            "recip" => flags.recip = true,
            "rev" => flags.rev = true,
            "notgt" => flags.notgt = true,
            "req" => flags.req = true,
            "intent" => flags.intent = true,
            "needtgt" => flags.needtgt = true,
            "actorobj" => flags.actorobj = true,
            "actorhead" => flags.actorhead = true,
            "posspatient" => flags.posspatient = true,
            "judge" => flags.judge = true,
            "person" => flags.person = true,
            "nomoney" => flags.nomoney = true,
            "rejected" => flags.rejected = true,
            "appeal" => flags.appeal = true,
            other => return Err(data_error(file, at, format!("unknown flag {other:?}"))),
        }
    }
    Ok(flags)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn any_type(code: &str) -> Option<PloverType> {
        match code {
            "111" => PloverType::parse("ACCUSE"),
            "020" => PloverType::parse("REQUEST"),
            _ => None,
        }
    }

    #[test]
    fn reads_rows_with_defaults_and_slots() {
        let text = "id\tlemma\tpos\ttype\tcameo\targs\tflags\n\
                    accuse.condemn\tcondemn\tVERB\tACCUSE\t111\t\t\n\
                    request.call-on\tcall on\tVERB\tREQUEST\t020\ttarget=obj|on;called=xcomp\treq\n";
        let mut t = Triggers::default();
        t.read("t.tsv", text, any_type).unwrap();
        let c = t.row("accuse.condemn").unwrap();
        assert_eq!(c.source, vec![Rel::Subj]);
        assert_eq!(c.target, vec![Rel::Obj]);
        let r = t.row("request.call-on").unwrap();
        assert_eq!(r.with, vec!["on".to_string()]);
        assert_eq!(r.target, vec![Rel::Obj, Rel::Prep("on".into())]);
        assert_eq!(r.called, vec![Rel::Xcomp]);
        assert!(r.flags.req);
        assert_eq!(t.candidates("call", TriggerPos::Verb).len(), 1);
    }

    #[test]
    fn reads_the_rejected_flag() {
        let text =
            "accuse.charge-rejected\tcharge\tNOUN\tACCUSE\t111\tsource=poss|of\trejected,needtgt\n";
        let mut t = Triggers::default();
        t.read("t.tsv", text, any_type).unwrap();
        let r = t.row("accuse.charge-rejected").unwrap();
        assert!(r.flags.rejected && r.flags.needtgt);
        assert!(!t.row("accuse.charge-rejected").unwrap().flags.judge);
    }

    #[test]
    fn rejects_a_code_of_another_type_and_unknown_words() {
        let mut t = Triggers::default();
        let wrong = "x\tcondemn\tVERB\tREQUEST\t111\t\t\n";
        assert!(t.read("t.tsv", wrong, any_type).is_err());
        let bad_flag = "x\tcondemn\tVERB\tACCUSE\t111\t\tloud\n";
        assert!(t.read("t.tsv", bad_flag, any_type).is_err());
        let bad_pos = "x\tcondemn\tADV\tACCUSE\t111\t\t\n";
        assert!(t.read("t.tsv", bad_pos, any_type).is_err());
    }

    #[test]
    fn the_embedded_file_loads() {
        let lex = crate::events::lexicon::EventLexicon::with_user_files(&[]).unwrap();
        assert!(lex.triggers.rows.len() >= 40);
    }
}
