//! The document that flows through the pipeline.
//!
//! A [`Doc`] keeps the text exactly as read (after decoding) and never
//! mutates it. Every later layer points into that text with [`Span`]s that
//! carry both byte and char coordinates: bytes for slicing in Rust, chars
//! (Unicode scalar values) for the record contract.

mod coverage;
mod plover;
mod view;

pub use coverage::Coverage;
pub use plover::PloverType;
use serde_json::{Map, Value};
pub use view::{DocWords, FormKind, TokenView, Words};

/// A half-open range of the document text in both byte and char coordinates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Span {
    /// First byte of the span.
    pub byte_start: usize,
    /// One past the last byte.
    pub byte_end: usize,
    /// First char (Unicode scalar value) of the span.
    pub char_start: usize,
    /// One past the last char.
    pub char_end: usize,
}

impl Span {
    /// The byte range, for slicing `&str`.
    pub fn bytes(&self) -> std::ops::Range<usize> {
        self.byte_start..self.byte_end
    }

    /// Length in chars.
    pub fn char_len(&self) -> usize {
        self.char_end - self.char_start
    }

    /// Whether the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.byte_start == self.byte_end
    }
}

/// What a token is, as far as the tokenizer can tell from its characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (and digits mixed with letters: "24th", "44-day").
    Word,
    /// Digits with optional internal separators ("1,000.5", "24.05.2023").
    Number,
    /// Punctuation: . , ; : ! ? quotes, brackets, dashes.
    Punct,
    /// Any other symbol ($, %, •, ©).
    Symbol,
    /// A web address.
    Url,
    /// An e-mail address.
    Email,
    /// A social-media handle (@name).
    Handle,
    /// A hashtag (#tag).
    Hashtag,
}

impl TokenKind {
    /// Lower-case name used in `attache tokens` output.
    pub fn as_str(self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Number => "number",
            TokenKind::Punct => "punct",
            TokenKind::Symbol => "symbol",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
            TokenKind::Handle => "handle",
            TokenKind::Hashtag => "hashtag",
        }
    }
}

/// One token of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where the token is.
    pub span: Span,
    /// What kind of token it is.
    pub kind: TokenKind,
    /// Line breaks in the whitespace before this token (capped at 255);
    /// a masked boilerplate line counts as a paragraph break (2).
    pub newlines_before: u8,
    /// Whether whitespace separates this token from the previous one.
    pub space_before: bool,
}

/// A sentence: a run of tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// From the first token's start to the last token's end.
    pub span: Span,
    /// Index range into [`Doc::tokens`].
    pub tokens: std::ops::Range<usize>,
}

/// How the document's date was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateSource {
    /// Input metadata (`date` in JSONL or a meta file).
    Metadata,
    /// The `--doc-date` command-line option.
    Cli,
    /// A dateline or publication line in the text.
    Text,
    /// Not known.
    #[default]
    None,
}

impl DateSource {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::Metadata => "metadata",
            DateSource::Cli => "cli",
            DateSource::Text => "text",
            DateSource::None => "none",
        }
    }
}

/// The markup the text was extracted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// Plain text.
    #[default]
    Text,
    /// Markdown, kept as text.
    Markdown,
    /// HTML, stripped to text (offsets refer to the stripped text).
    Html,
}

impl InputFormat {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Markdown => "markdown",
            InputFormat::Html => "html",
        }
    }
}

/// A masked line of web chrome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Masked {
    /// The whole line, without its line break.
    pub span: Span,
    /// The id of the cue that matched (from `models/boilerplate.txt`).
    pub cue: String,
}

