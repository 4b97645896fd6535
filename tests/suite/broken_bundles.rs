//! A corpus of broken bundles: each must be refused with exactly the message in its `.expected` file,
//! naming the JSON path of every problem.

use std::fs;
use std::path::Path;

use irm_report::report::{load, LoadError};

#[test]
fn the_minimal_bundle_is_valid() {
    let json = fs::read_to_string("tests/bundles/minimal.json").unwrap();
    let report = load(&json).unwrap_or_else(|e| panic!("minimal bundle refused:\n{e}"));
    assert_eq!(report.commitments.len(), 2);
}

#[test]
fn every_broken_bundle_is_refused_with_its_exact_message() {
    let dir = Path::new("tests/bundles/broken");
    let mut cases: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    cases.sort();
    // Pinned: a case added or lost must be a decision (change this number with it).
    assert_eq!(cases.len(), 36, "the corpus has {} bundles", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let json = fs::read_to_string(case).unwrap();
        let expected_path = case.with_extension("expected");
        let expected = fs::read_to_string(&expected_path)
            .unwrap_or_else(|_| panic!("{} has no {}", case.display(), expected_path.display()));
        match load(&json) {
            Ok(_) => failures.push(format!("{}: accepted", case.display())),
            Err(error) => {
                let actual = error.to_string();
                if actual != expected.trim_end() {
                    failures.push(format!(
                        "{}:\n  expected: {}\n  actual:   {}",
                        case.display(),
                        expected.trim_end(),
                        actual
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn invalid_bundles_report_every_problem_not_just_the_first() {
    let json = fs::read_to_string("tests/bundles/broken/many-problems.json").unwrap();
    match load(&json) {
        Err(LoadError::Invalid(problems)) => assert_eq!(problems.len(), 4, "{problems:#?}"),
        other => panic!("expected a list of problems, got {other:?}"),
    }
}

/// The security review's two bundles that froze a tab: refused by the limits, before any work that
/// grows with them (`tests/suite/fuzz.rs` holds the work below the limits to the input's size); and
/// JSON nested 100,000 deep, refused without a stack overflow.
#[test]
fn bundles_that_would_freeze_a_tab_are_refused_by_their_size() {
    let minimal: serde_json::Value =
        serde_json::from_str(&fs::read_to_string("tests/bundles/minimal.json").unwrap()).unwrap();
    let refused = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut bundle = minimal.clone();
        edit(&mut bundle);
        load(&bundle.to_string()).unwrap_err().to_string()
    };
    assert_eq!(
        refused(&|b| b["sections"][0]["paragraphs"][0] = "A.[1] ".repeat(300_000).into()),
        "sections[0].paragraphs[0]: has 1800000 characters, more than the 200000 allowed\n\
         sections: has 1800198 bytes of text, more than the 1000000 allowed"
    );
    assert_eq!(
        refused(&|b| b["commitments"][0]["completion"]["evidence"] = vec!["ZZ"; 200_000].into()),
        "commitments[0].completion.evidence: has 200000 quotes, more than the 50 allowed"
    );
    // A nesting bomb stops at the first value the schema does not expect, or at serde_json's depth limit.
    let bomb = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    assert_eq!(
        load(&bomb(100_000)).unwrap_err().to_string(),
        "[0]: invalid type: sequence, expected u32 at line 1 column 1"
    );
    let catalogue = format!("{{\"nav.report\": {}}}", bomb(100_000));
    assert!(irm_report::labels::parse_catalogue("en", &catalogue).is_err());
}
