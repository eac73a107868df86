//! A finite clause has a verb: a second look at the tagger's choices.
//!
//! The greedy tagger sometimes reads every word of a short clause as a
//! noun or adjective ("Gondor froze Mordor's assets", "froze" a noun;
//! "demanded that Arnor end attacks", "end" a noun). Two kinds of span
//! must hold a finite verb: a sentence closed by a full stop or "!"
//! (headlines and titles have none), and a clause opened by the
//! complementizer "that" up to the sentence's end. When such a span has
//! no finite verb or auxiliary,
//! the word in it that the tagger's own scores find likeliest to be a
//! verb becomes one — a noun or adjective right after a nominal (its
//! subject), that the tag dictionary allows as a verb — and the words
//! after it are tagged again, as the greedy tagger reads to its left.

use super::tagger::{features, fixed_class, Scorer, TokAtoms};

/// The tag classes by coarse part of speech, found once at load.
#[derive(Debug, Clone, Default)]
pub struct VerbClasses {
    /// Finite verb classes (UPOS VERB, Penn VBD, VBZ or VBP): the span
    /// needs a finite verb.
    pub verb: Vec<u8>,
    /// Per class: a finite verb (VBD, VBZ, VBP) or an auxiliary (an
    /// infinitive or participle alone makes no finite clause: "Gondor
    /// calls on Arnor to act").
    pub verbal: Vec<bool>,
    /// Per class: a bare verb (VB).
    pub base: Vec<bool>,
    /// Per class: NOUN or ADJ, or a verb's non-finite form (a misread
    /// finite verb's tags).
    pub misread: Vec<bool>,
    /// Per class: NOUN, PROPN or PRON (a subject's head).
    pub nominal: Vec<bool>,
    /// Per class: PROPN or PRON (a subject that is no noun's modifier).
    pub named: Vec<bool>,
    /// Per class: SCONJ (the complementizer "that").
    pub sconj: Vec<bool>,
    /// Per class: a possessive marker or pronoun (after which a noun
    /// comes, not a verb; so after an article).
    pub opener: Vec<bool>,
    /// Common noun classes (UPOS NOUN).
    pub noun: Vec<u8>,
    /// Per class: a present-tense finite verb (VBZ, VBP).
    pub present: Vec<bool>,
    /// Per class: NOUN or ADJ.
    pub noun_or_adj: Vec<bool>,
    /// Per class: the infinitive marker (Penn TO; the preposition "to" is
    /// IN in UD English).
    pub to_marker: Vec<bool>,
    /// The tag dictionary's VERB bit.
    pub verb_bit: u32,
    /// The tag dictionary's NOUN bit.
    pub noun_bit: u32,
}

impl VerbClasses {
    /// The classes from the model's UPOS per class.
    pub fn new(upos: &[&str], xpos: &[&str], bits: (u32, u32)) -> VerbClasses {
        let (verb_bit, noun_bit) = bits;
        let is = |set: &[&str]| upos.iter().map(|u| set.contains(u)).collect::<Vec<_>>();
        let finite = |c: usize| matches!(xpos.get(c).copied(), Some("VBD" | "VBZ" | "VBP"));
        let possessive = |c: usize| matches!(xpos.get(c).copied(), Some("PRP$" | "WP$"));
        VerbClasses {
            verb: (0..upos.len())
                .filter(|&c| upos[c] == "VERB" && finite(c))
                .filter_map(|c| u8::try_from(c).ok())
                .collect(),
            verbal: (0..upos.len())
                .map(|c| upos[c] == "AUX" || upos[c] == "VERB" && finite(c))
                .collect(),
            base: (0..upos.len())
                .map(|c| upos[c] == "VERB" && xpos.get(c) == Some(&"VB"))
                .collect(),
            misread: (0..upos.len())
                .map(|c| matches!(upos[c], "NOUN" | "ADJ") || upos[c] == "VERB" && !finite(c))
                .collect(),
            // (a possessive pronoun heads no subject: "Our delegation")
            nominal: (0..upos.len())
                .map(|c| matches!(upos[c], "NOUN" | "PROPN" | "PRON") && !possessive(c))
                .collect(),
            named: (0..upos.len())
                .map(|c| upos[c] == "PROPN" || upos[c] == "PRON" && !possessive(c))
                .collect(),
            sconj: is(&["SCONJ"]),
            opener: (0..upos.len())
                .map(|c| matches!(xpos.get(c).copied(), Some("POS")) || possessive(c))
                .collect(),
            noun: (0..upos.len())
                .filter(|&c| upos[c] == "NOUN")
                .filter_map(|c| u8::try_from(c).ok())
                .collect(),
            present: (0..upos.len())
                .map(|c| upos[c] == "VERB" && matches!(xpos.get(c).copied(), Some("VBZ" | "VBP")))
                .collect(),
            noun_or_adj: is(&["NOUN", "ADJ"]),
            to_marker: (0..upos.len())
                .map(|c| xpos.get(c) == Some(&"TO"))
                .collect(),
            verb_bit,
            noun_bit,
        }
    }

