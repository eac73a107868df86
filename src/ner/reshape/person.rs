//! The tagger's PERSON spans without what the dev README keeps outside a
//! name (issue 13, item 1): a post-nominal or title after it ("Allan Hawke
//! [AC]", "Peter Cotton [Minister]'s Office"), a possessive left before
//! such a title, a title's field before it ("Minister of [Environment] Lee
//! White"), what follows a possessive ("Blinken['s Meeting]"), and a
//! second form of the name after an honorific ("Ann Duffield [Ms
//! Duffield]": two mentions).

use super::{capitalised, function_word, Shaper};
use crate::doc::Mention;
use crate::ner::types::WordClass;
use crate::text::titles::TitleKind;

/// The fewest words a name keeps once a field is cut from its front.
const MIN_NAME_AFTER_FIELD: usize = 2;

/// How many words of a title that starts before a PERSON span the tagger
/// may have taken into it.
const MAX_TITLE_TAIL: usize = 3;

impl Shaper<'_> {
    /// A PERSON span, reshaped: none, itself, or pieces.
    pub(super) fn reshape_person(&self, m: Mention) -> Vec<Mention> {
        let (start, end) = (m.tokens.start, m.tokens.end);
        // a headline's verb starts no name ("Minister [Announces New] Grants")
        if self
            .types
            .is(WordClass::Breaker, self.doc.token_text(start))
        {
            return Vec::new();
        }
        // "Ann Duffield Ms Duffield": two names
        let honorific = (start + 1..end).find_map(|p| {
            self.title_at(p, end)
                .filter(|(kind, t)| *kind == TitleKind::Honorific && t.end < end)
                .map(|(_, t)| (p, t.end))
        });
        if let Some((at, after)) = honorific {
            let mut pieces = self.reshape_person(self.piece(&m, start, at, m.label));
            if self.all_capitalised(after, end) {
                pieces.extend(self.reshape_person(self.piece(&m, after, end, m.label)));
            }
            return pieces;
        }
        // "Blinken's Meeting": a possessive ends the name
        let end = (start + 1..end)
            .find(|&k| self.doc.raw(k) == "'s")
            .unwrap_or(end);
        let end = self.without_trailing_title(start, end);
        let start = self.after_title_into(start, end);
        let start = self.without_leading_field(start, end);
        if start >= end || !capitalised(self.doc.token_text(start)) {
            return Vec::new();
        }
        if (start, end) == (m.tokens.start, m.tokens.end) {
            vec![m]
        } else {
            vec![self.piece(&m, start, end, m.label)]
        }
    }

    /// The end of `start..end` before titles and post-nominals at its end
    /// and a possessive before them; `start` when nothing else is left.
    fn without_trailing_title(&self, start: usize, mut end: usize) -> usize {
        let kinds = [TitleKind::Person, TitleKind::Honorific];
        while let Some((_, ts)) = self.title_ending_exactly(end, &kinds) {
            if ts <= start {
                break;
            }
            end = ts;
            if end > start + 1 && self.doc.raw(end - 1) == "'s" {
                end -= 1;
            }
        }
        end
    }

    /// The start of `start..end` after a person's title that begins before
    /// the span and ends inside it ("Chief of the Defence [Force] Pavel
    /// Dorin"): the title's words are no part of the name.
    fn after_title_into(&self, start: usize, end: usize) -> usize {
        (start + 1..end.min(start + MAX_TITLE_TAIL + 1))
            .rev()
            .filter(|&p| capitalised(self.doc.token_text(p)))
            .find(|&p| {
                self.title_ending_exactly(p, &[TitleKind::Person])
                    .is_some_and(|(_, ts)| ts < start)
            })
            .unwrap_or(start)
    }

    /// The start of `start..end` after a title's field that the tagger took
    /// in: portfolio words at the front of a span that follows "of", "for",
    /// "and", a comma or another capitalised word of the field.
    fn without_leading_field(&self, start: usize, end: usize) -> usize {
        let Some(before) = start.checked_sub(1) else {
            return start;
        };
        let w = self.doc.token_text(before);
        let field_before = function_word(w, &["of", "for", "and", ","])
            || (capitalised(w) && self.types.is(WordClass::Portfolio, w))
            || self
                .title_ending_exactly(start, &[TitleKind::Person])
                .is_some();
        if !field_before {
            return start;
        }
        let mut s = start;
        while s < end && self.types.is(WordClass::Portfolio, self.doc.token_text(s)) {
            s += 1;
        }
        if end - s < MIN_NAME_AFTER_FIELD {
            return start;
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use crate::doc::EntityType::{Loc, Org, Person};
    use crate::ner::stage::tests::{owned, reshaped as tagged};

    #[test]
    fn a_person_span_headed_by_a_place_plan_or_body_word_is_no_person() {
        // a facility or plan: MISC, not scored and no actor
        let left = tagged(
            "Shells hit the Varsky Library and the Orlen Highway.",
            &[("Varsky Library", "PER"), ("Orlen Highway", "PER")],
        );
        assert!(left.iter().all(|(_, t)| *t != Person), "{left:?}");
        assert_eq!(
            tagged(
                "Detainees were moved to Tarsk Island by Tarvel Holdings LLC.",
                &[("Tarsk Island", "PER"), ("Tarvel Holdings LLC", "PER")],
            ),
            owned(&[("Tarsk Island", Loc), ("Tarvel Holdings LLC", Org)])
        );
        // the end of a title before the span is no part of the name
        assert_eq!(
            tagged(
                "Chief of the Defence Force Pavel Dorin spoke.",
                &[("Force Pavel Dorin", "PER")]
            ),
            owned(&[("Pavel Dorin", Person)])
        );
        // a surname that is also a noun stays a name
        assert_eq!(
            tagged("Tony Street spoke.", &[("Tony Street", "PER")]),
            owned(&[("Tony Street", Person)])
        );
    }
}
