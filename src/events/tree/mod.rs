//! The event coder on the dependency tree.
//!
//! 1. Triggers: a token whose lemma and part of speech a row of
//!    `models/events/triggers.tsv` lists (with the row's further words
//!    among its dependents), outside names.
//! 2. Arguments from the row's slots ([`args`]): the subject, object,
//!    possessor or prepositional phrase the row names, each read as the
//!    actor its phrase stands for ([`actors`]), with its conjuncts; a
//!    trigger without a subject inherits one (control, coordination,
//!    light verbs); a subjectless main clause is the document's voice.
//! 3. Status from the tree ([`status`]); what a request's `called` slot
//!    names is called for.
//! 4. Date and place from the trigger's sentence, then the document-level
//!    passes the word-pattern coder shares ([`super::refine`]).

mod actors;
mod addressee;
mod args;
mod aside;
mod asked_party;
mod behest;
mod carrier;
mod complement;
mod concern;
mod conjoined;
mod corefer;
mod counterpart;
mod dated;
mod definite;
mod discourse_target;
mod find;
mod formation;
mod fronted;
mod groups;
mod headline;
mod hyphen;
mod implicit;
mod inherit;
mod initiative;
mod judge;
mod judged;
mod meetings;
mod nominal;
mod objects;
mod obligation;
mod occasion;
mod opinion;
mod pairs;
mod participants;
mod place;
mod prepass;
mod pronouns;
mod questions;
mod sense;
mod speaker;
mod status;
mod strays;
mod targets;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_participants;
mod thanks;
mod topics;
mod trace;
mod view;
mod voice;
mod withstand;

use crate::doc::{Doc, EventRef, EventStatus, PloverType};
use crate::events::lexicon::EventLexicon;
use crate::events::triggers::{TriggerPos, TriggerRow};
use crate::events::{refine, when};
use crate::lexicon::WordClasses;
use actors::ActorIndex;
use args::Args;
use find::find_triggers;
use obligation::{code_obligation, is_obligation};
use pairs::{event_pairs, is_dyadic, is_person, parties_of};
use prepass::{called_for_nodes, nominal_agents};
use questions::question_sentences;
use view::TreeView;
use voice::{is_reported, speaks_for_author};

/// A trigger found in the tree.
struct Found {
    token: usize,
    row: usize,
    sentence: usize,
    /// A past participle read as the adjective its row names.
    adjectival: bool,
}

/// Codes `doc`'s events from its syntax layer.
pub fn code(doc: &mut Doc, lex: &EventLexicon) {
    let (mut events, pending) = {
        let mut tree = TreeView::new(doc);
        if tree.len() != doc.tokens.len() {
            (Vec::new(), Vec::new())
        } else {
            code_tree(doc, lex, &mut tree)
        }
    };
    add_place_states(doc, &mut events, pending);
    let events = refine::refine(doc, lex, events);
    doc.events = refine::for_each_co_author(doc, events);
}

/// Adds the state actors made for countries named only as places that an
/// event uses, renumbering them in order.
fn add_place_states(doc: &mut Doc, events: &mut [EventRef], pending: Vec<crate::doc::ActorRef>) {
    let base = doc.actors.len();
    let mut new_id: Vec<Option<usize>> = vec![None; pending.len()];
    let mut pending: Vec<Option<crate::doc::ActorRef>> = pending.into_iter().map(Some).collect();
    for e in events.iter_mut() {
        for slot in [&mut e.source, &mut e.target] {
            let Some(a) = *slot else { continue };
            let Some(k) = a.checked_sub(base) else {
                continue;
            };
            if new_id.get(k).is_some_and(Option::is_none) {
                if let Some(actor) = pending.get_mut(k).and_then(Option::take) {
                    new_id[k] = Some(doc.actors.len());
                    doc.actors.push(actor);
                }
            }
            *slot = new_id.get(k).copied().flatten();
        }
    }
}

type Coding = (Vec<EventRef>, Vec<crate::doc::ActorRef>);

