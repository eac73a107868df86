//! Unit tests on a small invented corpus (no external data needed).

use super::*;
use crate::ner::train::TrainConfig;

/// Invented sentences (IOB2), two documents.
const TINY: &str = "-DOCSTART- -X- -X- O

Minister B-PER
Alia I-PER
Verhoven I-PER
visited O
Kandoria B-LOC
on O
Monday O
. O

The O
Kandorian B-MISC
government O
welcomed O
Verhoven B-PER
at O
Port B-LOC
Estel I-LOC
. O

Talks O
between O
the O
Northern B-ORG
Trade I-ORG
Council I-ORG
and O
Velmar B-ORG
Holdings I-ORG
ended O
. O

Verhoven B-PER
said O
Kandoria B-LOC
and O
Ostria B-LOC
agreed O
. O

Officials O
from O
Velmar B-ORG
declined O
to O
comment O
. O

The O
Ostrian B-MISC
envoy O
, O
Petra B-PER
Quell I-PER
, O
arrived O
in O
Port B-LOC
Estel I-LOC
. O

-DOCSTART- -X- -X- O

Quell B-PER
met O
the O
Northern B-ORG
Trade I-ORG
Council I-ORG
in O
Lindgrad B-LOC
. O

The O
council O
praised O
the O
Kandorian B-MISC
proposal O
. O

Ostria B-LOC
rejected O
the O
Velmar B-ORG
offer O
on O
Friday O
. O

Alia B-PER
Verhoven I-PER
and O
Petra B-PER
Quell I-PER
signed O
the O
Lindgrad B-MISC
Accord I-MISC
. O

Nobody O
expected O
this O
outcome O
. O

The O
Marrow B-ORG
Institute I-ORG
in O
Lindgrad B-LOC
published O
a O
report O
. O

Quell B-PER
thanked O
Kandoria B-LOC
. O

Delegates O
from O
Ostria B-LOC
and O
Kandoria B-LOC
will O
meet O
again O
in O
March O
. O

The O
Ostrian B-MISC
press O
covered O
the O
Accord O
. O

Verhoven B-PER
left O
Lindgrad B-LOC
on O
Sunday O
. O

A O
spokesman O
for O
the O
Marrow B-ORG
Institute I-ORG
said O
prices O
rose O
. O

Kandorian B-MISC
farmers O
protested O
in O
Port B-LOC
Estel I-LOC
. O

Velmar B-ORG
Holdings I-ORG
hired O
Petra B-PER
Quell I-PER
. O

It O
rained O
all O
week O
. O
";

fn tiny() -> Vec<Document> {
    read_conll(TINY, true).map(|x| x.0).unwrap_or_default()
}

fn tiny_cfg() -> TrainConfig {
    let mut cfg = TrainConfig {
        epochs: 15,
        epochs2: 5,
        folds: 2,
        min_count: 1,
        dropout: 0.0,
        ..Default::default()
    };
    cfg.features.bits = 16;
    cfg.features.bits2 = 12;
    cfg
}

fn spans_of(model: &Model, docs: &[Document]) -> (Vec<Vec<String>>, Vec<Vec<String>>) {
    let mut gold = Vec::new();
    let mut guess = Vec::new();
    for d in docs {
        let refs = d.token_refs();
        for (s, y) in d.sentences.iter().zip(model.labels_document(&refs)) {
            gold.push(s.raw_tags.clone());
            guess.push(model.iob2(&y));
        }
    }
    (gold, guess)
}

#[test]
fn tiny_corpus_is_learned_perfectly() {
    let docs = tiny();
    assert_eq!(docs.len(), 2);
    let model = match train(&docs, Some(&docs), &tiny_cfg(), |_| {}) {
        Ok(m) => m,
        Err(e) => panic!("training failed: {e}"),
    };
    let (gold, guess) = spans_of(&model, &docs);
    let s = conlleval(gold.iter().zip(guess.iter()).map(|(g, p)| (&g[..], &p[..])));
    assert_eq!(s.overall.f1, 1.0, "{:?}", s);
    assert!(model.temperature > 0.0);
}

#[test]
fn training_is_deterministic() {
    let docs = tiny();
    let a = train(&docs, Some(&docs), &tiny_cfg(), |_| {})
        .map(|m| m.to_bytes())
        .ok();
    let b = train(&docs, Some(&docs), &tiny_cfg(), |_| {})
        .map(|m| m.to_bytes())
        .ok();
    assert!(a.is_some());
    assert_eq!(a, b);
}

