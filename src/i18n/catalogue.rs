//! A message catalogue: a flat JSON object from message key to text, with `{name}` placeholders.
//! Checked against the English one: every key present, no unknown key, the same placeholders.

use std::collections::BTreeMap;

use super::keys::Msg;
use crate::report::{parse_json, Problem};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalogue {
    language: String,
    texts: BTreeMap<String, &'static str>,
}

impl Catalogue {
    pub fn empty(language: &str) -> Self {
        Catalogue { language: language.to_string(), texts: BTreeMap::new() }
    }

    pub fn language(&self) -> &str {
        &self.language
    }

    pub fn get(&self, key: &str) -> Option<&'static str> {
        self.texts.get(key).copied()
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.texts.keys().map(String::as_str)
    }
}

/// Every key a catalogue must have: the messages, and a label for each rating level and option.
pub fn required_keys() -> Vec<String> {
    let mut keys: Vec<String> = Msg::ALL.iter().map(|msg| msg.key().to_string()).collect();
    keys.extend(labelled_ids().into_iter().map(|(kind, id, _)| format!("{kind}.{id}")));
    keys
}

/// Every value with a reader's label, as `(type name, id, English label)`: each is a catalogue key
/// `Type.id` (`Completion.limited`).
pub fn labelled_ids() -> Vec<(&'static str, &'static str, &'static str)> {
    fn all<T: Copy>(
        kind: &'static str,
        values: &[T],
        id: fn(T) -> &'static str,
        label: fn(T) -> &'static str,
    ) -> Vec<(&'static str, &'static str, &'static str)> {
        values.iter().map(|&v| (kind, id(v), label(v))).collect()
    }
    use crate::report::rating::{Completion, EarlyResults};
    use crate::scorecard::{Column, CompletionFilter, PromisingFilter};
    [
        all("Completion", Completion::ALL, Completion::id, Completion::english_label),
        all("EarlyResults", EarlyResults::ALL, EarlyResults::id, EarlyResults::english_label),
        all("Column", Column::ALL, Column::id, Column::english_label),
        all("CompletionFilter", CompletionFilter::ALL, CompletionFilter::id, CompletionFilter::english_label),
        all("PromisingFilter", PromisingFilter::ALL, PromisingFilter::id, PromisingFilter::english_label),
        all("ChartId", crate::charts::ChartId::ALL, crate::charts::ChartId::id, crate::charts::ChartId::english_label),
        crate::report::rating::RANGE_PHRASES.iter().map(|&(id, text)| ("CompletionRange", id, text)).collect(),
    ]
    .concat()
}

/// Parses a catalogue and checks it against the English one (for English itself, against the keys).
/// Texts are kept for the page's lifetime (a catalogue is read once per page).
pub fn parse_catalogue(language: &str, json: &str) -> Result<Catalogue, Vec<Problem>> {
    let raw: BTreeMap<String, String> = parse_json(json).map_err(|problem| vec![problem])?;
    let required = required_keys();
    // The English catalogue, parsed once per page, is what other languages are checked against.
    let english = (language != "en").then(super::english);
    let mut problems = Vec::new();
    for key in &required {
        match raw.get(key) {
            None => problems.push(Problem { path: key.clone(), reason: "missing".to_string() }),
            Some(text) if text.trim().is_empty() => {
                problems.push(Problem { path: key.clone(), reason: "empty text".to_string() })
            }
            Some(text) => {
                if let Some(original) = english.and_then(|english| english.get(key)) {
                    let (want, have) = (placeholders(original), placeholders(text));
                    if want != have {
                        problems.push(Problem {
                            path: key.clone(),
                            reason: format!("placeholders {have:?} differ from the English {want:?}"),
                        });
                    }
                }
            }
        }
    }
    for key in raw.keys().filter(|key| !required.contains(key)) {
        problems.push(Problem { path: key.clone(), reason: "unknown key".to_string() });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let texts = raw.into_iter().map(|(key, text)| (key, &*text.leak())).collect();
    Ok(Catalogue { language: language.to_string(), texts })
}

/// The `{name}` placeholders of a text, sorted.
fn placeholders(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .filter(|name| !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'))
        .collect();
    names.sort_unstable();
    names
}
