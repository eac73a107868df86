//! The `events` stage: a lexicon-driven event coder.
//!
//! 1. Triggers: the patterns of `models/events/patterns.tsv` matched over
//!    each sentence's tokens (outside entity names), longest first.
//! 2. Arguments, from the actor spans of the `actors` stage: the source is
//!    the clause subject (the nearest actor before the trigger that no
//!    preposition governs, with its coordinated siblings: "the United
//!    States and Armenia"); the agent after "by" for passives and
//!    nominalisations; the possessor or modifier of a nominalisation
//!    ("Iran's attack", "Houthi attacks"); the document's author for
//!    first-person and author-voice clauses. The target is the first actor
//!    after the trigger in the clause (after the pattern's prepositions),
//!    with its coordinated siblings.
//! 3. Status from `models/events/cues.tsv` (negation, conditionals and
//!    modals, reporting) and from requests: what a request asks for is
//!    `called_for`, and a negated called-for action is not coded at all.
//! 4. One event per (type, source, target, status) in a document; events
//!    without a source are dropped.

pub mod lexicon;
pub mod pattern;
mod refine;
mod speech;
#[cfg(test)]
mod tests;
mod tree;
pub mod triggers;
pub mod validate;
mod when;

use crate::doc::{ActorKind, ActorRef, Doc, EntityType, EventRef, EventStatus, RefKind};
use crate::doc::{Coverage, DocWords, FormKind, Layer, PloverType};
use crate::lexicon::{WordClass, WordClasses};
use crate::pipeline::{Contract, Revision, Stage};
use lexicon::{EventLexicon, PatternDef};
use pattern::is_clause_punct;

/// How far after a condemnation the action it condemns may start
/// ("condemns in the strongest terms the launch of …").
const AGENTOF_REACH: usize = 6;

/// How far back from a trigger ", who" may open the relative clause it is in.
const RELATIVE_REACH: usize = 25;

/// The actor `a` belongs to (a person's state, an organisation's parent).
fn affiliation(doc: &Doc, a: usize) -> Option<usize> {
    doc.actors.get(a).and_then(|x| x.affiliation)
}

/// Tokens before and after a trigger that its arguments may come from.
const MAX_REACH: usize = 150;

fn is_participle(classes: &WordClasses, w: &str) -> bool {
    w.ends_with("ed") || w.ends_with("en") || classes.has(WordClass::IrregularParticiple, w)
}

/// A lower-case adjective-like word inside a noun phrase ("nuclear",
/// "large-scale").
fn is_modifier(classes: &WordClasses, w: &str) -> bool {
    w.chars().all(|c| c.is_lowercase() || c == '-') && !classes.has(WordClass::Preposition, w)
}

fn is_dash(w: &str) -> bool {
    matches!(w, "—" | "–" | "--")
}

/// A veto word: exact, or a stem ending in `*`.
fn veto_matches(veto: &[String], w: &str) -> bool {
    veto.iter().any(|v| match v.strip_suffix('*') {
        Some(stem) => w.starts_with(stem),
        None => v == w,
    })
}

/// The `events` stage.
pub struct EventStage {
    lexicon: EventLexicon,
}

impl EventStage {
    /// A stage over a lexicon.
    pub fn new(lexicon: EventLexicon) -> EventStage {
        EventStage { lexicon }
    }

    /// The lexicon.
    pub fn lexicon(&self) -> &EventLexicon {
        &self.lexicon
    }
}

impl Stage for EventStage {
    fn name(&self) -> &'static str {
        "events"
    }

    fn contract(&self) -> Contract {
        Contract::new(
            &[
                Layer::Info,
                Layer::Tokens,
                Layer::Sentences,
                Layer::Entities,
                Layer::Dates,
                Layer::Agreements,
                Layer::Actors,
                Layer::Syntax,
            ],
            &[Layer::Events],
        )
        .revising(&[Revision {
            layer: Layer::Actors,
            why: "adds the group a request addresses when no actor names it \
                      ('calls on the parties'), and marks the actors the record lists",
        }])
    }

    fn process(&self, doc: &mut Doc) {
        if std::env::var_os("ATTACHE_OLD_CODER").is_some() {
            code(doc, &self.lexicon);
        } else {
            tree::code(doc, &self.lexicon);
        }
    }
}

struct Trigger {
    pattern: usize,
    start: usize,
    end: usize,
    sentence: usize,
}

struct Ctx<'a> {
    doc: &'a Doc,
    /// The document's tokens as patterns see them.
    words: DocWords<'a>,
    /// The word classes (`models/words.tsv`).
    classes: &'a WordClasses,
    /// Token → the first actor span starting there, and the first covering it.
    spans: Coverage,
    /// Token → part of a speech verb ("said", "stressed").
    in_speech: Vec<bool>,
}

