//! The parties a generic reference's clause names (issue 13, item 4): the
//! subject of the verb the head is an object of ("Kenya and Uganda signed a
//! memorandum on trade", "the EU and Azerbaijan are negotiating a visa
//! facilitation agreement"), read from the parse. Two or more named
//! parties make the reference specific, and the record's descriptive name
//! carries them the way the dev gold writes unnamed instruments ("EU–
//! Azerbaijan visa facilitation agreement"). Also whether the capitalised
//! words before a named head name two or more parties ("Nepal-Switzerland
//! Joint Statement").

use super::specific::parsed;
use super::{Agreements, View};
use crate::doc::{Doc, EntityType};
use crate::lexicon::{WordClass, WordClasses};

/// How many verbs up an `xcomp` chain the subject is looked for ("agreed
/// to sign an agreement": the subject of "agreed").
const MAX_CLIMB: usize = 3;

/// The verb that head token `h` is the object of (by the parse), climbing
/// open complements to the verb that has the subject.
fn governing_verb(doc: &Doc, h: usize) -> Option<usize> {
    let (_, head, rel) = parsed(doc, h)?;
    if !matches!(rel, "obj" | "obl") {
        return None;
    }
    let verb = head?;
    let (upos, _, _) = parsed(doc, verb)?;
    matches!(upos, "VERB").then_some(verb)
}

/// Whether the verb is marked as a condition ("whether China and Italy will
/// conclude an agreement", "if A and B reach a deal"): no instrument yet.
/// The subordinators are the event coder's condition marks (`words.tsv`).
fn conditional(doc: &Doc, words: &WordClasses, verb: usize, first: usize, lim: usize) -> bool {
    (first..lim).any(|t| {
        parsed(doc, t).is_some_and(|(_, hd, rel)| hd == Some(verb) && rel == "mark")
            && words.has(WordClass::ConditionMark, doc.lower(t))
    })
}

/// The GPE and ORG names in the subject of the verb governing the head
/// token `h`, in text order (coordinated subjects included); none in a
/// conditional clause.
pub(super) fn subject_parties(
    doc: &Doc,
    words: &WordClasses,
    h: usize,
    (first, lim): (usize, usize),
) -> Vec<String> {
    let Some(mut verb) = governing_verb(doc, h) else {
        return Vec::new();
    };
    if conditional(doc, words, verb, first, lim) {
        return Vec::new();
    }
    let subjects = |verb: usize| -> Vec<usize> {
        (first..lim)
            .filter(|&t| {
                parsed(doc, t).is_some_and(|(_, hd, rel)| hd == Some(verb) && rel == "nsubj")
            })
            .collect()
    };
    let mut subj = subjects(verb);
    for _ in 0..MAX_CLIMB {
        if !subj.is_empty() {
            break;
        }
        match parsed(doc, verb) {
            Some((_, Some(up), "xcomp")) => {
                verb = up;
                if conditional(doc, words, verb, first, lim) {
                    return Vec::new();
                }
                subj = subjects(verb);
            }
            _ => break,
        }
    }
    // coordinated subjects: "Kenya and Uganda"
    let conj: Vec<usize> = (first..lim)
        .filter(|&t| {
            parsed(doc, t)
                .is_some_and(|(_, hd, rel)| rel == "conj" && hd.is_some_and(|x| subj.contains(&x)))
        })
        .collect();
    subj.extend(conj);
    // (a parse that strays past the verb names no subject)
    subj.retain(|&t| t < verb);
    if subj.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    for m in &doc.entities {
        let party = matches!(m.label, EntityType::Gpe | EntityType::Org)
            && m.tokens.end <= verb
            && subj.iter().any(|t| m.tokens.contains(t));
        let name = doc.span_text(m.span).to_string();
        if party && !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// The name with its parties before it ("Kenya–Uganda memorandum on
/// trade") when there are two or more and the name mentions none of them.
pub(super) fn with_party_prefix(name: &str, parties: &[String]) -> String {
    let lower = name.to_lowercase();
    let mentioned = parties.iter().any(|p| {
        p.split_whitespace()
            .any(|w| w.len() > 2 && lower.contains(&w.to_lowercase()))
    });
    if parties.len() < 2 || mentioned {
        return name.to_string();
    }
    format!("{} {name}", parties.join("\u{2013}"))
}

impl Agreements {
    /// Whether the capitalised words before a head name two or more parties:
    /// a formation ("Troika Statement") or two states or peoples
    /// ("Nepal-Switzerland Joint Statement", "Chilean-Peruvian Declaration").
    pub(super) fn names_parties(&self, doc: &Doc, v: &View, a: usize, i: usize) -> bool {
        let formation = (a..i).any(|k| self.formations.lookup(v.text[k]).is_some())
            || (a + 1 < i && self.formations.lookup(&v.text[a..i].join(" ")).is_some());
        let states = doc
            .entities
            .iter()
            .filter(|m| m.tokens.start >= a && m.tokens.end <= i)
            .filter(|m| matches!(m.label, EntityType::Gpe | EntityType::Norp))
            .count();
        formation || states >= 2
    }
}