/// Everything known about a document besides its text.
#[derive(Debug, Clone, Default)]
pub struct DocInfo {
    /// Document id: metadata id, else the file stem.
    pub id: String,
    /// Path, `-` for stdin, or `path:line` for JSONL input (a line's own
    /// `source` field goes to `meta`).
    pub source: String,
    /// 1-based line number for JSONL input.
    pub line: Option<u64>,
    /// Metadata title, else a headline found in the text.
    pub title: Option<String>,
    /// The document's own date, ISO 8601 (YYYY-MM-DD).
    pub date: Option<String>,
    /// How `date` was found.
    pub date_source: DateSource,
    /// ISO 639-1 code, or `und` when undetermined.
    pub language: String,
    /// What the text was extracted from.
    pub format: InputFormat,
    /// The encoding the input bytes were decoded from (WHATWG name such as
    /// `UTF-8`, `UTF-16LE`, `windows-1252`); `None` for text handed over as
    /// a Rust string, which is UTF-8.
    pub encoding: Option<&'static str>,
    /// Input metadata fields that the record has no place for.
    pub meta: Map<String, Value>,
    /// Non-fatal problems met while reading (lossy decoding, bad metadata).
    pub warnings: Vec<String>,
    /// Boilerplate removed before the text was made (HTML navigation and
    /// footers), listed in the record next to the masked lines.
    pub removed_markup: Vec<String>,
}

/// The document: text as read plus the layers each stage adds.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    /// Metadata and reading notes.
    pub info: DocInfo,
    text: String,
    /// Masked boilerplate lines, in text order.
    pub boilerplate: Vec<Masked>,
    /// Tokens in text order (masked lines have none).
    pub tokens: Vec<Token>,
    /// The token forms every stage shares (written with the tokens).
    pub view: TokenView,
    /// Sentences in text order; each token belongs to exactly one.
    pub sentences: Vec<Sentence>,
    /// Part of speech, lemma and dependency tree: one entry per token,
    /// parallel to `tokens` (empty until the `syntax` stage has run). Heads
    /// point into `tokens` and stay inside their sentence.
    pub syntax: Vec<crate::syntax::TokenSyntax>,
    /// Entity mentions (not DATE or AGREEMENT), in text order.
    pub entities: Vec<Mention>,
    /// DATE mentions, in text order.
    pub dates: Vec<DateMention>,
    /// Referenced agreements, in order of first mention.
    pub agreements: Vec<AgreementRef>,
    /// Actors: mentions grouped into participants (see [`ActorRef`]).
    pub actors: Vec<ActorRef>,
    /// Every span that refers to an actor, in text order.
    pub actor_spans: Vec<ActorSpan>,
    /// Places where things happen.
    pub places: Vec<PlaceRef>,
    /// Coded events, in text order.
    pub events: Vec<EventRef>,
    /// The document's author (index into `actors`): the state or
    /// organisation whose voice the text is.
    pub author: Option<usize>,
    /// The author as a person, when the title line names one.
    pub author_person: Option<usize>,
    /// The several authors of a joint statement by states with no
    /// collective name (indices into `actors`, `author` first); empty for a
    /// single author.
    pub co_authors: Vec<usize>,
}

impl Doc {
    /// A document over `text`, with no layers yet.
    pub fn new(info: DocInfo, text: String) -> Doc {
        Doc {
            info,
            text,
            ..Doc::default()
        }
    }

    /// The text exactly as read.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The byte offset of the line break that ends the first sentence's
    /// line: where a title line ends (`None` when the text has none).
    pub fn first_line_break(&self) -> Option<usize> {
        let start = self.sentences.first()?.span.byte_start;
        self.text.get(start..)?.find('\n').map(|n| start + n)
    }

    /// The text of a span.
    ///
    /// Spans are made by the pipeline from this text, so slicing cannot
    /// fail for them; a foreign span yields "".
    pub fn span_text(&self, span: Span) -> &str {
        self.text.get(span.bytes()).unwrap_or("")
    }

    /// The text of token `i`.
    pub fn token_text(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| self.span_text(t.span))
    }

    /// The 0-based sentence index of token `i`.
    pub fn sentence_of_token(&self, i: usize) -> usize {
        self.sentences
            .partition_point(|s| s.tokens.end <= i)
            .min(self.sentences.len().saturating_sub(1))
    }

    /// A span from token `first` to token `last` (inclusive).
    pub fn token_span(&self, first: usize, last: usize) -> Span {
        match (self.tokens.get(first), self.tokens.get(last)) {
            (Some(a), Some(b)) => Span {
                byte_start: a.span.byte_start,
                byte_end: b.span.byte_end,
                char_start: a.span.char_start,
                char_end: b.span.char_end,
            },
            _ => Span::default(),
        }
    }

    /// Length of the text in chars.
    pub fn char_len(&self) -> usize {
        if self.tokens.is_empty() && self.boilerplate.is_empty() {
            return self.text.chars().count();
        }
        // Cheap when layers exist: count from the last known position.
        let (byte, chr) = self
            .tokens
            .last()
            .map(|t| (t.span.byte_end, t.span.char_end))
            .into_iter()
            .chain(
                self.boilerplate
                    .last()
                    .map(|m| (m.span.byte_end, m.span.char_end)),
            )
            .max()
            .unwrap_or((0, 0));
        chr + self.text.get(byte..).map_or(0, |rest| rest.chars().count())
    }
}