impl Ctx<'_> {
    fn tok(&self, i: usize) -> &str {
        self.doc.norm(i)
    }

    fn is_boundary(&self, i: usize) -> bool {
        is_clause_punct(self.tok(i))
    }

    /// Actor spans (indices) that end at or before `i`, nearest first.
    fn spans_before(&self, i: usize, lo: usize) -> impl Iterator<Item = usize> + '_ {
        let spans = &self.doc.actor_spans;
        let upto = spans.partition_point(|s| s.tokens.start < i);
        // sorted by start: going back, stop at the first before `lo`
        (0..upto)
            .rev()
            .take_while(move |&k| spans[k].tokens.start >= lo)
            .filter(move |&k| spans[k].tokens.end <= i)
    }

    /// The word before token `i`, skipping "the".
    fn word_before(&self, i: usize) -> &str {
        if i == 0 {
            return "";
        }
        let w = self.tok(i - 1);
        if matches!(w, "the" | "a" | "an") && i >= 2 {
            self.tok(i - 2)
        } else {
            w
        }
    }

    /// All spans with exactly this range (a pair reference has two).
    fn same_range(&self, k: usize) -> Vec<usize> {
        // spans are sorted by start: look only at those starting here
        let spans = &self.doc.actor_spans;
        let r = &spans[k].tokens;
        let from = spans.partition_point(|s| s.tokens.start < r.start);
        (from..spans.len())
            .take_while(|&j| spans[j].tokens.start == r.start)
            .filter(|&j| spans[j].tokens == *r)
            .collect()
    }

    /// The actors of span `k` and those coordinated before it
    /// ("X, Y and Z" ending at `k`).
    fn coordinated_left(&self, k: usize) -> Vec<usize> {
        let mut out: Vec<usize> = self.same_range(k);
        let mut start = self.doc.actor_spans[k].tokens.start;
        let mut first = true;
        loop {
            let mut j = start;
            let mut and = false;
            let mut comma = false;
            while j > 0 && matches!(self.tok(j - 1), "and" | "," | "the") {
                and |= self.tok(j - 1) == "and";
                comma |= self.tok(j - 1) == ",";
                j -= 1;
            }
            // The link nearest the head is "and" ("X, Y and Z"); a comma
            // alone there is an apposition or a fronted phrase.
            if !(and || comma && !first) || j == 0 {
                break;
            }
            match self.spans.covering(j - 1) {
                Some(prev) if self.doc.actor_spans[prev].tokens.end == j => {
                    out.extend(self.same_range(prev));
                    start = self.doc.actor_spans[prev].tokens.start;
                    first = false;
                }
                _ => break,
            }
        }
        // in the order of the text: the first-named first
        out.sort_by_key(|&k| self.doc.actor_spans[k].tokens.start);
        out
    }

    /// The actors of span `k` and those coordinated after it.
    fn coordinated_right(&self, k: usize) -> Vec<usize> {
        let mut out: Vec<usize> = self.same_range(k);
        let mut pending: Vec<usize> = Vec::new();
        let mut end = self.doc.actor_spans[k].tokens.end;
        loop {
            let mut j = end;
            let mut and = false;
            let mut comma = false;
            while matches!(self.tok(j), "and" | "," | "the") {
                and |= self.tok(j) == "and";
                comma |= self.tok(j) == ",";
                j += 1;
            }
            if !(and || comma) {
                break;
            }
            // "… and we re-established": a pronoun after "and" starts a clause
            let next = self
                .spans
                .starting_at(j)
                .filter(|&k| self.doc.actor_spans[k].how != RefKind::Pronoun);
            match next {
                Some(next) => {
                    pending.extend(self.same_range(next));
                    // Comma-joined items count once the list ends in "and".
                    if and {
                        out.append(&mut pending);
                    }
                    end = self.doc.actor_spans[next].tokens.end;
                }
                // "X, Y, and many others": the named items count.
                None if and => {
                    out.append(&mut pending);
                    break;
                }
                None => break,
            }
        }
        out
    }

    fn actors_of(&self, spans: &[usize]) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for &k in spans {
            let a = self.doc.actor_spans[k].actor;
            if !out.contains(&a) {
                out.push(a);
            }
        }
        out
    }

    /// The clause subject of a trigger starting at `t`: the nearest actor
    /// span before it that no preposition governs; and whether it was found
    /// only after "of" or "from" (a weaker guess).
    fn subject_governed(&self, t: usize, lo: usize) -> Option<(usize, bool)> {
        // "The foreign ministers of Gondor met …": an actor after "of" or
        // "from" is the subject when no ungoverned one precedes it.
        let mut fallback = None;
        // "… Mauro Vieira, who is on an official visit to China": the
        // relative clause's subject is what the comma follows, an actor or
        // none ("the gang violence, which has killed …").
        // (The clause may start at the relative pronoun: the antecedent is
        // looked for back to the sentence's start.)
        let sentence_start = self
            .doc
            .sentences
            .get(self.doc.sentence_of_token(t))
            .map_or(0, |s| s.tokens.start);
        let relative = (lo.max(t.saturating_sub(RELATIVE_REACH))..t)
            .rev()
            .find(|&i| {
                i > sentence_start
                    && matches!(self.tok(i), "who" | "which")
                    && self.tok(i - 1) == ","
            });
        let antecedent = |who: usize| {
            // (a place after "in" is where the antecedent was: "the
            // violence in Port-au-Prince, which has killed …")
            self.spans_before(who - 1, sentence_start)
                .find(|&a| self.doc.actor_spans[a].tokens.end == who - 1)
                .filter(|&a| {
                    let before = self.word_before(self.doc.actor_spans[a].tokens.start);
                    !matches!(before, "in" | "at" | "near")
                })
                .map(|a| (a, false))
        };
        // "The interlocutors discussed cooperation within the UN, the OSCE
        // and the Council of Europe, and agreed to …": a verb right after
        // ", and" shares the sentence's subject, not the list before it.
        if t >= 2 && self.tok(t - 1) == "and" && self.tok(t - 2) == "," {
            let spans = &self.doc.actor_spans;
            let from = spans.partition_point(|s| s.tokens.start < sentence_start);
            let first = (from..spans.len())
                .take_while(|&k| spans[k].tokens.end <= t)
                .find(|&k| {
                    !self.classes.has(
                        WordClass::Preposition,
                        self.word_before(spans[k].tokens.start),
                    )
                });
            // (the last of the subject's coordination, as a clause
            // subject found going back would be)
            if let Some(k) = first {
                return Some((
                    self.coordinated_right(k).last().copied().unwrap_or(k),
                    false,
                ));
            }
        }
        // "Kamikawa, who was visiting Rio to attend the G20 meeting, held
        // talks with …": after the relative clause's closing comma the
        // main clause's subject is the antecedent again.
        if let Some(who) = relative.filter(|&who| (who + 1..t).any(|i| self.tok(i) == ",")) {
            return antecedent(who);
        }
        if let Some(who) = relative.filter(|&who| who <= lo + 1) {
            // nothing of the clause before the pronoun to search
            if self
                .spans_before(t, lo)
                .all(|k| self.doc.actor_spans[k].tokens.end < who)
            {
                return antecedent(who);
            }
        }
        for k in self.spans_before(t, lo) {
            let s = &self.doc.actor_spans[k];
            if let Some(who) = relative.filter(|&who| s.tokens.end < who) {
                return antecedent(who);
            }
            // Crossing a semicolon ends the clause, and so does a speech
            // verb with "that" ("He emphasised that …": he is the speaker).
            if (s.tokens.end..t).any(|i| {
                matches!(self.tok(i), ";" | ":")
                    || self.in_speech[i] && matches!(self.tok(i + 1), "that" | ":")
            }) {
                break;
            }
            // An aside between dashes is not the subject ("U.S. forces—
            // together with the United Kingdom—conducted strikes").
            // (A trigger inside the aside takes its subject from outside.)
            let dashes = |r: std::ops::Range<usize>| r.filter(|&i| is_dash(self.tok(i))).count();
            if dashes(s.tokens.end..t) % 2 == 1 && dashes(lo..t) % 2 == 0 {
                continue;
            }
            // So is one in brackets ("asylum seekers (17 from Nauru) who arrived").
            let closes = (s.tokens.end..t).filter(|&i| self.tok(i) == ")").count();
            let opens = (s.tokens.end..t).filter(|&i| self.tok(i) == "(").count();
            if closes > opens {
                continue;
            }
            let before = self.word_before(s.tokens.start);
            // the object of a verb in the past ("endangered U.S. personnel")
            if before.len() > 4 && before.ends_with("ed") {
                continue;
            }
            if self.classes.has(WordClass::Preposition, before) {
                if fallback.is_none() && matches!(before, "of" | "from") {
                    fallback = Some((k, true));
                }
                continue;
            }
            return Some((k, false));
        }
        fallback
    }

    /// The agent after "by" within a few tokens of `from`.
    fn by_agent(&self, from: usize, end: usize, reach: usize) -> Option<usize> {
        let mut i = from;
        while i < end && i < from + reach {
            if self.is_boundary(i) {
                return None;
            }
            if self.tok(i) == "by" {
                // "assistance to people affected by the conflict": the
                // participle of another noun takes the agent
                // (a list of participles is the trigger's own: "arrested,
                // beaten or deported by")
                let participle = i > from + 1 && {
                    let w = self.tok(i - 1);
                    // (not is_participle: "-en" would take "fishermen")
                    let verbal = |w: &str| {
                        w.len() > 4 && w.ends_with("ed")
                            || self.classes.has(WordClass::IrregularParticiple, w)
                    };
                    verbal(w)
                        && !(from..i - 1).all(|k| {
                            matches!(self.tok(k), "," | "or" | "and") || verbal(self.tok(k))
                        })
                };
                if participle {
                    return None;
                }
                let mut j = i + 1;
                // "by a Burmese Government-sponsored group": skip a few words.
                while j < end
                    && j < i + 4
                    && self.spans.starting_at(j).is_none()
                    && !self.is_boundary(j)
                {
                    j += 1;
                }
                let mut found = self.spans.starting_at(j);
                // The head comes last: "by a Burmese Government-sponsored
                // Karen splinter group".
                while let Some(k) = found {
                    let mut e = self.doc.actor_spans[k].tokens.end;
                    let mut skipped = 0;
                    while e < end
                        && skipped < 2
                        && self.spans.starting_at(e).is_none()
                        && self.tok(e).contains('-')
                    {
                        e += 1;
                        skipped += 1;
                    }
                    match self.spans.starting_at(e) {
                        Some(next) if e < end => found = Some(next),
                        _ => break,
                    }
                }
                return found;
            }
            i += 1;
        }
        None
    }

    /// Actors after "together with" between a subject and its verb.
    fn together_with(&self, from: usize, to: usize) -> Vec<usize> {
        let mut i = from;
        while i + 1 < to {
            if self.tok(i) == "together" && self.tok(i + 1) == "with" {
                let j = if self.tok(i + 2) == "the" {
                    i + 3
                } else {
                    i + 2
                };
                if let Some(k) = self.spans.starting_at(j) {
                    return self.actors_of(&self.coordinated_right(k));
                }
            }
            i += 1;
        }
        Vec::new()
    }

    /// The first actor span after `from` (within the clause and `reach`
    /// tokens), after one of `preps` when given.
    fn object(
        &self,
        from: usize,
        end: usize,
        reach: usize,
        preps: &[String],
        exclude: &[usize],
    ) -> Option<usize> {
        let mut i = from;
        // where one of `preps` was passed: an actor after "of" or "from"
        // within its noun phrase counts ("sanctions on twelve officials of
        // Mordor", "restrictions on imports from Dale")
        let mut prep_at: Option<usize> = None;
        let fronted = self.fronted_clause_end(from);
        while i < end && i < from + reach {
            if self.is_boundary(i)
                || Some(i) == fronted
                || self.speech_clause_at(i)
                || self.next_clause_at(i)
            {
                return None;
            }
            if preps.iter().any(|p| p == self.tok(i)) {
                prep_at = Some(i);
            }
            if let Some(k) = self.spans.starting_at(i) {
                let own = exclude.contains(&self.doc.actor_spans[k].actor);
                let before = self.word_before(i);
                let in_np = prep_at.is_some_and(|p| i - p <= 6) && matches!(before, "of" | "from");
                // with no preposition asked for, "in Moscow" or "at the
                // UN" right after the trigger (not its own "in": "arrived
                // in") says where, not to whom ("met in Moscow with X")
                let prep_index = if matches!(self.tok(i - 1), "the" | "a" | "an") {
                    i.saturating_sub(2)
                } else {
                    i - 1
                };
                let location =
                    preps.is_empty() && matches!(before, "in" | "at") && prep_index == from;
                if !own
                    && !location
                    && (preps.is_empty() || preps.iter().any(|p| p == before) || in_np)
                {
                    return Some(k);
                }
                i = self.doc.actor_spans[k].tokens.end;
                continue;
            }
            i += 1;
        }
        None
    }

    /// A request's object that names an action of an actor ("demand the
    /// disarmament of the Defence Army"): the actor, whom the request
    /// addresses. At most two words between the article and "of".
    fn action_of_object(&self, from: usize, end: usize) -> Option<usize> {
        let mut i = from;
        if matches!(self.tok(i), "the" | "a" | "an") {
            i += 1;
        }
        let noun = i;
        while i < end && i < noun + 2 && self.tok(i) != "of" && self.spans.starting_at(i).is_none()
        {
            if self.is_boundary(i) || !self.tok(i).chars().all(char::is_alphabetic) {
                return None;
            }
            i += 1;
        }
        if i == noun || self.tok(i) != "of" {
            return None;
        }
        i += 1;
        if self.tok(i) == "the" {
            i += 1;
        }
        self.spans.starting_at(i)
    }

    /// The comma that ends a fronted subordinate clause ("If Umbar rejects
    /// the proposal, Gondor will …") when `from` lies in it.
    fn fronted_clause_end(&self, from: usize) -> Option<usize> {
        let sent = self.doc.sentences.get(self.doc.sentence_of_token(from))?;
        let lo = sent.tokens.start;
        if !self.classes.has(WordClass::Subordinator, self.tok(lo)) {
            return None;
        }
        (lo..sent.tokens.end)
            .take(MAX_REACH)
            .find(|&i| self.tok(i) == ",")
            .filter(|&c| c >= from)
    }

    /// ", and NATO welcomed …": a comma and a conjunction before a new
    /// subject start another clause.
    fn next_clause_at(&self, i: usize) -> bool {
        if self.tok(i) != "," || !matches!(self.tok(i + 1), "and" | "but" | "while" | "whereas") {
            return false;
        }
        let j = if self.tok(i + 2) == "the" {
            i + 3
        } else {
            i + 2
        };
        self.spans.starting_at(j).is_some()
    }

    /// A comma that starts a trailing speech clause (", the Ministry of
    /// Defence stated").
    fn speech_clause_at(&self, i: usize) -> bool {
        self.tok(i) == ","
            && (i + 1..i + 8).any(|j| self.in_speech.get(j).copied().unwrap_or(false))
            && !(i + 1..i + 8).any(|j| matches!(self.tok(j), "," | "and" | "to"))
    }
}

