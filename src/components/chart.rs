//! A chart as a figure: the SVG drawn by `charts`, its source, its data table, downloads and a link.

use leptos::prelude::*;

use crate::i18n::{self, t, tf, Msg};
use wasm_bindgen_futures::spawn_local;

use crate::browser::download::{download_png, download_text};
use crate::charts::{describe, render, Chart, ChartId};
use crate::components::embed_dialog::EmbedButton;
use crate::components::share::ShareButtons;
use crate::context::use_report;
use crate::embed::EmbedView;
use crate::routes;
use crate::takeover::prerendered_svg;

/// `embedded`: inside an embed, without downloads, sharing or embedding.
#[component]
pub fn ChartFigure(id: ChartId, #[prop(optional)] embedded: bool) -> impl IntoView {
    let report = use_report();
    // The prerendered page is English and shows the compiled-in report: its drawing is this one.
    let same_drawing = i18n::language() == "en" && std::ptr::eq(report, crate::embedded::report());
    if let Some(svg) = same_drawing.then(|| prerendered_svg(&id.anchor())).flatten() {
        return view! { <Figure chart=describe(report, id) kept=Some(svg) embedded=embedded /> }.into_any();
    }
    match render(report, id) {
        Ok(chart) => view! { <Figure chart=chart kept=None embedded=embedded /> }.into_any(),
        Err(error) => view! {
            <figure id=id.anchor() class="chart">
                <p class="notice">{format!("{}: {error}", id.label())}</p>
            </figure>
        }
        .into_any(),
    }
}

/// `kept`: the prerendered page's drawing, shown instead of `chart.svg` (then empty).
#[component]
fn Figure(chart: Chart, kept: Option<web_sys::Element>, embedded: bool) -> impl IntoView {
    let report = use_report();
    let id = chart.id;
    // What downloads save: the drawing shown, or one drawn now when the page's own was kept.
    let drawn = chart.svg.clone();
    let svg_file = move || match drawn.is_empty() {
        true => render(report, id).map(|chart| chart.svg).map_err(|error| error.to_string().into()),
        false => Ok(drawn.clone()),
    };
    let csv = chart.table.to_csv();
    let download_svg = {
        let svg_file = svg_file.clone();
        move |_| {
            report_failure(
                svg_file().and_then(|svg| download_text(&id.file_name(report, "svg"), "image/svg+xml", &svg)),
            )
        }
    };
    let download_png = move |_| match svg_file() {
        Ok(svg) => {
            let name = id.file_name(report, "png");
            let (width, height) = svg_size(&svg);
            spawn_local(async move { report_failure(download_png(name, svg, width, height).await) });
        }
        Err(error) => report_failure(Err(error)),
    };
    let drawing = match kept {
        Some(svg) => {
            let holder = NodeRef::<leptos::html::Div>::new();
            holder.on_load(move |div| drop(div.append_child(&svg)));
            view! { <div class="chart-svg" node_ref=holder></div> }.into_any()
        }
        // The SVG is drawn by plotters, which escapes every text it draws (tests/charts.rs).
        None => view! { <div class="chart-svg" inner_html=chart.svg.clone()></div> }.into_any(),
    };
    let download_csv = move |_| {
        if let Ok(csv) = &csv {
            report_failure(download_text(&id.file_name(report, "csv"), "text/csv;charset=utf-8", csv));
        }
    };
    let table = chart.table.clone();
    view! {
        <figure id=id.anchor() class="chart" aria-labelledby=format!("{}-caption", id.anchor())>
            <figcaption id=format!("{}-caption", id.anchor())>{chart.title.clone()}</figcaption>
            {drawing}
            <p class="chart-source">{chart.source_note.clone()}</p>
            <details>
                <summary>{t(Msg::ChartShowData)}</summary>
                <div
                    class="table-scroll"
                    role="region"
                    aria-label=tf(Msg::ChartDataOf, &[("title", &chart.title)])
                    tabindex="0"
                >
                    <table class="chart-data">
                        <thead>
                            <tr>
                                {table.columns.into_iter().map(|c| view! { <th scope="col">{c}</th> }).collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            {table
                                .rows
                                .into_iter()
                                .map(|row| {
                                    view! {
                                        <tr>{row.into_iter().map(|cell| view! { <td>{cell}</td> }).collect_view()}</tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
            </details>
            {(!embedded)
                .then(|| {
                    view! {
                        <div class="chart-actions">
                            <span class="downloads">
                                {t(Msg::ChartDownload)}
                                <button
                                    type="button"
                                    class="download"
                                    data-format="svg"
                                    aria-label=tf(Msg::ChartDownloadSvg, &[("title", &chart.title)])
                                    on:click=download_svg
                                >
                                    "SVG"
                                </button>
                                <button
                                    type="button"
                                    class="download"
                                    data-format="png"
                                    aria-label=tf(Msg::ChartDownloadPng, &[("title", &chart.title)])
                                    on:click=download_png
                                >
                                    "PNG"
                                </button>
                                <button
                                    type="button"
                                    class="download"
                                    data-format="csv"
                                    aria-label=tf(Msg::ChartDownloadCsv, &[("title", &chart.title)])
                                    on:click=download_csv
                                >
                                    "CSV"
                                </button>
                            </span>
                            <ShareButtons
                                path=routes::report_anchor(&id.anchor())
                                label=tf(Msg::ChartShareLabel, &[("title", &chart.title)])
                            />
                            <EmbedButton view=EmbedView::Chart(id) />
                        </div>
                    }
                })}
        </figure>
    }
}

/// The width and height plotters wrote on the root element.
fn svg_size(svg: &str) -> (u32, u32) {
    let attribute = |name: &str| {
        let start = svg.find(&format!("{name}=\""))? + name.len() + 2;
        svg[start..].split('"').next()?.parse().ok()
    };
    (attribute("width").unwrap_or(360), attribute("height").unwrap_or(240))
}

fn report_failure(result: Result<(), wasm_bindgen::JsValue>) {
    if let Err(error) = result {
        leptos::logging::warn!("download failed: {error:?}");
    }
}
