//! Named instruments: a capitalised head ("Agreement", "Joint Statement")
//! with its capitalised pre-modifiers and complements. A capitalised plural
//! possessive stays a pre-modifier ("G7 Leaders’ Statement", "Foreign
//! Ministers' Communiqué"): the instrument is those leaders' joint one.

use super::complements::entity_names;
use super::{join_tokens, Agreements, Cand, Flag, InSentence, Link, Site};
use crate::doc::{EntityType, TokenKind};
use crate::lexicon::WordClass;

/// The kind of statements (`models/agreement_cues.tsv`): a single-author
/// modifier makes only a statement one author's ("Ministerial Declaration"
/// of a conference is joint).
pub(super) const STATEMENT: &str = "statement";

/// Whether token `k` is the apostrophe of a capitalised plural possessive
/// ("Leaders’", "Ministers'"): a pre-modifier that names the instrument's
/// joint authors ("G7 Leaders’ Statement").
fn possessive_plural(v: &super::View, k: usize, first: usize) -> bool {
    k > first
        && matches!(v.text[k], "\u{2019}" | "'")
        && v.cap(k - 1)
        && v.kind[k - 1] == TokenKind::Word
        && v.text[k - 1].len() > 3
        && v.text[k - 1].ends_with('s')
        && !v.text[k - 1].ends_with("ss")
}

/// Whether token `k` is a dash between two state names ("United States –
/// Italy Joint Statement"): the pair names the parties.
fn party_dash(doc: &crate::doc::Doc, v: &super::View, k: usize, first: usize) -> bool {
    let gpe_at = |t: usize, end: bool| {
        doc.entities.iter().any(|m| {
            m.label == EntityType::Gpe
                && if end {
                    m.tokens.end == t + 1
                } else {
                    m.tokens.start == t
                }
        })
    };
    k > first
        && matches!(v.text[k], "\u{2013}" | "-" | "\u{2014}")
        && gpe_at(k - 1, true)
        && gpe_at(k + 1, false)
}

impl Agreements {
    pub(super) fn named(&self, site: Site<'_>, out: &mut Vec<Cand>) -> usize {
        let Site { at, i, hend, head } = site;
        let InSentence {
            doc,
            v,
            date_at,
            s,
            first,
            lim: _,
        } = at;
        let (a, dates_from) = self.left_edge(at, i, out);
        // "a joint Declaration on …": a lower-case modifier makes the head
        // joint but stays out of the name
        let joint_before = a > first && !v.cap(a - 1) && self.modifiers.contains(v.w(a - 1));
        // ("Presidential Memorandum": a government's own directive, `bodies.rs`)
        if self.executive_memorandum(v, a, i, &head.kind) {
            return hend;
        }
        // ("Ministerial Statement": one author's unless parties are named)
        let one_author = |k: usize| self.bodies.single_author(v.w(k)) && head.kind == STATEMENT;
        let joint = |k: usize| self.modifiers.contains(v.w(k)) && !one_author(k);
        let has_modifier = joint_before || (a..i).any(joint) || self.names_parties(doc, v, a, i);
        // ("the Biketawa Declaration": a place or occasion the tagger does not know)
        let place = self.place_named(doc, v, i)
            || (self.place_named_head(v.w(i)) && self.run_named(doc, v, first, a, i));
        let has_modifier =
            has_modifier || self.capital_of_complement(doc, v, head, hend) || (a < i && place);
        if let Some(end) = self.unmodified(site, a, has_modifier, out) {
            return end;
        }
        // right: complements
        let r = self.complements(at, i, hend);
        let name_end = r.name_end;
        let b = r.end;
        let mut parties = r.parties;
        if parties.is_empty() {
            parties = entity_names(doc, a, name_end, &[EntityType::Gpe]);
            if parties.len() < 2 {
                parties.clear();
            }
        }
        let short = a == i && name_end == hend && r.extra.is_empty() && head.flag != Flag::Modifier;
        // a title-case headline capitalises every head: a bare one there
        // ("… on the Ceasefire in Gaza") is read as in running text
        // (a short form, "MOU", stays a name)
        if short && s == 0 && b == hend && head.flag != Flag::Short {
            return self.generic(site, out);
        }
        let mut name = self.full_name(at, head, (a, i, hend, name_end), short);
        for (pa, pb) in &r.extra {
            name = format!("{name} {}", join_tokens(doc, *pa, *pb));
        }
        let link = if short { Link::Short } else { Link::Named };
        let mut c = self.cand(doc, v, s, a, b - 1, &name, &head.kind, true, link);
        // "the current MOU with the Government of Tonga": a short form
        // whose party is named is that one instrument; it refers back to
        // an earlier one of its kind or starts a record
        c.signed = short
            && head.flag == Flag::Short
            && v.w(hend) == "with"
            && !parties.is_empty()
            && (first..i)
                .rev()
                .take(2)
                .any(|k| self.determiners.contains(v.w(k)));
        c.parties = parties;
        self.inner_dates(doc, date_at, dates_from, b, &mut c);
        out.push(c);
        b
    }

