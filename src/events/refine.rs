//! Document-level passes over the coded events: arguments that need the
//! whole document (a visit's host, the visitor → host direction of
//! meetings), then one event per (type,
//! source, target, status) and no redundant ones, then which actors the
//! record lists. Each pass indexes what it looks up: a search per event
//! would be quadratic on long documents.

use super::hosts::{author_hosts_visits, is_visit};
use super::lexicon::EventLexicon;
use super::{affiliation, speaks_for_office};
use crate::doc::PloverType;
use crate::doc::{ActorKind, ActorRef, Doc, EventRef, EventStatus};
use crate::lexicon::{WordMap, WordSet};

/// A person who takes part in an event, with the other party.
type Participant = (usize, Option<usize>);

/// The coded events, refined; the actors they involve are marked
/// as listed.
pub(super) fn refine(
    doc: &mut Doc,
    lex: &EventLexicon,
    mut events: Vec<EventRef>,
) -> Vec<EventRef> {
    heading_as_planned(doc, &mut events);
    concrete_aid_pledges(doc, lex, &mut events);
    author_hosts_visits(doc, lex, &mut events);
    visit_hosts(doc, lex, &mut events);
    visitor_to_host(doc, lex, &mut events);
    merge_repeats(&mut events);
    drop_subsumed_targetless(&mut events);
    drop_said_by_person(doc, &mut events);
    drop_own_side(doc, &mut events);
    drop_own_people(doc, &mut events);
    list_actors(doc, &mut events);
    events
}

/// How many tokens before and after an aid trigger an amount is looked for
/// ("will provide an additional $24 million", "its existing $15 million
/// assistance").
const AMOUNT_BEFORE: usize = 8;
const AMOUNT_AFTER: usize = 12;

/// Future aid that names its amount is aid concretely pledged, AID (dev
/// README: "aid and assistance delivered or concretely pledged → AID"),
/// asserted like any decided measure; the future tense had made it a
/// statement of intent (`models/events/future.tsv`). An amount is a token
/// with a currency sign ("$4", "A$1", "€20").
fn concrete_aid_pledges(doc: &Doc, lex: &EventLexicon, events: &mut [EventRef]) {
    let money = |i: usize| doc.raw(i).contains(['$', '€', '£', '¥']);
    for e in events.iter_mut() {
        if e.kind != PloverType::Agree {
            continue;
        }
        let Some(row) = lex
            .triggers
            .row(&e.pattern)
            .filter(|r| r.kind == PloverType::Aid)
        else {
            continue;
        };
        let Some(sentence) = doc.sentences.get(e.sentence) else {
            continue;
        };
        let from = e
            .tokens
            .start
            .saturating_sub(AMOUNT_BEFORE)
            .max(sentence.tokens.start);
        let to = (e.tokens.end + AMOUNT_AFTER).min(sentence.tokens.end);
        if (from..to).any(money) {
            e.kind = PloverType::Aid;
            e.cameo.clone_from(&row.cameo);
            e.status = EventStatus::Asserted;
        }
    }
}

/// Whether `a` is a person actor.
fn is_person(doc: &Doc, a: usize) -> bool {
    doc.actors
        .get(a)
        .is_some_and(|x| x.kind == Some(ActorKind::Person))
}

