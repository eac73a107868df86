//! `attache audit-actors`: the actor-name check over saved records.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};

use attache::actors::audit::{AuditReport, Auditor};
use attache::pipeline::Dicts;

/// `attache audit-actors`.
#[derive(clap::Args)]
pub struct AuditActorsArgs {
    /// Records as `attache extract` writes them (JSONL); may be repeated.
    #[arg(required = true, value_name = "RECORDS")]
    records: Vec<PathBuf>,
    /// Extra data file (its header names its format); may be repeated.
    #[arg(long = "dict", value_name = "FILE")]
    dicts: Vec<PathBuf>,
    /// How many failing names to list (0: none).
    #[arg(long, default_value_t = 30)]
    examples: usize,
    /// Machine-readable output: the counts and every failing name.
    #[arg(long)]
    json: bool,
}

/// Reads the records, prints the counts per rule and some failing names.
pub fn audit_actors(args: AuditActorsArgs) -> Result<ExitCode> {
    let auditor = Auditor::from_dicts(&Dicts::load(&args.dicts)?)?;
    let mut report = AuditReport::default();
    for path in &args.records {
        let file =
            std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
        for (n, line) in BufReader::new(file).lines().enumerate() {
            let line = line.with_context(|| format!("reading {}", path.display()))?;
            if line.trim().is_empty() {
                continue;
            }
            let record: serde_json::Value = serde_json::from_str(&line)
                .with_context(|| format!("{}:{}: not a JSON record", path.display(), n + 1))?;
            auditor.add(&record, &mut report);
        }
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{} records, {} actors, {} names break a rule",
        report.records,
        report.actors,
        report.failing()
    );
    for (fault, n) in &report.faults {
        println!("  {fault:22} {n}");
    }
    for f in report.findings.iter().take(args.examples) {
        println!("  {:22} {:12} {:14} {}", f.fault, f.kind, f.doc, f.name);
    }
    Ok(ExitCode::SUCCESS)
}