/// The entity types of the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    /// People.
    Person,
    /// Organisations, ministries, armies, courts, IGOs, parties.
    Org,
    /// Countries, (de facto) states, cities, provinces.
    Gpe,
    /// Places that are not polities.
    Loc,
    /// Nationalities, religious and political groups.
    Norp,
    /// Dates and durations.
    Date,
    /// Treaties, statements, resolutions, court orders.
    Agreement,
    /// Named events.
    Event,
    /// Other names (kept in `entities` only).
    Misc,
}

impl EntityType {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Gpe => "GPE",
            EntityType::Loc => "LOC",
            EntityType::Norp => "NORP",
            EntityType::Date => "DATE",
            EntityType::Agreement => "AGREEMENT",
            EntityType::Event => "EVENT",
            EntityType::Misc => "MISC",
        }
    }

    /// Parses a wire name.
    pub fn parse(s: &str) -> Option<EntityType> {
        Some(match s {
            "PERSON" => EntityType::Person,
            "ORG" => EntityType::Org,
            "GPE" => EntityType::Gpe,
            "LOC" => EntityType::Loc,
            "NORP" => EntityType::Norp,
            "DATE" => EntityType::Date,
            "AGREEMENT" => EntityType::Agreement,
            "EVENT" => EntityType::Event,
            "MISC" => EntityType::Misc,
            _ => return None,
        })
    }
}

/// Which stage found a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The statistical tagger.
    Model,
    /// The gazetteer ruler.
    Gazetteer,
    /// The date grammar.
    Dates,
    /// The agreement recogniser.
    Agreements,
}

/// An entity mention (PERSON, ORG, GPE, LOC, NORP, EVENT, MISC).
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Where it is.
    pub span: Span,
    /// Token index range.
    pub tokens: std::ops::Range<usize>,
    /// 0-based sentence index.
    pub sentence: usize,
    /// Its type.
    pub label: EntityType,
    /// The tagger's calibrated probability that exactly this span is an
    /// entity (of the tagger's type), where the tagger proposed it; `None`
    /// for gazetteer matches and for pieces cut out of a tagged span.
    pub score: Option<f32>,
    /// Which stage found it.
    pub origin: Origin,
    /// The id of the dictionary entry that matched, if any.
    pub entry: Option<String>,
}

/// How a date value was resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// Fully specified in the text.
    Explicit,
    /// Completed from the document date.
    DocDate,
    /// Completed from another date in the text.
    Context,
    /// Could not be completed (unknown parts are X).
    Unresolved,
}

impl Resolution {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Resolution::Explicit => "explicit",
            Resolution::DocDate => "doc_date",
            Resolution::Context => "context",
            Resolution::Unresolved => "unresolved",
        }
    }
}

/// A DATE mention with its normalised value.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    /// Where it is.
    pub span: Span,
    /// Token index range.
    pub tokens: std::ops::Range<usize>,
    /// 0-based sentence index.
    pub sentence: usize,
    /// TIMEX3 / ISO 8601 value; `None` for vague expressions, which are
    /// DATE entities but not listed in the record's `dates`.
    pub value: Option<String>,
    /// day | week | month | year | decade | century | time | duration | range …
    pub granularity: String,
    /// How the value was resolved.
    pub resolved: Resolution,
}

/// One place an agreement is referred to.
#[derive(Debug, Clone, PartialEq)]
pub struct AgreementMention {
    /// Where it is.
    pub span: Span,
    /// 0-based sentence index.
    pub sentence: usize,
    /// Whether the span is a named reference, listed as an AGREEMENT
    /// entity too ("Trilateral Statement of 9 November 2020"), rather than
    /// a generic one ("the agreement").
    pub named: bool,
}

