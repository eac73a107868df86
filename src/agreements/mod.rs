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
//! A record's `date` is the date the text gives it: a date inside the
//! mention ("of 9 November 2020", "(2016)"), a date in a sentence that
//! signs or adopts it ("signing today"), and for a joint statement named
//! in the document's title, the meeting date (a day within two weeks
//! before the document date) or the document date. The most precise
//! candidate wins. Named mentions are also AGREEMENT entities.

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_recall;
#[cfg(test)]
mod tests_recall2;
#[cfg(test)]
mod tests_refine;

mod complements;
mod dating;
mod generic;
mod lower_heads;
mod named;
mod of_names;
mod parties;
mod predicate;
mod recall;
mod refine;
mod resolution;
mod specific;
mod title;

use std::sync::Arc;

use crate::dates::calendar::Ymd;
use crate::doc::{AgreementMention, AgreementRef, Doc, EntityType, TokenKind};
use crate::error::Error;
use crate::lexicon::formations::Formations;
use crate::lexicon::{data_lines, field, WordMap, WordSet};
use crate::lexicon::{WordClass, WordClasses};
use crate::text::Tokenizer;
use dating::{best_date, meeting_date, nearest_date, point_value};

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
    /// A head only when capitalised ("Wassenaar Arrangement").
    Capital,
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

/// A phrase: lower-case tokens, and whether it must match case-sensitively
/// (then `exact` holds the tokens as written).
#[derive(Debug, Clone)]
struct Phrase<T> {
    lower: Vec<String>,
    exact: Option<Vec<String>>,
    value: T,
}

#[derive(Debug, Clone)]
struct PhraseTable<T> {
    by_first: WordMap<String, Vec<Phrase<T>>>,
}

impl<T> Default for PhraseTable<T> {
    fn default() -> Self {
        PhraseTable {
            by_first: WordMap::default(),
        }
    }
}

impl<T> PhraseTable<T> {
    fn add(&mut self, tokenizer: &Tokenizer, phrase: &str, value: T, case_rule: bool) {
        let toks: Vec<&str> = tokenizer
            .tokenize(phrase, &[])
            .iter()
            .map(|t| &phrase[t.span.bytes()])
            .collect();
        let Some(first) = toks.first() else { return };
        let exact = (case_rule && !phrase.chars().any(char::is_lowercase))
            .then(|| toks.iter().map(|s| s.to_string()).collect());
        self.by_first
            .entry(first.to_lowercase())
            .or_default()
            .push(Phrase {
                lower: toks.iter().map(|s| s.to_lowercase()).collect(),
                exact,
                value,
            });
    }

    fn finish(&mut self) {
        for list in self.by_first.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.lower.len()));
        }
    }

    /// The longest phrase starting at token `i` (ending before `lim`).
    fn longest(&self, v: &View, i: usize, lim: usize) -> Option<(usize, &T)> {
        let list = self.by_first.get(v.lower.get(i)?.as_ref())?;
        list.iter().find_map(|p| {
            let n = p.lower.len();
            if i + n > lim {
                return None;
            }
            let ok = match &p.exact {
                Some(ex) => ex.iter().enumerate().all(|(k, t)| v.text[i + k] == t),
                None => p
                    .lower
                    .iter()
                    .enumerate()
                    .all(|(k, t)| v.lower[i + k] == *t),
            };
            ok.then_some((i + n, &p.value))
        })
    }

    /// The longest phrase ending just before token `end` (starting at or after `first`).
    fn ending_at(&self, v: &View, end: usize, first: usize) -> Option<(usize, &T)> {
        let mut best: Option<(usize, &T)> = None;
        for start in end.saturating_sub(6).max(first)..end {
            if let Some((e, val)) = self.longest(v, start, end) {
                if e == end && best.is_none_or(|(s, _)| start < s) {
                    best = Some((start, val));
                }
            }
        }
        best
    }
}

