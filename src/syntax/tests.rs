//! Tests of the syntax module. None needs the treebank: the tiny hand-made
//! treebank and the press sentences live in `tests/data/`.

use proptest::prelude::*;

use super::conllu::{read_conllu, write_conllu, ConlluSentence, ConlluWord};
use super::eval::evaluate;
use super::model::{ModelParts, Scratch, SyntaxModel};
use super::oracle::projectivize;
use super::train::{score, train, TrainConfig};

const TINY: &str = include_str!("../../tests/data/syntax_tiny.conllu");

fn tiny_model() -> (ModelParts, SyntaxModel) {
    let sents = read_conllu(TINY).expect("tiny treebank parses");
    let cfg = TrainConfig {
        tagger_epochs: 20,
        parser_epochs: 30,
        max_bytes: 2_000_000,
        ..TrainConfig::default()
    };
    let mut quiet = |_: &str| {};
    train(&sents, &sents, &[], &cfg, &mut quiet).expect("tiny model trains")
}

#[test]
fn tiny_treebank_is_learned_to_100_percent() {
    let sents = read_conllu(TINY).unwrap();
    assert_eq!(sents.len(), 10);
    let (_, model) = tiny_model();
    let s = score(&model, &sents);
    assert_eq!(s.words, 81);
    assert_eq!(
        (
            s.upos_correct,
            s.lemma_correct,
            s.uas_correct,
            s.las_correct
        ),
        (81, 81, 81, 81),
        "{}",
        s.to_line()
    );
}

fn word(form: &str, lemma: &str, upos: &str, head: usize, deprel: &str) -> ConlluWord {
    ConlluWord {
        form: form.into(),
        lemma: lemma.into(),
        upos: upos.into(),
        xpos: "_".into(),
        head,
        deprel: deprel.into(),
        misc: "_".into(),
    }
}

#[test]
fn eval_matches_a_hand_computed_example() {
    // Gold: "Gondor 's envoy left ." and "Talks ended".
    let gold = vec![
        ConlluSentence {
            id: None,
            text: None,
            words: vec![
                word("Gondor", "Gondor", "PROPN", 3, "nmod:poss"),
                word("'s", "'s", "PART", 1, "case"),
                word("envoy", "envoy", "NOUN", 4, "nsubj"),
                word("left", "leave", "VERB", 0, "root"),
                word(".", ".", "PUNCT", 4, "punct"),
            ],
        },
        ConlluSentence {
            id: None,
            text: None,
            words: vec![
                word("Talks", "talk", "NOUN", 2, "nsubj"),
                word("ended", "end", "VERB", 0, "root"),
            ],
        },
    ];
    let mut pred = gold.clone();
    // 1. "Gondor": nmod instead of nmod:poss: same universal relation, LAS
    //    still right.
    pred[0].words[0].deprel = "nmod".into();
    // 2. "left": ADJ and lemma "left": UPOS and lemma wrong.
    pred[0].words[3].upos = "ADJ".into();
    pred[0].words[3].lemma = "left".into();
    // 3. ".": attached to "envoy": head wrong (so LAS wrong too).
    pred[0].words[4].head = 3;
    // 4. "Talks": right head, obj instead of nsubj: UAS right, LAS wrong.
    pred[1].words[0].deprel = "obj".into();
    let s = evaluate(&gold, &pred);
    // 7 words: UPOS 6/7, lemma 6/7, UAS 6/7, LAS 5/7.
    assert_eq!(s.words, 7);
    assert_eq!(s.upos_correct, 6);
    assert_eq!(s.lemma_correct, 6);
    assert_eq!(s.uas_correct, 6);
    assert_eq!(s.las_correct, 5);
    assert!((s.las() - 500.0 / 7.0).abs() < 1e-9);
}

#[test]
fn conllu_skips_ranges_and_empty_nodes_and_round_trips() {
    let text = "# sent_id = a\n# text = don't go\n1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
        1\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n\
        3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n3.1\tx\tx\tX\tX\t_\t_\t_\t_\t_\n\n";
    let s = read_conllu(text).unwrap();
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].words.len(), 3);
    assert_eq!(s[0].id.as_deref(), Some("a"));
    let again = read_conllu(&write_conllu(&s)).unwrap();
    assert_eq!(again, s);
    assert!(read_conllu("1\ta\ta\tX\tX\t_\t5\tdep\t_\t_\n").is_err());
}

