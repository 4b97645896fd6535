//! The interface's words: message catalogues (English compiled in, Mongolian fetched on demand), the
//! reader's language, and number formatting. Plain Rust: views, charts and tables all ask `t`.
//! The report's own text is never translated here; it stays as its bundle publishes it.

mod catalogue;
mod keys;

use std::sync::OnceLock;

pub use catalogue::{parse_catalogue, Catalogue};
pub use keys::Msg;

// `ENGLISH_TEXTS` (by message) and `ENGLISH_ENTRIES` (every key, sorted), written by `build.rs` from
// `locales/en.json`: the start reads no catalogue JSON.
include!(concat!(env!("OUT_DIR"), "/english.rs"));

/// Languages with a catalogue; the first is the default and is compiled in.
pub const LANGUAGES: [(&str, &str); 2] = [("en", "English"), ("mn", "Монгол")];
/// The English catalogue as published beside the app (`locales/en.json`); the app reads `ENGLISH_TEXTS`.
#[cfg(not(target_arch = "wasm32"))]
pub const ENGLISH_CATALOGUE: &str = include_str!("../../locales/en.json");
/// Where a fetched catalogue lives, relative to the app's base address.
pub fn catalogue_path(language: &str) -> String {
    format!("locales/{language}.json")
}

static CURRENT: OnceLock<Catalogue> = OnceLock::new();

/// The English text of a catalogue key (a message or a label); `None` if English has no such key.
pub fn english(key: &str) -> Option<&'static str> {
    ENGLISH_ENTRIES.binary_search_by(|(k, _)| (*k).cmp(key)).ok().map(|i| ENGLISH_ENTRIES[i].1)
}

/// Chooses the interface's catalogue, once per page; later calls change nothing.
pub fn use_catalogue(catalogue: Catalogue) {
    let _ = CURRENT.set(catalogue);
    crate::report::ids::set_label_source(label);
}

/// The interface language's code (`en`, `mn`).
pub fn language() -> &'static str {
    CURRENT.get().map_or(LANGUAGES[0].0, Catalogue::language)
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
    let english = ENGLISH_TEXTS[msg as usize];
    CURRENT.get().map_or(english, |catalogue| catalogue.get(msg.key()).unwrap_or(english))
}

/// A message with its `{name}` placeholders filled in.
pub fn tf(msg: Msg, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    fill(t(msg), args)
}

/// A message template cut at its placeholders: text as it is, and which argument goes where.
#[derive(Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Arg(usize),
}

/// Cuts `template` at each `{name}` that `names` lists, in one pass: the values that later fill it are
/// never read again, so a reader's `{last}` typed into an address stays `{last}` instead of becoming
/// the site's own figure. An unknown `{…}` stays text.
pub fn pieces<'a>(template: &'a str, names: &[&str]) -> Vec<Piece<'a>> {
    let mut out = Vec::new();
    let mut rest = template;
    // How much of `rest` is known to hold no placeholder (an unknown `{…}` is skipped, not cut).
    let mut scanned = 0;
    // A `}` is looked for only as far as the longest name reaches: linear in the text, also on a run of `{`.
    let reach = names.iter().map(|name| name.len()).max().unwrap_or(0) + 1;
    while let Some(open) = rest[scanned..].find('{').map(|i| scanned + i) {
        let after = &rest[open + 1..];
        let arg = closing_brace(after, reach)
            .and_then(|close| names.iter().position(|name| *name == &after[..close]).map(|i| (i, open + close + 2)));
        match arg {
            Some((i, next)) => {
                if open > 0 {
                    out.push(Piece::Text(&rest[..open]));
                }
                out.push(Piece::Arg(i));
                rest = &rest[next..];
                scanned = 0;
            }
            None => scanned = open + 1,
        }
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

/// Where the first `}` of `text` is, if within its first `reach` bytes (a `}` is one byte: the index is
/// a char boundary).
pub(crate) fn closing_brace(text: &str, reach: usize) -> Option<usize> {
    let window = &text.as_bytes()[..reach.min(text.len())];
    #[cfg(test)]
    tests::EXAMINED.with(|examined| examined.set(examined.get() + window.len()));
    window.iter().position(|&b| b == b'}')
}

fn fill(template: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    use std::fmt::Write;
    let names: Vec<&str> = args.iter().map(|(name, _)| *name).collect();
    let mut out = String::with_capacity(template.len());
    for piece in pieces(template, &names) {
        let _ = match piece {
            Piece::Text(text) => out.write_str(text),
            Piece::Arg(i) => write!(out, "{}", args[i].1),
        };
    }
    out
}

/// The label of a rating level or option (`Completion.limited`), for `report::ids`.
fn label(kind: &str, id: &str) -> Option<&'static str> {
    let key = format!("{kind}.{id}");
    CURRENT.get().and_then(|catalogue| catalogue.get(&key)).or_else(|| english(&key))
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

    thread_local! {
        /// Bytes looked at for a closing brace: the work of a scan, counted (not timed).
        pub static EXAMINED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    #[test]
    fn a_megabyte_of_braces_is_scanned_in_linear_steps_and_refused() {
        let braces = "{".repeat(1 << 20);
        EXAMINED.with(|examined| examined.set(0));
        assert_eq!(pieces(&braces, &["report", "title"]), [Piece::Text(&braces)]);
        let steps = EXAMINED.with(std::cell::Cell::get);
        assert!(steps <= 7 * braces.len(), "{steps} bytes looked at for {} of text", braces.len());
        // As a catalogue text it is refused for its length, before any placeholder is looked for.
        let json = format!("{{\"nav.menu\": \"{braces}\"}}");
        EXAMINED.with(|examined| examined.set(0));
        let problems = parse_catalogue("mn", &json, &["nav.menu".to_string()]).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert!(problems[0].reason.contains("1048576 characters: at most 2000"), "{}", problems[0].reason);
        assert_eq!(EXAMINED.with(std::cell::Cell::get), 0);
    }

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
        assert_eq!(fill("{unknown} {n} {", &[("n", &1)]), "{unknown} 1 {");
        assert_eq!(
            pieces("a {x}{y} b", &["y", "x"]),
            [Piece::Text("a "), Piece::Arg(1), Piece::Arg(0), Piece::Text(" b")]
        );
    }

    #[test]
    fn a_value_is_never_filled_again() {
        let typed = "{last}";
        let message = fill(
            "No commitment “{value}”; they are numbered {first} to {last}.",
            &[("value", &typed), ("first", &1), ("last", &9)],
        );
        assert_eq!(message, "No commitment “{last}”; they are numbered 1 to 9.");
    }

    #[test]
    fn english_numbers_group_thousands_with_commas() {
        assert_eq!(number(0), "0");
        assert_eq!(number(999), "999");
        assert_eq!(number(1000), "1,000");
        assert_eq!(number(2_097_152), "2,097,152");
    }
}
