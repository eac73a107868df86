//! Stage contracts: what each stage reads, writes and revises, checked when
//! the pipeline is built (every layer read was written earlier) and while
//! it runs (a stage changes only the layers it declares).
//!
//! spaCy's component `requires`/`assigns` is the model. A *revision* is a
//! declared change to a layer an earlier stage wrote, with the reason for
//! it (the date grammar rejecting a DATE mention the tagger proposed),
//! so that no layer is changed behind its owner's back.

use std::fmt;

use crate::doc::{Doc, Layer};

/// A declared change to a layer an earlier stage wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Revision {
    /// The layer changed.
    pub layer: Layer,
    /// What the stage changes in it, and why.
    pub why: &'static str,
}

/// What a stage reads, writes (creates) and revises.
#[derive(Debug, Clone, Copy)]
pub struct Contract {
    /// Layers read; each must be written by an earlier stage (or, for
    /// [`Layer::Info`], come from the input).
    pub reads: &'static [Layer],
    /// Layers this stage creates; no earlier stage may have written them.
    pub writes: &'static [Layer],
    /// Earlier layers this stage changes, each with its reason.
    pub revises: &'static [Revision],
}

impl Contract {
    /// A contract that reads `reads` and writes `writes`, revising nothing.
    pub const fn new(reads: &'static [Layer], writes: &'static [Layer]) -> Contract {
        Contract {
            reads,
            writes,
            revises: &[],
        }
    }

    /// The same contract, also revising these earlier layers.
    pub const fn revising(self, revises: &'static [Revision]) -> Contract {
        Contract { revises, ..self }
    }

    /// Whether the stage may change `layer`.
    pub fn may_change(&self, layer: Layer) -> bool {
        self.writes.contains(&layer) || self.revises.iter().any(|r| r.layer == layer)
    }
}

/// A broken contract: found when the pipeline is built, or when a stage
/// changes a layer it did not declare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContractError {
    /// `stage` reads `layer`, which no earlier stage writes.
    ReadsUnwritten {
        /// The stage.
        stage: &'static str,
        /// The layer.
        layer: Layer,
    },
    /// `stage` writes `layer`, which `earlier` wrote already.
    WrittenTwice {
        /// The stage.
        stage: &'static str,
        /// The stage that wrote it first.
        earlier: &'static str,
        /// The layer.
        layer: Layer,
    },
    /// `stage` revises `layer`, which no earlier stage writes.
    RevisesUnwritten {
        /// The stage.
        stage: &'static str,
        /// The layer.
        layer: Layer,
    },
    /// `stage` changed `layer` without declaring it (found while running).
    Undeclared {
        /// The stage.
        stage: &'static str,
        /// The layer.
        layer: Layer,
    },
}

impl fmt::Display for ContractError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ContractError::ReadsUnwritten { stage, layer } => {
                write!(f, "stage '{stage}' reads {layer:?}, which no earlier stage writes")
            }
            ContractError::WrittenTwice {
                stage,
                earlier,
                layer,
            } => write!(
                f,
                "stage '{stage}' writes {layer:?}, which '{earlier}' writes already (declare a revision)"
            ),
            ContractError::RevisesUnwritten { stage, layer } => {
                write!(f, "stage '{stage}' revises {layer:?}, which no earlier stage writes")
            }
            ContractError::Undeclared { stage, layer } => {
                write!(f, "stage '{stage}' changed {layer:?} without declaring it")
            }
        }
    }
}

impl std::error::Error for ContractError {}

/// Checks a stage order: `(name, contract)` in order.
pub fn check_order(stages: &[(&'static str, Contract)]) -> Result<(), ContractError> {
    // The input gives the info layer before any stage runs.
    let mut writer: Vec<(Layer, &'static str)> = vec![(Layer::Info, "input")];
    let written =
        |w: &[(Layer, &'static str)], l: Layer| w.iter().find(|(x, _)| *x == l).map(|p| p.1);
    for &(stage, c) in stages {
        if let Some(&layer) = c.reads.iter().find(|&&l| written(&writer, l).is_none()) {
            return Err(ContractError::ReadsUnwritten { stage, layer });
        }
        if let Some(r) = c
            .revises
            .iter()
            .find(|r| written(&writer, r.layer).is_none())
        {
            return Err(ContractError::RevisesUnwritten {
                stage,
                layer: r.layer,
            });
        }
        for &layer in c.writes {
            if let Some(earlier) = written(&writer, layer) {
                return Err(ContractError::WrittenTwice {
                    stage,
                    earlier,
                    layer,
                });
            }
            writer.push((layer, stage));
        }
    }
    Ok(())
}

/// Fingerprints of the layers a stage may not change, taken before it runs.
pub struct Guard {
    before: Vec<(Layer, u64)>,
}

impl Guard {
    /// Takes the fingerprints of every layer `contract` does not let its
    /// stage change.
    pub fn before(doc: &Doc, contract: &Contract) -> Guard {
        let before = Layer::ALL
            .iter()
            .filter(|&&l| !contract.may_change(l))
            .map(|&l| (l, doc.fingerprint(l)))
            .collect();
        Guard { before }
    }

    /// The first protected layer that changed since [`Guard::before`].
    pub fn changed(&self, doc: &Doc) -> Option<Layer> {
        self.before
            .iter()
            .find(|&&(l, h)| doc.fingerprint(l) != h)
            .map(|&(l, _)| l)
    }
}
