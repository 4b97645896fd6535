//! The interface's words: message catalogues (English compiled in, Mongolian fetched on demand), the
//! reader's language, and number formatting. Plain Rust: views, charts and tables all ask `t`.
//! The report's own text is never translated here; it stays as its bundle publishes it.

mod catalogue;
mod keys;

use std::sync::OnceLock;

pub use catalogue::{parse_catalogue, read_catalogue, Catalogue};
pub use keys::Msg;

/// Languages with a catalogue; the first is the default and is compiled in.
pub const LANGUAGES: [(&str, &str); 2] = [("en", "English"), ("mn", "Монгол")];
pub const ENGLISH_CATALOGUE: &str = include_str!("../../locales/en.json");
/// Where a fetched catalogue lives, relative to the app's base address.
pub fn catalogue_path(language: &str) -> String {
    format!("locales/{language}.json")
}

static ENGLISH: OnceLock<Catalogue> = OnceLock::new();
static CURRENT: OnceLock<Catalogue> = OnceLock::new();

fn english() -> &'static Catalogue {
    // A test and the build's own check keep the English catalogue valid; an empty one is the last resort.
    ENGLISH.get_or_init(|| read_catalogue("en", ENGLISH_CATALOGUE).unwrap_or_else(|_| Catalogue::empty("en")))
}

/// The catalogue in use: the one `use_catalogue` set at start-up, else English.
pub fn current() -> &'static Catalogue {
    CURRENT.get().unwrap_or_else(english)
}

/// Chooses the interface's catalogue, once per page; later calls change nothing.
pub fn use_catalogue(catalogue: Catalogue) {
    let _ = CURRENT.set(catalogue);
    crate::report::ids::set_label_source(label);
}

/// The interface language's code (`en`, `mn`).
pub fn language() -> &'static str {
    current().language()
}

/// A language's name in the interface language (`en` → "English" / "англи хэл"); the code if unknown.
pub fn language_name(code: &str) -> String {
    match code {
        "en" => t(Msg::LanguageNameEn).to_string(),
        "mn" => t(Msg::LanguageNameMn).to_string(),
        other => other.to_string(),
    }
}

/// A message in the interface language.
pub fn t(msg: Msg) -> &'static str {
    current().get(msg.key()).or_else(|| english().get(msg.key())).unwrap_or(msg.key())
}

/// A message with its `{name}` placeholders filled in.
pub fn tf(msg: Msg, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    fill(t(msg), args)
}

fn fill(template: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}

/// The label of a rating level or option (`Completion.limited`), for `report::ids`.
fn label(kind: &str, id: &str) -> Option<&'static str> {
    let key = format!("{kind}.{id}");
    current().get(&key).or_else(|| english().get(&key))
}

/// A whole number with the interface language's digit grouping (`12,345` / `12 345`).
pub fn number(value: u64) -> String {
    let digits = value.to_string();
    let separator = t(Msg::NumberGroupSeparator);
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * separator.len());
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(digit);
    }
    out
}

/// Picks the interface language: `?lang=`, then the reader's saved choice, then the browser's languages,
/// then English. Only languages with a catalogue are chosen.
pub fn choose_language<'a>(
    query: Option<&'a str>,
    saved: Option<&'a str>,
    browser: impl IntoIterator<Item = &'a str>,
) -> &'static str {
    let supported = |tag: &str| {
        let primary = tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        LANGUAGES.iter().map(|(code, _)| *code).find(|code| *code == primary)
    };
    query
        .and_then(supported)
        .or_else(|| saved.and_then(supported))
        .or_else(|| browser.into_iter().find_map(supported))
        .unwrap_or(LANGUAGES[0].0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_wins_then_the_saved_choice_then_the_browser() {
        assert_eq!(choose_language(Some("mn"), Some("en"), ["en-US"]), "mn");
        assert_eq!(choose_language(Some("xx"), Some("mn"), ["en-US"]), "mn", "an unknown ?lang= is ignored");
        assert_eq!(choose_language(None, None, ["de-DE", "mn-MN", "en"]), "mn");
        assert_eq!(choose_language(None, None, ["MN"]), "mn");
        assert_eq!(choose_language(None, None, ["de"]), "en");
        assert_eq!(choose_language(None, Some("<script>"), []), "en");
    }

    #[test]
    fn placeholders_are_filled_by_name() {
        assert_eq!(fill("{n} of {total}", &[("total", &9), ("n", &4)]), "4 of 9");
        assert_eq!(fill("no placeholder", &[("n", &1)]), "no placeholder");
    }

    #[test]
    fn english_numbers_group_thousands_with_commas() {
        assert_eq!(number(0), "0");
        assert_eq!(number(999), "999");
        assert_eq!(number(1000), "1,000");
        assert_eq!(number(2_097_152), "2,097,152");
    }
}
