//! Sentences of inline text, for quoting "every sentence that mentions commitment 3".

use super::inline::{plain_text, Span};

/// Splits spans into sentences. A sentence ends at `.`, `!` or `?` (after any closing quotes and
/// footnote markers) when whitespace and then an upper-case letter, digit or opening quote follow.
pub fn sentences(spans: &[Span]) -> Vec<Vec<Span>> {
    split_sentences(spans, &mut 0)
}

/// `sentences`, adding to `steps` each span and boundary it visits: a test holds that to the input's
/// size, since a bundle may hold one paragraph of 300,000 tiny sentences.
pub fn split_sentences(spans: &[Span], steps: &mut usize) -> Vec<Vec<Span>> {
    let boundaries = boundaries(&plain_text(spans));
    // Both are in reading order: one cursor walks the boundaries once across all spans.
    let mut next = 0;
    let mut sentences = vec![Vec::new()];
    let mut offset = 0;
    let mut plain = String::new();
    for span in spans {
        *steps += 1;
        plain.clear();
        span.push_plain(&mut plain);
        match span {
            Span::Text(text) => {
                let mut start = 0;
                while let Some(&at) = boundaries.get(next).filter(|&&at| at < offset + text.len()) {
                    *steps += 1;
                    next += 1;
                    if at < offset {
                        continue;
                    }
                    push_text(sentences.last_mut().unwrap(), &text[start..at - offset]);
                    sentences.push(Vec::new());
                    start = at - offset;
                }
                push_text(sentences.last_mut().unwrap(), &text[start..]);
            }
            _ => sentences.last_mut().unwrap().push(span.clone()),
        }
        offset += plain.len();
    }
    sentences.retain(|sentence| !sentence.is_empty());
    sentences
}

/// Byte offsets of the whitespace that separates two sentences.
fn boundaries(plain: &str) -> Vec<usize> {
    plain
        .char_indices()
        .filter(|&(i, c)| c.is_whitespace() && ends_sentence(&plain[..i]) && starts_sentence(&plain[i..]))
        .map(|(i, _)| i)
        .collect()
}

fn ends_sentence(before: &str) -> bool {
    let mut rest = before;
    loop {
        if let Some(stripped) = strip_footnote_marker(rest) {
            rest = stripped;
        } else if let Some(stripped) = rest.strip_suffix(['”', '"', '’', ')']) {
            rest = stripped;
        } else {
            return rest.ends_with(['.', '!', '?']);
        }
    }
}

/// Removes a trailing "[12]".
fn strip_footnote_marker(s: &str) -> Option<&str> {
    let inner = s.strip_suffix(']')?;
    let digits = inner.len() - inner.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    (digits > 0).then(|| &inner[..inner.len() - digits]).and_then(|s| s.strip_suffix('['))
}

fn starts_sentence(rest: &str) -> bool {
    let next = rest.trim_start().chars().next();
    next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '“' | '"'))
}

fn push_text(spans: &mut Vec<Span>, text: &str) {
    let text = if spans.is_empty() { text.trim_start() } else { text };
    if !text.is_empty() {
        spans.push(Span::Text(text.to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::super::inline::parse;
    use super::*;

    fn split(text: &str) -> Vec<String> {
        sentences(&parse(text).unwrap()).iter().map(|s| plain_text(s)).collect()
    }

    #[test]
    fn splits_after_terminators_quotes_and_footnotes() {
        assert_eq!(
            split("Trade.[1] Rates rose from 1.9% to 8.3%.[2] It was “narrowed.”[4] Done"),
            vec!["Trade.[1]", "Rates rose from 1.9% to 8.3%.[2]", "It was “narrowed.”[4]", "Done"]
        );
    }

    #[test]
    fn mentions_stay_inside_their_sentence() {
        let spans = parse("One. [Commitment 3](commitment:3) achieved results (4 and 8). Next one").unwrap();
        let parts = sentences(&spans);
        assert_eq!(parts.len(), 3);
        assert!(matches!(parts[1][0], Span::Commitment { number: 3, .. }));
        assert_eq!(plain_text(&parts[1]), "Commitment 3 achieved results (4 and 8).");
    }

    #[test]
    fn does_not_split_inside_numbers_or_before_lower_case() {
        assert_eq!(split("It rose 1.9 points. and more."), vec!["It rose 1.9 points. and more."]);
    }
}