fn code_tree(doc: &Doc, lex: &EventLexicon, tree: &mut TreeView<'_>) -> Coding {
    let mut found = find_triggers(doc, lex, tree);
    for f in found.iter().filter(|f| f.adjectival) {
        tree.read_as_adjective(f.token);
    }
    let tree: &TreeView<'_> = tree;
    let rows = &lex.triggers.rows;
    let index = ActorIndex::new(doc, &lex.words, tree);
    let headings = refine::title_sentences(doc);
    let readout = discourse_target::meeting_title(doc, tree, &lex.triggers, headings);
    let nominals = nominal_agents(doc, lex, tree, &index, &found, readout);
    let args = Args {
        tree,
        actors: &index,
        classes: &lex.words,
        nominals: &nominals,
        triggers: &lex.triggers,
        readout,
    };
    sense::by_object(&args, lex, &mut found);
    let voice = document_voice(doc, &lex.words);
    let own = [voice, doc.author, doc.author_person];
    let called = called_for_nodes(lex, &args, &found, &own);
    let contents = complement::contents(tree, rows, &found);
    let mut in_trigger = vec![false; doc.tokens.len()];
    for f in &found {
        in_trigger[f.token] = true;
    }
    let dates_in = when::sentence_dates(doc, &lex.words);
    let place_in = when::sentence_places(doc);
    let mut events = Vec::new();
    let questions = question_sentences(doc, &lex.words);
    for (k, f) in found.iter().enumerate() {
        if contents.absorbed[k] || questions.get(f.sentence).copied().unwrap_or(false) {
            continue;
        }
        let row = &rows[f.row];
        let inner = contents.of[k]
            .iter()
            .map(|&c| (found[c].token, &rows[found[c].row]));
        let fallback = complement::target(&args, tree, f.token, row, inner);
        let clause = Clause {
            called: &called,
            voice,
            fallback_target: fallback,
            earlier: &events,
            heading: f.sentence < headings,
        };
        let Some(mut coded) = code_one(doc, lex, &args, row, f.token, &clause) else {
            continue;
        };
        if matches!(row.kind, PloverType::Assault | PloverType::Coerce) {
            complement::ceased(lex, &args, &called, f.token, &mut coded.events);
        }
        let inner: Vec<&TriggerRow> = contents.of[k]
            .iter()
            .map(|&c| &rows[found[c].row])
            .collect();
        complement::recode_by_content(lex, row, &inner, &mut coded.events);
        let date = when::governing_date(
            dates_in.get(f.sentence).map_or(&[][..], Vec::as_slice),
            doc,
            f.token..f.token + 1,
            &in_trigger,
            &lex.words,
        );
        let alleged: Vec<EventRef> = coded
            .events
            .iter()
            .flat_map(|e| voice::allegations(lex, &args, f.token, e))
            .collect();
        coded.events.extend(alleged);
        let place = place_in.get(f.sentence).copied().flatten();
        dated::not_yet(doc, tree, date, f.token, &mut coded.events);
        for e in &mut coded.events {
            e.sentence = f.sentence;
            e.date = date;
            e.place = place;
            // (an allegation's span is its reporting verb's)
            e.span = doc.token_span(e.tokens.start, e.tokens.start);
        }
        events.extend(coded.events);
    }
    corefer::carry_targets(doc, tree, &lex.words, &mut events);
    asked_party::fill_asked_parties(&args, &lex.triggers, &mut events);
    discourse_target::fill_meeting_partner(doc, &args, &lex.triggers, headings, &mut events);
    (events, index.pending().to_vec())
}

/// The document's own voice: its author, in person when it speaks as "I";
/// a spokesperson's voice is the institution's even where the text says
/// "I" (that "I" still resolves to the person as a pronoun).
fn document_voice(doc: &Doc, words: &WordClasses) -> Option<usize> {
    if let Some(office) = doc.author_person.and_then(|p| spoken_for(doc, words, p)) {
        return Some(office);
    }
    let first_person = (0..doc.tokens.len()).any(|i| matches!(doc.norm(i), "i" | "my"));
    if first_person {
        doc.author_person.or(doc.author)
    } else {
        doc.author.or(doc.author_person)
    }
}

/// The state or body that person `p` speaks for when their title is a
/// spokesperson's: the document's author, else the person's affiliation.
fn spoken_for(doc: &Doc, words: &WordClasses, p: usize) -> Option<usize> {
    let actor = doc.actors.get(p)?;
    if !crate::events::speaks_for_office(doc, words, p) {
        return None;
    }
    doc.author.filter(|&a| a != p).or(actor.affiliation)
}

/// The events of one trigger.
struct Coded {
    events: Vec<EventRef>,
}

/// A node a request asks for, with the actors asked (who perform it) and,
/// for a thing asked for itself, the actors asking (who would receive it).
type Called = (usize, Vec<usize>, Vec<usize>);

/// What a trigger's clause lends it.
struct Clause<'c> {
    /// The nodes requests ask for, sorted.
    called: &'c [Called],
    /// The document's voice.
    voice: Option<usize>,
    /// The target its complement names, when its own slots name none.
    fallback_target: Vec<usize>,
    /// The document's events before this trigger.
    earlier: &'c [EventRef],
    /// Whether the trigger is in the title line.
    heading: bool,
}