/// Visits: a state target is the host in person when the document
/// names one who takes part in its meetings with the visitor's side
/// (not a spokesperson who speaks of the visit).
fn visit_hosts(doc: &Doc, lex: &EventLexicon, events: &mut [EventRef]) {
    let mut takes_part: WordMap<(PloverType, usize), Vec<Participant>> = WordMap::default();
    for o in events.iter() {
        for (p, other) in [(o.source, o.target), (o.target, o.source)] {
            let Some(p) = p else { continue };
            if let Some(aff) = doc
                .actors
                .get(p)
                .filter(|a| a.kind == Some(ActorKind::Person))
                .and_then(|a| a.affiliation)
            {
                let list = takes_part.entry((o.kind, aff)).or_default();
                if !list.contains(&(p, other)) {
                    list.push((p, other));
                }
            }
        }
    }
    for e in events.iter_mut() {
        if !is_visit(lex, e) {
            continue;
        }
        let Some(t) = e.target else { continue };
        if doc
            .actors
            .get(t)
            .is_none_or(|a| a.kind != Some(ActorKind::State))
        {
            continue;
        }
        // (a trip at home has no host: the own-side rule below drops it)
        if e.source.and_then(|s| affiliation(doc, s)) == Some(t) {
            continue;
        }
        // (a spokesperson who speaks of a visit does not host it)
        let leads = |p: usize| {
            doc.actors.get(p).is_some_and(|a| {
                let speaks = speaks_for_office(doc, &lex.words, p);
                a.kind == Some(ActorKind::Person) && a.affiliation == Some(t) && !speaks
            })
        };
        let visitor_side = |o: Option<usize>| {
            let (Some(o), Some(v)) = (o, e.source) else {
                return false;
            };
            let (ao, av) = (affiliation(doc, o), affiliation(doc, v));
            o == v || av == Some(o) || ao == Some(v) || ao.is_some() && ao == av
        };
        let host = takes_part
            .get(&(e.kind, t))
            .and_then(|list| {
                list.iter()
                    .find(|&&(p, other)| Some(p) != e.source && visitor_side(other))
                    .map(|&(p, _)| p)
            })
            .or(doc.author_person.filter(|&p| leads(p)));
        if let Some(h) = host {
            e.target = Some(h);
        }
    }
}

/// A meeting between a visitor and a host goes visitor → host, whichever
/// way a sentence tells it ("Zelenskyy met with Rau" in a text about
/// Rau's visit: dev README, CONSULT visitor → host).
fn visitor_to_host(doc: &Doc, lex: &EventLexicon, events: &mut [EventRef]) {
    let same_side = |a: usize, b: usize| {
        let aff = |x: usize| affiliation(doc, x);
        a == b || aff(a) == Some(b) || aff(b) == Some(a) || aff(a).is_some() && aff(a) == aff(b)
    };
    // (a host's welcome or reception of a visiting official, CAMEO 043,
    // is coded visitor → host; "hosting U.S. servicemembers" is no visit)
    let hosted = |e: &EventRef| {
        lex.triggers
            .row(&e.pattern)
            .is_some_and(|r| r.cameo.starts_with(HOST_A_VISIT))
    };
    let person = |a: Option<usize>| {
        a.and_then(|a| doc.actors.get(a))
            .is_some_and(|x| x.kind == Some(ActorKind::Person))
    };
    let visits: Vec<(usize, usize)> = events
        .iter()
        .filter(|e| is_visit(lex, e))
        .filter_map(|e| Some((e.source?, e.target?)))
        .collect();
    // (a meeting in the host's town tells the visit too, for every
    // mention of that meeting but a call: the title's "Meeting with" as
    // well)
    let mut hosts: Vec<(usize, usize)> = events
        .iter()
        .filter(|e| hosted(e) && person(e.source))
        .filter_map(|e| Some((e.source?, e.target?)))
        .collect();
    // (the pairs that spoke by telephone: a call's readout tells no
    // venue, whatever visit it mentions)
    let called: Vec<(usize, usize)> = events
        .iter()
        .filter(|e| e.cameo.starts_with(BY_TELEPHONE))
        .filter_map(|e| Some((e.source?, e.target?)))
        .map(|(a, b)| (a.min(b), a.max(b)))
        .collect();
    hosts.extend(
        events
            .iter()
            .filter(|e| e.kind == PloverType::Consult && !is_visit(lex, e))
            .filter(|e| !e.cameo.starts_with(BY_TELEPHONE) && e.sentence < LEAD_SENTENCES)
            .filter_map(|e| Some((e.source?, e.target?, e.place)))
            .filter(|&(s, t, place)| met_at_home(doc, place, s, t))
            .map(|(s, t, _)| (t, s)),
    );
    for e in events.iter_mut() {
        if e.kind != PloverType::Consult || is_visit(lex, e) || hosted(e) {
            continue;
        }
        let (Some(s), Some(t)) = (e.source, e.target) else {
            continue;
        };
        let told = |pairs: &[(usize, usize)]| {
            pairs
                .iter()
                .any(|&(visitor, host)| same_side(t, visitor) && same_side(s, host))
        };
        // (only a meeting, talks or a discussion: "the President briefed
        // the visiting speakers" is the host's own act)
        let mutual = lex.triggers.row(&e.pattern).is_some_and(|r| r.flags.recip);
        let by_venue = mutual && !called.contains(&(s.min(t), s.max(t))) && told(&hosts);
        if told(&visits) || by_venue {
            (e.source, e.target) = (Some(t), Some(s));
        }
    }
}

