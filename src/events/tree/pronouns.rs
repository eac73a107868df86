//! "They" and "it" (the actors stage resolves "he", "she" and "we"), and
//! possessives that point forward.
//!
//! - a possessive in a phrase before its clause's subject ("In his
//!   meeting with Arnor, the Minister …", "During their talks, Gondor and
//!   Rohan …") is the subject's: that subject, when it names an actor of
//!   the pronoun's kind;
//! - "its" or "their" on the object of a verb is that verb's subject's
//!   when the subject names actors that fit it ("Gondor and Rohan
//!   reaffirmed their commitment", "the G7 leaders affirmed their
//!   commitment", "Gondor continued its shelling"): the object's owner is
//!   the subject far more often than an actor named earlier;
//! - "they", "them", "their": the last coordination of actors ("Gondor
//!   and Arnor … They agreed") or pair of a meeting ("Gondor met with
//!   Arnor … They agreed", [`super::meetings`]) within two sentences
//!   before; in a joint
//!   statement without one, its authors;
//! - "it", "its": the last state or organisation that is a subject or a
//!   possessor ("Gondor's involvement … and its support"), in the same
//!   sentence before the pronoun, else in the sentence before. Subjects
//!   and possessors are what a later "it" most often continues; the last
//!   object before the pronoun ("arming Arnor and its support") is not.

use std::collections::HashMap;

use super::view::TreeView;
use crate::doc::{ActorKind, Doc, RefKind};
use crate::lexicon::{WordClass, WordClasses};

/// How many sentences back an antecedent may be.
const REACH: usize = 2;

/// How many sentences back the pair of a meeting may be, when no other
/// run of actors came after it: a readout names the pair once, then
/// tells what each said, then continues with "they" ("X met with Y. X
/// stressed … She affirmed … They condemned …").
const MEETING_REACH: usize = 4;

/// Token → the actors a plural or neuter pronoun there stands for.
pub fn resolve(
    doc: &Doc,
    tree: &TreeView<'_>,
    classes: &WordClasses,
    meetings: &[(usize, Vec<usize>)],
) -> HashMap<usize, Vec<usize>> {
    let mut groups = coordinations(doc);
    groups.extend(meetings.iter().cloned());
    groups.sort_by_key(|(end, _)| *end);
    let salient = salient_bodies(doc, tree);
    let groups_sorted = groups.is_sorted_by_key(|(end, _)| *end);
    let salient_sorted = salient.is_sorted_by_key(|(at, _)| *at);
    let plural_subjects = plural_subjects_before(doc, tree, classes);
    let mut out = forward_possessives(doc, tree);
    for (i, actors) in reason_possessives(doc, tree) {
        out.entry(i).or_insert(actors);
    }
    for (i, actors) in bound_possessives(doc, tree) {
        out.entry(i).or_insert(actors);
    }
    for i in 0..doc.tokens.len() {
        let word = doc.norm(i);
        let sentence = doc.sentence_of_token(i);
        let actors: Vec<usize> = match word {
            "they" | "them" | "their" | "theirs" | "themselves" => {
                // (a plural subject named since in the same sentence,
                // "Protesters gathered and they demanded", is the nearer
                // antecedent of a subject "they")
                let start = doc.sentences.get(sentence).map_or(0, |s| s.tokens.start);
                let nearer =
                    word == "they" && plural_subjects.get(i) != plural_subjects.get(start.min(i));
                let near = |at: usize| {
                    doc.sentence_of_token(at) + REACH >= sentence
                        && !(nearer && plural_subjects.get(i) != plural_subjects.get(at.min(i)))
                };
                last_before(
                    (&groups, groups_sorted),
                    |(end, _)| *end <= i,
                    |(end, _)| near(*end),
                )
                .map(|(_, a)| a.clone())
                .or_else(|| {
                    // (the last run before it, when that is a meeting's
                    // pair a little further back)
                    let far = |at: usize| {
                        doc.sentence_of_token(at) + MEETING_REACH >= sentence
                            && !(nearer && plural_subjects.get(i) != plural_subjects.get(at.min(i)))
                    };
                    last_before(
                        (&groups, groups_sorted),
                        |(end, _)| *end <= i,
                        |g| far(g.0) && meetings.contains(g),
                    )
                    .map(|(_, a)| a.clone())
                })
                .or_else(|| (!doc.co_authors.is_empty()).then(|| doc.author.into_iter().collect()))
                .unwrap_or_default()
            }
            "it" | "its" | "itself" if tree.deprel(i) != "expl" => {
                let near = |at: usize| doc.sentence_of_token(at) + 1 >= sentence;
                last_before(
                    (&salient, salient_sorted),
                    |(at, _)| *at < i,
                    |(at, _)| near(*at),
                )
                .map(|&(_, a)| vec![a])
                .unwrap_or_default()
            }
            _ => continue,
        };
        if !actors.is_empty() && !out.contains_key(&i) {
            out.insert(i, actors);
        }
    }
    out
}

