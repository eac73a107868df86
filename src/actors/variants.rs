//! Merging persons named by part of another person's name into the fuller
//! name.

use crate::doc::{ActorKind, ActorRef, ActorSpan};
use crate::lexicon::WordMap;

/// Persons named by part of another person's name ("Ghazaryan", "Mr
/// Ghazaryan" → "Sergey Ghazaryan") become that person: spans and
/// mentions move to the fuller name, which is the canonical one.
pub(super) fn merge_person_variants(actors: &mut [ActorRef], spans: &mut [ActorSpan]) {
    let persons: Vec<usize> = (0..actors.len())
        .filter(|&i| actors[i].kind == Some(ActorKind::Person))
        .collect();
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|w| {
                w.trim_end_matches('.')
                    .to_lowercase()
                    .replace('\u{2019}', "'")
            })
            .collect()
    };
    let name_words: WordMap<usize, Vec<String>> = persons
        .iter()
        .map(|&a| (a, words(&actors[a].name)))
        .collect();
    let mut into: WordMap<usize, usize> = WordMap::default();
    for &a in &persons {
        let wa = &name_words[&a];
        let mut best: Option<(usize, usize)> = None;
        for &b in &persons {
            if a == b {
                continue;
            }
            let wb = &name_words[&b];
            // a fuller name adds a word; one that only repeats a word
            // ("Sauli Niinistö Niinistö", a transcript's stutter) is the
            // shorter name's variant, not the other way round
            let fuller = wb.len() > wa.len()
                && wa.iter().all(|w| wb.contains(w))
                && wb.iter().any(|w| !wa.contains(w));
            let stutter = wa.len() > wb.len()
                && wa.iter().all(|w| wb.contains(w))
                && wb.iter().all(|w| wa.contains(w));
            let respelt = !fuller && !stutter && same_surname_spelt_apart(wa, wb);
            if (fuller || stutter || respelt) && best.is_none_or(|(_, n)| wb.len() > n) {
                best = Some((b, wb.len()));
            }
        }
        if let Some((b, _)) = best {
            into.insert(a, b);
        }
    }
    merge(actors, spans, &into);
}

/// Whether name `short` is the end of the longer name `long` written with
/// its words joined or split by a hyphen or a space ("Al-Busaidi", "Al
/// Busaidi" → "Sayyid Badr Albusaidi"): the same letters as whole
/// trailing words of the longer name, which has more words.
fn same_surname_spelt_apart(short: &[String], long: &[String]) -> bool {
    let letters = |ws: &[String]| -> String {
        ws.iter()
            .flat_map(|w| w.chars())
            .filter(|c| c.is_alphanumeric() || *c == '\'')
            .collect()
    };
    let wanted = letters(short);
    if wanted.chars().count() < MIN_RESPELT_LETTERS || short.len() >= long.len() {
        return false;
    }
    (1..long.len()).any(|k| letters(&long[long.len() - k..]) == wanted)
}

/// The fewest letters a respelt surname needs ("Al-Ali" is short enough
/// to be two persons' names).
const MIN_RESPELT_LETTERS: usize = 6;

/// Organisations named by another organisation's name without its last
/// word, a body word ("Znaniye" → "Znaniye Society", "Tarvel" → "Tarvel
/// Company") become that organisation, unless the gazetteer knows the
/// shorter name or it is an acronym (NATO is no short form of "NATO
/// Council").
pub(super) fn merge_org_short_forms(
    actors: &mut [ActorRef],
    spans: &mut [ActorSpan],
    is_body_word: impl Fn(&str) -> bool,
) {
    let orgs: Vec<usize> = (0..actors.len())
        .filter(|&i| actors[i].kind == Some(ActorKind::Organization))
        .collect();
    let by_name: WordMap<String, usize> = orgs
        .iter()
        .map(|&a| (actors[a].name.to_lowercase(), a))
        .collect();
    let mut into: WordMap<usize, usize> = WordMap::default();
    for &b in &orgs {
        let name = actors[b].name.to_lowercase();
        let Some((short, last)) = name.rsplit_once(' ') else {
            continue;
        };
        if !is_body_word(last) {
            continue;
        }
        if let Some(&a) = by_name.get(short) {
            // (an acronym names its own body: "IPEF", "IPEF Council")
            let acronym = !actors[a].name.chars().any(char::is_lowercase);
            if a != b && actors[a].entry.is_none() && !acronym {
                into.insert(a, b);
            }
        }
    }
    merge(actors, spans, &into);
}

/// An organisation named by a body word alone ("the Council") is the one
/// organisation of the document whose name holds that word ("Security
/// Council", "Council of Europe"); with none or several, it stays (and the
/// name rules drop it).
pub(super) fn merge_generic_heads(
    actors: &mut [ActorRef],
    spans: &mut [ActorSpan],
    generic_head: impl Fn(&str) -> Option<String>,
) {
    let orgs: Vec<usize> = (0..actors.len())
        .filter(|&i| actors[i].kind == Some(ActorKind::Organization))
        .collect();
    let mut into: WordMap<usize, usize> = WordMap::default();
    for &a in &orgs {
        let Some(head) = generic_head(&actors[a].name) else {
            continue;
        };
        let holds = |b: usize| {
            b != a
                && generic_head(&actors[b].name).is_none()
                && actors[b]
                    .name
                    .split_whitespace()
                    .any(|w| w.to_lowercase().trim_end_matches('s') == head.trim_end_matches('s'))
        };
        let mut found = orgs.iter().copied().filter(|&b| holds(b));
        if let (Some(b), None) = (found.next(), found.next()) {
            into.insert(a, b);
        }
    }
    merge(actors, spans, &into);
}

/// Moves each actor of `into`'s keys into the actor it maps to: its
/// mentions and spans, its title and affiliation where the other has none,
/// its name as an alias.
fn merge(actors: &mut [ActorRef], spans: &mut [ActorSpan], into: &WordMap<usize, usize>) {
    if into.is_empty() {
        return;
    }
    let resolve = |mut a: usize| {
        let mut steps = 0;
        while let Some(&b) = into.get(&a) {
            a = b;
            steps += 1;
            if steps > 8 {
                break;
            }
        }
        a
    };
    for (&a, _) in into.iter() {
        let b = resolve(a);
        let moved = std::mem::take(&mut actors[a].mentions);
        actors[b].mentions.extend(moved);
        if actors[b].title.is_none() {
            actors[b].title = actors[a].title.clone();
        }
        if actors[b].affiliation.is_none() {
            actors[b].affiliation = actors[a].affiliation;
        }
        let old = std::mem::take(&mut actors[a].name);
        actors[b].aliases.push(old.clone());
        actors[a].name = old;
        actors[a].listed = false;
        actors[a].kind = None; // merged away
    }
    for s in spans.iter_mut() {
        s.actor = resolve(s.actor);
    }
    for a in actors.iter_mut() {
        if let Some(f) = a.affiliation {
            a.affiliation = Some(resolve(f));
        }
    }
}
