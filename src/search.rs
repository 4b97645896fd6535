//! Full-text search over the report: commitments, observations, paragraphs and footnotes. Plain Rust.
//! Matching ignores case and accents in Latin and Cyrillic text (`é` = `e`, `Ё` = `е`) and typographic
//! quotes and dashes; each query word must start a word of the text (so typing finds words as they grow).
//! Hits carry the matched ranges of the original text, for highlighting.

use crate::report::{Report, Span};

/// What a hit is; results are grouped in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Commitment,
    Observation,
    Paragraph,
    Footnote,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Commitment, Kind::Observation, Kind::Paragraph, Kind::Footnote];
}

/// Where a hit leads, as an in-app path (`/commitments/3`, `/#observation-2`, `/#summary-p1`, `/sources/4`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub kind: Kind,
    /// The commitment, observation or footnote number; for a paragraph, its section's or observation's.
    pub number: Option<u32>,
    /// A heading for the hit: the commitment's or observation's title, a paragraph's section heading.
    pub context: Option<String>,
    pub text: String,
    pub path: String,
}

/// The report's searchable documents with their folded text, built once per report.
pub struct Index {
    documents: Vec<(Document, Folded)>,
}

/// One search result: the document and its text cut to an excerpt, split into plain and matched parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit<'a> {
    pub document: &'a Document,
    pub excerpt: Vec<Part>,
    /// Matched words; more is better.
    pub score: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub text: String,
    pub matched: bool,
}

/// Characters of context shown on each side of the first match in a long text.
const EXCERPT_CONTEXT: usize = 90;
/// Shortest query word searched for (one letter would match half the report).
const MIN_TERM_CHARS: usize = 2;
/// Longest query read: the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 200;

/// A query as read from an address: at most `MAX_QUERY_CHARS`, so that a link with a megabyte of `?q=`
/// neither fills the search box nor makes the next keystroke's address too long for the browser.
pub fn clip_query(query: &str) -> String {
    query.chars().take(MAX_QUERY_CHARS).collect()
}

impl Index {
    pub fn new(report: &Report) -> Self {
        let mut documents = Vec::new();
        for c in &report.commitments {
            let mut text = c.title().unwrap_or_default().to_string();
            if let Some(reference) = &c.reference {
                for item in reference.lead_institutions.iter().chain(&reference.policy_areas) {
                    text.push_str(" · ");
                    text.push_str(item);
                }
            }
            documents.push(Document {
                kind: Kind::Commitment,
                number: Some(c.number),
                context: c.title().map(str::to_string),
                text,
                path: crate::routes::commitment(c.number),
            });
        }
        for section in &report.sections {
            for o in &section.observations {
                documents.push(Document {
                    kind: Kind::Observation,
                    number: Some(o.number),
                    context: None,
                    text: o.title.clone(),
                    path: crate::routes::report_anchor(&o.id),
                });
            }
        }
        for place in report.paragraphs() {
            let (observation, context) = match place.observation {
                Some(o) => (Some(o.number), Some(o.title.clone())),
                None => (None, place.section.heading.clone()),
            };
            documents.push(paragraph(observation, context, &place.paragraph.id, &place.paragraph.spans));
        }
        for f in &report.footnotes {
            documents.push(Document {
                kind: Kind::Footnote,
                number: Some(f.number),
                context: None,
                text: f.citation.clone(),
                path: crate::routes::source(f.number),
            });
        }
        Index { documents: documents.into_iter().map(|d| (Folded::new(&d.text), d)).map(|(f, d)| (d, f)).collect() }
    }

    pub fn len(&self) -> usize {
        self.documents.len()
    }

    pub fn is_empty(&self) -> bool {
        self.documents.is_empty()
    }