    fn has(flags: &[bool], tag: u8) -> bool {
        flags.get(tag as usize).copied().unwrap_or(false)
    }
}

/// The spans of `forms` that must hold a verb, as half-open ranges.
fn spans(forms: &[&str], tags: &[u8], vc: &VerbClasses) -> Vec<(usize, usize)> {
    let n = forms.len();
    let closed = forms.last().is_some_and(|f| matches!(*f, "." | "!"));
    if !closed || n < 4 {
        return Vec::new();
    }
    let mut out = vec![(0, n - 1)];
    for k in 0..n - 1 {
        if VerbClasses::has(&vc.sconj, tags[k]) && forms[k].eq_ignore_ascii_case("that") {
            out.push((k + 1, n - 1));
        }
    }
    out
}

/// What the tagger's verb checks read: its scorer and class count, the
/// sentence's forms and atoms, and the verb classes.
pub struct Retag<'a, S> {
    /// The tagger's weights.
    pub scorer: &'a S,
    /// How many tag classes.
    pub classes: usize,
    /// The sentence's words.
    pub forms: &'a [&'a str],
    /// Their tagger atoms.
    pub atoms: &'a [TokAtoms],
    /// The verb classes of the model.
    pub vc: &'a VerbClasses,
}

impl<S: Scorer> Retag<'_, S> {
    /// The tagger's verb checks, in order: a finite verb after a determiner
    /// or possessive becomes a noun, then each span that must hold a verb
    /// gets one.
    pub fn revise_tags(&self, tags: &mut [u8]) {
        self.nouns_for_subjectless_verbs(tags);
        self.nouns_before_of(tags);
        self.verbs_after_to(tags);
        self.ensure_verbs(tags);
    }

    /// Whether the sentence's arrays agree with `tags` and the classes a
    /// check needs are there.
    fn fits(&self, tags: &[u8], needed: &[u8]) -> bool {
        self.forms.len() == tags.len() && self.atoms.len() == tags.len() && !needed.is_empty()
    }

    /// Gives each span that must hold a verb one, if the tagger left it none.
    pub fn ensure_verbs(&self, tags: &mut [u8]) {
        if !self.fits(tags, &self.vc.verb) {
            return;
        }
        let (scorer, classes, forms, atoms, vc) =
            (self.scorer, self.classes, self.forms, self.atoms, self.vc);
        let (mut feats, mut scores) = (Vec::new(), vec![0.0f32; classes]);
        for (start, end) in spans(forms, tags, vc) {
            // (a bare verb not after "to" is an imperative's: "Please find
            // attached …")
            let imperative = |k: usize| {
                VerbClasses::has(&vc.base, tags[k])
                    && (k == 0 || !forms[k - 1].eq_ignore_ascii_case("to"))
            };
            if (start..end).any(|k| VerbClasses::has(&vc.verbal, tags[k]) || imperative(k)) {
                continue;
            }
            // (after a name or pronoun first: a common noun before a noun is
            // more often its modifier, "the border districts")
            let mut best: Option<(bool, f32, usize, u8)> = None;
            // (not the last word: a verbless fragment ends in its head noun,
            // "Good local bike shop.")
            for i in start + 1..end.saturating_sub(1) {
                let can_be_verb = atoms[i].dict == 0 || atoms[i].dict & vc.verb_bit != 0;
                let after_subject = VerbClasses::has(&vc.nominal, tags[i - 1]);
                if !can_be_verb || !after_subject || !VerbClasses::has(&vc.misread, tags[i]) {
                    continue;
                }
                if fixed_class(&atoms[i], classes).is_some() {
                    continue;
                }
                features(atoms, i, tags, &mut feats);
                scorer.score(&feats, &mut scores);
                let own = scores.get(tags[i] as usize).copied().unwrap_or(0.0);
                let Some(&v) = vc.verb.iter().max_by(|&&a, &&b| {
                    let (sa, sb) = (scores[a as usize], scores[b as usize]);
                    sa.total_cmp(&sb)
                }) else {
                    continue;
                };
                let margin = scores[v as usize] - own;
                let named = VerbClasses::has(&vc.named, tags[i - 1]);
                if best.is_none_or(|(n, m, _, _)| (named, margin) > (n, m)) {
                    best = Some((named, margin, i, v));
                }
            }
            let Some((_, _, i, v)) = best else { continue };
            tags[i] = v;
            retag_after(scorer, classes, atoms, tags, i, &mut feats, &mut scores);
        }
    }

    /// A finite verb does not follow a determiner or possessive: one that does
    /// ("the talks between Gondor and Harad resumed", "Gondor's clashes with
    /// Mordor intensified"), while a finite
    /// verb or auxiliary follows, is a noun (when the tag dictionary allows
    /// one), the likeliest noun class by the tagger's scores.
    pub fn nouns_for_subjectless_verbs(&self, tags: &mut [u8]) {
        if !self.fits(tags, &self.vc.noun) {
            return;
        }
        let (scorer, classes, forms, atoms, vc) =
            (self.scorer, self.classes, self.forms, self.atoms, self.vc);
        let (mut feats, mut scores) = (Vec::new(), vec![0.0f32; classes]);
        for i in 0..tags.len() {
            let finite_verb = VerbClasses::has(&vc.verbal, tags[i]) && vc.verb.contains(&tags[i]);
            // (not the first word: a subject is often dropped there, "Hope
            // you are well")
            // (an article, not a demonstrative: "This sounds right")
            let article = |k: usize| matches!(forms[k].to_lowercase().as_str(), "the" | "a" | "an");
            let opens = i > 0 && (VerbClasses::has(&vc.opener, tags[i - 1]) || article(i - 1));
            let can_be_noun = atoms[i].dict == 0 || atoms[i].dict & vc.noun_bit != 0;
            if !finite_verb || !opens || !can_be_noun || fixed_class(&atoms[i], classes).is_some() {
                continue;
            }
            if !(i + 1..tags.len()).any(|k| VerbClasses::has(&vc.verbal, tags[k])) {
                continue;
            }
            features(atoms, i, tags, &mut feats);
            scorer.score(&feats, &mut scores);
            let Some(&noun) = vc
                .noun
                .iter()
                .max_by(|&&a, &&b| scores[a as usize].total_cmp(&scores[b as usize]))
            else {
                continue;
            };
            tags[i] = noun;
            retag_after(scorer, classes, atoms, tags, i, &mut feats, &mut scores);
        }
    }

    /// The likeliest class among `among` for word `i`, by the tagger's
    /// scores; `tags[i]` becomes it and the words after it are tagged
    /// again.
    fn retag_as(&self, tags: &mut [u8], i: usize, among: &[u8]) {
        let (mut feats, mut scores) = (Vec::new(), vec![0.0f32; self.classes]);
        features(self.atoms, i, tags, &mut feats);
        self.scorer.score(&feats, &mut scores);
        let best = among.iter().copied().max_by(|&a, &b| {
            let score = |c: u8| scores.get(c as usize).copied().unwrap_or(f32::MIN);
            score(a).total_cmp(&score(b))
        });
        let Some(best) = best else { return };
        tags[i] = best;
        retag_after(
            self.scorer,
            self.classes,
            self.atoms,
            tags,
            i,
            &mut feats,
            &mut scores,
        );
    }

    /// A phrase "N1 N2s of X" has its plural noun as its head: a
    /// present-tense verb right after a common noun and right before "of"
    /// ("annexed the border districts of Arnor", "the member states of the
    /// Union") is a noun when the tag dictionary allows one (the verbs
    /// that take "of", "consists of", "speaks of", it knows only as verbs).
    pub fn nouns_before_of(&self, tags: &mut [u8]) {
        if !self.fits(tags, &self.vc.noun) {
            return;
        }
        for i in 1..tags.len().saturating_sub(1) {
            let present = VerbClasses::has(&self.vc.present, tags[i]);
            let after_noun = self.vc.noun.contains(&tags[i - 1]);
            let of = self.forms[i + 1].eq_ignore_ascii_case("of");
            let dict = self.atoms[i].dict;
            let can_be_noun = dict == 0 || dict & self.vc.noun_bit != 0;
            let fixed = fixed_class(&self.atoms[i], self.classes).is_some();
            if present && after_noun && of && can_be_noun && !fixed {
                self.retag_as(tags, i, &self.vc.noun);
            }
        }
    }

    /// The infinitive marker is followed by a bare verb: a word read as a
    /// noun or adjective right after a "to" the tagger itself read as the
    /// marker ("urged Umbar to free the crew", "continues to mass troops")
    /// is the bare verb when the tag dictionary allows a verb. An -s or
    /// -ing form is no bare verb ("in response to attacks", "a commitment
    /// to meeting the deadline": the preposition's).
    pub fn verbs_after_to(&self, tags: &mut [u8]) {
        let bare: Vec<u8> = (0..self.classes)
            .filter(|&c| self.vc.base.get(c).copied().unwrap_or(false))
            .filter_map(|c| u8::try_from(c).ok())
            .collect();
        if !self.fits(tags, &bare) {
            return;
        }
        for i in 1..tags.len() {
            let marker = VerbClasses::has(&self.vc.to_marker, tags[i - 1])
                && self.forms[i - 1].eq_ignore_ascii_case("to");
            let nominal = VerbClasses::has(&self.vc.noun_or_adj, tags[i]);
            let form = self.forms[i].to_lowercase();
            let inflected = form.ends_with('s') && !form.ends_with("ss") || form.ends_with("ing");
            let dict = self.atoms[i].dict;
            let can_be_verb = dict != 0 && dict & self.vc.verb_bit != 0;
            let fixed = fixed_class(&self.atoms[i], self.classes).is_some();
            if marker && nominal && !inflected && can_be_verb && !fixed {
                self.retag_as(tags, i, &bare);
            }
        }
    }
}

