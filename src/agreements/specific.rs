//! When a lower-case head is a specific instrument (issue 13, item 4): a
//! defining participle or relative clause ("the ceasefire agreed in Geneva
//! last month", "the deal that was reached in Vienna"), a year
//! premodifier ("the 2015 framework agreement"), a party premodifier ("the
//! Gondor trade deal") or a place ("the agreement in London"). General
//! references stay out ("relevant agreements", "such agreements"), and so
//! do heads that are no head: a noun modifying another noun ("ceasefire
//! violations", read from the parse), a verb ("to deal with") or an idiom
//! ("a great deal of").
//!
//! The parse (`doc.syntax`) decides where it has one: the participle must
//! hang on the head (`acl`, `acl:relcl`), and the clause is the
//! participle's subtree. Sentences the syntax stage skipped fall back to
//! the words after the head.

use super::{Agreements, Cand, Head, InSentence, Link, PhraseTable, Site, View};
use crate::doc::{Doc, EntityType, TokenKind};
use crate::lexicon::{WordClass, WordSet};
use crate::text::Tokenizer;

/// The longest defining clause kept in a name (tokens).
const MAX_CLAUSE: usize = 12;

/// The word classes of `models/agreement_cues.tsv` these rules read.
#[derive(Debug, Clone, Default)]
pub(super) struct Cues {
    /// Participles that define an instrument ("agreed", "reached").
    pub(super) participles: WordSet<String>,
    /// Participles whose "by" names a mediator, not a party ("brokered").
    mediation: WordSet<String>,
    /// Auxiliaries of a passive relative ("that was signed").
    pub(super) auxiliaries: WordSet<String>,
    /// Verbs a court issues a ruling with ("issued", "delivered").
    court_verbs: WordSet<String>,
    /// Words that make a reference general ("such", "any").
    general: WordSet<String>,
    /// Words that make a plural reference general ("relevant agreements";
    /// "the relevant protocol was signed in 1992" is one).
    general_plural: WordSet<String>,
    /// Phrases in which a head word is no head ("great deal").
    pub(super) idioms: PhraseTable<()>,
    /// Phrases after a head that say how, not what ("on the basis of").
    pub(super) manner: PhraseTable<()>,
    /// Heads whose bare definite singular is one instrument ("the ceasefire").
    pub(super) definite: WordSet<String>,
    /// Prepositions after a passive predicate that place it ("were reached in …").
    pub(super) placing: WordSet<String>,
    /// Adjectives that make a ceasefire the one called for ("an immediate,
    /// negotiated ceasefire"; `generic.rs`).
    pub(super) qualifiers: WordSet<String>,
}

impl Cues {
    /// Adds a row of class `class`.
    pub(super) fn add(&mut self, tokenizer: &Tokenizer, class: &str, phrase: &str) {
        let w = phrase.to_lowercase();
        match class {
            "participle" => self.participles.insert(w),
            "auxiliary" => self.auxiliaries.insert(w),
            "mediation" => self.mediation.insert(w),
            "court_verb" => self.court_verbs.insert(w),
            "general" => self.general.insert(w),
            "general_plural" => self.general_plural.insert(w),
            "manner" => {
                self.manner.add(tokenizer, phrase, (), false);
                true
            }
            "definite" => self.definite.insert(w),
            "placing" => self.placing.insert(w),
            "qualifier" => self.qualifiers.insert(w),
            _ => {
                self.idioms.add(tokenizer, phrase, (), false);
                true
            }
        };
    }
}

/// The parse of token `k`: (upos, head, deprel), when its sentence was parsed.
pub(super) fn parsed(doc: &Doc, k: usize) -> Option<(&'static str, Option<usize>, &'static str)> {
    doc.syntax
        .get(k)
        .filter(|s| !s.upos.is_empty())
        .map(|s| (s.upos, s.head, s.deprel))
}

/// Whether token `t` lies in the subtree of token `root` (by the parse),
/// leaving out what is coordinated with it or a clause of its own ("…
/// reached at the summit and preserving the spirit").
fn under(doc: &Doc, t: usize, root: usize) -> bool {
    let mut k = t;
    for _ in 0..32 {
        let Some((_, head, rel)) = parsed(doc, k) else {
            return k == root;
        };
        if k == root {
            return true;
        }
        if head == Some(root) {
            return !matches!(rel, "conj" | "cc" | "advcl" | "parataxis" | "punct");
        }
        match head {
            Some(h) => k = h,
            None => return false,
        }
    }
    false
}

