//! Repairs of greedy-parser errors that break UD's own constraints.
//!
//! A greedy parser decides each arc once and cannot revise it; a few of its
//! errors leave trees that no UD English annotation has. Each repair below
//! fixes one such pattern, and `attache eval --conllu` measures them (they
//! run after every parse, so the EWT figures include them):
//!
//! 1. **Relative pronoun outside a relative clause.** "Gondor condemned
//!    Mordor, which attacked Arnor": "which" is the subject of "attacked",
//!    and the parser hung "attacked" on "condemned" as `conj`. A clause
//!    whose subject or object is a relative pronoun (Penn `WDT`/`WP`)
//!    right after a noun (and an optional comma) is that noun's `acl:relcl`.
//!    When the parser also gave that clause the noun's phrase as a second
//!    subject ("received the Envoy of Arnor, who presented …": "Envoy" and
//!    "who" both subjects of "presented"), the phrase goes back to being
//!    the object of the verb above the clause.
//! 3. **A pronoun with its apposition.** "We, the Foreign Ministers of
//!    the Seven, condemn …": the parser made "We" the root and the verb a
//!    `parataxis` of the apposition. A sentence-initial personal pronoun
//!    that is the root, followed by a comma, a noun phrase and a comma,
//!    is the subject of the finite verb that comes next (when that verb
//!    has no subject of its own); the noun phrase is its `appos`.
//! 4. **A verb read as a participle.** "The regime attacked civilians":
//!    the tagger read "attacked" as a participle modifying "civilians",
//!    which became the root with "regime" as its subject. A noun root with
//!    a subject before it, no copula, and a verb between the two hung on
//!    it as `amod` is that verb's object: the verb is the root and the
//!    subject is its own.
//! 5. **An object after an adverbial.** "Gondor condemns in the strongest
//!    terms the launch of a missile": the parser made "the launch" an
//!    apposition of "terms". An apposition with no punctuation before it,
//!    on an oblique of a verb that has no object, is that verb's object
//!    ([`late_object`]).
//! 6. **A subject after a fronted adverbial clause.** "If Mordor attacks
//!    Dale, Rohan will send troops": "Rohan" hung on "Dale" as an
//!    apposition, the main verb subjectless ([`fronted_clause`]).
//! 7. **Two subjects joined by "and".** "The leaders and their teams
//!    agreed": both nouns and the "and" hung on the verb; the later noun
//!    is the earlier one's conjunct ([`coordinated_subject`]).
//! 8. **A participle between a possessor and its noun.** "Mordor's
//!    premeditated, unprovoked war": the parser made "premeditated" the
//!    head of a clause with "war" under it; the noun heads the phrase,
//!    the participle is its `amod` ([`possessed_participle`]).
//! 9. **A main clause after a fronted phrase.** "In the morning I spoke
//!    with Hurin": the parser made "morning" the root and "spoke" its
//!    relative clause. A case-marked phrase with a following clause that
//!    has its own (non-relative) subject is that clause's `obl`, and the
//!    clause is the root ([`fronted_phrase`]).
//! 2. **Two subjects.** "I am pleased to visit": the infinitive was taken as
//!    a clausal subject (`csubj`) although the predicate adjective has a
//!    nominal subject; a clause has one subject, so the infinitive is the
//!    adjective's `xcomp`.

mod coordinated_subject;
mod fronted_clause;
mod fronted_phrase;
mod late_object;
mod possessed_participle;

/// The labels the repairs write, as label ids of the model.
#[derive(Debug, Clone, Copy)]
pub(super) struct RepairLabels {
    pub relcl: u8,
    pub xcomp: u8,
    pub obj: u8,
    pub root: u8,
    pub nsubj: u8,
    pub appos: u8,
    pub punct: u8,
    pub conj: u8,
    pub cc: u8,
    pub amod: u8,
    pub case: u8,
    pub obl: u8,
    pub nmod: u8,
}

