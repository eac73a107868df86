//! Status from the tree: negation and modals attached to the trigger (or
//! to the light verb or the verb whose complement it is), conditions, and
//! reports of another speaker.

use super::view::TreeView;
use crate::doc::EventStatus;
use crate::lexicon::{WordClass, WordClasses};

#[path = "status_frame.rs"]
mod frame;
use frame::{framed, performed};

#[path = "status_report.rs"]
mod report;
pub use report::{according_to, hearsay, reporting_verb, verb_reporting};

/// How many heads up a condition or a reporting verb is looked for.
const CLAUSE_DEPTH: usize = 8;

/// The status the trigger's own clause gives it (`intent`: modals do not
/// make it hypothetical). Reports are decided by the caller, who knows
/// the actors ([`reporting_verb`]).
pub fn clause_status(
    tree: &TreeView<'_>,
    classes: &WordClasses,
    t: usize,
    intent: bool,
) -> EventStatus {
    status_of(tree, classes, t, (intent, true))
}

/// The status of a judgement in the document's voice: as
/// [`clause_status`] for a statement of intent, but what the judged one
/// strives for is what is judged, not a mere aim ("Mordor's efforts to
/// undermine the order" judges Mordor now).
pub fn judgement_status(tree: &TreeView<'_>, classes: &WordClasses, t: usize) -> EventStatus {
    status_of(tree, classes, t, (true, false))
}

/// The clause status; `aims`: whether an aim noun's infinitive is only
/// aimed at.
fn status_of(
    tree: &TreeView<'_>,
    classes: &WordClasses,
    t: usize,
    (intent, aims): (bool, bool),
) -> EventStatus {
    let (carriers, from_verb) = carriers(tree, classes, t, intent);
    if let Some(status) = from_verb {
        return status;
    }
    let at = carriers.last().copied().unwrap_or(t);
    if let Some(status) = framed(tree, classes, at, (intent, aims)) {
        return status;
    }
    let negated = carriers.iter().any(|&c| {
        tree.children(c).iter().any(|&d| {
            matches!(tree.rel(d), "advmod" | "det" | "cc" | "aux")
                && classes.has(WordClass::Negator, tree.lemma(d))
        })
    });
    if negated {
        return EventStatus::Negated;
    }
    let modal = !intent
        && carriers.iter().any(|&c| {
            let owner = aux_owner(tree, c);
            tree.children_rel(owner, "aux").any(|d| {
                classes.has(WordClass::HypotheticalModal, tree.lemma(d))
                    && !polite_performative(tree, classes, owner, d)
            })
        });
    if modal || under_condition(tree, classes, at) || possible(tree, classes, t) {
        return EventStatus::Hypothetical;
    }
    if future_time_clause(tree, classes, at) {
        return EventStatus::Hypothetical;
    }
    if !intent && planned_by_governor(tree, classes, at) {
        return EventStatus::Hypothetical;
    }
    EventStatus::Asserted
}

/// The verb whose auxiliaries govern verb `v`: `v` itself, or, for a
/// verb coordinated without an auxiliary or subject of its own, the first
/// conjunct's ("the leaders will hold talks and attend a dinner": the
/// dinner is as future as the talks).
fn aux_owner(tree: &TreeView<'_>, v: usize) -> usize {
    let mut n = v;
    for _ in 0..3 {
        let bare = tree.rel(n) == "conj"
            && tree.upos(n) == "VERB"
            && !tree
                .children(n)
                .iter()
                .any(|&c| matches!(tree.rel(c), "aux" | "nsubj" | "nsubj:pass" | "cop"));
        match tree.head(n) {
            Some(h) if bare && matches!(tree.upos(h), "VERB" | "AUX") => n = h,
            _ => break,
        }
    }
    n
}

/// Whether the modal `aux` of `verb` is the polite form of a speech act
/// its first-person speaker performs: "I would commend X", "we would urge
/// all sides" say the act and so do it, as "I would like to thank" does
/// (`status_frame::performed`); "would have urged" does not.
fn polite_performative(
    tree: &TreeView<'_>,
    classes: &WordClasses,
    verb: usize,
    aux: usize,
) -> bool {
    if tree.lemma(aux).to_lowercase() != "would"
        || !classes.has(WordClass::StatusPerformativeVerb, tree.lemma(verb))
    {
        return false;
    }
    let first_person = tree
        .children_rel(verb, "nsubj")
        .any(|n| frame::first_person(tree, n));
    let perfect = tree
        .children_rel(verb, "aux")
        .any(|d| tree.lemma(d) == "have");
    // ("if asked, I would condemn it" is a conditional, not an act)
    let conditional = tree.children_rel(verb, "advcl").any(|c| {
        tree.children_rel(c, "mark")
            .any(|m| classes.has(WordClass::ConditionMark, tree.lemma(m)))
    });
    // ("we would condemn any escalation" judges what has not happened)
    let any_object = tree
        .children_rel(verb, "obj")
        .any(|o| tree.children_rel(o, "det").any(|d| tree.lemma(d) == "any"));
    first_person && !perfect && !conditional && !any_object
}

