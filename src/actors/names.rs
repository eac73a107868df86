//! Which actor names are names (issue 13, item 1).
//!
//! An actor's name must be a name: no title, portfolio or body word inside a
//! person's name ("Counselor Chollet", "Federal Minister Faeser"), no title,
//! body or document-type word standing alone as an actor ("Minister",
//! "Office", "Joint Statement"), no place as a person, and a state only
//! where the gazetteer knows the state. The word classes are data
//! (`models/words.tsv`: `actors.role-word`, `actors.portfolio-word`,
//! `actors.body-word`, `actors.document-word`). The actors stage repairs or
//! drops what fails; `attache audit-actors` counts what still fails in
//! saved records.

use crate::doc::ActorKind;
use crate::lexicon::name_words::{is_common_word, may_be_surname, written_as_word};
use crate::lexicon::{WordClass, WordClasses};
use crate::ner::gazetteer::Gazetteer;
use crate::ner::reshape::is_role_word;

/// Why a name is not an actor's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NameFault {
    /// A person's name holds a title, portfolio, body or document word.
    TitleInPersonName,
    /// Only title, portfolio, body, document and function words.
    NotAName,
    /// A person or organisation named by a place.
    PlaceAsActor,
    /// A state the gazetteer does not know as a state.
    NotAState,
    /// A name that is neither an entity mention nor a gazetteer name.
    Unbacked,
    /// A person or organisation named only by words that running text
    /// writes in lower case ("Regional Migration", "Arms Control").
    CommonWords,
    /// An organisation named by a body word alone ("Council", "Consulates").
    GenericHead,
    /// A person's name with a company word: the actor is a company.
    CompanyAsPerson,
}

impl NameFault {
    /// The fault's name in reports.
    pub fn label(self) -> &'static str {
        match self {
            NameFault::TitleInPersonName => "title-in-person-name",
            NameFault::NotAName => "not-a-name",
            NameFault::PlaceAsActor => "place-as-actor",
            NameFault::NotAState => "not-a-state",
            NameFault::Unbacked => "unbacked",
            NameFault::CommonWords => "common-words",
            NameFault::GenericHead => "generic-head",
            NameFault::CompanyAsPerson => "company-as-person",
        }
    }
}

/// The word classes and gazetteer the name rules consult.
pub struct NameRules<'a> {
    words: &'a WordClasses,
    gazetteer: &'a Gazetteer,
}

/// A word of a name as the classes store it: lower case, straight
/// apostrophes, without the dots and commas around it.
fn class_form(word: &str) -> String {
    word.trim_matches(|c: char| matches!(c, '.' | ',' | ';' | ':' | '(' | ')' | '"'))
        .to_lowercase()
        .replace('\u{2019}', "'")
}

/// Whether a gazetteer kind is a state's.
pub(crate) fn is_state_kind(kind: &str) -> bool {
    matches!(
        kind,
        "country" | "observer_state" | "de_facto_state" | "territory" | "former_state"
    )
}

