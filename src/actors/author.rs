//! Who speaks in a document: its author's state or organisation, its
//! author as a person, and the several authors of a joint statement by
//! states with no collective name (issue 13, item 2; dev conventions:
//! "a joint statement by a list of states with no collective name has each
//! state as a source"; a named formation is one group actor and the source).
//!
//! Sources, in order: the input's metadata (`institution`, `publisher`,
//! `author`, `issuer`), whose parenthesised "joint …" note or "Governments
//! of A, B and C" lists co-authors; the title line (its first person or
//! state, a formation named at its start, and for a "Joint Statement" the
//! states of the persons or states it names); the first sentence of a joint
//! statement when it opens with a list of states ("A, B and C reaffirm …",
//! "The Government of A and the Government of B, recognizing …") or a
//! header sentence lists them after "joint statement by". Without metadata
//! (as in the real evaluation) the header lines and the opening sentence
//! speak too: see `author_text.rs`.

use super::Builder;
use crate::doc::{ActorKind, ActorSpan, EntityType};
use crate::lexicon::{is_all_caps, WordClass};

/// The metadata fields that name the publisher.
// not a word list: metadata keys of the input format
const PUBLISHER_KEYS: [&str; 4] = ["institution", "publisher", "author", "issuer"];

/// How many words a gazetteer name in the metadata may have.
const MAX_NAME_WORDS: usize = 6;

