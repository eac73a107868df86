//! Resolutions: "Security Council resolutions 822, 853 and 884" (one
//! record per number), "UNSCR 2254", "a resolution demanding …" in a
//! sentence that adopts it. The issuer is the one before the head, in its
//! sentence, or after the numbers ("resolution 2254 of the Security
//! Council"): a numbered resolution is written in full ("UN Security
//! Council resolution 2254", the dev gold's convention). An issuer named
//! only elsewhere in the document is not taken (a debate at the General
//! Assembly cites the Security Council's resolutions).

use super::{join_tokens, point_value, Agreements, Cand, InSentence, Link, Site, View};
use crate::doc::TokenKind;
use crate::lexicon::WordClass;

/// The issuer of an emergency special session's resolutions (the
/// canonical name of the issuer rows in `models/agreement_cues.tsv`).
const EMERGENCY_ISSUER: &str = "UN General Assembly";

impl Agreements {
    pub(super) fn resolution(&self, site: Site<'_>, out: &mut Vec<Cand>) -> usize {
        let Site { at, i, hend, head } = site;
        let InSentence {
            doc,
            v,
            date_at,
            s,
            first,
            lim,
        } = at;
        // "UNSCR 2254": the head names its issuer
        let own_issuer = self
            .issuers
            .longest(v, i, hend)
            .filter(|(e, _)| *e == hend)
            .map(|(_, n)| (i, n));
        // ("the IAEA resolution": a body named right before it, `occasion.rs`)
        let adjacent: Option<(usize, String)> = self
            .issuers
            .ending_at(v, i, first)
            .or(own_issuer)
            .map(|(a, n)| (a, n.clone()))
            .or_else(|| (!head.plural).then(|| self.body_before(at, i)).flatten());
        let issuer = adjacent.as_ref().map(|(_, n)| n.clone()).or_else(|| {
            // an issuer earlier in the sentence
            (first..i).find_map(|k| self.issuers.longest(v, k, i).map(|(_, n)| n.clone()))
        });
        let start = adjacent.as_ref().map_or(i, |(a, _)| *a);
        // numbers: 2334 (2016), 822, 853 and 884
        let mut nums: Vec<(usize, String, Option<String>)> = Vec::new();
        let mut k = hend;
        if matches!(v.w(k), "no." | "no") {
            k += 1;
        }
        loop {
            let w = v.w(k);
            // "2254", "68/262", and an assembly's session-dotted "25.1",
            // "5.14" (the World Health and UN Environment Assemblies)
            let numeric = w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit())
                || ['/', '.'].iter().any(|&sep| {
                    w.split_once(sep).is_some_and(|(a, b)| {
                        !a.is_empty()
                            && !b.is_empty()
                            && (sep == '/' || a.len() <= 3 && b.len() <= 3)
                            && (a.to_string() + b).bytes().all(|c| c.is_ascii_digit())
                    })
                });
            let numbered = v.kind.get(k) == Some(&TokenKind::Number) && numeric
                || v.kind.get(k) == Some(&TokenKind::Word) && session_symbol(v.text[k]);
            if k < lim && numbered {
                let mut year = None;
                let mut e = k + 1;
                if v.w(e) == "(" && v.w(e + 2) == ")" {
                    if let Some(&d) = date_at.get(&(e + 1)) {
                        year = point_value(doc, d);
                    }
                    e += 3;
                }
                // (as written: "ES-11/1", not "es-11/1")
                nums.push((e, v.text[k].to_string(), year));
                k = e;
                if matches!(v.w(k), "," | "and") {
                    let k2 = if v.w(k + 1) == "and" { k + 2 } else { k + 1 };
                    if v.kind.get(k2) == Some(&TokenKind::Number)
                        || v.text.get(k2).is_some_and(|t| session_symbol(t))
                    {
                        k = k2;
                        continue;
                    }
                }
            }
            break;
        }
        // ("UNGA Resolution 2758 and WHA Resolution 25.1": a session-dotted
        // number is an assembly's own style, so a body named earlier in
        // the sentence is not its issuer)
        let dotted = nums.iter().any(|n| n.1.contains('.'));
        let issuer = if dotted && adjacent.is_none() {
            None
        } else {
            issuer
        };
        let issuer = match (&issuer, nums.last()) {
            (None, Some(&(e, _, _))) => self.issuer_after(v, e, lim),
            _ => issuer,
        };
        // "ES-11/1": only the General Assembly holds emergency special
        // sessions, whatever body the sentence named first
        let emergency = nums.first().is_some_and(|n| n.1.starts_with("ES-"));
        let issuer = if emergency && adjacent.is_none() {
            Some(EMERGENCY_ISSUER.to_string())
        } else {
            issuer
        };
        let prefix = issuer.as_deref().map_or(String::new(), |n| format!("{n} "));
        if !nums.is_empty() {
            let end = nums.last().map_or(hend, |n| n.0);
            for (_, n, year) in nums {
                let name = format!("{prefix}resolution {n}");
                let mut c = self.cand(
                    doc,
                    v,
                    s,
                    start,
                    end - 1,
                    &name,
                    &head.kind,
                    true,
                    Link::Resolution(n),
                );
                c.issuer = issuer.clone();
                if let Some(y) = year {
                    c.dates.push((y, 3));
                }
                out.push(c);
            }
            return end;
        }
        let signing = self.signing(v, first, lim).is_some();
        // "a resolution adopted on Thursday": adopted, whoever adopted it
        // ("a resolution was approved …": over the passive's auxiliary)
        let aux = usize::from(self.spec.auxiliaries.contains(v.w(hend)));
        // "MEPs adopted the resolution with 400 votes": the verb's object
        let adopted = self.verbs.contains(v.w(hend + aux)) && signing
            || !head.plural && self.adopted_head(at, hend - 1);
        // "voted for a resolution condemning …", "adopted a Resolution on …":
        // a described resolution in a sentence that adopts one
        let w = v.w(hend);
        let described = self.words.has(WordClass::ResolutionComplement, w)
            || (w.ends_with("ing") && w.len() > 5);
        // "relevant UNSCR provisions": such a head needs its number
        if head.plural
            || own_issuer.is_some()
            || !(adjacent.is_some() || adopted || signing && (issuer.is_some() || described))
        {
            return hend;
        }
        let det = i > first && self.determiners.contains(v.w(i - 1));
        // a resolution demanding …
        let mut b = hend;
        if described {
            // ("a resolution on Moldova was adopted": not the predicate)
            while b < lim
                && b - hend < 16
                && v.kind[b] != TokenKind::Punct
                && !self.spec.auxiliaries.contains(v.w(b))
                && !self.verbs.contains(v.w(b))
            {
                b += 1;
            }
        }
        let link = if det && b == hend {
            Link::Short
        } else {
            Link::Generic
        };
        let name = format!("{prefix}{}", join_tokens(doc, i, b.max(hend)));
        let mut c = self.cand(
            doc,
            v,
            s,
            start.min(i),
            b.max(hend) - 1,
            &name,
            &head.kind,
            false,
            link,
        );
        c.issuer = issuer;
        out.push(c);
        b.max(hend)
    }

    /// "… 2254 of the Security Council": the issuer right after the numbers.
    fn issuer_after(&self, v: &View, e: usize, lim: usize) -> Option<String> {
        if v.w(e) != "of" {
            return None;
        }
        let j = e + 1 + usize::from(v.w(e + 1) == "the");
        self.issuers.longest(v, j, lim).map(|(_, n)| n.clone())
    }
}

/// A special session's resolution number: "ES-11/1" (the General
/// Assembly's emergency special sessions), "S-35/1" (a council's special
/// session): capital letters, a hyphen, the session and the number.
fn session_symbol(t: &str) -> bool {
    let Some((letters, rest)) = t.split_once('-') else {
        return false;
    };
    let Some((session, number)) = rest.split_once('/') else {
        return false;
    };
    let digits = |x: &str| !x.is_empty() && x.len() <= 3 && x.bytes().all(|b| b.is_ascii_digit());
    (1..=2).contains(&letters.len())
        && letters.bytes().all(|b| b.is_ascii_uppercase())
        && digits(session)
        && digits(number)
}
