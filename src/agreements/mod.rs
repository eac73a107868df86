//! The `agreements` stage: references to treaties, agreements, memoranda,
//! joint statements, resolutions and court rulings, grouped into records.
//!
//! Mentions come from four rules over the tokens of each sentence:
//! 1. **Alias table** (`models/agreements.tsv`, format
//!    `attache-agreements/1`): well-known instruments by name or acronym
//!    ("JCPOA", "UN Charter"); the entry id travels as `entry`.
//! 2. **Named instruments**: a capitalised head noun (`models/agreement_cues.tsv`,
//!    format `attache-agreement-cues/1`: Agreement, Treaty, Memorandum of
//!    Understanding, Joint Statement …) with its capitalised pre-modifiers
//!    ("2022 U.S.-Armenia Strategic Dialogue Joint Statement") and
//!    complements ("… of Cooperation", "… between Ukraine and Turkey",
//!    "… of 9 November 2020"). A bare capitalised head or short form
//!    ("the Agreement", "MOU") refers back to the latest record of its kind.
//! 3. **Resolutions and rulings**: "Security Council resolutions 822, 853
//!    and 884" (one record per number, issuer from the issuer list), "the
//!    order of the International Court of Justice of 22 February 2023"
//!    (court heads need a court), "a resolution demanding …" when the
//!    sentence says it was passed.
//! 4. **Generic references**: a lower-case head makes a new record only
//!    when it is specific: its sentence signs or adopts it ("signed an
//!    agreement on …"), it names its parties ("an agreement between A and
//!    B", "the trade agreement with A"), it is counted ("two joint action
//!    plans on A and B" → two records) or coordinated ("memorandums on A,
//!    and on B"), it is definite with a noun modifier ("the ceasefire
//!    agreement"), or it is a joint statement in a headline that names two
//!    or more parties; after a determiner alone ("the agreement", "the
//!    aforementioned memorandum") it refers back. "an agreement was not
//!    reached", "in agreement with" and "agreed to" are not references.
//!    A defining participle or relative clause ("the ceasefire agreed in
//!    Geneva last month", "the deal that was reached in Vienna"), a year
//!    or party premodifier ("the 2015 framework agreement", "the Chile
//!    trade deal") or a place after an article ("a truce in Yemen") make
//!    it specific too; general words ("relevant agreements", "any deal"),
//!    idioms, compounds ("ceasefire violations") and bare mass uses
//!    ("reached agreement on") do not (`specific.rs`, read from the parse
//!    where the sentence has one). A court that issues a ruling ("The
//!    Court issued an order on …", "the Tribunal's ruling") is its issuer.
//!
//! A passive predicate ("agreements were reached in trade"), a definite
//! ceasefire ("violations of the ceasefire": the one in force) and
//! "between" inside a complement make a head specific too; a verb the
//! head hangs on is no modifier ("to reach agreement on …") and a manner
//! phrase no describing complement ("on the basis of …") (`predicate.rs`;
//! measured on the hand-annotated corpus sample
//! `tests/data/agreements-standoff.tsv`, `scripts/agreement-standoff.py`).
//!
//! Some heads count only when capitalised ("Wassenaar Arrangement",
//! "Five-Point Consensus"); asides inside a name ("(MOU)", "with Gondor's
//! President") are skipped (`complements.rs`).
//!
//! Recall rules (issue 13, item 4): a capitalised plural possessive stays
//! in a joint instrument's name ("G7 Leaders’ Statement", `named.rs`); two
//! or more named parties in the subject of the clause make a lower-case
//! head specific and prefix its descriptive name ("Peru–Ecuador memorandum
//! of understanding on …", `parties.rs`); a qualified ceasefire ("an
//! immediate, negotiated ceasefire") and a to-infinitive ("our agreement to
//! hold …") make one specific; an instrument inside another's complement
//! ("a protocol amending the bilateral agreement on …") is read too
//! (`generic.rs`); a short form inside a longer name is written in full
//! ("MOU on …" → "Memorandum of Understanding on …"); a numbered
//! resolution takes the issuer after its number (`resolution.rs`).
//!
//! Document-level rules (`refine.rs`, measured on the document sample
//! `eval/corpus-agreements/`, `scripts/agreement-doc-check.py`): mediator
//! and term compounds ("the UN-mediated truce", "a 60-day truce"), a
//! leaders' consensus, a state's arrangement ("the Malaysia arrangement"),
//! a date after the article in a name ("the August 17 Communiqué"), plainer
//! descriptive names ("historic", "that was" left out), and a short alias
//! extended by a capitalised complement.
//!
//! Rules measured on the second document sample (`recall.rs`,
//! `eval/corpus-agreements-2/`): a place-named declaration ("the
//! Copenhagen Declaration"), named instruments one word apart kept apart,
//! "the trilateral agreements on …", a calendar date after "the" ("the
//! October 23rd ceasefire agreement"), a definite counted set ("the three
//! joint communiqués"), and no record for a national plan.
//!
//! Rules read from the governing verb (`occasion.rs`, session 14; corpus
//! counts in `docs/agreements-recall.md`): a plural object of a signing
//! verb placed by an occasion ("reached certain agreements in Istanbul"),
//! a resolution an adopting verb takes as its object, the object of a
//! concluding verb ("struck a deal"), an indefinite head with a purpose
//! infinitive ("a pact to protect …"), a capitalised name run before a
//! lower-case head ("the 1963 Partial Test Ban treaty", "the IAEA
//! resolution"), a bare capitalised head in a headline read as running
//! text, and descriptive names without relative dates.
//!
//! Session 15 (`defined.rs`, `docs/agreements-recall.md`): a definite
//! singular head that a describing complement defines ("the protocol on
//! upgrading the FTA", "the agreement establishing the University") is an
//! instrument at its first mention; a special session's resolution keeps
//! its symbol ("resolution ES-11/1", the General Assembly's); a bare
//! reference of kind `other` joins only a record sharing its words ("the
//! action plan" is no earlier roadmap); an indefinite head does not join a
//! bare earlier record ("a resolution on Moldova" after "the resolution").
//!
//! Session 16 (`docs/agreements-recall.md`, fourth sample
//! `eval/corpus-agreements-4/`): a serial list stays in a capitalised
//! complement ("Treaty of Friendship, Cooperation and Mutual Assistance
//! between …") and a run stops before a coordinated second instrument
//! (`complements.rs`); "Compact" is a capital-only head; legal guarantees
//! sought ("legally binding security guarantees") are one instrument
//! (`guarantees.rs`); a short form with a named party ("the current MOU
//! with Tonga") starts a record (`named.rs`).
//!
//! Session 17 (`backref.rs`, `docs/agreements-recall.md`): a lower-case
//! mention joins the instrument the document named before it when the
//! alias table lists it as a back-reference ("the nuclear deal" after
//! "JCPOA"), when it stands in apposition or as the predicate of a
//! mention ("The JCPOA is a multilateral agreement endorsed by …"), or
//! when it is "the following joint statement" of a headline statement.
//!
//! Session 19 (`docs/agreements-recall.md`): a lower-case head dated by
//! an `of <date>` complement ("the agreement of 12 March 2020"; a plural
//! with several dates is one record per date, `dated.rs`); session-dotted
//! resolution numbers ("WHA Resolution 25.1", `resolution.rs`); a
//! document's own bracketed acronym over the alias table's
//! (`acronyms.rs`); no verb subject or preposition among a generic head's
//! pre-modifiers; and a sentence's date is no signing date when it ends a
//! period, marks a commemoration or lies in another instrument's mention
//! (`dating.rs`).
//!
//! Session 20 (`bodies.rs`, `docs/agreements-recall.md`): a joint body's
//! lower-case statement ("the UN Security Council statement", "the G7
//! leaders' statement", "the NAM statement"); a declaration named by a
//! capitalised run after "the" that the tagger does not know as a place
//! ("the Bandung Declaration"); a plural head named by a capitalised run
//! ("the Camp David agreements"); no record for a government's executive
//! memorandum, one minister's statement or a name the alias table lists
//! as no instrument (kind `none`: "Olympic Charter").
//!
//! Session 21 (`jointly.rs`, `docs/agreements-recall.md`): a lower-case
//! singular statement or declaration that a modifier names as several
//! parties' own ("released a joint statement", "our joint statement", "a
//! trilateral declaration") is an instrument at its first mention, unless
//! negated or a joint appearance before the press; "the text of a joint
//! statement by …" is a headline statement's own text (`backref.rs`).
//!
//! Session 22 (sixth sample `eval/corpus-agreements-6/`, drawn without the
//! recogniser's vocabulary): a ceasefire coordinated under one agreement
//! head ("the ceasefire and hostage release deal") is one package
//! instrument that a later "the ceasefire" joins (`package.rs`); a
//! singular court head's "by" agent is its issuer ("the decision by the
//! International Court of Justice", `specific.rs`).
//!
//! A record's `date` is the date the text gives it: a date inside the
//! mention ("of 9 November 2020", "(2016)"), a date in a sentence that
//! signs or adopts it ("signing today"), and for a joint statement named
//! in the document's title, the meeting date (a day within two weeks
//! before the document date) or the document date. The most precise
//! candidate wins. Named mentions are also AGREEMENT entities.
//!
//! This file holds the stage's types and its per-document pass (`process`).
//! The recogniser is built from its tables in `tables.rs` (phrase matching
//! in `phrases.rs`); candidates are started in `candidates.rs` (court
//! rulings in `ruling.rs`) and merged into records in `join.rs`; shared
//! text helpers are in `words.rs`.