/// CAMEO's "host a visit".
const HOST_A_VISIT: &str = "043";

/// How many sentences (the title and the lead) may tell a meeting's
/// venue: further on, a text tells other meetings of the same pair.
const LEAD_SENTENCES: usize = 3;

/// CAMEO's "discuss by telephone": a call has no venue.
const BY_TELEPHONE: &str = "041";

/// Whether a meeting of `s` with `t` took place in a town of `s`'s own
/// state and not of `t`'s ("Blinken met with Jaishankar at the Department
/// of State in Washington"): `t` is the visitor. Only a town tells the
/// venue; a country or region the sentence names is as often a topic.
fn met_at_home(doc: &Doc, place: Option<usize>, s: usize, t: usize) -> bool {
    let Some(p) = place.and_then(|p| doc.places.get(p)) else {
        return false;
    };
    let Some(here) = p.country.as_deref().filter(|_| p.kind == "city") else {
        return false;
    };
    let state_of = |a: usize| {
        let side = match doc.actors.get(a)?.kind {
            Some(ActorKind::State) => a,
            _ => affiliation(doc, a)?,
        };
        doc.actors.get(side)?.country.as_deref()
    };
    state_of(s) == Some(here) && state_of(t).is_some_and(|c| c != here)
}

/// One event per (type, source, target, status): the first mention
/// stays (often the title's), with the date and place of a later one
/// when it has none.
fn merge_repeats(events: &mut Vec<EventRef>) {
    let mut first: WordMap<(PloverType, Option<usize>, Option<usize>, EventStatus), usize> =
        WordMap::default();
    let mut keep = vec![true; events.len()];
    for i in 0..events.len() {
        let e = &events[i];
        let key = (e.kind, e.source, e.target, e.status);
        match first.get(&key) {
            None => {
                first.insert(key, i);
            }
            Some(&k) => {
                keep[i] = false;
                let (date, place) = (events[i].date, events[i].place);
                let named = !events[i].source_from_author;
                let kept = &mut events[k];
                kept.date = kept.date.or(date);
                kept.place = kept.place.or(place);
                // (a heading's default source that the text names too is
                // named)
                kept.source_from_author &= !named;
            }
        }
    }
    let mut keep = keep.into_iter();
    events.retain(|_| keep.next().unwrap_or(true));
}

/// A target-less event adds nothing next to one of the same type in the
/// same sentence that involves its source and has a target.
fn drop_subsumed_targetless(events: &mut Vec<EventRef>) {
    let mut involved: WordSet<(PloverType, usize, Option<usize>)> = WordSet::default();
    for o in events.iter().filter(|o| o.target.is_some()) {
        involved.insert((o.kind, o.sentence, o.source));
        involved.insert((o.kind, o.sentence, o.target));
    }
    events.retain(|e| e.target.is_some() || !involved.contains(&(e.kind, e.sentence, e.source)));
}

