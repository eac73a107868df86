//! Who speaks: the document's voice for subjectless main clauses, and
//! whether an event is known only through another's report.

use super::args::Args;
use super::status;
use super::view::TreeView;
use crate::doc::{ActorKind, Doc, EventRef, EventStatus, PloverType};
use crate::events::lexicon::EventLexicon;
use crate::lexicon::WordClass;

/// Whether a subjectless trigger is the document speaking: a main clause
/// with no subject ("Condemns the attack"; "Welcoming the decision").
pub(super) fn speaks_for_author(tree: &TreeView<'_>, t: usize) -> bool {
    let own_subject = tree
        .children(t)
        .iter()
        .any(|&c| matches!(tree.rel(c), "nsubj" | "csubj" | "expl"));
    !own_subject && tree.head(t).is_none() && tree.upos(t) == "VERB" && !imperative(tree, t)
}

/// Whether a subjectless main verb is an imperative: the base form
/// ("Consult widely …" in a list of tasks, "End this war now!") bids the
/// addressee act, where a heading in the document's voice takes the
/// third person or the gerund ("Condemns the attack", "Welcoming …"); a
/// greeting's imperative is still the speaker's act ("Thank you",
/// "Welcome to …").
fn imperative(tree: &TreeView<'_>, t: usize) -> bool {
    let greeting = matches!(tree.lemma(t), "thank" | "welcome");
    // (an infinitive with "to" or a modal is no imperative: "To cooperate
    // on …" in a list of what two sides intend)
    let marked = tree
        .children(t)
        .iter()
        .any(|&c| matches!(tree.rel(c), "aux" | "mark"));
    tree.xpos(t) == "VB" && !greeting && !marked
}

/// Whether the trigger is known only through another's account: it
/// depends on a reporting verb ("Arnor said that Mordor had attacked")
/// or carries "according to X", and the one who reports is not the
/// document's voice or the event's own source. A reporter who is no known
/// actor ("officials said", "media reported") is another too, unless a
/// first-person pronoun. A hearsay adverb ("allegedly") makes any
/// event reported.
pub(super) fn is_reported(
    doc: &Doc,
    lex: &EventLexicon,
    args: &Args<'_>,
    t: usize,
    sources: &[usize],
) -> bool {
    let tree = args.tree;
    if status::hearsay(tree, &lex.words, t) {
        return true;
    }
    let subject = crate::events::triggers::Rel::Subj;
    let reporter = status::reporting_verb(tree, &lex.words, t)
        .and_then(|v| args.nodes(v, &subject).first().copied())
        .or_else(|| status::according_to(tree, t));
    let Some(reporter) = reporter else {
        return false;
    };
    let speakers = args.actors_at(reporter);
    if speakers.is_empty() {
        return !matches!(doc.norm(reporter), "we" | "i");
    }
    is_third_party_report(doc, &speakers, sources)
}

/// Whether the speakers of a report are others than the event's source
/// (and its state): then the event is known only through their account.
pub(super) fn is_third_party_report(doc: &Doc, speakers: &[usize], sources: &[usize]) -> bool {
    if speakers.is_empty() {
        return false;
    }
    // (a quoted official without a stated body speaks for the document's
    // author, whose release quotes them)
    let side = |a: usize| {
        let x = doc.actors.get(a);
        match x.and_then(|x| x.kind) {
            Some(ActorKind::Person) => x.and_then(|x| x.affiliation).or(doc.author).unwrap_or(a),
            _ => a,
        }
    };
    let author_side = [doc.author, doc.author_person];
    let author_speaks = speakers
        .iter()
        .any(|&s| author_side.contains(&Some(s)) || author_side.contains(&Some(side(s))));
    if author_speaks {
        return false;
    }
    !sources
        .iter()
        .any(|&s| speakers.iter().any(|&p| p == s || side(p) == side(s)))
}

/// The accusations a reported hostile act carries: a speaker who claims
/// or alleges that another attacked, seized or threatened accuses the
/// doer ("Harad claimed that Umbar had seized two boats": ACCUSE Harad →
/// Umbar, CAMEO 112, besides the reported seizure).
pub(super) fn allegations(
    lex: &EventLexicon,
    args: &Args<'_>,
    t: usize,
    e: &EventRef,
) -> Vec<EventRef> {
    let hostile = matches!(
        e.kind,
        PloverType::Assault | PloverType::Coerce | PloverType::Threaten | PloverType::Mobilize
    );
    if !hostile || e.status != EventStatus::Reported {
        return Vec::new();
    }
    let Some(doer) = e.source else {
        return Vec::new();
    };
    let tree = args.tree;
    let Some(verb) = status::reporting_verb(tree, &lex.words, t)
        .filter(|&v| lex.words.has(WordClass::AllegingVerb, tree.lemma(v)))
    else {
        return Vec::new();
    };
    let subject = crate::events::triggers::Rel::Subj;
    args.by_rels(verb, &[subject])
        .into_iter()
        .filter(|&s| s != doer)
        .map(|s| EventRef {
            kind: PloverType::Accuse,
            cameo: "112".to_string(),
            pattern: "tree.allegation".to_string(),
            tokens: verb..verb + 1,
            source: Some(s),
            target: Some(doer),
            status: EventStatus::Asserted,
            source_from_author: false,
            ..e.clone()
        })
        .collect()
}

/// Whether actor `a` is the document's own side: its voice, author or
/// author in person, or a person of the author.
pub(super) fn own_side(doc: &Doc, a: Option<usize>, voice: Option<usize>) -> bool {
    let Some(a) = a else { return false };
    let own = [voice, doc.author, doc.author_person];
    if own.contains(&Some(a)) {
        return true;
    }
    let affiliation = doc.actors.get(a).and_then(|x| x.affiliation);
    affiliation.is_some() && own.contains(&affiliation)
}

/// Whether the trigger's subject, or that of the verbs it is the
/// complement or conjunct of, is "we" or "I": the speaker's own plan
/// ("we will discuss", "I intend to visit"), whoever the speaker is (in a
/// transcript, the turn's speaker rather than the document's author).
pub(super) fn first_person_subject(doc: &Doc, tree: &TreeView<'_>, t: usize) -> bool {
    let mut k = t;
    for _ in 0..FIRST_PERSON_REACH {
        let subject = tree
            .children(k)
            .iter()
            .find(|&&c| tree.rel(c) == "nsubj")
            .map(|&c| doc.norm(c));
        if let Some(word) = subject {
            return matches!(word, "we" | "i");
        }
        match tree.head(k) {
            Some(h) if matches!(tree.rel(k), "xcomp" | "conj") => k = h,
            _ => return false,
        }
    }
    false
}

/// How many verbs up a subject is looked for (control and coordination).
const FIRST_PERSON_REACH: usize = 3;

/// A future action of the document's own side, or one carried on ("we
/// will provide aid", "Gondor will continue its assistance"), is a
/// statement of intent (future.tsv); another's future action ("Rohan will
/// hold talks next month") is only planned and stays hypothetical.
pub(super) fn as_commitment(
    lex: &EventLexicon,
    tree: &TreeView<'_>,
    t: usize,
    (kind, own): (PloverType, bool),
    events: &mut [EventRef],
) {
    let committed = own || status::is_continued(tree, &lex.words, t);
    if !committed || !status::is_future(tree, &lex.words, t) {
        return;
    }
    if let Some((to, cameo)) = lex.future.get(&kind) {
        for e in events.iter_mut() {
            e.kind = *to;
            e.cameo.clone_from(cameo);
            e.status = EventStatus::Asserted;
        }
    }
}
