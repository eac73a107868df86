//! Recall rules read from the verb that governs a head (session 14, issue
//! 13 item 4; counts and precision on the corpus in
//! `docs/agreements-recall.md`), each a general construction:
//!
//! - a plural head that is the object of a signing or concluding verb and
//!   is placed by an occasion ("we reached certain agreements in
//!   Istanbul", "the leaders signed several agreements during the visit",
//!   "reached many agreements during their call yesterday") is the set of
//!   instruments made there: one record, named the way the conventions
//!   describe it ("agreements reached in Istanbul"). Without an occasion
//!   ("have signed agreements in such areas as trade") the plural stays
//!   general;
//! - a resolution that is the object (or passive subject) of an adopting
//!   verb ("MEPs adopted the resolution with 400 votes") is the adopted
//!   one, even after "the" at its first mention;
//! - an indefinite head with a to-infinitive of purpose ("a medical pact
//!   to protect health workers") is the instrument proposed for it, except
//!   a bare "an agreement to …" (consent) and plans;
//! - a bare capitalised head in the headline ("… on the Ceasefire in
//!   Gaza") is read as in running text (`named.rs`), and a joint headline
//!   naming a visitor and a place names two parties (`title.rs`);
//! - a relative date stays out of a descriptive name ("agreement reached
//!   in Doha on Sunday" → "agreement reached in Doha");
//! - a run of capitalised words between an article or a year and a
//!   lower-case head ("the 1963 Partial Test Ban treaty", "the ITER
//!   international agreement") names the instrument, as a party name
//!   before it does ("the Chile trade deal").

use super::recall::PLAN_KIND;
use super::specific::parsed;
use super::{count_word, join_tokens, point_value, Agreements, Cand, InSentence, Site};
use crate::doc::{Doc, EntityType, TokenKind};
use crate::lexicon::WordSet;

/// How far after the head an occasion may start (tokens).
const OCCASION_REACH: usize = 6;

/// How long an occasion phrase may be (tokens after its preposition).
const OCCASION_LEN: usize = 6;

/// The most capitalised words a name run before a head may hold.
const MAX_NAME_RUN: usize = 5;

/// The word classes these rules read.
#[derive(Debug, Clone, Default)]
pub(super) struct Cues {
    /// Nouns that name an occasion instruments are made at ("summit",
    /// "talks", "visit", "call").
    occasions: WordSet<String>,
    /// Prepositions that place a set at an occasion ("in", "at", "during").
    placing: WordSet<String>,
    /// Words that count or size a set and stay out of its name ("many",
    /// "certain", "several").
    quantity: WordSet<String>,
    /// Verbs that conclude an instrument only when it is their object
    /// ("achieved a historic deal"; "the intake was achieved" is no signing).
    concluding: WordSet<String>,
    /// Words that, up to three words before a signing verb, make the
    /// instrument sought rather than made ("to", "will", "must").
    sought: WordSet<String>,
    /// First words of a relative date ("yesterday", "last", "this"): such an
    /// adjunct stays out of an instrument's name.
    relative_date: WordSet<String>,
    /// Nouns of "in the fields of …" that describe a signed set
    /// (`sets.rs`: "agreements in the fields of energy and transport").
    set_fields: WordSet<String>,
    /// Plural nouns of a population of parties ("countries"): a clause that
    /// names one tallies instruments rather than making a set (`sets.rs`).
    set_population: WordSet<String>,
}

impl Cues {
    /// The class names this module reads.
    // not a word list: the cue file's class names
    pub(super) const CLASSES: [&'static str; 8] = [
        "occasion",
        "occasion_placing",
        "quantity",
        "concluding",
        "sought_marker",
        "relative_date",
        "set_field",
        "set_population",
    ];

