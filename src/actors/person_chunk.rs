//! Person chunks: a person's title with its field, affiliation and
//! further titles, then the name after it, or the person the title refers
//! back to.

use super::Builder;
use crate::doc::{ActorKind, EntityType, RefKind, Words};
use crate::text::titles::TitleKind;

/// How many earlier references a bare title ("the Minister") looks back at.
const BACK_REFERENCE_WINDOW: usize = 400;

/// How many words a title's field before its holder's name may take
/// ("of the Main Operations Directorate of the General Staff").
const MAX_FIELD_WORDS: usize = 10;

impl Builder<'_> {
    /// A person's title at `ts..te` with what follows it: more of the
    /// title ("of Foreign Affairs", "to Australia"), its affiliation
    /// ("of X"), further titles, then the person's name, or, with no name,
    /// the person who holds the title. Returns the chunk's end.
    pub(super) fn person_chunk(
        &mut self,
        chunk_start: usize,
        ts: usize,
        te: usize,
        pre: Option<usize>,
        end: usize,
    ) -> usize {
        let mut titles_here: Vec<String> = Vec::new();
        let mut affil = pre;
        let mut j = te;
        let mut title_text = self
            .doc
            .span_text(self.doc.token_span(ts, te - 1))
            .to_string();
        // a post-nominal after a name ("Joseph R. Biden, Jr. and President
        // X", "Alan Tarn AC and Minister Y") joins no title after "and"
        let post_nominal = title_text.ends_with('.')
            || (title_text.len() > 1 && title_text.chars().all(|c| c.is_ascii_uppercase()));
        // nor does a title after "the" ("Assistant to the President and
        // Principal Deputy National Security Advisor X": the President is
        // another person)
        let after_the = ts > 0 && self.tok(ts - 1) == "the";
        let and_joins = !(post_nominal || after_the);
        loop {
            j = self.extend_title(j, end, &mut title_text, &mut affil);
            titles_here.push(std::mem::take(&mut title_text));
            let Some((text, pre2, e)) = self.next_title(j, end, and_joins) else {
                break;
            };
            title_text = text;
            if affil.is_none() {
                affil = pre2;
            }
            j = e;
        }
        if let Some(e) = self.named_person_at(chunk_start, j, end, titles_here.clone(), affil) {
            return e;
        }
        // "Commander-in-Chief of the Aerospace Forces Sergei Surovikin": a
        // field that names no affiliation, then the holder's name; the
        // title is his, not the person's named before the comma.
        if let Some(k) = self.field_before_name(j, end) {
            if let Some(last) = titles_here.last_mut() {
                let field = self.doc.span_text(self.doc.token_span(j, k - 1));
                *last = format!("{last} {field}");
            }
            if affil.is_none() {
                affil = self.affiliation_ending_at(j, k, end);
            }
            if let Some(e) = self.named_person_at(chunk_start, k, end, titles_here.clone(), affil) {
                return e;
            }
        }
        self.title_alone(chunk_start, j, &titles_here, affil)
    }

    /// The rest of a person's title from `j`: its field, its affiliation
    /// (into `affil` when none is known) and "to X", added to
    /// `title_text`. Returns where the title ends.
    fn extend_title(
        &mut self,
        mut j: usize,
        end: usize,
        title_text: &mut String,
        affil: &mut Option<usize>,
    ) -> usize {
        // "Minister [of Foreign and European Affairs] of the Slovak
        // Republic": a field named after the title, then the state.
        if self.tok(j) == "of" && self.affiliation_at(j + 1, end).is_none() {
            let e = self.field_end(j + 1, end.min(j + 7), |_| false);
            if e > j + 1 && self.tok(e) == "of" && self.affiliation_at(e + 1, end).is_some() {
                let field = self.doc.span_text(self.doc.token_span(j, e - 1));
                *title_text = format!("{title_text} {field}");
                j = e;
            }
        }
        // "of X": affiliation; "to X": part of the title ("Ambassador to Australia").
        let w = self.tok(j).to_string();
        if (w == "of" || w == "to") && j + 1 < end {
            if let Some((a, e)) = self.affiliation_at(j + 1, end) {
                if w == "of" {
                    if affil.is_none() {
                        *affil = Some(a);
                    }
                } else {
                    let to = self.doc.span_text(self.doc.token_span(j, e - 1));
                    *title_text = format!("{title_text} {to}");
                }
                j = e;
            }
        }
        // "Under Secretary of State [for Political Affairs] Victoria
        // Nuland": a capitalised field before the person's name.
        if self.tok(j) == "for" {
            let person_at = |i: usize| {
                self.mention_at
                    .starting_at(i)
                    .is_some_and(|mi| self.doc.entities[mi].label == EntityType::Person)
            };
            let e = self.field_end(j + 1, end.min(j + 6), person_at);
            if e > j + 1 && person_at(e) {
                let field = self.doc.span_text(self.doc.token_span(j, e - 1));
                *title_text = format!("{title_text} {field}");
                j = e;
            }
        }
        j
    }

    /// Another person's title at `j` (after an optional comma), perhaps
    /// after its own affiliation: "OSCE Chairman-in-Office, Minister of
    /// Foreign Affairs …". Returns (its text, that affiliation, its end).
    fn next_title(
        &mut self,
        j: usize,
        end: usize,
        and_joins: bool,
    ) -> Option<(String, Option<usize>, usize)> {
        // "State Councilor and Foreign Minister Wang Yi": one person's two
        // titles when a name follows the second
        if self.tok(j) == "and" {
            if !and_joins {
                return None;
            }
            let t = self.titles.longest_at(&self.lower, &self.raw, j + 1, end)?;
            if self.titles.get(t.title).kind != TitleKind::Person
                || !self.name_starts_at(t.end, end)
            {
                return None;
            }
            let text = self.doc.span_text(self.doc.token_span(t.start, t.end - 1));
            return Some((text.to_string(), None, t.end));
        }
        let k = if self.tok(j) == "," { j + 1 } else { j };
        let mut k2 = k;
        let mut pre2 = None;
        if let Some(mi) = self.mention_at.starting_at(k) {
            let m = &self.doc.entities[mi];
            if m.label != EntityType::Person {
                let me = m.tokens.end;
                if self
                    .titles
                    .longest_at(&self.lower, &self.raw, me, end)
                    .is_some_and(|t| self.titles.get(t.title).kind == TitleKind::Person)
                {
                    pre2 = self.affiliation_at(k, end).map(|x| x.0);
                    k2 = me;
                }
            }
        }
        match self.titles.longest_at(&self.lower, &self.raw, k2, end) {
            Some(t) if self.titles.get(t.title).kind == TitleKind::Person => {
                let title_text = self
                    .doc
                    .span_text(self.doc.token_span(t.start, t.end - 1))
                    .to_string();
                Some((title_text, pre2, t.end))
            }
            _ => None,
        }
    }

    /// Whether a person's name starts at `k`: a PERSON mention or a form
    /// of address.
    fn name_starts_at(&self, k: usize, end: usize) -> bool {
        let person = self
            .mention_at
            .starting_at(k)
            .is_some_and(|mi| self.doc.entities[mi].label == EntityType::Person);
        person
            || self
                .titles
                .longest_at(&self.lower, &self.raw, k, end)
                .is_some_and(|t| self.titles.get(t.title).kind == TitleKind::Honorific)
    }

    /// Where a person's name starts after the field at `j` ("of the
    /// Aerospace Forces", "of the National Assembly"): "of" or "for", then
    /// "the", "and" and capitalised words only, up to a name; `None` when
    /// no name ends the field.
    fn field_before_name(&self, j: usize, end: usize) -> Option<usize> {
        if !matches!(self.tok(j), "of" | "for") {
            return None;
        }
        let limit = end.min(j + MAX_FIELD_WORDS);
        let mut k = j + 1;
        while k < limit {
            if self.name_starts_at(k, end) {
                return (k > j + 1).then_some(k);
            }
            let capitalised = self
                .raw
                .word(k)
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            if !(capitalised || matches!(self.tok(k), "the" | "and" | "of")) {
                return None;
            }
            k += 1;
        }
        None
    }

    /// The affiliation "of X" that ends a field `j..k` right before a
    /// name ("Chief of Staff for the President of the European
    /// Commission"), if a mention after the field's last "of" ends at `k`.
    fn affiliation_ending_at(&mut self, j: usize, k: usize, end: usize) -> Option<usize> {
        let of = (j..k).rev().find(|&p| self.tok(p) == "of")?;
        let at = if self.tok(of + 1) == "the" {
            of + 2
        } else {
            of + 1
        };
        let mi = self.mention_at.starting_at(at)?;
        if self.doc.entities[mi].tokens.end != k {
            return None;
        }
        self.affiliation_at(of + 1, end)
            .filter(|&(_, e)| e == k)
            .map(|(a, _)| a)
    }

    /// Titles `chunk_start..j` with no name after them: an apposition's
    /// person, else the last person who holds the title, else the
    /// affiliation, else (after "the") the author. Returns `j`.
    fn title_alone(
        &mut self,
        chunk_start: usize,
        j: usize,
        titles_here: &[String],
        affil: Option<usize>,
    ) -> usize {
        // A title alone: the last person who holds it.
        let wanted = self
            .titles
            .canonical(&titles_here.first().cloned().unwrap_or_default());
        let holders = self.title_holders(&wanted, affil);
        let back = holders.first().copied();
        let ambiguous = !self.one_side(&holders);
        // An apposition: "Celeborn Galadhon, the Special Envoy of …, met".
        let mut k = chunk_start;
        if k > 0 && self.tok(k - 1) == "the" {
            k -= 1;
        }
        let appositive = (k > 1 && self.tok(k - 1) == ",")
            .then(|| {
                self.spans
                    .iter()
                    .rev()
                    .find(|s| s.tokens.end == k - 1)
                    .map(|s| s.actor)
                    .filter(|&a| self.actors[a].kind == Some(ActorKind::Person))
            })
            .flatten();
        if let Some(a) = appositive {
            for t in titles_here {
                self.add_title(a, t);
            }
            if self.actors[a].affiliation.is_none() {
                self.actors[a].affiliation = affil;
            }
            self.push_span(chunk_start..j, a, RefKind::Title);
        } else if let Some(a) = back {
            // (two holders of different sides, "the Minister" after both
            // foreign ministers of a meeting: the author's side decides at
            // the end; the last one named stands until then, for the
            // pronouns after it)
            if ambiguous {
                self.ambiguous_titles.push((chunk_start..j, holders));
            }
            self.push_span(chunk_start..j, a, RefKind::Title);
        } else if let Some(a) = affil {
            // an unnamed official acts for the state ("the Russian
            // ambassador", "The President of France received …")
            self.push_span(chunk_start..j, a, RefKind::Body);
        } else if chunk_start > 0 && self.tok(chunk_start - 1) == "the" {
            // "The Secretary-General calls on …", "the Minister" with no one
            // named before: the document's author speaking through its
            // official, as "the Ministry" is
            self.official_spans.push((chunk_start..j, wanted));
        }
        j
    }

    /// Whether persons `holders` are all of one affiliation (or none
    /// known): the last one named is then as good a reading as any, for
    /// an act of their side.
    fn one_side(&self, holders: &[usize]) -> bool {
        let mut known = holders.iter().filter_map(|&p| self.actors[p].affiliation);
        let first = known.next();
        known.all(|s| Some(s) == first)
    }

    /// The persons referred to who hold the title `wanted` (with
    /// affiliation `affil`, if given), the last first.
    fn title_holders(&self, wanted: &str, affil: Option<usize>) -> Vec<usize> {
        let titles = self.titles;
        let mut out = Vec::new();
        // (the last few hundred references: a role is taken up again soon,
        // and a scan of all would be quadratic on long documents)
        let found = self
            .spans
            .iter()
            .rev()
            .take(BACK_REFERENCE_WINDOW)
            .filter_map(|s| {
                let a = &self.actors[s.actor];
                (a.kind == Some(ActorKind::Person)
                    && a.title.as_deref().is_some_and(|t| {
                        t.split("; ").any(|x| {
                            let held = titles.canonical(x);
                            // "the Minister" for "Minister of Foreign Affairs"
                            held.eq_ignore_ascii_case(wanted)
                                || contains_words(&held, wanted)
                                || contains_words(x, wanted)
                        })
                    })
                    && (affil.is_none() || a.affiliation == affil))
                    .then_some(s.actor)
            });
        for a in found {
            if !out.contains(&a) {
                out.push(a);
            }
        }
        out
    }

    /// The end of a title's field from `from` ("Foreign and European
    /// Affairs", "Political Affairs"): capitalised words and "and", before
    /// `limit` and before a token where `stop` holds.
    fn field_end(&self, from: usize, limit: usize, stop: impl Fn(usize) -> bool) -> usize {
        let mut e = from;
        while e < limit
            && !stop(e)
            && (self.tok(e) == "and"
                || self
                    .raw
                    .word(e)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase))
        {
            e += 1;
        }
        e
    }

    /// A person's name at `j` (after an optional comma and honorifics):
    /// a PERSON mention or a capitalised run. Records the chunk and returns
    /// its end.
    pub(super) fn named_person_at(
        &mut self,
        chunk_start: usize,
        mut j: usize,
        end: usize,
        titles_here: Vec<String>,
        affil: Option<usize>,
    ) -> Option<usize> {
        let after_comma = self.tok(j) == ",";
        if after_comma {
            j += 1;
        }
        while let Some(t) = self.titles.longest_at(&self.lower, &self.raw, j, end) {
            if self.titles.get(t.title).kind != TitleKind::Honorific {
                break;
            }
            j = t.end;
        }
        let (person, pend) = match self.mention_at.starting_at(j) {
            Some(mi) if self.doc.entities[mi].label == EntityType::Person => {
                let p = self.mention_actor(mi)?;
                self.actors[p].mentions.push(mi);
                (p, self.doc.entities[mi].tokens.end)
            }
            // A name right after a person's title that the tagger read as a
            // place or body the gazetteer does not know ("King Elessar") is
            // the person's name.
            // (after a comma, of two words or more, as an untagged run:
            // "Mr Secretary, NAFTA was …")
            Some(mi)
                if self.untyped_name_after_title(mi, j)
                    && !(after_comma && self.doc.entities[mi].tokens.len() < 2) =>
            {
                let m = &self.doc.entities[mi];
                let (name, e) = (self.doc.span_text(m.span).to_string(), m.tokens.end);
                (self.person(&name), e)
            }
            _ => {
                let e = self.name_run(j, end);
                if e == j || !self.untagged_name_here(j, e, after_comma) {
                    return None;
                }
                let name = self
                    .doc
                    .span_text(self.doc.token_span(j, e - 1))
                    .to_string();
                (self.person(&name), e)
            }
        };
        let (affil, pend) = match affil {
            // "Foreign Minister Lena Dahl of Sweden": a titled name's own
            // "of X" is its affiliation
            None if !titles_here.is_empty() && self.tok(pend) == "of" => {
                match self.affiliation_at(pend + 1, end) {
                    Some((a, e)) => (Some(a), e),
                    None => (None, pend),
                }
            }
            _ => (affil, pend),
        };
        for t in &titles_here {
            self.add_title(person, t);
        }
        if self.actors[person].affiliation.is_none() {
            self.actors[person].affiliation = affil.filter(|&a| a != person);
        }
        self.push_span(chunk_start..pend, person, RefKind::Name);
        Some(pend)
    }

    /// Whether mention `mi` at `j` (after a title) is a GPE, LOC or ORG
    /// that neither the gazetteer nor the formations know and that reads
    /// as a name (see [`Builder::plausible_name_run`]).
    fn untyped_name_after_title(&self, mi: usize, j: usize) -> bool {
        let m = &self.doc.entities[mi];
        matches!(m.label, EntityType::Gpe | EntityType::Loc | EntityType::Org)
            && m.tokens.start == j
            && self.entry_of(mi).is_none()
            && self.formation_named(mi, None).is_none()
            && self.plausible_name_run(m.tokens.start, m.tokens.end)
    }
}

/// Whether `words` occur in `title` as whole words, in order, side by side.
fn contains_words(title: &str, words: &str) -> bool {
    let t: Vec<String> = title.split_whitespace().map(str::to_lowercase).collect();
    let w: Vec<String> = words.split_whitespace().map(str::to_lowercase).collect();
    !w.is_empty() && t.windows(w.len()).any(|win| win == w.as_slice())
}
