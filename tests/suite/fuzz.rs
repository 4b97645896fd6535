//! Property tests over untrusted input: bundle parsing + validation, the inline-text parser, the
//! sentence splitter, bundle manifests, message catalogues, host messages and search queries never panic,
//! every rejection names where the problem is, and long inputs cost work in proportion to their size.
//! 8,600 cases in all (see the configs below).

use proptest::prelude::*;
use serde_json::Value;

use irm_report::report::inline::{parse, plain_text};
use irm_report::report::substrings::occur_in;
use irm_report::report::text::{sentences, split_sentences};
use irm_report::report::{load, LoadError, EMBEDDED_BUNDLE};

/// Text rich in the characters the parsers care about.
fn tricky_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("[".to_string()),
            Just("]".to_string()),
            Just("(commitment:".to_string()),
            Just(")".to_string()),
            Just("[1]".to_string()),
            Just("[Commitment 3](commitment:3)".to_string()),
            Just(". ".to_string()),
            Just("”".to_string()),
            Just("\u{202E}".to_string()),
            Just("<script>&".to_string()),
            "[0-9]{1,3}",
            "\\PC{0,6}",
        ],
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

/// Any JSON value, a few levels deep.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u32>().prop_map(Value::from),
        (0u32..20).prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        tricky_text().prop_map(Value::String),
        Just(Value::String("javascript:alert(1)".into())),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Every JSON path (as a list of steps) in `value`.
fn paths(value: &Value, prefix: Vec<PathStep>, out: &mut Vec<Vec<PathStep>>) {
    out.push(prefix.clone());
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let mut path = prefix.clone();
                path.push(PathStep::Key(key.clone()));
                paths(child, path, out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                let mut path = prefix.clone();
                path.push(PathStep::Index(i));
                paths(child, path, out);
            }
        }
        _ => {}
    }
}

#[derive(Clone, Debug)]
enum PathStep {
    Key(String),
    Index(usize),
}

fn replace_at(value: &mut Value, path: &[PathStep], replacement: Value) {
    let Some((step, rest)) = path.split_first() else {
        *value = replacement;
        return;
    };
    let child = match (step, value) {
        (PathStep::Key(key), Value::Object(map)) => map.get_mut(key),
        (PathStep::Index(i), Value::Array(items)) => items.get_mut(*i),
        _ => None,
    };
    if let Some(child) = child {
        replace_at(child, rest, replacement);
    }
}

fn assert_named(error: &LoadError) {
    assert!(!error.problems().is_empty());
    for problem in error.problems() {
        assert!(!problem.path.is_empty() && !problem.reason.is_empty(), "{problem:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn the_inline_parser_never_panics(text in tricky_text()) {
        match parse(&text) {
            Ok(spans) => {
                // What parses re-reads the same: its plain text has no markup left to parse.
                let plain = plain_text(&spans);
                prop_assert!(!plain.contains("](commitment:"));
                for sentence in sentences(&spans) {
                    prop_assert!(!sentence.is_empty());
                }
            }
            Err(error) => prop_assert!(error.at <= text.chars().count()),
        }
    }

    #[test]
    fn any_text_as_a_bundle_is_refused_with_a_path(text in "\\PC{0,64}") {
        if let Err(error) = load(&text) {
            assert_named(&error);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, failure_persistence: None, ..ProptestConfig::default() })]

    /// The real bundle with one value anywhere replaced by anything.
    #[test]
    fn a_mutated_bundle_never_panics_and_every_problem_has_a_path(
        pick in any::<prop::sample::Index>(),
        replacement in json_value(),
    ) {
        let mut bundle: Value = serde_json::from_str(EMBEDDED_BUNDLE).unwrap();
        let mut all = Vec::new();
        paths(&bundle, Vec::new(), &mut all);
        let path = pick.get(&all).clone();
        replace_at(&mut bundle, &path, replacement);
        if let Err(error) = load(&bundle.to_string()) {
            assert_named(&error);
        }
    }
}

fn search_index() -> &'static irm_report::search::Index {
    static INDEX: std::sync::OnceLock<irm_report::search::Index> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| irm_report::search::Index::new(irm_report::embedded::report()))
}

/// The English catalogue as a JSON object, for mutating.
fn english_catalogue() -> serde_json::Map<String, Value> {
    serde_json::from_str(irm_report::i18n::ENGLISH_CATALOGUE).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, failure_persistence: None, ..ProptestConfig::default() })]

    /// Fetched files and messages are as untrusted as bundles: a manifest, a catalogue with one entry
    /// replaced, a search query. None panics; every refusal names a path.
    #[test]
    fn fetched_files_messages_and_queries_never_panic(
        manifest in json_value(),
        key in any::<prop::sample::Index>(),
        text in tricky_text(),
        query in "\\PC{0,80}",
    ) {
        if let Err(problems) = irm_report::bundles::parse_manifest(&manifest.to_string()) {
            prop_assert!(problems.iter().all(|p| !p.path.is_empty() && !p.reason.is_empty()));
        }
        let mut catalogue = english_catalogue();
        let keys: Vec<String> = catalogue.keys().cloned().collect();
        catalogue.insert(key.get(&keys).clone(), Value::String(text.clone()));
        if let Err(problems) = irm_report::labels::parse_catalogue("mn", &Value::Object(catalogue).to_string()) {
            prop_assert!(problems.iter().all(|p| !p.path.is_empty() && !p.reason.is_empty()));
        }
        let index = search_index();
        for hit in index.search(&query).iter().chain(index.search(&text).iter()) {
            // Every excerpt part is a piece of the document's own text (or an ellipsis).
            for part in &hit.excerpt {
                prop_assert!(part.text == "…" || hit.document.text.contains(&part.text));
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 100, failure_persistence: None, ..ProptestConfig::default() })]

    /// Long inputs (a listed bundle may hold a paragraph of 30,000 tiny sentences; a tenth of that here): the work done, counted
    /// as steps rather than timed, is held to a multiple of the input's size. A splitter that visits every
    /// boundary for every span, or a quote search per quote over the whole text, fails at once.
    #[test]
    fn long_inputs_cost_work_in_proportion_to_their_size(
        unit in prop_oneof![tricky_text(), Just("A.[1] ".to_string()), Just("Z".to_string())],
        times in 1usize..10_000,
        quote_lengths in prop::collection::vec(1usize..40, 0..60),
    ) {
        let text = unit.repeat(times);
        if let Ok(spans) = parse(&text) {
            let mut steps = 0;
            split_sentences(&spans, &mut steps);
            prop_assert!(steps <= 2 * (spans.len() + text.len()) + 1, "{steps} steps for {} bytes", text.len());
        }
        // Quotes that nearly match everywhere: a run of the text's own repeated unit, then something else.
        let quotes: Vec<String> = quote_lengths.iter().map(|&n| format!("{}#", unit.repeat(n))).collect();
        let quotes: Vec<&str> = quotes.iter().map(String::as_str).collect();
        let size = text.len() + quotes.iter().map(|q| q.len()).sum::<usize>();
        let mut steps = 0;
        let found = occur_in(&text, &quotes, &mut steps);
        prop_assert!(steps <= 4 * size + 1, "{steps} steps for {size} bytes");
        for (quote, found) in quotes.iter().zip(found) {
            prop_assert_eq!(found, text.contains(quote));
        }
    }
}
