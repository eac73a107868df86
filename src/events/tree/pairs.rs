//! Who acts towards whom: (source, target) pairs, parties of joint
//! actions.

use super::view::TreeView;
use crate::doc::{ActorKind, Doc, PloverType};

pub(super) fn is_person(doc: &Doc, a: usize) -> bool {
    doc.actors
        .get(a)
        .is_some_and(|x| x.kind == Some(ActorKind::Person))
}

/// Agreement, cooperation and consultation are between parties: with
/// coordinated sources and no target, each acts towards the others ("X
/// and Y reaffirmed their commitment": one AGREE per direction).
pub(super) fn is_dyadic(kind: PloverType) -> bool {
    matches!(
        kind,
        PloverType::Agree | PloverType::Cooperate | PloverType::Consult
    )
}

/// Whether AGREE trigger `t` (a noun: "commitment") is followed by a
/// to-infinitive ("their commitment to work together", "its commitment to
/// continue supporting …"): a stated intention to act, AGREE with no
/// target (dev README: statements of intent or commitment). The parser
/// often hangs the infinitive on the light verb rather than on the noun, so
/// the words themselves are read: "to" then a verb.
///
/// A possessive pronoun must have a subject in the clause of the verb that
/// takes the noun ("the leaders reaffirmed their commitment to …"): with
/// none ("joined by … to reaffirm their commitment to …") the pronoun is
/// only resolved to an earlier list, too often the wrong one.
pub(super) fn intends_to_act(tree: &TreeView<'_>, kind: PloverType, t: usize) -> bool {
    let infinitive = kind == PloverType::Agree
        && t + 2 < tree.len()
        && tree.lemma(t + 1) == "to"
        && tree.deprel(t + 1) == "mark"
        && tree.upos(t + 2) == "VERB";
    let pronoun = tree
        .children(t)
        .iter()
        .any(|&c| tree.deprel(c) == "nmod:poss" && tree.upos(c) == "PRON");
    let clause_subject = tree.head(t).is_some_and(|v| {
        tree.children(v)
            .iter()
            .any(|&c| matches!(tree.deprel(c), "nsubj" | "nsubj:pass"))
    });
    infinitive && (!pronoun || clause_subject)
}

/// Coordinated persons who agree or cooperate act for their states or
/// organisations ("the two ministers agreed to …" is an agreement of the
/// two states), when each has a distinct affiliation.
pub(super) fn parties_of(doc: &Doc, sources: Vec<usize>) -> Vec<usize> {
    if sources.len() < 2 {
        return sources;
    }
    let mut bodies = Vec::new();
    for &a in &sources {
        let person = is_person(doc, a);
        match doc.actors.get(a).and_then(|x| x.affiliation) {
            Some(b) if person && !bodies.contains(&b) => bodies.push(b),
            _ => return sources,
        }
    }
    bodies
}

/// (source, target) pairs: every source with every target other than
/// itself; a reciprocal trigger with coordinated sources and no target
/// pairs the sources both ways.
pub(super) fn pairs(
    sources: &[usize],
    targets: &[usize],
    recip: bool,
    signers_of_three: bool,
) -> Vec<(usize, Option<usize>)> {
    let others: Vec<usize> = targets
        .iter()
        .copied()
        .filter(|t| !sources.contains(t))
        .collect();
    let mut out = Vec::new();
    if !others.is_empty() {
        for &a in sources {
            for &b in &others {
                out.push((a, Some(b)));
            }
        }
    } else if recip && (sources.len() == 2 || sources.len() == 3 && signers_of_three) {
        // (two parties only: "they will discuss" after a list of seven
        // states is no set of forty-two bilateral events; a signing names
        // its parties, and three that sign one text bind each other: dev
        // README, one SUPPORT per direction)
        for &a in sources {
            for &b in sources {
                if a != b {
                    out.push((a, Some(b)));
                }
            }
        }
    } else {
        out.extend(sources.iter().map(|&a| (a, None)));
    }
    out
}

