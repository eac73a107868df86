//! Court rulings named with their court: "the order of the International
//! Court of Justice of 22 February 2023", "the ruling of the arbitral
//! tribunal". The court is the issuer; a ruling without "of" after its
//! head goes to `issued_ruling` (`specific.rs`).

use super::{join_tokens, Agreements, Cand, InSentence, Link, Site};

impl Agreements {
    pub(super) fn ruling(&self, site: Site<'_>, out: &mut Vec<Cand>) -> usize {
        let Site { at, i, hend, head } = site;
        let InSentence {
            doc,
            v,
            date_at,
            s,
            first: _,
            lim,
        } = at;
        // order of the International Court of Justice [of 22 February 2023]
        if v.w(hend) != "of" {
            return self.issued_ruling(Site { at, i, hend, head }, out);
        }
        let mut j = hend + 1;
        if v.w(j) == "the" {
            j += 1;
        }
        let mut e = self.cap_run(v, j, lim, date_at);
        // "the ruling of the arbitral tribunal"
        if e == j {
            e = self.lower_court(v, j, lim).unwrap_or(j);
        }
        let court_word = (j..e).find_map(|k| self.courts.get(v.w(k)).map(|c| (k, c.clone())));
        let Some((_, expansion)) = court_word else {
            return hend;
        };
        let court = expansion.unwrap_or_else(|| join_tokens(doc, j, e));
        let mut b = e;
        if v.w(b) == "of" {
            if let Some(&d) = date_at.get(&(b + 1)) {
                b = doc.dates[d].tokens.end;
            }
        }
        let name = format!("{} of the {court}", head.canon);
        let mut c = self.cand(
            doc,
            v,
            s,
            i,
            b - 1,
            &name,
            &head.kind,
            v.cap(i),
            Link::Court(court.clone()),
        );
        c.issuer = Some(court);
        self.inner_dates(doc, date_at, e, b, &mut c);
        out.push(c);
        b
    }
}