    /// Documents containing every word of `query`, grouped by kind, best first within a kind.
    pub fn search(&self, query: &str) -> Vec<Hit<'_>> {
        let terms = terms(query);
        if terms.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<(usize, Hit)> = self
            .documents
            .iter()
            .enumerate()
            .filter_map(|(order, (document, folded))| {
                let mut ranges = Vec::new();
                for term in &terms {
                    let found = folded.find_word_starts(term);
                    if found.is_empty() {
                        return None;
                    }
                    ranges.extend(found);
                }
                let score = ranges.len();
                let excerpt = excerpt(&document.text, merge(ranges));
                Some((order, Hit { document, excerpt, score }))
            })
            .collect();
        hits.sort_by(|(a_order, a), (b_order, b)| {
            (a.document.kind, std::cmp::Reverse(a.score), a_order).cmp(&(
                b.document.kind,
                std::cmp::Reverse(b.score),
                b_order,
            ))
        });
        hits.into_iter().map(|(_, hit)| hit).collect()
    }
}

fn paragraph(number: Option<u32>, context: Option<String>, id: &str, spans: &[Span]) -> Document {
    Document {
        kind: Kind::Paragraph,
        number,
        context,
        text: crate::report::inline::plain_text(spans),
        path: crate::routes::report_anchor(id),
    }
}

/// The query's words, folded; words shorter than two letters are dropped unless they are digits.
pub fn terms(query: &str) -> Vec<String> {
    let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
    let folded = Folded::new(&query).text;
    let mut terms: Vec<String> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| t.chars().count() >= MIN_TERM_CHARS || t.chars().all(|c| c.is_ascii_digit()))
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect();
    terms.sort();
    terms.dedup();
    terms
}

/// Text folded for matching, with each folded byte's position in the original text.
struct Folded {
    text: String,
    /// For each byte of `text`, plus one past the end: the byte offset of the original character it came from.
    origin: Vec<usize>,
}

impl Folded {
    fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len() + 1);
        for (at, c) in original.char_indices() {
            for lower in c.to_lowercase() {
                let before = text.len();
                fold_char(lower, &mut text);
                origin.extend(std::iter::repeat_n(at, text.len() - before));
            }
        }
        origin.push(original.len());
        Folded { text, origin }
    }

    /// Original byte ranges where `term` starts a word.
    fn find_word_starts(&self, term: &str) -> Vec<(usize, usize)> {
        self.text
            .match_indices(term)
            .filter(|(at, _)| self.text[..*at].chars().next_back().is_none_or(|c| !c.is_alphanumeric()))
            .map(|(at, _)| (self.origin[at], self.original_end(at + term.len())))
            .collect()
    }

    /// The end of the original character that folded byte `end - 1` came from.
    fn original_end(&self, end: usize) -> usize {
        let start = self.origin[end - 1];
        // The next original character starts at the first later origin that differs.
        self.origin[end..].iter().copied().find(|&o| o != start).unwrap_or(start)
    }
}

/// Appends `c` (already lower-case) without its accent; combining marks vanish.
fn fold_char(c: char, out: &mut String) {
    let folded: &str = match c {
        '\u{0300}'..='\u{036F}' => "",
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'æ' => "ae",
        'œ' => "oe",
        'ß' => "ss",
        'þ' => "th",
        // Cyrillic letters that are a base letter with a mark (Unicode decomposes them); Mongolian ө and ү
        // are letters of their own and stay.
        'ё' => "е",
        'й' => "и",
        'ї' => "і",
        'ў' => "у",
        // Typographic punctuation typed plainly.
        '\u{2018}' | '\u{2019}' | '\u{02BC}' => "'",
        '\u{201C}' | '\u{201D}' => "\"",
        '\u{2010}'..='\u{2015}' | '\u{2212}' => "-",
        _ => {
            out.push(c);
            return;
        }
    };
    out.push_str(folded);
}

