//! Making actors and places: states, organisations, groups and persons
//! from gazetteer entries, formations, mentions and names.

use super::names::is_state_kind;
use super::Builder;
use crate::doc::{ActorKind, ActorRef, EntityType, PlaceRef};
use crate::lexicon::formations::Formation;
use crate::lexicon::is_all_caps;
use crate::ner::gazetteer::Entry;

/// "ALEXANDER DOWNER" → "Alexander Downer"; other names unchanged.
pub(super) fn case_normalise(name: &str) -> String {
    // One all-capital word is an acronym ("DKBA", "USAID"), not a heading.
    if !is_all_caps(name) || !name.trim().contains(' ') {
        return name.to_string();
    }
    name.split(' ')
        .map(|w| {
            let mut out = String::new();
            let mut start = true;
            let mut run = 0usize; // letters since the last capital
            for c in w.chars() {
                if start {
                    out.extend(c.to_uppercase());
                } else {
                    out.extend(c.to_lowercase());
                }
                // A new capital after a non-letter, or after the apostrophe of
                // a one-letter prefix ("O'Neill", "D'Alema"), not of "'s".
                let apostrophe = c == '\'' || c == '\u{2019}';
                start = (!c.is_alphabetic() && !apostrophe) || (apostrophe && run == 1);
                run = if c.is_alphabetic() { run + 1 } else { 0 };
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

impl<'a> Builder<'a> {
    pub(super) fn get_or_add(&mut self, key: String, make: impl FnOnce() -> ActorRef) -> usize {
        if let Some(&i) = self.by_key.get(&key) {
            return i;
        }
        let i = self.actors.len();
        self.actors.push(make());
        self.by_key.insert(key, i);
        i
    }

    /// The actor of a gazetteer entry (states, organisations, groups).
    pub(super) fn actor_for_entry(&mut self, entry: &'a Entry) -> usize {
        let kind = match entry.label {
            EntityType::Gpe => ActorKind::State,
            EntityType::Org => ActorKind::Organization,
            _ => ActorKind::Group,
        };
        let name = if kind == ActorKind::Group {
            // Collective names are plural: "Houthis" rather than "Houthi".
            let plural = format!("{}s", entry.name);
            if entry.aliases.contains(&plural) {
                plural
            } else {
                entry.name.clone()
            }
        } else {
            entry.name.clone()
        };
        let i = self.get_or_add(format!("entry:{}", entry.id), || ActorRef {
            name,
            kind: Some(kind),
            country: entry.iso3.clone().or_else(|| entry.country.clone()),
            wikidata: entry.wikidata.clone(),
            entry: Some(entry.id.clone()),
            ..ActorRef::default()
        });
        if kind == ActorKind::Organization && self.actors[i].affiliation.is_none() {
            if let Some(parent) = entry.parent.as_deref().and_then(|p| self.gaz.by_id(p)) {
                if parent.id != entry.id
                    && matches!(parent.label, EntityType::Gpe | EntityType::Org)
                {
                    let p = self.actor_for_entry(parent);
                    self.actors[i].affiliation = Some(p);
                }
            }
        }
        i
    }

    /// The group actor of a formation, with its members.
    pub(super) fn formation_actor(&mut self, f: &Formation) -> usize {
        let members: Vec<String> = f
            .members
            .iter()
            .map(|id| {
                self.gaz
                    .by_id(id)
                    .and_then(|e| e.iso3.clone())
                    .unwrap_or_else(|| id.clone())
            })
            .collect();
        self.get_or_add(format!("formation:{}", f.id), || ActorRef {
            name: f.name.clone(),
            kind: Some(ActorKind::Group),
            members,
            ..ActorRef::default()
        })
    }

    /// The state a demonym, city or province belongs to.
    pub(super) fn state_of(&mut self, entry: &'a Entry) -> Option<usize> {
        if entry.label == EntityType::Gpe && is_state_kind(&entry.kind) {
            return Some(self.actor_for_entry(entry));
        }
        let gaz = self.gaz;
        let mut parent = entry.parent.as_deref().and_then(|p| gaz.by_id(p));
        for _ in 0..4 {
            match parent {
                Some(p) if p.label == EntityType::Gpe && is_state_kind(&p.kind) => {
                    return Some(self.actor_for_entry(p));
                }
                Some(p) => parent = p.parent.as_deref().and_then(|q| gaz.by_id(q)),
                None => break,
            }
        }
        let iso = entry.country.as_deref()?;
        let state = gaz.by_id(&format!("country:{}", iso.to_lowercase()))?;
        Some(self.actor_for_entry(state))
    }

    pub(super) fn person(&mut self, name: &str) -> usize {
        let name = case_normalise(name.trim());
        self.get_or_add(format!("person:{}", name.to_lowercase()), || ActorRef {
            name,
            kind: Some(ActorKind::Person),
            listed: true,
            ..ActorRef::default()
        })
    }

    pub(super) fn group(&mut self, name: &str, country: Option<String>) -> usize {
        let name = case_normalise(name.trim());
        self.get_or_add(format!("group:{}", name.to_lowercase()), || ActorRef {
            name,
            kind: Some(ActorKind::Group),
            country,
            ..ActorRef::default()
        })
    }

    pub(super) fn add_place(&mut self, mi: usize, entry: Option<&'a Entry>) {
        let m = &self.doc.entities[mi];
        let text = self.doc.span_text(m.span).to_string();
        let (key, name, kind, country) = match entry {
            Some(e) => (
                e.id.clone(),
                e.name.clone(),
                if e.kind.is_empty() {
                    "location".to_string()
                } else {
                    e.kind.clone()
                },
                e.iso3.clone().or_else(|| e.country.clone()),
            ),
            None => (
                format!("text:{}", text.to_lowercase()),
                case_normalise(&text),
                "location".to_string(),
                None,
            ),
        };
        if let Some(slot) = self.place_mention.get_mut(mi) {
            *slot = true;
        }
        match self.place_by_key.get(&key) {
            Some(&p) => self.places[p].mentions.push(mi),
            None => {
                self.place_by_key.insert(key, self.places.len());
                self.places.push(PlaceRef {
                    name,
                    kind,
                    country,
                    mentions: vec![mi],
                });
            }
        }
    }

    pub(super) fn entry_of(&self, mi: usize) -> Option<&'a Entry> {
        let m = &self.doc.entities[mi];
        let gaz = self.gaz;
        match m.entry.as_deref() {
            Some(id) => gaz.by_id(id),
            None => gaz.lookup(self.doc.span_text(m.span)),
        }
    }

    /// The actor a mention names by itself (no context), if any; places
    /// are recorded on the way.
    pub(super) fn mention_actor(&mut self, mi: usize) -> Option<usize> {
        let m = &self.doc.entities[mi];
        let label = m.label;
        let entry = self.entry_of(mi);
        match label {
            EntityType::Person => {
                let text = self.doc.span_text(m.span).to_string();
                let p = self.person(&text);
                // (a person the gazetteer knows: see `known_affiliations`)
                if let Some(e) = entry.filter(|e| e.label == EntityType::Person) {
                    self.known_persons.push((p, e));
                }
                Some(p)
            }
            EntityType::Gpe => match entry {
                Some(e) if is_state_kind(&e.kind) => Some(self.actor_for_entry(e)),
                Some(e) => {
                    self.add_place(mi, Some(e));
                    // A city or province stands for its state ("Baku said",
                    // "shelled villages in Fornost").
                    self.state_of(e)
                }
                // Every state is in the gazetteer: a GPE it does not know is
                // a town or district, a place rather than an actor.
                None => {
                    self.add_place(mi, None);
                    None
                }
            },
            EntityType::Loc => {
                self.add_place(mi, entry);
                None
            }
            EntityType::Org => match entry {
                _ if self.formation_named(mi, entry).is_some() => {
                    let f = self.formation_named(mi, entry)?;
                    Some(self.formation_actor(f))
                }
                // an executive office speaks for its state ("the Kremlin
                // said", "the White House announced")
                Some(e) if e.kind == "government" => {
                    self.state_of(e).or_else(|| Some(self.actor_for_entry(e)))
                }
                Some(e) => Some(self.actor_for_entry(e)),
                None => {
                    let text = self.doc.span_text(m.span).to_string();
                    Some(
                        self.get_or_add(format!("text:{}", text.to_lowercase()), || ActorRef {
                            name: case_normalise(&text),
                            kind: Some(ActorKind::Organization),
                            ..ActorRef::default()
                        }),
                    )
                }
            },
            EntityType::Norp => match entry {
                Some(e) if e.kind == "demonym" => self.state_of(e),
                Some(e) => Some(self.actor_for_entry(e)),
                None => None,
            },
            _ => None,
        }
    }

    /// The formation a mention (or its gazetteer entry) names.
    pub(super) fn formation_named(
        &self,
        mi: usize,
        entry: Option<&Entry>,
    ) -> Option<&'a Formation> {
        let text = self.doc.span_text(self.doc.entities[mi].span);
        self.formations
            .lookup(text)
            .or_else(|| entry.and_then(|e| self.formations.lookup(&e.name)))
    }
}

#[cfg(test)]
mod case_tests {
    use super::case_normalise;

    #[test]
    fn headings_are_case_normalised_but_acronyms_kept() {
        assert_eq!(case_normalise("ALEXANDER DOWNER"), "Alexander Downer");
        assert_eq!(case_normalise("PETER O'NEILL"), "Peter O'Neill");
        assert_eq!(case_normalise("DKBA"), "DKBA");
        assert_eq!(case_normalise("Antony J. Blinken"), "Antony J. Blinken");
    }
}