#[test]
fn save_load_round_trip() {
    let docs = tiny();
    let model = train(&docs, Some(&docs), &tiny_cfg(), |_| {}).ok();
    let Some(model) = model else {
        panic!("training failed")
    };
    let bytes = model.to_bytes();
    let loaded = match Model::from_bytes(&bytes) {
        Ok(m) => m,
        Err(e) => panic!("load failed: {e}"),
    };
    assert_eq!(loaded.to_bytes(), bytes);
    let text: Vec<Vec<&str>> = vec![
        vec!["Petra", "Quell", "visited", "Ostria", "."],
        vec!["The", "Velmar", "Holdings", "offer", "was", "new", "."],
        vec![],
    ];
    let a = model.tag_document(&text);
    let b = loaded.tag_document(&text);
    assert_eq!(a, b);
    for s in &a {
        for t in s {
            assert!((0.0..=1.0).contains(&t.score) && (0.0..=1.0).contains(&t.span_score));
        }
    }
    let spans = tags_to_spans(&a, model.types());
    assert!(spans
        .iter()
        .any(|s| s.sentence == 0 && s.start == 0 && s.end == 2 && s.typ == "PER"));
}

#[test]
fn corrupt_bytes_give_errors() {
    let docs = tiny();
    let Ok(model) = train(&docs, None, &tiny_cfg(), |_| {}) else {
        panic!("training failed")
    };
    let bytes = model.to_bytes();
    assert!(Model::from_bytes(&[]).is_err());
    assert!(Model::from_bytes(b"not a model at all").is_err());
    for cut in (0..bytes.len()).step_by(bytes.len() / 97 + 1) {
        assert!(Model::from_bytes(&bytes[..cut]).is_err());
    }
    let mut rng = hash::SplitMix64(7);
    for _ in 0..200 {
        let mut b = bytes.clone();
        let i = rng.below(b.len());
        b[i] ^= 1 + rng.below(255) as u8;
        assert!(Model::from_bytes(&b).is_err());
    }
    // structurally bad content behind a valid checksum
    let mut b = bytes[..bytes.len() - 8].to_vec();
    b[12..16].copy_from_slice(&u32::MAX.to_le_bytes()); // header length
    let sum = hash::fnv(&b);
    b.extend_from_slice(&sum.to_le_bytes());
    assert!(Model::from_bytes(&b).is_err());
}

fn tags(s: &str) -> Vec<String> {
    s.split_whitespace().map(|x| x.to_string()).collect()
}

#[test]
fn conlleval_hand_computed() {
    // sentence 1: exact PER; I-LOC after O (gold) vs B-LOC (guess) both start LOC -> correct;
    // guess I-ORG after O opens a spurious ORG; type change inside an I- run splits the
    // guessed ORG into ORG + MISC.
    let g1 = tags("B-PER I-PER O I-LOC O B-ORG I-ORG O");
    let p1 = tags("B-PER I-PER O B-LOC I-ORG B-ORG I-MISC O");
    // sentence 2: truncated MISC; B-LOC B-LOC (two chunks) vs B-LOC I-LOC (one chunk)
    let g2 = tags("B-MISC I-MISC B-LOC B-LOC");
    let p2 = tags("B-MISC O B-LOC I-LOC");
    let s = conlleval([(&g1[..], &p1[..]), (&g2[..], &p2[..])]);
    // gold 6 chunks, guessed 7, correct 2
    assert_eq!(
        (s.overall.correct, s.overall.guessed, s.overall.gold),
        (2, 7, 6)
    );
    assert!((s.overall.precision - 2.0 / 7.0).abs() < 1e-12);
    assert!((s.overall.recall - 1.0 / 3.0).abs() < 1e-12);
    assert!((s.overall.f1 - 4.0 / 13.0).abs() < 1e-12);
    let loc = s.per_type["LOC"];
    assert_eq!((loc.correct, loc.guessed, loc.gold), (1, 2, 3));
    let org = s.per_type["ORG"];
    assert_eq!((org.correct, org.guessed, org.gold), (0, 2, 1));
    let misc = s.per_type["MISC"];
    assert_eq!((misc.correct, misc.guessed, misc.gold), (0, 2, 1));
    assert_eq!(s.per_type["PER"].f1, 1.0);
    assert_eq!((s.tokens, s.correct_tags), (12, 7));
}

