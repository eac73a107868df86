//! An act dated after the document that tells it has not happened yet:
//! "On June 8, the Deputy Secretary will participate in a trilateral
//! meeting", "her trip to Panama on June 12", in a release of June 7
//! (dev README, Status: planned actions are `hypothetical`). Only a date
//! that is the trigger's own dependent counts ("the upcoming summit in
//! June" dates the summit, not the talks that discussed it; "by 2050"
//! dates a goal).

use super::view::TreeView;
use crate::doc::{Doc, EventRef, EventStatus};
use crate::events::when;

/// Makes the asserted acts of trigger `t` hypothetical when `date`, its
/// own dependent, lies after the document's date.
pub(super) fn not_yet(
    doc: &Doc,
    tree: &TreeView<'_>,
    date: Option<usize>,
    t: usize,
    events: &mut [EventRef],
) {
    if !(when::after_document(doc, date) && dates_trigger(doc, tree, date, t)) {
        return;
    }
    for e in events.iter_mut() {
        if e.status == EventStatus::Asserted && when::happens_on_its_date(e.kind) {
            e.status = EventStatus::Hypothetical;
        }
    }
}

/// Whether date mention `date` hangs on trigger `t` in the tree: its
/// phrase's head (the word whose head lies outside it) is `t`'s dependent.
fn dates_trigger(doc: &Doc, tree: &TreeView<'_>, date: Option<usize>, t: usize) -> bool {
    let Some(d) = date.and_then(|i| doc.dates.get(i)) else {
        return false;
    };
    let range = d.tokens.clone();
    range
        .clone()
        .filter(|&i| i < tree.len())
        .find(|&i| tree.head(i).is_none_or(|h| !range.contains(&h)))
        .and_then(|i| tree.head(i))
        == Some(t)
}
