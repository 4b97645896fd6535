//! `/data`: the charts, the report's data to take away (JSON, CSV), "cite this report" and reading offline.

use leptos::prelude::*;

use crate::browser::download::{click_download, download_text};
use crate::browser::location::absolute_url;
use crate::charts::ChartId;
use crate::citation;
use crate::components::bundle_list::BundleList;
use crate::components::chart::ChartFigure;
use crate::components::share::CopyButton;
use crate::context::use_report;
use crate::fetch::{bundle_href, fetch_bundle_text};
use crate::head::PageMeta;
use crate::i18n::{t, tf, Msg};
use crate::routes::SiteAddress;
use crate::scorecard::scorecard_csv;
use crate::takeover::in_own_task;

#[component]
pub fn DataPage() -> impl IntoView {
    let report = use_report();
    // The reader's date exists only in a browser, filled in after mounting; a prerendered page names the
    // address the site was built for, the browser the one it is read at.
    let accessed = RwSignal::new(None::<String>);
    let edition_url = RwSignal::new(use_context::<SiteAddress>().map(|site| site.0).unwrap_or_default());
    Effect::new(move |_| {
        // The reader's own date (a reader in Ulaanbaatar before 08:00 is not yet at the UTC date's end).
        let now = js_sys::Date::new_0();
        accessed.set(Some(format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())));
        edition_url.set(absolute_url("/"));
    });
    let citations = [
        (
            "report-plain",
            t(Msg::CiteReportPlain),
            Signal::derive(move || citation::plain(report, accessed.read().as_deref())),
        ),
        (
            "report-bibtex",
            t(Msg::CiteReportBibtex),
            Signal::derive(move || citation::bibtex(report, accessed.read().as_deref())),
        ),
        (
            "edition-plain",
            t(Msg::CiteEditionPlain),
            Signal::derive(move || citation::edition_plain(report, &edition_url.get(), accessed.read().as_deref())),
        ),
        (
            "edition-bibtex",
            t(Msg::CiteEditionBibtex),
            Signal::derive(move || citation::edition_bibtex(report, &edition_url.get(), accessed.read().as_deref())),
        ),
    ];
    let bundle_file = format!("{}.json", report.id);
    let download_bundle = {
        let bundle_file = bundle_file.clone();
        move |ev: web_sys::MouseEvent| {
            // Fetched, so that the service worker answers offline (Chromium downloads a link's file from
            // the network); a click meant for a new tab or a saved link is the browser's.
            if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
                return;
            }
            ev.prevent_default();
            let bundle_file = bundle_file.clone();
            leptos::task::spawn_local(async move {
                let _ = match fetch_bundle_text(report).await {
                    Ok(json) => download_text(&bundle_file, "application/json", &json),
                    Err(_) => click_download(&bundle_href(report), &bundle_file),
                };
            });
        }
    };
    let download_scorecard = move |_| {
        if let Ok(csv) = scorecard_csv(report) {
            let _ = download_text(&format!("{}-scorecard.csv", report.id), "text/csv;charset=utf-8", &csv);
        }
    };
    view! {
        <PageMeta
            title=t(Msg::DataTitle).to_string()
            description=tf(Msg::DataDescription, &[("report", &report.title)])
        />
        <article class="data-page">
            <h1 tabindex="-1">{t(Msg::DataTitle)}</h1>
            <section aria-labelledby="downloads-heading">
                <h2 id="downloads-heading">{t(Msg::DownloadTheData)}</h2>
                <ul class="downloads-list">
                    <li>
                        // A link to the file itself: it downloads before the app has started, and the app
                        // carries no copy of the bundle for it.
                        <a
                            class="download"
                            data-file="bundle"
                            href=bundle_href(report)
                            download=bundle_file
                            on:click=download_bundle
                        >
                            {t(Msg::DownloadBundle)}
                        </a>
                        {t(Msg::DownloadBundleNote)}
                    </li>
                    <li>
                        <button type="button" class="download" data-file="scorecard" on:click=download_scorecard>
                            {t(Msg::DownloadScorecard)}
                        </button>
                        {t(Msg::DownloadScorecardNote)}
                    </li>
                </ul>
            </section>
            <BundleList />
            <section aria-labelledby="charts-heading">
                <h2 id="charts-heading">{t(Msg::Charts)}</h2>
                {ChartId::ALL.iter().map(|id| in_own_task(move || view! { <ChartFigure id=*id /> })).collect_view()}
            </section>
            <section aria-labelledby="cite-heading">
                <h2 id="cite-heading">{t(Msg::CiteThisReport)}</h2>
                <p>{t(Msg::CiteNote)}</p>
                {citations
                    .into_iter()
                    .map(|(id, title, text)| {
                        view! {
                            <div class="citation-block" id=format!("cite-{id}")>
                                <h3>{title}</h3>
                                <pre>
                                    <code>{move || text.get()}</code>
                                </pre>
                                <CopyButton
                                    text=text
                                    visible=t(Msg::Copy)
                                    label=tf(Msg::CopyCitation, &[("title", &title)])
                                    copied=tf(Msg::CitationCopied, &[("title", &title)])
                                />
                            </div>
                        }
                    })
                    .collect_view()}
            </section>
            // Run by offline.js (a plain script, not the app): it says the state and shows the controls
            // that apply; without it they stay hidden. Last, so that its state line, written once the app
            // has loaded, moves nothing below it.
            <section aria-labelledby="offline-heading" id="offline">
                <h2 id="offline-heading">{t(Msg::OfflineHeading)}</h2>
                <p>{t(Msg::OfflineWhatWorks)}</p>
                <p>{t(Msg::OfflineUpdates)}</p>
                <p class="offline-status" data-offline-status=""></p>
                <p class="offline-actions">
                    <button type="button" data-offline-action="save" hidden>
                        {t(Msg::OfflineSave)}
                    </button>
                    <button type="button" data-offline-action="remove" hidden>
                        {t(Msg::OfflineRemove)}
                    </button>
                </p>
            </section>
        </article>
    }
}