/// Overlapping or touching ranges joined, in order.
fn merge(mut ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (start, end) in ranges {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

/// `text` around its first match (whole if short), split into plain and matched parts.
fn excerpt(text: &str, ranges: Vec<(usize, usize)>) -> Vec<Part> {
    let first = ranges.first().map_or(0, |r| r.0);
    let from = if first > EXCERPT_CONTEXT * 2 { char_boundary_before(text, first - EXCERPT_CONTEXT) } else { 0 };
    let limit = from + EXCERPT_CONTEXT * 4;
    let to = if text.len() > limit { char_boundary_before(text, limit) } else { text.len() };
    let mut parts = Vec::new();
    let mut push = |text: &str, matched: bool| {
        if !text.is_empty() {
            parts.push(Part { text: text.to_string(), matched });
        }
    };
    if from > 0 {
        push("…", false);
    }
    let mut at = from;
    for (start, end) in ranges.into_iter().filter(|&(start, end)| end > from && start < to) {
        let (start, end) = (start.max(from), end.min(to));
        push(&text[at..start], false);
        push(&text[start..end], true);
        at = end;
    }
    push(&text[at..to], false);
    if to < text.len() {
        push("…", false);
    }
    parts
}

/// The last character boundary at or before `at`, moved back to a space when one is near.
fn char_boundary_before(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    match text[..at].rfind(' ') {
        Some(space) if at - space < 20 => space + 1,
        _ => at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_case_and_accents_in_latin_and_cyrillic() {
        assert_eq!(Folded::new("Ÿves CAFÉ Ёлка Дархан-Уул ÖRGÖÖ Ү").text, "yves cafe елка дархан-уул orgoo ү");
        assert_eq!(Folded::new("Cafe\u{0301}").text, "cafe", "a combining accent (NFD) vanishes");
        assert_eq!(Folded::new("Government’s “open” — data").text, "government's \"open\" - data");
    }

    #[test]
    fn matched_ranges_point_into_the_original_text() {
        let folded = Folded::new("Ä café and CAFÉ; Straße");
        let text = "Ä café and CAFÉ; Straße";
        let found: Vec<&str> = folded.find_word_starts("cafe").iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(found, ["café", "CAFÉ"]);
        let found: Vec<&str> = folded.find_word_starts("strasse").iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(found, ["Straße"]);
    }

    #[test]
    fn words_match_at_word_starts_only() {
        let folded = Folded::new("transparency and parent");
        assert_eq!(folded.find_word_starts("par").len(), 1, "not inside transparency");
        assert_eq!(folded.find_word_starts("trans").len(), 1);
    }

    #[test]
    fn query_terms_are_folded_deduplicated_and_short_ones_dropped() {
        assert_eq!(terms("  Open a DATA, open! 3 "), ["3", "data", "open"]);
        assert_eq!(terms("Ёрөнхий"), ["ерөнхии"]);
        assert!(terms("a , .").is_empty());
        assert_eq!(terms(&"x".repeat(10_000))[0].len(), MAX_QUERY_CHARS);
        assert_eq!(clip_query(&"é".repeat(10_000)).chars().count(), MAX_QUERY_CHARS);
    }

    #[test]
    fn excerpts_cut_long_text_around_the_first_match() {
        let text = format!("{} needle {}", "hay ".repeat(100), "straw ".repeat(100));
        let at = text.find("needle").unwrap();
        let parts = excerpt(&text, vec![(at, at + 6)]);
        assert_eq!(parts.first().unwrap().text, "…");
        assert_eq!(parts.last().unwrap().text, "…");
        assert!(parts.iter().any(|p| p.matched && p.text == "needle"));
        let shown: usize = parts.iter().map(|p| p.text.len()).sum();
        assert!(shown < 400, "{shown}");
        let short = excerpt("a needle here", vec![(2, 8)]);
        assert_eq!(
            short,
            [
                Part { text: "a ".into(), matched: false },
                Part { text: "needle".into(), matched: true },
                Part { text: " here".into(), matched: false }
            ]
        );
    }

    #[test]
    fn overlapping_ranges_merge() {
        assert_eq!(merge(vec![(5, 9), (0, 3), (2, 4), (9, 12)]), [(0, 4), (5, 12)]);
    }
}