/// One parsed sentence, as the repairs see it.
pub(super) struct Parsed<'a> {
    /// Penn tags of the words.
    pub xpos: &'a [&'static str],
    /// Universal tags.
    pub upos: &'a [&'static str],
    /// Labels by id.
    pub label_names: &'a [&'static str],
    /// Head of word `i` at `heads[i + 1]` (1-based, 0 = root).
    pub heads: &'a mut [u32],
    /// Label id of word `i` at `labels[i + 1]`.
    pub labels: &'a mut [u8],
}

impl Parsed<'_> {
    fn n(&self) -> usize {
        self.xpos.len()
    }

    fn head(&self, i: usize) -> Option<usize> {
        match self.heads.get(i + 1) {
            Some(&h) if h != 0 && h != u32::MAX => Some(h as usize - 1),
            _ => None,
        }
    }

    fn label(&self, i: usize) -> &str {
        let id = self.labels.get(i + 1).copied().unwrap_or(0) as usize;
        self.label_names.get(id).copied().unwrap_or("")
    }

    /// Whether `a` lies in the subtree of `b` (or is `b`).
    fn under(&self, a: usize, b: usize) -> bool {
        let mut k = a;
        for _ in 0..=self.n() {
            if k == b {
                return true;
            }
            match self.head(k) {
                Some(h) => k = h,
                None => return false,
            }
        }
        true
    }

    fn set(&mut self, i: usize, head: usize, label: u8) {
        if let (Some(h), Some(l)) = (self.heads.get_mut(i + 1), self.labels.get_mut(i + 1)) {
            *h = head as u32 + 1;
            *l = label;
        }
    }

    fn relabel(&mut self, i: usize, label: u8) {
        if let Some(l) = self.labels.get_mut(i + 1) {
            *l = label;
        }
    }
}

/// Applies the repairs to one parsed sentence.
pub(super) fn repair(p: &mut Parsed<'_>, ids: RepairLabels) {
    relative_clauses(p, ids);
    single_subject(p, ids.xcomp);
    pronoun_with_apposition(p, ids);
    participle_for_verb(p, ids);
    late_object::object_after_adverbial(p, ids);
    fronted_clause::subject_after_fronted_clause(p, ids);
    coordinated_subject::coordinated_subject(p, ids);
    possessed_participle::possessed_participle(p, ids);
    fronted_phrase::clause_after_fronted_phrase(p, ids);
}

/// Repair 4: "The regime attacked civilians" has "attacked" as its root.
fn participle_for_verb(p: &mut Parsed<'_>, ids: RepairLabels) {
    let Some(root) = (0..p.n()).find(|&k| p.head(k).is_none() && p.upos[k] != "PUNCT") else {
        return;
    };
    if !matches!(p.upos[root], "NOUN" | "PROPN") {
        return;
    }
    let children: Vec<usize> = (0..p.n()).filter(|&k| p.head(k) == Some(root)).collect();
    let label_of = |k: usize| p.label(k).to_string();
    if children.iter().any(|&c| label_of(c) == "cop") {
        return;
    }
    let verb_before = |c: usize| {
        c < root
            && label_of(c) == "amod"
            && p.upos[c] == "VERB"
            && matches!(p.xpos[c], "VBN" | "VBD")
    };
    // (the subject hangs on the noun, or on the participle itself:
    // "Ukraine arrested citizens of Russia")
    let own_subject = |v: usize| (0..v).find(|&k| p.head(k) == Some(v) && p.label(k) == "nsubj");
    let (subject, verb) = match children
        .iter()
        .find(|&&c| c < root && label_of(c) == "nsubj")
    {
        Some(&subject) => {
            let verb = children
                .iter()
                .copied()
                .find(|&c| subject < c && verb_before(c));
            let Some(verb) = verb else { return };
            (subject, verb)
        }
        None => {
            let Some(verb) = children.iter().copied().find(|&c| verb_before(c)) else {
                return;
            };
            let Some(subject) = own_subject(verb) else {
                return;
            };
            (subject, verb)
        }
    };
    if let Some(h) = p.heads.get_mut(verb + 1) {
        *h = 0;
    }
    p.relabel(verb, ids.root);
    p.set(subject, verb, ids.nsubj);
    p.set(root, verb, ids.obj);
    // the final stop goes with the new root
    let last = p.n() - 1;
    if last > root && p.head(last) == Some(root) && p.label(last) == "punct" {
        p.set(last, verb, ids.punct);
    }
}

