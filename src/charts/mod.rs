//! The report's figures as charts: plotters draws each into an SVG string, with the same numbers as a
//! data table (shown under the chart and downloadable as CSV). Plain Rust, no Leptos.

mod completion;
mod draw;
mod early_results;
mod inflation;
mod matrix;
mod palette;

pub use crate::table::DataTable;
pub use draw::ChartError;
pub use palette::Palette;

use crate::report::ids::id_enum;
use crate::report::Report;

id_enum! {
    /// The charts, by the id used in URLs (`/#chart-completion`, `/embed/charts/completion`).
    ChartId {
        Completion = "completion", "Completion: this action plan and the previous one";
        EarlyResults = "early-results", "Early results by level";
        Matrix = "scorecard-matrix", "Commitments by completion and early results";
        Inflation = "inflation", "Inflation 2020-2022, as stated in the report";
    }
}

/// A drawn chart: its SVG (accessible name and description inside), and its data.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub id: ChartId,
    pub title: String,
    /// What the chart shows, in one or two sentences: the SVG's `<desc>`.
    pub description: String,
    pub svg: String,
    pub table: DataTable,
    /// Where its numbers come from, for the caption.
    pub source_note: String,
}

impl ChartId {
    /// The anchor of the chart on the report page.
    pub fn anchor(self) -> String {
        format!("chart-{}", self.id())
    }

    /// A file name for downloads: `mongolia-2021-2023-completion.svg`.
    pub fn file_name(self, report: &Report, extension: &str) -> String {
        format!("{}-{}.{extension}", report.id, self.id())
    }
}

/// One chart, in its three parts: the drawing, its description in words, and its numbers as a table
/// (each chart module implements it).
trait Figure {
    fn svg(&self, report: &Report) -> Result<String, ChartError>;
    fn description(&self, report: &Report) -> String;
    fn table(&self, report: &Report) -> DataTable;
    /// Where its numbers come from, for the caption.
    fn source_note(&self, report: &Report) -> String;
}

fn figure(id: ChartId) -> &'static dyn Figure {
    match id {
        ChartId::Completion => &completion::Completion,
        ChartId::EarlyResults => &early_results::EarlyResultsChart,
        ChartId::Matrix => &matrix::Matrix,
        ChartId::Inflation => &inflation::Inflation,
    }
}

/// Draws a chart, with its accessible name and description inside the SVG.
pub fn render(report: &Report, id: ChartId) -> Result<Chart, ChartError> {
    let mut chart = describe(report, id);
    chart.svg = label_svg(&figure(id).svg(report)?, id, &chart.title, &chart.description);
    Ok(chart)
}

/// A chart without its drawing (`svg` empty): for a page that already shows the same drawing.
pub fn describe(report: &Report, id: ChartId) -> Chart {
    let figure = figure(id);
    Chart {
        id,
        title: id.label().to_string(),
        description: figure.description(report),
        svg: String::new(),
        table: figure.table(report),
        source_note: figure.source_note(report),
    }
}

/// Gives the SVG an accessible name and description (`role="img"`, `<title>`, `<desc>`), inside the
/// file itself so that a downloaded SVG keeps them too.
fn label_svg(svg: &str, id: ChartId, title: &str, description: &str) -> String {
    let Some(open_end) = svg.find("<svg").and_then(|start| svg[start..].find('>').map(|end| start + end)) else {
        return svg.to_string();
    };
    let (title_id, desc_id) = (format!("{}-title", id.anchor()), format!("{}-desc", id.anchor()));
    format!(
        "{} role=\"img\" aria-labelledby=\"{title_id} {desc_id}\"><title id=\"{title_id}\">{}</title><desc id=\"{desc_id}\">{}</desc>{}",
        &svg[..open_end],
        escape_xml(title),
        escape_xml(description),
        &svg[open_end + 1..]
    )
}

/// Text made safe for XML/HTML element content and attribute values.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}
