//! Generic references: a lower-case head makes a record only when it is
//! specific (see the module notes in `mod.rs`).

use super::{bodies, parties, title, Agreements, Cand, Flag, InSentence, Link, Site, View};
use super::{count_word, join_tokens, singular, split_conjuncts, split_parties};
use crate::doc::TokenKind;
use crate::lexicon::WordClass;

/// The longest complement of a generic head (tokens): "a protocol on
/// introducing amendments to the intergovernmental agreement on preventing
/// incidents at sea beyond respective territorial waters" is 16.
const MAX_COMPLEMENT: usize = 20;

/// What the scan around a generic head found: the first pre-modifier `a`,
/// the end of the complement `b` and what opens and fills it.
struct Around<'a> {
    a: usize,
    b: usize,
    complement_ok: bool,
    /// The determiner before the modifiers ("the", "this", "our").
    det: Option<&'a str>,
    /// Where "between" stands in the complement, if anywhere.
    bw: Option<usize>,
    /// Whether "between" opens a named party.
    between: bool,
    /// The other party after "with" ("an agreement with Gondor").
    with_party: Vec<String>,
}

impl Agreements {
    pub(super) fn generic(&self, site: Site<'_>, out: &mut Vec<Cand>) -> usize {
        let Site { at, i, hend, head } = site;
        let Some(a) = self.generic_start(site) else {
            return hend;
        };
        // "reached certain agreements in Istanbul": a set made at an
        // occasion, however it is counted (`occasion.rs`)
        if let Some(end) = self.reached_set(site, a, out) {
            return end;
        }
        if self.general_before(at.v, a, i, head)
            || self.not_a_head(at, i, hend)
            || self.mass_use(at, a, (i, hend), head)
        {
            return hend;
        }
        // "signed 15 cooperation agreements", "concluded agreements with
        // A and B": a signed set pinned down (`sets.rs`)
        if let Some(end) = self.signed_set(site, a, out) {
            return end;
        }
        let around = self.around(site, a);
        self.generic_reference(site, &around, out)
    }

    /// Where the lower-case pre-modifiers of a generic head start ("joint",
    /// "action", "free trade"), or `None` when the head is no reference
    /// here ("in agreement with", a modifier-only head without a modifier).
    fn generic_start(&self, site: Site<'_>) -> Option<usize> {
        let Site { at, i, hend, head } = site;
        let InSentence { v, first, .. } = at;
        // "in agreement with", "in full agreement"
        let prev = if i > first { v.w(i - 1) } else { "" };
        if prev == "in" || (i > first + 1 && v.w(i - 2) == "in" && v.kind[i - 1] == TokenKind::Word)
        {
            return None;
        }
        let mut a = i;
        while a > first && a + 3 > i {
            // "the G7 leaders' statement": joint authors, with the body
            // they speak for (`bodies.rs`)
            if a > first + 1
                && bodies::plural_possessive(v, a - 1, first)
                && self.modifiers.contains(v.w(a - 2))
            {
                a -= 2;
                if let Some(k) = self.joint_body_before(at, a) {
                    return Some(k);
                }
                continue;
            }
            let w = v.w(a - 1);
            // "the UN-mediated truce", "a 60-day truce" (`refine.rs`)
            let compound = self.specific_compound(w, &head.kind);
            if v.kind[a - 1] == TokenKind::Word
                && (w.starts_with(char::is_alphabetic) || compound)
                && (!v.cap(a - 1) || self.modifiers.contains(w) || compound)
                && !self.determiners.contains(w)
                && !self.verbs.contains(w)
                && !self.words.has(WordClass::NameStop, w)
                && count_word(w).is_none()
                && !self.words.has(WordClass::NotModifier, w)
                && !self.evaluative(w)
                && self.modifier_word(at, a - 1, hend)
                // ("the coming months toward agreement", "benefits from
                // truce": a preposition ends the noun phrase)
                && super::specific::parsed(at.doc, a - 1).is_none_or(|(upos, _, _)| upos != "ADP")
            {
                a -= 1;
            } else {
                break;
            }
        }
        // ("a ministerial statement": one author's, `bodies.rs`)
        let one_author =
            |k: usize| self.bodies.single_author(v.w(k)) && head.kind == super::named::STATEMENT;
        let joint = |k: usize| self.modifiers.contains(v.w(k)) && !one_author(k);
        if head.flag == Flag::Modifier && !(a..i).any(joint) {
            // "the UN Security Council statement", "the NAM statement" (`bodies.rs`)
            let spoken = matches!(head.kind.as_str(), "statement" | "declaration");
            return (!head.plural && spoken)
                .then(|| self.joint_body_before(at, a))
                .flatten();
        }
        Some(a)
    }

