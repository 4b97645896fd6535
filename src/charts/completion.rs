//! Commitments substantially or completely implemented: this action plan beside the previous one,
//! as counts and the percentages the report states.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::draw::{self, font, text, ChartError};
use super::{DataTable, Figure, Palette};
use crate::i18n::{t, tf, Msg};
use crate::report::bundle::Share;
use crate::report::Report;
use crate::scorecard::CompletionFilter;

const SIZE: (u32, u32) = (300, 220);

pub(super) struct Completion;

/// Both plans with their full names: this one, then the previous one.
fn plans(report: &Report) -> [(String, Share); 2] {
    let hc = &report.figures.high_completion;
    [
        (tf(Msg::ChartThisActionPlanPeriod, &[("period", &report.period)]), hc.this_plan),
        (t(Msg::ChartPreviousActionPlan).to_string(), hc.previous_plan),
    ]
}

impl Figure for Completion {
    fn svg(&self, report: &Report) -> Result<String, ChartError> {
        let plans = plans(report);
        // Shorter row captions fit a phone's width.
        let this_short = tf(Msg::ChartThisPlanPeriod, &[("period", &report.period)]);
        let captions = [this_short.as_str(), t(Msg::ChartPreviousPlan)];
        draw::svg(SIZE, |root| {
            let mut chart = ChartBuilder::on(root)
                .margin(10)
                .margin_right(22)
                .x_label_area_size(24)
                .build_cartesian_2d(0f64..100f64, 0f64..5.3f64)?;
            chart
                .configure_mesh()
                .disable_y_axis()
                .disable_y_mesh()
                .x_labels(5)
                .max_light_lines(0)
                .x_label_formatter(&|v| format!("{v:.0}%"))
                .axis_style(Palette::MUTED)
                .bold_line_style(Palette::RULE)
                .label_style(font(13.0, &Palette::MUTED))
                .draw()?;
            let text = |size: f64, color: &RGBColor, h: HPos| text(size, color, h, VPos::Center);
            // Rows from the top: this plan, then the previous plan.
            for (row, (_, share)) in plans.iter().enumerate() {
                let bottom = 3.5 - 2.2 * row as f64;
                let (y0, y1) = (bottom, bottom + 0.8);
                let high = 100.0 * f64::from(share.count) / f64::from(share.total);
                chart.draw_series([
                    Rectangle::new([(0.0, y0), (high, y1)], Palette::ACCENT.filled()),
                    Rectangle::new([(high, y0), (100.0, y1)], Palette::MUTED.stroke_width(1)),
                ])?;
                let count_of = tf(Msg::CountOf, &[("count", &share.count), ("total", &share.total)]);
                let caption = format!("{}: {count_of} ({}%)", captions[row], share.percent);
                chart.draw_series([
                    Text::new(caption, (0.0, y1 + 0.45), text(13.0, &Palette::INK, HPos::Left)),
                    Text::new(
                        share.count.to_string(),
                        (high / 2.0, (y0 + y1) / 2.0),
                        text(14.0, &Palette::PAPER, HPos::Center),
                    ),
                    Text::new(
                        (share.total - share.count).to_string(),
                        ((high + 100.0) / 2.0, (y0 + y1) / 2.0),
                        text(14.0, &Palette::INK, HPos::Center),
                    ),
                ])?;
            }
            chart.draw_series([
                Rectangle::new([(0.0, 0.6), (3.5, 0.9)], Palette::ACCENT.filled()),
                Rectangle::new([(0.0, 0.1), (3.5, 0.4)], Palette::MUTED.stroke_width(1)),
            ])?;
            chart.draw_series([
                Text::new(t(Msg::ChartLegendHigh), (5.5, 0.75), text(12.0, &Palette::INK, HPos::Left)),
                Text::new(t(Msg::ChartLegendNotHigh), (5.5, 0.25), text(12.0, &Palette::INK, HPos::Left)),
            ])?;
            Ok(())
        })
    }

    fn description(&self, report: &Report) -> String {
        let hc = &report.figures.high_completion;
        tf(
            Msg::ChartCompletionDescription,
            &[
                ("count", &hc.this_plan.count),
                ("total", &hc.this_plan.total),
                ("percent", &hc.this_plan.percent),
                ("previous_count", &hc.previous_plan.count),
                ("previous_total", &hc.previous_plan.total),
                ("previous_percent", &hc.previous_plan.percent),
            ],
        )
    }

    fn table(&self, report: &Report) -> DataTable {
        let mut table = DataTable::new(&[
            t(Msg::ChartActionPlan),
            CompletionFilter::High.label(),
            CompletionFilter::NotHigh.label(),
            t(Msg::GlanceCommitments),
            t(Msg::ChartPercentStated),
        ]);
        for (label, share) in plans(report) {
            table = table.row(vec![
                label,
                share.count.to_string(),
                (share.total - share.count).to_string(),
                share.total.to_string(),
                format!("{}%", share.percent),
            ]);
        }
        table
    }

    fn source_note(&self, _: &Report) -> String {
        t(Msg::ChartCompletionSource).to_string()
    }
}