#[cfg(test)]
mod test_support;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_defined;
#[cfg(test)]
mod tests_occasion;
#[cfg(test)]
mod tests_recall;
#[cfg(test)]
mod tests_recall2;
#[cfg(test)]
mod tests_refine;
#[cfg(test)]
mod tests_session16;
#[cfg(test)]
mod tests_session17;
#[cfg(test)]
mod tests_session18;
#[cfg(test)]
mod tests_session19;
#[cfg(test)]
mod tests_session20;
#[cfg(test)]
mod tests_session21;
#[cfg(test)]
mod tests_session22;

mod acronyms;
mod backref;
mod bodies;
mod candidates;
mod complements;
mod dated;
mod dating;
mod defined;
mod generic;
mod guarantees;
mod join;
mod jointly;
mod lower_heads;
mod named;
mod occasion;
mod of_names;
mod package;
mod parties;
mod phrases;
mod predicate;
mod recall;
mod refine;
mod resolution;
mod ruling;
mod sets;
mod signed_heads;
mod specific;
mod tables;
mod title;
mod words;

use std::sync::Arc;

use crate::doc::{Doc, EntityType, TokenKind};
use crate::lexicon::formations::Formations;
use crate::lexicon::{WordClass, WordClasses, WordMap, WordSet};
use dating::{best_date, meeting_date, nearest_date, point_value};
use phrases::PhraseTable;
use words::{count_word, join_tokens, name_tokens, singular, split_conjuncts, split_parties};

