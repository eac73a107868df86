//! "His counterpart", "the hosts", "her interlocutor" with nothing naming
//! whom (`events.counterpart-noun`): the other party of the meeting the
//! document reports. A readout names its pair once ("Gondor's Foreign
//! Minister met with the Foreign Minister of Rohan") and then says "the
//! Minister thanked his counterpart"; the counterpart is whichever party
//! the clause's own subject (or the noun's possessor) is not.

use super::view::TreeView;
use crate::doc::Doc;
use crate::lexicon::WordClasses;

/// Whether counterpart noun `i` refers back to a meeting's party: nothing
/// but a determiner or possessor on it ("his counterpart", "the hosts"),
/// and not itself the partner a clause of meeting names ("met with his
/// counterpart", "exchanged views with their counterparts": that meeting
/// is another one, its partner unnamed). A modifier, a phrase or an
/// apposition the actors leave unresolved ("foreign counterparts",
/// "counterparts from around the world", "his counterpart, National
/// Security Advisor Hulata") marks a counterpart the meeting does not
/// name.
pub(super) fn bare(tree: &TreeView<'_>, classes: &WordClasses, i: usize) -> bool {
    let plain = tree.children(i).iter().all(|&c| {
        matches!(tree.rel(c), "det" | "case" | "punct" | "cc") || tree.deprel(c) == "nmod:poss"
    });
    // (a title before a name, "his counterpart Lavrov", is the name's)
    if matches!(tree.rel(i), "compound" | "flat" | "amod" | "appos") {
        return false;
    }
    let Some(h) = tree.head(i) else {
        return plain;
    };
    let partner = [h]
        .into_iter()
        .chain(tree.head(h))
        .any(|v| tree.upos(v) == "VERB" && super::meetings::is_partner(tree, classes, v, i));
    plain && !partner
}

/// The parties of the meeting at token `i` that are not on the side of
/// the first group of `anchors` (the clause's subject, then the noun's
/// possessor) that has a party: the last meeting before `i`, else the
/// document's first. None when no anchor is a party (whose counterpart
/// is unknown).
pub(super) fn other_party(
    doc: &Doc,
    meetings: &[(usize, Vec<usize>)],
    i: usize,
    anchors: &[Vec<usize>],
) -> Vec<usize> {
    let meeting = meetings
        .iter()
        .rev()
        .find(|(end, _)| *end <= i)
        .or_else(|| meetings.first());
    let Some((_, parties)) = meeting else {
        return Vec::new();
    };
    let own_of = |group: &Vec<usize>| -> Vec<usize> {
        parties
            .iter()
            .copied()
            .filter(|&p| group.iter().any(|&a| same_side(doc, a, p)))
            .collect()
    };
    let Some(own) = anchors.iter().map(own_of).find(|own| !own.is_empty()) else {
        return Vec::new();
    };
    parties
        .iter()
        .copied()
        .filter(|p| !own.contains(p) && !own.iter().any(|&o| same_side(doc, o, *p)))
        .collect()
}

/// Whether actors `a` and `b` are one side: the same actor, one the
/// other's affiliation, or two of one affiliation.
fn same_side(doc: &Doc, a: usize, b: usize) -> bool {
    let aff = |x: usize| doc.actors.get(x).and_then(|r| r.affiliation);
    a == b || aff(a) == Some(b) || aff(b) == Some(a) || aff(a).is_some() && aff(a) == aff(b)
}
