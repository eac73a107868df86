//! The syntax model: tagger, lemmatiser and parser in one binary file.
//!
//! Layout: the magic `ATTSYN01`, a u32 (LE) header length, a JSON header
//! (classes, labels, section offsets, training figures), the sections (the
//! tagger's and the parser's quantised [`Table`]s, the tag dictionary, the
//! lemmatiser's text), and a u64 checksum of everything before it.
//! [`SyntaxModel::from_bytes`] validates all of it and never panics; the
//! embedded model is read in place (no copy of the tables).

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use super::lemma::Lemmatizer;
use super::parser::{parse, LabelSpec, ParseScratch, Words};
use super::table::Table;
use super::tagger::{tag_sentence, token_atoms, word_hash, TagDict, TagScratch, TokAtoms};
use super::SyntaxError;

const MAGIC: &[u8; 8] = b"ATTSYN01";
/// The format name in the header.
pub const FORMAT: &str = "attache-syntax/1";
/// The parser's tag id for the artificial root.
pub const ROOT_TAG: u8 = 251;

/// Bytes aligned to a cache line.
#[repr(C, align(64))]
struct Aligned<T: ?Sized>(T);

/// The embedded default model (UD English EWT), 64-byte aligned so that
/// the table slots (aligned within the file) sit on whole cache lines.
static EMBEDDED: &Aligned<[u8]> = &Aligned(*include_bytes!("../../models/syntax/en_ewt.bin"));

/// Sections start at multiples of this offset in the file.
const ALIGN: usize = 64;

/// The JSON header.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Header {
    /// [`FORMAT`].
    pub format: String,
    /// The tagger's classes: (UPOS, XPOS).
    pub classes: Vec<(String, String)>,
    /// Dependency labels, by id.
    pub labels: Vec<String>,
    /// Labels allowed on left arcs (bit set).
    pub left: u64,
    /// Labels allowed on right arcs (bit set).
    pub right: u64,
    /// The root label's id.
    pub root: u8,
    /// Sections: name, offset (from the start of the sections), length.
    pub sections: Vec<(String, usize, usize)>,
    /// Training recipe and figures.
    pub meta: serde_json::Value,
}

/// The parts of a model, as training makes them.
#[derive(Debug, Clone)]
pub struct ModelParts {
    /// Header fields (sections are filled by [`ModelParts::encode`]).
    pub header: Header,
    /// Frozen tagger table.
    pub tagger: Vec<u8>,
    /// Tag dictionary bytes.
    pub tagdict: Vec<u8>,
    /// Frozen transition table.
    pub moves: Vec<u8>,
    /// Frozen label table.
    pub labels: Vec<u8>,
    /// Lemmatiser text.
    pub lemmas: String,
    /// Word clusters (word hash → packed ids, tag-dictionary format).
    pub clusters: Vec<u8>,
}

fn checksum(bytes: &[u8]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h ^ u64::from_le_bytes(w))
            .wrapping_mul(0x0100_0000_01b3)
            .rotate_left(29);
    }
    for &b in chunks.remainder() {
        h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
    }
    crate::ner::hash::mix(h ^ bytes.len() as u64)
}

impl ModelParts {
    /// The model file's bytes.
    pub fn encode(&self) -> Vec<u8> {
        let mut header = self.header.clone();
        let parts: [(&str, &[u8]); 6] = [
            ("tagger", &self.tagger),
            ("tagdict", &self.tagdict),
            ("moves", &self.moves),
            ("labels", &self.labels),
            ("lemmas", self.lemmas.as_bytes()),
            ("clusters", &self.clusters),
        ];
        let mut off = 0;
        header.sections = parts
            .iter()
            .map(|(n, b)| {
                let s = (n.to_string(), off, b.len());
                off = (off + b.len()).next_multiple_of(ALIGN);
                s
            })
            .collect();
        // The header is padded with spaces (valid JSON) so that the
        // sections start on a multiple of ALIGN.
        let mut json = serde_json::to_vec(&header).unwrap_or_default();
        json.resize((12 + json.len()).next_multiple_of(ALIGN) - 12, b' ');
        let mut out = Vec::with_capacity(off + json.len() + 20);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(json.len() as u32).to_le_bytes());
        out.extend_from_slice(&json);
        for (_, b) in parts {
            out.extend_from_slice(b);
            out.resize((out.len()).next_multiple_of(ALIGN), 0);
        }
        let sum = checksum(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }
}

