//! Headlines announce with a bare infinitive: "Minister to visit Rohan",
//! "Outreach officers to visit Edoras" tell a visit to come, not one made
//! (dev README: planned actions are hypothetical).

use super::view::TreeView;

/// Whether trigger `t` is a headline's bare infinitive: it carries "to"
/// itself, no auxiliary, and complements no verb (not "instructs X to
/// develop", an xcomp, whose status its verb decides); or it is the
/// purpose of one ("Minister to visit Rohan to attend the summit").
pub(super) fn bare_infinitive(tree: &TreeView<'_>, t: usize) -> bool {
    if !infinitive(tree, t) {
        return false;
    }
    // not a word list: UD relations a headline's infinitive hangs by
    match tree.rel(t) {
        "root" | "parataxis" | "dep" => true,
        // (the headline's subject: "Officers to visit X"; not a noun in a
        // phrase, "Statement on the decision to impose sanctions")
        "acl" => tree
            .head(t)
            .is_some_and(|h| tree.children_rel(h, "case").next().is_none()),
        "advcl" => tree
            .head(t)
            .is_some_and(|h| infinitive(tree, h) && tree.rel(h) != "advcl"),
        _ => false,
    }
}

/// Whether verb `t` is an infinitive with its own "to" and no auxiliary.
fn infinitive(tree: &TreeView<'_>, t: usize) -> bool {
    if tree.upos(t) != "VERB" {
        return false;
    }
    let children = tree.children(t);
    let to = children
        .iter()
        .any(|&c| tree.rel(c) == "mark" && tree.lemma(c).eq_ignore_ascii_case("to"));
    let aux = children
        .iter()
        .any(|&c| matches!(tree.rel(c), "aux" | "cop"));
    to && !aux
}
