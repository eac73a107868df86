//! Reshaping the tagger's spans with title knowledge (`models/titles.tsv`)
//! and word classes (`models/ner_types.tsv`), before they merge with the
//! gazetteer's matches. The dev README keeps titles outside names, and a
//! CoNLL-trained tagger often folds them in: "Chair of ASEAN Hassanal
//! Bolkiah", "Minister of [Foreign Affairs]", "Deputy Central Bank
//! [Governor]", or takes a Title Case headline for one long name.

use crate::doc::{Doc, EntityType, Mention, Origin};
use crate::lexicon::{WordClass as LexClass, WordClasses};
use crate::ner::gazetteer::Gazetteer;
use crate::ner::joined::joined_names;
use crate::ner::types::{TypeMap, WordClass};
use crate::text::titles::{TitleKind, TitleMatch, Titles};

mod common;
mod person;
mod repair;
mod title_after;
mod titled;

pub(crate) use common::{is_role_word, persons_the_text_confirms};
pub(crate) use titled::{in_heading, with_names_after_titles};

/// How far before a span a title that governs it may start, in tokens
/// ("Assistant Secretary of State for European and Eurasian Affairs").
const TITLE_REACH: usize = 6;

/// The most words a person's name after a title's field may have
/// ("Luisa María Alcalde"), an honorific included.
const MAX_NAME: usize = 4;

/// The most tokens of a title's earlier fields before the span's own
/// ("Civilian Security , Democracy , and").
const MAX_FIELD_CHAIN: usize = 12;

/// What reshaping needs to see.
pub(super) struct Shaper<'a> {
    pub doc: &'a Doc,
    pub titles: &'a Titles,
    pub types: &'a TypeMap,
    pub gazetteer: &'a Gazetteer,
    /// The gazetteer's matches, in token order.
    pub ruled: &'a [Mention],
    /// Word classes (`models/words.tsv`).
    pub words: &'a WordClasses,
}

