//! The event coder's validation suite (`eval/validation`): failing cases,
//! those under `pending/` included, are run and counted; the pass rate must
//! stay at its floor.

use crate::util::{attache, check_record, json_lines, repo};

/// The lowest pass rate the suite may fall to: what the coder achieves on
/// the whole suite, pending cases included (`attache validate --summary`:
/// 2239 of 2445, 0.916, after session 26's formations as sources, "the two
/// sides" of a paragraph, future-dated acts, intent verbs and meetings in
/// one party's own town (visitor → host);
/// 2215 of 2421, 0.915, after session 25's "respectively", participles
/// after a possessor, conditional "should", requests asking the doers of
/// what they call for, readout officials and talk topics;
/// 2175 of 2379, 0.914, after session 24's own-government references,
/// plural meeting-party subjects, shared possessors of coordinated nouns
/// and carrier nouns ("a message of greetings");
/// 2144 of 2347, 0.914, after session 23's referring expressions of
/// readouts (agentless passives, counterparts), discourse targets, appeal
/// nouns, commitments to joint work and "meet" senses;
/// 2095 of 2294, 0.913, after session 22's status rules (polite performatives,
/// shared modals), datelines, fronted "of" names, meeting partners, topics
/// and the doers of praised or blamed acts;
/// 2051 of 2249, 0.912, after session 21's spokesperson voice, title
/// phrases, visit hosts, fronted subjects and lexicon rows;
/// 2002 of 2201, 0.910, after session 20's definite bodies, hostile
/// nominals' targets, opinion and concern checks and future trips (three
/// cases of "will work with" now expect AGREE);
/// 1963 of 2163, 0.908, after session 19's targets, status frames,
/// lexicon rows, meeting pairs and one-way CONSULT of a named pair (41
/// cases now expect the first-named party's event only);
/// 1876 of 2065, 0.908, after session 18's lexicon batch, verbal targets,
/// hyphenated pairs, nominal targets and occurrence-verb status;
/// 1778 of 1967, 0.904, after session 17's nominal-source resolvers,
/// actor-headed objects of "meet" and judged modifiers;
/// 1756 of 1946, 0.902, after session 16's tagger checks, fronted-clause
/// repair, acts that "hit" or "reach" and hosting/budget senses (issue 12
/// asks 0.90);
/// 1729 of 1935, 0.894, after session 15's "between", place-target and
/// judged-"of" resolvers; 1687 of 1922, 0.878, after session 14's argument
/// resolvers; 1648 of
/// 1913, 0.861, before them;
/// 1540 of 1837, 0.838, after session 11's lexicon batch, tagger verb
/// checks and tree repairs; 1322 of 1689, 0.783, once 542 cases for
/// every trigger row were added;
/// 912 of 1147, 0.795, after the resolver fixes of issue 12 (hearsay
/// and "according to" reports, makers and stray agents as targets,
/// plans of others hypothetical, relative pronouns the parser left
/// unattached); 815 of 1144, 0.712, with the tree coder of 5 December
/// 2026; 743 of
/// 1116, 0.666, a session before; the pattern coder it replaced passed
/// 0.838, mostly on frames it was written for), rounded down a little.
/// Raise it as the coder improves.
const PASS_RATE_FLOOR: f64 = 0.90;

/// The number written just before `word` in `line` ("738 cases" → 738).
fn count_before(line: &str, word: &str) -> Option<usize> {
    let words: Vec<&str> = line.split_whitespace().collect();
    words
        .windows(2)
        .find(|w| w[1].trim_end_matches(',') == word)
        .and_then(|w| w[0].parse().ok())
}

#[test]
fn the_validation_suite_passes_at_its_floor() {
    let out = attache()
        .args(["validate", "--summary", "--suite"])
        .arg(repo("eval/validation"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    // "738 cases (22 pending), 462 distinct sentences, 716 passed, ..."
    let summary = text.lines().last().unwrap_or("");
    let (Some(cases), Some(sentences), Some(passed)) = (
        count_before(summary, "cases"),
        count_before(summary, "distinct"),
        count_before(summary, "passed"),
    ) else {
        panic!("no summary line in:\n{text}");
    };
    assert!(sentences >= 300, "only {sentences} distinct sentences");
    assert!(cases >= sentences);
    let rate = passed as f64 / cases as f64;
    println!(
        "validation suite: {passed}/{cases} cases pass ({rate:.3}), {sentences} distinct sentences"
    );
    assert!(
        rate >= PASS_RATE_FLOOR,
        "pass rate {rate:.3} below {PASS_RATE_FLOOR}:\n{text}"
    );
}

#[test]
fn events_and_actors_link_up_in_the_record() {
    let out = attache()
        .args(["extract", "--include-text", "--dict"])
        .arg(repo("eval/validation/actors.tsv"))
        .arg("-")
        .write_stdin(
            "Talks in Minas Tirith\n\nGondor's Foreign Minister Faramir Hurin met with Eomer Eorling in Edoras. \
             Mr Hurin urged Mordor to withdraw its troops.",
        )
        .output()
        .unwrap();
    assert!(out.status.success());
    let records = json_lines(&out.stdout);
    let r = &records[0];
    check_record(r);
    let actors = r["actors"].as_array().unwrap();
    let faramir = actors
        .iter()
        .find(|a| a["name"] == "Faramir Hurin")
        .expect("person actor");
    assert_eq!(faramir["kind"], "person");
    assert_eq!(faramir["title"], "Foreign Minister");
    let gondor = actors.iter().find(|a| a["name"] == "Gondor").unwrap();
    assert_eq!(faramir["affiliation"], gondor["id"]);
    let events = r["events"].as_array().unwrap();
    let kinds: Vec<(&str, &str, &str)> = events
        .iter()
        .map(|e| {
            (
                e["type"].as_str().unwrap(),
                e["status"].as_str().unwrap(),
                e["pattern"].as_str().unwrap(),
            )
        })
        .collect();
    assert!(
        kinds.contains(&("CONSULT", "asserted", "consult.meet")),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&("REQUEST", "asserted", "request.urge")),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&("RETREAT", "called_for", "retreat.withdraw")),
        "{kinds:?}"
    );
    let request = events.iter().find(|e| e["type"] == "REQUEST").unwrap();
    assert_eq!(
        request["source"], faramir["id"],
        "Mr Hurin is Faramir Hurin"
    );
    assert!(!r["places"].as_array().unwrap().is_empty());
}