/// The (source, target) pairs of one trigger: named co-signers sign as
/// individuals, a signing binds both parties, and a dyadic row pairs its
/// parties both ways.
pub(super) fn event_pairs(
    doc: &Doc,
    sources: &[usize],
    targets: &[usize],
    signing: bool,
    dyadic: bool,
) -> Vec<(usize, Option<usize>)> {
    let persons = sources.len() >= 2 && sources.iter().all(|&a| is_person(doc, a));
    if signing && persons && targets.is_empty() {
        // named signers sign as individuals: the first-named with each
        // co-signer (dev README: one SUPPORT per co-signer)
        sources[1..]
            .iter()
            .map(|&b| (sources[0], Some(b)))
            .collect()
    } else {
        let mut all = pairs(sources, targets, dyadic, signing);
        if signing {
            // a signing with another party binds both
            // (named signers: one SUPPORT from the first-named signer to
            // the co-signer, dev README)
            let back: Vec<_> = all
                .iter()
                .filter(|&&(s, t)| !(is_person(doc, s) && t.is_some_and(|t| is_person(doc, t))))
                .filter_map(|&(s, t)| Some((t?, Some(s))))
                .collect();
            for b in back {
                if !all.contains(&b) {
                    all.push(b);
                }
            }
        }
        all
    }
}

/// A nominal trigger with no source of its own whose two parties are
/// named "between" them ("fighting between Harad and Umbar"): `sources`
/// becomes the parties, and the act is mutual (each towards the other).
pub(super) fn between(
    args: &super::args::Args<'_>,
    row: &crate::events::triggers::TriggerRow,
    t: usize,
    sources: &mut Vec<usize>,
    voice: Option<usize>,
) -> bool {
    // (acts one party does to another and receives back; a visit, a
    // request or an accusation "between" two has a direction the phrase
    // does not give; a call between two is contact both ways)
    let visit = matches!(row.cameo.get(..3), Some("042" | "043"));
    let mutual_kind = row.flags.recip
        || matches!(
            row.kind,
            PloverType::Agree
                | PloverType::Cooperate
                | PloverType::Support
                | PloverType::Assault
                | PloverType::Retreat
        )
        || row.kind == PloverType::Consult && !visit;
    if !sources.is_empty() || row.pos != crate::events::triggers::TriggerPos::Noun || !mutual_kind {
        return false;
    }
    *sources = args.between_parties(t);
    if sources.is_empty() && super::hyphen::mutual_act(row) {
        // the two parties named in one word ("the Rohan-Gondor talks");
        // talks the document's own side took part in go from that side
        // to the other (dev README: the narrating side → the other)
        let parties = super::hyphen::parties_on(args, t).unwrap_or_default();
        let narrator = super::hyphen::narrator_party(args, &parties, voice);
        match narrator.filter(|_| row.kind == PloverType::Consult) {
            Some(own) => {
                *sources = vec![own];
                return false;
            }
            None => *sources = parties,
        }
    }
    !sources.is_empty()
}

/// Pairs matched by "respectively" ("Arnor and Dale will send aid to
/// Rohan and Umbar respectively": Arnor to Rohan, Dale to Umbar): the
/// n-th source named with the n-th target named, when the word hangs on
/// the trigger's clause (the trigger, its light verb, or a conjunct under
/// them) and both lists are as long and apart. `None` when the sentence
/// does not say so, and the cross product stands.
pub(super) fn respective_pairs(
    doc: &Doc,
    args: &super::args::Args<'_>,
    t: usize,
    sources: &[usize],
    targets: &[usize],
) -> Option<Vec<(usize, Option<usize>)>> {
    let tree = args.tree;
    let apart = !sources.iter().any(|s| targets.contains(s));
    if sources.len() < 2 || sources.len() != targets.len() || !apart {
        return None;
    }
    let sentence = doc.sentences.get(doc.sentence_of_token(t))?;
    let span = sentence.tokens.clone();
    let clause = [Some(t), tree.head(t)];
    // (near the trigger: a "respectively" three heads up or more belongs
    // to another clause of the sentence)
    let marked = span.clone().any(|r| {
        tree.lemma(r).eq_ignore_ascii_case("respectively")
            && tree.ancestors(r).take(3).any(|a| clause.contains(&Some(a)))
    });
    if !marked {
        return None;
    }
    let in_text_order = |actors: &[usize]| -> Option<Vec<usize>> {
        let mut placed: Vec<(usize, usize)> = actors
            .iter()
            .map(|&a| {
                span.clone()
                    .find(|&i| args.actors.at(i).contains(&a))
                    .map(|i| (i, a))
            })
            .collect::<Option<_>>()?;
        placed.sort_unstable();
        Some(placed.into_iter().map(|(_, a)| a).collect())
    };
    let (s, g) = (in_text_order(sources)?, in_text_order(targets)?);
    Some(s.into_iter().zip(g).map(|(a, b)| (a, Some(b))).collect())
}