/// Whether `at` is a present-tense verb of a time clause ("when", "once",
/// "after": `events.temporal-mark`) in a sentence about the future: "we
/// will build on this when the President travels to X later this month",
/// "we look forward to it when the Minister visits": the present tense
/// there tells a future, planned act (dev README: planned actions are
/// hypothetical).
fn future_time_clause(tree: &TreeView<'_>, classes: &WordClasses, at: usize) -> bool {
    // (the parser may hang a "when" clause on a noun as a relative one:
    // "build on this coordination when the President travels")
    if !matches!(tree.deprel(at), "advcl" | "acl:relcl") || !matches!(tree.xpos(at), "VBZ" | "VBP")
    {
        return false;
    }
    let timed = tree.children(at).iter().any(|&c| {
        matches!(tree.rel(c), "mark" | "advmod")
            && c < at
            && classes.has(WordClass::TemporalMark, &tree.lemma(c).to_lowercase())
    });
    // the clause's governing verb: its head, or the noun's verb
    let governor = tree
        .ancestors(at)
        .take(2)
        .find(|&h| matches!(tree.upos(h), "VERB" | "AUX" | "ADJ"));
    let Some(h) = governor else {
        return false;
    };
    let future = tree
        .children_rel(h, "aux")
        .any(|d| classes.has(WordClass::FutureModal, tree.lemma(d)))
        || frame::looks_forward(tree, h);
    timed && future
}

/// Whether verb `t` is an arranged future "be to" infinitive: "the
/// presidents are to discuss …", "the Minister is to visit X" (the
/// copula and "to" on the verb itself). For meetings and visits only:
/// "Australia is to provide aid" announces a decided measure, "our goal
/// is to stop the war" an aim.
pub fn arranged_infinitive(tree: &TreeView<'_>, t: usize) -> bool {
    let children = tree.children(t);
    let to = children
        .iter()
        .any(|&c| tree.rel(c) == "mark" && tree.lemma(c) == "to");
    let be = children
        .iter()
        .any(|&c| matches!(tree.rel(c), "cop" | "aux") && tree.lemma(c) == "be");
    let subject = children.iter().any(|&c| tree.rel(c) == "nsubj");
    tree.upos(t) == "VERB" && to && be && subject
}

/// Whether a trigger states its subject's intent: the future tense
/// ([`is_future`]) or the infinitive of an intent verb ("intends to work
/// with X"; "would like to work with X", `events.intent-verb`), outside
/// a condition.
pub fn stated_intent(tree: &TreeView<'_>, classes: &WordClasses, t: usize) -> bool {
    // ("if the US would like to cooperate with X, it should …")
    if under_condition(tree, classes, t) {
        return false;
    }
    is_future(tree, classes, t) || intent_verb_above(tree, classes, t)
}

/// Whether the trigger is the infinitive of its own subject's intent verb
/// ("intends to provide", "wants to work with", "would like to
/// continue working with"), not under a condition. An object in between
/// makes the intent another's act ("we want to see X and Y cooperate").
pub fn stated_intent_verb(tree: &TreeView<'_>, classes: &WordClasses, t: usize) -> bool {
    !under_condition(tree, classes, t) && intent_verb_above(tree, classes, t)
}

fn intent_verb_above(tree: &TreeView<'_>, classes: &WordClasses, t: usize) -> bool {
    let mut at = t;
    for _ in 0..2 {
        let Some(h) = tree.head(at) else {
            return false;
        };
        if tree.deprel(at) != "xcomp" || tree.children_rel(h, "obj").next().is_some() {
            return false;
        }
        let lemma = tree.lemma(h);
        if classes.has(WordClass::IntentVerb, lemma) {
            // ("like" only as "would like"; "may seek to provide" is a
            // possibility, not an intent stated)
            let would = tree
                .children_rel(h, "aux")
                .any(|d| tree.lemma(d) == "would" || tree.lemma(d) == "'d");
            let possible = !would
                && tree
                    .children_rel(h, "aux")
                    .any(|d| classes.has(WordClass::HypotheticalModal, tree.lemma(d)));
            return !possible && (lemma != "like" || would);
        }
        at = h;
    }
    false
}

/// How many purpose clauses up a planned verb is looked for ("will travel
/// to X to meet Y to discuss Z").
const PURPOSE_DEPTH: usize = 3;