/// A state's or organisation's event adds nothing next to the same event
/// by a named person acting for it ("the United States and the AUC sign"
/// and "Blinken and Faki signed"), nor next to the same exchange told the
/// other way round between their people.
fn drop_said_by_person(doc: &Doc, events: &mut Vec<EventRef>) {
    let actors = &doc.actors;
    let is_person = |a: usize| is_person(doc, a);
    // (keyed by CAMEO code: a person's expressed support does not make the
    // state's signing redundant)
    let mut by_person: WordSet<(String, usize, Option<usize>)> = WordSet::default();
    let mut person_sentences: WordMap<(PloverType, usize), Vec<usize>> = WordMap::default();
    for o in events.iter() {
        let Some(os) = o.source.filter(|&p| is_person(p)) else {
            continue;
        };
        let Some(s) = affiliation(doc, os) else {
            continue;
        };
        by_person.insert((o.cameo.clone(), s, o.target));
        // a target-less event of the state, next to one of its person in
        // the same sentence or restated by the title ("Afghanistan Rejects
        // Allegations"); elsewhere it is another act ("we have called for
        // …" besides "I have asked the Ambassador to …")
        person_sentences
            .entry((o.kind, s))
            .or_default()
            .push(o.sentence);
        if let Some(ta) = o.target.and_then(|t| affiliation(doc, t)) {
            by_person.insert((o.cameo.clone(), s, Some(ta)));
            if o.target.is_some_and(is_person) {
                by_person.insert((o.cameo.clone(), ta, Some(s)));
            }
        }
    }
    // The author by default adds nothing next to the same event with a
    // named source ("Telephone conversation with Xi Jinping" in the
    // Kremlin's title, "Vladimir Putin had a telephone conversation with").
    let mut named: WordMap<(PloverType, Option<usize>), Vec<Option<usize>>> = WordMap::default();
    for o in events.iter().filter(|o| !o.source_from_author) {
        named.entry((o.kind, o.target)).or_default().push(o.source);
    }
    events.retain(|e| {
        let redundant_default = e.source_from_author
            && e.target.is_some()
            && named
                .get(&(e.kind, e.target))
                .is_some_and(|sources| sources.iter().any(|&s| s != e.source));
        let said_by_person = e.source.is_some_and(|s| {
            let near = e.target.is_none()
                && person_sentences
                    .get(&(e.kind, s))
                    .is_some_and(|list| e.sentence == 0 || list.contains(&e.sentence));
            matches!(
                actors[s].kind,
                Some(ActorKind::State | ActorKind::Organization)
            ) && (near || by_person.contains(&(e.cameo.clone(), s, e.target)))
        });
        !(redundant_default || said_by_person)
    });
}

/// No actor acts on its own side ("Indonesia → its Foreign Minister"
/// from a visit that returned to its host): a person and the state or
/// body they serve. A body's affiliation is where it stands, not whose
/// side it acts for: an armed group fights the state it is in ("the
/// Front's attacks on Rhun").
fn drop_own_side(doc: &Doc, events: &mut Vec<EventRef>) {
    events.retain(|e| match (e.source, e.target) {
        (Some(s), Some(t)) if is_person(doc, s) || is_person(doc, t) => {
            !(affiliation(doc, t) == Some(s) || affiliation(doc, s) == Some(t))
        }
        _ => true,
    });
}

/// A meeting or visit the title states and the body tells only as planned
/// is planned ("Ministerial visit to Rohan" over "I will visit Rohan
/// from 25 January"): a heading has no tense of its own, the body's
/// decides (dev README: planned actions are hypothetical).
fn heading_as_planned(doc: &Doc, events: &mut [EventRef]) {
    let heading = title_sentences(doc);
    if heading == 0 {
        return;
    }
    // (type, source, target) → (told as done, told as planned) in the body
    let mut body: WordMap<(Option<usize>, Option<usize>), (bool, bool)> = WordMap::default();
    for e in events
        .iter()
        .filter(|e| e.kind == PloverType::Consult && e.sentence >= heading)
    {
        let told = body.entry((e.source, e.target)).or_default();
        told.0 |= e.status == EventStatus::Asserted;
        told.1 |= e.status == EventStatus::Hypothetical;
    }
    for e in events.iter_mut().filter(|e| {
        e.kind == PloverType::Consult && e.sentence < heading && e.status == EventStatus::Asserted
    }) {
        if body.get(&(e.source, e.target)) == Some(&(false, true)) {
            e.status = EventStatus::Hypothetical;
        }
    }
}