/// Token → how many plural common nouns before it are subjects and name
/// no actor and no role ("ministers", "sides": those continue a named
/// run): a prefix count, so the test between two tokens is O(1).
fn plural_subjects_before(doc: &Doc, tree: &TreeView<'_>, classes: &WordClasses) -> Vec<usize> {
    let mut named = vec![false; doc.tokens.len()];
    for s in &doc.actor_spans {
        for t in s.tokens.clone() {
            if let Some(x) = named.get_mut(t) {
                *x = true;
            }
        }
    }
    let mut out = Vec::with_capacity(doc.tokens.len() + 1);
    let mut count = 0;
    for (i, &is_named) in named.iter().enumerate() {
        out.push(count);
        let role = classes.has(WordClass::RoleWord, doc.norm(i))
            || classes.has(WordClass::SideNoun, tree.lemma(i));
        if tree.xpos(i) == "NNS" && tree.rel(i) == "nsubj" && !is_named && !role {
            count += 1;
        }
    }
    out.push(count);
    out
}

/// The last item of `list` (in its order) that is `before` the pronoun
/// and `near` it. Both tests are monotone along a list sorted by position
/// (true up to some point, and from some point on), so on such a list
/// (nearly always) the item is found by binary search: a scan back from
/// the end per pronoun made a long one-line document quadratic. An
/// unsorted list (nested actor spans; `sorted` says) is scanned as before.
fn last_before<T>(
    (list, sorted): (&[(usize, T)], bool),
    before: impl Fn(&(usize, T)) -> bool,
    near: impl Fn(&(usize, T)) -> bool,
) -> Option<&(usize, T)> {
    if sorted {
        let k = list.partition_point(&before);
        return k.checked_sub(1).map(|k| &list[k]).filter(|x| near(x));
    }
    list.iter().rev().find(|x| before(x) && near(x))
}

/// Runs of two or more actor spans joined by "and" or commas, as (the
/// token after the run, its actors), in text order. A pair reference ("the
/// two sides": two spans of one range) is a run too.
pub(super) fn coordinations(doc: &Doc) -> Vec<(usize, Vec<usize>)> {
    let spans = &doc.actor_spans;
    // (a hyphenated pair, "U.S.-China", modifies a noun: it is no run
    // that "they" continues)
    let hyphen_pair = super::hyphen::pair_span_test(doc);
    let mut out = Vec::new();
    let mut k = 0;
    while k < spans.len() {
        if hyphen_pair(&spans[k]) {
            k += 1;
            continue;
        }
        let mut actors = vec![spans[k].actor];
        let mut end = spans[k].tokens.end;
        let mut j = k + 1;
        // a pair reference ("the two sides") is a run of its own: "…
        // assistance to Dale, the leaders said" joins no list
        let pair_at = |j: usize| {
            spans
                .get(j + 1)
                .is_some_and(|n| n.tokens == spans[j].tokens && n.how == RefKind::Pronoun)
        };
        let pair = pair_at(k);
        while j < spans.len() {
            let s = &spans[j];
            if hyphen_pair(s) {
                break;
            }
            let same = s.tokens == spans[j - 1].tokens;
            if pair && !same || !pair && pair_at(j) {
                break;
            }
            let joined = same
                || s.tokens.start >= end
                    && s.tokens.start - end <= 2
                    && (end..s.tokens.start).all(|t| matches!(doc.norm(t), "and" | "," | "the"))
                    && s.tokens.start > end;
            if !joined {
                break;
            }
            if !actors.contains(&s.actor) {
                actors.push(s.actor);
            }
            end = end.max(s.tokens.end);
            j += 1;
        }
        if actors.len() >= 2 {
            out.push((end, actors));
        }
        k = j;
    }
    out
}