    /// The name's first token, walking left from head `i` over capitalised
    /// pre-modifiers and years, and the first token whose dates it holds.
    fn left_edge(&self, at: InSentence<'_>, i: usize, out: &[Cand]) -> (usize, usize) {
        let InSentence {
            doc,
            v,
            date_at,
            first,
            ..
        } = at;
        let mut a = i;
        let mut dated_name = None;
        while a > first {
            let k = a - 1;
            let w = v.w(k);
            // title-case headlines: "… Sign Memorandum of Cooperation"
            let ok = possessive_plural(v, k, first)
                || party_dash(doc, v, k, first)
                || (v.cap(k)
                    && v.kind[k] != TokenKind::Punct
                    && !self.words.has(WordClass::NotPremodifier, w)
                    && !self.verbs.contains(w))
                || (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()));
            if !ok || out.last().is_some_and(|c| c.last >= k) {
                break;
            }
            // a date other than a bare year ends the name, unless an article
            // opens it: "the August 17 Communiqué" is that one's name
            if let Some(&d) = date_at
                .get(&k)
                .filter(|_| !(w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())))
            {
                let start = doc.dates[d].tokens.start;
                if start > first && v.w(start - 1) == "the" && doc.dates[d].tokens.end == a {
                    dated_name = Some(start);
                }
                break;
            }
            a = k;
        }
        // (the date names it; whether it is the signing date the text does not say)
        (dated_name.unwrap_or(a), a)
    }

    /// A head that names one instrument only with a modifier ("the
    /// Statement") and has none: the end of what it covers when it is
    /// settled here (a back reference, or one author's statement).
    fn unmodified(
        &self,
        site: Site<'_>,
        a: usize,
        has_modifier: bool,
        out: &mut Vec<Cand>,
    ) -> Option<usize> {
        let Site { at, i, hend, head } = site;
        let InSentence {
            doc, v, s, first, ..
        } = at;
        let one_author = |k: usize| self.bodies.single_author(v.w(k)) && head.kind == STATEMENT;
        if head.flag == Flag::Modifier && !has_modifier && (a..i).any(one_author) {
            let r = self.complements(at, i, hend);
            // ("Ministerial Statement of A, B and C": the states it is of)
            let of = matches!(v.w(hend), "of" | "by");
            let states = entity_names(
                doc,
                hend,
                if of { at.lim } else { hend },
                &[EntityType::Gpe],
            );
            if r.parties.len().max(states.len()) < 2 {
                return Some(r.end);
            }
        } else if head.flag == Flag::Modifier && !has_modifier {
            // "the Statement": refers back
            let c = self.cand(
                doc,
                v,
                s,
                i,
                hend - 1,
                &v.text[i..hend].join(" "),
                &head.kind,
                true,
                Link::Short,
            );
            if (first..i)
                .rev()
                .take(2)
                .any(|k| self.determiners.contains(v.w(k)))
            {
                out.push(c);
            }
            return Some(hend);
        }
        None
    }

    /// The name from token `a` to `name_end`; a short form inside a longer
    /// name is written in full.
    fn full_name(
        &self,
        at: InSentence<'_>,
        head: &super::Head,
        (a, i, hend, name_end): (usize, usize, usize, usize),
        short: bool,
    ) -> String {
        let InSentence { doc, v, .. } = at;
        let mut name = join_tokens(doc, a, name_end);
        // "MOU on Asylum Seekers": a short form inside a longer name is
        // written in full ("Memorandum of Understanding on …"); a bare one
        // keeps its form
        let written = v.text[i..hend].join(" ");
        if !short && head.flag == Flag::Short && !head.canon.eq_ignore_ascii_case(&written) {
            let (before, after) = (join_tokens(doc, a, i), join_tokens(doc, hend, name_end));
            // an upper-case heading stays upper case (a later name replaces it)
            let shouting = !format!("{before}{after}").chars().any(char::is_lowercase);
            let canon = if shouting {
                head.canon.to_uppercase()
            } else {
                head.canon.clone()
            };
            let parts = [before, canon, after];
            name = parts
                .iter()
                .filter(|p| !p.is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join(" ");
        }
        name
    }
}
