//! Finding triggers: tokens whose lemma and part of speech a row lists,
//! with the row's further words among their dependents, outside names.

use super::view::TreeView;
use super::Found;
use crate::doc::{Doc, EntityType};
use crate::events::lexicon::EventLexicon;
use crate::events::triggers::TriggerPos;
use crate::lexicon::WordClass;

/// The tokens that trigger a row, in text order.
pub(super) fn find_triggers(doc: &Doc, lex: &EventLexicon, tree: &TreeView<'_>) -> Vec<Found> {
    let n = doc.tokens.len();
    let names = doc.entities.iter().filter(|m| m.label != EntityType::Event);
    let names = crate::doc::Coverage::new(n, names.map(|m| m.tokens.clone()));
    let in_named_agreement = super::actors::agreement_tokens(doc, true);
    let dates = crate::doc::Coverage::new(n, doc.dates.iter().map(|d| d.tokens.clone()));
    // a further word's phrase is no date ("called X on Monday" is no "call on")
    let outside_dates = |words: &Vec<usize>| {
        !words
            .iter()
            .any(|&w| tree.head(w).is_some_and(|h| dates.covers(h, false)))
    };
    let mut found = Vec::new();
    let mut consumed = std::collections::HashSet::new();
    for (si, sent) in doc.sentences.iter().enumerate() {
        for i in sent.tokens.start..sent.tokens.end.min(n) {
            let Some(pos) = TriggerPos::of_upos(tree.upos(i)) else {
                continue;
            };
            if names.covers(i, false) {
                continue;
            }
            if in_named_agreement.get(i).copied().unwrap_or(false) {
                continue;
            }
            if pos == TriggerPos::Noun && genre_noun(lex, tree, i) {
                continue;
            }
            let pos = if i == sent.tokens.start && initial_noun(tree, i) {
                TriggerPos::Noun
            } else {
                pos
            };
            let row = row_at(doc, lex, tree, i, pos, &outside_dates);
            if let Some((row, words, adjectival)) = row {
                consumed.extend(words);
                found.push(Found {
                    token: i,
                    row,
                    sentence: si,
                    adjectival,
                });
            }
        }
    }
    // A multi-word row's further words are part of its trigger ("imposed
    // sanctions", "end attacks"), not triggers of their own.
    found.retain(|f| !consumed.contains(&f.token));
    found
}

/// The row token `i` triggers with its further words, and whether it is
/// a participle read as an adjective. A predicative past participle is
/// tried first as the adjective its form spells: the lexicon's rows name
/// the adjective ("concerned by", "alarmed at"), and the parser may tag
/// the same word a passive verb with its own lemma ("is alarmed at …":
/// "alarm", VBN, aux:pass).
fn row_at(
    doc: &Doc,
    lex: &EventLexicon,
    tree: &TreeView<'_>,
    i: usize,
    pos: TriggerPos,
    outside_dates: &impl Fn(&Vec<usize>) -> bool,
) -> Option<(usize, Vec<usize>, bool)> {
    let first = |lemma: &str, pos: TriggerPos| {
        lex.triggers.candidates(lemma, pos).iter().find_map(|&r| {
            let row = &lex.triggers.rows[r];
            if row.flags.appeal && !appeal_sense(tree, i) {
                return None;
            }
            matched_words(tree, i, &row.with)
                .filter(outside_dates)
                .map(|words| (r, words))
        })
    };
    if pos == TriggerPos::Verb && tree.is_predicative_participle(i) {
        if let Some((r, words)) = first(doc.norm(i), TriggerPos::Adj) {
            return Some((r, words, true));
        }
    }
    // (lower-cased only when needed: this runs on every token)
    let lemma = tree.lemma(i);
    let lemma: std::borrow::Cow<'_, str> = if lemma.chars().any(char::is_uppercase) {
        lemma.to_lowercase().into()
    } else {
        lemma.into()
    };
    let found = first(&lemma, pos);
    // (a misread gerund keeps its form as the noun's lemma: "Fighting")
    let form = || first(&doc.norm(i).to_lowercase(), pos);
    let found = if pos == TriggerPos::Noun && tree.upos(i) == "VERB" {
        found.or_else(form)
    } else {
        found
    };
    found.map(|(r, words)| (r, words, false))
}

/// Whether noun `i` is an appeal with an agent of its own and an
/// infinitive complement: a possessor or an "of" / "by" phrase, and a
/// verb marked by "to" among its dependents ("Rohan's call to send
/// convoys", "the call of the Council to release …").
fn appeal_sense(tree: &TreeView<'_>, i: usize) -> bool {
    let children = tree.children(i);
    let agent = children.iter().any(|&c| {
        tree.deprel(c) == "nmod:poss"
            || tree.rel(c) == "nmod" && matches!(tree.case_of(c), Some("of" | "by"))
    });
    let infinitive = children.iter().any(|&c| {
        c > i
            && tree.upos(c) == "VERB"
            && tree
                .children(c)
                .iter()
                .any(|&m| tree.deprel(m) == "mark" && tree.lemma(m) == "to")
    });
    agent && infinitive
}

/// Whether sentence-initial token `i`, tagged a verb, is the noun it
/// spells: it has no subject and a "between" phrase, which a verb heading
/// a sentence never takes ("Talks between Gondor and Harad resumed",
/// "Fighting between … continued": the tagger reads a capitalised plural
/// or gerund opening a sentence as a verb).
fn initial_noun(tree: &TreeView<'_>, i: usize) -> bool {
    let children = tree.children(i);
    tree.upos(i) == "VERB"
        && !children.iter().any(|&c| tree.rel(c) == "nsubj")
        && children
            .iter()
            .any(|&c| c > i && tree.case_of(c) == Some("between"))
}

/// The tokens of `words`, each the lemma of a dependent of `i` or of one
/// of its dependents, or of a dependent of a word matched before it (a
/// row's words name the object and then its modifier: "deliver aid
/// humanitarian" in "delivered forty tonnes of humanitarian aid"), or
/// `None` when one is missing.
pub(super) fn matched_words(tree: &TreeView<'_>, i: usize, words: &[String]) -> Option<Vec<usize>> {
    let mut out: Vec<usize> = Vec::with_capacity(words.len());
    for w in words {
        let is = |g: &usize| tree.lemma(*g).eq_ignore_ascii_case(w);
        let hit = tree
            .children(i)
            .iter()
            .find_map(|&c| {
                // the trigger's own infinitive marker ("about to ask") is not
                // the "to" of "ask to"
                let own_marker = c < i && tree.rel(c) == "mark";
                // (not the active subject nor in its phrase: "the
                // governments recognize the threat" recognises no
                // government, "aid agencies delivered food" delivers no
                // aid; a passive subject is the object, "sanctions were
                // imposed")
                if tree.deprel(c) == "nsubj" {
                    return None;
                }
                if !own_marker && is(&c) {
                    return Some(c);
                }
                tree.children(c).iter().copied().find(is)
            })
            .or_else(|| {
                out.iter()
                    .find_map(|&m| tree.children(m).iter().copied().find(is))
            })?;
        out.push(hit);
    }
    Some(out)
}

/// Whether noun `i` names a kind of publication or appearance ("the
/// Treasury's press release", "a news conference"): its compound says
/// so, and it reports an act rather than being one.
fn genre_noun(lex: &EventLexicon, tree: &TreeView<'_>, i: usize) -> bool {
    tree.children(i).iter().any(|&c| {
        tree.deprel(c) == "compound"
            && c < i
            && lex
                .words
                .has_ignore_ascii_case(WordClass::GenreCompound, tree.lemma(c))
    })
}