    /// Adds a row of class `class` (one of `CLASSES`).
    pub(super) fn add(&mut self, class: &str, phrase: &str) {
        let w = phrase.to_lowercase();
        match class {
            "occasion" => self.occasions.insert(w),
            "occasion_placing" => self.placing.insert(w),
            "concluding" => self.concluding.insert(w),
            "sought_marker" => self.sought.insert(w),
            "relative_date" => self.relative_date.insert(w),
            "set_field" => self.set_fields.insert(w),
            "set_population" => self.set_population.insert(w),
            _ => self.quantity.insert(w),
        };
    }

    /// Whether `w` counts or sizes a set ("several", "a", "number").
    pub(super) fn quantity(&self, w: &str) -> bool {
        self.quantity.contains(w)
    }
}

impl Cues {
    /// Whether `w` is a field noun of a signed set's complement (`sets.rs`).
    pub(super) fn set_field(&self, w: &str) -> bool {
        self.set_fields.contains(w)
    }

    /// Whether `w` names a population of parties (`sets.rs`).
    pub(super) fn set_population(&self, w: &str) -> bool {
        self.set_population.contains(w)
    }
}

/// "reached" → "reached", "sign" → "signed", "concluding" → "concluded":
/// the participle a set's name uses.
fn participle(verb: &str) -> String {
    let stem = verb.strip_suffix("ing").unwrap_or(verb);
    if stem.ends_with("ed") {
        stem.to_string()
    } else if stem.ends_with('e') {
        format!("{stem}d")
    } else {
        format!("{stem}ed")
    }
}

impl Agreements {
    /// The signing or concluding verb the parse hangs the head token `h` on as its object
    /// (or passive subject), in a sentence that does not negate it and not
    /// as a to-infinitive or after a modal ("to reach agreements at …" is
    /// sought, not made).
    pub(super) fn governing_signer(&self, at: InSentence<'_>, h: usize) -> Option<usize> {
        let (_, verb, rel) = parsed(at.doc, h)?;
        let verb = verb?;
        let w = at.v.w(verb);
        // (a gerund, "coerced into signing agreements", states no act)
        let signs =
            (self.verbs.contains(w) || self.occasion.concluding.contains(w)) && !w.ends_with("ing");
        if !(rel == "obj" || rel == "nsubj:pass") || !signs {
            return None;
        }
        if (at.first..at.lim).any(|k| self.negations.contains(at.v.w(k))) {
            return None;
        }
        let before = verb.saturating_sub(3).max(at.first)..verb;
        let sought = before
            .clone()
            .any(|k| self.occasion.sought.contains(at.v.w(k)));
        (!sought).then_some(verb)
    }

    /// "reached certain agreements in Istanbul": a plural head at
    /// `i..hend` (modifiers from `a`), the object of a signing verb, placed
    /// by an occasion: one record for the set. Returns where the scan goes on.
    pub(super) fn reached_set(
        &self,
        site: Site<'_>,
        a: usize,
        out: &mut Vec<Cand>,
    ) -> Option<usize> {
        let Site { at, i, hend, head } = site;
        let v = at.v;
        if !head.plural {
            return None;
        }
        let verb = self.governing_signer(at, hend - 1)?;
        if verb > i {
            return None;
        }
        // "During the visit, the two sides signed three agreements": a
        // fronted occasion places it too
        let (p, end) = self.occasion_after(at, hend).or_else(|| {
            self.occasion
                .placing
                .contains(v.w(at.first))
                .then(|| self.occasion_after(at, at.first))
                .flatten()
                .filter(|&(_, e)| e <= verb)
        })?;
        let fronted = p < i;
        let counts =
            |k: usize| self.occasion.quantity.contains(v.w(k)) || count_word(v.w(k)).is_some();
        let kept: Vec<&str> = (a..hend)
            .filter(|&k| !counts(k) && v.kind[k] == TokenKind::Word)
            .map(|k| v.text[k])
            .collect();
        let name = format!(
            "{} {} {} {}",
            kept.join(" "),
            participle(v.w(verb)),
            v.w(p),
            join_tokens(at.doc, p + 1, end)
        );
        let start = (a..i).find(|&k| !counts(k)).unwrap_or(i);
        let last = if fronted { hend } else { end };
        let c = self.generic_cand(&at, start, last - 1, &name, &head.kind);
        out.push(c);
        Some(last)
    }

