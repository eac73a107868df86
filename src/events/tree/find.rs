//! Finding triggers: tokens whose lemma and part of speech a row lists,
//! with the row's further words among their dependents, outside names.

use super::view::TreeView;
use super::Found;
use crate::doc::{Doc, EntityType};
use crate::events::lexicon::EventLexicon;
use crate::events::triggers::TriggerPos;

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
            let lemma = tree.lemma(i);
            let lower;
            let lemma = if lemma.chars().any(char::is_uppercase) {
                lower = lemma.to_lowercase();
                lower.as_str()
            } else {
                lemma
            };
            let row = lex.triggers.candidates(lemma, pos).iter().find_map(|&r| {
                matched_words(tree, i, &lex.triggers.rows[r].with)
                    .filter(outside_dates)
                    .map(|words| (r, words))
            });
            if let Some((row, words)) = row {
                consumed.extend(words);
                found.push(Found {
                    token: i,
                    row,
                    sentence: si,
                });
            }
        }
    }
    // A multi-word row's further words are part of its trigger ("imposed
    // sanctions", "end attacks"), not triggers of their own.
    found.retain(|f| !consumed.contains(&f.token));
    found
}

/// The tokens of `words`, each the lemma of a dependent of `i` or of one
/// of its dependents, or `None` when one is missing.
pub(super) fn matched_words(tree: &TreeView<'_>, i: usize, words: &[String]) -> Option<Vec<usize>> {
    let mut out = Vec::with_capacity(words.len());
    for w in words {
        let hit = tree.children(i).iter().find_map(|&c| {
            // the trigger's own infinitive marker ("about to ask") is not
            // the "to" of "ask to"
            let own_marker = c < i && tree.rel(c) == "mark";
            if !own_marker && tree.lemma(c).eq_ignore_ascii_case(w) {
                return Some(c);
            }
            tree.children(c)
                .iter()
                .copied()
                .find(|&g| tree.lemma(g).eq_ignore_ascii_case(w))
        })?;
        out.push(hit);
    }
    Some(out)
}
