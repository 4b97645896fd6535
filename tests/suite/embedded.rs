//! What the build writes out so the app's start need not do it: the embedded report's model (generated
//! Rust) and the English catalogue (a table by message) equal what reading their JSON gives.

use std::collections::BTreeMap;

use irm_report::i18n::{self, Msg, ENGLISH_CATALOGUE, ENGLISH_ENTRIES, ENGLISH_TEXTS};
use irm_report::report::{load, EMBEDDED_BUNDLE};

#[test]
fn the_generated_model_is_the_validated_bundle() {
    let loaded = load(EMBEDDED_BUNDLE).expect("the embedded bundle validates");
    assert_eq!(irm_report::embedded::report(), &loaded);
}

#[test]
fn the_english_table_holds_every_text_of_the_catalogue() {
    let json: BTreeMap<String, String> = serde_json::from_str(ENGLISH_CATALOGUE).unwrap();
    assert_eq!(ENGLISH_TEXTS.len(), Msg::ALL.len());
    for msg in Msg::ALL {
        assert_eq!(ENGLISH_TEXTS[*msg as usize], json[msg.key()], "{}", msg.key());
        assert_eq!(i18n::t(*msg), json[msg.key()], "{}", msg.key());
    }
    let entries: Vec<(String, String)> = ENGLISH_ENTRIES.iter().map(|(k, t)| (k.to_string(), t.to_string())).collect();
    assert_eq!(entries, json.into_iter().collect::<Vec<_>>(), "every key, sorted (for the binary search)");
    assert_eq!(i18n::english("Completion.limited"), Some("Limited"));
    assert_eq!(i18n::english("no.such.key"), None);
}

#[test]
fn sentences_are_split_once_and_kept() {
    let paragraph = &irm_report::embedded::report().sections[0].paragraphs[0];
    let first = paragraph.sentences().as_ptr();
    assert!(!paragraph.sentences().is_empty());
    assert_eq!(paragraph.sentences().as_ptr(), first, "the second call reads what the first split");
}