    /// "a medical pact to protect health workers": an indefinite head
    /// (modifiers from `a`) with a to-infinitive of purpose is an
    /// instrument proposed for that purpose, as the conventions list
    /// called-for ones. A bare "an agreement to work on that" is consent,
    /// and a plan is often one side's own (corpus judgments in
    /// `docs/agreements-recall.md`): no record. The name keeps the head
    /// phrase.
    pub(super) fn purpose_instrument(&self, site: Site<'_>, a: usize, out: &mut Vec<Cand>) {
        let Site { at, i, hend, head } = site;
        let v = at.v;
        let indefinite = a > at.first
            && matches!(v.w(a - 1), "a" | "an")
            && head.kind != PLAN_KIND
            && !(a == i && v.w(i).starts_with("agreement"));
        if indefinite && !head.plural && super::generic::infinitive_after(at.doc, v, hend, at.lim) {
            let name = join_tokens(at.doc, a, hend);
            let c = self.generic_cand(&at, a, hend - 1, &name, &head.kind);
            out.push(c);
        }
    }

    /// An occasion phrase after the head ending at `hend`: a placing
    /// preposition followed, within a few words, by a place, an event, a
    /// date or an occasion noun ("in Istanbul", "during their phone call
    /// yesterday", "at the summit"). Returns (preposition, end).
    fn occasion_after(&self, at: InSentence<'_>, hend: usize) -> Option<(usize, usize)> {
        let v = at.v;
        let upto = at.lim.min(hend + OCCASION_REACH);
        // (an infinitive or relative clause ends the head's phrase:
        // "signing agreements to stay in Russia" is placed nowhere)
        let p = (hend..upto)
            .take_while(|&k| {
                v.kind[k] != TokenKind::Punct && !matches!(v.w(k), "to" | "that" | "which" | "who")
            })
            .find(|&k| self.occasion.placing.contains(v.w(k)))?;
        let mut end = None;
        for k in p + 1..at.lim.min(p + 1 + OCCASION_LEN) {
            if v.kind[k] == TokenKind::Punct
                || (k > p + 1 && self.occasion.placing.contains(v.w(k)))
            {
                break;
            }
            let place = at.doc.entities.iter().find(|m| {
                m.tokens.start == k
                    && matches!(
                        m.label,
                        EntityType::Gpe | EntityType::Loc | EntityType::Event
                    )
            });
            if let Some(m) = place {
                end = Some(m.tokens.end);
            } else if self.occasion.occasions.contains(v.w(k))
                || at
                    .date_at
                    .get(&k)
                    .is_some_and(|&d| point_value(at.doc, d).is_some())
            {
                end = Some(k + 1);
            }
        }
        end.map(|e| (p, e))
    }

    /// "MEPs adopted the resolution with 400 votes": the resolution head
    /// token `h` is what an adopting verb adopts.
    /// ("achieve a lasting resolution of the dispute" settles, adopts nothing:
    /// only the signing verbs count here.)
    pub(super) fn adopted_head(&self, at: InSentence<'_>, h: usize) -> bool {
        self.governing_signer(at, h)
            .is_some_and(|verb| self.verbs.contains(at.v.w(verb)))
    }

    /// "the IAEA resolution", "a WHO resolution": an organisation's name
    /// right before the head at `i`, after an article or determiner, as
    /// (its first token, its text).
    pub(super) fn body_before(&self, at: InSentence<'_>, i: usize) -> Option<(usize, String)> {
        let m = at.doc.entities.iter().find(|m| {
            m.tokens.end == i && m.tokens.start > at.first && m.label == EntityType::Org
        })?;
        let before = at.v.w(m.tokens.start - 1);
        (matches!(before, "a" | "an") || self.determiners.contains(before))
            .then(|| (m.tokens.start, at.doc.span_text(m.span).to_string()))
    }

