//! Link-preview images (`og:image`): a 1200×630 card for each page, drawn at build time, so that a
//! shared link shows in a chat or a feed what it leads to: a commitment's number, its title and where
//! that title comes from, and its ratings; the report's figures for `/`. Native only: the wasm never
//! draws these.

use ab_glyph::{point, Font, FontRef, Glyph, GlyphId, PxScale, ScaleFont};

use crate::i18n::{t, tf, Msg};
use crate::labels::{commitment_heading, count_of, share};
use crate::report::Report;
use crate::scorecard::PromisingFilter;

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

/// What a card says: a line above, a headline, a note under it (where the headline comes from), and
/// label–value lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    pub kicker: String,
    pub headline: String,
    pub note: Option<String>,
    pub lines: Vec<(String, String)>,
}

impl Card {
    /// The card of the page at `path` (`/`, `/commitments/3`, `/sources/2`, …), whose title is `title`.
    pub fn of(report: &Report, path: &str, title: &str) -> Card {
        let card = |headline: String, note: Option<String>, lines: Vec<(String, String)>| Card {
            kicker: format!("{} · {}", report.title, t(Msg::EditionKind)),
            headline,
            note,
            lines,
        };
        let number = |prefix: &str| path.strip_prefix(prefix).and_then(|n| n.parse::<u32>().ok());
        if path == "/" {
            let f = &report.figures;
            let lines = vec![
                (t(Msg::GlanceCommitments).to_string(), report.commitments.len().to_string()),
                (t(Msg::GlanceHighCompletion).to_string(), share(f.high_completion.this_plan)),
                (
                    t(Msg::GlanceEarlyResults).to_string(),
                    count_of(f.early_results.this_plan.count, f.early_results.this_plan.total),
                ),
            ];
            return Card {
                kicker: format!("{} · {}", report.publisher, report.author),
                ..card(report.title.clone(), None, lines)
            };
        }
        if let Some(c) = number("/commitments/").and_then(|n| report.commitment(n)) {
            let note = Some(t(if c.title().is_some() { Msg::TitleSource } else { Msg::TitleNotStated }).to_string());
            let lines = vec![
                (t(Msg::Completion).to_string(), c.completion.level.describe()),
                (t(Msg::EarlyResults).to_string(), c.early_results.level.label().to_string()),
                (t(Msg::PromisingAtDesign).to_string(), PromisingFilter::of(c).label().to_string()),
            ];
            return card(commitment_heading(c.number, c.title()), note, lines);
        }
        if let Some(f) = number("/sources/").and_then(|n| report.footnote(n)) {
            return card(tf(Msg::SourceN, &[("n", &f.number)]), Some(f.citation.clone()), Vec::new());
        }
        card(title.to_string(), None, Vec::new())
    }

    /// Everything the card says, for a reader who cannot see it (`og:image:alt`).
    pub fn alt(&self) -> String {
        let mut parts = vec![self.headline.clone()];
        parts.extend(self.note.clone());
        parts.extend(self.lines.iter().map(|(label, value)| format!("{label}: {value}")));
        parts.join(". ")
    }
}

/// Where the card of the page at `path` is written, relative to the site: `og/index.png`,
/// `og/commitments-3.png`.
pub fn image_path(path: &str) -> String {
    let name = path.trim_matches('/').replace('/', "-");
    format!("og/{}.png", if name.is_empty() { "index" } else { &name })
}

