//! Commitments by early-results level: this action plan, and what the report states of the previous
//! one ("one commitment had marginal results"). Levels it does not state for the previous plan stay
//! empty, never zero.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::draw::{self, font, text, ChartError, MAX_TICKS};
use super::{DataTable, Figure, Palette};
use crate::i18n::{t, tf, Msg};
use crate::report::rating::EarlyResults;
use crate::report::Report;

const SIZE: (u32, u32) = (300, 260);

pub(super) struct EarlyResultsChart;

/// The levels, highest first (the top row).
fn levels() -> Vec<EarlyResults> {
    EarlyResults::ALL.iter().rev().copied().collect()
}

/// This plan's commitments at `level`.
fn count(report: &Report, level: EarlyResults) -> usize {
    report.commitments.iter().filter(|c| c.early_results.level == level).count()
}

impl Figure for EarlyResultsChart {
    fn svg(&self, report: &Report) -> Result<String, ChartError> {
        let previous = &report.figures.early_results.previous_plan;
        let previous_level = previous.rating();
        let levels = levels();
        let max = levels.iter().map(|l| count(report, *l)).max().unwrap_or(0).max(previous.count as usize).max(1);
        draw::svg(SIZE, |root| {
            let rows = levels.len() as f64;
            let mut chart = ChartBuilder::on(root)
                .margin(10)
                .margin_right(24)
                .x_label_area_size(22)
                .y_label_area_size(124)
                .build_cartesian_2d(0f64..max as f64 + 1.0, -1.3f64..rows)?;
            let label_of = |y: &f64| {
                let row = y.round();
                if (y - row).abs() > 0.01 || row < 0.0 || row >= rows {
                    return String::new();
                }
                levels[levels.len() - 1 - row as usize].label().to_string()
            };
            chart
                .configure_mesh()
                .disable_y_mesh()
                .x_labels((max + 2).min(MAX_TICKS))
                .y_labels(levels.len() + 2)
                .max_light_lines(0)
                .x_label_formatter(&|v| if v.fract() == 0.0 { format!("{v:.0}") } else { String::new() })
                .y_label_formatter(&label_of)
                .axis_style(Palette::MUTED)
                .bold_line_style(Palette::RULE)
                .label_style(font(13.0, &Palette::INK))
                .draw()?;
            let value = text(13.0, &Palette::INK, HPos::Left, VPos::Center);
            for (i, level) in levels.iter().enumerate() {
                // Row i from the top sits at y = rows - 1 - i.
                let y = rows - 1.0 - i as f64;
                let this = count(report, *level) as f64;
                chart.draw_series([Rectangle::new([(0.0, y + 0.05), (this, y + 0.4)], Palette::ACCENT.filled())])?;
                chart.draw_series([Text::new(format!("{this}"), (this + 0.08, y + 0.22), value.clone())])?;
                if previous_level == Some(*level) {
                    let prev = previous.count as f64;
                    chart.draw_series([Rectangle::new(
                        [(0.0, y - 0.4), (prev, y - 0.05)],
                        Palette::MUTED.stroke_width(1),
                    )])?;
                    chart.draw_series([Text::new(format!("{prev}"), (prev + 0.08, y - 0.22), value.clone())])?;
                }
            }
            let legend = text(12.0, &Palette::INK, HPos::Left, VPos::Center);
            let unit = (max as f64 + 1.0) / 30.0;
            chart.draw_series([
                Rectangle::new([(0.0, -0.75), (unit, -0.5)], Palette::ACCENT.filled()),
                Rectangle::new([(0.0, -1.2), (unit, -0.95)], Palette::MUTED.stroke_width(1)),
            ])?;
            chart.draw_series([
                Text::new(t(Msg::ChartLegendThisPlan), (1.6 * unit, -0.62), legend.clone()),
                Text::new(t(Msg::ChartLegendPreviousPlan), (1.6 * unit, -1.07), legend.clone()),
            ])?;
            Ok(())
        })
    }

    fn description(&self, report: &Report) -> String {
        let previous = &report.figures.early_results.previous_plan;
        let levels = levels();
        let notable: usize = levels.iter().filter(|l| l.is_notable()).map(|l| count(report, *l)).sum();
        let breakdown: Vec<String> = levels
            .iter()
            .filter(|l| count(report, **l) > 0)
            .map(|l| format!("{} {}", count(report, *l), l.label().to_lowercase()))
            .collect();
        tf(
            Msg::ChartEarlyResultsDescription,
            &[
                ("count", &notable),
                ("total", &report.commitments.len()),
                ("breakdown", &breakdown.join(", ")),
                ("previous_count", &previous.count),
                ("previous_level", &previous.label().to_lowercase()),
            ],
        )
    }

    fn table(&self, report: &Report) -> DataTable {
        let previous = &report.figures.early_results.previous_plan;
        let mut table =
            DataTable::new(&[t(Msg::EarlyResults), t(Msg::ChartThisActionPlan), t(Msg::ChartPreviousActionPlan)]);
        for level in levels() {
            let previous_cell = if previous.rating() == Some(level) {
                previous.count.to_string()
            } else {
                t(Msg::ChartNotStated).to_string()
            };
            table = table.row(vec![level.label().to_string(), count(report, level).to_string(), previous_cell]);
        }
        table
    }

    fn source_note(&self, _: &Report) -> String {
        t(Msg::ChartEarlyResultsSource).to_string()
    }
}