/// The compiled recogniser.
#[derive(Debug, Clone)]
pub struct Agreements {
    entries: Vec<Entry>,
    aliases: PhraseTable<usize>,
    heads: PhraseTable<Head>,
    issuers: PhraseTable<String>,
    modifiers: WordSet<String>,
    courts: WordMap<String, Option<String>>,
    verbs: WordSet<String>,
    negations: WordSet<String>,
    determiners: WordSet<String>,
    /// Defining participles, auxiliaries, court verbs, general words and
    /// idioms (`specific.rs`).
    spec: specific::Cues,
    /// Compounds, possessors and name words of `refine.rs`.
    refine: refine::Cues,
    /// Place-named heads and party counts of `recall.rs`.
    recall: recall::Cues,
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
    /// The recogniser with the embedded tables plus user files.
    pub fn new(entries: &[(&str, &str)], cues: &[(&str, &str)]) -> Result<Agreements, Error> {
        let tokenizer = Tokenizer::default();
        let mut a = Agreements {
            entries: Vec::new(),
            aliases: PhraseTable::default(),
            heads: PhraseTable::default(),
            issuers: PhraseTable::default(),
            modifiers: WordSet::default(),
            courts: WordMap::default(),
            verbs: WordSet::default(),
            negations: WordSet::default(),
            determiners: WordSet::default(),
            spec: specific::Cues::default(),
            refine: refine::Cues::default(),
            recall: recall::Cues::default(),
            words: WordClasses::embedded(),
            formations: Formations::default(),
        };
        let mut entry_files = vec![("agreements.tsv", EMBEDDED_ENTRIES)];
        entry_files.extend_from_slice(entries);
        for (file, contents) in entry_files {
            for line in data_lines(contents) {
                let id = field(&line, 0, file)?;
                let kind = field(&line, 1, file)?;
                let name = field(&line, 2, file)?;
                let aliases = line.fields.get(3).copied().unwrap_or("-");
                let issuer = line
                    .fields
                    .get(4)
                    .copied()
                    .filter(|s| *s != "-" && !s.is_empty());
                let index = match a.entries.iter().position(|e| e.id == id) {
                    Some(i) => i,
                    None => {
                        a.entries.push(Entry {
                            id: id.to_string(),
                            kind: kind.to_string(),
                            name: name.to_string(),
                            issuer: issuer.map(str::to_string),
                        });
                        a.entries.len() - 1
                    }
                };
                a.aliases.add(&tokenizer, name, index, true);
                for alias in aliases.split('|').map(str::trim) {
                    if !alias.is_empty() && alias != "-" {
                        a.aliases.add(&tokenizer, alias, index, true);
                    }
                }
            }
        }
        let mut cue_files = vec![("agreement_cues.tsv", EMBEDDED_CUES)];
        cue_files.extend_from_slice(cues);
        for (file, contents) in cue_files {
            for line in data_lines(contents) {
                let class = field(&line, 0, file)?;
                let phrase = field(&line, 1, file)?;
                let value = line.fields.get(2).copied().unwrap_or("-");
                match class {
                    "head" => {
                        let flag = match line.fields.get(3).copied().unwrap_or("") {
                            "modifier" => Flag::Modifier,
                            "court" => Flag::Court,
                            "numbered" => Flag::Numbered,
                            "short" => Flag::Short,
                            "capital" => Flag::Capital,
                            _ => Flag::Plain,
                        };
                        let canon = line.fields.get(4).copied().unwrap_or(phrase).to_string();
                        // the head word: before "of" ("memoranda of understanding"), else the last
                        let head_part = phrase.split(" of ").next().unwrap_or(phrase);
                        let last = head_part.rsplit(' ').next().unwrap_or(phrase);
                        let plural =
                            last.ends_with('s') && !last.ends_with("ss") || last.ends_with("ta");
                        a.heads.add(
                            &tokenizer,
                            phrase,
                            Head {
                                kind: value.to_string(),
                                flag,
                                canon,
                                plural,
                            },
                            false,
                        );
                    }
                    "modifier" => {
                        a.modifiers.insert(phrase.to_lowercase());
                    }
                    "issuer" => a.issuers.add(&tokenizer, phrase, value.to_string(), true),
                    "court" => {
                        a.courts.insert(
                            phrase.to_lowercase(),
                            (value != "-").then(|| value.to_string()),
                        );
                    }
                    "verb" => {
                        a.verbs.insert(phrase.to_lowercase());
                    }
                    "negation" => {
                        a.negations.insert(phrase.to_lowercase());
                    }
                    "determiner" => {
                        a.determiners.insert(phrase.to_lowercase());
                    }
                    // not a word list: the cue file's class names (`specific.rs`)
                    "participle" | "auxiliary" | "mediation" | "court_verb" | "general"
                    | "general_plural" | "idiom" | "manner" | "definite" | "placing"
                    | "qualifier" => {
                        a.spec.add(&tokenizer, class, phrase);
                    }
                    c if refine::Cues::CLASSES.contains(&c) => a.refine.add(class, phrase),
                    c if recall::Cues::CLASSES.contains(&c) => a.recall.add(class, phrase),
                    other => {
                        return Err(Error::Data {
                            file: file.to_string(),
                            line: line.line,
                            message: format!("unknown class {other:?}"),
                        })
                    }
                }
            }
        }
        a.aliases.finish();
        a.heads.finish();
        a.issuers.finish();
        a.spec.idioms.finish();
        a.spec.manner.finish();
        Ok(a)
    }