/// Lines of `text` no wider than `width` by `measure`, at most `max_lines`: the last one ends in "…"
/// when text is left over, and so does a word wider than a line, cut to fit.
pub fn wrap(text: &str, width: u32, max_lines: usize, measure: impl Fn(&str) -> u32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
        if line.is_empty() || measure(&candidate) <= width {
            line = candidate;
        } else {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    let cut = lines.len() > max_lines;
    lines.truncate(max_lines);
    let last = lines.len().saturating_sub(1);
    for (i, line) in lines.iter_mut().enumerate() {
        if (cut && i == last) || measure(line) > width {
            while !line.is_empty() && measure(&format!("{line}…")) > width {
                line.pop();
            }
            *line = format!("{}…", line.trim_end());
        }
    }
    lines
}

const FONT_REGULAR: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
const FONT_BOLD: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-Bold.ttf");
const WHITE: Rgb = [0xFF, 0xFF, 0xFF];
const INK: Rgb = [0x1B, 0x1F, 0x24];
const MUTED: Rgb = [0x50, 0x5A, 0x66];
const ACCENT: Rgb = [0x0B, 0x6E, 0x4F];
const RULE: Rgb = [0xD5, 0xDB, 0xE1];
const MARGIN: u32 = 72;

type Rgb = [u8; 3];

/// The card as a PNG of `WIDTH`×`HEIGHT`, in the page's light colours, readable as a thumbnail.
pub fn png(card: &Card) -> Result<Vec<u8>, String> {
    let font = |bytes| FontRef::try_from_slice(bytes).map_err(|e| format!("the preview font: {e}"));
    let fonts = Fonts { regular: font(FONT_REGULAR)?, bold: font(FONT_BOLD)? };
    let mut canvas = Canvas::new(WIDTH, HEIGHT, WHITE);
    draw(&mut canvas, &fonts, card);
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, WIDTH, HEIGHT);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    // Mostly flat colour: the best compression and adaptive filters make it a few tens of kilobytes.
    encoder.set_compression(png::Compression::Best);
    encoder.set_adaptive_filter(png::AdaptiveFilterType::Adaptive);
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    writer.write_image_data(&canvas.pixels).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(out)
}

struct Fonts<'a> {
    regular: FontRef<'a>,
    bold: FontRef<'a>,
}

/// Text in one face, size and colour.
#[derive(Clone, Copy)]
struct Style<'a> {
    font: &'a FontRef<'a>,
    size: f32,
    color: Rgb,
}

fn draw(canvas: &mut Canvas, fonts: &Fonts, card: &Card) {
    canvas.fill(0, 0, 16, HEIGHT, ACCENT);
    let width = WIDTH - 2 * MARGIN;
    let style = |font, size, color| Style { font, size, color };
    let mut y = 80.0;
    let mut write = |canvas: &mut Canvas, lines: Vec<String>, style: Style, step: f32| {
        for line in lines {
            canvas.text(MARGIN as f32, y, style, &line);
            y += step;
        }
    };
    let kicker = style(&fonts.regular, 26.0, MUTED);
    write(canvas, wrap(&card.kicker, width, 1, |text| text_width(kicker, text)), kicker, 64.0);
    // A long title gets a smaller size, so that three lines hold it.
    let long = card.headline.chars().count() > 60;
    let headline = style(&fonts.bold, if long { 46.0 } else { 56.0 }, INK);
    let lines = wrap(&card.headline, width, 3, |text| text_width(headline, text));
    write(canvas, lines, headline, if long { 58.0 } else { 68.0 });
    if let Some(note) = &card.note {
        let note_style = style(&fonts.regular, 28.0, MUTED);
        let most = if card.lines.is_empty() { 6 } else { 2 };
        write(canvas, wrap(note, width, most, |text| text_width(note_style, text)), note_style, 40.0);
    }
    let (label, value) = (style(&fonts.regular, 26.0, MUTED), style(&fonts.bold, 30.0, INK));
    let column = card.lines.iter().map(|(l, _)| text_width(label, l)).max().unwrap_or(0) + 28;
    let mut y = (HEIGHT - 48 - 56 * card.lines.len() as u32) as f32;
    if !card.lines.is_empty() {
        canvas.fill(MARGIN, y as u32 - 44, width, 2, RULE);
    }
    for (l, v) in &card.lines {
        canvas.text(MARGIN as f32, y, label, l);
        let v = wrap(v, width.saturating_sub(column), 1, |text| text_width(value, text)).pop().unwrap_or_default();
        canvas.text((MARGIN + column) as f32, y, value, &v);
        y += 56.0;
    }
}

/// Where a line of `text` in `style` ends, with the font's own advances and kerning.
fn text_width(style: Style, text: &str) -> u32 {
    layout(style, 0.0, 0.0, text).last().map_or(0, |(_, end)| end.ceil() as u32)
}

