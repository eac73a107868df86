//! Word classes: the closed-class word lists the rules consult
//! (prepositions, determiners, passive auxiliaries …), read from
//! `models/words.tsv` (format `attache-words/1`) and extendable with
//! `--dict`. Each class is named after the stage that reads it
//! (`events.preposition`); the file's header says what each class is for.

use std::sync::Arc;

use super::{data_lines, field, WordSet};
use crate::error::Error;

/// The embedded class file.
pub const EMBEDDED: &str = include_str!("../../models/words.tsv");

macro_rules! word_classes {
    ($($variant:ident => $name:literal,)*) => {
        /// A closed class of words (see `models/words.tsv`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum WordClass {
            $(
                #[doc = concat!("`", $name, "` in `models/words.tsv`.")]
                $variant,
            )*
        }

        impl WordClass {
            /// Every class, in declaration order.
            pub const ALL: &'static [WordClass] = &[$(WordClass::$variant,)*];

            /// The class's name in data files.
            pub fn name(self) -> &'static str {
                match self {
                    $(WordClass::$variant => $name,)*
                }
            }
        }
    };
}

word_classes! {
    Clitic => "text.clitic",
    JoiningWord => "text.joining-word",
    NameFunctionWord => "ner.name-function-word",
    NameStop => "agreements.name-stop",
    CapitalisedComplement => "agreements.capitalised-complement",
    NameInner => "agreements.name-inner",
    NotPremodifier => "agreements.not-premodifier",
    NotModifier => "agreements.not-modifier",
    ComplementOpener => "agreements.complement-opener",
    ComplementEnd => "agreements.complement-end",
    ResolutionComplement => "agreements.resolution-complement",
    GoverningPreposition => "actors.governing-preposition",
    StatementNoun => "actors.statement-noun",
    JointDocumentNoun => "actors.joint-document-noun",
    SideNoun => "actors.side-noun",
    RoleWord => "actors.role-word",
    PortfolioWord => "actors.portfolio-word",
    BodyWord => "actors.body-word",
    DocumentWord => "actors.document-word",
    CompanyWord => "actors.company-word",
    UniqueBodyWord => "actors.unique-body-word",
    LeaderGovernment => "actors.leader-government",
    Preposition => "events.preposition",
    PassiveAuxiliary => "events.passive-auxiliary",
    Determiner => "events.determiner",
    IrregularParticiple => "events.irregular-participle",
    Subordinator => "events.subordinator",
    AgreementDateLink => "events.agreement-date-link",
    AddresseeSkip => "events.addressee-skip",
    NotModifierWord => "events.not-modifier",
    DocumentNoun => "events.document-noun",
    SpeechLink => "events.speech-link",
    RelativePronoun => "events.relative-pronoun",
    LightVerb => "events.light-verb",
    ReportingVerb => "events.reporting-verb",
    SpeakerVerb => "events.speaker-verb",
    HypotheticalModal => "events.hypothetical-modal",
    HopeVerb => "events.hope-verb",
    VolitionVerb => "events.volition-verb",
    NegatingVerb => "events.negating-verb",
    Negator => "events.negator",
    ConditionMark => "events.condition-mark",
    FutureModal => "events.future-modal",
    HearsayAdverb => "events.hearsay-adverb",
    ContinuingVerb => "events.continuing-verb",
    AllegingVerb => "events.alleging-verb",
    ReceivingVerb => "events.receiving-verb",
    GroupPhrase => "events.group-phrase",
    QuestionLabel => "events.question-label",
    AgentNoun => "events.agent-noun",
    CeasingVerb => "events.ceasing-verb",
    OccurrenceVerb => "events.occurrence-verb",
    ParticipationVerb => "events.participation-verb",
    ArrangingVerb => "events.arranging-verb",
    TargetGathering => "events.target-gathering",
    TargetJourneyVerb => "events.target-journey-verb",
    TargetDefendingVerb => "events.target-defending-verb",
    MeetingVerb => "events.meeting-verb",
    StatusWishVerb => "events.status-wish-verb",
    StatusPerformativeVerb => "events.status-performative-verb",
    StatusHopeThat => "events.status-hope-that",
    StatusDirectiveVerb => "events.status-directive-verb",
    StatusProspectiveModifier => "events.status-prospective-modifier",
    StatusAimNoun => "events.status-aim-noun",
    StatusGenericDeterminer => "events.status-generic-determiner",
    TargetCoreferentNominal => "events.target-coreferent-nominal",
    TargetWithstandingWord => "events.target-withstanding-word",
    OpinionVerb => "events.opinion-verb",
    ConcernWord => "events.concern-word",
    ConcernSituationNoun => "events.concern-situation-noun",
    ConcernPlacePreposition => "events.concern-place-preposition",
    TemporalMark => "events.temporal-mark",
    IntentVerb => "events.intent-verb",
    StateVoiceTitle => "events.state-voice-title",
    TitlePhraseHead => "events.title-phrase-head",
    GenreCompound => "events.genre-compound",
    CreditingVerb => "events.crediting-verb",
    AppealNoun => "events.appeal-noun",
    SatisfiedNoun => "events.satisfied-noun",
    ReasonPreposition => "events.reason-preposition",
    TopicPreposition => "events.topic-preposition",
    TalkWord => "events.talk-word",
    CounterpartNoun => "events.counterpart-noun",
    MeetingNoun => "events.meeting-noun",
    ImplicitPassive => "events.implicit-passive",
    ActCarrierNoun => "events.act-carrier-noun",
    ParticipantNoun => "events.participant-noun",
    ParticipantBodyNoun => "events.participant-body-noun",
}