    /// The head words whose sentences the rules read from the parse (the
    /// syntax stage's filter adds them): plain heads ("agreement", "deal",
    /// "ceasefire"), not the frequent "statement" or "programme" nor court
    /// or short ones, so that parsing stays cheap.
    pub fn parsed_heads(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for list in self.heads.by_first.values() {
            for p in list {
                let generic = p.value.flag == Flag::Plain;
                // "memorandum of understanding": the word before "of"
                let before_of = p.lower.iter().position(|w| w == "of");
                let head = before_of.map_or(p.lower.last(), |k| {
                    k.checked_sub(1).and_then(|k| p.lower.get(k))
                });
                let head = head.filter(|w| w.len() > 2);
                if let Some(w) = head.filter(|_| generic) {
                    if !out.contains(w) {
                        out.push(w.clone());
                    }
                }
            }
        }
        out
    }

    /// The same recogniser with these word classes (embedded plus `--dict`).
    pub fn with_words(mut self, words: Arc<WordClasses>) -> Agreements {
        self.words = words;
        self
    }

    /// The same recogniser with these formations: a formation's name makes
    /// its "Statement" a joint one ("Quad Leaders' Statement").
    pub fn with_formations(mut self, formations: Formations) -> Agreements {
        self.formations = formations;
        self
    }