/// States and organisations named as a subject or a possessor, as (token,
/// actor), in text order.
fn salient_bodies(doc: &Doc, tree: &TreeView<'_>) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let hyphen_pair = super::hyphen::pair_span_test(doc);
    for s in &doc.actor_spans {
        if hyphen_pair(s) {
            continue;
        }
        let body = doc.actors.get(s.actor).is_some_and(|a| {
            matches!(
                a.kind,
                Some(ActorKind::State) | Some(ActorKind::Organization)
            )
        });
        if !body {
            continue;
        }
        let role = s.tokens.clone().any(|t| {
            matches!(
                tree.deprel(t),
                "nsubj" | "nsubj:pass" | "nmod:poss" | "obl:agent"
            )
        });
        if role {
            out.push((s.tokens.start, s.actor));
        }
    }
    out
}

/// How far up from a possessive its clause's verb is looked for.
const FORWARD_DEPTH: usize = 4;

/// Possessives in a phrase before their clause's subject, each with the
/// actors that subject names.
pub fn forward_possessives(doc: &Doc, tree: &TreeView<'_>) -> HashMap<usize, Vec<usize>> {
    let mut out = HashMap::new();
    for i in 0..doc.tokens.len() {
        let wanted: &[ActorKind] = match doc.norm(i) {
            "his" | "her" => &[ActorKind::Person],
            "its" => &[ActorKind::State, ActorKind::Organization],
            "their" => &[
                ActorKind::Person,
                ActorKind::State,
                ActorKind::Organization,
                ActorKind::Group,
            ],
            _ => continue,
        };
        if tree.deprel(i) != "nmod:poss" {
            continue;
        }
        let Some(subject) = forward_subject(tree, i) else {
            continue;
        };
        let actors: Vec<usize> = tree
            .with_conjuncts(subject)
            .into_iter()
            .flat_map(|n| spans_at(doc, n))
            .filter(|&a| {
                doc.actors
                    .get(a)
                    .is_some_and(|r| r.kind.is_some_and(|k| wanted.contains(&k)))
            })
            .collect();
        if !actors.is_empty() {
            out.insert(i, actors);
        }
    }
    out
}

/// Possessives "its" and "their" on the direct object of a verb, each
/// with the actors the verb's subject (before it) names: for "its" one
/// state or organisation named by the subject itself; for "their" two or
/// more actors, or those a plural head's modifiers name ("the G7
/// leaders", "the leaders of Gondor and Rohan").
fn bound_possessives(doc: &Doc, tree: &TreeView<'_>) -> HashMap<usize, Vec<usize>> {
    let mut out = HashMap::new();
    for i in 0..doc.tokens.len() {
        let Some(plural) = possessive_plural(doc.norm(i)) else {
            continue;
        };
        if tree.deprel(i) != "nmod:poss" {
            continue;
        }
        let Some(object) = tree.head(i).filter(|&h| tree.deprel(h) == "obj") else {
            continue;
        };
        let Some(verb) = tree.head(object).filter(|&v| tree.upos(v) == "VERB") else {
            continue;
        };
        let Some(subject) = tree
            .children(verb)
            .iter()
            .copied()
            .find(|&c| tree.deprel(c) == "nsubj" && c < i)
        else {
            continue;
        };
        let conjuncts = tree.with_conjuncts(subject);
        let named: Vec<usize> = conjuncts.iter().flat_map(|&n| spans_at(doc, n)).collect();
        let actors = if !named.is_empty() {
            named
        } else if plural {
            // a common-noun head ("leaders"): the actors its modifiers name
            conjuncts
                .iter()
                .flat_map(|&n| tree.children(n).iter().copied())
                .filter(|&c| matches!(tree.deprel(c), "compound" | "amod" | "nmod" | "nmod:poss"))
                .flat_map(|c| tree.with_conjuncts(c))
                .flat_map(|c| spans_at(doc, c))
                .collect()
        } else {
            Vec::new()
        };
        let mut actors: Vec<usize> = actors
            .into_iter()
            .filter(|&a| fits(doc, a, plural))
            .collect();
        actors.dedup();
        let fits_number = if plural {
            // one actor: named by a modifier of the plural head, or a group
            // ("the Houthis continued their attacks")
            actors.len() >= 2
                || actors.len() == 1
                    && (conjuncts.iter().all(|&n| spans_at(doc, n).is_empty())
                        || is_group(doc, actors[0]))
        } else {
            actors.len() == 1
        };
        if fits_number {
            out.insert(i, actors);
        }
    }
    out
}

