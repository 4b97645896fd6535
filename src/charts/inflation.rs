//! Inflation 2020-2022 exactly as the report states it, labelled with the footnote it cites.

use crate::i18n::{t, tf, Msg};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{failed, px, DataTable, Drawn, Palette, MAX_TICKS};
use crate::report::Report;

const SIZE: (u32, u32) = (300, 220);

pub(super) fn draw(report: &Report) -> Result<Drawn, String> {
    let inflation = &report.figures.inflation;
    let points = &inflation.points;
    let (first, last) = match (points.first(), points.last()) {
        (Some(first), Some(last)) => (first.year, last.year),
        _ => return Err("the chart could not be drawn: no inflation figures".to_string()),
    };
    let top = points.iter().map(|p| p.percent).fold(0.0, f64::max);
    let top = (top * 1.25).ceil().max(1.0);

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        let mut chart = ChartBuilder::on(&root)
            .margin(10)
            .x_label_area_size(40)
            .y_label_area_size(40)
            .build_cartesian_2d(f64::from(first) - 0.6..f64::from(last) + 0.6, 0f64..top)
            .map_err(failed)?;
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
            .label_style(("sans-serif", px(13.0)).into_font().color(&Palette::INK))
            .axis_desc_style(("sans-serif", px(12.0)).into_font().color(&Palette::MUTED))
            .draw()
            .map_err(failed)?;
        let value = ("sans-serif", px(14.0)).into_font().color(&Palette::INK).pos(Pos::new(HPos::Center, VPos::Bottom));
        for point in points {
            let x = f64::from(point.year);
            chart
                .draw_series([Rectangle::new([(x - 0.3, 0.0), (x + 0.3, point.percent)], Palette::ACCENT.filled())])
                .map_err(failed)?;
            chart
                .draw_series([Text::new(format!("{}%", point.percent), (x, point.percent + top * 0.02), value.clone())])
                .map_err(failed)?;
        }
        root.present().map_err(failed)?;
    }

    let stated: Vec<String> =
        points.iter().map(|p| tf(Msg::ChartPercentInYear, &[("percent", &p.percent), ("year", &p.year)])).collect();
    let description = tf(Msg::ChartInflationDescription, &[("n", &inflation.footnote), ("values", &stated.join(", "))]);
    let mut table = DataTable::new(&[t(Msg::ChartYear), t(Msg::ChartInflationColumn)]);
    for point in points {
        table = table.row(vec![point.year.to_string(), format!("{}%", point.percent)]);
    }
    let citation = report.footnote(inflation.footnote).map(|f| f.citation.as_str()).unwrap_or_default();
    Ok(Drawn {
        svg,
        description,
        table,
        source_note: tf(Msg::ChartFootnoteCitation, &[("n", &inflation.footnote), ("citation", &citation)]),
    })
}