#[test]
fn projectivize_lifts_crossing_arcs() {
    // 2→4 crosses the root 3 (3 lies between 2 and 4 but is no descendant of 4).
    let mut heads = vec![0, 3, 4, 0, 3];
    let lifts = projectivize(&mut heads);
    assert_eq!(lifts, 1);
    assert_eq!(heads, vec![0, 3, 3, 0, 3]);
    let mut proj = vec![0, 2, 0, 2];
    assert_eq!(projectivize(&mut proj), 0);
}

#[test]
fn model_bytes_round_trip_and_corruption_is_an_error() {
    let (parts, model) = tiny_model();
    let bytes = parts.encode();
    assert!(SyntaxModel::from_bytes(&bytes).is_ok());
    assert_eq!(model.header().labels, parts.header.labels);
    for cut in [0, 7, 12, 100, bytes.len() / 2, bytes.len() - 1] {
        assert!(SyntaxModel::from_bytes(&bytes[..cut]).is_err());
    }
    let mut rng = crate::ner::hash::SplitMix64(7);
    for _ in 0..200 {
        let mut b = bytes.clone();
        let i = rng.below(b.len());
        b[i] ^= 1 + rng.below(255) as u8;
        assert!(SyntaxModel::from_bytes(&b).is_err());
    }
    // Well-formed checksum, inconsistent contents.
    let mut bad = parts.clone();
    bad.tagger.truncate(bad.tagger.len() - 3);
    assert!(SyntaxModel::from_bytes(&bad.encode()).is_err());
    let mut bad = parts.clone();
    bad.lemmas = "R\tNOUN\tx\tnot-a-number\t\n".into();
    assert!(SyntaxModel::from_bytes(&bad.encode()).is_err());
    let mut bad = parts;
    bad.header.root = 200;
    assert!(SyntaxModel::from_bytes(&bad.encode()).is_err());
}

#[test]
fn the_embedded_model_is_intact() {
    // start-up skips the embedded model's checksum; this checks it once
    assert!(SyntaxModel::embedded_checksum_holds());
}

/// Checks that the analysis of `n` words is one tree.
fn assert_tree(scratch: &Scratch, n: usize) {
    let mut roots = 0;
    for i in 0..n {
        match scratch.head(i) {
            None => roots += 1,
            Some(h) => assert!(h < n && h != i, "head {h} of {i} out of range"),
        }
        // Following heads reaches the root within n steps: no cycle.
        let (mut k, mut steps) = (i, 0);
        while let Some(h) = scratch.head(k) {
            k = h;
            steps += 1;
            assert!(steps <= n, "cycle through {i}");
        }
    }
    assert_eq!(roots, 1);
}

#[test]
fn a_5000_token_sentence_is_one_tree() {
    let model = SyntaxModel::embedded().unwrap();
    let words = [
        "The", "envoy", "met", "the", "minister", "in", "Paris", ",", "and",
    ];
    let forms: Vec<&str> = (0..5000).map(|i| words[i % words.len()]).collect();
    let mut scratch = Scratch::default();
    let start = std::time::Instant::now();
    model.analyze(&forms, &mut scratch);
    assert_tree(&scratch, forms.len());
    assert!(start.elapsed().as_secs() < 10);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_input_yields_a_tree(words in prop::collection::vec("[A-Za-z]{1,8}|[.,;:!?()'\"-]|[0-9]{1,4}|\\PC{1,3}", 1..60)) {
        let model = SyntaxModel::embedded().unwrap();
        let forms: Vec<&str> = words.iter().map(String::as_str).collect();
        let mut scratch = Scratch::default();
        model.analyze(&forms, &mut scratch);
        assert_tree(&scratch, forms.len());
    }

    #[test]
    fn the_stage_writes_one_tree_per_sentence(text in "[A-Za-z ,.'-]{0,200}") {
        use crate::doc::{Doc, DocInfo};
        use crate::pipeline::Stage;
        use crate::text::{split_sentences, Lexical, Tokenizer};
        let lexical = Lexical::embedded();
        let mut doc = Doc::new(DocInfo::default(), text);
        doc.tokens = Tokenizer::new(lexical.clone()).tokenize(doc.text(), &[]);
        doc.sentences = split_sentences(doc.text(), &doc.tokens, &lexical);
        let stage = super::SyntaxStage::new(SyntaxModel::embedded().unwrap());
        stage.process(&mut doc);
        prop_assert_eq!(doc.syntax.len(), doc.tokens.len());
        for s in &doc.sentences {
            let roots = s.tokens.clone().filter(|&i| doc.syntax[i].head.is_none()).count();
            prop_assert_eq!(roots, 1);
            for i in s.tokens.clone() {
                if let Some(h) = doc.syntax[i].head {
                    prop_assert!(s.tokens.contains(&h) && h != i);
                }
            }
        }
    }
}