/// The embedded alias table.
pub const EMBEDDED_ENTRIES: &str = include_str!("../../models/agreements.tsv");
/// The embedded cue words.
pub const EMBEDDED_CUES: &str = include_str!("../../models/agreement_cues.tsv");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flag {
    Plain,
    Modifier,
    Court,
    Numbered,
    Short,
    /// A head only when capitalised ("Wassenaar Arrangement"); in lower
    /// case only when specific (`lower_heads.rs`).
    Capital,
    /// A head only when capitalised, never in lower case ("Compact of Free
    /// Association"; "a social compact" is a metaphor).
    CapitalOnly,
}

#[derive(Debug, Clone)]
struct Head {
    kind: String,
    flag: Flag,
    canon: String,
    plural: bool,
}

#[derive(Debug, Clone)]
struct Entry {
    id: String,
    kind: String,
    name: String,
    issuer: Option<String>,
}

/// The compiled recogniser.
#[derive(Debug, Clone)]
pub struct Agreements {
    entries: Vec<Entry>,
    aliases: PhraseTable<usize>,
    /// Descriptive names that refer back to an entry named earlier in the
    /// document ("the nuclear deal" after "JCPOA"), lower case, to its index.
    backrefs: WordMap<String, usize>,
    heads: PhraseTable<Head>,
    issuers: PhraseTable<String>,
    modifiers: WordSet<String>,
    courts: WordMap<String, Option<String>>,
    verbs: WordSet<String>,
    /// Verbs and participles whose object is an instrument even when its
    /// head needs a modifier ("signed a declaration on …", `signed_heads.rs`).
    object_verbs: WordSet<String>,
    object_participles: WordSet<String>,
    negations: WordSet<String>,
    determiners: WordSet<String>,
    /// Defining participles, auxiliaries, court verbs, general words and
    /// idioms (`specific.rs`).
    spec: specific::Cues,
    /// Compounds, possessors and name words of `refine.rs`.
    refine: refine::Cues,
    /// Place-named heads and party counts of `recall.rs`.
    recall: recall::Cues,
    /// Occasion nouns and quantity words of `occasion.rs`.
    occasion: occasion::Cues,
    /// Guarantee heads and legal premodifiers of `guarantees.rs`.
    guarantees: guarantees::Cues,
    /// Joint bodies, executive and single-author modifiers of `bodies.rs`.
    bodies: bodies::Cues,
    /// Modifiers naming several authors (`jointly.rs`).
    jointly: jointly::Cues,
    dating: dating::Cues,
    words: Arc<WordClasses>,
    formations: Formations,
}

struct View<'a> {
    text: Vec<&'a str>,
    lower: Vec<std::borrow::Cow<'a, str>>,
    kind: Vec<TokenKind>,
}

impl View<'_> {
    fn cap(&self, i: usize) -> bool {
        self.text
            .get(i)
            .and_then(|t| t.chars().next())
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    }
    fn w(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", |c| c.as_ref())
    }
}

