//! The house rules, read from the source: every dependency points down. No two modules (files) depend on
//! each other through any path, nor do two top-level rooms (`report`, `i18n`, `components`, `pages`, …);
//! the plain-Rust rooms import nothing that renders or touches a browser; a page imports no other page.
//! A dependency is any `crate::`, `super::` or `self::` path outside comments and `#[cfg(test)]` code.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Rooms of plain Rust (native `#[test]`s, no DOM): they may use each other, never a view or the browser.
const PLAIN: &[&str] = &[
    "report",
    "i18n",
    "labels",
    "charts",
    "scorecard",
    "citation",
    "embed",
    "search",
    "bundles",
    "routes",
    "table",
    "hosting",
    "link_preview",
    "minify",
    "offline",
    "app_icon",
    "web_manifest",
];

type Graph = BTreeMap<String, BTreeSet<String>>;

#[test]
fn no_module_depends_on_itself_through_others() {
    let cycles = cycles(&module_graph());
    assert!(cycles.is_empty(), "module cycles:\n{}", cycles.join("\n"));
}

#[test]
fn no_top_level_room_depends_on_itself_through_others() {
    let rooms = room_graph(&module_graph());
    let cycles = cycles(&rooms);
    assert!(cycles.is_empty(), "cycles between rooms:\n{}", cycles.join("\n"));
}

#[test]
fn plain_rust_imports_no_view_and_no_browser_code() {
    let mut wrong = Vec::new();
    for (module, deps) in &module_graph() {
        if PLAIN.contains(&room(module)) {
            wrong.extend(deps.iter().filter(|dep| !PLAIN.contains(&room(dep))).map(|dep| format!("{module} → {dep}")));
        }
    }
    assert!(wrong.is_empty(), "plain Rust importing views or browser code:\n{}", wrong.join("\n"));
}

#[test]
fn no_page_imports_another_page() {
    let mut wrong = Vec::new();
    for (module, deps) in &module_graph() {
        if module.starts_with("pages::") {
            wrong.extend(deps.iter().filter(|dep| dep.starts_with("pages::")).map(|dep| format!("{module} → {dep}")));
        }
    }
    assert!(wrong.is_empty(), "pages importing pages (shared pieces belong in components/):\n{}", wrong.join("\n"));
}

#[test]
fn the_rules_catch_what_they_are_for() {
    let graph = |edges: &[(&str, &str)]| {
        let mut graph = Graph::new();
        for (from, to) in edges {
            graph.entry(from.to_string()).or_default().insert(to.to_string());
            graph.entry(to.to_string()).or_default();
        }
        graph
    };
    assert_eq!(cycles(&graph(&[("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")])), ["a → b → c"]);
    assert!(cycles(&graph(&[("a", "b"), ("b", "c"), ("a", "c")])).is_empty());
    // Files may point at each other's room only downwards: two rooms that meet both ways are a cycle.
    let rooms = room_graph(&graph(&[("i18n::catalogue", "charts"), ("charts::completion", "i18n")]));
    assert_eq!(cycles(&rooms), ["charts → i18n"]);
    let deps = dependencies(
        "use crate::a::{b::C, d::{e, f::G}};\n// crate::not::this\nfn x() { crate::h::i(); super::j::k(); }\n#[cfg(test)]\nmod tests { use crate::z::Z; }",
        "m::n",
    );
    assert_eq!(deps, ["a::b::C", "a::d::e", "a::d::f::G", "h::i", "m::j::k"].map(String::from));
    assert_eq!(dependencies("pub use self::x::{y as Z, w};", "m"), ["m::x::y", "m::x::w"].map(String::from));
}

/// Every module of the library (a file under `src/`, `bin/` apart) and the modules it uses.
fn module_graph() -> Graph {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    collect(&src, &src, &mut files);
    let modules: BTreeSet<String> = files.iter().map(|(module, _)| module.clone()).collect();
    files
        .iter()
        .map(|(module, text)| {
            let deps = dependencies(text, module)
                .iter()
                .filter_map(|path| longest_module(path, &modules))
                .filter(|dep| dep != module && !dep.is_empty())
                .collect();
            (module.clone(), deps)
        })
        .collect()
}