/// Interns a label name: the set of names is small and fixed per model, so
/// tokens can carry `&'static str` without allocating.
pub fn intern(s: &str) -> &'static str {
    static NAMES: Mutex<Option<HashSet<&'static str>>> = Mutex::new(None);
    let mut guard = match NAMES.lock() {
        Ok(g) => g,
        Err(poisoned) => poisoned.into_inner(),
    };
    let set = guard.get_or_insert_with(HashSet::new);
    if let Some(&name) = set.get(s) {
        return name;
    }
    let name: &'static str = Box::leak(s.to_string().into_boxed_str());
    set.insert(name);
    name
}

/// A loaded syntax model.
#[derive(Debug, Clone)]
pub struct SyntaxModel {
    upos: Vec<&'static str>,
    xpos: Vec<&'static str>,
    labels: Vec<&'static str>,
    spec: LabelSpec,
    tagger: Table,
    tagdict: TagDict,
    clusters: TagDict,
    moves: Table,
    label_table: Table,
    lemmatizer: Lemmatizer,
    header: Header,
    /// The label ids the tree repairs write, found once at load.
    repair_ids: Option<super::repair::RepairLabels>,
    /// The tag class of a singular proper noun (`PROPN|NNP`), found once at
    /// load: the class a known name's head takes.
    proper_class: Option<u8>,
    /// The tag classes a clause's verb is looked for among, found once at
    /// load ([`super::verb_need`]).
    verb_classes: super::verb_need::VerbClasses,
}

/// Reusable buffers for [`SyntaxModel::analyze`].
#[derive(Debug, Default)]
pub struct Scratch {
    atoms: Vec<TokAtoms>,
    /// Tag class per word (after `analyze`).
    pub tags: Vec<u8>,
    w: Vec<u64>,
    p: Vec<u8>,
    c: Vec<u32>,
    tag_scratch: TagScratch,
    parse: ParseScratch,
    upos_of: Vec<&'static str>,
    xpos_of: Vec<&'static str>,
}

impl Scratch {
    /// Head of word `i` (0-based): `None` for the root, else the 0-based
    /// index of its head.
    pub fn head(&self, i: usize) -> Option<usize> {
        match self.parse.state.heads.get(i + 1) {
            Some(&h) if h != 0 && h != u32::MAX => Some(h as usize - 1),
            _ => None,
        }
    }

    /// Label id of word `i` (0-based).
    pub fn label(&self, i: usize) -> u8 {
        self.parse.state.labels.get(i + 1).copied().unwrap_or(0)
    }
}

fn bad(msg: impl Into<String>) -> SyntaxError {
    SyntaxError::BadModel(msg.into())
}

impl SyntaxModel {
    /// The embedded model.
    pub fn embedded() -> Result<SyntaxModel, SyntaxError> {
        // The checksum guards files against corruption; the embedded bytes
        // are part of the binary (the test `embedded_checksum_holds` checks
        // them once), and summing 19 MB would cost every process start.
        SyntaxModel::parse_bytes(Cow::Borrowed(&EMBEDDED.0), false)
    }

    /// Whether the embedded model's checksum matches its bytes.
    pub fn embedded_checksum_holds() -> bool {
        let b: &[u8] = &EMBEDDED.0;
        let (body, sum) = b.split_at(b.len().saturating_sub(8));
        sum.try_into()
            .is_ok_and(|s: [u8; 8]| checksum(body) == u64::from_le_bytes(s))
    }

    /// A model from a file's bytes (copied).
    pub fn from_bytes(bytes: &[u8]) -> Result<SyntaxModel, SyntaxError> {
        SyntaxModel::parse_bytes(Cow::Owned(bytes.to_vec()), true)
    }

