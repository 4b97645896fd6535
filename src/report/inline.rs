//! Inline text of a paragraph: plain text with footnote markers `[1]` (as published) and commitment
//! mentions written `[Commitment 3](commitment:3)`. Parsed into typed spans; never treated as HTML.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    Text(String),
    /// A footnote marker; shown as "[n]" like the published report.
    Footnote(u32),
    /// Words of the report that name a commitment, linked to it.
    Commitment {
        number: u32,
        text: String,
    },
}

impl Span {
    /// What a reader of the published report sees for this span.
    pub fn push_plain(&self, out: &mut String) {
        match self {
            Span::Text(text) | Span::Commitment { text, .. } => out.push_str(text),
            Span::Footnote(number) => {
                out.push('[');
                out.push_str(&number.to_string());
                out.push(']');
            }
        }
    }
}

pub fn plain_text(spans: &[Span]) -> String {
    let mut out = String::new();
    for span in spans {
        span.push_plain(&mut out);
    }
    out
}

/// Why inline text could not be parsed; `at` counts characters from the start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineError {
    pub at: usize,
    pub reason: String,
}

impl std::fmt::Display for InlineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at character {}", self.reason, self.at)
    }
}

const MENTION_TARGET: &str = "](commitment:";

pub fn parse(text: &str) -> Result<Vec<Span>, InlineError> {
    let mut spans = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    let mut chars_before = 0;
    while let Some(open) = rest.find(['[', ']']) {
        let at = chars_before + rest[..open].chars().count();
        if rest[open..].starts_with(']') {
            return Err(error(at, "unexpected ']'"));
        }
        plain.push_str(&rest[..open]);
        let (span, len) = parse_bracket(&rest[open..]).map_err(|reason| error(at, reason))?;
        if !plain.is_empty() {
            spans.push(Span::Text(std::mem::take(&mut plain)));
        }
        spans.push(span);
        chars_before = at + rest[open..open + len].chars().count();
        rest = &rest[open + len..];
    }
    plain.push_str(rest);
    if !plain.is_empty() {
        spans.push(Span::Text(plain));
    }
    Ok(spans)
}

fn error(at: usize, reason: &str) -> InlineError {
    InlineError { at, reason: reason.to_string() }
}

/// Parses the construct that starts at `[`; returns it and its length in bytes.
fn parse_bracket(s: &str) -> Result<(Span, usize), &'static str> {
    let close = s.find(']').ok_or("unclosed '['")?;
    let inner = &s[1..close];
    if inner.contains('[') {
        return Err("nested '['");
    }
    let after = &s[close..];
    if let Some(target) = after.strip_prefix(MENTION_TARGET) {
        let end = target.find(')').ok_or("unclosed commitment mention")?;
        let number = parse_number(&target[..end]).ok_or("commitment mention needs a number, as in (commitment:3)")?;
        if inner.trim().is_empty() {
            return Err("commitment mention without text");
        }
        let len = close + MENTION_TARGET.len() + end + 1;
        return Ok((Span::Commitment { number, text: inner.to_string() }, len));
    }
    if after.starts_with("](") {
        return Err("link target must be (commitment:N)");
    }
    let number = parse_number(inner)
        .ok_or("'[' starts neither a footnote marker like [1] nor a mention like [Commitment 3](commitment:3)")?;
    Ok((Span::Footnote(number), close + 1))
}

/// A positive decimal number without sign, spaces or leading zeros.
pub fn parse_number(s: &str) -> Option<u32> {
    if s.is_empty() || s.starts_with('0') || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Span {
        Span::Text(s.to_string())
    }

    #[test]
    fn parses_footnotes_and_mentions_into_spans() {
        let spans = parse("trade.[1] As [Commitment 3](commitment:3) and [4](commitment:4).").unwrap();
        assert_eq!(
            spans,
            vec![
                text("trade."),
                Span::Footnote(1),
                text(" As "),
                Span::Commitment { number: 3, text: "Commitment 3".into() },
                text(" and "),
                Span::Commitment { number: 4, text: "4".into() },
                text("."),
            ]
        );
        assert_eq!(plain_text(&spans), "trade.[1] As Commitment 3 and 4.");
    }

    #[test]
    fn markup_like_html_stays_text() {
        let spans = parse("<script>alert(1)</script> & “quotes”").unwrap();
        assert_eq!(spans, vec![text("<script>alert(1)</script> & “quotes”")]);
    }

    #[test]
    fn reports_the_character_position_of_bad_brackets() {
        let cases = [
            (
                "ab [x] c",
                3,
                "'[' starts neither a footnote marker like [1] nor a mention like [Commitment 3](commitment:3)",
            ),
            ("Mongolia’s [2", 11, "unclosed '['"),
            ("a ] b", 2, "unexpected ']'"),
            ("[a [1]]", 0, "nested '['"),
            ("[x](http://e.org)", 0, "link target must be (commitment:N)"),
            ("[x](commitment:)", 0, "commitment mention needs a number, as in (commitment:3)"),
            ("[x](commitment:3", 0, "unclosed commitment mention"),
            ("[ ](commitment:3)", 0, "commitment mention without text"),
            ("[0]", 0, "'[' starts neither a footnote marker like [1] nor a mention like [Commitment 3](commitment:3)"),
            (
                "é[1] [-1]",
                5,
                "'[' starts neither a footnote marker like [1] nor a mention like [Commitment 3](commitment:3)",
            ),
        ];
        for (input, at, reason) in cases {
            let err = parse(input).unwrap_err();
            assert_eq!((err.at, err.reason.as_str()), (at, reason), "{input}");
        }
    }

    #[test]
    fn numbers_are_plain_positive_decimals() {
        assert_eq!(parse_number("3"), Some(3));
        for bad in ["", "0", "03", "-1", "+1", "3.5", "abc", " 3", "99999999999"] {
            assert_eq!(parse_number(bad), None, "{bad:?}");
        }
    }
}
