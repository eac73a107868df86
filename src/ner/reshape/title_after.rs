//! A tagged name that runs into the title after it: "DPRK [Vice] Chairman
//! Kim", "Gondor [Deputy] Prime Minister": the title's first words (a
//! modifier such as Vice, Deputy or Acting) belong to the title, which the
//! dev README keeps outside names.

use super::Shaper;
use crate::doc::{EntityType, Mention};
use crate::text::titles::TitleKind;

impl Shaper<'_> {
    /// The span cut before a person's title that starts inside it and ends
    /// after it; `None` when no title does.
    pub(super) fn before_title_after(&self, m: &Mention) -> Option<Mention> {
        let (start, end) = (m.tokens.start, m.tokens.end);
        if !matches!(
            m.label,
            EntityType::Org | EntityType::Gpe | EntityType::Misc
        ) {
            return None;
        }
        let sentence_end = self
            .doc
            .sentences
            .get(m.sentence)
            .map_or(self.doc.tokens.len(), |s| s.tokens.end);
        let cut = (start + 1..end).find(|&p| {
            self.title_at(p, sentence_end)
                .is_some_and(|(kind, t)| kind == TitleKind::Person && t.end > end)
        })?;
        Some(self.piece(m, start, cut, m.label))
    }
}

#[cfg(test)]
mod tests {
    use crate::doc::EntityType::{Org, Person};
    use crate::ner::stage::tests::{owned, reshaped as tagged};

    #[test]
    fn a_name_that_runs_into_the_title_after_it_is_cut() {
        assert_eq!(
            tagged(
                "The envoy met Tarsk Vice Chairman Hirgon Baranor today.",
                &[("Tarsk Vice", "ORG"), ("Hirgon Baranor", "PER")]
            ),
            owned(&[("Tarsk", Org), ("Hirgon Baranor", Person)])
        );
        // a title that ends inside the span stays (see `split_titled`)
        assert_eq!(
            tagged("The Tarsk Council met today.", &[("Tarsk Council", "ORG")]),
            owned(&[("Tarsk Council", Org)])
        );
    }
}