fn code_one(
    doc: &Doc,
    lex: &EventLexicon,
    args: &Args<'_>,
    row: &TriggerRow,
    t: usize,
    clause: &Clause<'_>,
) -> Option<Coded> {
    let (called, voice) = (clause.called, clause.voice);
    let tree = args.tree;
    if is_obligation(row) {
        return code_obligation(doc, lex, args, row, t, voice);
    }
    if row.flags.judge {
        return judge::code_judgement(lex, args, row, t, voice);
    }
    if opinion::only_a_view(tree, &lex.words, row, t)
        || concern::about_a_situation(args, row, t)
        || topics::only_a_topic(args, row, t)
    {
        return None;
    }
    let asked = called
        .binary_search_by_key(&t, |(n, _, _)| *n)
        .ok()
        .and_then(|k| called.get(k));
    let mut sources = match asked {
        Some((_, who, _)) if !who.is_empty() && !args.has_own_subject(t) => who.clone(),
        Some((_, who, _)) if who.is_empty() && asked_someone_unnamed(tree, t) => Vec::new(),
        _ => args.source(t, row),
    };
    formation::members_as_formation(doc, &mut sources);
    let mutual = pairs::between(args, row, t, &mut sources, voice);
    let mut from_author = false;
    let mut implicit = false;
    if sources.is_empty() {
        // (an agentless passive in a readout: "it was agreed to …")
        sources = implicit::passive_parties(doc, args, row, t, args.actors.meetings());
        trace::fired(doc, "FIREPASSIVE", t, &sources);
        implicit = sources.len() >= 2;
    }
    if sources.is_empty() && row.pos == TriggerPos::Verb && speaks_for_author(tree, t) {
        sources.extend(voice);
        from_author = true;
    }
    // (the one invited or asked in "At the invitation of X, Y will pay a
    // visit to Z" is Y, whatever "to" phrase the clause has)
    let mut targets = behest::clause_subject_addressed(args, row, t, &sources);
    if targets.is_empty() {
        targets = thanks::targets_of(args, row, t, &sources, clause, asked);
    }
    if targets.is_empty() {
        targets = args.meeting_partner(t, row, &sources);
    }
    // (a "you" read as the speaker's own side names no target of its own)
    if targets.iter().all(|a| sources.contains(a)) && !row.flags.notgt {
        let addressed = addressee::you(args, doc, row, t, &sources);
        if !addressed.is_empty() {
            targets = addressed;
        }
    }
    if !mutual && hyphen::mutual_act(row) {
        hyphen::other_party(args, t, &sources, &mut targets);
    }
    // (the parties of an implicit agent act towards each other, not
    // towards a place or body the clause names)
    targets.retain(|_| !mutual && !implicit);
    if sources.is_empty() {
        sources = occasion::same_act_before(row, &targets, clause.earlier);
    }
    if sources.is_empty() {
        let Some(found) =
            occasion::occasion_source(args, row, t, &targets, [voice, doc.author_person])
        else {
            trace::dropped(doc, args, row, t, "DROPNOSRC");
            return None;
        };
        (sources, from_author) = found;
    }
    let mut status = status::clause_status(tree, &lex.words, t, row.flags.intent);
    if asked.is_some() {
        if status == EventStatus::Negated {
            return None;
        }
        status = EventStatus::CalledFor;
    } else if status == EventStatus::Asserted && is_reported(doc, lex, args, t, &sources) {
        status = EventStatus::Reported;
    } else if status == EventStatus::Asserted && planned_meeting(row, t, tree, clause.heading) {
        status = EventStatus::Hypothetical;
    }
    // (a reciprocal row's two parties are each other's target: "the
    // two leaders' meeting")
    let paired = (mutual || row.flags.recip || is_dyadic(row.kind)) && sources.len() == 2;
    let intends = pairs::intends_to_act(tree, row.kind, t);
    if (row.flags.rev || row.flags.needtgt && !paired && !intends) && targets.is_empty() {
        trace::dropped(doc, args, row, t, "DROPNOTGT");
        return None;
    }
    if row.flags.person && !sources.iter().any(|&a| is_person(doc, a)) {
        return None;
    }
    if !args.object_fits(t, row) {
        return None;
    }
    if row.flags.rev || initiative::turned(args, row.kind, t, &sources, &targets) {
        std::mem::swap(&mut sources, &mut targets);
    }
    let signing = row.cameo.starts_with("057");
    let dyadic = mutual || row.flags.recip || signing || is_dyadic(row.kind);
    if dyadic && targets.is_empty() && matches!(row.kind, PloverType::Agree | PloverType::Cooperate)
    {
        sources = parties_of(doc, sources);
    }
    let mut pairs = pairs::respective_pairs(doc, args, t, &sources, &targets)
        .unwrap_or_else(|| event_pairs(doc, &sources, &targets, signing, dyadic));
    // (a meeting of two parties named together is one CONSULT, from the
    // first named to the other: the dev conventions code the reverse only
    // when the text tells it apart, 1 of 30 target pairs on tune)
    let both_ways = |p: &[(usize, Option<usize>)]| {
        p.len() == 2 && p[0].1 == Some(p[1].0) && p[1].1 == Some(p[0].0)
    };
    if row.kind == PloverType::Consult && both_ways(&pairs) {
        pairs.truncate(1);
    }
    let mut events: Vec<EventRef> = pairs
        .into_iter()
        .map(|(s, tg)| event(row, t, s, tg, status, from_author))
        .collect();
    let stated = speaker::own_side_speaker(doc, lex, args, t, &mut events);
    if status == EventStatus::Hypothetical {
        let own = stated
            || from_author
            || voice::first_person_subject(doc, tree, t)
            || events
                .iter()
                .all(|e| voice::own_side(doc, e.source, clause.voice));
        voice::as_commitment(lex, tree, t, (row.kind, own), &mut events);
        intent_to_cooperate(lex, tree, row, t, &mut events);
    }
    Some(Coded { events })
}