    /// The complement after a generic head (on/between/demanding … up to
    /// punctuation), its determiner and the parties it names.
    fn around<'a>(&self, site: Site<'a>, a: usize) -> Around<'a> {
        let Site { at, hend, .. } = site;
        let InSentence {
            v,
            date_at,
            first,
            lim,
            ..
        } = at;
        let det = (a > first)
            .then(|| v.w(a - 1))
            .filter(|w| self.determiners.contains(*w));
        let mut b = hend;
        let starts = v.w(b);
        let complement_ok = self.words.has(WordClass::ComplementOpener, starts)
            || (starts.ends_with("ing") && starts.len() > 5);
        if starts == "between" {
            let j = hend + 1 + usize::from(v.w(hend + 1) == "the");
            // ("the programme between the two ministries": no named party,
            // so no complement either, rather than a name ending in "the")
            let run = self.cap_run(v, j, lim, date_at);
            b = if run > j { run } else { hend };
        } else if complement_ok {
            while b < lim && b - hend < MAX_COMPLEMENT {
                let w = v.w(b);
                // "… and two joint action plans": a second instrument
                if v.kind[b] == TokenKind::Punct
                    || date_at.contains_key(&b)
                    || self.words.has(WordClass::ComplementEnd, w)
                    || (w == "and" && self.head_follows(v, b + 1, lim))
                    // "… and several other documents": a second, counted set
                    || (w == "and" && self.occasion.quantity(v.w(b + 1)))
                {
                    break;
                }
                b += 1;
            }
        }
        // "the agreement on fisheries between A and B": "between" in the
        // complement names the parties too
        let bw = if starts == "between" {
            Some(hend)
        } else {
            self.between_in(v, hend, b)
        };
        let between =
            bw.is_some_and(|k| b > k + 1 && v.cap(k + 1 + usize::from(v.w(k + 1) == "the")));
        Around {
            a,
            b,
            complement_ok,
            det,
            bw,
            between,
            // "an agreement with Gondor", "the agreement with Arnor": the
            // other party is named (the name leaves it out)
            with_party: self.with_party(at, a, hend),
        }
    }

    /// A generic head with its complement read: counted, specific,
    /// definite or coordinated references; else `generic_specific`.
    fn generic_reference(&self, site: Site<'_>, around: &Around<'_>, out: &mut Vec<Cand>) -> usize {
        let Site { at, i, hend, head } = site;
        let InSentence { doc, v, s, lim, .. } = at;
        let &Around { a, b, det, .. } = around;
        let starts = v.w(hend);
        let kind = head.kind.as_str();
        // "the three China-US joint communiqués": one closed set (`recall.rs`)
        if starts != "on" {
            if let Some(end) = self.counted_set(site, a, out) {
                return end;
            }
        }
        if let Some(end) = self.counted_on(site, a, b, out) {
            return end;
        }
        // "the agreement of 12 March 2020", "the joint statements of 2019
        // and 2021" (`dated.rs`)
        if det.is_some() {
            if let Some(end) = self.dated_reference(site, a, out) {
                return end;
            }
        }
        if let Some(end) = self.specific_reference(at, a, i, (hend, b), &head.clone(), out) {
            return end;
        }
        // "our agreement to hold the Cross Year", "the deal to supply …": a
        // to-infinitive says what was agreed, so the instrument is specific
        if det.is_some() && !head.plural && infinitive_after(doc, v, hend, lim) {
            let end = self.trim_end(v, hend, b.max(hend));
            let name = join_tokens(doc, a, end);
            out.push(self.cand(doc, v, s, a, end - 1, &name, kind, false, Link::Generic));
            return end;
        }
        // "the trilateral agreements on …": the set those parties concluded
        if det == Some("the") {
            if let Some(end) = self.counted_parties_plural(site, a, b, out) {
                return end;
            }
        }
        if let Some(d) = det {
            if !(d == "the" && (around.between || !around.with_party.is_empty())) {
                return self.determined(site, around, d, out);
            }
        }
        if head.plural && starts == "on" {
            // memorandums on A, and on B: one record each
            let parts = self.repeated_on(v, hend, lim);
            if let Some(&(_, end)) = parts.last() {
                let stem = singular(&join_tokens(doc, a, hend));
                for (pa, pb) in parts {
                    let name = format!("{stem} on {}", join_tokens(doc, pa, pb));
                    out.push(self.cand(doc, v, s, a, end - 1, &name, kind, false, Link::Generic));
                }
                return end;
            }
        }
        if head.plural && !self.verbs.contains(starts) {
            return hend;
        }
        self.generic_specific(site, around, out)
    }

    /// "two joint action plans on A and B": one record per conjunct when
    /// the count matches; a counted plural is otherwise no reference.
    fn counted_on(&self, site: Site<'_>, a: usize, b: usize, out: &mut Vec<Cand>) -> Option<usize> {
        let Site { at, hend, head, .. } = site;
        let InSentence {
            doc, v, s, first, ..
        } = at;
        let count = (a > first).then(|| count_word(v.w(a - 1))).flatten();
        let n = count.filter(|n| *n >= 2 && head.plural)?;
        if v.w(hend) == "on" {
            let parts = split_conjuncts(v, hend + 1, b);
            if parts.len() == n {
                let stem = singular(&join_tokens(doc, a, hend));
                for (pa, pb) in parts {
                    // "on visas and on fisheries": the repeated "on"
                    let pa = if v.w(pa) == "on" { pa + 1 } else { pa };
                    let name = format!("{stem} on {}", join_tokens(doc, pa, pb));
                    let kind = head.kind.as_str();
                    out.push(self.cand(doc, v, s, a - 1, b - 1, &name, kind, false, Link::Generic));
                }
                return Some(b);
            }
        }
        Some(hend)
    }

    /// A head after a determiner `d` ("the", "this", "our"): a definite
    /// instrument or a reference back to one.
    fn determined(
        &self,
        site: Site<'_>,
        around: &Around<'_>,
        d: &str,
        out: &mut Vec<Cand>,
    ) -> usize {
        let Site { at, i, hend, head } = site;
        let InSentence { doc, v, s, .. } = at;
        let &Around { a, b, .. } = around;
        let kind = head.kind.as_str();
        // "the protocol on upgrading the FTA" (`defined.rs`)
        if d == "the" {
            if let Some(end) = self.defined_by_complement(site, a, b, out) {
                return end;
            }
        }
        let first_tok = a - 1;
        // "the peace agreement": a definite head with a noun
        // modifier is a specific instrument even at its first mention
        // "violations of the ceasefire": the one in force
        let definite = d == "the"
            && (self.spec.definite.contains(v.w(hend - 1)) || self.is_package(v, i, hend));
        // ("the U.S.-led joint statement on racial justice": a
        // compound's instrument keeps what it is about)
        let about = if (a..i).any(|k| self.specific_compound(v.w(k), kind)) {
            self.trim_end(v, hend, b.max(hend))
        } else {
            hend
        };
        let (name, link) = if d == "the" && (a < i || definite) && !head.plural {
            (join_tokens(doc, a, about), Link::Generic)
        } else {
            // ("the action plan for 2024–2026": no "for" left dangling)
            let end = self.trim_end(v, hend, b.max(hend));
            (join_tokens(doc, a, end), Link::Short)
        };
        let mut c = self.cand(doc, v, s, first_tok, hend - 1, &name, kind, false, link);
        // "in the spirit of our joint statement": several parties' own
        // starts a record when none came before (`jointly.rs`)
        c.signed |= self.joint_instrument(site, a);
        out.push(c);
        hend
    }

    /// An indefinite or bare head that something in its sentence makes
    /// specific: parties named, a qualifier, a signing verb, a describing
    /// complement, a headline joint statement.
    fn generic_specific(&self, site: Site<'_>, around: &Around<'_>, out: &mut Vec<Cand>) -> usize {
        let Site { at, i, hend, head } = site;
        let InSentence {
            doc,
            v,
            s,
            first,
            lim,
            ..
        } = at;
        let &Around {
            a,
            b,
            complement_ok,
            between,
            ..
        } = around;
        let starts = v.w(hend);
        let kind = head.kind.as_str();
        let signed_after = self.verbs.contains(starts);
        // "a memorandum of understanding on customs cooperation": a
        // complement of two words or more names one instrument.
        let described = !head.plural
            && complement_ok
            && matches!(starts, "on" | "concerning" | "regarding" | "establishing")
            && b >= hend + 3
            && self.spec.manner.longest(v, hend, lim).is_none();
        // "Joint statement by the presidents of A and B" in a headline: the
        // document itself, when the headline names two or more parties
        let headline = s == 0
            && (a..i).any(|k| self.modifiers.contains(v.w(k)))
            && title::names_parties(doc, &self.formations);
        // "Kenya and Uganda signed a memorandum", "the EU and Azerbaijan are
        // negotiating a visa facilitation agreement": the subject's parties
        // (the head word of "memorandum of understanding" is "memorandum")
        let htok = (i..hend)
            .find(|&k| v.w(k) == "of")
            .map_or(hend - 1, |k| k - 1);
        let subject = parties::subject_parties(doc, &self.words, htok, (first, lim));
        // "an immediate, negotiated ceasefire": the one called for
        let qualified = self.qualified_start(v, first, i, kind);
        let compound =
            (a..i).any(|k| self.specific_compound(v.w(k), kind)) || self.is_package(v, i, hend);
        // "released a joint statement": several parties' own (`jointly.rs`)
        let jointly = self.joint_instrument(site, a);
        let specific = between
            || compound
            || jointly
            || subject.len() >= 2
            || qualified.is_some()
            || signed_after
            || described
            || headline
            || !around.with_party.is_empty()
            || self.signing(v, first, lim).is_some()
            || self.governing_signer(at, htok).is_some();
        if !specific {
            // "a medical pact to protect health workers" (`occasion.rs`)
            self.purpose_instrument(site, a, out);
            return hend;
        }
        // ("a treaty on good-neighbourly relations in 2001": not "in")
        let mut end = self.trim_end(v, hend, b.max(hend));
        if !around.with_party.is_empty() {
            end = hend;
        }
        if signed_after {
            end = signed_by_end(v, hend, lim);
        }
        let (a, end, name_from) = match qualified {
            Some(q) => self.ceasefire_extent(v, q.min(a), i, hend, lim),
            None => (a, end, a),
        };
        let from_subject = !subject.is_empty();
        let mut parties = subject;
        if let Some(k) = around.bw.filter(|_| between) {
            let j = k + 1 + usize::from(v.w(k + 1) == "the");
            parties = split_parties(&v.text[j..b]);
        }
        for p in &around.with_party {
            if !parties.contains(p) {
                parties.push(p.clone());
            }
        }
        let mut name = join_tokens(doc, name_from, end);
        // ("to reach an agreement with A and B": A and B are one side)
        if from_subject {
            name = parties::with_party_prefix(&name, &parties);
        }
        let mut c = self.cand(doc, v, s, a, end - 1, &name, kind, false, Link::Generic);
        c.parties = parties;
        out.push(c);
        // "a protocol … amending the intergovernmental agreement on …": the
        // instrument inside the complement is read too
        (hend + 1..end)
            .find(|&k| self.heads.longest(v, k, lim).is_some())
            .unwrap_or(end)
    }

    /// A called-for ceasefire's mention and name: the mention from the
    /// first qualifier `q`, the name from the one next to the head
    /// ("negotiated ceasefire"), both with a place after "in" ("… in Gaza")
    /// and nothing else (a purpose clause is no part of it).
    fn ceasefire_extent(
        &self,
        v: &View,
        q: usize,
        i: usize,
        hend: usize,
        lim: usize,
    ) -> (usize, usize, usize) {
        let name_from = if i > q && self.spec.qualifiers.contains(v.w(i - 1)) {
            i - 1
        } else {
            q
        };
        let mut end = hend;
        if v.w(hend) == "in" && hend + 1 < lim && v.cap(hend + 1) {
            end = hend + 1;
            while end < lim && v.cap(end) && v.kind[end] == TokenKind::Word {
                end += 1;
            }
        }
        (q, end, name_from)
    }

    /// Where a run of qualifying adjectives before a ceasefire head at `i`
    /// starts ("immediate and lasting", "immediate, indefinite,
    /// negotiated"), when the run holds one.
    fn qualified_start(&self, v: &View, first: usize, i: usize, kind: &str) -> Option<usize> {
        if kind != "ceasefire" {
            return None;
        }
        let mut start = None;
        let mut k = i;
        while k > first {
            let w = v.w(k - 1);
            if self.spec.qualifiers.contains(w) {
                start = Some(k - 1);
            } else if !matches!(w, "and" | ",") {
                break;
            }
            k -= 1;
        }
        start
    }
}