/// Codes the events of a processed document (actors must be there).
pub fn code(doc: &mut Doc, lex: &EventLexicon) {
    let n = doc.tokens.len();
    let spans = Coverage::new(n, doc.actor_spans.iter().map(|s| s.tokens.clone()));
    // Triggers may not reach into names, except named events ("launched
    // Operation Prosperity Guardian").
    let names = doc.entities.iter().filter(|m| m.label != EntityType::Event);
    let names = Coverage::new(n, names.map(|m| m.tokens.clone()));
    let in_name = |i: usize| names.covers(i, false);
    let words = doc.words(FormKind::Norm);
    let in_speech = speech::mark_speech(&words, lex);
    let ctx = Ctx {
        doc,
        words,
        classes: &lex.words,
        spans,
        in_speech,
    };

    // 1. Triggers.
    let mut triggers: Vec<Trigger> = Vec::new();
    let mut cands = Vec::new();
    for (si, sent) in doc.sentences.iter().enumerate() {
        let end = sent.tokens.end.min(n);
        let mut i = sent.tokens.start;
        while i < end {
            if in_name(i) || !ctx.tok(i).starts_with(|c: char| c.is_alphabetic()) {
                i += 1;
                continue;
            }
            lex.index.candidates(ctx.tok(i), &mut cands);
            let mut best: Option<(usize, usize, usize)> = None; // (end, weight, pattern)
            for &p in &cands {
                let def = &lex.patterns[p];
                if let Some(e) = def.pattern.match_at(&ctx.words, i, end) {
                    if in_name(e - 1) && e > i + 1 {
                        // a multi-word trigger may not end in a name (a gap
                        // may pass over one: "designating five Iranian
                        // individuals for sanctions")
                        continue;
                    }
                    let w = def.pattern.weight();
                    if best.is_none_or(|(be, bw, _)| e > be || (e == be && w > bw)) {
                        best = Some((e, w, p));
                    }
                }
            }
            match best {
                Some((e, _, p)) => {
                    triggers.push(Trigger {
                        pattern: p,
                        start: i,
                        end: e,
                        sentence: si,
                    });
                    i = e;
                }
                None => i += 1,
            }
        }
    }

    let mut in_trigger = vec![false; n];
    for t in &triggers {
        for slot in in_trigger.iter_mut().take(t.end.min(n)).skip(t.start) {
            *slot = true;
        }
    }

    let in_speech = &ctx.in_speech;
    let mut in_date = vec![false; n];
    for d in &doc.dates {
        for slot in in_date
            .iter_mut()
            .take(d.tokens.end.min(n))
            .skip(d.tokens.start)
        {
            *slot = true;
        }
    }

    // The document's voice: its author, in person when it speaks as "I".
    let first_person = (0..n).any(|i| matches!(ctx.tok(i), "i" | "my"));
    let voice = if first_person {
        doc.author_person.or(doc.author)
    } else {
        doc.author.or(doc.author_person)
    };

    let quotes = speech::quotes(&ctx, lex);
    // Per sentence, looked up per trigger: its dates and first place.
    // (byte spans of agreement mentions, and whether each is a name)
    let agreement_spans: Vec<(usize, usize, bool)> = doc
        .agreements
        .iter()
        .flat_map(|a| a.mentions.iter())
        .map(|m| (m.span.byte_start, m.span.byte_end, m.named))
        .collect();
    let dates_in = when::sentence_dates(doc, ctx.classes);
    let place_in = when::sentence_places(doc);
    let mut last_sender: Option<usize> = None;
    let is_person = |a: usize| {
        doc.actors
            .get(a)
            .is_some_and(|x| x.kind == Some(ActorKind::Person))
    };

    // 2. Request complements: token ranges whose triggers are called for.
    let mut complements: Vec<(std::ops::Range<usize>, Option<usize>)> = Vec::new();

    let mut events: Vec<EventRef> = Vec::new();
    let mut new_groups: Vec<ActorRef> = Vec::new();
    let base_actors = doc.actors.len();
    // A trigger inside an instrument's name ("Programme of Cooperation
    // between …", "Memorandum of Cooperation") names the instrument.
    let inside_a_name = |at: usize| {
        agreement_spans
            .iter()
            .any(|&(s, e, named)| named && s <= at && at < e)
    };
    for trig in &triggers {
        let b0 = doc.tokens[trig.start].span.byte_start;
        if inside_a_name(b0) {
            continue;
        }
        let def: &PatternDef = &lex.patterns[trig.pattern];
        let sent = &doc.sentences[trig.sentence];
        // A clause never reaches further than this around its trigger, which
        // also bounds every search on run-on "sentences" of scraped text.
        let lo = sent.tokens.start.max(trig.start.saturating_sub(MAX_REACH));
        let hi = sent.tokens.end.min(n).min(trig.end + MAX_REACH);
        // "have been persecuted, killed or executed": back over the list.
        let mut aux = trig.start;
        while aux > lo + 1
            && matches!(ctx.tok(aux - 1), "," | "or" | "and")
            && is_participle(ctx.classes, ctx.tok(aux - 2))
        {
            aux -= 2;
        }
        // "is prepared to", "is committed to": adjectives, not passives
        let passive = is_participle(ctx.classes, ctx.tok(trig.start))
            && ctx.tok(trig.end - 1) != "to"
            && (aux > lo && ctx.classes.has(WordClass::PassiveAuxiliary, ctx.tok(aux - 1))
                // a reduced relative: "the agreements signed by X"
                || ctx.tok(trig.end) == "by"
                    && aux > lo
                    && ctx.spans.covering(aux - 1).is_none()
                    && ctx.tok(aux - 1).chars().all(char::is_lowercase)
                || aux > lo + 1
                    && ctx.classes.has(WordClass::PassiveAuxiliary, ctx.tok(aux - 2))
                    && ctx.tok(aux - 1).ends_with("ly"));
        if def.flags.verb
            && trig.start > lo
            && ctx
                .classes
                .has(WordClass::Determiner, ctx.tok(trig.start - 1))
        {
            continue;
        }
        if !def.flags.veto.is_empty() {
            let before = trig.start.saturating_sub(4).max(lo)..trig.start;
            let after = trig.end..(trig.end + 3).min(hi);
            if before
                .chain(after)
                .any(|i| veto_matches(&def.flags.veto, ctx.tok(i)))
            {
                continue;
            }
        }

        // Sources.
        let mut sources: Vec<usize> = Vec::new();
        let mut explicit_source = false;
        let mut between_targets: Option<Vec<usize>> = None;
        if def.flags.between {
            if let Some(k) = ctx.object(trig.end, hi, 6, &[], &[]) {
                let parties = ctx.actors_of(&ctx.coordinated_right(k));
                if let Some((&first, rest)) = parties.split_first() {
                    sources = vec![first];
                    explicit_source = true;
                    if !rest.is_empty() {
                        between_targets = Some(rest.to_vec());
                    } else {
                        // "the visit of X to Y"
                        let end = ctx.doc.actor_spans[k].tokens.end;
                        between_targets = Some(
                            ctx.object(end, hi, 4, &def.flags.tgt_preps, &sources)
                                .map(|t| ctx.actors_of(&ctx.coordinated_right(t)))
                                .unwrap_or_default(),
                        );
                    }
                }
            }
        }
        // A verb used as a noun after a possessive ("the Minister's first
        // visit") takes its source from the possessor too.
        let possessive =
            (trig.start.saturating_sub(3).max(lo)..trig.start).any(|i| matches!(ctx.tok(i), "'s"));
        // After an article the trigger is a noun ("a visit to …"): its
        // source is a possessor or an agent, not the clause subject.
        // (Only after a preposition or a clause break: "During the visit",
        // "; a visit to"; "issued an ultimatum" keeps its subject.)
        let noun_use = trig.start > lo + 1
            && matches!(
                ctx.tok(trig.start - 1),
                "a" | "an" | "the" | "this" | "these"
            )
            && {
                let w = ctx.tok(trig.start - 2);
                ctx.classes.has(WordClass::Preposition, w)
                    || matches!(w, ";" | ":" | "," | "during")
            }
            || trig.start == lo + 1 && matches!(ctx.tok(lo), "a" | "an" | "the" | "this");
        let nom = def.flags.nom || noun_use;
        if sources.is_empty() && (nom || possessive) && !passive {
            // possessor or modifier right before: "Iran's recent missile attack"
            let mut j = trig.start;
            let mut steps = 0;
            while j > lo && steps < 4 && trig.start - j < 10 {
                let w = ctx.tok(j - 1);
                if let Some(k) = ctx.spans.covering(j - 1) {
                    if ctx.doc.actor_spans[k].tokens.end == j {
                        sources = ctx.actors_of(&ctx.coordinated_left(k));
                        explicit_source = true;
                    }
                    break;
                }
                // another trigger or a speech verb is a verb: "X condemns
                // recent attacks", "the Prime Minister said negotiations"
                if in_trigger[j - 1] || in_speech[j - 1] {
                    break;
                }
                // "commended Qatar for its mediation": the actor named last
                if matches!(w, "its" | "their") {
                    if let Some(k) = ctx.spans_before(j - 1, lo).next() {
                        sources = vec![ctx.doc.actor_spans[k].actor];
                        explicit_source = true;
                    }
                    break;
                }
                if w == "'s"
                    || w.chars().all(|c| c.is_lowercase() || c.is_ascii_digit() || c == '-')
                        // "Azerbaijan's more than 5-month-long blockade"
                        && (!ctx.classes.has(WordClass::Preposition, w) || w == "than")
                        && !ctx.classes.has(WordClass::NotModifierWord, w)
                {
                    j -= 1;
                    // plain words may be verbs ("will not tolerate attacks"):
                    // at most three; "'s", "more than", "5-month-long" are free
                    if !(w == "'s"
                        || matches!(w, "more" | "than")
                        || w.contains('-')
                        || w.chars().any(|c| c.is_ascii_digit()))
                    {
                        steps += 1;
                    }
                    continue;
                }
                break;
            }
        }
        // "the withdrawal of Rohirric forces", "a build-up of Rhunic forces":
        // the actor after the nominalisation's own "of" acts (flag `ofagent`).
        if sources.is_empty() && def.flags.ofagent && ctx.tok(trig.end - 1) == "of" {
            if let Some(k) = ctx.spans.starting_at(trig.end).or_else(|| {
                // "the withdrawal of the forces of X"
                ctx.object(trig.end, hi, 4, &[], &[])
                    .filter(|&k| ctx.word_before(ctx.doc.actor_spans[k].tokens.start) == "of")
            }) {
                sources = ctx.actors_of(&ctx.coordinated_right(k));
                explicit_source = true;
            }
        }
        // "conducted a nuclear test", "launched a military operation": a
        // nominalisation performed by the clause subject.
        // (the light verb is looked for at each step back: the tokens are
        // lower-cased, so a verb or a name would pass for a modifier)
        let performed = nom && {
            let mut j = trig.start;
            let mut found = false;
            while j > lo && trig.start - j < 5 {
                let w = ctx.tok(j - 1);
                if lex.perform.contains(w) {
                    found = true;
                    break;
                }
                if !(ctx.classes.has(WordClass::Determiner, w) || is_modifier(ctx.classes, w)) {
                    break;
                }
                j -= 1;
            }
            found
        };
        if sources.is_empty() && (nom || passive) {
            if let Some(k) = ctx.by_agent(trig.end, hi, 5) {
                sources = ctx.actors_of(&ctx.coordinated_right(k));
                explicit_source = true;
            }
        }
        let mut subject_span = None;
        let mut weak_subject = false;
        // "Fornost was shelled by Mordor": the subject is the patient.
        let mut patient = None;
        if passive && aux > lo {
            // right before its auxiliary ("Fornost was shelled", "envoys of
            // Arnor were reportedly arrested"), not a modifier ("the BRICS
            // summit to be hosted by")
            let aux_at = (lo..aux)
                .rev()
                .find(|&i| ctx.classes.has(WordClass::PassiveAuxiliary, ctx.tok(i)));
            patient = ctx
                .subject_governed(trig.start, lo)
                .map(|(k, _)| k)
                .filter(|&k| {
                    aux_at.is_some_and(|a| {
                        let e = ctx.doc.actor_spans[k].tokens.end;
                        // "Two Rohirric journalists were arrested"
                        e <= a
                            && a - e <= 2
                            && (e..a).all(|i| {
                                let w = ctx.tok(i);
                                w.chars().all(char::is_lowercase)
                                    && !ctx.classes.has(WordClass::Preposition, w)
                                    && w != "to"
                            })
                    })
                });
        }
        if sources.is_empty() && (!nom || performed) {
            let found = ctx.subject_governed(trig.start, lo).map(|(k, governed)| {
                weak_subject = governed;
                k
            });
            if !passive {
                subject_span = found;
            }
            if let Some(k) = subject_span {
                sources = ctx.actors_of(&ctx.coordinated_left(k));
                let end = ctx.doc.actor_spans[k].tokens.end;
                let in_aside = (lo..trig.start).filter(|&i| is_dash(ctx.tok(i))).count() % 2 == 1;
                let joined = if in_aside {
                    Vec::new()
                } else {
                    ctx.together_with(end, trig.start)
                };
                for a in joined {
                    if !sources.contains(&a) {
                        sources.push(a);
                    }
                }
            }
        }
        let quoted = {
            // quotations are in text order and do not overlap
            let at = quotes.partition_point(|q| q.range.end <= trig.start);
            quotes
                .get(at)
                .filter(|q| q.range.contains(&trig.start))
                .and_then(|q| q.speaker)
        };
        // "We …" inside a quotation with no author known: its speaker.
        if sources.is_empty() && !nom && !passive {
            if let Some(q) = quoted {
                // the pronoun is the trigger's subject: "We will provide"
                let near = trig.start.saturating_sub(4).max(lo);
                if (near..trig.start).any(|i| matches!(ctx.tok(i), "we" | "i")) {
                    sources.push(q);
                }
            }
        }
        let mut source_from_author = false;
        if sources.is_empty() && def.flags.author {
            if let Some(a) = doc.author {
                sources.push(a);
                source_from_author = true;
            }
        }
        // A called-for event's agent is the request's target.
        // (complements end at their sentence's end: older ones cannot hold it)
        let complement = complements
            .iter()
            .rev()
            .take_while(|(r, _)| r.end > lo)
            .find(|(r, _)| r.contains(&trig.start))
            .cloned();
        if let Some((r, agent)) = &complement {
            let outside = weak_subject
                || subject_span.is_none_or(|k| ctx.doc.actor_spans[k].tokens.start < r.start);
            if outside && !explicit_source {
                // with no addressee known, the requester is not the agent
                sources = agent.iter().copied().collect();
            }
        }
        // A nominalisation after another action inside a request is that
        // action's object, not what is asked ("called on Khand to condemn
        // the attacks by …": the attacks happened).
        let complement =
            complement.filter(|(r, _)| !(nom && (r.start..trig.start).any(|i| in_trigger[i])));

        // Targets.
        let mut targets: Vec<usize> = Vec::new();
        let mut target_is_pronoun = false;
        let mut target_names_action = false;
        if let Some(t) = between_targets {
            targets = t;
        } else if let Some(k) = patient {
            targets = ctx.actors_of(&ctx.coordinated_left(k));
        } else if passive && explicit_source {
            // "signed by Lindon and Umbar in Esgaroth": no object
        } else if !def.flags.notgt {
            let reach = if def.flags.req { 3 } else { 12 };
            let from = trig.end;
            // "assistance to support Armenia's …": the trigger holds its
            // preposition, so the first actor close after it is the target.
            let own_prep = def
                .flags
                .tgt_preps
                .iter()
                .any(|p| p == ctx.tok(trig.end - 1));
            let mut found = if own_prep {
                ctx.object(from, hi, reach.min(5), &[], &sources)
            } else {
                ctx.object(from, hi, reach, &def.flags.tgt_preps, &sources)
            };
            // (an actor named inside an instrument's name is its party, not
            // the target: "signed the Programme of Cooperation between the
            // two Ministries")
            found = found.filter(|&k| {
                let at = doc.tokens[ctx.doc.actor_spans[k].tokens.start]
                    .span
                    .byte_start;
                !inside_a_name(at)
            });
            if found.is_none() && def.flags.req {
                found = ctx
                    .action_of_object(from, hi)
                    .filter(|&k| !sources.contains(&ctx.doc.actor_spans[k].actor));
                // the actor is the action's patient or agent as its own
                // pattern says, not the request's addressee by default
                target_names_action = found.is_some();
            }
            if found.is_none() && def.flags.nom && !def.flags.tgt_preps.is_empty() {
                // a verb after all: "Gondor attacks Arnor"
                let j = if ctx.tok(from) == "the" {
                    from + 1
                } else {
                    from
                };
                found = ctx.spans.starting_at(j);
            }
            // inside the trigger's gap, nearer than anything after it:
            // "designating five Iranian individuals for sanctions",
            // "expressed appreciation for Brazil's support on … Taiwan"
            // (not the source's own side: "Wong expressed Australia's
            // support for Japan's position")
            let own_side = |a: usize| {
                sources
                    .iter()
                    .any(|&s| s == a || affiliation(doc, s) == Some(a))
            };
            let in_gap = (trig.start + 1..trig.end)
                .find_map(|i| ctx.spans.starting_at(i))
                .filter(|&k| !own_side(ctx.doc.actor_spans[k].actor));
            if let Some(k) = in_gap {
                targets = ctx.actors_of(&ctx.coordinated_right(k));
            } else if let Some(k) = found {
                target_is_pronoun = ctx.doc.actor_spans[k].how == RefKind::Pronoun;
                targets = ctx.actors_of(&ctx.coordinated_right(k));
            } else if def.flags.npobj {
                // "called on international actors to …": the noun phrase.
                let mut j = from;
                while j < hi
                    && j < from + 7
                    && ctx.tok(j) != "to"
                    && !ctx.is_boundary(j)
                    && ctx.tok(j) != ","
                {
                    j += 1;
                }
                let mut s = from;
                while s < j && ctx.classes.has(WordClass::AddresseeSkip, ctx.tok(s)) {
                    s += 1;
                }
                let words = j.saturating_sub(s);
                // a plural noun, not "access" or "progress"
                let plural = j > s && {
                    let w = ctx.tok(j - 1);
                    w.ends_with('s') && !w.ends_with("ss")
                };
                if (1..=5).contains(&words) && plural {
                    let name = doc.span_text(doc.token_span(s, j - 1)).to_string();
                    let key = name.to_lowercase();
                    let existing = doc.actors[..base_actors]
                        .iter()
                        .chain(new_groups.iter())
                        .position(|a| {
                            a.kind == Some(ActorKind::Group) && a.name.to_lowercase() == key
                        });
                    let idx = match existing {
                        Some(x) => x,
                        None => {
                            new_groups.push(ActorRef {
                                name,
                                kind: Some(ActorKind::Group),
                                ..ActorRef::default()
                            });
                            base_actors + new_groups.len() - 1
                        }
                    };
                    targets.push(idx);
                }
            }
        }
        // Speakers: of the clause ("Donfried reaffirmed the United States
        // would …") and of the quotation the trigger is in.
        let clause_start = subject_span.map_or(trig.start, |k| ctx.doc.actor_spans[k].tokens.start);
        let speaker = speech::speaker_before(&ctx, lex, clause_start, lo, last_sender);
        let subject_how = subject_span.map(|k| ctx.doc.actor_spans[k].how);
        if let Some(q) = quoted {
            // "we", "our", "I" inside the quotation are its speaker
            if source_from_author || subject_how == Some(RefKind::Pronoun) {
                for s in &mut sources {
                    if Some(*s) == doc.author || Some(*s) == doc.author_person {
                        *s = q;
                    }
                }
            }
        }
        // An intent announced with no actor in its clause ("the PM announced
        // that the centre will be closed"): the speaker's state.
        if sources.is_empty() && def.flags.intent {
            if let Some(sp) = speaker {
                let state = if is_person(sp) {
                    doc.actors[sp].affiliation.unwrap_or(sp)
                } else {
                    sp
                };
                sources.push(state);
            }
        }
        // A state named in a person's statement of intent: the person's
        // commitment ("Donfried reaffirmed the United States would …");
        // a body ("the Government will work with …") acts itself.
        if def.flags.intent && subject_how == Some(RefKind::Name) {
            if let Some(p) = speaker.filter(|&p| is_person(p)) {
                if !sources.is_empty() && sources.iter().all(|&a| !is_person(a)) {
                    sources = vec![p];
                }
            }
        }
        // An evaluation: the document's voice judges the actor in question.
        if def.flags.judge {
            if let Some(v) = speaker.or(quoted).or(voice) {
                let named = explicit_source || subject_span.is_some();
                let judged: Vec<usize> = if named && sources.iter().any(|&a| a != v) {
                    sources.clone()
                } else {
                    targets.clone()
                };
                // the voice named as the one judged, with no one else
                // ("Mordor's destabilizing activities" where Mordor is
                // taken for the author) does not judge itself
                let self_judged = named && !sources.is_empty() && sources.iter().all(|&a| a == v);
                targets = judged.into_iter().filter(|&a| a != v).collect();
                sources = if self_judged && targets.is_empty() {
                    Vec::new()
                } else {
                    vec![v]
                };
            } else {
                // no one known to judge: the actor judged is no source
                // ("discussed Iran's destabilizing activities")
                sources.clear();
            }
        }
        // Status.
        let mut status = EventStatus::Asserted;
        if complement.is_some() {
            status = EventStatus::CalledFor;
        }
        let cue = cue_status(&ctx, lex, trig, lo, def.flags.intent, &in_trigger, &in_date);
        let mut drop = false;
        match cue {
            Some((EventStatus::Negated, _)) if status == EventStatus::CalledFor => drop = true,
            Some((EventStatus::Negated, _)) => status = EventStatus::Negated,
            Some((EventStatus::Hypothetical, _)) if status != EventStatus::CalledFor => {
                status = EventStatus::Hypothetical
            }
            // a speaker's judgement is the speaker's own act
            Some((EventStatus::Reported, _)) if def.flags.judge && speaker.is_some() => {}
            Some((EventStatus::Reported, cue_at)) if status == EventStatus::Asserted => {
                // the reporter's own act stays asserted ("X claimed that it
                // had been attacked"); an adverb ("allegedly") never does
                let adverb = matches!(ctx.tok(cue_at), "alleged" | "allegedly" | "reportedly");
                let own = !adverb
                    && subject_span.is_some_and(|k| ctx.doc.actor_spans[k].tokens.start < cue_at);
                if !own {
                    status = EventStatus::Reported;
                }
            }
            _ => {}
        }
        // A headline's "X to visit Y" announces what is planned.
        // "During the visit, …", "at the talks": a meeting after "the" with
        // no actor of its own refers back to one already coded.
        if noun_use
            && def.kind == PloverType::Consult
            && ctx.tok(trig.start - 1) == "the"
            && source_from_author
        {
            drop = true;
        }
        let headline_infinitive = trig.sentence == 0
            && trig.start >= 2
            && ctx.tok(trig.start - 1) == "to"
            && ctx.spans.covering(trig.start - 2).is_some();
        if headline_infinitive && status == EventStatus::Asserted {
            status = EventStatus::Hypothetical;
        }

        if def.flags.req {
            let agent = targets.first().copied().filter(|_| !target_names_action);
            complements.push((trig.end..hi, agent));
        }
        if drop || sources.is_empty() || (def.flags.rev || def.flags.needtgt) && targets.is_empty()
        {
            continue;
        }
        if def.flags.rev {
            std::mem::swap(&mut sources, &mut targets);
        }
        if def.flags.sender {
            last_sender = sources.first().copied();
        }
        // The author in person does not act on the author's own state ("I
        // will not hesitate … to protect our people").
        if let (Some(p), Some(st), true) = (doc.author_person, doc.author, target_is_pronoun) {
            if sources.contains(&p) || sources.contains(&st) {
                targets.retain(|&t| t != p && t != st);
            }
        }
        let persons = sources.len() >= 2 && sources.iter().all(|&a| is_person(a));
        if persons && def.flags.parties {
            let mut bodies: Vec<usize> = Vec::new();
            for &a in &sources {
                if let Some(b) = doc.actors[a].affiliation {
                    if !bodies.contains(&b) {
                        bodies.push(b);
                    }
                }
            }
            if bodies.len() == sources.len() {
                sources = bodies;
            }
        }
        if persons && def.flags.signers && !def.flags.parties {
            // the co-signers are the targets, whatever follows
            targets.clear();
        }
        let mut pairs: Vec<(usize, Option<usize>)> = Vec::new();
        let src_targets: Vec<usize> = targets
            .iter()
            .copied()
            .filter(|t| !sources.contains(t))
            .collect();
        if src_targets.is_empty() {
            if persons && def.flags.signers && !def.flags.parties {
                for &b in &sources[1..] {
                    pairs.push((sources[0], Some(b)));
                }
            } else if def.flags.recip && sources.len() >= 2 {
                for &a in &sources {
                    for &b in &sources {
                        if a != b {
                            pairs.push((a, Some(b)));
                        }
                    }
                }
            } else {
                pairs.extend(sources.iter().map(|&a| (a, None)));
            }
        } else {
            for &a in &sources {
                for &b in &src_targets {
                    pairs.push((a, Some(b)));
                }
            }
        }
        let date = when::governing_date(
            dates_in.get(trig.sentence).map_or(&[][..], Vec::as_slice),
            doc,
            trig.start..trig.end,
            &in_trigger,
            &lex.words,
        );
        let place = place_in.get(trig.sentence).copied().flatten();
        let span = doc.token_span(trig.start, trig.end - 1);
        for (s, t) in pairs {
            events.push(EventRef {
                kind: def.kind,
                cameo: def.cameo.clone(),
                pattern: def.id.clone(),
                tokens: trig.start..trig.end,
                span,
                sentence: trig.sentence,
                source: Some(s),
                target: t,
                date,
                place,
                status,
                source_from_author,
            });
        }
    }
    doc.actors.extend(new_groups);

    let events = refine::refine(doc, lex, &triggers, events);
    doc.events = refine::for_each_co_author(doc, events);
}

