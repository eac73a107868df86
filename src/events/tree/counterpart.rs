//! "His counterpart", "the hosts", "her interlocutor" with nothing naming
//! whom (`events.counterpart-noun`): the other party of the meeting the
//! document reports. A readout names its pair once ("Gondor's Foreign
//! Minister met with the Foreign Minister of Rohan") and then says "the
//! Minister thanked his counterpart"; the counterpart is whichever party
//! the clause's own subject (or the noun's possessor) is not.

use super::actors::{ActorIndex, Nominals};
use super::view::TreeView;
use crate::doc::Doc;
use crate::lexicon::{WordClass, WordClasses};

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

impl ActorIndex<'_> {
    /// Whom "counterpart" at `i` stands for: the person its apposition
    /// names ("his Dalish counterpart, Bard Girion"); else, for a national
    /// or body modifier ("his Dalish counterpart", "his G7 counterparts"),
    /// the one person of that side the document names, or the side itself.
    /// Never its possessor ("his", "Gondor's"): that is the other party.
    pub(super) fn counterpart(
        &self,
        tree: &TreeView<'_>,
        i: usize,
        nominals: &Nominals,
    ) -> Vec<usize> {
        let children = tree.children(i);
        for &c in children.iter().filter(|&&c| tree.rel(c) == "appos") {
            let named = self.of_node(tree, c, nominals);
            if !named.is_empty() {
                return named;
            }
        }
        let side = children
            .iter()
            .copied()
            .filter(|&c| matches!(tree.deprel(c), "amod" | "compound"))
            .map(|c| self.named_at(c))
            .find(|found| !found.is_empty());
        let Some(side) = side else {
            return self.counterpart_by_meeting(tree, i, nominals);
        };
        let mut out = Vec::new();
        for s in side {
            let persons: Vec<usize> = (0..self.doc.actors.len())
                .filter(|&a| self.is_person(a) && self.affiliation(a) == Some(s))
                .collect();
            let a = match persons[..] {
                [p] => p,
                _ => s,
            };
            if !out.contains(&a) {
                out.push(a);
            }
        }
        out
    }

    /// "Counterparts from X" names X; a counterpart with nothing naming
    /// whom is the other party of the document's meeting, against the
    /// clause's subject or the noun's possessor (see this module's `bare` and `other_party`).
    fn counterpart_by_meeting(
        &self,
        tree: &TreeView<'_>,
        i: usize,
        nominals: &Nominals,
    ) -> Vec<usize> {
        let from = tree
            .children(i)
            .iter()
            .copied()
            .filter(|&c| tree.rel(c) == "nmod" && matches!(tree.case_of(c), Some("from" | "of")))
            // ("counterparts from our allies" names the speaker's friends,
            // not whom)
            .filter(|&c| {
                !tree
                    .children(c)
                    .iter()
                    .any(|&p| tree.deprel(p) == "nmod:poss" && tree.upos(p) == "PRON")
            })
            .map(|c| self.of_nodes(tree, c, nominals))
            .find(|found| !found.is_empty());
        if let Some(found) = from {
            return found;
        }
        if !bare(tree, self.classes, i) {
            return Vec::new();
        }
        let mut anchors = Vec::new();
        // (the subject of the clause the noun is an argument of, "the
        // Minister thanked his counterpart", before the possessor, which
        // the actors stage reads as the last person named)
        let clause = tree.ancestors(i).take(3).find(|&h| tree.upos(h) == "VERB");
        if let Some(v) = clause {
            let other_noun = |s: usize| {
                self.classes
                    .has_ignore_ascii_case(WordClass::CounterpartNoun, tree.lemma(s))
            };
            for s in tree.children_rel(v, "nsubj").filter(|&s| !other_noun(s)) {
                anchors.extend(self.of_node(tree, s, nominals));
            }
        }
        let possessors: Vec<usize> = tree
            .children_rel(i, "nmod")
            .filter(|&c| tree.deprel(c) == "nmod:poss")
            .flat_map(|c| self.at(c))
            .collect();
        let found = other_party(self.doc, &self.meetings, i, &[anchors, possessors]);
        super::trace::fired(self.doc, "FIRECOUNTERPART", i, &found);
        found
    }
}
