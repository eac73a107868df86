//! Span repairs for bodies' names, driven by the title, gazetteer and
//! word-class files: a nationality word before a ministry is no part of its
//! name, an honorific ends a name, and a plural body noun takes in the
//! coordinated fields after it.

use super::{capitalised, Shaper};
use crate::doc::{EntityType, Mention};
use crate::ner::types::WordClass;
use crate::text::titles::TitleKind;

/// The most capitalised words a coordinated field may have ("Homeland
/// Security").
const MAX_FIELD: usize = 3;

impl Shaper<'_> {
    /// A nationality word before a generic body noun is no part of the
    /// body's name (dev README: "the Australian Government" → NORP
    /// "Australian"): "[Cuban] Ministry of the Interior" is the ministry,
    /// and the gazetteer lists "Cuban" on its own.
    pub(super) fn without_demonym(&self, m: &Mention) -> Option<Mention> {
        let (start, end) = (m.tokens.start, m.tokens.end);
        let norp = self
            .ruled_at(start)
            .filter(|g| g.label == EntityType::Norp && g.tokens.end + 1 < end)?;
        let body = norp.tokens.end;
        (m.label == EntityType::Org && self.types.is_generic(self.doc.token_text(body)))
            .then(|| self.piece(m, body, end, m.label))
    }

    /// An honorific never stands inside a body's name (dev README: titles
    /// and honorifics stay outside names): "General Department of
    /// Immigration [HE]", "Commissioner for Human Rights [Mrs] Ana Petrova".
    /// What stands before it is reshaped as a span of its own; capitalised
    /// words after it are a person.
    pub(super) fn cut_at_honorific(&self, m: &Mention) -> Option<Vec<Mention>> {
        let (start, end) = (m.tokens.start, m.tokens.end);
        let (at, after) = (start + 1..end).find_map(|p| {
            self.title_at(p, end)
                .filter(|(kind, t)| *kind == TitleKind::Honorific && t.end <= end)
                .map(|(_, t)| (p, t.end))
        })?;
        let mut pieces = self.reshape(self.piece(m, start, at, m.label));
        if after < end && self.all_capitalised(after, end) {
            pieces.push(self.piece(m, after, end, EntityType::Person));
        }
        Some(pieces)
    }

    /// Whether `word` is the plural of a word that names a body generically
    /// ("Departments", "Ministries").
    fn plural_body(&self, word: &str) -> bool {
        let types = self.types;
        word.strip_suffix("ies")
            .is_some_and(|stem| types.is_generic(&format!("{stem}y")))
            || word
                .strip_suffix('s')
                .is_some_and(|stem| types.is_generic(stem))
    }

    /// A plural body noun names each of the fields coordinated after it, and
    /// the tagger stops at the "and": "[Departments of State] and Defense",
    /// "[Departments of the Treasury] and State" are one name each.
    pub(super) fn with_coordinated_fields(&self, m: Mention) -> Mention {
        let doc = self.doc;
        let sentence = doc.sentences.get(m.sentence).map(|s| s.tokens.clone());
        let in_sentence = |i: usize| sentence.as_ref().is_some_and(|s| s.contains(&i));
        let end = m.tokens.end;
        // the tagger may have left the plural noun out: "Departments of the [Treasury]"
        let mut start = m.tokens.start;
        let the = usize::from(start > 0 && doc.token_text(start - 1) == "the");
        if let Some(noun) = start.checked_sub(2 + the) {
            if self.is_of(noun + 1) && in_sentence(noun) && self.plural_body(doc.token_text(noun)) {
                start = noun;
            }
        }
        if m.label != EntityType::Org || !self.plural_body(doc.token_text(start)) {
            return m;
        }
        if !(start + 1 < end && self.is_of(start + 1)) || doc.token_text(end) != "and" {
            return m;
        }
        let mut from = end + 1;
        if doc.token_text(from) == "the" {
            from += 1;
        }
        let last = (from..from + MAX_FIELD)
            .take_while(|&i| in_sentence(i) && capitalised(doc.token_text(i)))
            .last();
        // a field, not another name: a portfolio or body word in it
        let field = |last: usize| {
            (from..=last).any(|i| {
                let w = doc.token_text(i);
                self.types.is_generic(w) || self.types.is(WordClass::Portfolio, w)
            })
        };
        match last {
            Some(last) if in_sentence(end) && field(last) => {
                self.piece(&m, start, last + 1, EntityType::Org)
            }
            _ => m,
        }
    }
}