/// No event of help, talks, requests or support goes from a state to
/// its own people ("consular officers are providing support to
/// Americans who are detained", "we urge Australians to …"): a
/// government's dealings with its nationals are no political event
/// between actors. The people are a group actor with the state's country
/// code; the source is the state or acts for it.
fn drop_own_people(doc: &Doc, events: &mut Vec<EventRef>) {
    let state_of = |a: usize| {
        let mut at = Some(a);
        for _ in 0..4 {
            let x = doc.actors.get(at?)?;
            if x.kind == Some(ActorKind::State) {
                return x.country.clone();
            }
            at = x.affiliation;
        }
        None
    };
    let people_of = |a: usize| {
        doc.actors
            .get(a)
            .filter(|x| x.kind == Some(ActorKind::Group))
            .and_then(|x| x.country.clone())
    };
    events.retain(|e| {
        let dealing = matches!(
            e.kind,
            PloverType::Aid
                | PloverType::Consult
                | PloverType::Request
                | PloverType::Support
                | PloverType::Agree
                | PloverType::Cooperate
        );
        let (Some(s), Some(t)) = (e.source, e.target) else {
            return true;
        };
        let own = people_of(t).is_some_and(|c| state_of(s).as_deref() == Some(c.as_str()));
        !(dealing && own)
    });
}

/// Drops the events whose source was merged away (spans point at the
/// survivor), then marks the actors of the rest, and their affiliations,
/// as listed.
fn list_actors(doc: &mut Doc, events: &mut Vec<EventRef>) {
    events.retain(|e| e.source.is_some_and(|s| listed_kind(&doc.actors[s])));
    for e in events.iter() {
        for a in [e.source, e.target].into_iter().flatten() {
            mark_listed(&mut doc.actors, a);
        }
    }
    // Affiliations of listed actors are listed too.
    for i in 0..doc.actors.len() {
        if doc.actors[i].listed {
            mark_listed(&mut doc.actors, i);
        }
    }
}

/// A joint statement by states with no collective name: what its author
/// does, each co-author does (dev conventions: one event per state). The
/// events of the first author are repeated for the others, in order, unless
/// the other is the event's target or the same event exists.
pub(super) fn for_each_co_author(doc: &Doc, events: Vec<EventRef>) -> Vec<EventRef> {
    let (Some(first), true) = (doc.author, doc.co_authors.len() >= 2) else {
        return events;
    };
    let mut out: Vec<EventRef> = Vec::with_capacity(events.len() * doc.co_authors.len());
    let mut seen: WordSet<(PloverType, Option<usize>, Option<usize>, EventStatus)> =
        WordSet::default();
    for e in events {
        let key = (e.kind, e.source, e.target, e.status);
        if !seen.insert(key) {
            continue;
        }
        let copies: Vec<EventRef> = if e.source == Some(first) {
            doc.co_authors
                .iter()
                .filter(|&&c| c != first && e.target != Some(c))
                .map(|&c| EventRef {
                    source: Some(c),
                    ..e.clone()
                })
                .collect()
        } else {
            Vec::new()
        };
        out.push(e);
        for c in copies {
            if seen.insert((c.kind, c.source, c.target, c.status)) {
                out.push(c);
            }
        }
    }
    out
}

/// Whether an actor may appear in the record (merged-away ones may not).
fn listed_kind(a: &ActorRef) -> bool {
    a.kind.is_some()
}

fn mark_listed(actors: &mut [ActorRef], a: usize) {
    let mut cur = Some(a);
    let mut steps = 0;
    while let Some(i) = cur {
        if steps > 4 || i >= actors.len() {
            break;
        }
        actors[i].listed = true;
        cur = actors[i].affiliation;
        steps += 1;
    }
}

/// How many sentences the title line holds: those that start on the
/// text's first line, when a line break ends it (0 when the text has
/// none: "They condemned Mordor." alone has no title).
pub(super) fn title_sentences(doc: &Doc) -> usize {
    let Some(nl) = doc.first_line_break() else {
        return 0;
    };
    doc.sentences
        .iter()
        .take_while(|s| s.span.byte_start < nl && s.span.byte_end <= nl)
        .count()
}