/// The press sentences of `tests/data/syntax_press.tsv`: how many of the
/// hand-checked arcs the embedded model gets right. The test prints the
/// count and the arcs still wrong (known failures) and fails only if the
/// count drops below [`PRESS_ARCS_FLOOR`].
#[test]
fn press_sentences_arcs() {
    use crate::doc::{Doc, DocInfo};
    use crate::pipeline::Stage;
    use crate::text::{Lexical, Tokenizer};
    let tsv = include_str!("../../tests/data/syntax_press.tsv");
    let stage = super::SyntaxStage::new(SyntaxModel::embedded().unwrap());
    let tokenizer = Tokenizer::new(Lexical::embedded());
    let (mut right, mut total, mut wrong) = (0, 0, Vec::new());
    for line in tsv
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let (id, text, arcs) = (cols[0], cols[1], cols[2]);
        let mut doc = Doc::new(DocInfo::default(), text.to_string());
        doc.tokens = tokenizer.tokenize(doc.text(), &[]);
        // One sentence each: the whole line.
        doc.sentences = vec![crate::doc::Sentence {
            span: doc.token_span(0, doc.tokens.len() - 1),
            tokens: 0..doc.tokens.len(),
        }];
        stage.process(&mut doc);
        let find = |w: &str| -> Option<usize> {
            let (form, nth) = match w.split_once('#') {
                Some((f, n)) => (f, n.parse::<usize>().unwrap_or(1)),
                None => (w, 1),
            };
            (0..doc.tokens.len())
                .filter(|&i| doc.token_text(i) == form)
                .nth(nth - 1)
        };
        for arc in arcs.split(';') {
            let parts: Vec<&str> = arc.split_whitespace().collect();
            let [dep, rel, head] = parts[..] else {
                panic!("bad arc {arc:?} in sentence {id}")
            };
            let (d, h) = (find(dep).expect(dep), find(head).expect(head));
            total += 1;
            let got = &doc.syntax[d];
            if got.head == Some(h) && got.deprel == rel {
                right += 1;
            } else {
                let got_head = got.head.map_or("ROOT", |g| doc.token_text(g));
                wrong.push(format!(
                    "{id}: {dep} {rel} {head} (got {} {got_head})",
                    got.deprel
                ));
            }
        }
    }
    println!("press sentences: {right} of {total} event arcs right");
    for w in &wrong {
        println!("  known failure: {w}");
    }
    assert_eq!(total, 75);
    assert!(right >= PRESS_ARCS_FLOOR, "{right} of {total}");
}

/// The count the embedded model reached when it was committed: 64 of 75
/// (the model before it: 63). Known failures then: 1 "Minas" nmod of
/// "Ambassador" instead of obl of met; 4 "Secretary-General" (a hyphenated
/// word EWT would split) read as a compound, "respect" advcl instead of
/// xcomp; 13 "Officials … expressed concern" read as a noun phrase; 14 the
/// comma-delimited relative clause read as ccomp, so "Minister" becomes the
/// subject of "visiting", and "President Theoden" headed by "Theoden"; 18
/// "The agreement that the two sides signed … expires": the relative clause
/// is missed.
const PRESS_ARCS_FLOOR: usize = 64;

