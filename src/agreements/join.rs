//! Merging mentions into records: each candidate joins the latest record
//! it names again (same entry, resolution or court; the same kind with
//! the same or overlapping name words; a short form's latest record of
//! its kind) or starts one; then each record gets its date, and a
//! headline statement its meeting date, parties and title.

use super::{best_date, meeting_date, title, Agreements, Cand, Link};
use crate::dates::calendar::Ymd;
use crate::doc::{AgreementMention, AgreementRef, Doc};
use crate::lexicon::WordSet;

/// A record being built, with what later candidates are matched on.
pub(super) struct Rec {
    pub(super) r: AgreementRef,
    toks: WordSet<String>,
    name_toks: WordSet<String>,
    pub(super) link: Link,
    named_name: bool,
    dates: Vec<(String, u8)>,
    pub(super) title: bool,
}

impl Agreements {
    /// Groups candidates into records.
    pub(super) fn join(&self, doc: &Doc, mut cands: Vec<Cand>) -> Vec<AgreementRef> {
        // "… Partnership Agreement (CEPA)": the document's own acronym
        // (`acronyms.rs`)
        self.local_acronyms(doc, &mut cands);
        let mut recs: Vec<Rec> = Vec::new();
        for mut c in cands {
            let back = self.refers_back(doc, &recs, &mut c);
            let mention = AgreementMention {
                span: doc.token_span(c.first, c.last),
                sentence: c.sentence,
                named: c.named,
            };
            match back.or_else(|| self.target(doc, &recs, &c)) {
                Some(t) => merge(&mut recs[t], c, mention),
                None => {
                    if c.link == Link::Short && !c.signed {
                        continue;
                    }
                    recs.push(self.start(c, mention));
                }
            }
        }
        self.finish(doc, recs)
    }

    /// The latest record a candidate names again, if any.
    fn target(&self, doc: &Doc, recs: &[Rec], c: &Cand) -> Option<usize> {
        let span = doc.token_span(c.first, c.last);
        // "a resolution on Moldova" after a bare "the resolution": an
        // indefinite head brings in a new instrument (after "the
        // 72-hour ceasefire", "a 72-hour ceasefire" may be the same)
        let article = |k: usize| matches!(doc.lower(k), "a" | "an");
        let indefinite = article(c.first) || (c.first > 0 && article(c.first - 1));
        match &c.link {
            Link::Entry(_) | Link::Resolution(_) | Link::Court(_) => {
                recs.iter().rposition(|r| r.link == c.link)
            }
            // (coordinated siblings share a span and stay apart)
            Link::Named | Link::Generic => recs.iter().rposition(|r| {
                (r.r.kind == c.kind || ceasefire_part(r, c))
                    && !r.r.mentions.iter().any(|m| m.span == span)
                    && !matches!(r.link, Link::Resolution(_))
                    && (c.toks.is_subset(&r.toks)
                        || (jaccard(&c.toks, &r.name_toks) >= 0.5
                            && !(c.link == Link::Named
                                && r.named_name
                                && self.one_word_apart(&c.toks, &r.name_toks)))
                        // a generic first mention ("sign agreement") named later
                        // (not a bare earlier one after an indefinite head)
                        || (!(r.named_name || (indefinite && r.toks.len() <= 1))
                            && r.toks.is_subset(&c.toks)))
            }),
            // kind "other" gathers unlike heads (roadmap, action plan,
            // programme): "the action plan" names no earlier roadmap
            Link::Short => recs.iter().rposition(|r| {
                (r.r.kind == c.kind || ceasefire_part(r, c))
                    && (c.kind != "other" || c.toks.intersection(&r.toks).next().is_some())
            }),
        }
    }

    /// A new record from a candidate that names none before it.
    fn start(&self, c: Cand, mention: AgreementMention) -> Rec {
        let entry = match c.link {
            Link::Entry(e) => Some(self.entries[e].id.clone()),
            _ => None,
        };
        Rec {
            named_name: matches!(c.link, Link::Named | Link::Entry(_) | Link::Resolution(_)),
            title: c.sentence == 0,
            toks: c.toks.clone(),
            name_toks: c.toks,
            link: c.link,
            dates: c.dates,
            r: AgreementRef {
                name: c.name,
                kind: c.kind,
                date: None,
                parties: c.parties,
                issuer: c.issuer,
                mentions: vec![mention],
                entry,
            },
        }
    }

    /// A record's date and, for a statement or declaration named in a
    /// headline, its meeting date, headline parties and own title.
    fn finish(&self, doc: &Doc, recs: Vec<Rec>) -> Vec<AgreementRef> {
        let doc_date = doc.info.date.as_deref().and_then(Ymd::parse);
        // the first sentence is a headline when a line break follows it
        let headline = doc
            .sentences
            .first()
            .and_then(|s| doc.tokens.get(s.tokens.end))
            .is_some_and(|t| t.newlines_before > 0);
        recs.into_iter()
            .map(|mut r| {
                if headline && r.title && matches!(r.r.kind.as_str(), "statement" | "declaration") {
                    // (the document's own statement is dated by its meeting,
                    // whatever a later mention's sentence signed)
                    if let Some(d) = meeting_date(doc, doc_date) {
                        r.dates.push((d, 4));
                    }
                    if r.r.parties.is_empty() {
                        r.r.parties = title::headline_parties(doc, &self.formations);
                    }
                    if let Some(t) = title::own_title(doc, r.r.mentions.first(), &self.formations) {
                        r.r.name = t;
                    }
                }
                r.r.date = best_date(&r.dates);
                r.r
            })
            .collect()
    }
}

fn jaccard(a: &WordSet<String>, b: &WordSet<String>) -> f32 {
    let inter = a.intersection(b).count();
    let union = a.union(b).count();
    if union == 0 {
        0.0
    } else {
        inter as f32 / union as f32
    }
}

/// Adds a candidate's mention, name, words, dates and parties to the
/// record it names again; a named mention renames a descriptive record.
fn merge(r: &mut Rec, c: Cand, mention: AgreementMention) {
    if !r.r.mentions.iter().any(|m| m.span == mention.span) {
        r.r.mentions.push(mention);
    }
    let shouting = |n: &str| !n.chars().any(char::is_lowercase);
    let louder = shouting(&r.r.name) && !shouting(&c.name);
    if c.link == Link::Named && (!r.named_name || louder) {
        r.r.name = c.name.clone();
        r.name_toks = c.toks.clone();
        r.named_name = true;
    }
    r.toks.extend(c.toks.iter().cloned());
    r.dates.extend(c.dates);
    r.title |= c.sentence == 0;
    for p in c.parties {
        if !r.r.parties.contains(&p) {
            r.r.parties.push(p);
        }
    }
    if r.r.issuer.is_none() {
        r.r.issuer = c.issuer;
    }
}

/// Whether a ceasefire candidate ("the ceasefire") names the ceasefire part
/// of an agreement record whose name holds its words ("the ceasefire and
/// hostage release deal", "the ceasefire agreement"): the package it belongs
/// to, not a new instrument (`package.rs`).
fn ceasefire_part(r: &Rec, c: &Cand) -> bool {
    c.kind == "ceasefire"
        && r.r.kind == "agreement"
        && !c.toks.is_empty()
        && c.toks.is_subset(&r.name_toks)
}
