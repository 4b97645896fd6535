//! Every catalogue under `locales/` has every key, no unknown key, and the English placeholders.

use irm_report::i18n::LANGUAGES;
use irm_report::labels::parse_catalogue;

#[test]
fn every_catalogue_has_every_key() {
    for (language, _) in LANGUAGES {
        let path = format!("locales/{language}.json");
        let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        if let Err(problems) = parse_catalogue(language, &json) {
            let list: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
            panic!("{path} is incomplete or wrong:\n{}", list.join("\n"));
        }
    }
}

#[test]
fn a_missing_key_or_a_changed_placeholder_is_named() {
    let english: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string("locales/en.json").unwrap()).unwrap();
    let mut broken = english.clone();
    broken.remove("number.group_separator");
    broken.insert("no.such.key".to_string(), "x".into());
    let problems = parse_catalogue("mn", &serde_json::to_string(&broken).unwrap()).unwrap_err();
    let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(messages.contains(&"number.group_separator: missing".to_string()), "{messages:?}");
    assert!(messages.contains(&"no.such.key: unknown key".to_string()), "{messages:?}");
    if let Some((key, _)) = english.iter().find(|(_, text)| text.as_str().unwrap().contains("{n}")) {
        let mut changed = english.clone();
        changed.insert(key.clone(), "no placeholder".into());
        let problems = parse_catalogue("mn", &serde_json::to_string(&changed).unwrap()).unwrap_err();
        assert_eq!(problems[0].path, *key);
        assert!(problems[0].reason.starts_with("placeholders [] differ from the English ["), "{problems:?}");
    }
}

#[test]
fn english_labels_are_the_ones_in_the_code() {
    let english = parse_catalogue("en", &std::fs::read_to_string("locales/en.json").unwrap()).unwrap();
    for (kind, id, label) in irm_report::labels::labelled_ids() {
        assert_eq!(english.get(&format!("{kind}.{id}")), Some(label), "{kind}.{id}");
    }
}