/// Where the head's phrase ends before `end`: the first token the parse
/// does not hang under the head ("agreements on grain exports | expire").
pub(super) fn phrase_end(doc: &Doc, (i, hend): (usize, usize), end: usize) -> usize {
    (hend..end)
        .find(|&t| parsed(doc, t).is_some() && !(i..hend).any(|h| under(doc, t, h)))
        .unwrap_or(end)
}

fn is_year(w: &str) -> bool {
    w.len() == 4
        && (w.starts_with("19") || w.starts_with("20"))
        && w.bytes().all(|b| b.is_ascii_digit())
}

impl Agreements {
    /// Whether the head at `i..hend` is no head here: an idiom, a verb, or
    /// a noun that modifies the next noun ("ceasefire violations").
    pub(super) fn not_a_head(&self, at: InSentence<'_>, i: usize, hend: usize) -> bool {
        let idiom = self.idiom_at(at.doc, at.v, i, at.first, at.lim);
        let last = hend - 1;
        let parse = parsed(at.doc, last);
        let verb = parse.is_some_and(|p| matches!(p.0, "VERB" | "AUX"));
        // a compound on a noun right after it (a parse that hangs it on a
        // noun further on, across a preposition, is not trusted)
        let noun_run = |h: usize| {
            h > last
                && h - last <= 3
                && (last + 1..h).all(|k| {
                    parsed(at.doc, k).is_some_and(|p| matches!(p.0, "NOUN" | "PROPN" | "ADJ"))
                })
        };
        let modifier = parse.is_some_and(|p| p.2 == "compound" && p.1.is_some_and(noun_run));
        idiom || verb || modifier
    }

    /// Whether an idiom covers the head word at `i` ("great deal"). One
    /// that starts with the head ("deal with") is a verb's: after an
    /// article or determiner the head is a noun ("the nuclear deal with Iran").
    pub(super) fn idiom_at(&self, doc: &Doc, v: &View, i: usize, first: usize, lim: usize) -> bool {
        // ("the body that deals with …": a relative pronoun)
        let article = |k: usize| {
            matches!(v.w(k), "a" | "an") || self.determiners.contains(v.w(k)) && v.w(k) != "that"
        };
        let mut noun = false;
        for k in (i.saturating_sub(3).max(first)..i).rev() {
            if article(k) {
                noun = true;
                break;
            }
            if v.cap(k) || v.kind[k] != TokenKind::Word {
                break;
            }
        }
        let noun = noun
            // ("how countries in the region deal with …": the parse's verb)
            && parsed(doc, i).is_none_or(|p| !matches!(p.0, "VERB" | "AUX"));
        (i.saturating_sub(3).max(first)..=i).any(|s| {
            !(s == i && noun)
                && self
                    .spec
                    .idioms
                    .longest(v, s, lim)
                    .is_some_and(|(e, _)| e > i)
        })
    }

    /// "encouraging agreement on …", "reach agreement on …": a singular
    /// head with no article, determiner, number or modifier is a mass use
    /// in running text (headlines drop articles, so the first sentence is
    /// exempt).
    pub(super) fn mass_use(
        &self,
        at: InSentence<'_>,
        a: usize,
        (i, hend): (usize, usize),
        head: &Head,
    ) -> bool {
        let v = at.v;
        let prev = if a > at.first { v.w(a - 1) } else { "" };
        let marked = matches!(prev, "a" | "an")
            || self.determiners.contains(prev)
            || super::count_word(prev).is_some()
            || is_year(prev)
            || (a > at.first && v.cap(a - 1));
        // "agreement reached with Victoria", "sign agreement with …" name one
        let attached =
            matches!(v.w(hend), "with" | "between") || self.defining_clause(at, i, hend).is_some();
        at.s > 0 && !head.plural && a == i && !marked && !attached
    }