/// How a candidate joins records.
#[derive(Debug, Clone, PartialEq)]
enum Link {
    Entry(usize),
    Resolution(String),
    Court(String),
    Named,
    Short,
    Generic,
}

#[derive(Debug, Clone)]
struct Cand {
    first: usize,
    last: usize,
    sentence: usize,
    name: String,
    toks: WordSet<String>,
    kind: String,
    named: bool,
    issuer: Option<String>,
    link: Link,
    dates: Vec<(String, u8)>,
    parties: Vec<String>,
    /// Signed or adopted in its sentence, or a short form with a named
    /// party: a short form then starts a record when none came before.
    signed: bool,
}

/// The sentence a candidate is built in: what every candidate builder reads.
#[derive(Clone, Copy)]
struct InSentence<'a> {
    doc: &'a Doc,
    v: &'a View<'a>,
    date_at: &'a WordMap<usize, usize>,
    /// Sentence index.
    s: usize,
    /// Its first token.
    first: usize,
    /// One past its last token.
    lim: usize,
}

/// Where a candidate's head word stands: its sentence, the head token, the
/// end of the head phrase and the head's row.
#[derive(Clone, Copy)]
struct Site<'a> {
    at: InSentence<'a>,
    i: usize,
    hend: usize,
    head: &'a Head,
}

impl Agreements {
    /// Finds the document's agreement references and groups them.
    pub fn process(&self, doc: &mut Doc) {
        let v = View {
            text: doc.tokens.iter().map(|t| doc.span_text(t.span)).collect(),
            lower: (0..doc.tokens.len()).map(|i| doc.lower(i).into()).collect(),
            kind: doc.tokens.iter().map(|t| t.kind).collect(),
        };
        // token -> date mention index
        let mut date_at: WordMap<usize, usize> = WordMap::default();
        for (k, d) in doc.dates.iter().enumerate() {
            for t in d.tokens.clone() {
                date_at.insert(t, k);
            }
        }
        let mut cands: Vec<Cand> = Vec::new();
        for (s, sent) in doc.sentences.iter().enumerate() {
            let (first, lim) = (sent.tokens.start, sent.tokens.end);
            let before = cands.len();
            let mut i = first;
            while i < lim {
                let next = self.candidates_at(doc, &v, &date_at, s, first, i, lim, &mut cands);
                i = next.max(i + 1);
            }
            if cands.len() == before {
                continue;
            }
            let signing = self.signing(&v, first, lim);
            // (spans of this sentence's candidates: a date inside one is
            // that instrument's, `dating.rs`)
            let spans: Vec<(usize, usize)> =
                cands[before..].iter().map(|c| (c.first, c.last)).collect();
            for c in &mut cands[before..] {
                // (a short form with a named party starts a record too, `named.rs`)
                c.signed |= signing.is_some();
                let Some(verb_at) = signing else { continue };
                let commemorated = self.dating.commemorated(&v, first, verb_at);
                let own = (c.first, c.last);
                let usable = |k: usize| {
                    let d = &doc.dates[k].tokens;
                    let other =
                        |&(a, b): &(usize, usize)| (a, b) != own && a < d.end && d.start <= b;
                    let after = !commemorated || dating::Cues::usable_after(&v, verb_at, d.start);
                    after && !self.dating.period_end(&v, first, d.start) && !spans.iter().any(other)
                };
                if let Some(d) = nearest_date(doc, &date_at, (first, lim), verb_at, usable) {
                    c.dates.push((d, 2));
                }
            }
        }
        // "North Atlantic Treaty" inside "North Atlantic Treaty
        // Organization", "… Treaties Conference": part of a body's or an
        // event's name, not an instrument, when the body's head word or the
        // event's last word follows it there. After the head ("the
        // Conference of the Parties to the Convention on …") it names the
        // instrument itself, and a name the tagger ran on ("Minsk
        // Agreements Donbass") holds no body.
        let inside_a_name = |c: &Cand| {
            doc.entities.iter().any(|m| {
                let after = c.last + 1..m.tokens.end;
                let head_after = match m.label {
                    EntityType::Event => !after.is_empty(),
                    EntityType::Org => after
                        .clone()
                        .any(|k| self.words.has(WordClass::BodyWord, v.w(k))),
                    _ => false,
                };
                head_after && m.tokens.start <= c.first && c.last < m.tokens.end
            })
        };
        cands.retain(|c| !inside_a_name(c));
        doc.agreements = self.join(doc, cands);
    }

    /// The position of a non-negated signing verb in the sentence.
    fn signing(&self, v: &View, first: usize, lim: usize) -> Option<usize> {
        let verb = (first..lim).find(|&k| self.verbs.contains(v.w(k)))?;
        let negated = (first..lim).any(|k| self.negations.contains(v.w(k)));
        (!negated).then_some(verb)
    }
}