/// "its" or "their" in the reason a verb gives its addressee ("thanked
/// Rohan for its support", "grateful to Rohan for its assistance",
/// "criticised Harad for its decision"): the addressee's, the object or
/// the "to" phrase before it, when that names actors that fit.
fn reason_possessives(doc: &Doc, tree: &TreeView<'_>) -> HashMap<usize, Vec<usize>> {
    let mut out = HashMap::new();
    for i in 0..doc.tokens.len() {
        let Some(plural) = possessive_plural(doc.norm(i)) else {
            continue;
        };
        let Some(reason) = tree.head(i).filter(|_| tree.deprel(i) == "nmod:poss") else {
            continue;
        };
        if !matches!(tree.rel(reason), "obl" | "nmod") || tree.case_of(reason) != Some("for") {
            continue;
        }
        let Some(verb) = tree.head(reason) else {
            continue;
        };
        let addressed = |v: usize| {
            tree.children(v).iter().copied().find(|&c| {
                c < reason
                    && (tree.deprel(c) == "obj"
                        || tree.rel(c) == "obl" && tree.case_of(c) == Some("to"))
            })
        };
        // (or the object of the verb a predicate complements: "hold
        // Russia accountable for its aggression")
        let addressee = addressed(verb).or_else(|| {
            tree.head(verb)
                .filter(|_| tree.deprel(verb) == "xcomp")
                .and_then(addressed)
        });
        let Some(addressee) = addressee else { continue };
        let mut actors: Vec<usize> = tree
            .with_conjuncts(addressee)
            .into_iter()
            .flat_map(|n| spans_at(doc, n))
            .filter(|&a| fits(doc, a, plural))
            .collect();
        actors.dedup();
        if plural && !actors.is_empty() || actors.len() == 1 {
            out.insert(i, actors);
        }
    }
    out
}

/// Whether actor `a` is a group.
fn is_group(doc: &Doc, a: usize) -> bool {
    doc.actors
        .get(a)
        .is_some_and(|r| r.kind == Some(ActorKind::Group))
}

/// Whether actor `a` is of a kind the possessive can stand for.
fn fits(doc: &Doc, a: usize, plural: bool) -> bool {
    doc.actors.get(a).and_then(|r| r.kind).is_some_and(|k| {
        matches!(k, ActorKind::State | ActorKind::Organization)
            || plural && matches!(k, ActorKind::Person | ActorKind::Group)
    })
}

/// The subject after the phrase holding token `i`, when that phrase is an
/// adverbial of the subject's verb ("In his meeting …, the Minister said").
fn forward_subject(tree: &TreeView<'_>, i: usize) -> Option<usize> {
    let mut at = i;
    for _ in 0..FORWARD_DEPTH {
        let h = tree.head(at)?;
        if tree.upos(h) == "VERB" && matches!(tree.rel(at), "obl" | "advcl" | "advmod") {
            let subject = tree
                .children(h)
                .iter()
                .copied()
                .find(|&c| matches!(tree.deprel(c), "nsubj" | "nsubj:pass"))?;
            return (subject > at).then_some(subject);
        }
        at = h;
    }
    None
}

/// The actors of the name spans covering token `i` (no pronoun).
fn spans_at(doc: &Doc, i: usize) -> Vec<usize> {
    doc.actor_spans
        .iter()
        .filter(|s| s.tokens.contains(&i) && s.how != crate::doc::RefKind::Pronoun)
        .map(|s| s.actor)
        .collect()
}

/// Whether a possessive the resolvers bind is plural: "their" yes, "its" no,
/// `None` for any other word.
fn possessive_plural(word: &str) -> Option<bool> {
    match word {
        "its" => Some(false),
        "their" => Some(true),
        _ => None,
    }
}