#[test]
fn plural_proper_nouns_lose_their_s_and_singular_ones_keep_their_form() {
    use super::lemma::Lemmatizer;
    let words = [
        ("Democrats", "PROPN", "NNPS", "Democrat"),
        ("Republicans", "PROPN", "NNPS", "Republican"),
        ("Nov.", "PROPN", "NNP", "November"),
        ("Smith", "PROPN", "NNP", "Smith"),
        ("Jones", "PROPN", "NNP", "Jones"),
        ("dogs", "NOUN", "NNS", "dog"),
        ("cats", "NOUN", "NNS", "cat"),
    ];
    let lem = Lemmatizer::learn(words.iter().copied());
    assert_eq!(lem.lemma("Liberals", "PROPN", "NNPS"), "Liberal");
    // Most NNP words keep their form, so the tag gets no rules: "Oct."
    // is not rewritten like the one "Nov." seen in training.
    assert_eq!(lem.lemma("Andrews", "PROPN", "NNP"), "Andrews");
    assert_eq!(lem.lemma("Oct.", "PROPN", "NNP"), "Oct.");
    assert_eq!(lem.lemma("Nov.", "PROPN", "NNP"), "November");
    assert_eq!(lem.lemma("Birds", "NOUN", "NNS"), "bird");
    assert_eq!(lem.lemma("ÉTATS", "NOUN", "NNS"), "état");
}

#[test]
fn sections_and_wide_slots_sit_on_cache_lines() {
    use super::table::slot_len;
    assert_eq!((slot_len(3), slot_len(51), slot_len(102)), (11, 64, 128));
    let (parts, _) = tiny_model();
    let bytes = parts.encode();
    let hlen = u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]) as usize;
    assert_eq!((12 + hlen) % 64, 0);
    let header: super::model::Header = serde_json::from_slice(&bytes[12..12 + hlen]).unwrap();
    assert!(header.sections.iter().all(|s| s.1 % 64 == 0));
}

/// A place's or organisation's name of several capitalised words is parsed
/// as its last word, tagged a proper noun, its other words hung on it as
/// `flat`: "Union" alone would read as a common noun.
#[test]
fn a_multiword_organisation_name_is_one_proper_noun() {
    use crate::doc::{EntityType, Mention, Origin};
    use crate::pipeline::Stage;
    let mut doc = crate::pipeline::testing::split_doc(
        "The Northern Maritime Union imposed new tariffs on grain imports.",
    );
    doc.entities.push(Mention {
        span: doc.token_span(1, 3),
        tokens: 1..4,
        sentence: 0,
        label: EntityType::Org,
        score: None,
        origin: Origin::Model,
        entry: None,
    });
    let stage = super::SyntaxStage::new(SyntaxModel::embedded().expect("embedded model"));
    stage.process(&mut doc);
    let union = &doc.syntax[3];
    assert_eq!(union.upos, "PROPN");
    assert_eq!((union.head, union.deprel), (Some(4), "nsubj"));
    for inner in 1..3 {
        assert_eq!(
            (doc.syntax[inner].head, doc.syntax[inner].deprel),
            (Some(3), "flat")
        );
    }
}

proptest! {
    /// With titles and arbitrary names in the entities layer, every
    /// sentence is still one tree.
    #[test]
    fn reduced_names_keep_one_tree_per_sentence(
        text in "(Minister|President|of|the|Gondor|Hirgon|Baranor|met|said|\\.|,| ){0,40}",
        names in proptest::collection::vec((0usize..60, 1usize..4, 0usize..3), 0..5),
    ) {
        use crate::doc::{EntityType, Mention, Origin};
        use crate::pipeline::Stage;
        use crate::text::titles::Titles;
        use crate::text::{Lexical, Tokenizer};
        let mut doc = crate::pipeline::testing::split_doc(&text);
        let n = doc.tokens.len();
        let labels = [EntityType::Person, EntityType::Gpe, EntityType::Org];
        for (a, len, label) in names {
            if a + len <= n {
                doc.entities.push(Mention {
                    span: doc.token_span(a, a + len - 1),
                    tokens: a..a + len,
                    sentence: doc.sentence_of_token(a),
                    label: labels[label],
                    score: None,
                    origin: Origin::Model,
                    entry: None,
                });
            }
        }
        let titles = Titles::with_user_files(&[], &Tokenizer::new(Lexical::embedded())).unwrap();
        let stage = super::SyntaxStage::new(SyntaxModel::embedded().unwrap()).with_titles(titles);
        stage.process(&mut doc);
        prop_assert_eq!(doc.syntax.len(), n);
        for s in &doc.sentences {
            let roots = s.tokens.clone().filter(|&i| doc.syntax[i].head.is_none()).count();
            prop_assert_eq!(roots, 1);
            for i in s.tokens.clone() {
                let mut seen = 0;
                let mut k = i;
                while let Some(h) = doc.syntax[k].head {
                    prop_assert!(s.tokens.contains(&h) && h != k);
                    k = h;
                    seen += 1;
                    prop_assert!(seen <= s.tokens.len(), "cycle");
                }
            }
        }
    }
}