impl Builder<'_> {
    /// The author's state (or organisation), person and co-authors.
    pub(super) fn find_author(&mut self) {
        self.spans
            .sort_by_key(|s| (s.tokens.start, std::cmp::Reverse(s.tokens.end)));
        let meta = &self.doc.info.meta;
        let inst = PUBLISHER_KEYS
            .iter()
            .find_map(|k| meta.get(*k).and_then(|v| v.as_str()))
            .map(str::to_string);
        if let Some(inst) = inst {
            self.author_from_metadata(&inst);
            self.author_person_from_office(&inst);
        }
        let from_meta = self.author_state.is_some();
        self.author_from_title();
        // The text's own cues need a document's shape: a title line over a
        // body. A lone sentence ("Gondor said that Mordor had …") has no
        // header, and its subject is no author.
        let titled = self.title_end() > 0;
        if titled {
            self.author_from_header(from_meta);
        }
        if self.co_authors.is_empty() && self.author_state.is_none_or(|a| !self.is_formation(a)) {
            self.co_authors_from_text();
        }
        if let Some(f) = self.formation_of_co_authors() {
            self.author_state = Some(f);
            self.co_authors.clear();
        }
        if let Some(&first) = self.co_authors.first() {
            self.author_state = Some(first);
        }
        if self.author_state.is_none() {
            self.author_state = self.author_person.and_then(|p| self.voice_of(p));
        }
        let title_end = self.title_end();
        if titled && self.author_state.is_none() {
            // (a state's voice, or an organisation the gazetteer knows: a
            // tagged "First Lady of Gondor" is no publisher)
            self.author_state = self
                .opening_subject(title_end)
                .and_then(|a| self.voice_of(a))
                .filter(|&a| self.is_state_voice(a) || self.actors[a].entry.is_some());
        }
        if titled && self.author_state.is_none() {
            self.author_state = self.dominant_state();
        }
        // an organisation of a state speaks for it ("National Security
        // Council" → its state), as an embassy does; so does the state of
        // the person who speaks for an organisation the gazetteer lacks
        if let Some(a) = self.author_state {
            if self.actors[a].kind == Some(ActorKind::Organization) {
                let by_person = self
                    .author_person
                    .and_then(|p| self.voice_of(p))
                    .filter(|&s| self.is_state_voice(s));
                self.author_state = self
                    .voice_of(a)
                    .filter(|&s| s != a)
                    .or(by_person)
                    .or(Some(a));
            }
        }
    }

    /// The header's cues (see `author_text.rs`): a delivery line or byline
    /// names the author in person, and that person's state, or the state of
    /// a headline's speaker, outranks a state the title merely names
    /// ("Independence Day of Gondor", by Rohan's minister).
    fn author_from_header(&mut self, from_meta: bool) {
        let title_end = self.title_end();
        let delivering = self.delivering_person(title_end);
        let person = delivering
            .map(|(p, _)| p)
            .or_else(|| self.byline_person(title_end));
        if self.author_person.is_none() {
            self.author_person = person;
        }
        let speaker = person.or_else(|| self.headline_speaker(title_end));
        if from_meta || !self.co_authors.is_empty() {
            return;
        }
        let state = speaker
            .and_then(|p| self.voice_of(p))
            .filter(|&s| self.is_state_voice(s))
            .or(delivering.and_then(|(_, s)| s));
        if let Some(state) = state {
            if self.author_state.is_none_or(|a| !self.is_formation(a)) {
                self.author_state = Some(state);
            }
        }
    }

    /// The actors a metadata phrase names, in order: states (an executive
    /// office for its state), organisations and formations.
    fn actors_named_in(&mut self, text: &str) -> Vec<usize> {
        let words: Vec<&str> = text
            .split(|c: char| {
                c.is_whitespace()
                    || matches!(c, ',' | '(' | ')' | ';' | ':' | '\u{2013}' | '\u{2014}')
            })
            .filter(|w| !w.is_empty())
            .collect();
        let mut found = Vec::new();
        let mut s = 0;
        while s < words.len() {
            let mut next = s + 1;
            for e in (s + 1..=(s + MAX_NAME_WORDS).min(words.len())).rev() {
                let phrase = words[s..e].join(" ");
                let bare = phrase
                    .strip_prefix("the ")
                    .or_else(|| phrase.strip_prefix("The "))
                    .unwrap_or(&phrase)
                    .to_string();
                if let Some(a) = self.named_actor(&bare) {
                    if !found.contains(&a) {
                        found.push(a);
                    }
                    next = e;
                    break;
                }
            }
            s = next;
        }
        found
    }

    /// The actor a name in metadata stands for, if the formations or the
    /// gazetteer know it.
    fn named_actor(&mut self, name: &str) -> Option<usize> {
        if let Some(f) = self.formations.lookup(name) {
            return Some(self.formation_actor(f));
        }
        let entry = self.gaz.lookup(name)?;
        match entry.label {
            EntityType::Gpe | EntityType::Norp => self.state_of(entry),
            // An executive office ("The White House") publishes for its state.
            EntityType::Org if entry.kind == "government" => self.state_of(entry),
            EntityType::Org => Some(self.actor_for_entry(entry)),
            _ => None,
        }
    }

    /// The metadata's publisher, or its co-authors: a parenthesised
    /// "(joint UK–Ukraine statement)" or "Governments of A, B and C" names
    /// several; a formation among them speaks alone.
    fn author_from_metadata(&mut self, inst: &str) {
        let lower = inst.to_lowercase();
        let mut parts: Vec<String> = Vec::new();
        if let (Some(open), Some(close)) = (inst.find('('), inst.rfind(')')) {
            if open < close && lower[open..close].contains("joint") {
                parts.push(inst[open + 1..close].to_string());
            }
            parts.push(format!("{}{}", &inst[..open], &inst[close + 1..]));
        }
        let several = lower.contains("joint") || lower.starts_with("governments");
        for part in &parts {
            let found = self.actors_named_in(part);
            if let Some(&f) = found.iter().find(|&&a| !self.actors[a].members.is_empty()) {
                self.author_state = Some(f);
                return;
            }
            if several && found.len() >= 2 {
                self.co_authors = found;
                return;
            }
        }
        self.author_state = self.actors_named_in(inst).first().copied();
    }

    /// The author in person when the publisher is an office ("Office of
    /// the President of Ukraine", "Australian Government: Minister for
    /// Foreign Affairs"): its holder at the document's date, from the dated
    /// offices, so that "I" in an address is the president or minister. A
    /// holder the text never names is listed only if an event uses them.
    fn author_person_from_office(&mut self, inst: &str) {
        if self.author_person.is_none() {
            self.author_person = self.official_of_author(inst);
        }
    }

    /// Whether the span's actor is a formation.
    pub(super) fn is_formation(&self, actor: usize) -> bool {
        !self.actors[actor].members.is_empty()
    }

    /// The title line's end: the end of the last sentence that starts on
    /// the text's first line, when a line break follows it (0 when the text
    /// has none: "They condemned Mordor." alone has no title). A title may
    /// hold several sentences ("Call of President A. B. Jr. With …").
    pub(super) fn title_end(&self) -> usize {
        let Some(nl) = self.doc.first_line_break() else {
            return 0;
        };
        let on_line = self
            .doc
            .sentences
            .iter()
            .take_while(|s| s.span.byte_start < nl)
            .last()
            .filter(|s| s.span.byte_end <= nl);
        on_line.map_or(0, |s| s.tokens.end)
    }

    /// The preposition that governs the span, past an article ("Statement
    /// on Kenya", "Joint Statement with the Prime Minister of Kenya").
    pub(super) fn governor(&self, s: &ActorSpan) -> Option<&str> {
        let mut at = s.tokens.start;
        if at > 0 && matches!(self.tok(at - 1), "the" | "a" | "an") {
            at -= 1;
        }
        let word = self.tok(at.checked_sub(1)?);
        self.lexical
            .words()
            .has(WordClass::GoverningPreposition, word)
            .then_some(word)
    }

    /// Whether a preposition that keeps an actor from being the author
    /// governs the span.
    pub(super) fn governed(&self, s: &ActorSpan) -> bool {
        self.governor(s).is_some()
    }

    /// The title line: its first person, and its first state if still
    /// unknown; a release's header names its minister in capitals.
    fn author_from_title(&mut self) {
        let title_end = self.title_end();
        let issued_by = |s: &ActorSpan| {
            let mut at = s.tokens.start;
            if at > 0 && self.tok(at - 1) == "the" {
                at -= 1;
            }
            at >= 2
                && matches!(self.tok(at - 1), "from" | "by")
                && self
                    .lexical
                    .words()
                    .has(WordClass::StatementNoun, self.tok(at - 2))
        };
        // The title's subject only: its first actor, at its start ("Foreign
        // Minister Sari Wulandari to visit Fiji": not Fiji).
        let title_start = self.doc.sentences.first().map_or(0, |s| s.tokens.start);
        let mut heads: Vec<usize> = self
            .spans
            .iter()
            .filter(|s| s.tokens.start < title_end)
            .filter(|s| issued_by(s) || !self.governed(s) && s.tokens.start <= title_start + 3)
            .take(1)
            .map(|s| s.actor)
            .collect();
        // A release's header names its minister in capitals ("MEDIA RELEASE /
        // MINISTER FOR FOREIGN AFFAIRS / ALEXANDER DOWNER").
        let header_end = self.doc.sentences.get(4).map_or(0, |s| s.tokens.start);
        heads.extend(
            self.spans
                .iter()
                .filter(|s| {
                    s.tokens.start < header_end
                        && self.actors[s.actor].kind == Some(ActorKind::Person)
                        && is_all_caps(
                            self.doc
                                .span_text(self.doc.token_span(s.tokens.start, s.tokens.end - 1)),
                        )
                })
                .map(|s| s.actor),
        );
        if let Some(f) = self.title_formation(title_end) {
            heads.insert(0, f);
        }
        for actor in heads {
            match self.actors[actor].kind {
                Some(ActorKind::Person) if self.author_person.is_none() => {
                    self.author_person = Some(actor)
                }
                // (an organisation only when the gazetteer knows it: a
                // headline's tagged name is no author, "Sanctioning a
                // Procurement Network …")
                Some(ActorKind::Group) if self.is_formation(actor) => {
                    self.author_state = Some(actor)
                }
                Some(ActorKind::State) if self.author_state.is_none() => {
                    self.author_state = Some(actor)
                }
                Some(ActorKind::Organization)
                    if self.author_state.is_none() && self.actors[actor].entry.is_some() =>
                {
                    self.author_state = Some(actor)
                }
                _ => {}
            }
        }
    }

    /// A formation whose statement, communiqué or declaration the title
    /// is ("Quad Leaders' Joint Statement", "Communiqué of the G7 Foreign
    /// Ministers"), even where a longer name covers it and so no span was
    /// made: the dev conventions make the formation the source. The issuer
    /// comes first: after a person ("Statement by the National Security
    /// Advisor … Congratulating Quad Fellows") or a preposition other than
    /// "of", "by" or "from" ("… on the Quad Summit", "to Mark a Year of
    /// AUKUS", "In Paris, advisers to the leaders of the Normandy Four …")
    /// a formation is the topic.
    fn title_formation(&mut self, title_end: usize) -> Option<usize> {
        let words = self.lexical.words();
        let end = title_end.min(self.doc.tokens.len());
        (0..end).find(|&i| words.has(WordClass::JointDocumentNoun, self.tok(i)))?;
        let mut i = 0;
        while i < end {
            let topic_follows = words.has(WordClass::GoverningPreposition, self.tok(i))
                && !matches!(self.tok(i), "of" | "by" | "from");
            let person = self.spans.iter().any(|s| {
                s.tokens.start == i && self.actors[s.actor].kind == Some(ActorKind::Person)
            });
            // (an official's title over a name the tagger missed: "by
            // National Security Advisor Ilse Varga"; "the Foreign Ministers
            // of the G7" names the formation's own)
            let official = self
                .titles
                .longest_at(&self.lower, &self.raw, i, end)
                .is_some_and(|t| t.end < end && self.tok(t.end) != "of");
            if topic_follows || person || official {
                return None;
            }
            if let Some((f, _)) = self.formation_named_at(i, end) {
                return Some(self.formation_actor(f));
            }
            i += 1;
        }
        None
    }

    /// The formation whose members the co-authors are, all of them, when
    /// the text names it ("Joint Statement from the Leaders of A, B, C and
    /// D" … "the Quad remains committed"): the list has a collective name,
    /// so the formation speaks (dev conventions). A text that never names
    /// one keeps its states as authors, and so does a readout of their
    /// meeting ("A, B and C held talks …" under a title with no statement).
    fn formation_of_co_authors(&self) -> Option<usize> {
        let words = self.lexical.words();
        let end = self.title_end().min(self.doc.tokens.len());
        let statement = (0..end).any(|i| words.has(WordClass::JointDocumentNoun, self.tok(i)));
        if self.co_authors.len() < 3 || !statement {
            return None;
        }
        let mut listed: Vec<&str> = self
            .co_authors
            .iter()
            .filter_map(|&a| self.actors[a].country.as_deref())
            .collect();
        listed.sort_unstable();
        listed.dedup();
        self.spans.iter().map(|s| s.actor).find(|&a| {
            let mut members: Vec<&str> =
                self.actors[a].members.iter().map(String::as_str).collect();
            members.sort_unstable();
            self.is_formation(a) && members == listed
        })
    }

    /// A joint statement's co-authors from its text: the states of the
    /// persons and the states (and known organisations) its title names
    /// ("Joint Statement by the Prime Minister of A and the President of
    /// B"), else those a header sentence lists after "joint statement by",
    /// else a run of states in its first sentence ("A, B and C reaffirm …",
    /// "The Government of A and the Government of B, recognizing …"). Persons
    /// of one state alone make that state the author.
    fn co_authors_from_text(&mut self) {
        let title_end = self.title_end();
        let title_words = title_end.min(self.doc.tokens.len());
        let joint_title = (0..title_words).any(|i| self.tok(i) == "joint");
        let listed = self.joint_by_list(title_end);
        if listed.len() >= 2 {
            self.co_authors = listed;
            return;
        }
        if !joint_title {
            return;
        }
        let mut states: Vec<usize> = Vec::new();
        let title_spans: Vec<ActorSpan> = self
            .spans
            .iter()
            .filter(|s| s.tokens.start < title_end)
            .cloned()
            .collect();
        for s in &title_spans {
            let kind = self.actors[s.actor].kind;
            // ("Joint Statement with the Prime Minister of A": A is the
            // other party, not the one who speaks)
            let take = matches!(
                kind,
                Some(ActorKind::Person | ActorKind::State | ActorKind::Organization)
            ) && matches!(self.governor(s), None | Some("of" | "by" | "from"));
            if let Some(a) = take.then(|| self.co_author_of(s.actor)).flatten() {
                if !states.contains(&a) {
                    states.push(a);
                }
            }
        }
        if states.len() == 1 && self.author_state.is_none() {
            self.author_state = states.first().copied();
        }
        if states.len() < 2 {
            let first = self
                .doc
                .sentences
                .iter()
                .find(|s| s.tokens.start >= title_end)
                .map(|s| s.tokens.clone());
            states = first.map(|r| self.state_run(r)).unwrap_or_default();
        }
        if states.len() >= 2 {
            self.co_authors = states;
        }
    }
}
