//! A body's name that runs on past where the tagger stopped: "U.S. Advisory
//! Commission [on Public Diplomacy]", "State Corporation [for Space
//! Activities]", "Department of Immigration [and Citizenship]". The
//! CoNLL-trained tagger rarely saw such long names and often ends the span
//! at the body's head noun or at the first "and"; the dev README names the
//! body in full.

use crate::doc::{Doc, EntityType, Mention, Origin};
use crate::ner::types::{TypeMap, WordClass};
use crate::text::titles::Titles;

/// The most capitalised words a name may run on by.
const MAX_RUN: usize = 6;

/// The most words of a run after "and" ("… of Immigration [and Ethnic
/// Affairs]"): a longer one is rather a second name.
const MAX_AND_RUN: usize = 3;

/// Words that may join the capitalised words of a run, never end it.
fn connector(w: &str) -> bool {
    matches!(w, "and" | "of" | "the" | "for" | "on")
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_alphabetic)
}

struct RunOn<'a> {
    doc: &'a Doc,
    types: &'a TypeMap,
    titles: Option<&'a Titles>,
    /// Per token: the label of the mention that covers it, if any.
    covered: Vec<Option<EntityType>>,
}

impl RunOn<'_> {
    /// The end of a run of capitalised words from token `from` in
    /// `sentence`, with connectors allowed between them, and how many
    /// capitalised words it holds; `(from, 0)` when there is none. A run
    /// stops before a person, a title, a headline verb, or any mention when
    /// `over_mentions` is false.
    fn run_end(
        &self,
        from: usize,
        sentence: usize,
        max: usize,
        over_mentions: bool,
    ) -> (usize, usize) {
        let doc = self.doc;
        let usable = |i: usize| {
            i < doc.tokens.len()
                && doc.sentence_of_token(i) == sentence
                && match self.covered[i] {
                    None => true,
                    Some(EntityType::Person | EntityType::Date) => false,
                    Some(_) => over_mentions,
                }
        };
        let titled = |w: &str| self.titles.is_some_and(|t| t.may_start(&w.to_lowercase()));
        let (mut end, mut words, mut i) = (from, 0, from);
        let mut counted = 0;
        while usable(i) && counted < max {
            let w = doc.token_text(i);
            if capitalised(w) && !titled(w) && !self.types.is(WordClass::Breaker, w) {
                counted += 1;
                i += 1;
                end = i;
                words = counted;
            } else if connector(w) && i > from {
                i += 1;
            } else {
                break;
            }
        }
        // "on March 3": a date, not a name
        let dated = end < doc.tokens.len()
            && doc
                .token_text(end)
                .starts_with(|c: char| c.is_ascii_digit());
        if dated {
            return (from, 0);
        }
        (end, words)
    }

    /// Whether the run `from..to` of `words` capitalised words names a
    /// body's field: two words or more ("on Public Diplomacy"), a portfolio
    /// ("for Refugees"), or, after "for", a place or body the text names
    /// ("Support Group for Lebanon").
    fn names_a_field(&self, from: usize, to: usize, words: usize, after_for: bool) -> bool {
        let last = self.doc.token_text(to - 1);
        words >= 2
            || self.types.is(WordClass::Portfolio, last)
            || (after_for && matches!(self.covered[from], Some(EntityType::Gpe | EntityType::Org)))
    }

    /// Where the ORG `m` runs on to, if it does.
    fn extended_end(&self, m: &Mention) -> Option<usize> {
        let doc = self.doc;
        let end = m.tokens.end;
        if end >= doc.tokens.len() {
            return None;
        }
        let next = doc.token_text(end);
        let head = doc.token_text(end.checked_sub(1)?);
        if (next == "on" || next == "for") && self.types.is(WordClass::Body, head) {
            let mut from = end + 1;
            if from < doc.tokens.len() && doc.token_text(from) == "the" {
                from += 1;
            }
            // "the Council on Ukraine": a meeting's topic, not the body's name
            let topic = next == "on"
                && matches!(
                    self.covered.get(from).copied().flatten(),
                    Some(EntityType::Gpe | EntityType::Loc | EntityType::Norp)
                );
            let (to, words) = self.run_end(from, m.sentence, MAX_RUN, true);
            let named = to > from && self.names_a_field(from, to, words, next == "for");
            return (named && !topic).then_some(to);
        }
        // "Department of Immigration [and Ethnic Affairs]": a ministry named
        // by its portfolios, the tagger stopping at the first "and"
        let field = (m.tokens.start + 1..end).find(|&i| {
            matches!(doc.token_text(i - 1), "of" | "for")
                && self.types.is(WordClass::Portfolio, doc.token_text(i))
        });
        if next == "and" && field.is_some() {
            let (to, _) = self.run_end(end + 1, m.sentence, MAX_AND_RUN, false);
            let ends_a_field =
                to > end + 1 && self.types.is(WordClass::Portfolio, doc.token_text(to - 1));
            return ends_a_field.then_some(to);
        }
        None
    }
}

/// `mentions` (in token order) with each ORG whose name runs on extended
/// over the run; the tagger's mentions inside the run go (they were pieces of
/// the name), the gazetteer's stay (nested names that refer on their own).
pub(super) fn run_on_names(
    doc: &Doc,
    types: &TypeMap,
    titles: Option<&Titles>,
    mentions: Vec<Mention>,
) -> Vec<Mention> {
    let mut covered = vec![None; doc.tokens.len()];
    for m in &mentions {
        for slot in covered.iter_mut().take(m.tokens.end).skip(m.tokens.start) {
            *slot = Some(m.label);
        }
    }
    let r = RunOn {
        doc,
        types,
        titles,
        covered,
    };
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    let mut swallowed_until = 0;
    for m in mentions {
        if m.origin == Origin::Model && m.tokens.end <= swallowed_until {
            continue;
        }
        let extended = (m.label == EntityType::Org)
            .then(|| r.extended_end(&m))
            .flatten();
        match extended {
            Some(to) => {
                swallowed_until = to;
                out.push(Mention {
                    span: doc.token_span(m.tokens.start, to - 1),
                    tokens: m.tokens.start..to,
                    score: None,
                    ..m
                });
            }
            None => out.push(m),
        }
    }
    out
}
