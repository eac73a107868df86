//! A read-only view of the syntax layer: children lists and the few
//! questions the coder asks of a token (its relation, its case marker,
//! whether its clause is passive).

use crate::doc::Doc;
use crate::syntax::TokenSyntax;

/// The dependency trees of a document, with each token's dependents.
pub struct TreeView<'a> {
    syntax: &'a [TokenSyntax],
    children: Vec<Vec<usize>>,
    /// Arcs read otherwise than the parser gave them (see [`rehung`]).
    rehung: Vec<Option<(usize, &'static str)>>,
    /// Past participles a trigger row reads as adjectives (see
    /// [`TreeView::read_as_adjective`]).
    adjectival: Vec<bool>,
}

/// Clausal relations: a phrase's actor is never looked for across them.
// not a word list: UD relation labels, the parser's label set
const CLAUSAL: [&str; 9] = [
    "acl",
    "advcl",
    "ccomp",
    "xcomp",
    "parataxis",
    "conj",
    "csubj",
    "list",
    "root",
];

impl<'a> TreeView<'a> {
    /// The view of `doc.syntax` (empty when the syntax stage did not run).
    pub fn new(doc: &'a Doc) -> TreeView<'a> {
        let syntax = doc.syntax.as_slice();
        let rehung = rehung(syntax);
        let mut children = vec![Vec::new(); syntax.len()];
        for (i, t) in syntax.iter().enumerate() {
            let head = rehung[i].map(|(h, _)| h).or(t.head);
            if let Some(h) = head.filter(|&h| h < syntax.len() && h != i) {
                children[h].push(i);
            }
        }
        TreeView {
            syntax,
            children,
            rehung,
            adjectival: vec![false; syntax.len()],
        }
    }

    /// Number of tokens with an analysis.
    pub fn len(&self) -> usize {
        self.syntax.len()
    }

    /// The lemma of token `i` ("" out of range).
    pub fn lemma(&self, i: usize) -> &str {
        self.syntax.get(i).map_or("", |t| t.lemma.as_str())
    }

    /// The UPOS tag of token `i`.
    pub fn upos(&self, i: usize) -> &'static str {
        self.syntax.get(i).map_or("", |t| t.upos)
    }