    /// Whether a word before the head (among its modifiers or just before
    /// them) makes the reference general ("relevant agreements").
    pub(super) fn general_before(&self, v: &View, a: usize, i: usize, head: &Head) -> bool {
        (a.saturating_sub(1)..i).any(|k| {
            self.spec.general.contains(v.w(k))
                || head.plural && self.spec.general_plural.contains(v.w(k))
        })
    }

    /// "agreed in Geneva", "that was reached in Vienna" after the head at
    /// `i..hend`: one past the end of the defining clause.
    pub(super) fn defining_clause(
        &self,
        at: InSentence<'_>,
        i: usize,
        hend: usize,
    ) -> Option<usize> {
        let InSentence { doc, v, lim, .. } = at;
        let mut p = hend;
        if matches!(v.w(p), "that" | "which") {
            p += 1;
            let aux = (p..lim.min(p + 2)).take_while(|&k| self.spec.auxiliaries.contains(v.w(k)));
            let n = aux.count();
            if n == 0 {
                // "the ceasefire that A and B agreed in May": only by the parse
                let rel = (p..lim.min(p + 6)).find(|&k| {
                    self.spec.participles.contains(v.w(k))
                        && parsed(doc, k).is_some_and(|(_, h, r)| {
                            r == "acl:relcl" && h.is_some_and(|h| (i..hend).contains(&h))
                        })
                })?;
                let mut end = rel + 1;
                while end < lim && end - rel <= MAX_CLAUSE && under(doc, end, rel) {
                    end += 1;
                }
                return Some(self.trim_end(v, rel + 1, end));
            }
            p += n;
        }
        if p >= lim || !self.spec.participles.contains(v.w(p)) {
            return None;
        }
        if let Some((_, h, rel)) = parsed(doc, p) {
            // the participle hangs on the head (directly or as a relative);
            // right after the head, on any noun ("A and agreement reached
            // with B": the parse may hang it on the first conjunct)
            let on_head = h.is_some_and(|h| (i..hend).contains(&h)) || p == hend;
            if !(on_head && rel.starts_with("acl")) {
                return None;
            }
            let mut end = p + 1;
            while end < lim && end - p <= MAX_CLAUSE && under(doc, end, p) {
                end += 1;
            }
            // a date right after the clause dates it ("agreed in Geneva last month")
            if let Some(&d) = at.date_at.get(&end) {
                end = end.max(doc.dates[d].tokens.end.min(lim));
            }
            return Some(self.trim_end(v, p + 1, end));
        }
        // no parse: up to punctuation, a clause word or "and" + lower case
        let mut end = p + 1;
        while end < lim && end - p <= MAX_CLAUSE && v.kind[end] != TokenKind::Punct {
            let w = v.w(end);
            if matches!(w, "that" | "which" | "who" | "we")
                || (w == "and" && !v.cap(end + 1))
                || self.words.has(WordClass::ComplementEnd, w)
                    && w != "by"
                    && w != "with"
                    && w != "at"
            {
                break;
            }
            end += 1;
        }
        Some(self.trim_end(v, p + 1, end))
    }

    /// "in Geneva" after the head: one past the place's name.
    fn place_after(&self, at: InSentence<'_>, hend: usize) -> Option<usize> {
        if at.v.w(hend) != "in" {
            return None;
        }
        let j = hend + 1 + usize::from(at.v.w(hend + 1) == "the");
        at.doc
            .entities
            .iter()
            .find(|m| m.tokens.start == j && m.label == EntityType::Gpe && m.tokens.end <= at.lim)
            .map(|m| m.tokens.end)
    }

    /// "the Gondor trade deal": a state, people or body just before the
    /// modifiers at `a`, after an article; its first token.
    fn party_before(&self, at: InSentence<'_>, a: usize) -> Option<usize> {
        let m = at.doc.entities.iter().find(|m| {
            m.tokens.end == a
                && m.tokens.start > at.first
                && matches!(
                    m.label,
                    EntityType::Gpe | EntityType::Norp | EntityType::Org
                )
        })?;
        let before = at.v.w(m.tokens.start - 1);
        (matches!(before, "a" | "an") || self.determiners.contains(before))
            .then_some(m.tokens.start)
    }