/// A one-word PERSON from the tagger that is a common word capitalised by
/// its place is dropped; a name, one after a title, or a word that ends a
/// longer person's name in the document stays.
#[test]
fn a_capitalised_common_word_is_no_person() {
    use crate::doc::{Doc, EntityType, Mention, Origin};
    use crate::pipeline::Stage;
    // tokens: Given(0) the(1) delays(2) ,(3) Tarvel(4) spoke(5) .(6)
    //         QUESTION(7) :(8) Okay(9) .(10) Ned(11) Price(12) left(13) .(14)
    //         Price(15) said(16) so(17) .(18)
    let mut doc = crate::pipeline::testing::split_doc(
        "Given the delays, Tarvel spoke. QUESTION: Okay. Ned Price left. Price said so.",
    );
    let person = |doc: &Doc, tokens: std::ops::Range<usize>| Mention {
        span: doc.token_span(tokens.start, tokens.end - 1),
        sentence: doc.sentence_of_token(tokens.start),
        tokens,
        label: EntityType::Person,
        score: None,
        origin: Origin::Model,
        entry: None,
    };
    for r in [0..1, 4..5, 9..10, 11..13, 15..16] {
        let m = person(&doc, r);
        doc.entities.push(m);
    }
    let stage = super::SyntaxStage::new(SyntaxModel::embedded().expect("embedded model"));
    stage.process(&mut doc);
    let left: Vec<&str> = doc.entities.iter().map(|m| doc.span_text(m.span)).collect();
    assert_eq!(left, ["Tarvel", "Ned Price", "Price"]);
}

/// A longer PERSON from the tagger made only of common words is a
/// title-case phrase, not a name; one with a name in it stays.
#[test]
fn a_person_of_common_words_only_is_no_person() {
    use crate::doc::{EntityType, Mention, Origin};
    use crate::pipeline::Stage;
    // tokens: The(0) Population(1) Change(2) figures(3) were(4) read(5)
    //         by(6) Tarvel(7) Price(8) .(9)
    let mut doc = crate::pipeline::testing::split_doc(
        "The Population Change figures were read by Tarvel Price.",
    );
    for r in [1..3, 7..9] {
        let m = Mention {
            span: doc.token_span(r.start, r.end - 1),
            sentence: doc.sentence_of_token(r.start),
            tokens: r,
            label: EntityType::Person,
            score: None,
            origin: Origin::Model,
            entry: None,
        };
        doc.entities.push(m);
    }
    let stage = super::SyntaxStage::new(SyntaxModel::embedded().expect("embedded model"));
    stage.process(&mut doc);
    let left: Vec<&str> = doc.entities.iter().map(|m| doc.span_text(m.span)).collect();
    assert_eq!(left, ["Tarvel Price"]);
}

/// Clitics with a typographic apostrophe are tagged and lemmatised as the
/// treebank's straight ones: "we’ll" is a modal "will", "’d" a "would".
#[test]
fn typographic_clitics_read_as_straight_ones() {
    use crate::doc::{Doc, DocInfo};
    use crate::pipeline::Stage;
    use crate::text::{split_sentences, Lexical, Tokenizer};
    let lexical = Lexical::embedded();
    let text = "We\u{2019}ll meet them. We\u{2019}d like to thank them. They don\u{2019}t agree.";
    let mut doc = Doc::new(DocInfo::default(), text.to_string());
    doc.tokens = Tokenizer::new(lexical.clone()).tokenize(doc.text(), &[]);
    doc.sentences = split_sentences(doc.text(), &doc.tokens, &lexical);
    let stage = super::SyntaxStage::new(SyntaxModel::embedded().unwrap());
    stage.process(&mut doc);
    let lemma_of = |form: &str| {
        (0..doc.tokens.len())
            .find(|&i| doc.token_text(i) == form)
            .map(|i| (doc.syntax[i].lemma.clone(), doc.syntax[i].xpos))
    };
    assert_eq!(lemma_of("\u{2019}ll"), Some(("will".to_string(), "MD")));
    assert_eq!(lemma_of("\u{2019}d"), Some(("would".to_string(), "MD")));
    assert_eq!(lemma_of("n\u{2019}t").map(|l| l.0), Some("not".to_string()));
}
