//! A lower-case head dated by an `of <date>` complement (issue 13, item
//! 4): "the agreement of 12 March 2020", "the trilateral statements of
//! November 9, 2020, January 11, and November 26, 2021", "the joint
//! statements of 2019 and 2021". A date names one instrument as a name
//! would; a plural head with two or more coordinated dates is one
//! instrument per date (the dev README's "two joint action plans" are two
//! entries). Heads that need a modifier ("statement") still need one: "the
//! Prime Minister's statement of 31 March" is one author's.

use super::{join_tokens, point_value, singular, Agreements, Cand, InSentence, Link, Site};

impl Agreements {
    /// The dated reference at `site` with modifiers from `a` after a
    /// determiner: pushes its candidates and returns where the scan goes
    /// on, or `None` when no `of <date>` follows the head.
    pub(super) fn dated_reference(
        &self,
        site: Site<'_>,
        a: usize,
        out: &mut Vec<Cand>,
    ) -> Option<usize> {
        let Site { at, hend, head, .. } = site;
        let InSentence { doc, v, s, .. } = at;
        let dates = self.dates_of(at, hend);
        let &(_, end) = dates.last()?;
        // ("the declaration of 2025 as the International Year …": the date
        // is what is declared)
        if matches!(v.w(end), "as" | "to") {
            return None;
        }
        let kind = head.kind.as_str();
        if head.plural && dates.len() >= 2 {
            let stem = singular(&join_tokens(doc, a, hend));
            for (n, &(d, _)) in dates.iter().enumerate() {
                let when = join_tokens(doc, doc.dates[d].tokens.start, doc.dates[d].tokens.end);
                let name = format!("{stem} of {when}");
                let mut c = self.cand(doc, v, s, a - 1, end - 1, &name, kind, false, Link::Generic);
                if let Some(val) = point_value(doc, d) {
                    c.dates.push((listed_year(at, &dates[n..], val), 3));
                }
                out.push(c);
            }
            return Some(end);
        }
        let mut c = self.cand(
            doc,
            v,
            s,
            a - 1,
            end - 1,
            &join_tokens(doc, a, end),
            kind,
            false,
            Link::Generic,
        );
        self.inner_dates(doc, at.date_at, hend, end, &mut c);
        out.push(c);
        Some(end)
    }

    /// The point dates coordinated after "of" at `hend` ("of 12 March
    /// 2020", "of November 9, 2020, January 11, and November 26, 2021"):
    /// each date's index and the token after it.
    fn dates_of(&self, at: InSentence<'_>, hend: usize) -> Vec<(usize, usize)> {
        let InSentence {
            doc,
            v,
            date_at,
            lim,
            ..
        } = at;
        let mut out = Vec::new();
        if v.w(hend) != "of" {
            return out;
        }
        let mut k = hend + 1;
        while k < lim {
            let Some(&d) = date_at.get(&k) else { break };
            let m = &doc.dates[d];
            if m.tokens.start != k || point_value(doc, d).is_none() {
                break;
            }
            out.push((d, m.tokens.end));
            k = m.tokens.end;
            // ", January 11, and November 26": the next coordinated date
            let mut j = k;
            while j < lim && matches!(v.w(j), "," | "and") {
                j += 1;
            }
            if j == k || !date_at.contains_key(&j) {
                break;
            }
            k = j;
        }
        out
    }
}

/// A listed date's value with the year the list writes after it when it
/// writes none itself ("January 11, and November 26, 2021": 2021, not the
/// year the document date lends a bare day).
fn listed_year(at: InSentence<'_>, rest: &[(usize, usize)], val: String) -> String {
    let year_of = |d: usize| {
        let m = &at.doc.dates[d];
        m.tokens
            .clone()
            .map(|k| at.v.w(k))
            .find(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
    };
    let Some(&(own, _)) = rest.first() else {
        return val;
    };
    if year_of(own).is_some() {
        return val;
    }
    match rest[1..].iter().find_map(|&(d, _)| year_of(d)) {
        Some(y) if val.len() >= 4 => format!("{y}{}", &val[4..]),
        _ => val,
    }
}