    /// A specific lower-case reference at `a..hend` (modifiers from `a`,
    /// a complement "on …" up to `complement`): pushes its candidate and
    /// returns where the scan goes on, or `None` when nothing here makes
    /// it specific.
    pub(super) fn specific_reference(
        &self,
        at: InSentence<'_>,
        a: usize,
        i: usize,
        (hend, complement): (usize, usize),
        head: &Head,
        out: &mut Vec<Cand>,
    ) -> Option<usize> {
        let InSentence { doc, v, .. } = at;
        // a year or a calendar date before the head (`recall.rs`)
        let year = (a > at.first && is_year(v.w(a - 1)))
            .then(|| a - 1)
            .or_else(|| self.dated_before(at, a));
        let start = year.unwrap_or(a);
        // ("the 1963 Partial Test Ban treaty": a capitalised name run, `occasion.rs`)
        let party = self
            .party_before(at, start)
            .or_else(|| self.name_run_before(at, start, i));
        let clause = self.defining_clause(at, i, hend);
        let passive = clause.is_none() && self.passive_predicate(at, a, i, hend);
        // "a truce in Yemen", not "bipartisan agreement in Australia"
        let article = start > at.first
            && (matches!(v.w(start - 1), "a" | "an") || self.determiners.contains(v.w(start - 1)));
        let place = (clause.is_none() && article)
            .then(|| self.place_after(at, hend))
            .flatten();
        // ("the Camp David agreements": a named set, `bodies.rs`)
        let named_set = head.plural
            && year.is_none()
            && party.is_some_and(|p| self.named_set(at, p, (i, hend), &head.kind));
        if clause.is_none()
            && !passive
            && year.is_none()
            && !named_set
            && (head.plural || place.is_none() && party.is_none())
        {
            return None;
        }
        // "the 2019 agreement between A and B": the parties end the name
        let between = (clause.is_none() && place.is_none() && v.w(hend) == "between").then(|| {
            let j = hend + 1 + usize::from(v.w(hend + 1) == "the");
            (j, self.cap_run(v, j, at.lim, at.date_at))
        });
        let start = party.unwrap_or(start);
        let end = clause
            .or(passive.then_some(hend))
            .or(place)
            .or(between.map(|(_, e)| e).filter(|&e| e > hend + 1))
            .unwrap_or_else(|| phrase_end(doc, (i, hend), complement.max(hend)));
        let mut c = self.described(at, start, end, head);
        let types = [EntityType::Gpe, EntityType::Org];
        c.parties = super::complements::entity_names(doc, start, i, &types);
        // "agreed between A and B", "struck with A": the clause names parties
        if clause.is_some() {
            let mediated = (hend..end).any(|k| self.spec.mediation.contains(v.w(k)));
            let opens = |w: &str| matches!(w, "between" | "with") || (w == "by" && !mediated);
            if let Some(k) = (hend..end).find(|&k| opens(v.w(k))) {
                for p in super::complements::entity_names(doc, k + 1, end, &types) {
                    if !c.parties.contains(&p) {
                        c.parties.push(p);
                    }
                }
            }
        }
        if let Some((j, e)) = between.filter(|&(j, e)| e > j) {
            c.parties.extend(super::split_parties(&v.text[j..e]));
        }
        c.parties.extend(self.with_party(at, start, hend));
        self.inner_dates(doc, at.date_at, start, end, &mut c);
        out.push(c);
        Some(end)
    }

    /// Whether another head starts within a few words from `k` ("… and two
    /// joint action plans"): a coordinated instrument, not a complement.
    pub(super) fn head_follows(&self, v: &View, k: usize, lim: usize) -> bool {
        (k..lim.min(k + 4)).any(|j| {
            v.kind[j] == TokenKind::Word
                && self.heads.longest(v, j, lim).is_some()
                && (k..j).all(|m| !v.cap(m) || v.kind[m] == TokenKind::Number)
        })
    }

    /// "the arbitral tribunal" after "of the" at `j`: one past a lower-case
    /// court word within three words.
    pub(super) fn lower_court(&self, v: &View, j: usize, lim: usize) -> Option<usize> {
        (j..lim.min(j + 3))
            .take_while(|&k| v.kind[k] == TokenKind::Word && !v.cap(k))
            .find(|&k| k > j && self.courts.contains_key(v.w(k)))
            .map(|k| k + 1)
    }