/// Each glyph of `text` placed on the baseline at `y` from `x`, with where the line ends after it.
fn layout(style: Style, x: f32, y: f32, text: &str) -> Vec<(Glyph, f32)> {
    let scaled = style.font.as_scaled(PxScale::from(style.size));
    let mut caret = x;
    let mut previous: Option<GlyphId> = None;
    text.chars()
        .map(|c| {
            let id = style.font.glyph_id(c);
            if let Some(previous) = previous {
                caret += scaled.kern(previous, id);
            }
            let glyph = id.with_scale_and_position(style.size, point(caret, y));
            caret += scaled.h_advance(id);
            previous = Some(id);
            (glyph, caret)
        })
        .collect()
}

/// An RGB image being drawn.
struct Canvas {
    width: u32,
    height: u32,
    pixels: Vec<u8>,
}

impl Canvas {
    fn new(width: u32, height: u32, background: Rgb) -> Self {
        Canvas { width, height, pixels: background.repeat((width * height) as usize) }
    }

    fn fill(&mut self, x: u32, y: u32, w: u32, h: u32, color: Rgb) {
        for row in y..(y + h).min(self.height) {
            for column in x..(x + w).min(self.width) {
                self.blend(column as i32, row as i32, color, 1.0);
            }
        }
    }

    /// `text` on the baseline at `y`, from `x`.
    fn text(&mut self, x: f32, y: f32, style: Style, text: &str) {
        for (glyph, _) in layout(style, x, y, text) {
            if let Some(outline) = style.font.outline_glyph(glyph) {
                let bounds = outline.px_bounds();
                outline.draw(|gx, gy, coverage| {
                    self.blend(bounds.min.x as i32 + gx as i32, bounds.min.y as i32 + gy as i32, style.color, coverage)
                });
            }
        }
    }

    fn blend(&mut self, x: i32, y: i32, color: Rgb, coverage: f32) {
        if x < 0 || y < 0 || x as u32 >= self.width || y as u32 >= self.height {
            return;
        }
        let at = ((y as u32 * self.width + x as u32) * 3) as usize;
        for (channel, value) in self.pixels[at..at + 3].iter_mut().zip(color) {
            *channel = (*channel as f32 * (1.0 - coverage) + value as f32 * coverage).round() as u8;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One unit per character: easy to reason about.
    fn chars(text: &str) -> u32 {
        text.chars().count() as u32
    }

    #[test]
    fn text_wraps_at_words_and_ends_in_an_ellipsis_when_cut() {
        assert_eq!(wrap("one two three", 20, 3, chars), ["one two three"]);
        assert_eq!(wrap("one two three four", 9, 3, chars), ["one two", "three", "four"]);
        assert_eq!(wrap("one two three four five", 9, 2, chars), ["one two", "three…"]);
        assert_eq!(wrap("abcdefghijkl", 6, 2, chars), ["abcde…"]);
        assert!(wrap("", 10, 2, chars).is_empty());
    }

    #[test]
    fn cards_say_what_the_page_is_with_its_ratings_or_figures() {
        let report = crate::embedded::report();
        let home = Card::of(report, "/", "ignored");
        assert_eq!(home.headline, "Mongolia Results Report 2021-2023");
        assert_eq!(home.lines[1], ("Substantially or completely implemented".into(), "4 of 9 (44%)".into()));
        let three = Card::of(report, "/commitments/3", "ignored");
        assert_eq!(three.headline, "Commitment 3: Participation and Accountability in Public Procurement");
        assert_eq!(three.note.as_deref(), Some("Title from OGP’s commitment page, not from this report"));
        assert_eq!(three.lines[1], ("Early results".into(), "Significant".into()));
        assert!(three.alt().contains("Early results: Significant"));
        let source = Card::of(report, "/sources/1", "ignored");
        assert_eq!((source.headline.as_str(), source.note.as_ref()), ("Source 1", Some(&report.footnotes[0].citation)));
        assert_eq!(Card::of(report, "/data", "Data").headline, "Data");
        assert_eq!(image_path("/"), "og/index.png");
        assert_eq!(image_path("/commitments/3"), "og/commitments-3.png");
    }

    #[test]
    fn the_image_is_a_png_of_the_size_link_previews_want() {
        let report = crate::embedded::report();
        let bytes = png(&Card::of(report, "/commitments/3", "")).unwrap();
        let reader = png::Decoder::new(std::io::Cursor::new(bytes)).read_info().unwrap();
        assert_eq!((reader.info().width, reader.info().height), (WIDTH, HEIGHT));
    }
}