/// A referenced treaty, statement, resolution or ruling.
#[derive(Debug, Clone, PartialEq)]
pub struct AgreementRef {
    /// Canonical name.
    pub name: String,
    /// treaty | agreement | statement | declaration | resolution |
    /// court_order | judgment | memorandum | convention | charter | ceasefire | other.
    pub kind: String,
    /// Signing or adoption date (ISO 8601).
    pub date: Option<String>,
    /// Names of the parties.
    pub parties: Vec<String>,
    /// Issuing court or body.
    pub issuer: Option<String>,
    /// Every mention, in text order.
    pub mentions: Vec<AgreementMention>,
    /// The alias-table entry that matched, if any.
    pub entry: Option<String>,
}

// ---------------------------------------------------------------------------
// Actors, places and events (filled by the `actors` and `events` stages).
// ---------------------------------------------------------------------------

/// What kind of participant an actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActorKind {
    /// A named person.
    Person,
    /// A state (or de facto state).
    State,
    /// A state's government as a body.
    Government,
    /// A named organisation.
    Organization,
    /// An unnamed or collective actor.
    Group,
}

impl ActorKind {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::State => "state",
            ActorKind::Government => "government",
            ActorKind::Organization => "organization",
            ActorKind::Group => "group",
        }
    }
}

/// A participant: mentions grouped under one canonical name.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActorRef {
    /// Canonical name.
    pub name: String,
    /// Kind (`None` only while being built).
    pub kind: Option<ActorKind>,
    /// Role as the document states it ("Foreign Minister"; several joined with "; ").
    pub title: Option<String>,
    /// Index (into `Doc::actors`) of the actor this one belongs to.
    pub affiliation: Option<usize>,
    /// ISO 3166-1 alpha-3.
    pub country: Option<String>,
    /// Wikidata QID.
    pub wikidata: Option<String>,
    /// Other names used in the document.
    pub aliases: Vec<String>,
    /// Indices into `Doc::entities`.
    pub mentions: Vec<usize>,
    /// The gazetteer entry it comes from, if any.
    pub entry: Option<String>,
    /// Whether the record lists it (persons always; others when an event,
    /// an affiliation or the author needs them).
    pub listed: bool,
    /// A formation's members: ISO 3166 alpha-3 codes of states, gazetteer
    /// ids of organisations (`models/formations.tsv`).
    pub members: Vec<String>,
}

/// How a span refers to its actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefKind {
    /// A name (entity mention), possibly with title and affiliation around it.
    Name,
    /// A title or role without a name ("the Foreign Minister").
    Title,
    /// A body acting for a state ("the Azerbaijani side", "Government of Artsakh").
    Body,
    /// A pronoun.
    Pronoun,
}

/// A span of tokens that refers to an actor.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorSpan {
    /// Token range (the whole chunk: "Artsakh Foreign Minister Sergey Ghazaryan").
    pub tokens: std::ops::Range<usize>,
    /// Index into `Doc::actors`.
    pub actor: usize,
    /// How it refers.
    pub how: RefKind,
}

/// A place where something happens.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceRef {
    /// Canonical name.
    pub name: String,
    /// country | city | province | region | sea | location …
    pub kind: String,
    /// ISO 3166-1 alpha-3.
    pub country: Option<String>,
    /// Indices into `Doc::entities`.
    pub mentions: Vec<usize>,
}

/// Whether the text asserts an event, reports it, denies it, calls for it or poses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventStatus {
    /// Stated as fact or performed by the author.
    Asserted,
    /// Known only through someone else's account.
    Reported,
    /// Denied or not taken.
    Negated,
    /// Requested or demanded.
    CalledFor,
    /// Conditional, planned or possible.
    Hypothetical,
}