/// Repair 3: "We, the Ministers, condemn …" has the verb as its root and
/// "We" as the verb's subject.
fn pronoun_with_apposition(p: &mut Parsed<'_>, ids: RepairLabels) {
    let Some(w) = (0..p.n()).find(|&k| p.upos[k] != "PUNCT") else {
        return;
    };
    let comma = |k: usize| p.xpos.get(k) == Some(&",");
    if p.xpos[w] != "PRP" || p.head(w).is_some() || !comma(w + 1) {
        return;
    }
    // the second comma, then adverbs, then a finite verb
    let Some(second) = (w + 3..p.n()).find(|&k| comma(k)) else {
        return;
    };
    let Some(verb) = (second + 1..p.n()).find(|&k| p.upos[k] != "ADV") else {
        return;
    };
    // (a present form after its subject is often tagged VB)
    let finite = p.upos[verb] == "VERB" && matches!(p.xpos[verb], "VB" | "VBP" | "VBD" | "VBZ");
    let has_subject =
        (0..p.n()).any(|k| p.head(k) == Some(verb) && matches!(p.label(k), "nsubj" | "nsubj:pass"));
    let noun = (w + 2..second).find(|&k| p.head(k) == Some(w));
    let Some(noun) = noun.filter(|&k| matches!(p.upos[k], "NOUN" | "PROPN")) else {
        return;
    };
    if !finite || has_subject || !p.under(verb, noun) && p.head(verb) != Some(w) {
        return;
    }
    if let Some(h) = p.heads.get_mut(verb + 1) {
        *h = 0;
    }
    p.relabel(verb, ids.root);
    p.set(w, verb, ids.nsubj);
    p.set(noun, w, ids.appos);
    p.set(w + 1, noun, ids.punct);
    // what hung on the pronoun after the verb (the final stop) goes to the verb
    for k in verb + 1..p.n() {
        if p.head(k) == Some(w) {
            let label = p.labels.get(k + 1).copied().unwrap_or(ids.punct);
            p.set(k, verb, label);
        }
    }
}

/// Repair 1: a clause led by a relative pronoun hangs on the noun before
/// the pronoun.
fn relative_clauses(p: &mut Parsed<'_>, ids: RepairLabels) {
    for w in 1..p.n() {
        if !matches!(p.xpos[w], "WDT" | "WP") {
            continue;
        }
        if !matches!(p.label(w), "nsubj" | "nsubj:pass" | "obj") {
            continue;
        }
        let Some(verb) = p.head(w) else { continue };
        if verb < w || matches!(p.label(verb), "acl:relcl" | "root") {
            continue;
        }
        let noun = if p.upos[w - 1] == "PUNCT" && p.xpos[w - 1] == "," {
            w.checked_sub(2)
        } else {
            Some(w - 1)
        };
        let Some(noun) = noun.filter(|&k| matches!(p.upos[k], "NOUN" | "PROPN")) else {
            continue;
        };
        if let Some(s) = stray_subject(p, verb, w).filter(|&s| p.under(noun, s)) {
            match object_slot_above(p, verb) {
                Some(up) => p.set(s, up, ids.obj),
                None => continue,
            }
        }
        if p.under(noun, verb) {
            continue;
        }
        p.set(verb, noun, ids.relcl);
    }
}

/// A nominal subject of `verb` before the relative pronoun `w`: the
/// clause's second subject.
fn stray_subject(p: &Parsed<'_>, verb: usize, w: usize) -> Option<usize> {
    (0..w).find(|&k| {
        p.head(k) == Some(verb)
            && matches!(p.label(k), "nsubj" | "nsubj:pass")
            && matches!(p.upos[k], "NOUN" | "PROPN")
    })
}

