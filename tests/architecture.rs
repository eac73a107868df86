//! Architecture checks over the source tree (no binary run):
//!
//! - **Stage order**: no module of a stage imports a module of a later
//!   stage (input → text → ner → syntax → dates → agreements → actors →
//!   events).
//! - **Knowledge in data**: no list of more than five string literals in
//!   `src/` outside tests; word lists live in `models/`. A list that is not
//!   linguistic knowledge (format identifiers, the record's field names)
//!   carries a `// not a word list: <why>` comment on its first line or
//!   up to three lines before it.

use std::path::{Path, PathBuf};

use crate::util::repo;

/// The stage modules, in pipeline order.
const STAGES: [&str; 8] = [
    "input",
    "text",
    "ner",
    "syntax",
    "dates",
    "agreements",
    "actors",
    "events",
];

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("source dir readable") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The file's code without its unit tests (a `tests.rs` file, or a
/// trailing `#[cfg(test)] mod tests { … }`).
fn code_without_tests(path: &Path) -> String {
    if path.file_name().is_some_and(|n| n == "tests.rs") {
        return String::new();
    }
    let text = std::fs::read_to_string(path).expect("source readable");
    let cut =
        regex::Regex::new(r"#\[cfg\(test\)\]\s*(pub(\(crate\))?\s+)?mod \w+\s*\{").expect("regex");
    match cut.find(&text) {
        Some(m) => text[..m.start()].to_string(),
        None => text,
    }
}

/// The stage a source file belongs to, if any.
fn stage_of(path: &Path) -> Option<usize> {
    let rel = path.strip_prefix(repo("src")).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    let module = first.trim_end_matches(".rs");
    STAGES.iter().position(|s| *s == module)
}

#[test]
fn no_stage_imports_a_later_stage() {
    let path_re = regex::Regex::new(r"crate::(\w+)").expect("regex");
    let mut breaches = Vec::new();
    for path in rust_files(&repo("src")) {
        let Some(own) = stage_of(&path) else { continue };
        let code = code_without_tests(&path);
        for (n, line) in code.lines().enumerate() {
            for cap in path_re.captures_iter(line) {
                let used = STAGES.iter().position(|s| *s == &cap[1]);
                if used.is_some_and(|u| u > own) {
                    breaches.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        breaches.is_empty(),
        "stage modules import later stages:\n{}",
        breaches.join("\n")
    );
}

#[test]
fn no_word_list_of_more_than_five_entries_in_code() {
    let lit = r#""(?:[^"\\\n]|\\.)*""#;
    let sep = r"\s*(?:\||,)\s*(?://[^\n]*\n\s*)*";
    let list = regex::Regex::new(&format!("(?:{lit}{sep}){{5,}}{lit}")).expect("regex");
    let lit_re = regex::Regex::new(lit).expect("regex");
    let mut found = Vec::new();
    for path in rust_files(&repo("src")) {
        let code = code_without_tests(&path);
        for m in list.find_iter(&code) {
            let line = code[..m.start()].matches('\n').count();
            // the marker stands on the list's first line or up to three before
            let marked = code
                .lines()
                .skip(line.saturating_sub(3))
                .take(line.min(3) + 1)
                .any(|l| l.contains("// not a word list:"));
            if marked {
                continue;
            }
            let n = lit_re.find_iter(m.as_str()).count();
            found.push(format!("{}:{}: {n} entries", path.display(), line + 1));
        }
    }
    assert!(
        found.is_empty(),
        "word lists in code (move them to models/):\n{}",
        found.join("\n")
    );
}

/// The README is read by users of the repository alone: it links nothing
/// in `../shared`, and every command that reads data from there is marked
/// developer-only (issue 15).
#[test]
fn the_readme_needs_nothing_outside_the_repository() {
    let readme = std::fs::read_to_string(repo("README.md")).expect("README readable");
    let bad: Vec<&str> = readme
        .lines()
        .filter(|l| {
            l.contains("](../shared")
                || l.contains("../shared/")
                    && l.contains('`')
                    && !l.contains("developer-only")
                    && l.contains("cargo run")
        })
        .collect();
    assert!(
        bad.is_empty(),
        "README lines that need ../shared:\n{}",
        bad.join("\n")
    );
    assert!(
        readme.contains("docs/records.md"),
        "the record contract is linked in the repository"
    );
}
