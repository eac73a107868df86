//! Senses told apart by the object: rows that share a lemma and part of
//! speech ("welcome" a visitor is hosting, "welcome" a decision is
//! praise) are tried in file order, and a trigger whose first row's
//! object condition fails takes the next row whose condition holds.

use super::args::Args;
use super::Found;
use crate::events::lexicon::EventLexicon;
use crate::events::triggers::{Rel, TriggerRow};
use crate::lexicon::WordClass;

impl Args<'_> {
    /// Whether the object of `t` (or, for a request, what it is for) is
    /// an amount of money: a currency sign with a number ("$40 million",
    /// "€5 billion"); a relative pronoun stands for the phrase its clause
    /// modifies ("$60 million, which we will request").
    pub fn object_is_amount(&self, t: usize, row: &TriggerRow) -> bool {
        let tree = self.tree;
        let sum = |o: usize| {
            let with = |upos: &str| tree.children(o).iter().any(|&c| tree.upos(c) == upos);
            tree.upos(o) == "SYM" && with("NUM") || tree.upos(o) == "NUM" && with("SYM")
        };
        // (a relative clause may hang on the amount's "per year")
        let amount = |o: usize| sum(o) || tree.deprel(o) == "nmod" && tree.head(o).is_some_and(sum);
        let mut objects = self.nodes(t, &Rel::Obj);
        if row.called.contains(&Rel::Prep("for".to_string())) {
            objects.extend(self.nodes(t, &Rel::Prep("for".to_string())));
        }
        objects.into_iter().any(|o| {
            let relative = self.classes.has(WordClass::RelativePronoun, tree.lemma(o))
                && tree.deprel(t) == "acl:relcl";
            match tree.head(t) {
                Some(h) if relative => amount(h),
                _ => amount(o),
            }
        })
    }
}

/// `found` with each trigger's row changed to the first row of the same
/// lemma, part of speech and further words whose object condition holds,
/// where its own does not.
pub(super) fn by_object(args: &Args<'_>, lex: &EventLexicon, found: &mut [Found]) {
    let rows = &lex.triggers.rows;
    for f in found.iter_mut() {
        let row = &rows[f.row];
        if args.object_fits(f.token, row) {
            continue;
        }
        let other = lex
            .triggers
            .candidates(&row.lemma, row.pos)
            .iter()
            .copied()
            .find(|&r| {
                r != f.row && rows[r].with == row.with && args.object_fits(f.token, &rows[r])
            });
        if let Some(r) = other {
            f.row = r;
        }
    }
}
