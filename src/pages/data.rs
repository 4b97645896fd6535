//! `/data`: the charts, the report's data to take away (JSON, CSV) and "cite this report".

use leptos::prelude::*;

use crate::app::{use_report, PageMeta};
use crate::charts::ChartId;
use crate::citation;
use crate::components::bundle_list::BundleList;
use crate::components::chart::ChartFigure;
use crate::components::download::download_text;
use crate::components::share::{absolute_url, CopyButton};
use crate::fetch::bundle_json;
use crate::scorecard::scorecard_csv;

#[component]
pub fn DataPage() -> impl IntoView {
    let report = use_report();
    // The reader's date and this site's address exist only in a browser: filled in after mounting.
    let accessed = RwSignal::new(String::new());
    let edition_url = RwSignal::new(String::new());
    Effect::new(move |_| {
        let today = String::from(js_sys::Date::new_0().to_iso_string());
        accessed.set(today.get(..10).unwrap_or_default().to_string());
        edition_url.set(absolute_url("/"));
    });
    let citations = [
        ("report-plain", "The report, plain text", Signal::derive(move || citation::plain(report, &accessed.get()))),
        ("report-bibtex", "The report, BibTeX", Signal::derive(move || citation::bibtex(report, &accessed.get()))),
        (
            "edition-plain",
            "This interactive edition, plain text",
            Signal::derive(move || citation::edition_plain(report, &edition_url.get(), &accessed.get())),
        ),
        (
            "edition-bibtex",
            "This interactive edition, BibTeX",
            Signal::derive(move || citation::edition_bibtex(report, &edition_url.get(), &accessed.get())),
        ),
    ];
    let download_bundle = move |_| {
        let _ = download_text(&format!("{}.json", report.id), "application/json", bundle_json(report));
    };
    let download_scorecard = move |_| {
        if let Ok(csv) = scorecard_csv(report) {
            let _ = download_text(&format!("{}-scorecard.csv", report.id), "text/csv;charset=utf-8", &csv);
        }
    };
    view! {
        <PageMeta
            title="Data and citation".to_string()
            description=format!("Charts, data downloads (JSON, CSV) and citations of the {}.", report.title)
        />
        <article class="data-page">
            <h1 tabindex="-1">"Data and citation"</h1>
            <section aria-labelledby="downloads-heading">
                <h2 id="downloads-heading">"Download the data"</h2>
                <ul class="downloads-list">
                    <li>
                        <button type="button" class="download" data-file="bundle" on:click=download_bundle>"Report bundle (JSON)"</button>
                        " The whole report as published, with the commitments’ ratings and sourced facts."
                    </li>
                    <li>
                        <button type="button" class="download" data-file="scorecard" on:click=download_scorecard>"Scorecard (CSV)"</button>
                        " One row per commitment; opens in spreadsheet programs (UTF-8)."
                    </li>
                </ul>
            </section>
            <BundleList/>
            <section aria-labelledby="charts-heading">
                <h2 id="charts-heading">"Charts"</h2>
                {ChartId::ALL.iter().map(|id| view! { <ChartFigure id=*id/> }).collect_view()}
            </section>
            <section aria-labelledby="cite-heading">
                <h2 id="cite-heading">"Cite this report"</h2>
                <p>"The report’s text does not state its publication date; the citations give the date you accessed it."</p>
                {citations
                    .into_iter()
                    .map(|(id, title, text)| view! {
                        <div class="citation-block" id=format!("cite-{id}")>
                            <h3>{title}</h3>
                            <pre><code>{move || text.get()}</code></pre>
                            <CopyButton text=text visible="Copy" label=format!("Copy citation: {title}") copied=format!("Citation copied: {title}")/>
                        </div>
                    })
                    .collect_view()}
            </section>
        </article>
    }
}
