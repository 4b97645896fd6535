//! Which of many quotes occur in one text, in a single pass over it (Aho–Corasick): the work grows
//! with the text plus the quotes, never with their product, so that a bundle of many quotes and a long
//! text cannot freeze the tab that validates it.

/// One state of the automaton: the quotes' common prefixes form a trie.
#[derive(Default)]
struct Node {
    /// Children by byte, in insertion order (at most 256; usually one or two).
    next: Vec<(u8, usize)>,
    /// The longest proper suffix of this node's prefix that is also in the trie.
    fail: usize,
    /// Reached while reading the text: every suffix of it has been seen too.
    seen: bool,
}

impl Node {
    fn child(&self, byte: u8) -> Option<usize> {
        self.next.iter().find(|(b, _)| *b == byte).map(|(_, node)| *node)
    }
}

/// For each needle, whether it occurs in `text`; `steps` counts the automaton's moves (a test holds it
/// to the size of the input). An empty needle occurs everywhere.
pub fn occur_in(text: &str, needles: &[&str], steps: &mut usize) -> Vec<bool> {
    let mut nodes = vec![Node::default()];
    let mut ends = Vec::with_capacity(needles.len());
    for needle in needles {
        let mut at = 0;
        for &byte in needle.as_bytes() {
            *steps += 1;
            at = match nodes[at].child(byte) {
                Some(child) => child,
                None => {
                    nodes.push(Node::default());
                    let child = nodes.len() - 1;
                    nodes[at].next.push((byte, child));
                    child
                }
            };
        }
        ends.push(at);
    }
    link_failures(&mut nodes, steps);
    let mut at = 0;
    for &byte in text.as_bytes() {
        loop {
            *steps += 1;
            if let Some(child) = nodes[at].child(byte) {
                at = child;
                break;
            }
            if at == 0 {
                break;
            }
            at = nodes[at].fail;
        }
        // Mark this prefix and its suffixes; a marked node's suffixes are marked already, so each node
        // is marked once over the whole text.
        let mut suffix = at;
        while suffix != 0 && !nodes[suffix].seen {
            *steps += 1;
            nodes[suffix].seen = true;
            suffix = nodes[suffix].fail;
        }
    }
    ends.into_iter().map(|end| end == 0 || nodes[end].seen).collect()
}

/// Failure links, breadth first: a node's link is found from its parent's.
fn link_failures(nodes: &mut [Node], steps: &mut usize) {
    let mut queue: std::collections::VecDeque<usize> = nodes[0].next.iter().map(|(_, child)| *child).collect();
    while let Some(parent) = queue.pop_front() {
        for i in 0..nodes[parent].next.len() {
            let (byte, child) = nodes[parent].next[i];
            let mut fallback = nodes[parent].fail;
            nodes[child].fail = loop {
                *steps += 1;
                match nodes[fallback].child(byte) {
                    Some(node) if node != child => break node,
                    _ if fallback == 0 => break 0,
                    _ => fallback = nodes[fallback].fail,
                }
            };
            queue.push_back(child);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::occur_in;

    fn occur(text: &str, needles: &[&str]) -> Vec<bool> {
        occur_in(text, needles, &mut 0)
    }

    #[test]
    fn finds_what_str_contains_finds() {
        let text = "Mongolia’s fourth action plan opened access to usable information on public procurement.";
        let needles = ["fourth action plan", "procurement.", "Mongolia’s", "plan open", "absent", "", "n on p", "a"];
        let expected: Vec<bool> = needles.iter().map(|n| text.contains(n)).collect();
        assert_eq!(occur(text, &needles), expected);
    }

    #[test]
    fn needles_that_are_suffixes_of_each_other() {
        assert_eq!(occur("xabcd", &["abcd", "bcd", "cd", "bce", "d"]), [true, true, true, false, true]);
        assert_eq!(occur("aaab", &["aab", "aaaa", "ab", "b"]), [true, false, true, true]);
        assert_eq!(occur("", &["a", ""]), [false, true]);
    }
}