    /// The Penn Treebank tag of token `i` (`VBN` for a past participle).
    pub fn xpos(&self, i: usize) -> &'static str {
        self.syntax.get(i).map_or("", |t| t.xpos)
    }

    /// The relation of token `i` to its head, without subtype.
    pub fn rel(&self, i: usize) -> &'static str {
        let full = self.deprel(i);
        full.split(':').next().unwrap_or(full)
    }

    /// The full relation of token `i` (`nsubj:pass`).
    pub fn deprel(&self, i: usize) -> &'static str {
        if let Some(Some((_, rel))) = self.rehung.get(i) {
            return rel;
        }
        self.syntax.get(i).map_or("", |t| t.deprel)
    }

    /// The head of token `i`.
    pub fn head(&self, i: usize) -> Option<usize> {
        if let Some(Some((h, _))) = self.rehung.get(i) {
            return Some(*h);
        }
        self.syntax.get(i).and_then(|t| t.head).filter(|&h| h != i)
    }

    /// The dependents of token `i`, in text order.
    pub fn children(&self, i: usize) -> &[usize] {
        self.children.get(i).map_or(&[], Vec::as_slice)
    }

    /// The dependents whose relation (without subtype) is `rel`.
    pub fn children_rel<'s>(&'s self, i: usize, rel: &'s str) -> impl Iterator<Item = usize> + 's {
        self.children(i)
            .iter()
            .copied()
            .filter(move |&c| self.rel(c) == rel)
    }

    /// The lemma of the case marker (or, for a clause, the marker) of
    /// token `i` ("on" for "on Arnor").
    pub fn case_of(&self, i: usize) -> Option<&str> {
        self.children(i)
            .iter()
            .copied()
            .find(|&c| matches!(self.rel(c), "case" | "mark"))
            .map(|c| self.lemma(c))
    }

    /// Whether verb `i` is passive: a passive auxiliary, or a passive
    /// subject with a "by" agent or on a participle that modifies a noun
    /// ("the attack carried out by Mordor"). A passive subject of a
    /// finite verb with neither is the parser's misreading of a past
    /// tense ("The Gondorian side appreciated …").
    pub fn is_passive(&self, i: usize) -> bool {
        if self.adjectival.get(i).copied().unwrap_or(false) {
            return false;
        }
        let children = self.children(i);
        if children
            .iter()
            .any(|&c| matches!(self.deprel(c), "aux:pass" | "csubj:pass"))
        {
            return true;
        }
        // a participle modifying a noun with a "by" agent ("the
        // ceasefire agreed by Arnor and Rohan")
        if self.deprel(i) == "acl" && children.iter().any(|&c| self.deprel(c) == "obl:agent") {
            return true;
        }
        if !children.iter().any(|&c| self.deprel(c) == "nsubj:pass") {
            return false;
        }
        let by_agent = children
            .iter()
            .any(|&c| matches!(self.rel(c), "obl" | "nmod") && self.case_of(c) == Some("by"));
        by_agent || matches!(self.rel(i), "acl" | "amod")
    }

    /// Whether token `i` is a past participle used as a predicate or a
    /// modifier, where English makes no difference between a passive and
    /// an adjective ("Gondor is concerned by …", "is alarmed at …", "a
    /// concerned Gondor", "remains troubled by …"): it has a passive
    /// auxiliary or a copula, it modifies a noun, or it is the predicate
    /// complement of a verb. A progressive passive ("is being prepared") is a
    /// process, never a state: always a verb.
    pub fn is_predicative_participle(&self, i: usize) -> bool {
        let participle = self.xpos(i) == "VBN" && matches!(self.upos(i), "VERB" | "ADJ");
        let children = self.children(i);
        let progressive = children
            .iter()
            .any(|&c| self.deprel(c) == "aux:pass" && self.xpos(c) == "VBG");
        participle
            && !progressive
            && (matches!(self.deprel(i), "acl" | "amod" | "xcomp")
                || children
                    .iter()
                    .any(|&c| matches!(self.deprel(c), "aux:pass" | "cop")))
    }

    /// Reads participle `i` as the adjective a trigger row names: the
    /// passive subject is the subject of the state it names ("Gondor is
    /// concerned by …": Gondor is concerned), and its "by" phrase is
    /// what it is about, not an agent.
    pub fn read_as_adjective(&mut self, i: usize) {
        if let Some(a) = self.adjectival.get_mut(i) {
            *a = true;
        }
    }

    /// Whether the relation of `i` opens a clause of its own.
    pub fn is_clausal(&self, i: usize) -> bool {
        CLAUSAL.contains(&self.rel(i))
    }

    /// Token `i` and its conjuncts ("Gondor and Arnor" → both heads).
    pub fn with_conjuncts(&self, i: usize) -> Vec<usize> {
        let mut out = vec![i];
        let mut k = 0;
        while k < out.len() && out.len() < 32 {
            let at = out[k];
            for c in self.children_rel(at, "conj") {
                if !out.contains(&c) {
                    out.push(c);
                }
            }
            k += 1;
        }
        out
    }

    /// The tokens of the phrase headed by `root`, down to `depth` levels,
    /// each with a flag carried down from its head: `step(head, child,
    /// level, head's flag)` gives the child's flag, or `None` to leave the
    /// child and what hangs on it out. Case markers, determiners and
    /// punctuation are never part of it.
    pub fn flagged_phrase(
        &self,
        root: usize,
        depth: usize,
        step: impl Fn(usize, usize, usize, bool) -> Option<bool>,
    ) -> Vec<(usize, bool)> {
        let mut out = vec![(root, false)];
        let mut level = vec![(root, false)];
        for d in 0..depth {
            let mut next = Vec::new();
            for &(h, flag) in &level {
                for &c in self.children(h) {
                    if matches!(self.rel(c), "case" | "det" | "punct") {
                        continue;
                    }
                    if let Some(f) = step(h, c, d, flag) {
                        next.push((c, f));
                    }
                }
            }
            out.extend(next.iter().copied());
            level = next;
        }
        out
    }

    /// The heads from `i` up to its root (excluding `i`), bounded so that
    /// a malformed tree cannot loop.
    pub fn ancestors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let mut at = i;
        let mut steps = 0;
        std::iter::from_fn(move || {
            steps += 1;
            if steps > 256 {
                return None;
            }
            let h = self.head(at)?;
            at = h;
            Some(h)
        })
    }
}

/// Arcs that break UD's constraints, read as what they can only be: a
/// compound modifier takes no preposition, so a name the parser made a
/// compound although it has its own case marker ("held talks with
/// Azerbaijan next month": "with Azerbaijan" a compound of "month") is a
/// prepositional phrase of the clause its noun is in, an oblique of that
/// noun's head.
fn rehung(syntax: &[TokenSyntax]) -> Vec<Option<(usize, &'static str)>> {
    let mut out = vec![None; syntax.len()];
    let mut cased = vec![false; syntax.len()];
    // (a preposition: a possessive "'s" is a case marker of a possessor)
    for t in syntax
        .iter()
        .filter(|t| t.deprel == "case" && t.upos == "ADP")
    {
        if let Some(h) = t.head.filter(|&h| h < syntax.len()) {
            cased[h] = true;
        }
    }
    for (i, t) in syntax.iter().enumerate() {
        let Some(noun) = t.head.filter(|&h| h < syntax.len() && h != i) else {
            continue;
        };
        if t.deprel != "compound" || t.upos != "PROPN" || !cased[i] {
            continue;
        }
        let Some(clause) = syntax[noun].head.filter(|&h| h < syntax.len() && h != i) else {
            continue;
        };
        let rel = if syntax[clause].upos == "VERB" {
            "obl"
        } else {
            "nmod"
        };
        out[i] = Some((clause, rel));
    }
    for (a, verb, rel) in super::fronted::rehung(syntax) {
        out[a] = Some((verb, rel));
    }
    out
}
