//! A capitalised common word the entity tagger took for a person's name.
//!
//! Transcripts and speeches open sentences with words the tagger reads as
//! a one-word name: "Given that …", "QUESTION: Okay.", "(Laughter.)",
//! "Minister: Good afternoon". A one-word PERSON mention from the tagger
//! is dropped when its capital is owed to its place (first in its sentence
//! or right after punctuation), the treebank knows the word only as a
//! common word ([`SyntaxModel::only_common_word`]), and no longer person's
//! name in the document ends with it ("Price" after "Ned Price").
//!
//! A longer PERSON mention from the tagger whose every word the treebank
//! knows only as a common word is a title-case phrase, not a name, wherever
//! it stands ("Population Change", "Recovery Plan", "Nuclear Terrorism"):
//! a person's name has at least one word that is a name (issue 13, item 1).

use std::collections::HashSet;

use crate::doc::{Doc, EntityType, Mention, Origin, TokenKind};

use super::model::SyntaxModel;

/// Drops the tagger's one-word PERSON mentions that are common words.
pub(super) fn drop_common_word_persons(doc: &mut Doc, model: &SyntaxModel) {
    let surnames: HashSet<String> = doc
        .entities
        .iter()
        .filter(|m| m.label == EntityType::Person && m.tokens.len() >= 2)
        .map(|m| doc.token_text(m.tokens.end - 1).to_lowercase())
        .collect();
    let dropped: Vec<bool> = doc
        .entities
        .iter()
        .map(|m| is_common_word_person(doc, m, model, &surnames))
        .collect();
    if !dropped.contains(&true) {
        return;
    }
    let mut k = 0;
    doc.entities.retain(|_| {
        k += 1;
        !dropped[k - 1]
    });
}

fn is_common_word_person(
    doc: &Doc,
    m: &Mention,
    model: &SyntaxModel,
    surnames: &HashSet<String>,
) -> bool {
    if m.label != EntityType::Person || m.origin != Origin::Model {
        return false;
    }
    if m.tokens.len() > 1 {
        return m.tokens.clone().all(|i| {
            let t = &doc.tokens[i];
            t.kind != TokenKind::Word || model.only_common_word(doc.token_text(i))
        }) && m
            .tokens
            .clone()
            .any(|i| doc.tokens[i].kind == TokenKind::Word);
    }
    let i = m.tokens.start;
    let word = doc.token_text(i);
    let at_start = doc
        .sentences
        .get(m.sentence)
        .is_some_and(|s| s.tokens.start == i);
    let after_punct = i
        .checked_sub(1)
        .and_then(|p| doc.tokens.get(p))
        .is_some_and(|t| t.kind == TokenKind::Punct);
    (at_start || after_punct)
        && model.only_common_word(word)
        && !surnames.contains(&word.to_lowercase())
}