/// The strongest cue before a trigger: (status, token where the cue starts).
fn cue_status(
    ctx: &Ctx<'_>,
    lex: &EventLexicon,
    trig: &Trigger,
    lo: usize,
    intent: bool,
    in_trigger: &[bool],
    in_date: &[bool],
) -> Option<(EventStatus, usize)> {
    let rank = |s: EventStatus| match s {
        EventStatus::Negated => 3,
        EventStatus::Hypothetical => 2,
        EventStatus::Reported => 1,
        _ => 0,
    };
    let mut best: Option<(EventStatus, usize)> = None;
    let mut cands = Vec::new();
    let mut crossed_comma = false;
    let mut crossed_trigger = false;
    let mut i = trig.start;
    let reach = 12;
    while i > lo && trig.start - i < reach {
        i -= 1;
        let w = ctx.tok(i);
        if matches!(w, "." | ";" | ":" | "!" | "?") {
            break;
        }
        if w == "," {
            crossed_comma = true;
        }
        // another action in between takes a negation for itself ("did not
        // recognise the annexation"); a date is no cue ("on 4 May")
        if in_trigger.get(i).copied().unwrap_or(false) {
            crossed_trigger = true;
        }
        if in_date.get(i).copied().unwrap_or(false) {
            continue;
        }
        lex.cue_index.candidates(w, &mut cands);
        for &c in &cands {
            let cue = &lex.cues[c];
            // (unless the cue is that action: "refused to negotiate")
            if crossed_trigger && cue.status == EventStatus::Negated && !in_trigger[i] {
                continue;
            }
            let Some(e) = cue.pattern.match_at(&ctx.words, i, trig.start) else {
                continue;
            };
            if trig.start - e > cue.before {
                continue;
            }
            let conditional = matches!(w, "if" | "unless") || cue.status == EventStatus::Reported;
            if crossed_comma && !conditional {
                continue;
            }
            if intent && cue.status == EventStatus::Hypothetical && !conditional {
                continue;
            }
            if best.is_none_or(|(b, _)| rank(cue.status) > rank(b)) {
                best = Some((cue.status, i));
            }
        }
    }
    best
}
