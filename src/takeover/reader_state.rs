//! What the reader was doing on the prerendered page, carried over when the app's copy replaces it:
//! scroll position, keyboard focus, text selection, text typed into the search box (value and caret) and
//! the footnote preview open (tapped before the app, `boot.js`) or under the pointer. The two copies have
//! the same elements in the same order (the same components render both); places are kept as element
//! paths and text offsets, which survive the different splitting of text nodes.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, Node};

/// A place in the text: an element (by its path of child-element indices from the root) and an offset
/// in UTF-16 units into its text.
#[derive(Debug, Clone)]
struct TextPoint {
    element: Vec<u32>,
    offset: u32,
}

/// The reader's state on the page being replaced.
#[derive(Debug, Default)]
pub struct ReaderState {
    scroll: f64,
    focus: Option<Vec<u32>>,
    selection: Option<(TextPoint, TextPoint)>,
    /// Typed text, caret start, caret end and direction.
    search: Option<(String, u32, u32, String)>,
    /// The footnote marker whose preview shows: opened by a tap before the app, or under the pointer.
    previewed_marker: Option<Vec<u32>>,
}

impl ReaderState {
    /// Reads the state of `root` (the prerendered page's container).
    pub fn capture(root: &Element) -> Self {
        let window = leptos::prelude::window();
        let document = leptos::prelude::document();
        let focus = document.active_element().and_then(|element| element_path(root, &element));
        let selection = window.get_selection().ok().flatten().filter(|s| s.range_count() > 0 && !s.is_collapsed());
        let selection = selection.and_then(|s| {
            Some((
                text_point(root, &s.anchor_node()?, s.anchor_offset())?,
                text_point(root, &s.focus_node()?, s.focus_offset())?,
            ))
        });
        let search = search_input(root).filter(|input| input.value() != input.default_value()).map(|input| {
            let start = input.selection_start().ok().flatten().unwrap_or(0);
            let end = input.selection_end().ok().flatten().unwrap_or(start);
            let direction = input.selection_direction().ok().flatten().unwrap_or_default();
            (input.value(), start, end, direction)
        });
        let tapped =
            root.query_selector(".fn-ref .fn-preview:not([hidden])").ok().flatten().and_then(|p| p.parent_element());
        let hovered = || {
            let list = root.query_selector_all(".fn-ref:hover").ok()?;
            list.item(list.length().checked_sub(1)?)?.dyn_into::<Element>().ok()
        };
        let previewed_marker = tapped.or_else(hovered).and_then(|e| element_path(root, &e));
        Self { scroll: window.scroll_y().unwrap_or(0.0), focus, selection, search, previewed_marker }
    }

    /// Puts the state back on `root` (the app's container, now in the document).
    pub fn restore(self, root: &Element) {
        let window = leptos::prelude::window();
        // Same content, same height: this only guards against a browser resetting the position. At the
        // top nothing can reset it, and scrolling would lay the new page out inside the swap's task.
        if self.scroll != 0.0 {
            window.scroll_to_with_x_and_y(0.0, self.scroll);
        }
        if let Some((value, start, end, direction)) = self.search {
            if let Some(input) = search_input(root) {
                input.set_value(&value);
                let _ = input.set_selection_range_with_direction(start, end, &direction);
                // The app searches what was typed, as if it had been typed now.
                if let Ok(event) = web_sys::Event::new("input") {
                    let _ = input.dispatch_event(&event);
                }
            }
        }
        if let Some(element) = self.focus.and_then(|path| element_at(root, &path)) {
            if let Ok(element) = element.dyn_into::<HtmlElement>() {
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = element.focus_with_options(&options);
            }
        }
        if let Some((anchor, focus)) = self.selection {
            let selection = window.get_selection().ok().flatten();
            if let (Some(selection), Some((a, a_offset)), Some((f, f_offset))) =
                (selection, node_at(root, &anchor), node_at(root, &focus))
            {
                let _ = selection.set_base_and_extent(&a, a_offset, &f, f_offset);
            }
        }
        // A preview was open, or the pointer rests on a marker: the app's marker opens it, as on hover.
        if let Some(marker) = self.previewed_marker.and_then(|path| element_at(root, &path)) {
            if let Ok(event) = web_sys::Event::new("mouseenter") {
                let _ = marker.dispatch_event(&event);
            }
        }
    }
}

/// The site's search box: the page's one search field (found by type, so that the views that draw it
/// can ask the takeover for kept charts without the two rooms meeting both ways).
fn search_input(root: &Element) -> Option<HtmlInputElement> {
    root.query_selector("input[type=search]").ok().flatten()?.dyn_into().ok()
}

/// The indices among element children from `root` down to `element`; `None` outside `root`.
fn element_path(root: &Element, element: &Element) -> Option<Vec<u32>> {
    let mut path = Vec::new();
    let mut current = element.clone();
    while !current.is_same_node(Some(root)) {
        let parent = current.parent_element()?;
        let siblings = parent.children();
        let index =
            (0..siblings.length()).find(|&i| siblings.item(i).is_some_and(|s| s.is_same_node(Some(&current))))?;
        path.push(index);
        current = parent;
    }
    path.reverse();
    Some(path)
}

fn element_at(root: &Element, path: &[u32]) -> Option<Element> {
    path.iter().try_fold(root.clone(), |element, &index| element.children().item(index))
}

fn utf16_len(node: &Node) -> u32 {
    node.text_content().map_or(0, |text| text.encode_utf16().count() as u32)
}

/// A DOM position (`node`, `offset`) as an element and a text offset into it.
fn text_point(root: &Element, node: &Node, offset: u32) -> Option<TextPoint> {
    let (element, offset) = match node.dyn_ref::<Element>() {
        // Inside an element, `offset` counts child nodes: the text of those before it.
        Some(element) => {
            let children = element.child_nodes();
            let before = (0..offset.min(children.length())).filter_map(|i| children.item(i)).map(|c| utf16_len(&c));
            (element.clone(), before.sum())
        }
        // Inside a text node, `offset` counts UTF-16 units: add the text of its siblings before it.
        None => {
            let preceding = std::iter::successors(node.previous_sibling(), Node::previous_sibling);
            (node.parent_element()?, offset + preceding.map(|s| utf16_len(&s)).sum::<u32>())
        }
    };
    Some(TextPoint { element: element_path(root, &element)?, offset })
}

/// The text node and offset at a `TextPoint` (the element itself when it has no text).
fn node_at(root: &Element, point: &TextPoint) -> Option<(Node, u32)> {
    let element = element_at(root, &point.element)?;
    let walker = leptos::prelude::document().create_tree_walker_with_what_to_show(&element, 4 /* SHOW_TEXT */).ok()?;
    let mut remaining = point.offset;
    let mut last = None;
    while let Ok(Some(text)) = walker.next_node() {
        let length = utf16_len(&text);
        if remaining <= length {
            return Some((text, remaining));
        }
        remaining -= length;
        last = Some((text, length));
    }
    last.or(Some((element.into(), 0)))
}