/// The verb above a clause that can take a stray subject back as its
/// object: a verb the clause complements or follows, with no object yet.
fn object_slot_above(p: &Parsed<'_>, verb: usize) -> Option<usize> {
    let up = p.head(verb)?;
    let clause = matches!(p.label(verb), "ccomp" | "conj" | "parataxis" | "advcl");
    let has_object = (0..p.n()).any(|k| p.head(k) == Some(up) && p.label(k) == "obj");
    (clause && p.upos[up] == "VERB" && !has_object).then_some(up)
}

/// Repair 2: a predicate adjective with a nominal subject takes its
/// clausal "subject" after it as `xcomp` ("pleased to visit").
fn single_subject(p: &mut Parsed<'_>, xcomp: u8) {
    for c in 0..p.n() {
        if p.label(c) != "csubj" {
            continue;
        }
        let Some(h) = p.head(c) else { continue };
        if c < h || p.upos[h] != "ADJ" {
            continue;
        }
        let has_subject = (0..p.n())
            .any(|k| p.head(k) == Some(h) && matches!(p.label(k), "nsubj" | "nsubj:pass"));
        if has_subject {
            p.relabel(c, xcomp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) const LABELS: [&str; 22] = [
        "root",
        "nsubj",
        "obj",
        "punct",
        "conj",
        "acl:relcl",
        "xcomp",
        "csubj",
        "nmod",
        "case",
        "ccomp",
        "appos",
        "parataxis",
        "det",
        "amod",
        "cop",
        "obl",
        "advcl",
        "mark",
        "aux",
        "cc",
        "nmod:poss",
    ];
    const IDS: RepairLabels = RepairLabels {
        relcl: 5,
        xcomp: 6,
        obj: 2,
        root: 0,
        nsubj: 1,
        appos: 11,
        punct: 3,
        conj: 4,
        cc: 20,
        amod: 14,
        case: 9,
        obl: 16,
        nmod: 8,
    };

    /// Runs the repairs on a sentence given as (upos, xpos, head 1-based,
    /// label id) per word; returns (head, label name) per word.
    pub(super) fn run(words: &[(&'static str, &'static str, u32, u8)]) -> Vec<(u32, &'static str)> {
        let upos: Vec<_> = words.iter().map(|w| w.0).collect();
        let xpos: Vec<_> = words.iter().map(|w| w.1).collect();
        let mut heads: Vec<u32> = std::iter::once(0)
            .chain(words.iter().map(|w| w.2))
            .collect();
        let mut labels: Vec<u8> = std::iter::once(0)
            .chain(words.iter().map(|w| w.3))
            .collect();
        let mut p = Parsed {
            xpos: &xpos,
            upos: &upos,
            label_names: &LABELS,
            heads: &mut heads,
            labels: &mut labels,
        };
        repair(&mut p, IDS);
        (1..heads.len())
            .map(|i| (heads[i], LABELS[labels[i] as usize]))
            .collect()
    }

    #[test]
    fn a_relative_clause_hung_as_conj_moves_to_the_noun_before_it() {
        // Gondor condemned Mordor , which attacked Arnor
        let out = run(&[
            ("PROPN", "NNP", 2, 1),
            ("VERB", "VBD", 0, 0),
            ("PROPN", "NNP", 2, 2),
            ("PUNCT", ",", 6, 3),
            ("PRON", "WDT", 6, 1),
            ("VERB", "VBD", 2, 4),
            ("PROPN", "NNP", 6, 2),
        ]);
        assert_eq!(out[5], (3, "acl:relcl"));
    }

    #[test]
    fn a_second_subject_before_a_relative_pronoun_is_the_object_above() {
        // Lossen received Envoy of Arnor , who presented credentials
        let out = run(&[
            ("PROPN", "NNP", 2, 1),
            ("VERB", "VBD", 0, 0),
            ("PROPN", "NNP", 8, 1),
            ("ADP", "IN", 5, 9),
            ("PROPN", "NNP", 3, 8),
            ("PUNCT", ",", 8, 3),
            ("PRON", "WP", 8, 1),
            ("VERB", "VBD", 2, 10),
            ("NOUN", "NNS", 8, 2),
        ]);
        assert_eq!(out[2], (2, "obj"));
        assert_eq!(out[7], (5, "acl:relcl"));
    }

    #[test]
    fn a_pronoun_before_its_apposition_is_the_subject_of_the_verb_after_it() {
        // We , the Ministers , condemn attacks .
        let out = run(&[
            ("PRON", "PRP", 0, 0),
            ("PUNCT", ",", 4, 3),
            ("DET", "DT", 4, 13),
            ("NOUN", "NNS", 1, 4),
            ("PUNCT", ",", 6, 3),
            ("VERB", "VBP", 4, 12),
            ("NOUN", "NNS", 6, 2),
            ("PUNCT", ".", 1, 3),
        ]);
        assert_eq!(out[0], (6, "nsubj"));
        assert_eq!(out[3], (1, "appos"));
        assert_eq!(out[5], (0, "root"));
        assert_eq!(out[7], (6, "punct"));
    }

    #[test]
    fn a_pronoun_whose_verb_has_a_subject_is_left_alone() {
        // We , the Ministers , they condemn attacks .
        let out = run(&[
            ("PRON", "PRP", 0, 0),
            ("PUNCT", ",", 4, 3),
            ("DET", "DT", 4, 13),
            ("NOUN", "NNS", 1, 4),
            ("PUNCT", ",", 7, 3),
            ("PRON", "PRP", 7, 1),
            ("VERB", "VBP", 4, 12),
            ("NOUN", "NNS", 7, 2),
            ("PUNCT", ".", 1, 3),
        ]);
        assert_eq!(out[0], (0, "root"));
    }

    #[test]
    fn a_participle_between_a_subject_and_a_noun_root_is_the_verb() {
        // The regime attacked civilians .
        let out = run(&[
            ("DET", "DT", 2, 13),
            ("NOUN", "NN", 4, 1),
            ("VERB", "VBN", 4, 14),
            ("NOUN", "NNS", 0, 0),
            ("PUNCT", ".", 4, 3),
        ]);
        assert_eq!(out[2], (0, "root"));
        assert_eq!(out[1], (3, "nsubj"));
        assert_eq!(out[3], (3, "obj"));
        assert_eq!(out[4], (3, "punct"));
    }

    #[test]
    fn a_participle_with_its_own_subject_before_a_noun_root_is_the_verb() {
        // Ukraine arrested citizens .
        let out = run(&[
            ("PROPN", "NNP", 2, 1),
            ("VERB", "VBD", 3, 14),
            ("NOUN", "NNS", 0, 0),
            ("PUNCT", ".", 3, 3),
        ]);
        assert_eq!(out[1], (0, "root"));
        assert_eq!(out[0], (2, "nsubj"));
        assert_eq!(out[2], (2, "obj"));
        assert_eq!(out[3], (2, "punct"));
    }

    #[test]
    fn a_question_word_with_no_noun_before_it_is_left_alone() {
        // Gondor asked who attacked Arnor: "asked" is a verb
        let out = run(&[
            ("PROPN", "NNP", 2, 1),
            ("VERB", "VBD", 0, 0),
            ("PRON", "WP", 4, 1),
            ("VERB", "VBD", 2, 2),
            ("PROPN", "NNP", 4, 2),
        ]);
        assert_eq!(out[3], (2, "obj"));
    }

    #[test]
    fn an_infinitive_after_an_adjective_with_a_subject_is_its_xcomp() {
        // I am pleased to visit Gondor
        let out = run(&[
            ("PRON", "PRP", 3, 1),
            ("AUX", "VBP", 3, 3),
            ("ADJ", "JJ", 0, 0),
            ("PART", "TO", 5, 3),
            ("VERB", "VB", 3, 7),
            ("PROPN", "NNP", 5, 2),
        ]);
        assert_eq!(out[4], (3, "xcomp"));
    }
}
