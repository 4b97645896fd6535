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

/// The Mongolian catalogue's messages, as (key, text).
fn mongolian() -> Vec<(String, String)> {
    let json = std::fs::read_to_string("locales/mn.json").unwrap();
    let messages: std::collections::BTreeMap<String, String> = serde_json::from_str(&json).unwrap();
    messages.into_iter().collect()
}

#[test]
fn no_case_ending_is_attached_to_an_inserted_value() {
    // Endings follow the vowels of the value (9-өөс, 4-ийг, MN0048-ыг): only the ordinal -р is invariant.
    let mut attached = Vec::new();
    for (key, text) in mongolian() {
        for (at, _) in text.match_indices('}') {
            let after = text[at + 1..].trim_start_matches(['”', '»', '"']);
            let Some(ending) = after.strip_prefix('-') else { continue };
            let ordinal = ending.starts_with('р') && !ending['р'.len_utf8()..].starts_with(char::is_alphabetic);
            let placeholder = text[..at].rsplit('{').next().unwrap_or_default();
            let numeric = ["n", "count", "total", "first", "last"].contains(&placeholder);
            if !(ordinal && numeric) {
                attached.push(format!("{key}: {text}"));
            }
        }
    }
    assert!(attached.is_empty(), "case endings on inserted values:\n{}", attached.join("\n"));
}

#[test]
fn the_glossary_terms_are_used_and_its_refused_forms_are_not() {
    let messages = mongolian();
    let refused = [
        ("ЗНТ", "OGP is НЗТ"),
        ("суулга", "embed is шигтгэх; the compiled-in report is агуулагдсан"),
        ("уулгац", "embed is шигтгэх"),
        ("дүгнэсэн", "inferred is таамагласан"),
        ("хээхэн", "substantially is их хэмжээнд"),
    ];
    for (key, text) in &messages {
        for (form, rule) in refused {
            assert!(!text.contains(form), "{key}: “{form}” ({rule}): {text}");
        }
        // "ирээдүй" alone is "the future"; the adjective is "ирээдүйтэй".
        for (at, _) in text.match_indices("ирээдүй") {
            assert!(text[at..].starts_with("ирээдүйтэй"), "{key}: “ирээдүй” (promising is ирээдүйтэй): {text}");
        }
    }
    let all: String = messages.iter().map(|(_, text)| text.as_str()).collect::<Vec<_>>().join("\n");
    assert!(all.contains("Нээлттэй Засгийн Түншлэл"), "OGP is spelled out where a page first names it");
    for term in ["амлалт", "үйл ажиллагааны төлөвлөгөө", "анхны үр дүн", "хэрэгжилт", "зүүлт", "шигтгэх", "таамагласан"]
    {
        assert!(all.to_lowercase().contains(term), "the glossary's “{term}” is not used");
    }
}
