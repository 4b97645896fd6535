//! Where in a JSON text reading stopped, as a path (`commitments[3].title`). serde_json reports a line
//! and column; this walks the text up to there. It replaces serde_path_to_error, whose wrapper
//! deserializer doubled the deserialization code of every bundle type in the wasm (66 KB raw).

/// One open container on the way to the reading position.
enum Frame {
    /// In an object: the key read last, and whether the next string is a key.
    Object { key: Option<String>, expecting_key: bool },
    /// In an array: the index of the element being read.
    Array(usize),
}

/// The path of the value being read after the first `consumed` bytes of `json`; "(root)" outside
/// every container. Never panics, whatever the text or the number.
pub fn path_at(json: &str, consumed: usize) -> String {
    let bytes = &json.as_bytes()[..consumed.min(json.len())];
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let start = i + 1;
                i = start;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object { key, expecting_key: true }) = stack.last_mut() {
                    *key = Some(unescape(&bytes[start..i.min(bytes.len())]));
                }
            }
            b'{' => stack.push(Frame::Object { key: None, expecting_key: true }),
            b'[' => stack.push(Frame::Array(0)),
            b'}' | b']' => {
                stack.pop();
            }
            b':' => {
                if let Some(Frame::Object { expecting_key, .. }) = stack.last_mut() {
                    *expecting_key = false;
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key, expecting_key }) => (*key, *expecting_key) = (None, true),
                Some(Frame::Array(index)) => *index += 1,
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array(index) => path.push_str(&format!("[{index}]")),
        }
    }
    if path.is_empty() {
        "(root)".to_string()
    } else {
        path
    }
}

/// The byte offset just after `column` bytes of 1-based `line`, as serde_json counts them.
pub fn offset_of(json: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        json.bytes().enumerate().filter(|&(_, b)| b == b'\n').nth(line - 2).map_or(json.len(), |(i, _)| i + 1)
    };
    line_start.saturating_add(column)
}

/// A key's text with JSON escapes resolved where they are complete; the raw text otherwise.
fn unescape(raw: &[u8]) -> String {
    let raw = String::from_utf8_lossy(raw);
    if !raw.contains('\\') {
        return raw.into_owned();
    }
    serde_json::from_str::<String>(&format!("\"{raw}\"")).unwrap_or_else(|_| raw.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at_error<T: serde::de::DeserializeOwned + std::fmt::Debug>(json: &str) -> String {
        let error = serde_json::from_str::<T>(json).unwrap_err();
        path_at(json, offset_of(json, error.line(), error.column()))
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        n: u32,
        name: String,
    }

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Doc {
        items: Vec<Item>,
    }

    #[test]
    fn names_the_value_being_read() {
        assert_eq!(at_error::<Doc>(r#"{"items": [{"n": 1, "name": "a"}, {"n": "2", "name": "b"}]}"#), "items[1].n");
        assert_eq!(at_error::<Doc>("{\n \"items\": [\n  {\"n\": 1}\n ]\n}"), "items[0]", "missing field: the object");
        assert_eq!(at_error::<Doc>(r#"{"items": [{"n": 1, "name": "a", "extra": 0}]}"#), "items[0].extra");
        assert_eq!(at_error::<Doc>(r#"{"items": [{"n": 1, "name": "a"}]} x"#), "(root)");
        assert_eq!(at_error::<Doc>(r#"{"items": [{"n": 1, "name": "unfinish"#), "items[0].name");
        assert_eq!(at_error::<Doc>("not json"), "(root)");
    }

    #[test]
    fn escaped_keys_and_strings_do_not_confuse_it() {
        assert_eq!(at_error::<Doc>(r#"{"it\u0065ms": [{"n": 1, "name": "a \" ] } , x"}, {"n": -1}]}"#), "items[1].n");
    }

    #[test]
    fn any_offset_is_safe() {
        for json in ["", "\"", "[\"\\", "{\"a\\", "ü{[", "\n\n"] {
            for offset in 0..8 {
                path_at(json, offset);
                offset_of(json, offset, offset);
            }
        }
        assert_eq!(offset_of("ab\ncd\nef", 3, 1), 7);
        assert_eq!(offset_of("ab", 9, 1), 3);
    }
}