#[test]
fn scheme_detection_and_decoding() {
    let iob2 = [tags("B-PER I-PER O B-LOC B-LOC")];
    let iob1 = [tags("I-PER I-PER O I-LOC B-LOC")];
    let bilou = [tags("B-PER L-PER O U-LOC U-LOC")];
    let iobes = [tags("B-PER E-PER O S-LOC")];
    assert_eq!(scheme::detect(iob2.iter()), TagScheme::Iob2);
    assert_eq!(scheme::detect(iob1.iter()), TagScheme::Iob1);
    assert_eq!(scheme::detect(bilou.iter()), TagScheme::Bilou);
    assert_eq!(scheme::detect(iobes.iter()), TagScheme::Bilou);
    let want = vec![
        (0, 2, "PER".to_string()),
        (3, 4, "LOC".to_string()),
        (4, 5, "LOC".to_string()),
    ];
    assert_eq!(scheme::decode(&iob2[0]), want);
    assert_eq!(scheme::decode(&iob1[0]), want);
    assert_eq!(scheme::decode(&bilou[0]), want);
    // a reader on a file in IOB1 gives the same chunks
    let text = "a I-PER\nb I-PER\nc O\nd I-LOC\ne B-LOC\n";
    let (docs, sch) = match read_conll(text, false) {
        Ok(x) => x,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(sch, TagScheme::Iob1);
    let ch: Vec<(usize, usize)> = docs[0].sentences[0]
        .chunks
        .iter()
        .map(|c| (c.start, c.end))
        .collect();
    assert_eq!(ch, vec![(0, 2), (3, 4), (4, 5)]);
    assert!(read_conll("lonely\n", false).is_err());
}

#[test]
fn odd_inputs_do_not_panic() {
    let docs = tiny();
    let Ok(model) = train(&docs, None, &tiny_cfg(), |_| {}) else {
        panic!("training failed")
    };
    let long: Vec<&str> = std::iter::repeat_n("Kandoria", 3000).collect();
    let cases: Vec<Vec<Vec<&str>>> = vec![
        vec![],
        vec![vec![]],
        vec![vec![""], vec!["", " ", "\t"]],
        vec![vec![
            "Ünïcödé",
            "日本",
            "—",
            "ÉCOLE",
            "l'État",
            "3.5%",
            "1996-08-22",
        ]],
        vec![vec!["WORLD", "CUP", "-", "KANDORIA", "BEAT", "OSTRIA"]],
        vec![long],
    ];
    for c in &cases {
        let tags = model.tag_document(c);
        assert_eq!(tags.len(), c.len());
        for (s, t) in c.iter().zip(&tags) {
            assert_eq!(s.len(), t.len());
            for x in t {
                assert!(x.score.is_finite() && x.span_score.is_finite());
            }
        }
    }
}

#[test]
fn reader_errors_are_typed() {
    assert!(matches!(
        read_conll("tok\n", false),
        Err(NerError::Format { line: 1, .. })
    ));
    assert!(matches!(
        read_conll_file("/nonexistent/file.conll", true),
        Err(NerError::Io { .. })
    ));
    let empty: Vec<Document> = Vec::new();
    assert!(train(&empty, None, &tiny_cfg(), |_| {}).is_err());
}

/// The span-only scoring path (`tag_spans`) gives exactly the spans and scores of the
/// full path (`tag_document`, marginals for every token, then `tags_to_spans`).
#[test]
fn span_only_scores_match_full_posterior() {
    // (from_bytes also checks the embedded model's checksum, which start-up skips)
    let model = crate::ner::Model::from_bytes(crate::ner::stage::FAST_MODEL).expect("model");
    let text: Vec<Vec<&str>> = vec![
        "Foreign Minister Anna Lindqvist met her Kenyan counterpart in Nairobi on Monday ."
            .split(' ')
            .collect(),
        "The talks , hosted by the African Union , covered trade ."
            .split(' ')
            .collect(),
        "no entities here at all".split(' ').collect(),
        Vec::new(),
        "UNITED NATIONS , Geneva -- Lindqvist said Sweden would help ."
            .split(' ')
            .collect(),
    ];
    let full = crate::ner::tags_to_spans(&model.tag_document(&text), model.types());
    let fast = model.tag_spans(&text);
    assert!(!full.is_empty());
    assert_eq!(full, fast);
}
