//! The commitments placed by completion (columns) and early results (rows); a ring marks those
//! promising at design (stated or inferred), so the mark does not rest on colour.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::draw::{self, text, ChartError};
use super::{DataTable, Figure, Palette};
use crate::i18n::{t, tf, Msg};
use crate::report::rating::EarlyResults;
use crate::report::{Commitment, Report};
use crate::scorecard::{CompletionFilter, PromisingFilter};

const SIZE: (u32, u32) = (300, 426);
/// Marks per line within a cell.
const PER_LINE: usize = 3;
/// The columns, left to right.
const COLUMNS: [CompletionFilter; 2] = [CompletionFilter::NotHigh, CompletionFilter::High];

pub(super) struct Matrix;

/// A square outline of half-side `half` pixels, around the point it is added to: promise inferred, not
/// stated (a ring is stated promise).
fn square(half: i32) -> Rectangle<(i32, i32)> {
    Rectangle::new([(-half, -half), (half, half)], Palette::INK.stroke_width(2))
}

/// The commitments in one cell, in number order.
fn in_cell(report: &Report, column: CompletionFilter, level: EarlyResults) -> Vec<&Commitment> {
    report.commitments.iter().filter(|c| CompletionFilter::of(c) == column && c.early_results.level == level).collect()
}

impl Figure for Matrix {
    fn svg(&self, report: &Report) -> Result<String, ChartError> {
        let levels = EarlyResults::ALL;
        draw::svg(SIZE, |root| {
            let rows = levels.len() as f64;
            let mut chart = ChartBuilder::on(root).margin(8).build_cartesian_2d(0f64..2f64, -1.05f64..rows + 1.05)?;
            let text = |size: f64, color: &RGBColor, h: HPos| text(size, color, h, VPos::Center);
            // One row per level, its name above its two cells (full width keeps it legible on phones).
            for (i, level) in levels.iter().enumerate() {
                for (j, _) in COLUMNS.iter().enumerate() {
                    let (x, y) = (j as f64, i as f64);
                    chart.draw_series([Rectangle::new(
                        [(x + 0.01, y + 0.04), (x + 0.99, y + 0.74)],
                        Palette::RULE.stroke_width(1),
                    )])?;
                }
                chart.draw_series([Text::new(
                    level.label(),
                    (0.01, i as f64 + 0.87),
                    text(13.0, &Palette::INK, HPos::Left),
                )])?;
            }
            // Column headings in up to three short lines, split where the catalogue breaks them.
            let headers = [t(Msg::ChartMatrixNotHighLines), t(Msg::ChartMatrixHighLines)];
            for (j, header) in headers.iter().enumerate() {
                let x = j as f64 + 0.5;
                for (k, line) in header.lines().take(3).enumerate() {
                    chart.draw_series([Text::new(
                        line,
                        (x, rows + 0.8 - 0.27 * k as f64),
                        text(12.0, &Palette::INK, HPos::Center),
                    )])?;
                }
            }
            // Commitments as numbered dots, up to PER_LINE a line within their cell.
            for (i, level) in levels.iter().enumerate() {
                for (j, column) in COLUMNS.iter().enumerate() {
                    let members = in_cell(report, *column, *level);
                    let lines = members.len().div_ceil(PER_LINE).max(1);
                    for (k, c) in members.iter().enumerate() {
                        let (line, slot) = (k / PER_LINE, k % PER_LINE);
                        let in_line = (members.len() - line * PER_LINE).min(PER_LINE);
                        let x = j as f64 + 0.5 + (slot as f64 - (in_line as f64 - 1.0) / 2.0) * 0.26;
                        let y = i as f64 + 0.39 + (line as f64 - (lines as f64 - 1.0) / 2.0) * -0.36;
                        chart.draw_series([Circle::new((x, y), 9, Palette::ACCENT.filled())])?;
                        // Stated and inferred promise differ in shape, not only in words.
                        match PromisingFilter::of(c) {
                            PromisingFilter::Stated => {
                                chart.draw_series([Circle::new((x, y), 12, Palette::INK.stroke_width(2))])?;
                            }
                            PromisingFilter::Inferred => {
                                chart.draw_series([EmptyElement::at((x, y)) + square(12)])?;
                            }
                            PromisingFilter::NotStated => {}
                        }
                        chart.draw_series([Text::new(
                            c.number.to_string(),
                            (x, y),
                            text(13.0, &Palette::PAPER, HPos::Center),
                        )])?;
                    }
                }
            }
            chart.draw_series([
                Circle::new((0.06, -0.3), 7, Palette::ACCENT.filled()),
                Circle::new((0.06, -0.3), 9, Palette::INK.stroke_width(2)),
            ])?;
            chart.draw_series([Circle::new((0.06, -0.75), 7, Palette::ACCENT.filled())])?;
            chart.draw_series([EmptyElement::at((0.06, -0.75)) + square(9)])?;
            for (y, legend) in [(-0.3, Msg::ChartMatrixLegendStated), (-0.75, Msg::ChartMatrixLegendInferred)] {
                chart.draw_series([Text::new(t(legend), (0.17, y), text(12.0, &Palette::INK, HPos::Left))])?;
            }
            Ok(())
        })
    }

    fn description(&self, report: &Report) -> String {
        let cells = COLUMNS
            .iter()
            .flat_map(|column| EarlyResults::ALL.iter().map(move |level| (column, level)))
            .filter_map(|(column, level)| {
                let members = in_cell(report, *column, *level);
                (!members.is_empty()).then(|| {
                    let numbers: Vec<String> = members.iter().map(|c| c.number.to_string()).collect();
                    format!("{}, {}: {}.", column.label(), level.label().to_lowercase(), numbers.join(", "))
                })
            })
            .collect::<Vec<_>>()
            .join(" ");
        tf(Msg::ChartMatrixDescription, &[("count", &report.commitments.len()), ("cells", &cells)])
    }

    fn table(&self, report: &Report) -> DataTable {
        let mut table = DataTable::new(&[
            t(Msg::ChartCommitment),
            t(Msg::Completion),
            t(Msg::EarlyResults),
            t(Msg::PromisingAtDesign),
        ]);
        for c in &report.commitments {
            table = table.row(vec![
                c.number.to_string(),
                CompletionFilter::of(c).label().to_string(),
                c.early_results.level.label().to_string(),
                PromisingFilter::of(c).label().to_string(),
            ]);
        }
        table
    }

    fn source_note(&self, report: &Report) -> String {
        let source = t(Msg::ChartMatrixSource);
        let Some(promising) = &report.figures.promising_at_design else { return source.to_string() };
        let named: Vec<String> =
            report.commitments.iter().filter(|c| c.is_stated_promising()).map(|c| c.number.to_string()).collect();
        let count = tf(Msg::ChartMatrixPromisingCount, &[("count", &promising.count), ("named", &named.join(", "))]);
        format!("{source} {count}")
    }
}
