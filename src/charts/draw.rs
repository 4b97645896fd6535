//! What every chart's drawing shares: an SVG drawn by plotters into a string, type sizes in CSS pixels,
//! text in the palette's colours, and one error type (plotters reports failures as errors; they become
//! a message, never a panic).

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Why a chart could not be drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartError(String);

impl ChartError {
    pub fn new(reason: &str) -> Self {
        ChartError(format!("the chart could not be drawn: {reason}"))
    }
}

impl std::fmt::Display for ChartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ChartError {}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for ChartError {
    fn from(error: DrawingAreaErrorKind<E>) -> Self {
        ChartError::new(&error.to_string())
    }
}

/// Most axis labels a chart asks plotters for, whatever the numbers in a bundle.
pub const MAX_TICKS: usize = 12;

/// Draws an SVG of `size` with `draw`, which gets the whole drawing area.
pub fn svg(
    size: (u32, u32),
    draw: impl FnOnce(&DrawingArea<SVGBackend<'_>, Shift>) -> Result<(), ChartError>,
) -> Result<String, ChartError> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        draw(&root)?;
        root.present()?;
    }
    Ok(svg)
}

/// A font size in CSS pixels as plotters wants it (its SVG backend writes `size / 1.24`).
fn px(css_pixels: f64) -> f64 {
    css_pixels * 1.24
}

/// The charts' type: `size` CSS pixels in `color`.
pub fn font(size: f64, color: &RGBColor) -> TextStyle<'static> {
    ("sans-serif", px(size)).into_font().color(color)
}

/// The same, anchored at its point by `h` and `v`.
pub fn text(size: f64, color: &RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    font(size, color).pos(Pos::new(h, v))
}
