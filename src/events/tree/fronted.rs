//! The subject of a main clause after a fronted phrase ("In Cambodia, the
//! United States has provided …", "During his visit to Ankara, Chancellor
//! Scholz discussed …", "While in Brussels, Mr. Sullivan will meet …"):
//! the parser hung the subject on the last noun of the fronted phrase as
//! a conjunct, an apposition or a flat name part, across the comma that
//! closes the phrase,
//! and left the main verb without a subject. A noun phrase that opens
//! with that comma, has no coordinator of its own, and is followed
//! directly by the verb (or its auxiliaries and adverbs), the verb having
//! no subject and governing the fronted phrase, is that verb's subject.
//! On the two 300-document corpus samples this reading was right in all
//! 51 sentences read where the verb follows the name directly (20
//! conjuncts, 31 appositions). A subject of that verb with a preposition
//! of its own is the fronted phrase misread ("In a meeting with X,
//! concerns were raised by Y"): an oblique.

use crate::syntax::TokenSyntax;

/// How far up from the fronted phrase's noun the verb is looked for.
const DEPTH: usize = 8;

/// (token, its new head, its new relation) for each such subject.
pub fn rehung(syntax: &[TokenSyntax]) -> Vec<(usize, usize, &'static str)> {
    let mut out = Vec::new();
    // (each token's dependents, once: a scan of the document per
    // candidate made a long document quadratic)
    let mut children = vec![Vec::new(); syntax.len()];
    for (i, t) in syntax.iter().enumerate() {
        if let Some(h) = t.head.filter(|&h| h < syntax.len() && h != i) {
            children[h].push(i);
        }
    }
    let kids = |i: usize| children.get(i).map_or(&[][..], Vec::as_slice);
    let has_child =
        |i: usize, test: &dyn Fn(&TokenSyntax) -> bool| kids(i).iter().any(|&c| test(&syntax[c]));
    for (a, t) in syntax.iter().enumerate() {
        // (a flat name never spans a comma: "In Jakarta, Minister Penny
        // Wong" is no one name)
        let hung = matches!(t.deprel, "conj" | "appos" | "flat");
        if !hung || !matches!(t.upos, "PROPN" | "NOUN") {
            continue;
        }
        let Some(h) = t.head.filter(|&h| h < a) else {
            continue;
        };
        let start = phrase_start(syntax, a);
        if start == 0 || syntax[start - 1].xpos != "," || has_child(a, &|c| c.deprel == "cc") {
            continue;
        }
        let (after, of_phrase) = past_of_phrase(syntax, a);
        let Some(verb) = verb_after(syntax, a, after) else {
            continue;
        };
        if !governs(syntax, verb, h) {
            continue;
        }
        // (a subject with a preposition of its own is the fronted phrase
        // misread: "In a meeting with X, concerns were raised by Y")
        let mut cased = None;
        let mut subject = false;
        for &k in kids(verb) {
            if !matches!(syntax[k].deprel, "nsubj" | "nsubj:pass" | "csubj" | "expl") {
                continue;
            }
            let case = has_child(k, &|c| c.deprel == "case" && c.upos == "ADP");
            if k < start && (k == h || under(syntax, h, k)) && case {
                cased = Some(k);
            } else {
                subject = true;
            }
        }
        if subject {
            continue;
        }
        if let Some(k) = cased {
            out.push((k, verb, "obl"));
        }
        if let Some(of) = of_phrase {
            out.push((of, a, "nmod"));
        }
        let passive = has_child(verb, &|c| c.deprel == "aux:pass");
        out.push((a, verb, if passive { "nsubj:pass" } else { "nsubj" }));
    }
    out
}

/// The first token of the noun phrase headed by `a` that ends at `a`
/// (its determiner, title and name words before it, up to a comma).
fn phrase_start(syntax: &[TokenSyntax], a: usize) -> usize {
    let mut start = a;
    while start > 0 && syntax[start - 1].upos != "PUNCT" && under(syntax, start - 1, a) {
        start -= 1;
    }
    start
}

/// The token after the phrase of `a`, past its own words ("the
/// Organization for Migration launched") and past an "of" name the
/// parser hung elsewhere ("At the invitation of X, Foreign Minister Y of
/// Arnor will visit": "of Arnor" went to X), with that name's head.
fn past_of_phrase(syntax: &[TokenSyntax], a: usize) -> (usize, Option<usize>) {
    let mut k = a + 1;
    while k < syntax.len() && syntax[k].upos != "PUNCT" && under(syntax, k, a) {
        k += 1;
    }
    if syntax
        .get(k)
        .is_none_or(|t| t.upos != "ADP" || t.lemma != "of")
    {
        return (k, None);
    }
    let mut end = k + 1;
    if syntax.get(end).is_some_and(|t| t.upos == "DET") {
        end += 1;
    }
    let first = end;
    // ("of the Republic of Kazakhstan": an inner "of" joins name words)
    let name_word = |m: usize| {
        syntax.get(m).is_some_and(|t| t.upos == "PROPN")
            || (syntax.get(m).is_some_and(|t| t.lemma == "of")
                && m > first
                && syntax
                    .get(m + 1)
                    .is_some_and(|t| matches!(t.upos, "PROPN" | "DET")))
            || (syntax.get(m).is_some_and(|t| t.upos == "DET")
                && m > first
                && syntax.get(m - 1).is_some_and(|t| t.lemma == "of"))
    };
    while name_word(end) {
        end += 1;
    }
    // the name's head: the word of the run whose head lies outside it
    let head = (first..end).find(|&m| syntax[m].head.is_none_or(|h| h < k || h >= end));
    match head {
        Some(h) if end > first && syntax[k].head == Some(h) => (end, Some(h)),
        _ => (k, None),
    }
}

/// The verb at `k`, right after the phrase of `a`, or the first after
/// auxiliaries and adverbs that hang on it ("will also meet", "also
/// held"), finite or with an auxiliary.
fn verb_after(syntax: &[TokenSyntax], a: usize, k: usize) -> Option<usize> {
    debug_assert!(k > a);
    let mut verb = k;
    while syntax
        .get(verb)
        .is_some_and(|t| matches!(t.upos, "AUX" | "ADV" | "PART"))
    {
        verb += 1;
    }
    if syntax.get(verb)?.upos != "VERB" {
        return None;
    }
    let finite = matches!(syntax[verb].xpos, "VBD" | "VBZ" | "VBP");
    let helpers = (k..verb)
        .all(|m| matches!(syntax[m].upos, "AUX" | "ADV" | "PART") && syntax[m].head == Some(verb));
    let with_aux = verb > k && syntax[k].upos == "AUX";
    // ("Secretary Sherman also held", "the Secretary will also meet")
    (helpers && (finite || with_aux)).then_some(verb)
}

/// Whether `i` lies under `top` (bounded, so a malformed tree cannot loop).
fn under(syntax: &[TokenSyntax], i: usize, top: usize) -> bool {
    let mut at = i;
    for _ in 0..DEPTH {
        let Some(h) = syntax.get(at).and_then(|t| t.head) else {
            return false;
        };
        if h == top {
            return true;
        }
        at = h;
    }
    false
}

/// Whether the fronted noun `h` lies under `verb`, before it.
fn governs(syntax: &[TokenSyntax], verb: usize, h: usize) -> bool {
    h < verb && under(syntax, h, verb)
}

#[cfg(test)]
#[path = "tests_nominal_s21.rs"]
mod tests_nominal_s21;