/// Whether the clause of `at` is the purpose of a planned action or what
/// happens during it: a to-infinitive adverbial ("will meet Y to discuss
/// Z", "will travel to X to attend …") or a "during" phrase ("during the
/// visit, the leaders will hold talks") of a verb with a modal of the
/// future or of possibility. What a planned action is for is planned too
/// (dev README: planned actions are hypothetical).
fn planned_by_governor(tree: &TreeView<'_>, classes: &WordClasses, at: usize) -> bool {
    let mut n = at;
    for _ in 0..PURPOSE_DEPTH {
        let Some(h) = tree.head(n) else {
            return false;
        };
        let purpose = tree.rel(n) == "advcl"
            && tree.upos(n) == "VERB"
            && tree.children_rel(n, "mark").any(|m| tree.lemma(m) == "to");
        let during = tree.rel(n) == "obl" && tree.case_of(n) == Some("during");
        if !purpose && !during {
            return false;
        }
        let planned = tree
            .children_rel(h, "aux")
            .any(|d| classes.has(WordClass::HypotheticalModal, tree.lemma(d)));
        if planned {
            return true;
        }
        n = h;
    }
    false
}

/// Whether a nominal trigger is called possible: a modifier ("a possible
/// attack") or the predicate it is the subject of ("an offensive … is
/// possible") is a hope word.
fn possible(tree: &TreeView<'_>, classes: &WordClasses, t: usize) -> bool {
    if tree.upos(t) != "NOUN" {
        return false;
    }
    // ("a possible attack", "the upcoming visit", "the planned talks")
    let modified = tree.children_rel(t, "amod").any(|c| {
        let lemma = tree.lemma(c);
        classes.has(WordClass::HopeVerb, lemma)
            || classes.has(WordClass::StatusProspectiveModifier, lemma)
    });
    let predicated = tree.rel(t) == "nsubj"
        && tree.head(t).is_some_and(|h| {
            tree.upos(h) == "ADJ" && classes.has(WordClass::HopeVerb, tree.lemma(h))
        });
    // ("ahead of the visit"; "any attack on X will be met …", "we
    // condemn any attempt to …": generic, none in particular)
    let ahead = tree.rel(t) == "obl"
        && tree
            .head(t)
            .is_some_and(|h| classes.has(WordClass::StatusProspectiveModifier, tree.lemma(h)));
    let any = tree
        .children_rel(t, "det")
        .any(|d| classes.has(WordClass::StatusGenericDeterminer, tree.lemma(d)));
    modified || predicated || ahead || any
}

/// The trigger and the verbs it leans on: a light verb ("did not launch
/// an attack") or the verb it complements ("refused to meet"); and the
/// status a complemented verb gives ("refused to": negated; "plans to":
/// hypothetical).
fn carriers(
    tree: &TreeView<'_>,
    classes: &WordClasses,
    t: usize,
    intent: bool,
) -> (Vec<usize>, Option<EventStatus>) {
    let mut carriers = vec![t];
    let mut at = t;
    for _ in 0..3 {
        let Some(h) = tree.head(at) else { break };
        if tree.deprel(at) == "acl" && classes.has(WordClass::HopeVerb, tree.lemma(h)) {
            // "Dale's plans to hold talks" (and "plans" misread as a
            // noun); "has no plans to deploy" denies it
            let denied = tree
                .children_rel(h, "det")
                .any(|d| classes.has(WordClass::Negator, tree.lemma(d)));
            let status = if denied {
                EventStatus::Negated
            } else {
                EventStatus::Hypothetical
            };
            return (carriers, Some(status));
        }
        if matches!(tree.rel(at), "obl" | "advcl")
            && tree.case_of(at) == Some("from")
            && classes.has(WordClass::NegatingVerb, tree.lemma(h))
        {
            // "refrained from criticising"
            return (carriers, Some(EventStatus::Negated));
        }
        if matches!(tree.deprel(at), "obj" | "nsubj:pass")
            && tree.upos(at) != "VERB"
            && classes.has(WordClass::NegatingVerb, tree.lemma(h))
        {
            // "prevented further attacks", "refused talks": the action
            // is not taken
            return (carriers, Some(EventStatus::Negated));
        }
        if arranged_for_later(tree, classes, at, h) {
            return (carriers, Some(EventStatus::Hypothetical));
        }
        // a nominal leans on a light verb only: "did not launch an
        // attack" denies the attack, "did not condemn the attack" does not;
        // and on a verb that says it happens ("the talks will take place")
        let leans = match tree.deprel(at) {
            "nsubj" => {
                tree.upos(at) == "NOUN"
                    && tree.upos(h) == "VERB"
                    && classes.has(WordClass::OccurrenceVerb, tree.lemma(h))
            }
            "xcomp" => true,
            // ("will participate in a meeting", "took part in talks")
            "obl" => {
                tree.upos(at) == "NOUN"
                    && tree.case_of(at) == Some("in")
                    && classes.has(WordClass::ParticipationVerb, tree.lemma(h))
            }
            "obj" | "nsubj:pass" => {
                tree.upos(at) != "VERB"
                    && (classes.has(WordClass::LightVerb, tree.lemma(h))
                        || classes.has(WordClass::ReceivingVerb, tree.lemma(h)))
            }
            _ => false,
        };
        if !leans {
            break;
        }
        if tree.deprel(at) == "xcomp" {
            let lemma = tree.lemma(h);
            if classes.has(WordClass::NegatingVerb, lemma) {
                return (carriers, Some(EventStatus::Negated));
            }
            if performed(tree, classes, at, h) {
                return (carriers, Some(EventStatus::Asserted));
            }
            // ("the ministers were instructed to hold consultations", "the
            // Minister is due to travel"): ordered or arranged, not done
            if classes.has(WordClass::StatusDirectiveVerb, lemma)
                || classes.has(WordClass::ArrangingVerb, lemma)
            {
                return (carriers, Some(EventStatus::Hypothetical));
            }
            // (a statement of intent under a verb of the subject's own
            // will is made: "seeks to strengthen ties")
            let willed = intent && classes.has(WordClass::VolitionVerb, lemma);
            if classes.has(WordClass::HopeVerb, lemma) && !willed {
                return (carriers, Some(EventStatus::Hypothetical));
            }
        }
        carriers.push(h);
        at = h;
    }
    (carriers, None)
}

