//! Validates JSON Lines records against the record schema, fast.
//!
//! The Spark check (`scripts/spark-check.sh`) uses it on every record a
//! Spark job wrote; it is an example, not part of `attache`, because its
//! validator (`jsonschema`) is a dev-dependency.
//!
//! ```sh
//! cargo run --example validate_records -- schema/records.schema.json out/*.txt
//! ```
//!
//! Prints `N records valid` and exits 0, or lists the first violations and
//! exits 1.

use std::io::{BufRead, BufReader};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use serde_json::Value;

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("validate_records: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<bool> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((schema_path, files)) = args.split_first() else {
        bail!("usage: validate_records SCHEMA FILE...");
    };
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(schema_path).with_context(|| format!("reading {schema_path}"))?,
    )
    .with_context(|| format!("parsing {schema_path}"))?;
    let validator = jsonschema::validator_for(&schema)
        .map_err(|e| anyhow::anyhow!("compiling {schema_path}: {e}"))?;
    let (mut records, mut bad) = (0u64, 0u64);
    for file in files {
        let reader =
            BufReader::new(std::fs::File::open(file).with_context(|| format!("opening {file}"))?);
        for (n, line) in reader.lines().enumerate() {
            let line = line.with_context(|| format!("reading {file}"))?;
            records += 1;
            let errors: Vec<String> = match serde_json::from_str::<Value>(&line) {
                Ok(value) => validator
                    .iter_errors(&value)
                    .map(|e| format!("{e} at {}", e.instance_path()))
                    .collect(),
                Err(e) => vec![format!("not JSON: {e}")],
            };
            if !errors.is_empty() {
                bad += 1;
                if bad <= 10 {
                    eprintln!("{file}:{}: {}", n + 1, errors.join("; "));
                }
            }
        }
    }
    if bad > 0 {
        eprintln!("{bad} of {records} records invalid");
        return Ok(false);
    }
    println!("{records} records valid");
    Ok(true)
}
