//! Reports of another speaker: the reporting verb whose complement holds
//! a trigger, "according to" phrases and hearsay adverbs.

use super::super::view::TreeView;
use super::CLAUSE_DEPTH;
use crate::lexicon::{WordClass, WordClasses};

/// The reporting verb ("said", "claimed") whose clausal complement holds
/// the trigger, if any.
pub fn reporting_verb(tree: &TreeView<'_>, classes: &WordClasses, t: usize) -> Option<usize> {
    verb_reporting(tree, classes, WordClass::ReportingVerb, t)
}

/// The verb of class `class` whose clausal complement holds the trigger
/// (see [`reporting_verb`]).
pub fn verb_reporting(
    tree: &TreeView<'_>,
    classes: &WordClasses,
    class: WordClass,
    t: usize,
) -> Option<usize> {
    let mut n = t;
    for h in tree.ancestors(t).take(CLAUSE_DEPTH) {
        let rel = tree.rel(n);
        if matches!(rel, "ccomp" | "parataxis") && classes.has(class, tree.lemma(h)) {
            return Some(h);
        }
        if let Some(v) = told_that(tree, classes, class, n) {
            return Some(v);
        }
        // not a word list: UD relation labels a report reaches the trigger through
        if !matches!(
            rel,
            "ccomp" | "xcomp" | "conj" | "obj" | "nsubj:pass" | "advcl" | "parataxis"
        ) {
            return None;
        }
        n = h;
    }
    None
}

/// The reporting verb of a "that" clause the parser hung on the verb's
/// addressee as a relative clause ("told reporters that Rohan had
/// agreed", read as "reporters that …"): a clause with a subject of its
/// own, opened by "that", on the object of a reporting verb is what the
/// verb reports.
fn told_that(
    tree: &TreeView<'_>,
    classes: &WordClasses,
    class: WordClass,
    clause: usize,
) -> Option<usize> {
    if tree.deprel(clause) != "acl:relcl" {
        return None;
    }
    let children = tree.children(clause);
    let that = children
        .iter()
        .copied()
        .find(|&c| c < clause && tree.lemma(c).eq_ignore_ascii_case("that"))?;
    let own_subject = children
        .iter()
        .any(|&c| c > that && c < clause && tree.rel(c) == "nsubj");
    let addressee = tree.head(clause)?;
    let verb = tree.head(addressee)?;
    let addressed = matches!(tree.deprel(addressee), "obj" | "iobj");
    (own_subject && addressed && classes.has(class, tree.lemma(verb))).then_some(verb)
}

/// The source an "according to X" phrase on the trigger's clause names.
pub fn according_to(tree: &TreeView<'_>, t: usize) -> Option<usize> {
    // (the lemmatiser gives "according" as "accord")
    std::iter::once(t)
        .chain(tree.ancestors(t).take(2))
        .flat_map(|n| tree.children(n).iter().copied())
        .find(|&c| tree.rel(c) == "obl" && matches!(tree.case_of(c), Some("according" | "accord")))
}

/// Whether a hearsay adverb ("allegedly", "reportedly") modifies the
/// trigger or a verb it is coordinated with, complements or is the
/// object of ("reportedly arrested, beaten or deported"; "allegedly
/// launched an attack").
pub fn hearsay(tree: &TreeView<'_>, classes: &WordClasses, t: usize) -> bool {
    let marked = |n: usize| {
        tree.children_rel(n, "advmod")
            .any(|d| classes.has(WordClass::HearsayAdverb, tree.lemma(d)))
    };
    let mut at = t;
    for _ in 0..3 {
        if marked(at) {
            return true;
        }
        // not a word list: UD relations a verb's modifier reaches a trigger through
        if !matches!(tree.deprel(at), "conj" | "xcomp" | "obj" | "nsubj:pass") {
            return false;
        }
        match tree.head(at) {
            Some(h) => at = h,
            None => return false,
        }
    }
    marked(at)
}