/// Whether the nominal `at` is the subject of a verb or adjective that
/// arranges it for later ("the visit is scheduled for May", "the talks are
/// expected to resume", "the summit is due in June").
fn arranged_for_later(tree: &TreeView<'_>, classes: &WordClasses, at: usize, h: usize) -> bool {
    let subject = match tree.deprel(at) {
        "nsubj:pass" => tree.upos(h) == "VERB",
        "nsubj" => tree.upos(h) == "ADJ",
        _ => false,
    };
    subject && tree.upos(at) == "NOUN" && classes.has(WordClass::ArrangingVerb, tree.lemma(h))
}

/// Whether the trigger (or a verb it leans on) is in the future tense
/// ("will provide", "will hold talks").
pub fn is_future(tree: &TreeView<'_>, classes: &WordClasses, t: usize) -> bool {
    let (carriers, from_verb) = carriers(tree, classes, t, false);
    // (a hoped-for future is no commitment: "we hope X will continue to …")
    let hoped = carriers
        .last()
        .is_some_and(|&at| framed(tree, classes, at, (false, true)).is_some());
    from_verb.is_none()
        && !hoped
        && carriers.iter().any(|&c| {
            let owner = aux_owner(tree, c);
            tree.children_rel(owner, "aux").any(|d| {
                classes.has(WordClass::FutureModal, tree.lemma(d))
                    || tree.lemma(d) == PAST_OF_WILL && reported_in_past(tree, classes, owner)
            })
        })
}

/// "will" told in the past ("confirmed that they would cooperate").
const PAST_OF_WILL: &str = "would";

/// Whether verb `v` heads the clause a past-tense reporting verb reports
/// ("we confirmed that we would cooperate", "he said that Dale would
/// send aid"): its "would" is the reported "will".
fn reported_in_past(tree: &TreeView<'_>, classes: &WordClasses, v: usize) -> bool {
    tree.deprel(v) == "ccomp"
        && tree.head(v).is_some_and(|h| {
            tree.xpos(h) == "VBD" && classes.has(WordClass::ReportingVerb, tree.lemma(h))
        })
}

/// Whether the trigger is an action carried on: it or a verb it leans on
/// is a continuing verb ("will continue its assistance", "will continue
/// to support").
pub fn is_continued(tree: &TreeView<'_>, classes: &WordClasses, t: usize) -> bool {
    let (carriers, _) = carriers(tree, classes, t, false);
    carriers
        .iter()
        .any(|&c| classes.has(WordClass::ContinuingVerb, tree.lemma(c)))
}

/// Whether the clause of `at` (or one it is part of) is a condition
/// ("if Gondor attacks …").
fn under_condition(tree: &TreeView<'_>, classes: &WordClasses, at: usize) -> bool {
    let marked = |n: usize| {
        tree.children_rel(n, "mark")
            .any(|m| classes.has(WordClass::ConditionMark, tree.lemma(m)))
    };
    if marked(at) {
        return true;
    }
    let mut n = at;
    for h in tree.ancestors(at).take(CLAUSE_DEPTH) {
        if tree.rel(n) == "advcl" && marked(n) {
            return true;
        }
        n = h;
    }
    false
}

#[cfg(test)]
#[path = "tests_refs.rs"]
mod tests_refs;
