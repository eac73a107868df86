//! Title chunks: what a title phrase from `models/titles.tsv` refers to,
//! by the title's kind (a person's title, a government body, a group, the
//! author, a pair, "the latter"/"the former", a pronoun).

use super::Builder;
use crate::doc::{ActorKind, RefKind, Words};
use crate::lexicon::WordClass;
use crate::text::titles::TitleKind;

/// How many sentences back "the two presidents" looks for its persons.
const PERSON_PAIR_SENTENCES: usize = 3;

/// How many persons named nearby "the two presidents" chooses among.
const PAIR_CANDIDATES: usize = 6;

/// How many sentences back "the Ministers" looks for the list "the
/// Foreign Ministers of A, B and C" it refers to.
const LIST_SENTENCES: usize = 3;

/// How many earlier references "the two sides" counts its parties in.
const PAIR_WINDOW: usize = 2000;

impl Builder<'_> {
    /// A title chunk starting with the phrase at `ts`; `pre` is an
    /// affiliation found before it (starting at `chunk_start`). Returns the
    /// chunk's end.
    pub(super) fn title_chunk(
        &mut self,
        chunk_start: usize,
        ts: usize,
        pre: Option<usize>,
    ) -> usize {
        let end = self.sentence_end(ts);
        let Some(first) = self.titles.longest_at(&self.lower, &self.raw, ts, end) else {
            return ts + 1;
        };
        let t = self.titles.get(first.title);
        let kind = t.kind;
        match kind {
            TitleKind::Person => self.person_chunk(chunk_start, first.start, first.end, pre, end),
            TitleKind::Honorific => {
                let j = first.end;
                self.named_person_at(chunk_start, j, end, Vec::new(), pre)
                    .unwrap_or(first.end)
            }
            TitleKind::Government => {
                self.government_chunk(chunk_start, first.start, first.end, pre, end)
            }
            TitleKind::Group => self.group_chunk(chunk_start, first.end, pre),
            TitleKind::Author => {
                let person =
                    first.end == first.start + 1 && matches!(self.tok(first.start), "i" | "my");
                self.author_spans.push((first.start..first.end, person));
                first.end
            }
            // "Burmese refugees": people, not the state
            TitleKind::People => first.end,
            TitleKind::Pair => {
                // "the two presidents": the two persons named most, nearby
                let persons = t.title.starts_with("persons");
                if self.tok(first.end) == "of" {
                    // "the leaders of X and Y", "the Prime Ministers of
                    // X, Y and Z": the names after it say who
                    return first.end;
                }
                let only = t.title == "persons only";
                if self.listed_before(chunk_start, first.start, first.end) {
                    return first.end;
                }
                if persons && self.person_pair(chunk_start, (first.start, first.end), only) {
                    return first.end;
                }
                // ("the leaders" also opens a summit statement of many
                // states: no two parties stand for it)
                if !only {
                    self.party_pair(chunk_start, first.start, first.end);
                }
                first.end
            }
            TitleKind::Latter | TitleKind::Former => {
                self.latter_or_former(first.start, first.end, end, kind == TitleKind::Latter)
            }
            TitleKind::Pronoun => {
                let sent = self.doc.sentence_of_token(first.start);
                let back = self
                    .spans
                    .iter()
                    .rev()
                    .take_while(|s| self.doc.sentence_of_token(s.tokens.start) + 2 >= sent)
                    .find(|s| self.actors[s.actor].kind == Some(ActorKind::Person))
                    .map(|s| s.actor);
                if let Some(a) = back {
                    self.push_span(first.start..first.end, a, RefKind::Pronoun);
                }
                first.end
            }
        }
    }

    /// A government title `fs..fe` ("Government of X", "the Ministry"):
    /// the body of its affiliation, else the author's. Returns the chunk's
    /// end.
    fn government_chunk(
        &mut self,
        chunk_start: usize,
        fs: usize,
        fe: usize,
        pre: Option<usize>,
        end: usize,
    ) -> usize {
        let mut affil = pre;
        let mut j = fe;
        // (a title row may end in its "of": "Government of")
        let of_at = if matches!(self.tok(j.saturating_sub(1)), "of" | "for") {
            Some(j)
        } else {
            matches!(self.tok(j), "of" | "for").then_some(j + 1)
        };
        if let (None, Some(at)) = (affil, of_at) {
            if let Some((a, e)) = self.affiliation_at(at, end) {
                affil = Some(a);
                j = e;
            }
        }
        match affil {
            Some(a) => {
                let a = self.body_of(a);
                self.push_span(chunk_start..j, a, RefKind::Body);
            }
            None => {
                // "the Government", "the Ministry": the author's.
                let the = chunk_start > 0 && self.tok(chunk_start - 1) == "the";
                if the && !self.lexical.words().has(WordClass::SideNoun, self.tok(fs)) {
                    self.author_spans.push((chunk_start..j, false));
                }
            }
        }
        j
    }

    /// A group title ending at `fe` ("rebels") after an affiliation `pre`.
    /// Returns the chunk's end.
    fn group_chunk(&mut self, chunk_start: usize, fe: usize, pre: Option<usize>) -> usize {
        // "Houthi rebels" when the gazetteer's Houthis are a group:
        // that group.
        if let Some(a) = pre.filter(|&a| self.actors[a].kind == Some(ActorKind::Group)) {
            self.push_span(chunk_start..fe, a, RefKind::Name);
            return fe;
        }
        if let Some(a) = pre {
            let text = self
                .doc
                .span_text(self.doc.token_span(chunk_start, fe - 1))
                .trim_end_matches("'s")
                .to_string();
            let country = self.actors[a].country.clone();
            let g = self.group(&text, country);
            self.push_span(chunk_start..fe, g, RefKind::Name);
        }
        fe
    }

    /// "the two presidents" at `fs..fe`: of the persons named in the last
    /// few sentences, the two named most so far (ties: the later named),
    /// if there are two (with `only`, "the leaders", when no third is named
    /// as often as the second); returns whether they were found. A readout's two
    /// principals are named throughout; a third person it mentions in
    /// passing ("informed him of his meeting with X and Y") is named once.
    fn person_pair(&mut self, chunk_start: usize, (fs, fe): (usize, usize), only: bool) -> bool {
        let sent = self.doc.sentence_of_token(fs);
        // (persons are merged with their name's variants only at the end:
        // "President Biden" and "Joseph R. Biden" are one person here too)
        let mut nearby: Vec<usize> = Vec::new();
        let spans = self.spans.iter().rev().take(PAIR_WINDOW);
        for sp in spans.filter(|sp| sp.tokens.end <= fs) {
            if self.doc.sentence_of_token(sp.tokens.start) + PERSON_PAIR_SENTENCES < sent
                || nearby.len() == PAIR_CANDIDATES
            {
                break;
            }
            let a = sp.actor;
            let known = nearby.iter().any(|&b| self.same_person(a, b));
            if self.actors[a].kind == Some(ActorKind::Person) && !known {
                nearby.push(a);
            }
        }
        // mentions per person actor, then per candidate (names compared
        // once per distinct actor, not per mention)
        let recent = self.spans.len().saturating_sub(PAIR_WINDOW);
        let mut per_actor: Vec<(usize, usize)> = Vec::new();
        for sp in self.spans[recent..].iter().filter(|sp| sp.tokens.end <= fs) {
            if self.actors[sp.actor].kind != Some(ActorKind::Person) {
                continue;
            }
            match per_actor.iter_mut().find(|(a, _)| *a == sp.actor) {
                Some(c) => c.1 += 1,
                None => per_actor.push((sp.actor, 1)),
            }
        }
        let mut counts = vec![0usize; nearby.len()];
        for (a, n) in per_actor {
            if let Some(k) = nearby.iter().position(|&b| self.same_person(a, b)) {
                counts[k] += n;
            }
        }
        let mut counted: Vec<(usize, usize)> = nearby.iter().copied().zip(counts).collect();
        // (stable: among equals the later named, first in `nearby`, wins)
        counted.sort_by_key(|&(_, c)| std::cmp::Reverse(c));
        // ("the leaders" without "two" may be three or four: a third named
        // as often as the second leaves the pair open)
        let open = |k: usize| counted.get(k).map(|&(_, c)| c);
        if only && open(2).is_some() && open(2) == open(1) {
            return false;
        }
        let mut persons: Vec<usize> = counted.iter().take(2).map(|&(a, _)| a).collect();
        // the pair in the order `nearby` has them, the later named first
        // (pushed below in reverse: the first named signs first)
        persons.sort_by_key(|&a| nearby.iter().position(|&b| b == a));
        if persons.len() == 2 {
            let start = chunk_start.min(fs);
            for &p in persons.iter().rev() {
                self.push_span(start..fe, p, RefKind::Pronoun);
            }
            return true;
        }
        false
    }

    /// Whether persons `a` and `b` are one: the same actor, or every word
    /// of one's name is in the other's ("Biden", "Joseph R. Biden").
    fn same_person(&self, a: usize, b: usize) -> bool {
        if a == b {
            return true;
        }
        let words = |x: usize| -> Vec<String> {
            self.actors[x]
                .name
                .split_whitespace()
                .map(|w| w.trim_end_matches(['.', ',']).to_lowercase())
                .collect()
        };
        let (wa, wb) = (words(a), words(b));
        let (short, long) = if wa.len() <= wb.len() {
            (&wa, &wb)
        } else {
            (&wb, &wa)
        };
        !short.is_empty() && short.iter().all(|w| long.contains(w))
    }

    /// "The Ministers", "the leaders" (no number) after "the Foreign
    /// Ministers of A, B, C and D" a few sentences before: all the parties
    /// of that list, not the two named most. Pushes their spans and says
    /// whether there were two or more.
    fn listed_before(&mut self, chunk_start: usize, fs: usize, fe: usize) -> bool {
        if self.tok(fs) != "the" || fe <= fs + 1 {
            return false;
        }
        let noun = self.tok(fe - 1).to_string();
        let sentence = self.doc.sentence_of_token(fs);
        let from = self
            .doc
            .sentences
            .get(sentence.saturating_sub(LIST_SENTENCES))
            .map_or(0, |s| s.tokens.start);
        // (the list opens its sentence as its subject: "The Foreign
        // Ministers of A, B and C met …"; one in a phrase, "agreements
        // reached by the leaders of A, B and C", is not who acts later)
        let opens_sentence = |k: usize| {
            let s0 = self
                .doc
                .sentences
                .get(self.doc.sentence_of_token(k))
                .map_or(0, |s| s.tokens.start);
            (s0..k).all(|i| {
                self.tok(i) == "the"
                    || self
                        .raw
                        .word(i)
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
            })
        };
        let Some(k) = (from..fs)
            .rev()
            .find(|&k| self.tok(k) == noun && self.tok(k + 1) == "of" && opens_sentence(k))
        else {
            return false;
        };
        let parties = self.list_at(k + 2, fs);
        if parties.len() < 2 {
            return false;
        }
        let start = chunk_start.min(fs);
        for p in parties {
            self.push_span(start..fe, p, RefKind::Pronoun);
        }
        true
    }

    /// The states and organisations a coordinated list starting at token
    /// `j` names ("Australia, India, Japan and the United States"), in
    /// order, each once; the list ends at the first word that is neither
    /// a name, a comma, "and" nor "the".
    fn list_at(&self, mut j: usize, end: usize) -> Vec<usize> {
        let mut found: Vec<usize> = Vec::new();
        while j < end {
            if matches!(self.tok(j), "," | "and" | "the") {
                j += 1;
                continue;
            }
            let Some(sp) = self.spans.iter().find(|s| s.tokens.start == j) else {
                break;
            };
            let a = sp.actor;
            let party = matches!(
                self.actors[a].kind,
                Some(ActorKind::State | ActorKind::Organization)
            );
            if !party {
                break;
            }
            if !found.contains(&a) {
                found.push(a);
            }
            j = sp.tokens.end.max(j + 1);
        }
        found
    }

    /// "the two sides" at `fs..fe`: the two parties named most in its
    /// paragraph before it, else in the text so far (a person counts for
    /// the state or organisation it belongs to). A briefing or a summit's
    /// release tells of several pairs, one paragraph each.
    fn party_pair(&mut self, chunk_start: usize, fs: usize, fe: usize) {
        let paragraph = (0..=fs)
            .rev()
            .find(|&k| self.doc.tokens[k].newlines_before > 0)
            .unwrap_or(0);
        let local = self.ranked_parties(paragraph, fs);
        let counts = if local.len() >= 2 {
            local
        } else {
            self.ranked_parties(0, fs)
        };
        if counts.len() >= 2 {
            let start = chunk_start.min(fs);
            for &(p, _) in counts.iter().take(2) {
                self.push_span(start..fe, p, RefKind::Pronoun);
            }
        }
    }

    /// The parties named between tokens `from` and `fs` with how often,
    /// states first (when two are named), then the most mentioned; ties:
    /// the first named.
    fn ranked_parties(&self, from: usize, fs: usize) -> Vec<(usize, usize)> {
        let mut counts: Vec<(usize, usize)> = Vec::new();
        let recent = self.spans.len().saturating_sub(PAIR_WINDOW);
        let spans = self.spans[recent..].iter();
        for sp in spans.filter(|sp| sp.tokens.start >= from && sp.tokens.end <= fs) {
            // a place of origin or location is no side ("refugees
            // who arrived in X from Y")
            let before = sp.tokens.start.checked_sub(1).map_or("", |k| self.tok(k));
            if matches!(before, "in" | "from") {
                continue;
            }
            let a = &self.actors[sp.actor];
            let party = match a.kind {
                Some(ActorKind::Person) => a.affiliation,
                Some(ActorKind::State | ActorKind::Organization) => Some(sp.actor),
                _ => None,
            };
            if let Some(p) = party {
                match counts.iter_mut().find(|(x, _)| *x == p) {
                    Some(c) => c.1 += 1,
                    None => counts.push((p, 1)),
                }
            }
        }
        let is_state = |a: usize| self.actors[a].kind == Some(ActorKind::State);
        let states = counts.iter().filter(|(p, _)| is_state(*p)).count();
        if states >= 2 {
            counts.retain(|(p, _)| is_state(*p));
        }
        counts.sort_by_key(|&(_, c)| std::cmp::Reverse(c));
        counts
    }

    /// "the latter" (`latter`) or "the former" at `fs..fe`: the nearest or
    /// the second nearest actor named before. Returns the chunk's end.
    fn latter_or_former(&mut self, fs: usize, fe: usize, end: usize, latter: bool) -> usize {
        // an adjective before a name or title ("the former Prime
        // Minister") refers to nothing by itself
        let next = self.raw.word(fe);
        if next.chars().next().is_some_and(char::is_uppercase)
            || self
                .titles
                .longest_at(&self.lower, &self.raw, fe, end)
                .is_some()
        {
            return fe;
        }
        // the actors named before, nearest first, each once
        let mut seen: Vec<usize> = Vec::new();
        for sp in self.spans.iter().rev() {
            if sp.tokens.end <= fs && !seen.contains(&sp.actor) {
                seen.push(sp.actor);
            }
            if seen.len() == 2 {
                break;
            }
        }
        let pick = if latter { 0 } else { 1 };
        if let Some(&a) = seen.get(pick) {
            self.push_span(fs..fe, a, RefKind::Pronoun);
        }
        fe
    }
}