/// Whether called-for infinitive `t` belongs to a request that asks
/// someone no actor names ("we call on the regime to release …"): the
/// one asked acts, not the one asking, so the requester's subject is not
/// the infinitive's.
fn asked_someone_unnamed(tree: &TreeView<'_>, t: usize) -> bool {
    // (the one asked: an object, or the "on" phrase of "call on")
    let asked = |c: usize| {
        matches!(tree.deprel(c), "obj" | "iobj")
            || tree.deprel(c) == "obl" && matches!(tree.case_of(c), Some("on" | "upon"))
    };
    let Some(h) = tree.head(t).filter(|_| tree.case_of(t) == Some("to")) else {
        return false;
    };
    match tree.deprel(t) {
        "xcomp" | "advcl" => tree.children(h).iter().any(|&c| c < t && asked(c)),
        // (the parser hung the infinitive on the one asked: "urge the
        // regime to release …")
        "acl" => asked(h),
        _ => false,
    }
}

/// Whether trigger `t` is a meeting or visit announced as arranged ("the
/// presidents are to discuss …") or any act a headline's bare
/// infinitive announces ("Minister to visit Rohan").
fn planned_meeting(row: &TriggerRow, t: usize, tree: &TreeView<'_>, heading: bool) -> bool {
    heading && headline::bare_infinitive(tree, t)
        || row.kind == PloverType::Consult && status::arranged_infinitive(tree, t)
}

/// Future cooperation or aid for a named partner that its doer states ("X
/// will work with Y", "intends to partner with Y", "plans to provide aid
/// to Y") is a statement of
/// intent, AGREE (future.tsv; dev README: readiness to work together →
/// AGREE), whoever's side speaks; a hoped-for or possible one stays
/// hypothetical.
fn intent_to_cooperate(
    lex: &EventLexicon,
    tree: &TreeView<'_>,
    row: &TriggerRow,
    t: usize,
    events: &mut [EventRef],
) {
    let kind = row.kind;
    let still = |e: &EventRef| e.kind == kind && e.status == EventStatus::Hypothetical;
    // (another's future aid is only planned: an intent verb states it)
    let stated = match kind {
        PloverType::Cooperate => status::stated_intent(tree, &lex.words, t),
        PloverType::Aid => status::stated_intent_verb(tree, &lex.words, t),
        _ => false,
    };
    if !stated {
        return;
    }
    let Some((to, cameo)) = lex.future.get(&kind) else {
        return;
    };
    for e in events.iter_mut().filter(|e| still(e) && e.target.is_some()) {
        e.kind = *to;
        e.cameo.clone_from(cameo);
        e.status = EventStatus::Asserted;
    }
}

/// An event of `row` at token `t`, to be dated and placed by the caller.
pub(super) fn event(
    row: &TriggerRow,
    t: usize,
    source: usize,
    target: Option<usize>,
    status: EventStatus,
    source_from_author: bool,
) -> EventRef {
    EventRef {
        kind: row.kind,
        cameo: row.cameo.clone(),
        pattern: row.id.clone(),
        tokens: t..t + 1,
        span: crate::doc::Span::default(),
        sentence: 0,
        source: Some(source),
        target,
        date: None,
        place: None,
        status,
        source_from_author,
    }
}
