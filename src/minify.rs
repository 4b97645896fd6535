//! The style sheet as it ships: without comments and spare spaces (they are bytes every first visit pays
//! before its first paint). Only what cannot change a rule's meaning is removed: comments, runs of
//! white space (made one space), spaces beside `{ } ; , >` and a `;` before `}`. Strings are kept as
//! they are.

pub fn css(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut chars = source.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut previous = ' ';
                for c in chars.by_ref() {
                    if previous == '*' && c == '/' {
                        break;
                    }
                    previous = c;
                }
                space = true;
            }
            '"' | '\'' => {
                push_space(&mut out, &mut space, c);
                out.push(c);
                let mut escaped = false;
                for s in chars.by_ref() {
                    out.push(s);
                    if !escaped && s == c {
                        break;
                    }
                    escaped = !escaped && s == '\\';
                }
            }
            c if c.is_whitespace() => space = true,
            '}' if out.ends_with(';') => {
                out.pop();
                out.push('}');
                space = false;
            }
            c => {
                push_space(&mut out, &mut space, c);
                out.push(c);
            }
        }
    }
    out
}

/// A pending space is written before `next` unless either side is punctuation that needs none.
fn push_space(out: &mut String, space: &mut bool, next: char) {
    let tight = |c: char| matches!(c, '{' | '}' | ';' | ',' | '>');
    if std::mem::take(space) && !out.is_empty() && !tight(next) && !out.ends_with(tight) {
        out.push(' ');
    }
}

#[cfg(test)]
mod tests {
    use super::css;

    #[test]
    fn comments_and_spare_spaces_go_and_meaning_stays() {
        assert_eq!(
            css("/* a */\n:root {\n  --x: light-dark(#fff, #000);\n}\na > b ,  c { color : red ; }\n"),
            ":root{--x: light-dark(#fff,#000)}a>b,c{color : red}"
        );
        // A descendant combinator before a pseudo-class keeps its space: `a :is(b)` is not `a:is(b)`.
        assert_eq!(css(".t tbody :is(th, td) { x: 1 }"), ".t tbody :is(th,td){x: 1}");
        // Strings are kept, spaces, braces, comment marks and escaped quotes included.
        assert_eq!(
            css(r#"a::after { content: " <" attr(href) ">  /* no */ \" ; }" }"#),
            r#"a::after{content: " <" attr(href) ">  /* no */ \" ; }"}"#
        );
        assert_eq!(css("@media (max-width: 40rem) {\n  a { b: c; }\n}"), "@media (max-width: 40rem){a{b: c}}");
    }
}