fn collect(dir: &Path, src: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let relative = path.strip_prefix(src).unwrap().with_extension("");
        let relative = relative.to_string_lossy().replace('\\', "/");
        if path.is_dir() {
            if relative != "bin" {
                collect(&path, src, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            let name = relative.trim_end_matches("/mod").trim_end_matches("mod");
            let name = if matches!(name, "lib" | "main") { "" } else { name };
            out.push((name.replace('/', "::"), std::fs::read_to_string(&path).unwrap()));
        }
    }
}

/// The longest prefix of `path` that is a module (`pages::embed::EmbedApp` → `pages::embed`).
fn longest_module(path: &str, modules: &BTreeSet<String>) -> Option<String> {
    let segments: Vec<&str> = path.split("::").collect();
    (1..=segments.len()).rev().map(|n| segments[..n].join("::")).find(|prefix| modules.contains(prefix))
}

/// The crate paths `text` (the source of `module`) uses, with `super::`/`self::` made absolute and
/// grouped imports expanded.
fn dependencies(text: &str, module: &str) -> Vec<String> {
    const PREFIXES: [&str; 3] = ["crate::", "super::", "self::"];
    let own: Vec<String> = module.split("::").filter(|s| !s.is_empty()).map(String::from).collect();
    let base = |prefix: &str| match prefix {
        "crate::" => Vec::new(),
        "self::" => own.clone(),
        _ => own[..own.len().saturating_sub(1)].to_vec(),
    };
    let mut code = without_comments_and_tests(text);
    let mut paths = Vec::new();
    // `use` declarations first (their trees group paths), then removed; then paths written inline.
    while let Some((at, prefix)) = code
        .match_indices("use ")
        .map(|(at, _)| at)
        .filter(|&at| at == 0 || code[..at].ends_with(char::is_whitespace))
        .find_map(|at| PREFIXES.iter().find(|p| code[at + 4..].starts_with(**p)).map(|p| (at, *p)))
    {
        let end = code[at..].find(';').map_or(code.len(), |i| at + i);
        expand(&base(prefix), &code[at + 4 + prefix.len()..end], &mut paths);
        code.replace_range(at..end, "");
    }
    for prefix in PREFIXES {
        for (at, _) in code.match_indices(prefix) {
            let after_path_char = code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':');
            if !after_path_char {
                let path: String = code[at + prefix.len()..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || "_:".contains(*c))
                    .collect();
                expand(&base(prefix), &path, &mut paths);
            }
        }
    }
    paths
}

/// `a::{b, c::{d}}` under `base` → `base::a::b`, `base::a::c::d`. A plain path stops at its first
/// non-path character.
fn expand(base: &[String], tree: &str, out: &mut Vec<String>) {
    let tree = tree.trim().trim_end_matches(',');
    if let Some(open) = tree.find('{') {
        let mut prefix = base.to_vec();
        prefix.extend(tree[..open].split("::").map(str::trim).filter(|s| !s.is_empty()).map(String::from));
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        let mut depth = 0;
        let mut item = String::new();
        for c in inner.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    expand(&prefix, &item, out);
                    item.clear();
                    continue;
                }
                _ => {}
            }
            item.push(c);
        }
        if !item.trim().is_empty() {
            expand(&prefix, &item, out);
        }
    } else {
        let path: String = tree.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').collect();
        let path = path.trim_end_matches(':');
        if !path.is_empty() {
            let mut full = base.to_vec();
            full.extend(path.split("::").map(String::from));
            out.push(full.join("::"));
        }
    }
}

/// The source without comments (a doc comment may name any module) and without `#[cfg(test)]` modules.
fn without_comments_and_tests(text: &str) -> String {
    let code: String =
        text.lines().map(|line| line.split_once("//").map_or(line, |(code, _)| code)).collect::<Vec<_>>().join("\n");
    match code.find("#[cfg(test)]\nmod tests") {
        Some(at) => code[..at].to_string(),
        None => code,
    }
}

/// The top-level room of a module (`pages::embed` → `pages`).
fn room(module: &str) -> &str {
    module.split("::").next().unwrap_or(module)
}

fn room_graph(modules: &Graph) -> Graph {
    let mut rooms = Graph::new();
    for (module, deps) in modules {
        let from = room(module).to_string();
        let entry = rooms.entry(from.clone()).or_default();
        entry.extend(deps.iter().map(|dep| room(dep).to_string()).filter(|to| *to != from));
    }
    rooms
}

/// Each strongly connected group of more than one node, as `a → b → c` (sorted), found with Tarjan's
/// algorithm.
fn cycles(graph: &Graph) -> Vec<String> {
    struct State<'a> {
        graph: &'a Graph,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        found: Vec<String>,
    }
    fn visit<'a>(node: &'a str, state: &mut State<'a>) {
        let n = state.index.len();
        state.index.insert(node, n);
        state.low.insert(node, n);
        state.stack.push(node);
        for next in state.graph.get(node).into_iter().flatten() {
            if !state.index.contains_key(next.as_str()) {
                visit(next, state);
                let low = state.low[next.as_str()].min(state.low[node]);
                state.low.insert(node, low);
            } else if state.stack.contains(&next.as_str()) {
                let low = state.index[next.as_str()].min(state.low[node]);
                state.low.insert(node, low);
            }
        }
        if state.low[node] == state.index[node] {
            let at = state.stack.iter().position(|n| *n == node).unwrap();
            let mut group: Vec<&str> = state.stack.split_off(at);
            if group.len() > 1 {
                group.sort_unstable();
                state.found.push(group.join(" → "));
            }
        }
    }
    let mut state = State { graph, index: BTreeMap::new(), low: BTreeMap::new(), stack: Vec::new(), found: Vec::new() };
    for node in graph.keys() {
        if !state.index.contains_key(node.as_str()) {
            visit(node, &mut state);
        }
    }
    state.found.sort();
    state.found
}