    /// A model from a file.
    pub fn load(path: &std::path::Path) -> Result<SyntaxModel, SyntaxError> {
        let bytes = std::fs::read(path).map_err(|source| SyntaxError::Io {
            path: path.display().to_string(),
            source,
        })?;
        SyntaxModel::from_bytes(&bytes)
    }

    fn parse_bytes(bytes: Cow<'static, [u8]>, check_sum: bool) -> Result<SyntaxModel, SyntaxError> {
        let b: &[u8] = &bytes;
        if b.len() < 20 || &b[..8] != MAGIC {
            return Err(bad("not an attache syntax model (magic)"));
        }
        let (body, sum) = b.split_at(b.len() - 8);
        let mut s = [0u8; 8];
        s.copy_from_slice(sum);
        if check_sum && checksum(body) != u64::from_le_bytes(s) {
            return Err(bad("checksum mismatch (corrupt or truncated file)"));
        }
        let hlen = u32::from_le_bytes([b[8], b[9], b[10], b[11]]) as usize;
        let json = body
            .get(12..12usize.saturating_add(hlen))
            .ok_or_else(|| bad("header runs past the end"))?;
        let header: Header =
            serde_json::from_slice(json).map_err(|e| bad(format!("header: {e}")))?;
        if header.format != FORMAT {
            return Err(bad(format!(
                "format {:?}, expected {FORMAT}",
                header.format
            )));
        }
        let base = 12 + hlen;
        let section = |name: &str| -> Result<Cow<'static, [u8]>, SyntaxError> {
            let &(_, off, len) = header
                .sections
                .iter()
                .find(|s| s.0 == name)
                .ok_or_else(|| bad(format!("no {name} section")))?;
            let start = base.checked_add(off).ok_or_else(|| bad("offset"))?;
            let end = start.checked_add(len).ok_or_else(|| bad("length"))?;
            if end > body.len() {
                return Err(bad(format!("{name} section runs past the end")));
            }
            Ok(match &bytes {
                Cow::Borrowed(all) => Cow::Borrowed(&all[start..end]),
                Cow::Owned(all) => Cow::Owned(all[start..end].to_vec()),
            })
        };
        let (nc, nl) = (header.classes.len(), header.labels.len());
        if nc == 0 || nc > 250 || nl == 0 || nl > 63 || header.root as usize >= nl {
            return Err(bad("class or label count out of range"));
        }
        let table = |name: &str, cols: usize| {
            Table::new(section(name)?, cols).ok_or_else(|| bad(format!("{name} table size")))
        };
        let tagger = table("tagger", nc)?;
        let moves = table("moves", super::parser::MOVES)?;
        let label_table = table("labels", nl)?;
        let tagdict = TagDict::new(section("tagdict")?).ok_or_else(|| bad("tagdict size"))?;
        let clusters = TagDict::new(section("clusters")?).ok_or_else(|| bad("clusters size"))?;
        let lemma_bytes = section("lemmas")?;
        let lemma_text =
            std::str::from_utf8(&lemma_bytes).map_err(|_| bad("lemmas are not UTF-8"))?;
        let lemmatizer = Lemmatizer::from_text(lemma_text)?;
        let mask = if nl >= 64 { u64::MAX } else { (1u64 << nl) - 1 };
        Ok(SyntaxModel {
            upos: header.classes.iter().map(|c| intern(&c.0)).collect(),
            xpos: header.classes.iter().map(|c| intern(&c.1)).collect(),
            labels: header.labels.iter().map(|l| intern(l)).collect(),
            spec: LabelSpec {
                left: header.left & mask,
                right: header.right & mask,
                root: header.root,
            },
            tagger,
            tagdict,
            clusters,
            moves,
            label_table,
            lemmatizer,
            header,
            repair_ids: None,
            proper_class: None,
            verb_classes: super::verb_need::VerbClasses::default(),
        }
        .with_repair_ids())
    }

    /// The model with the label ids of [`super::repair`] looked up.
    fn with_repair_ids(mut self) -> SyntaxModel {
        let id = |name: &str| self.labels.iter().position(|l| *l == name);
        // not a word list: the UD relations the repairs write
        let ids = [
            "acl:relcl",
            "xcomp",
            "obj",
            "root",
            "nsubj",
            "appos",
            "punct",
            "conj",
            "cc",
            "amod",
            "case",
            "obl",
            "nmod",
        ]
        .map(|name| id(name).and_then(|i| u8::try_from(i).ok()));
        self.repair_ids = match ids {
            [Some(relcl), Some(xcomp), Some(obj), Some(root), Some(nsubj), Some(appos), Some(punct), Some(conj), Some(cc), Some(amod), Some(case), Some(obl), Some(nmod)] => {
                Some(super::repair::RepairLabels {
                    relcl,
                    xcomp,
                    obj,
                    root,
                    nsubj,
                    appos,
                    punct,
                    conj,
                    cc,
                    amod,
                    case,
                    obl,
                    nmod,
                })
            }
            _ => None,
        };
        let bit = |name: &str| {
            super::train::UPOS
                .iter()
                .position(|u| *u == name)
                .map_or(0, |i| 1u32 << i)
        };
        let bits = (bit("VERB"), bit("NOUN"));
        self.verb_classes = super::verb_need::VerbClasses::new(&self.upos, &self.xpos, bits);
        self.proper_class = (0..self.upos.len())
            .find(|&c| self.upos[c] == "PROPN" && self.xpos.get(c) == Some(&"NNP"))
            .and_then(|c| u8::try_from(c).ok());
        self
    }

    /// The header (classes, labels, training figures).
    pub fn header(&self) -> &Header {
        &self.header
    }

    /// UPOS of a tag class.
    pub fn upos(&self, class: u8) -> &'static str {
        self.upos.get(class as usize).copied().unwrap_or("X")
    }

    /// XPOS of a tag class.
    pub fn xpos(&self, class: u8) -> &'static str {
        self.xpos.get(class as usize).copied().unwrap_or("_")
    }

    /// Name of a label id.
    pub fn label(&self, id: u8) -> &'static str {
        self.labels.get(id as usize).copied().unwrap_or("dep")
    }

    /// Whether the treebank knows `word` (in any case) only as a common
    /// word: seen at least three times, and a proper noun in fewer than a
    /// tenth of them ("given", "okay", "laughter"; not "may", "tony").
    pub fn only_common_word(&self, word: &str) -> bool {
        let propn = super::train::UPOS
            .iter()
            .position(|u| *u == "PROPN")
            .map_or(0, |i| 1u32 << i);
        let mask = self.tagdict.get(word_hash(word)) & super::tagger::UPOS_BITS;
        mask != 0 && mask & propn == 0
    }

    /// The lemmatiser's rules and exceptions, as text (for
    /// [`super::filter::LemmaFilter`]).
    pub fn lemma_table(&self) -> &str {
        self.lemmatizer.as_text()
    }

    /// Adds lemmas to the lemmatiser's known vocabulary (see
    /// [`Lemmatizer::add_known`]).
    pub fn add_known_lemmas<'a>(&mut self, lemmas: impl IntoIterator<Item = &'a str>) {
        self.lemmatizer.add_known(lemmas);
    }

    /// The lemma of `form` tagged with class `tag`.
    pub fn lemma(&self, form: &str, tag: u8) -> String {
        self.lemmatizer.lemma(form, self.upos(tag), self.xpos(tag))
    }

    /// The lemma of word `k` of the sentence just analysed in `scratch`, whose form is
    /// `form`: [`SyntaxModel::lemma`], with the choices that need the tree.
    pub fn lemma_in_tree(&self, form: &str, k: usize, scratch: &Scratch) -> String {
        let tag = scratch.tags.get(k).copied().unwrap_or(0);
        let head_xpos = scratch
            .head(k)
            .and_then(|h| scratch.tags.get(h))
            .map(|&t| self.xpos(t));
        let perfect = head_xpos.is_some_and(|hx| {
            super::lemma::is_perfect_s(form, self.upos(tag), self.label(scratch.label(k)), hx)
        });
        if perfect {
            return "have".to_string();
        }
        self.lemma(form, tag)
    }

    /// Tags and parses one sentence; results are read from `scratch`
    /// (`tags`, [`Scratch::head`], [`Scratch::label`]).
    pub fn analyze(&self, forms: &[&str], scratch: &mut Scratch) {
        self.analyze_names(forms, &[], scratch);
    }

    /// [`SyntaxModel::analyze`], with the words where `names` holds tagged
    /// as proper nouns without scoring (the heads of names the entity
    /// layer found: the tagger reads "Union" in "the Union imposed" as a
    /// common noun once "European" is out of its sight).
    pub fn analyze_names(&self, forms: &[&str], names: &[bool], scratch: &mut Scratch) {
        scratch.atoms.clear();
        scratch.atoms.extend(
            forms
                .iter()
                .map(|f| token_atoms(f, &self.tagdict, &self.clusters)),
        );
        if let Some(c) = self.proper_class {
            for (a, _) in scratch.atoms.iter_mut().zip(names).filter(|(_, &n)| n) {
                // (`fixed` is the class plus one; zero is "not fixed")
                a.fixed = c.saturating_add(1);
            }
        }
        tag_sentence(
            &self.tagger,
            self.upos.len(),
            &scratch.atoms,
            &mut scratch.tags,
            &mut scratch.tag_scratch,
        );
        let retag = super::verb_need::Retag {
            scorer: &self.tagger,
            classes: self.upos.len(),
            forms,
            atoms: &scratch.atoms,
            vc: &self.verb_classes,
        };
        retag.revise_tags(&mut scratch.tags);
        scratch.w.clear();
        scratch.w.push(word_hash("<root>"));
        scratch.w.extend(scratch.atoms.iter().map(|a| a.w));
        scratch.p.clear();
        scratch.p.push(ROOT_TAG);
        scratch.p.extend_from_slice(&scratch.tags);
        scratch.c.clear();
        scratch.c.push(0);
        scratch.c.extend(scratch.atoms.iter().map(|a| a.cl));
        parse(
            &self.moves,
            &self.label_table,
            self.labels.len(),
            &self.spec,
            &Words {
                w: &scratch.w,
                p: &scratch.p,
                c: &scratch.c,
            },
            &mut scratch.parse,
        );
        self.repair(scratch);
    }

    /// Runs the repairs of [`super::repair`] on the sentence just parsed.
    fn repair(&self, scratch: &mut Scratch) {
        let Some(ids) = self.repair_ids else {
            return;
        };
        scratch.upos_of.clear();
        scratch.xpos_of.clear();
        for &t in &scratch.tags {
            scratch.upos_of.push(self.upos(t));
            scratch.xpos_of.push(self.xpos(t));
        }
        let state = &mut scratch.parse.state;
        let mut parsed = super::repair::Parsed {
            xpos: &scratch.xpos_of,
            upos: &scratch.upos_of,
            label_names: &self.labels,
            heads: &mut state.heads,
            labels: &mut state.labels,
        };
        super::repair::repair(&mut parsed, ids);
    }
}

impl SyntaxModel {
    /// Analyses the words of a CoNLL-U sentence (gold tokenisation) into a
    /// predicted copy.
    pub fn annotate(
        &self,
        gold: &super::conllu::ConlluSentence,
        scratch: &mut Scratch,
    ) -> super::conllu::ConlluSentence {
        let forms: Vec<&str> = gold.words.iter().map(|w| w.form.as_str()).collect();
        self.analyze(&forms, scratch);
        let words = forms
            .iter()
            .enumerate()
            .map(|(i, form)| {
                let tag = scratch.tags.get(i).copied().unwrap_or(0);
                let upos = self.upos(tag);
                super::conllu::ConlluWord {
                    form: form.to_string(),
                    lemma: self.lemma_in_tree(form, i, scratch),
                    upos: upos.to_string(),
                    xpos: self.xpos(tag).to_string(),
                    head: scratch.head(i).map_or(0, |h| h + 1),
                    deprel: self.label(scratch.label(i)).to_string(),
                    misc: "_".to_string(),
                }
            })
            .collect();
        super::conllu::ConlluSentence {
            id: gold.id.clone(),
            text: gold.text.clone(),
            words,
        }
    }
}
