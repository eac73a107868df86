//! Concern about a state of affairs accuses no one: "we are concerned
//! about the worsening humanitarian crisis", "deeply disturbed by the
//! deteriorating security situation", "concerned about women at risk".
//! An ACCUSE from a word of concern (`events.concern-word`) with no target
//! stands only when what it is about is an act or names an actor ("the
//! arrest of journalists", "steps Russia is taking"): a situation noun, a
//! noun for the people who suffer, or a gerund ("concerned about ending
//! the war": intent on it) with no actor anywhere in its phrase is no
//! event (PLOVER ACCUSE needs one accused; dev README: only what a
//! careful analyst would code).

use super::args::Args;
use crate::doc::PloverType;
use crate::events::triggers::TriggerRow;
use crate::lexicon::WordClass;

/// How many tokens of a concern's phrase are searched for an actor.
const PHRASE_LIMIT: usize = 40;

/// Whether the ACCUSE at `t` only voices concern about a situation: the
/// first phrase of its target slots is a situation noun, a noun for the
/// ones who suffer or a gerund, naming no actor but where it happens
/// ("the situation in eastern Zaire" accuses no state), and no other
/// slot names an actor. Also true for a `rejected` row's trigger that no
/// one rejects (see `thanks::outside_its_frame`).
pub(super) fn about_a_situation(args: &Args<'_>, row: &TriggerRow, t: usize) -> bool {
    // (likewise an accusation noun coded only where it is rejected, met
    // outside that frame: the "charges" no one rejects)
    if super::thanks::outside_its_frame(args, row, t) {
        return true;
    }
    let classes = args.classes;
    let concern = classes.has(WordClass::ConcernWord, &row.lemma)
        || row
            .with
            .iter()
            .any(|w| classes.has(WordClass::ConcernWord, w));
    if row.kind != PloverType::Accuse || !concern {
        return false;
    }
    let objects: Vec<usize> = row.target.iter().flat_map(|r| args.nodes(t, r)).collect();
    let Some(&o) = objects.first() else {
        return false;
    };
    if objects
        .iter()
        .any(|&n| n != o && !args.actors_at(n).is_empty())
    {
        return false;
    }
    let tree = args.tree;
    let lemma = tree.lemma(o).to_lowercase();
    let unaccusing = tree.upos(o) == "VERB" || classes.has(WordClass::ConcernSituationNoun, &lemma);
    unaccusing && !names_an_actor(args, o)
}

/// Whether the phrase of `o` (it and its dependents, down the tree)
/// names an actor, outside the phrases that say where
/// (`events.concern-place-preposition`: "in", "across").
fn names_an_actor(args: &Args<'_>, o: usize) -> bool {
    let tree = args.tree;
    let mut stack = vec![o];
    let mut seen = 0;
    while let Some(n) = stack.pop() {
        seen += 1;
        if seen > PHRASE_LIMIT {
            // (a long phrase: assume it names someone)
            return true;
        }
        if !args.actors.at(n).is_empty() {
            return true;
        }
        let place = |c: usize| {
            tree.case_of(c)
                .is_some_and(|p| args.classes.has(WordClass::ConcernPlacePreposition, p))
        };
        stack.extend(tree.children(n).iter().copied().filter(|&c| !place(c)));
    }
    false
}
