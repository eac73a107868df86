//! Capitalised runs after a title that no entity mention covers: which of
//! them are a person's name (issue 13, item 1). A run is a name only where
//! capitals carry information: not in a heading, where every word is
//! capitalised ("Minister Announces New Grants", "PRIME MINISTER REFERRED
//! TO"), unless it is a speaker's label ("MR PRICE:"); never when a title
//! starts inside it ("Rt. Hon. [Prime] Minister"), when it holds a digit
//! (OCR: "Neil1"), when it is only initials, or when a body noun follows it
//! (it modifies the body: "Emirates [Armed] Forces").

use super::Builder;
use super::NameRules;
use crate::doc::Words;
use crate::ner::reshape::in_heading;
use crate::text::titles::TitleKind;

impl Builder<'_> {
    /// Whether token `i` may be part of a name run.
    pub(super) fn is_name_token(&self, i: usize) -> bool {
        if self.covered.covers(i, true) {
            return false;
        }
        let t = self.raw.word(i);
        let mut chars = t.chars();
        let Some(first) = chars.next() else {
            return false;
        };
        if !first.is_uppercase() || t.chars().any(|c| c.is_ascii_digit()) {
            return false;
        }
        let rest: String = chars.collect();
        let initial = rest == "." || rest.is_empty() && t.len() == 1;
        let word = rest.chars().any(char::is_lowercase)
            || (rest.len() >= 2
                && rest
                    .chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\''));
        // (a title of any length starting here ends the name: "Prime
        // Minister", "High Commissioner")
        (initial || word)
            && !self.lexical.is_sentence_starter(t)
            && self
                .titles
                .longest_at(&self.lower, &self.raw, i, self.sentence_end(i))
                .is_none()
    }

    /// Whether token `i` is an initial ("K", "J.").
    fn is_initial(&self, i: usize) -> bool {
        let t = self.raw.word(i).trim_end_matches('.');
        t.chars().count() == 1 && t.chars().all(char::is_uppercase)
    }

    /// A run of capitalised name tokens at `i` (at most four), as a token end.
    pub(super) fn name_run(&self, i: usize, end: usize) -> usize {
        let mut k = i;
        while k < end && k - i < 4 && self.is_name_token(k) {
            k += 1;
        }
        // Initials alone ("J.", "K P") are no name.
        if (i..k).all(|t| self.is_initial(t)) {
            return i;
        }
        // A run a body noun follows modifies the body ("Armed Forces").
        let body_after = self
            .titles
            .longest_at(&self.lower, &self.raw, k, end)
            .is_some_and(|t| {
                matches!(
                    self.titles.get(t.title).kind,
                    TitleKind::Government | TitleKind::Group
                )
            });
        if body_after {
            return i;
        }
        k
    }

    /// Whether a capitalised run after a title, which no PERSON mention
    /// covers, is a name: no title, body, document or function word in it
    /// ("Special Envoy for People Smuggling Issues").
    pub(super) fn plausible_name_run(&self, j: usize, e: usize) -> bool {
        let rules = NameRules::new(self.lexical.words(), self.gaz);
        !(j..e).any(|k| rules.is_empty_word(self.tok(k)))
    }

    /// Whether an untagged run `j..e` after a title reads as a name where it
    /// stands: not in a heading unless a colon makes it a speaker's label,
    /// and, after a comma (an apposition: "Mr President, Let me …"), of two
    /// words or more.
    pub(super) fn untagged_name_here(&self, j: usize, e: usize, after_comma: bool) -> bool {
        if !self.plausible_name_run(j, e) {
            return false;
        }
        if after_comma && e - j < 2 {
            return false;
        }
        self.tok(e) == ":" || !in_heading(self.doc, j)
    }
}

impl Builder<'_> {
    /// A person title right after person `a`'s name is the person's
    /// post-nominal ("Tony Abbott MP", "Ric Charlesworth MP, Federal
    /// Member"): it names no one after it. Records it; returns its end.
    /// Not when another name follows it: a list without commas.
    pub(super) fn post_nominal(&mut self, a: usize, at: usize, end: usize) -> Option<usize> {
        let t = self.titles.longest_at(&self.lower, &self.raw, at, end)?;
        if self.titles.get(t.title).kind != TitleKind::Person {
            return None;
        }
        let person_next = self
            .mention_at
            .starting_at(t.end)
            .is_some_and(|mi| self.doc.entities[mi].label == crate::doc::EntityType::Person);
        if person_next || self.tok(t.end) == "of" {
            return None;
        }
        let title = self
            .doc
            .span_text(self.doc.token_span(t.start, t.end - 1))
            .to_string();
        self.add_title(a, &title);
        Some(t.end)
    }
}