    /// Whether the capitalised words before a head name two or more parties:
    /// a formation ("Troika Statement") or two states or peoples
    /// ("Nepal-Switzerland Joint Statement", "Chilean-Peruvian Declaration").
    fn names_parties(&self, doc: &Doc, v: &View, a: usize, i: usize) -> bool {
        let formation = (a..i).any(|k| self.formations.lookup(v.text[k]).is_some())
            || (a + 1 < i && self.formations.lookup(&v.text[a..i].join(" ")).is_some());
        let states = doc
            .entities
            .iter()
            .filter(|m| m.tokens.start >= a && m.tokens.end <= i)
            .filter(|m| matches!(m.label, EntityType::Gpe | EntityType::Norp))
            .count();
        formation || states >= 2
    }

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
            for c in &mut cands[before..] {
                c.signed = signing.is_some();
                if let Some(verb_at) = signing {
                    if let Some(d) = nearest_date(doc, &date_at, first, lim, verb_at) {
                        c.dates.push((d, 2));
                    }
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

    #[allow(clippy::too_many_arguments)]
    fn candidates_at(
        &self,
        doc: &Doc,
        v: &View,
        date_at: &WordMap<usize, usize>,
        s: usize,
        first: usize,
        i: usize,
        lim: usize,
        out: &mut Vec<Cand>,
    ) -> usize {
        // 1. alias table
        if let Some((end, &e)) = self
            .aliases
            .longest(v, i, lim)
            .filter(|&(end, _)| !self.longer_name_after(v, i, end, lim))
        {
            // a longer named instrument may still contain the alias ("… Agreement between …")
            let entry = &self.entries[e];
            let mut c = self.cand(
                doc,
                v,
                s,
                i,
                end - 1,
                &entry.name,
                &entry.kind,
                true,
                Link::Entry(e),
            );
            c.issuer = entry.issuer.clone();
            out.push(c);
            return end;
        }
        let Some((hend, head)) = self.heads.longest(v, i, lim) else {
            return i + 1;
        };
        let head = head.clone();
        // "a great deal of", "GOOD DEAL FOR …": no instrument
        if self.idiom_at(doc, v, i, first, lim) {
            return hend;
        }
        // "a national action plan": one state's own plan (`recall.rs`)
        if self.domestic_plan(v, i, first, &head.kind) {
            return hend;
        }
        let capital = v.cap(i);
        // "Energy Charter Protocol": the last of adjacent capitalised heads is the head
        if capital
            && head.flag != Flag::Court
            && v.cap(hend)
            && self.heads.longest(v, hend, lim).is_some()
        {
            return i + 1;
        }
        let at = InSentence {
            doc,
            v,
            date_at,
            s,
            first,
            lim,
        };
        match head.flag {
            Flag::Numbered => self.resolution(
                Site {
                    at,
                    i,
                    hend,
                    head: &head,
                },
                out,
            ),
            Flag::Court => self.ruling(
                Site {
                    at,
                    i,
                    hend,
                    head: &head,
                },
                out,
            ),
            // in an upper-case heading a capitalised-only head is no name;
            // followed by a capitalised word it is inside a longer name
            // ("Economic Framework Supply Chain Agreement")
            Flag::Capital if !v.text[i].chars().any(char::is_lowercase) => hend,
            Flag::Capital if v.cap(hend) && v.kind.get(hend) == Some(&TokenKind::Word) => i + 1,
            _ if capital => self.named(
                Site {
                    at,
                    i,
                    hend,
                    head: &head,
                },
                out,
            ),
            Flag::Capital => self.lower_capital_head(
                Site {
                    at,
                    i,
                    hend,
                    head: &head,
                },
                out,
            ),
            Flag::Short => hend,
            _ => self.generic(
                Site {
                    at,
                    i,
                    hend,
                    head: &head,
                },
                out,
            ),
        }
    }

    /// A descriptive (unnamed) candidate of `head`'s kind over tokens
    /// `start..end` of the sentence, named by its words.
    fn described(&self, at: InSentence<'_>, start: usize, end: usize, head: &Head) -> Cand {
        let name = join_tokens(at.doc, start, end);
        let (kind, link) = (&head.kind, Link::Generic);
        self.cand(at.doc, at.v, at.s, start, end - 1, &name, kind, false, link)
    }

    #[allow(clippy::too_many_arguments)]
    fn cand(
        &self,
        doc: &Doc,
        v: &View,
        s: usize,
        a: usize,
        b: usize,
        name: &str,
        kind: &str,
        named: bool,
        link: Link,
    ) -> Cand {
        let _ = (doc, v);
        // a descriptive name without "historic" or "that was" (`refine.rs`)
        let name = if named {
            name.to_string()
        } else {
            self.plain_name(name)
        };
        Cand {
            first: a,
            last: b,
            sentence: s,
            toks: name_tokens(&name, &self.words),
            name,
            kind: kind.to_string(),
            named,
            issuer: None,
            link,
            dates: Vec::new(),
            parties: Vec::new(),
            signed: false,
        }
    }

    /// Dates inside tokens a..b (after the head they are the instrument's date).
    fn inner_dates(
        &self,
        doc: &Doc,
        date_at: &WordMap<usize, usize>,
        a: usize,
        b: usize,
        c: &mut Cand,
    ) {
        let mut seen = WordSet::default();
        for t in a..b {
            if let Some(&k) = date_at.get(&t) {
                if seen.insert(k) {
                    if let Some(val) = point_value(doc, k) {
                        c.dates.push((val, if t == a { 1 } else { 3 }));
                    }
                }
            }
        }
    }

    /// A capitalised run from `k`: capitalised tokens joined by inner words.
    fn cap_run(&self, v: &View, k: usize, lim: usize, date_at: &WordMap<usize, usize>) -> usize {
        let mut end = k;
        let mut j = k;
        while j < lim {
            // a signing verb ends it (upper-case headings: "MOU … SIGNED WITH …")
            if v.cap(j)
                && v.kind[j] != TokenKind::Punct
                && !date_at.contains_key(&j)
                && !self.verbs.contains(v.w(j))
            {
                j += 1;
                end = j;
            } else if (self.words.has(WordClass::NameInner, v.w(j))
                || v.text[j] == "\u{2019}s"
                || v.text[j] == "'s")
                && end > k
            {
                j += 1;
            } else {
                break;
            }
        }
        end
    }

    fn ruling(&self, site: Site<'_>, out: &mut Vec<Cand>) -> usize {
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

    /// Groups candidates into records.
    fn join(&self, doc: &Doc, cands: Vec<Cand>) -> Vec<AgreementRef> {
        struct Rec {
            r: AgreementRef,
            toks: WordSet<String>,
            name_toks: WordSet<String>,
            link: Link,
            named_name: bool,
            dates: Vec<(String, u8)>,
            title: bool,
        }
        let mut recs: Vec<Rec> = Vec::new();
        for c in cands {
            let span = doc.token_span(c.first, c.last);
            let target = match &c.link {
                Link::Entry(_) | Link::Resolution(_) | Link::Court(_) => {
                    recs.iter().rposition(|r| r.link == c.link)
                }
                // (coordinated siblings share a span and stay apart)
                Link::Named | Link::Generic => recs.iter().rposition(|r| {
                    r.r.kind == c.kind
                        && !r.r.mentions.iter().any(|m| m.span == span)
                        && !matches!(r.link, Link::Resolution(_))
                        && (c.toks.is_subset(&r.toks)
                            || (jaccard(&c.toks, &r.name_toks) >= 0.5
                                && !(c.link == Link::Named
                                    && r.named_name
                                    && self.one_word_apart(&c.toks, &r.name_toks)))
                            // a generic first mention ("sign agreement") named later
                            || (!r.named_name && r.toks.is_subset(&c.toks)))
                }),
                Link::Short => recs.iter().rposition(|r| r.r.kind == c.kind),
            };
            let mention = AgreementMention {
                span: doc.token_span(c.first, c.last),
                sentence: c.sentence,
                named: c.named,
            };
            match target {
                Some(t) => {
                    let r = &mut recs[t];
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
                None => {
                    if c.link == Link::Short && !c.signed {
                        continue;
                    }
                    let entry = match c.link {
                        Link::Entry(e) => Some(self.entries[e].id.clone()),
                        _ => None,
                    };
                    recs.push(Rec {
                        r: AgreementRef {
                            name: c.name.clone(),
                            kind: c.kind.clone(),
                            date: None,
                            parties: c.parties.clone(),
                            issuer: c.issuer.clone(),
                            mentions: vec![mention],
                            entry,
                        },
                        toks: c.toks.clone(),
                        name_toks: c.toks.clone(),
                        named_name: matches!(
                            c.link,
                            Link::Named | Link::Entry(_) | Link::Resolution(_)
                        ),
                        link: c.link.clone(),
                        dates: c.dates.clone(),
                        title: c.sentence == 0,
                    });
                }
            }
        }
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
                    if let Some(d) = meeting_date(doc, doc_date) {
                        r.dates.push((d, 2));
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

fn name_tokens(name: &str, words: &WordClasses) -> WordSet<String> {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .filter(|t| {
            !(words.has(WordClass::NameStop, t)
                || t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()))
        })
        .collect()
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

/// The text from token a to token b (exclusive), as written.
fn join_tokens(doc: &Doc, a: usize, b: usize) -> String {
    if b <= a {
        return String::new();
    }
    doc.span_text(doc.token_span(a, b - 1))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn count_word(w: &str) -> Option<usize> {
    Some(match w {
        "two" | "2" | "both" => 2,
        "three" | "3" => 3,
        "four" | "4" => 4,
        "five" | "5" => 5,
        "six" | "6" => 6,
        _ => return None,
    })
}

fn singular(s: &str) -> String {
    // "memorandums of understanding": the word before "of" is the head
    if let Some((h, rest)) = s.split_once(" of ") {
        return format!("{} of {rest}", singular(h));
    }
    if let Some(stem) = s.strip_suffix("memoranda") {
        return format!("{stem}memorandum");
    }
    s.strip_suffix('s').unwrap_or(s).to_string()
}

/// "A, B and C" between tokens a..b: token ranges of the conjuncts.
fn split_conjuncts(v: &View, a: usize, b: usize) -> Vec<(usize, usize)> {
    let mut parts = Vec::new();
    let mut start = a;
    for k in a..b {
        if matches!(v.w(k), "and" | ",") {
            if k > start {
                parts.push((start, k));
            }
            start = k + 1;
        }
    }
    if b > start {
        parts.push((start, b));
    }
    parts
}

/// "Ukraine and Turkey", "the Government of Ukraine and the Government of
/// the Republic of Turkey": the party names.
fn split_parties(toks: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for part in toks.split(|t| *t == "and" || *t == ",") {
        let mut words: Vec<&str> = part.to_vec();
        while let Some(w) = words.first() {
            let lw = w.to_lowercase();
            if matches!(lw.as_str(), "the" | "of")
                || (matches!(lw.as_str(), "government" | "governments")
                    && words.get(1) == Some(&"of"))
            {
                words.remove(0);
            } else {
                break;
            }
        }
        if !words.is_empty() {
            out.push(words.join(" "));
        }
    }
    out
}