/// Token `i` as written, `’` read as `'` (the shared token view).
fn raw_token(doc: &Doc, i: usize) -> String {
    doc.raw(i).to_string()
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether `word` is one of the function words `words` (given in lower
/// case), in any case: title lines in capitals ("MINISTER FOR FOREIGN
/// AFFAIRS") and title-case headlines ("Minister Of …") write them so.
fn function_word(word: &str, words: &[&str]) -> bool {
    words.iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// The first token of a PERSON span once leading titles and honorifics
/// are skipped ("Chairperson Moussa Faki Mahamat" → "Moussa Faki Mahamat");
/// never into lower-case words. None when the span is titles only
/// ("Head"): no name is left.
pub(super) fn person_start(titles: &Titles, doc: &Doc, start: usize, end: usize) -> Option<usize> {
    let raw: Vec<String> = (start..end).map(|i| raw_token(doc, i)).collect();
    let lower: Vec<String> = raw.iter().map(|t| t.to_lowercase()).collect();
    let mut i = 0;
    while let Some(m) = titles.longest_at(&lower, &raw, i, raw.len()) {
        let kind = titles.get(m.title).kind;
        if !matches!(kind, TitleKind::Person | TitleKind::Honorific) {
            break;
        }
        i = m.end;
    }
    if i == raw.len() {
        return None;
    }
    Some(if raw.get(i).is_some_and(|w| capitalised(w)) {
        start + i
    } else {
        start
    })
}

/// The end of `start..end` before a headline's verb, which ends a name
/// ("United States Imposes Sanctions", "Wang Yi Holds Talks").
pub(super) fn before_breaker(doc: &Doc, types: &TypeMap, start: usize, end: usize) -> usize {
    (start + 1..end)
        .find(|&k| types.is(WordClass::Breaker, doc.token_text(k)))
        .unwrap_or(end)
}

impl Shaper<'_> {
    /// The longest title of any kind at token `i`, within `end`, in
    /// document token indices.
    fn title_at(&self, i: usize, end: usize) -> Option<(TitleKind, TitleMatch)> {
        let first = raw_token(self.doc, i).to_lowercase();
        if i >= end || !self.titles.may_start(&first) {
            return None;
        }
        // (no title is longer than a dozen tokens)
        let raw: Vec<String> = (i..end.min(i + 12))
            .map(|t| raw_token(self.doc, t))
            .collect();
        let lower: Vec<String> = raw.iter().map(|t| t.to_lowercase()).collect();
        let m = self.titles.longest_at(&lower, &raw, 0, raw.len())?;
        let kind = self.titles.get(m.title).kind;
        Some((
            kind,
            TitleMatch {
                start: i,
                end: i + m.end,
                title: m.title,
            },
        ))
    }

    /// The end of a person title (kind `person`) at token `i`, within `end`.
    fn person_title_at(&self, i: usize, end: usize) -> Option<usize> {
        self.title_at(i, end)
            .filter(|(kind, _)| *kind == TitleKind::Person)
            .map(|(_, m)| m.end)
    }

    /// A title of one of `kinds` that ends at token `pos`, starting at most
    /// [`TITLE_REACH`] tokens before it in the same sentence, perhaps with
    /// a second portfolio ("Minister of Foreign Affairs [and Trade]").
    fn title_ending_at(&self, pos: usize, kinds: &[TitleKind]) -> Option<(TitleKind, usize)> {
        self.title_ending_exactly(pos, kinds).or_else(|| {
            let mut j = pos;
            while j + 2 > pos
                && j > 0
                && self
                    .types
                    .is(WordClass::Portfolio, self.doc.token_text(j - 1))
            {
                j -= 1;
            }
            let and = j
                .checked_sub(1)
                .filter(|&a| j < pos && function_word(self.doc.token_text(a), &["and"]))?;
            self.title_ending_exactly(and, kinds)
        })
    }

    fn title_ending_exactly(&self, pos: usize, kinds: &[TitleKind]) -> Option<(TitleKind, usize)> {
        // (most tokens end no title: one set lookup saves the scan)
        let last = raw_token(self.doc, pos.checked_sub(1)?).to_lowercase();
        if !self.titles.may_end(&last) {
            return None;
        }
        let sentence = self.doc.sentence_of_token(pos.saturating_sub(1));
        let first = self
            .doc
            .sentences
            .get(sentence)
            .map_or(0, |s| s.tokens.start);
        (pos.saturating_sub(TITLE_REACH).max(first)..pos).find_map(|i| {
            self.title_at(i, pos)
                .filter(|(kind, m)| m.end == pos && kinds.contains(kind))
                .map(|(kind, _)| (kind, i))
        })
    }

    fn all_capitalised(&self, a: usize, b: usize) -> bool {
        a < b && (a..b).all(|t| capitalised(self.doc.token_text(t)))
    }

    fn piece(&self, m: &Mention, a: usize, b: usize, label: EntityType) -> Mention {
        Mention {
            span: self.doc.token_span(a, b - 1),
            tokens: a..b,
            sentence: m.sentence,
            label,
            // a piece is not the span the tagger scored
            score: if m.tokens == (a..b) { m.score } else { None },
            origin: Origin::Model,
            entry: None,
        }
    }

    fn ruled_at(&self, start: usize) -> Option<&Mention> {
        let i = self.ruled.partition_point(|g| g.tokens.start < start);
        self.ruled.get(i).filter(|g| g.tokens.start == start)
    }

    fn ruled_ending_at(&self, end: usize) -> Option<&Mention> {
        let i = self.ruled.partition_point(|g| g.tokens.end < end);
        self.ruled.get(i).filter(|g| g.tokens.end == end)
    }

    fn holds_ruled(&self, start: usize, end: usize) -> bool {
        let i = self.ruled.partition_point(|g| g.tokens.start < start);
        self.ruled.get(i).is_some_and(|g| g.tokens.end <= end)
    }

    /// Token `i` as written is "of" (after a title: "President of …").
    fn is_of(&self, i: usize) -> bool {
        function_word(self.doc.token_text(i), &["of"])
    }

    /// Whether a gazetteer match follows "<person title> of [the]".
    fn titled_place(&self, place: &Mention) -> bool {
        let mut of = place.tokens.start.checked_sub(1);
        if of.is_some_and(|i| function_word(self.doc.token_text(i), &["the"])) {
            of = of.and_then(|i| i.checked_sub(1));
        }
        of.is_some_and(|of| {
            self.is_of(of) && self.title_ending_at(of, &[TitleKind::Person]).is_some()
        })
    }

    /// The tagger's span `m`, reshaped: none, itself, or pieces; the
    /// persons found in a body's span are trimmed as the tagger's are.
    pub fn reshape(&self, m: Mention) -> Vec<Mention> {
        if self
            .types
            .is(WordClass::NotAName, self.doc.span_text(m.span))
        {
            return Vec::new();
        }
        if m.label == EntityType::Person {
            return self.reshape_person(m);
        }
        self.reshape_other(m)
            .into_iter()
            .flat_map(|p| match p.label {
                EntityType::Person => self.reshape_person(p),
                _ => vec![p],
            })
            .collect()
    }

    /// The tagger's non-person span `m`, reshaped.
    fn reshape_other(&self, m: Mention) -> Vec<Mention> {
        let doc = self.doc;
        let types = self.types;
        // "Japan-Australia [Foreign Ministers' Meeting]", "U.S.-Cambodia
        // relations": two known names joined are a modifier, not a body's or
        // a place's name; demonyms joined are a NORP ("Russian-Greek talks",
        // dev README)
        let text = doc.span_text(m.span);
        if matches!(m.label, EntityType::Org | EntityType::Gpe | EntityType::Loc)
            && joined_names(self.gazetteer, text)
        {
            let label = if self.joined_demonyms(text) {
                EntityType::Norp
            } else {
                EntityType::Misc
            };
            return vec![Mention { label, ..m }];
        }
        let mut start = m.tokens.start;
        // a headline's verb never starts a name either ("… Unanimously
        // [Adopts] Resolution")
        if types.is(WordClass::Breaker, doc.token_text(start)) {
            return Vec::new();
        }
        let end = before_breaker(doc, types, start, m.tokens.end);
        // what a headline's verb leaves may be no name ("Coalition Strikes"),
        // and a body named generically is none ("the Department", "Deputy
        // Department Spokesperson")
        let generic = |a: usize, b: usize| (a..b).all(|i| types.is_generic(doc.token_text(i)));
        if end < m.tokens.end && generic(start, end) {
            return Vec::new();
        }
        while end - start > 1 && types.is(WordClass::Lead, doc.token_text(start)) {
            start += 1;
        }
        if m.label == EntityType::Org && generic(start, end) {
            return Vec::new();
        }
        let m = if (start, end) == (m.tokens.start, m.tokens.end) {
            m
        } else {
            self.piece(&m, start, end, m.label)
        };
        if let Some(body) = self.without_demonym(&m) {
            return self.reshape(body);
        }
        if let Some(shaped) = self.cut_at_honorific(&m) {
            return shaped;
        }
        if let Some(shaped) = self.around_a_title(&m) {
            return shaped;
        }
        if let Some(shaped) = self.inside_a_title(&m) {
            return shaped;
        }
        if let Some(shaped) = self.field_then_name(&m) {
            return shaped;
        }
        if let Some(shaped) = self.body_then_name(&m) {
            return shaped;
        }
        if let Some(person) = self.person_after_title(&m) {
            return vec![person];
        }
        let m = self.before_title_after(&m).unwrap_or(m);
        self.split_titled(m)
            .into_iter()
            .map(|p| self.with_coordinated_fields(self.with_place(p)))
            .collect()
    }

    /// The place a body's name runs on into: "Supreme Court [of Papua New
    /// Guinea]", "Embassy [of Afghanistan]" (dev README: the ORG is the full
    /// name; the gazetteer's place is listed as well).
    fn with_place(&self, m: Mention) -> Mention {
        let end = m.tokens.end;
        if m.label != EntityType::Org || !self.is_of(end) {
            return m;
        }
        if !capitalised(self.doc.token_text(end - 1)) {
            return m;
        }
        let mut at = end + 1;
        if self.doc.token_text(at) == "the" {
            at += 1;
        }
        match self.ruled_at(at) {
            Some(place) if place.label == EntityType::Gpe && place.sentence == m.sentence => {
                let end = place.tokens.end;
                self.piece(&m, m.tokens.start, end, EntityType::Org)
            }
            _ => m,
        }
    }

    /// A body after a person title, with its place, then the holder's name:
    /// "Minister of the [Revolutionary Guard of Gondor] [Ana Petrova]".
    fn body_then_name(&self, m: &Mention) -> Option<Vec<Mention>> {
        let (start, end) = (m.tokens.start, m.tokens.end);
        let doc = self.doc;
        if !matches!(m.label, EntityType::Org | EntityType::Misc) {
            return None;
        }
        let mut of = start.checked_sub(1)?;
        if function_word(doc.token_text(of), &["the"]) {
            of = of.checked_sub(1)?;
        }
        if !self.is_of(of) {
            return None;
        }
        self.title_ending_at(of, &[TitleKind::Person])?;
        // "… [National Assembly] [Vuong Dinh Hue] of Vietnam": the body's
        // place may follow the name; the gazetteer keeps it
        let name_end = match self.ruled_ending_at(end) {
            Some(g) if g.label == EntityType::Gpe && g.tokens.start > start + 2 => {
                let of = g.tokens.start - 1;
                if self.is_of(of) {
                    of
                } else {
                    end
                }
            }
            _ => end,
        };
        let place = self
            .ruled
            .iter()
            .filter(|g| g.label == EntityType::Gpe)
            .find(|g| {
                start + 1 < g.tokens.start
                    && g.tokens.end < name_end
                    && self.is_of(g.tokens.start - 1)
            });
        // the holder's name follows the body's place, else its last head
        // noun ("Roscosmos State Corporation", "National Assembly")
        let name = match place {
            Some(p) => p.tokens.end,
            None => (start + 1..name_end)
                .rev()
                .find(|&i| self.is_body_noun(i))?
                .checked_add(1)?,
        };
        let plain = (name..name_end).all(|i| {
            let w = doc.token_text(i);
            capitalised(w)
                && !self.types.is_generic(w)
                && !self.types.is(WordClass::Portfolio, w)
                && !self.is_body_noun(i)
        });
        (plain && (2..=MAX_NAME).contains(&(name_end - name))).then(|| {
            vec![
                self.piece(m, start, name, EntityType::Org),
                self.piece(m, name, name_end, EntityType::Person),
            ]
        })
    }

    /// Whether token `i` is a body's head noun ("Corporation", "Assembly",
    /// "Parliament", `models/words.tsv` class `actors.body-word`).
    fn is_body_noun(&self, i: usize) -> bool {
        let w = self.doc.token_text(i);
        capitalised(w) && self.words.has(LexClass::BodyWord, &w.to_lowercase())
    }

    /// Whether every part of joined names is a demonym ("Russian-Greek").
    fn joined_demonyms(&self, text: &str) -> bool {
        text.split(['-', '\u{2010}', '\u{2011}', '\u{2013}'])
            .all(|p| {
                self.gazetteer
                    .lookup(p)
                    .is_some_and(|e| e.label == EntityType::Norp)
            })
    }

    /// A span that starts with a person title: "Sultan" (none), "Office of
    /// the [Spokesperson]" (the office), "Head of State of Brunei" (none:
    /// the gazetteer keeps the place), "Chair of ASEAN Hassanal Bolkiah"
    /// and "Spokesperson Tammy Bruce" (the person).
    fn around_a_title(&self, m: &Mention) -> Option<Vec<Mention>> {
        let (start, end) = (m.tokens.start, m.tokens.end);
        // (an honorific too: "Dr Yang Hengjun"; "H.E." alone is nothing)
        let te = self.title_at(start, end).and_then(|(kind, t)| {
            matches!(kind, TitleKind::Person | TitleKind::Honorific).then_some(t.end)
        })?;
        if te == end {
            let doc = self.doc;
            let office = (2..=3).map(|n| start.checked_sub(n)).find_map(|o| {
                let o = o?;
                let between: Vec<&str> = (o + 1..start).map(|i| doc.token_text(i)).collect();
                (self.types.is(WordClass::Office, doc.token_text(o))
                    && matches!(between.as_slice(), ["of"] | ["of", "the"]))
                .then_some(o)
            });
            return Some(match office {
                Some(o) => vec![self.piece(m, o, end, EntityType::Org)],
                None => Vec::new(),
            });
        }
        if !self.is_of(te) {
            // "Spokesperson Tammy Bruce"
            return self
                .all_capitalised(te, end)
                .then(|| vec![self.piece(m, te, end, EntityType::Person)]);
        }
        let mut after = te + 1;
        if function_word(self.doc.token_text(after), &["the"]) {
            after += 1;
        }
        let place = self.ruled_at(after)?;
        let tail = place.tokens.end;
        Some(if self.all_capitalised(tail, end) {
            vec![self.piece(m, tail, end, EntityType::Person)]
        } else {
            Vec::new()
        })
    }

    /// A span that a title before it takes in: "Minister of [Foreign
    /// Affairs]" (none: part of the title), "Ministry of [Foreign Affairs]"
    /// (the ministry), "Assistant Secretary of State for [European and
    /// Eurasian Affairs]" (none).
    fn inside_a_title(&self, m: &Mention) -> Option<Vec<Mention>> {
        let (start, end) = (m.tokens.start, m.tokens.end);
        let kinds = [TitleKind::Person, TitleKind::Government];
        let covering = self
            .title_ending_at(end, &kinds)
            .filter(|&(_, s)| s < start);
        // (the field may share its "of" with another: "Minister of Foreign
        // and [European Affairs]")
        let portfolio = || {
            let last = self.doc.token_text(end - 1);
            if !self.types.is(WordClass::Portfolio, last) {
                return None;
            }
            let mut of = start.checked_sub(1)?;
            // (the walk stops at "of"/"for" in any case: in a title line
            // in capitals "FOR" is capitalised too)
            let of_or_for = |w: &str| function_word(w, &["of", "for"]);
            while of + 6 > start
                && of > 0
                && !of_or_for(self.doc.token_text(of))
                && (matches!(self.doc.token_text(of), "and" | ",")
                    || capitalised(self.doc.token_text(of)))
            {
                of -= 1;
            }
            of_or_for(self.doc.token_text(of))
                .then(|| self.title_ending_at(of, &kinds))
                .flatten()
        };
        let (kind, title_start) = covering.or_else(portfolio)?;
        Some(
            if kind == TitleKind::Government && capitalised(self.doc.token_text(title_start)) {
                vec![self.piece(m, title_start, end, EntityType::Org)]
            } else {
                Vec::new()
            },
        )
    }

    /// A span right after "<person title> of|for [the]" that starts with the
    /// title's field and runs on into a name: "Secretary of [Defense
    /// Austin]", "Commissioner for [Human Rights Mrs] Mary Robinson". The
    /// field (up to its last portfolio word) is the title's; capitalised
    /// words after it are a person (honorifics trimmed), else nothing.
    fn field_then_name(&self, m: &Mention) -> Option<Vec<Mention>> {
        let (start, end) = (m.tokens.start, m.tokens.end);
        let doc = self.doc;
        let mut of = start.checked_sub(1)?;
        if function_word(doc.token_text(of), &["the"]) {
            of = of.checked_sub(1)?;
        }
        // (the last field of a chain: "for Civilian Security, Democracy, and
        // [Human Rights Uzra Zeya]")
        let mut steps = 0;
        while !function_word(doc.token_text(of), &["of", "for"]) {
            let w = doc.token_text(of);
            let in_chain =
                self.types.is(WordClass::Portfolio, w) || function_word(w, &["and", ","]);
            if !in_chain || steps == MAX_FIELD_CHAIN {
                return None;
            }
            of = of.checked_sub(1)?;
            steps += 1;
        }
        self.title_ending_at(of, &[TitleKind::Person])?;
        // the field: portfolio words only ("Homeland Security"), so that a
        // body after a title ("President of the [Human Rights Commission]")
        // is never read as a field and a name
        let field_end = (start..end)
            .take_while(|&i| {
                let w = doc.token_text(i);
                self.types.is(WordClass::Portfolio, w) || function_word(w, &["and", ","])
            })
            .filter(|&i| self.types.is(WordClass::Portfolio, doc.token_text(i)))
            .last()?
            + 1;
        let bodylike = (field_end..end).any(|i| {
            let w = doc.token_text(i);
            self.types.is_generic(w) || self.types.is(WordClass::Portfolio, w)
        });
        // the span is the title's field and nothing else
        if field_end == end && steps == 0 {
            return Some(Vec::new());
        }
        if field_end == end || end - field_end > MAX_NAME || bodylike {
            return None;
        }
        if !self.all_capitalised(field_end, end) {
            return Some(Vec::new());
        }
        let name = person_start(self.titles, doc, field_end, end);
        Some(
            name.map(|a| vec![self.piece(m, a, end, EntityType::Person)])
                .unwrap_or_default(),
        )
    }

    /// A name of capitalised words right after a person title, or after
    /// "<title> of <place>", is a person's whatever the tagger called it:
    /// "President of Ukraine [Volodymyr Zelenskyy]".
    fn person_after_title(&self, m: &Mention) -> Option<Mention> {
        let (start, end) = (m.tokens.start, m.tokens.end);
        let doc = self.doc;
        let name_like = end - start >= 2
            && matches!(m.label, EntityType::Org | EntityType::Misc)
            && self.all_capitalised(start, end)
            && !self.holds_ruled(start, end)
            && !(start..end).any(|i| self.types.is_generic(doc.token_text(i)));
        if !name_like {
            return None;
        }
        // (an honorific too: "Mr [Ana Petrova], consul")
        let person = [TitleKind::Person, TitleKind::Honorific];
        let titled = self.title_ending_at(start, &person).is_some()
            || self
                .ruled_ending_at(start)
                .is_some_and(|place| self.titled_place(place));
        titled.then(|| self.piece(m, start, end, EntityType::Person))
    }

    /// The tagger's non-person spans that hold a person after a title:
    /// "USAID Administrator Samantha Power" → "USAID" + PERSON "Samantha
    /// Power"; "[President of] Ukraine Volodymyr Zelenskyy", where the
    /// gazetteer knows "Ukraine" → PERSON "Volodymyr Zelenskyy".
    fn split_titled(&self, m: Mention) -> Vec<Mention> {
        let (start, end) = (m.tokens.start, m.tokens.end);
        for p in start + 1..end {
            if let Some(te) = self.person_title_at(p, end) {
                if te < end && self.all_capitalised(te, end) {
                    return vec![
                        self.piece(&m, start, p, m.label),
                        self.piece(&m, te, end, EntityType::Person),
                    ];
                }
                if te == end {
                    // "Artsakh FM": the place, and a title that is no name
                    return if self.ruled_at(start).is_some_and(|g| g.tokens.end == p) {
                        Vec::new()
                    } else {
                        vec![self.piece(&m, start, p, m.label)]
                    };
                }
            }
        }
        // "[President of the] Republic of the Philippines Rodrigo Duterte",
        // the span starting at or inside the place's name
        let place = self
            .ruled
            .get(self.ruled.partition_point(|g| g.tokens.end <= start))
            .filter(|g| g.tokens.start <= start && g.tokens.end < end);
        if let Some(g) = place.filter(|g| self.titled_place(g)) {
            if end - g.tokens.end >= 2 && self.all_capitalised(g.tokens.end, end) {
                return vec![self.piece(&m, g.tokens.end, end, EntityType::Person)];
            }
        }
        vec![m]
    }
}