impl EventStatus {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            EventStatus::Asserted => "asserted",
            EventStatus::Reported => "reported",
            EventStatus::Negated => "negated",
            EventStatus::CalledFor => "called_for",
            EventStatus::Hypothetical => "hypothetical",
        }
    }

    /// Parses a wire name.
    pub fn parse(s: &str) -> Option<EventStatus> {
        Some(match s {
            "asserted" => EventStatus::Asserted,
            "reported" => EventStatus::Reported,
            "negated" => EventStatus::Negated,
            "called_for" => EventStatus::CalledFor,
            "hypothetical" => EventStatus::Hypothetical,
            _ => return None,
        })
    }
}

/// A coded event.
#[derive(Debug, Clone, PartialEq)]
pub struct EventRef {
    /// PLOVER type.
    pub kind: PloverType,
    /// CAMEO code.
    pub cameo: String,
    /// Id of the pattern that fired.
    pub pattern: String,
    /// The trigger's tokens.
    pub tokens: std::ops::Range<usize>,
    /// The trigger's span.
    pub span: Span,
    /// 0-based sentence index.
    pub sentence: usize,
    /// Acting actor (index into `Doc::actors`).
    pub source: Option<usize>,
    /// Actor acted upon (index into `Doc::actors`).
    pub target: Option<usize>,
    /// Governing date (index into `Doc::dates`).
    pub date: Option<usize>,
    /// Place (index into `Doc::places`).
    pub place: Option<usize>,
    /// Status.
    pub status: EventStatus,
    /// The source is the document's author by default (no actor in the
    /// clause named it).
    pub source_from_author: bool,
}

/// The layers of a [`Doc`], as stages declare what they read and write
/// (see [`crate::pipeline::Stage`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Layer {
    /// `Doc::info`: metadata from the input, then the headline, language
    /// and the date a dateline gives.
    Info,
    /// `Doc::boilerplate`: masked lines.
    Boilerplate,
    /// `Doc::tokens` and the shared token view `Doc::view`.
    Tokens,
    /// `Doc::sentences`.
    Sentences,
    /// `Doc::entities`: entity mentions.
    Entities,
    /// `Doc::syntax`: part of speech, lemma and dependency tree per token.
    Syntax,
    /// `Doc::dates`: DATE mentions and their values.
    Dates,
    /// `Doc::agreements`.
    Agreements,
    /// `Doc::actors`, `Doc::actor_spans`, `Doc::places`, `Doc::author` and
    /// `Doc::author_person`.
    Actors,
    /// `Doc::events`.
    Events,
}

impl Layer {
    /// Every layer, in pipeline order.
    pub const ALL: [Layer; 10] = [
        Layer::Info,
        Layer::Boilerplate,
        Layer::Tokens,
        Layer::Sentences,
        Layer::Entities,
        Layer::Syntax,
        Layer::Dates,
        Layer::Agreements,
        Layer::Actors,
        Layer::Events,
    ];
}

impl Doc {
    /// A hash of one layer's contents, to tell whether a stage changed it.
    /// It hashes the `Debug` rendering, which covers every field without
    /// requiring `Hash` of float scores; only the contract check uses it.
    pub fn fingerprint(&self, layer: Layer) -> u64 {
        use std::fmt::Write;
        let mut h = FnvWriter(0xcbf2_9ce4_8422_2325);
        // Writing into a hasher cannot fail.
        let _ = match layer {
            Layer::Info => write!(h, "{:?}", self.info),
            Layer::Boilerplate => write!(h, "{:?}", self.boilerplate),
            Layer::Tokens => write!(h, "{:?}{:?}", self.tokens, self.view),
            Layer::Sentences => write!(h, "{:?}", self.sentences),
            Layer::Entities => write!(h, "{:?}", self.entities),
            Layer::Syntax => write!(h, "{:?}", self.syntax),
            Layer::Dates => write!(h, "{:?}", self.dates),
            Layer::Agreements => write!(h, "{:?}", self.agreements),
            Layer::Actors => write!(
                h,
                "{:?}{:?}{:?}{:?}{:?}{:?}",
                self.actors,
                self.actor_spans,
                self.places,
                self.author,
                self.author_person,
                self.co_authors
            ),
            Layer::Events => write!(h, "{:?}", self.events),
        };
        h.0
    }
}

/// FNV-1a over formatted text, without building the string.
struct FnvWriter(u64);

impl std::fmt::Write for FnvWriter {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        for &b in s.as_bytes() {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
        Ok(())
    }
}
