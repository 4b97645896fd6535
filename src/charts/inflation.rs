//! Inflation 2020-2022 exactly as the report states it, labelled with the footnote it cites.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::draw::{self, font, text, ChartError, MAX_TICKS};
use super::{DataTable, Figure, Palette};
use crate::i18n::{t, tf, Msg};
use crate::report::Report;

const SIZE: (u32, u32) = (300, 220);

pub(super) struct Inflation;

impl Figure for Inflation {
    fn svg(&self, report: &Report) -> Result<String, ChartError> {
        let inflation = &report.figures.inflation;
        let points = &inflation.points;
        let (first, last) = match (points.first(), points.last()) {
            (Some(first), Some(last)) => (first.year, last.year),
            _ => return Err(ChartError::new("no inflation figures")),
        };
        let top = points.iter().map(|p| p.percent).fold(0.0, f64::max);
        let top = (top * 1.25).ceil().max(1.0);
        draw::svg(SIZE, |root| {
            let mut chart = ChartBuilder::on(root)
                .margin(10)
                .x_label_area_size(40)
                .y_label_area_size(40)
                .build_cartesian_2d(f64::from(first) - 0.6..f64::from(last) + 0.6, 0f64..top)?;
            chart
                .configure_mesh()
                .disable_x_mesh()
                .max_light_lines(0)
                .x_labels((points.len() + 2).min(MAX_TICKS))
                .y_labels(5)
                .x_label_formatter(&|v| if v.fract() == 0.0 { format!("{v:.0}") } else { String::new() })
                .y_label_formatter(&|v| format!("{v}%"))
                .x_desc(tf(Msg::ChartSourceFootnote, &[("n", &inflation.footnote)]))
                .axis_style(Palette::MUTED)
                .bold_line_style(Palette::RULE)
                .label_style(font(13.0, &Palette::INK))
                .axis_desc_style(font(12.0, &Palette::MUTED))
                .draw()?;
            let value = text(14.0, &Palette::INK, HPos::Center, VPos::Bottom);
            for point in points {
                let x = f64::from(point.year);
                chart.draw_series([Rectangle::new(
                    [(x - 0.3, 0.0), (x + 0.3, point.percent)],
                    Palette::ACCENT.filled(),
                )])?;
                chart.draw_series([Text::new(
                    format!("{}%", point.percent),
                    (x, point.percent + top * 0.02),
                    value.clone(),
                )])?;
            }
            Ok(())
        })
    }

    fn description(&self, report: &Report) -> String {
        let inflation = &report.figures.inflation;
        let stated: Vec<String> = inflation
            .points
            .iter()
            .map(|p| tf(Msg::ChartPercentInYear, &[("percent", &p.percent), ("year", &p.year)]))
            .collect();
        tf(Msg::ChartInflationDescription, &[("n", &inflation.footnote), ("values", &stated.join(", "))])
    }

    fn table(&self, report: &Report) -> DataTable {
        let mut table = DataTable::new(&[t(Msg::ChartYear), t(Msg::ChartInflationColumn)]);
        for point in &report.figures.inflation.points {
            table = table.row(vec![point.year.to_string(), format!("{}%", point.percent)]);
        }
        table
    }

    fn source_note(&self, report: &Report) -> String {
        let n = report.figures.inflation.footnote;
        let citation = report.footnote(n).map(|f| f.citation.as_str()).unwrap_or_default();
        tf(Msg::ChartFootnoteCitation, &[("n", &n), ("citation", &citation)])
    }
}