/// The words of every class.
#[derive(Debug, Clone)]
pub struct WordClasses {
    sets: Vec<WordSet<String>>,
}

impl Default for WordClasses {
    /// The embedded classes.
    fn default() -> Self {
        WordClasses::embedded().as_ref().clone()
    }
}

impl WordClasses {
    /// The embedded classes. The embedded file is checked by a unit test,
    /// so a malformed line cannot occur; it would be skipped, not abort.
    pub fn embedded() -> Arc<WordClasses> {
        static CACHE: std::sync::OnceLock<Arc<WordClasses>> = std::sync::OnceLock::new();
        CACHE
            .get_or_init(|| {
                let mut c = WordClasses::empty();
                let _ = c.read("words.tsv", EMBEDDED);
                Arc::new(c)
            })
            .clone()
    }

    /// The embedded classes extended by user files `(name, contents)`.
    pub fn with_user_files(files: &[(String, String)]) -> Result<Arc<WordClasses>, Error> {
        if files.is_empty() {
            return Ok(WordClasses::embedded());
        }
        let mut c = WordClasses::embedded().as_ref().clone();
        for (name, contents) in files {
            c.read(name, contents)?;
        }
        Ok(Arc::new(c))
    }

    fn empty() -> WordClasses {
        WordClasses {
            sets: vec![WordSet::default(); WordClass::ALL.len()],
        }
    }

    /// Reads `class <TAB> word` lines (a word may have spaces).
    fn read(&mut self, file: &str, contents: &str) -> Result<(), Error> {
        for line in data_lines(contents) {
            let name = field(&line, 0, file)?;
            let word = field(&line, 1, file)?;
            let Some(class) = WordClass::ALL.iter().find(|c| c.name() == name) else {
                return Err(Error::Data {
                    file: file.to_string(),
                    line: line.line,
                    message: format!("unknown word class {name:?}"),
                });
            };
            self.sets[*class as usize].insert(word.to_string());
        }
        Ok(())
    }

    /// Whether `word` (as the rules see it: lower-cased) is in `class`.
    #[inline]
    pub fn has(&self, class: WordClass, word: &str) -> bool {
        self.sets[class as usize].contains(word)
    }

    /// Whether `word` (any case) is a preposition, determiner or
    /// subordinator: it opens a phrase, never a name ("Via Teleconference",
    /// "Near Kharkiv"); a one-letter word is an initial ("A. Clark").
    pub fn is_phrase_opener(&self, word: &str) -> bool {
        if word.chars().count() <= 1 {
            return false;
        }
        let w = word.to_lowercase();
        [
            WordClass::Preposition,
            WordClass::Determiner,
            WordClass::Subordinator,
        ]
        .iter()
        .any(|&c| self.has(c, &w))
    }

    /// Whether `word` is in `class`, ignoring ASCII case.
    pub fn has_ignore_ascii_case(&self, class: WordClass, word: &str) -> bool {
        self.sets[class as usize]
            .iter()
            .any(|w| w.eq_ignore_ascii_case(word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_file_is_clean_and_fills_every_class() {
        let mut c = WordClasses::empty();
        c.read("words.tsv", EMBEDDED).unwrap();
        for &class in WordClass::ALL {
            assert!(
                !c.sets[class as usize].is_empty(),
                "{} is empty",
                class.name()
            );
        }
        assert!(c.has(WordClass::Preposition, "against"));
        assert!(c.has(WordClass::AgreementDateLink, "signed on"));
        assert!(c.has_ignore_ascii_case(WordClass::Clitic, "LL"));
    }

    #[test]
    fn user_files_extend_and_unknown_classes_are_refused() {
        let extra = vec![(
            "x.tsv".to_string(),
            "events.preposition\tamid\n".to_string(),
        )];
        let c = WordClasses::with_user_files(&extra).unwrap();
        assert!(c.has(WordClass::Preposition, "amid"));
        assert!(!WordClasses::embedded().has(WordClass::Preposition, "amid"));
        let bad = vec![("y.tsv".to_string(), "events.prepositon\tamid\n".to_string())];
        let err = WordClasses::with_user_files(&bad).unwrap_err().to_string();
        assert!(
            err.contains("y.tsv:1") && err.contains("unknown word class"),
            "{err}"
        );
    }
}
