//! Chart colours. Charts are drawn in the light theme's colours; the style sheet maps each of these
//! exact values to a theme variable (`.chart [fill="#1B1F24"] { fill: var(--fg) }`), so the same SVG
//! follows the dark theme on the page, and a downloaded SVG keeps the light colours.

use plotters::style::RGBColor;

pub struct Palette;

impl Palette {
    /// Text and axes: `--fg`.
    pub const INK: RGBColor = RGBColor(0x1B, 0x1F, 0x24);
    /// Secondary text and outlines: `--muted`.
    pub const MUTED: RGBColor = RGBColor(0x50, 0x5A, 0x66);
    /// This action plan: `--accent`.
    pub const ACCENT: RGBColor = RGBColor(0x0B, 0x6E, 0x4F);
    /// Grid lines: `--rule`.
    pub const RULE: RGBColor = RGBColor(0xD5, 0xDB, 0xE1);
    /// Text on accent fills: `--bg`.
    pub const PAPER: RGBColor = RGBColor(0xFF, 0xFF, 0xFF);
}