impl<'a> NameRules<'a> {
    /// Rules over these classes and this gazetteer.
    pub fn new(words: &'a WordClasses, gazetteer: &'a Gazetteer) -> NameRules<'a> {
        NameRules { words, gazetteer }
    }

    /// The word classes the rules read.
    pub(crate) fn words(&self) -> &WordClasses {
        self.words
    }

    /// Whether the word belongs to a title: a role, rank or form of address,
    /// or a portfolio word.
    fn is_title_word(&self, w: &str) -> bool {
        is_role_word(self.words, w) || self.words.has(WordClass::PortfolioWord, w)
    }

    /// Whether the word is no part of a person's name (a side noun:
    /// "[Armed] Forces", "Delegation").
    fn breaks_person_name(&self, w: &str) -> bool {
        self.is_title_word(w)
            || self.words.has(WordClass::BodyWord, w)
            || self.words.has(WordClass::DocumentWord, w)
            || self.words.has(WordClass::SideNoun, w)
    }

    /// Whether the word carries no name: a title, body, document or
    /// function word.
    pub(crate) fn is_empty_word(&self, w: &str) -> bool {
        w.is_empty()
            || self.breaks_person_name(w)
            || self.words.has(WordClass::NameFunctionWord, w)
            || self.words.is_phrase_opener(w)
            || w == "&"
    }

    /// The fault of `name` for an actor of `kind` that the name itself shows
    /// (not whether a mention backs it), if any.
    pub fn fault(&self, kind: ActorKind, name: &str) -> Option<NameFault> {
        self.fault_titled(kind, name, false)
    }

    /// As [`Self::fault`], for an actor the text gives a title or form of
    /// address ("Mr Young", "Speaker Levy"): a person so named may bear a
    /// surname that is also a common word.
    pub fn fault_titled(&self, kind: ActorKind, name: &str, titled: bool) -> Option<NameFault> {
        let words: Vec<String> = name.split_whitespace().map(class_form).collect();
        // An organisation's name may be all common words if a body word
        // heads it ("National Security Council", "Parliament").
        let has_body = words.iter().any(|w| self.words.has(WordClass::BodyWord, w));
        let all_empty = words.iter().all(|w| self.is_empty_word(w));
        let exempt = kind == ActorKind::Group
            || (kind == ActorKind::Organization && has_body)
            || self.in_gazetteer(name);
        if all_empty && !exempt {
            return Some(NameFault::NotAName);
        }
        match kind {
            // (the gazetteer's form stands: "Pope Francis")
            ActorKind::Person if self.known_person(name) => None,
            ActorKind::Person => {
                if words
                    .first()
                    .is_some_and(|w| self.words.is_phrase_opener(w))
                {
                    return Some(NameFault::NotAName);
                }
                if words.iter().any(|w| self.breaks_person_name(w)) {
                    return Some(NameFault::TitleInPersonName);
                }
                self.person_word_fault(&words, titled)
                    .or(self.is_place(name).then_some(NameFault::PlaceAsActor))
            }
            ActorKind::Organization => self
                .organization_word_fault(name)
                .or(self.is_place(name).then_some(NameFault::PlaceAsActor)),
            ActorKind::State => {
                let known = self
                    .gazetteer
                    .lookup(name)
                    .is_some_and(|e| is_state_kind(&e.kind));
                (!known).then_some(NameFault::NotAState)
            }
            ActorKind::Government | ActorKind::Group => None,
        }
    }

    /// What a person's words (in class form) show: initials alone ("H.
    /// E.", "Y"), a company word, or only common words, unless a title
    /// comes with a one-word name ("Mr Young": a surname may be a word).
    fn person_word_fault(&self, words: &[String], titled: bool) -> Option<NameFault> {
        if words.iter().all(|w| w.chars().count() <= 1) {
            return Some(NameFault::NotAName);
        }
        let company = |w: &String| self.words.has(WordClass::CompanyWord, w);
        if words.iter().all(|w| company(w) || self.is_empty_word(w)) {
            return Some(NameFault::NotAName);
        }
        if words.iter().any(company) {
            return Some(NameFault::CompanyAsPerson);
        }
        let common = |w: &String| is_common_word(w) || self.is_empty_word(w);
        let surname = titled && words.len() == 1 && may_be_surname(&words[0]);
        (!surname && words.iter().all(common)).then_some(NameFault::CommonWords)
    }

    /// An organisation's content words as written and in class form:
    /// without function words and determiners.
    fn content_words<'n>(&self, name: &'n str) -> Vec<(&'n str, String)> {
        name.split_whitespace()
            .map(|w| (w, class_form(w)))
            .filter(|(_, f)| !self.words.has(WordClass::NameFunctionWord, f))
            .filter(|(_, f)| !self.words.is_phrase_opener(f))
            .collect()
    }

    /// A body word (or its plural: "consulates", "ministries") in the
    /// singular.
    fn body_singular(&self, f: &str) -> Option<String> {
        let body = |w: &str| self.words.has(WordClass::BodyWord, w);
        if body(f) {
            return Some(f.to_string());
        }
        let ies = f.strip_suffix("ies").map(|s| format!("{s}y"));
        let s = f.strip_suffix('s').map(str::to_string);
        [ies, s].into_iter().flatten().find(|w| body(w))
    }

    /// The body word, in the singular, that names an organisation alone
    /// ("Council", "the Consulates" → "consulate"), unless it is the one
    /// body of its kind ("Parliament") or the gazetteer knows the name.
    pub(crate) fn generic_head(&self, name: &str) -> Option<String> {
        let content = self.content_words(name);
        let [(_, only)] = content.as_slice() else {
            return None;
        };
        let head = self.body_singular(only)?;
        let unique = self.words.has(WordClass::UniqueBodyWord, &head);
        (!unique && !self.in_gazetteer(name)).then_some(head)
    }

    /// What an organisation's words show: a body word alone (see
    /// [`Self::generic_head`]), or only common words with no body word
    /// (or plural) among them ("Opening Ceremony", "Win-win Cooperation"); acronyms
    /// and words with capitals inside are names ("START", "al-Qaeda").
    fn organization_word_fault(&self, name: &str) -> Option<NameFault> {
        if self.generic_head(name).is_some() {
            return Some(NameFault::GenericHead);
        }
        let content = self.content_words(name);
        let all_common = !content.is_empty()
            && content.iter().all(|(w, f)| {
                written_as_word(w)
                    && self.body_singular(f).is_none()
                    && (is_common_word(f) || self.is_empty_word(f))
            });
        (all_common && !self.in_gazetteer(name)).then_some(NameFault::CommonWords)
    }

    /// Whether the gazetteer knows `name` as a place (not an organisation).
    fn is_place(&self, name: &str) -> bool {
        use crate::doc::EntityType;
        self.gazetteer
            .lookup(name)
            .is_some_and(|e| matches!(e.label, EntityType::Gpe | EntityType::Loc))
    }

    /// Whether the gazetteer knows `name` as a person's.
    fn known_person(&self, name: &str) -> bool {
        use crate::doc::EntityType;
        self.gazetteer
            .lookup(name)
            .is_some_and(|e| e.label == EntityType::Person)
    }

    /// Whether the gazetteer knows `name` (any entry).
    pub fn in_gazetteer(&self, name: &str) -> bool {
        self.gazetteer.lookup(name).is_some()
    }

    /// A person's name with the title words before it split off:
    /// "Counselor Derek Chollet" → ("Counselor", "Derek Chollet"); a name
    /// that a title word interrupts keeps the part before it ("Ann Lee
    /// Minister" → "Ann Lee"). `None` when no name is left.
    pub fn split_person_name(&self, name: &str) -> Option<(Option<String>, String)> {
        let words: Vec<&str> = name.split_whitespace().collect();
        // A body or document word makes it an organisation's or a
        // heading's words, not a person's ("Trust Fund", "Press Release").
        let not_personal = |w: &&str| {
            let f = class_form(w);
            self.words.has(WordClass::BodyWord, &f) || self.words.has(WordClass::DocumentWord, &f)
        };
        let lead = words
            .iter()
            .take_while(|w| {
                let f = class_form(w);
                self.breaks_person_name(&f) || self.words.has(WordClass::NameFunctionWord, &f)
            })
            .count();
        // ... unless the body word only ends a title's field before the
        // name ("[Chief of the General] Staff Pavel Dorin"): two or more
        // words of a name after it stay the person's
        let body_lead = words[..lead].iter().any(not_personal);
        if words[lead..].iter().any(not_personal) || (body_lead && words.len() - lead < 2) {
            return None;
        }
        let rest = &words[lead..];
        let keep = rest
            .iter()
            .take_while(|w| !self.breaks_person_name(&class_form(w)))
            .count();
        let kept = &rest[..keep];
        let starts_upper = kept
            .first()
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase);
        // A name cut short by a title word keeps at least two words
        // ("Ann Lee Minister"), else the cut word was its head ("Legal
        // Adviser").
        let cut = keep < rest.len();
        if kept.is_empty() || !starts_upper || (cut && kept.len() < 2) {
            return None;
        }
        if body_lead && cut {
            return None;
        }
        // (a body word is no title: "Staff" stays out of it)
        let title = (lead > 0 && !body_lead).then(|| words[..lead].join(" "));
        Some((title, kept.join(" ")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Lexical, Tokenizer};

    fn with_rules(check: impl FnOnce(&NameRules)) {
        let words = WordClasses::embedded();
        let tokenizer = Tokenizer::new(Lexical::embedded());
        let gaz = Gazetteer::with_user_files(&[], &tokenizer).unwrap();
        check(&NameRules::new(&words, &gaz));
    }

    #[test]
    fn titles_inside_person_names_are_faults() {
        with_rules(|r| {
            for name in [
                "Counselor Okafor",
                "Federal Minister Ilse Brandt",
                "Deputy Chair",
                "Interior Nancy Brandt",
                "Tomas Ruiz Spokesperson",
                "Vice-Chairman Okafor",
            ] {
                assert!(r.fault(ActorKind::Person, name).is_some(), "{name}");
            }
            for name in ["Mara Okafor", "Jean-Luc de la Croix", "K. P. Sharma"] {
                assert_eq!(r.fault(ActorKind::Person, name), None, "{name}");
            }
        });
    }

    #[test]
    fn titles_and_document_words_alone_are_no_names() {
        with_rules(|r| {
            for (kind, name) in [
                (ActorKind::State, "Office"),
                (ActorKind::Organization, "Joint Statement"),
                (ActorKind::Person, "Minister"),
                (ActorKind::Organization, "National Security Advisors"),
                (ActorKind::Organization, "First Lady"),
                (ActorKind::Person, "Ministry of Foreign Affairs"),
                (ActorKind::Person, "Via Teleconference"),
                (ActorKind::Person, "Since Tuesday"),
            ] {
                assert_eq!(r.fault(kind, name), Some(NameFault::NotAName), "{name}");
            }
            assert_eq!(r.fault(ActorKind::Group, "the two delegations"), None);
            assert_eq!(
                r.fault(ActorKind::Organization, "Northern Fisheries Council"),
                None
            );
        });
    }

    #[test]
    fn places_are_no_persons_and_states_come_from_the_gazetteer() {
        with_rules(|r| {
            assert_eq!(
                r.fault(ActorKind::Person, "Nairobi"),
                Some(NameFault::PlaceAsActor)
            );
            assert_eq!(r.fault(ActorKind::State, "Norway"), None);
            assert_eq!(
                r.fault(ActorKind::State, "Belt"),
                Some(NameFault::NotAState)
            );
        });
    }

    #[test]
    fn leading_titles_are_split_off_a_person_name() {
        with_rules(|r| {
            assert_eq!(
                r.split_person_name("Counselor Derek Okafor"),
                Some((Some("Counselor".into()), "Derek Okafor".into()))
            );
            assert_eq!(
                r.split_person_name("Minister for Foreign Affairs Ana Ruiz"),
                Some((
                    Some("Minister for Foreign Affairs".into()),
                    "Ana Ruiz".into()
                ))
            );
            assert_eq!(
                r.split_person_name("Ann Lee Minister"),
                Some((None, "Ann Lee".into()))
            );
            assert_eq!(r.split_person_name("Deputy Chair"), None);
            assert_eq!(r.split_person_name("Legal Adviser"), None);
            assert_eq!(r.split_person_name("Relief Fund"), None);
            // a body word that ends a title's field before a name
            assert_eq!(
                r.split_person_name("Staff Pavel Dorin"),
                Some((None, "Pavel Dorin".into()))
            );
            assert_eq!(r.split_person_name("Press Release Tarvel"), None);
            assert_eq!(r.split_person_name("Trust Fund Manager"), None);
        });
    }
}