    /// "the 1963 Partial Test Ban treaty": where a run of capitalised words
    /// right before `start` (the modifiers of the head at `i`) begins, when an article, a determiner or a year
    /// stands before the run and the run is not the sentence's first word.
    pub(super) fn name_run_before(
        &self,
        at: InSentence<'_>,
        start: usize,
        i: usize,
    ) -> Option<usize> {
        let v = at.v;
        let mut k = start;
        while k > at.first + 1
            && start - k < MAX_NAME_RUN
            && v.text[k - 1].starts_with(char::is_uppercase)
            && v.kind[k - 1] == TokenKind::Word
            // ("this February 2020 agreement": a month is a date, no name;
            // "an Easter truce": a holiday has no value and names it)
            && at
                .date_at
                .get(&(k - 1))
                .is_none_or(|&d| point_value(at.doc, d).is_none())
        {
            k -= 1;
        }
        // ("a U.S. Government grant or cooperative agreement": a
        // coordination of heads, no name)
        let coordinated = (start..i).any(|j| matches!(v.w(j), "or" | "and"));
        if k == start || coordinated {
            return None;
        }
        let before = v.w(k - 1);
        let year = before.len() == 4 && before.bytes().all(|b| b.is_ascii_digit());
        let opens = matches!(before, "a" | "an") || self.determiners.contains(before) || year;
        opens.then(|| if year { k - 1 } else { k })
    }
}

/// A descriptive name without the relative dates inside its mention
/// tokens `a..=b` ("agreement reached in Doha on Sunday" → "agreement
/// reached in Doha"): a descriptive name says what the instrument is, and
/// a weekday, "yesterday" or "last month" belongs to its date, never to a
/// name. Dates written with digits ("of 9 November 2020", "the 2015
/// deal"), month names ("agreed in March"), dates before the head ("the
/// Easter truce") and durations ("a two-month truce") stay.
pub(super) fn without_relative_dates(
    cues: &Cues,
    doc: &Doc,
    a: usize,
    b: usize,
    name: &str,
) -> String {
    let mut out = format!(" {name} ");
    for d in doc
        .dates
        .iter()
        .filter(|d| a <= d.tokens.start && d.tokens.end <= b + 1)
    {
        let text = doc.span_text(d.span);
        // (a duration describes the instrument: "a two-month truce")
        let point = d.value.as_deref().is_some_and(|v| !v.starts_with('P'));
        if !point || text.is_empty() || text.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        // an adjunct ("on Sunday", "earlier this year", "today"); a date
        // before the head names it ("the Easter truce") and stays
        // ("in March" may be what tells two instruments apart: it stays)
        let first_word = text.split_whitespace().next().unwrap_or("").to_lowercase();
        let deictic = cues.relative_date.contains(first_word.as_str());
        // (a weekday only after "on": "Good Friday Agreement" is a name)
        let weekday = first_word.ends_with("day") && !deictic;
        let adjunct = if deictic {
            ["on", "in", "at", "during", "earlier"]
                .iter()
                .map(|prep| format!(" {prep} {text} "))
                .find(|pat| out.contains(pat.as_str()))
                .or_else(|| Some(format!(" {text} ")))
        } else if weekday {
            Some(format!(" on {text} ")).filter(|pat| out.contains(pat.as_str()))
        } else {
            None
        };
        if let Some(pat) = adjunct {
            out = out.replacen(&pat, " ", 1);
        }
    }
    let cleaned = out.split_whitespace().collect::<Vec<_>>().join(" ");
    if cleaned.is_empty() {
        name.to_string()
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::participle;

    #[test]
    fn participles() {
        assert_eq!(participle("reached"), "reached");
        assert_eq!(participle("sign"), "signed");
        assert_eq!(participle("conclude"), "concluded");
        assert_eq!(participle("signing"), "signed");
        assert_eq!(participle("reaching"), "reached");
        assert_eq!(participle("adopting"), "adopted");
    }
}
