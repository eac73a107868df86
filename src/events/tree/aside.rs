//! The subject before a non-restrictive relative clause, which the parser
//! often leaves unattached ("Gondor, which invaded Arnor in May, rejected
//! the proposal": "Gondor" read as a vocative or a subject of "invaded"),
//! the subject the parser hung inside an opening participle clause
//! ("Speaking to journalists in Edoras, Minister X criticised …"), and the
//! noun an adjective trigger modifies ("a deeply concerned Gondor").

use super::args::Args;
use super::view::TreeView;
use crate::lexicon::WordClass;

/// How many tokens a relative clause between commas may span.
const MAX_ASIDE: usize = 24;

/// The actors named just before ", which/who/whose …," when verb `t`
/// follows the closing comma (after its auxiliaries and adverbs).
pub(super) fn subject_before_aside(args: &Args<'_>, t: usize) -> Vec<usize> {
    let tree = args.tree;
    let Some(k) = before_auxiliaries(tree, t) else {
        return Vec::new();
    };
    if tree.lemma(k) != "," {
        return Vec::new();
    }
    let close = k;
    for r in (close.saturating_sub(MAX_ASIDE)..close).rev() {
        let lemma = tree.lemma(r);
        if matches!(lemma, "," | "." | ";" | ":") {
            return Vec::new();
        }
        if args
            .classes
            .has(WordClass::RelativePronoun, &lemma.to_lowercase())
        {
            let opened = r.checked_sub(1).is_some_and(|c| tree.lemma(c) == ",");
            return match r.checked_sub(2) {
                Some(noun) if opened => args.actors.at(noun),
                _ => Vec::new(),
            };
        }
    }
    Vec::new()
}

/// The actors of the noun a participle read as an adjective trigger
/// modifies: it is the one in the state the participle names ("Gondor,
/// alarmed by …, called on …"). Only a participle: an adjective proper
/// on a noun is mostly a description, not a stance ("an armed group ready
/// to be used", "organizations committed to …").
pub(super) fn modified_noun(args: &Args<'_>, t: usize) -> Vec<usize> {
    let tree = args.tree;
    if tree.xpos(t) != "VBN" {
        return Vec::new();
    }
    match tree.head(t) {
        Some(h) if matches!(tree.rel(t), "amod" | "acl") && tree.upos(h) != "VERB" => {
            args.actors_at(h)
        }
        _ => Vec::new(),
    }
}

/// The actor named just before verb `t` (after its auxiliaries and
/// adverbs) when `t` has no nominal subject but a participle clause before
/// it read as its clausal subject, the name inside that clause ("Speaking
/// at the session, Minister X accused …", with "Minister X" under
/// "session"): an opening participle clause is an adverbial, never the
/// subject of a verb after a comma.
pub(super) fn subject_after_participle(args: &Args<'_>, t: usize) -> Vec<usize> {
    let tree = args.tree;
    let opening = tree
        .children(t)
        .iter()
        .any(|&c| c < t && tree.deprel(c) == "csubj" && tree.xpos(c) == "VBG");
    let nominal = tree.children(t).iter().any(|&c| tree.rel(c) == "nsubj");
    if !opening || nominal {
        return Vec::new();
    }
    let Some(k) = before_auxiliaries(tree, t) else {
        return Vec::new();
    };
    let comma_before = (k.saturating_sub(MAX_ASIDE)..k).any(|r| tree.lemma(r) == ",");
    if !comma_before || tree.upos(k) != "PROPN" {
        return Vec::new();
    }
    // (a name's own "of" phrase ends it: "Minister Bard Girion of Dale")
    match tree.head(k) {
        Some(h) if tree.case_of(k) == Some("of") && !args.actors.at(h).is_empty() => {
            args.actors.at(h)
        }
        _ => args.actors.at(k),
    }
}

/// The nearest token before `t` that is no auxiliary, adverb or particle
/// ("has also not" is skipped), if any.
fn before_auxiliaries(tree: &TreeView<'_>, t: usize) -> Option<usize> {
    (0..t)
        .rev()
        .find(|&k| !matches!(tree.upos(k), "AUX" | "ADV" | "PART"))
}