/// Tags the words after `i` again, greedily, as [`super::tagger`] does.
fn retag_after<S: Scorer>(
    scorer: &S,
    classes: usize,
    atoms: &[TokAtoms],
    tags: &mut [u8],
    i: usize,
    feats: &mut Vec<u64>,
    scores: &mut [f32],
) {
    for j in i + 1..tags.len() {
        if let Some(c) = fixed_class(&atoms[j], classes) {
            tags[j] = c;
            continue;
        }
        features(atoms, j, tags, feats);
        scorer.score(feats, scores);
        tags[j] = super::tagger::argmax(scores) as u8;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Classes: 0 PROPN|NNP, 1 NOUN|NN, 2 VERB|VBD, 3 PUNCT|., 4 SCONJ|IN,
    /// 5 NOUN|NNS, 6 PART|POS, 7 VERB|VBZ, 8 PART|TO, 9 VERB|VB, 10 ADJ|JJ.
    const UPOS: [&str; 11] = [
        "PROPN", "NOUN", "VERB", "PUNCT", "SCONJ", "NOUN", "PART", "VERB", "PART", "VERB", "ADJ",
    ];
    const XPOS: [&str; 11] = [
        "NNP", "NN", "VBD", ".", "IN", "NNS", "POS", "VBZ", "TO", "VB", "JJ",
    ];

    /// A scorer that always prefers the plural noun, then the verb.
    struct Plural;
    impl Scorer for Plural {
        fn score(&self, _feats: &[u64], out: &mut [f32]) {
            out.copy_from_slice(&[0.0, 1.0, 2.0, 0.0, 0.0, 3.0, 0.0, 0.5, 0.0, 1.5, 0.0]);
        }
    }

    fn classes() -> VerbClasses {
        VerbClasses::new(&UPOS, &XPOS, (1, 2))
    }

    fn retag<'a>(
        forms: &'a [&'a str],
        atoms: &'a [TokAtoms],
        vc: &'a VerbClasses,
    ) -> Retag<'a, Plural> {
        Retag {
            scorer: &Plural,
            classes: 11,
            forms,
            atoms,
            vc,
        }
    }

    #[test]
    fn a_sentence_without_a_finite_verb_gets_one_after_its_subject() {
        // Gondor froze Mordor assets .
        let forms = ["Gondor", "froze", "Mordor", "assets", "."];
        let atoms = vec![TokAtoms::default(); forms.len()];
        let mut tags = [0, 1, 0, 5, 3];
        retag(&forms, &atoms, &classes()).ensure_verbs(&mut tags);
        assert_eq!(tags[1], 2);
    }

    #[test]
    fn a_title_without_a_full_stop_is_left_alone() {
        let forms = ["Statement", "by", "Gondor", "Minister"];
        let atoms = vec![TokAtoms::default(); forms.len()];
        let mut tags = [1, 4, 0, 1];
        retag(&forms, &atoms, &classes()).ensure_verbs(&mut tags);
        assert_eq!(tags, [1, 4, 0, 1]);
    }

    #[test]
    fn a_verb_after_a_possessive_is_a_noun_when_a_verb_follows() {
        // Gondor 's clashes intensified .
        let forms = ["Gondor", "'s", "clashes", "intensified", "."];
        let atoms = vec![TokAtoms::default(); forms.len()];
        let mut tags = [0, 6, 2, 2, 3];
        retag(&forms, &atoms, &classes()).nouns_for_subjectless_verbs(&mut tags);
        assert_eq!(tags[2], 5);
    }
    #[test]
    fn a_present_verb_between_a_noun_and_of_is_the_plural_head() {
        // Gondor annexed the border districts of Arnor .
        let forms = [
            "Gondor",
            "annexed",
            "the",
            "border",
            "districts",
            "of",
            "Arnor",
            ".",
        ];
        let atoms = vec![TokAtoms::default(); forms.len()];
        let mut tags = [0, 2, 1, 1, 7, 4, 0, 3];
        retag(&forms, &atoms, &classes()).nouns_before_of(&mut tags);
        assert_eq!(tags[4], 5);
    }

    #[test]
    fn a_verb_before_of_after_a_name_stays() {
        // Gondor speaks of peace .
        let forms = ["Gondor", "speaks", "of", "peace", "."];
        let atoms = vec![TokAtoms::default(); forms.len()];
        let mut tags = [0, 7, 4, 1, 3];
        retag(&forms, &atoms, &classes()).nouns_before_of(&mut tags);
        assert_eq!(tags[1], 7);
    }

    #[test]
    fn a_word_after_the_infinitive_marker_is_a_bare_verb() {
        // Gondor urged Mordor to free the crew .
        let forms = [
            "Gondor", "urged", "Mordor", "to", "free", "the", "crew", ".",
        ];
        let mut atoms = vec![TokAtoms::default(); forms.len()];
        atoms[4].dict = 1;
        let mut tags = [0, 2, 0, 8, 10, 1, 1, 3];
        retag(&forms, &atoms, &classes()).verbs_after_to(&mut tags);
        assert_eq!(tags[4], 9);
    }

    #[test]
    fn a_gerund_after_to_stays_a_noun() {
        // a commitment to meeting deadlines .
        let forms = ["a", "commitment", "to", "meeting", "deadlines", "."];
        let mut atoms = vec![TokAtoms::default(); forms.len()];
        atoms[3].dict = 1;
        let mut tags = [1, 1, 8, 1, 5, 3];
        retag(&forms, &atoms, &classes()).verbs_after_to(&mut tags);
        assert_eq!(tags[3], 1);
    }
}