    /// "The Court issued an order", "the Tribunal's ruling": the court
    /// named just before the head at `i` (with an issuing verb or a
    /// possessive between), as (first token, court name).
    pub(super) fn court_before(&self, at: InSentence<'_>, i: usize) -> Option<(usize, String)> {
        let InSentence { doc, v, first, .. } = at;
        let court = doc
            .entities
            .iter()
            .filter(|m| m.tokens.end <= i && m.tokens.start >= first)
            .rev()
            .find(|m| {
                i - m.tokens.end <= 4
                    && m.label == EntityType::Org
                    && m.tokens.clone().any(|k| self.courts.contains_key(v.w(k)))
            })?;
        let e = court.tokens.end;
        let possessive = matches!(v.text[e], "'s" | "\u{2019}s") && e + 1 == i;
        let issued = (e..i).any(|k| self.spec.court_verbs.contains(v.w(k)))
            && (e..i).all(|k| !v.cap(k) && v.kind[k] == TokenKind::Word);
        if !(possessive || issued) {
            return None;
        }
        let mut name = doc.span_text(court.span).to_string();
        if let Some(rest) = name
            .strip_prefix("the ")
            .or_else(|| name.strip_prefix("The "))
        {
            name = rest.to_string();
        }
        if court.tokens.len() == 1 {
            if let Some(Some(full)) = self.courts.get(v.w(court.tokens.start)) {
                name = full.clone();
            }
        }
        Some((court.tokens.start, name))
    }
}

impl Agreements {
    /// "the ruling handed down by the Supreme Court of Arnor": a court verb
    /// right after the head and a court named within a few words. "The
    /// decision by the Supreme Court": a singular head's agent is its
    /// issuer too ("the rulings by the Court" are its rulings in general).
    fn court_after(
        &self,
        at: InSentence<'_>,
        hend: usize,
        plural: bool,
    ) -> Option<(usize, String)> {
        let v = at.v;
        let agent = !plural && v.w(hend) == "by";
        if !agent && !self.spec.court_verbs.contains(v.w(hend)) {
            return None;
        }
        let court = at.doc.entities.iter().find(|m| {
            m.tokens.start > hend
                && m.tokens.start <= hend + 4
                && m.tokens.end <= at.lim
                && m.label == EntityType::Org
                && m.tokens.clone().any(|k| self.courts.contains_key(v.w(k)))
        })?;
        let name = at.doc.span_text(court.span);
        let name = name.strip_prefix("the ").unwrap_or(name);
        Some((court.tokens.start, name.to_string()))
    }
}

impl Agreements {
    /// Drops trailing function words (name stops, complement ends) and
    /// punctuation from a..end.
    pub(super) fn trim_end(&self, v: &View, a: usize, mut end: usize) -> usize {
        while end > a
            && (v.kind[end - 1] == TokenKind::Punct
                || self.words.has(WordClass::NameStop, v.w(end - 1))
                || self.words.has(WordClass::ComplementEnd, v.w(end - 1)))
        {
            end -= 1;
        }
        end
    }
}

impl Agreements {
    /// A court head with no "of the Court" after it: a record when the
    /// court issues it just before ("The Court issued an order on …").
    pub(super) fn issued_ruling(&self, site: Site<'_>, out: &mut Vec<Cand>) -> usize {
        let Site { at, i, hend, head } = site;
        let Some((_, court)) = self
            .court_before(at, i)
            .or_else(|| self.court_after(at, hend, head.plural))
        else {
            return hend;
        };
        let name = format!("{} of the {court}", head.canon);
        let link = Link::Court(court.clone());
        let mut c = self.cand(
            at.doc,
            at.v,
            at.s,
            i,
            hend - 1,
            &name,
            &head.kind,
            false,
            link,
        );
        c.issuer = Some(court);
        // "the High Court's decision on 31 August 2011"
        if matches!(at.v.w(hend), "on" | "of") {
            if let Some(&d) = at.date_at.get(&(hend + 1)) {
                self.inner_dates(
                    at.doc,
                    at.date_at,
                    hend + 1,
                    at.doc.dates[d].tokens.end,
                    &mut c,
                );
            }
        }
        out.push(c);
        hend
    }
}