/// "agreements signed by the X and Y Governments": one past the signing
/// clause after the head (up to ten words, punctuation, a relative word or
/// an "and" before a lower-case word).
fn signed_by_end(v: &View, hend: usize, lim: usize) -> usize {
    let mut end = hend + 1;
    while end < lim
        && v.kind[end] != TokenKind::Punct
        && end - hend < 10
        && !matches!(v.w(end), "and" if !v.cap(end + 1))
    {
        if matches!(v.w(end), "that" | "which" | "we" | "who") {
            break;
        }
        end += 1;
    }
    end
}

/// Whether a to-infinitive follows the head ending at `hend` ("agreement
/// to hold …"): "to" and a verb that the parse hangs on the head, where
/// the sentence has a parse; else a lower-case word, not a relative "to which".
pub(super) fn infinitive_after(doc: &crate::doc::Doc, v: &View, hend: usize, lim: usize) -> bool {
    let k = hend + 1;
    if v.w(hend) != "to" || k >= lim || v.kind[k] != TokenKind::Word || v.cap(k) {
        return false;
    }
    // ("allows the ceasefire to include …": a complement of the verb, not
    // of the head; the parse hangs a content infinitive on the head)
    match super::specific::parsed(doc, k) {
        Some((upos, h, rel)) => upos == "VERB" && h == Some(hend - 1) && rel.starts_with("acl"),
        None => !matches!(v.w(k), "which" | "whom" | "the"),
    }
}
