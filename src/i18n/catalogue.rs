//! A message catalogue: a flat JSON object from message key to text, with `{name}` placeholders.
//! Checked against the English one: every key present, no unknown key, the same placeholders.

use std::collections::BTreeMap;

use crate::report::{parse_json, Problem};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalogue {
    language: String,
    texts: BTreeMap<String, &'static str>,
}

impl Catalogue {
    pub fn language(&self) -> &str {
        &self.language
    }

    pub fn get(&self, key: &str) -> Option<&'static str> {
        self.texts.get(key).copied()
    }
}

/// Texts are kept for the page's lifetime (a catalogue is read once per page).
fn catalogue(language: &str, raw: BTreeMap<String, String>) -> Catalogue {
    let texts = raw.into_iter().map(|(key, text)| (key, &*text.leak())).collect();
    Catalogue { language: language.to_string(), texts }
}

/// The longest text a message may have, in characters (the longest today: 351). A catalogue comes from
/// the site's own files, but one that is wrong should be refused, not laid out.
pub const MAX_TEXT_CHARS: usize = 2_000;

/// The longest placeholder name looked for (`{report}`, `{title}`: a few letters).
const MAX_NAME: usize = 32;

/// Parses a catalogue and checks it: exactly the `required` keys (its users name them, `crate::labels`),
/// no empty text, none over `MAX_TEXT_CHARS`, and in another language than English the English text's
/// placeholders.
pub fn parse_catalogue(language: &str, json: &str, required: &[String]) -> Result<Catalogue, Vec<Problem>> {
    let raw: BTreeMap<String, String> = parse_json(json).map_err(|problem| vec![problem])?;
    // The English catalogue is what other languages are checked against.
    let english = (language != "en").then_some(super::english);
    let mut problems = Vec::new();
    for key in required {
        match raw.get(key) {
            None => problems.push(Problem { path: key.clone(), reason: "missing".to_string() }),
            Some(text) if text.trim().is_empty() => {
                problems.push(Problem { path: key.clone(), reason: "empty text".to_string() })
            }
            Some(text) if text.chars().nth(MAX_TEXT_CHARS).is_some() => problems.push(Problem {
                path: key.clone(),
                reason: format!("a text of {} characters: at most {MAX_TEXT_CHARS}", text.chars().count()),
            }),
            Some(text) => {
                if let Some(original) = english.and_then(|english| english(key)) {
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
    Ok(catalogue(language, raw))
}

/// The `{name}` placeholders of a text, sorted. Linear in the text (a `}` is looked for only as far as a
/// name can reach), also on a run of `{`.
fn placeholders(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| super::closing_brace(rest, MAX_NAME + 1).map(|close| &rest[..close]))
        .filter(|name| !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'))
        .collect();
    names.sort_unstable();
    names
}
