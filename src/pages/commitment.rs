//! `/commitments/:n`: one commitment, what the report states about it and the facts from outside it.

use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_params_map;
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use crate::components::citation::Citation;
use crate::components::commitment_name::{not_stated, promising_text, CommitmentName, TitleSource};
use crate::components::embed_dialog::EmbedButton;
use crate::components::not_found::NotFound;
use crate::components::quote::QuotesInContext;
use crate::components::rating::{CompletionRating, EarlyResultsRating};
use crate::components::share::ShareButtons;
use crate::context::use_report;
use crate::embed::EmbedView;
use crate::head::PageMeta;
use crate::i18n::{t, tf, Msg};
use crate::labels::{commitment_heading, commitment_n};
use crate::report::bundle::Basis;
use crate::report::query::observations_of;
use crate::report::{Commitment, Report};
use crate::routes::{self, parse_commitment_param, CommitmentParam};
use crate::takeover::in_own_task;

#[component]
pub fn CommitmentPage() -> impl IntoView {
    let params = use_params_map();
    let report = use_report();
    move || {
        let raw = params.read().get("n").unwrap_or_default();
        match parse_commitment_param(&raw) {
            CommitmentParam::Number(n) => match report.commitment(n) {
                Some(c) => view! { <CommitmentView report=report commitment=c /> }.into_any(),
                None => view! { <NotFound commitment=raw /> }.into_any(),
            },
            CommitmentParam::OgpId(id) => match report.commitment_by_ogp_id(&id) {
                Some(c) => {
                    let options = NavigateOptions { replace: true, ..Default::default() };
                    // The router puts its base in front of the path itself.
                    view! { <Redirect path=routes::commitment(c.number) options=options /> }.into_any()
                }
                None => view! { <NotFound commitment=raw /> }.into_any(),
            },
            CommitmentParam::Invalid => view! { <NotFound commitment=raw /> }.into_any(),
        }
    }
}

/// Renders the first commitment's page once, detached from the document, and drops it: the first visit
/// to a commitment then runs code the browser has compiled already (it compiles wasm functions on their
/// first call), in parts as the takeover renders it (no one long task). The title and description go to
/// a `MetaSink`, not the document.
pub fn warm_up(report: &'static Report) {
    let Some(commitment) = report.commitments.first() else { return };
    let Some(div) = document().create_element("div").ok().and_then(|div| div.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let rendered = crate::takeover::render_in_parts(|| {
        leptos::mount::mount_to(div, move || {
            provide_context(crate::head::MetaSink::default());
            view! { <CommitmentView report=report commitment=commitment /> }
        })
    });
    leptos::task::spawn_local(async move {
        crate::takeover::parts_rendered().await;
        drop(rendered);
    });
}

#[component]
fn CommitmentView(report: &'static Report, commitment: &'static Commitment) -> impl IntoView {
    let c = commitment;
    let description = tf(
        Msg::CommitmentDescription,
        &[
            ("report", &report.title),
            ("n", &c.number),
            ("completion", &c.completion.level.describe().to_lowercase()),
            ("results", &c.early_results.level.label().to_lowercase()),
        ],
    );
    let (previous, next) = report.neighbours(c.number);
    view! {
        <PageMeta title=commitment_heading(c.number, c.title()) description=description />
        <article class="commitment">
            <nav aria-label=t(Msg::Breadcrumb) class="breadcrumb">
                <a href=routes::href("/")>{t(Msg::NavReport)}</a>
                " › "
                <a href=routes::href("/commitments")>{t(Msg::NavCommitments)}</a>
                " › "
                <span aria-current="page">{commitment_n(c.number)}</span>
            </nav>
            <h1 tabindex="-1">
                <CommitmentName commitment=c />
            </h1>
            <TitleSource commitment=c />
            {c.title().is_none().then(|| view! { <p class="not-stated">{t(Msg::TitleNotStated)}</p> })}
            <div class="actions">
                <ShareButtons path=routes::commitment(c.number) label=commitment_n(c.number) />
                <EmbedButton view=EmbedView::Commitment(c.number) />
            </div>
            <Glance commitment=c />
            <section aria-labelledby="ratings-heading" class="ratings">
                <h2 id="ratings-heading">{t(Msg::RatingsInReport)}</h2>
                <h3>{t(Msg::Completion)}</h3>
                <CompletionRating range=c.completion.level />
                <Evidence quotes=&c.completion.evidence />
                <h3>{t(Msg::EarlyResults)}</h3>
                <EarlyResultsRating level=c.early_results.level />
                <Evidence quotes=&c.early_results.evidence />
                <h3>{t(Msg::PromisingAtDesign)}</h3>
                <Promising commitment=c />
            </section>
            {in_own_task(move || view! { <Mentions report=report number=c.number /> })}
            {in_own_task(move || view! { <Facts report=report commitment=c /> })}
            <nav aria-label=t(Msg::OtherCommitments) class="prev-next">
                {previous
                    .map(|p| {
                        view! {
                            <a rel="prev" href=routes::href(&routes::commitment(p.number))>
                                {format!("← {}", commitment_n(p.number))}
                            </a>
                        }
                    })}
                {next
                    .map(|n| {
                        view! {
                            <a rel="next" href=routes::href(&routes::commitment(n.number))>
                                {format!("{} →", commitment_n(n.number))}
                            </a>
                        }
                    })}
            </nav>
        </article>
    }
}

/// The commitment's profile at a glance: its three ratings as the report states them, before the
/// scales, the quotes and the text.
#[component]
fn Glance(commitment: &'static Commitment) -> impl IntoView {
    let c = commitment;
    let ratings = [
        (Msg::Completion, c.completion.level.describe()),
        (Msg::EarlyResults, c.early_results.level.label().to_string()),
        (Msg::PromisingAtDesign, promising_text(c)),
    ];
    view! {
        <section class="glance profile-glance" aria-labelledby="glance-heading">
            <h2 id="glance-heading" class="visually-hidden">
                {t(Msg::AtAGlance)}
            </h2>
            <dl>
                {ratings
                    .map(|(label, value)| {
                        view! {
                            <div>
                                <dt>{t(label)}</dt>
                                <dd>
                                    <span class="figure figure-words">{value}</span>
                                </dd>
                            </div>
                        }
                    })}
            </dl>
        </section>
    }
}

/// Facts from OGP's commitment page, each with its source; "not stated" where there is none.
#[component]
fn Facts(report: &'static Report, commitment: &'static Commitment) -> impl IntoView {
    let reference = commitment.reference.as_ref();
    let language = report.language.as_str();
    let list = |items: Option<&'static Vec<String>>| match items {
        Some(items) => items.join("; "),
        None => not_stated().to_string(),
    };
    view! {
        <section aria-labelledby="facts-heading" class="facts">
            <h2 id="facts-heading">{t(Msg::AboutThisCommitment)}</h2>
            <dl>
                <dt>{t(Msg::OgpCommitmentId)}</dt>
                <dd>{reference.map(|r| r.ogp_id.clone()).unwrap_or_else(|| not_stated().to_string())}</dd>
                <dt>{t(Msg::LeadInstitutions)}</dt>
                <dd lang=reference.map(|_| language)>{list(reference.map(|r| &r.lead_institutions))}</dd>
                <dt>{t(Msg::PolicyAreas)}</dt>
                <dd lang=reference.map(|_| language)>{list(reference.map(|r| &r.policy_areas))}</dd>
            </dl>
            {match reference {
                Some(r) => {
                    view! {
                        <p class="provenance">
                            {t(Msg::FactsProvenance)} <span lang=language>{report.reference_note.as_str()}</span>
                        </p>
                        <p>
                            <a href=r.source.as_str() rel="noopener noreferrer" class="external">
                                {tf(Msg::ViewOnOgp, &[("id", &r.ogp_id)])}
                            </a>
                        </p>
                    }
                        .into_any()
                }
                None => view! { <p class="provenance">{t(Msg::NoOgpPage)}</p> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Evidence(quotes: &'static [String]) -> impl IntoView {
    view! {
        <ul class="evidence" aria-label=t(Msg::ReportsWords)>
            {quotes
                .iter()
                .map(|q| {
                    view! {
                        <li>
                            <q lang=use_report().language.as_str()>{q.as_str()}</q>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

#[component]
fn Promising(commitment: &'static Commitment) -> impl IntoView {
    let text = promising_text(commitment);
    match &commitment.promising {
        None => view! {
            <p class="badge" data-kind="promising">
                {text}
            </p>
        }
        .into_any(),
        Some(p) => match p.basis {
            Basis::Report => view! {
                <p class="badge" data-kind="promising">
                    {text}
                </p>
                <Evidence quotes=&p.evidence />
            }
            .into_any(),
            Basis::Inferred => view! {
                <p class="badge" data-kind="promising">
                    {text}
                </p>
                <p class="provenance">
                    <span lang=use_report().language.as_str()>{p.note.clone()}</span>
                    {t(Msg::SourceColon)}
                    <a href=p.source.clone() rel="noopener noreferrer">
                        {p.source.clone()}
                    </a>
                </p>
            }
            .into_any(),
        },
    }
}

/// Every sentence of the report that names this commitment, the observations that discuss it and the
/// footnotes those sentences cite.
#[component]
fn Mentions(report: &'static Report, number: u32) -> impl IntoView {
    // One pass over the report's sentences (they are split afresh each time) serves all three lists.
    let quotes = report.mentions(number);
    let observations = observations_of(&quotes);
    let footnotes = report.footnotes_cited(&quotes);
    view! {
        <section aria-labelledby="mentions-heading" class="mentions">
            <h2 id="mentions-heading">{t(Msg::WhatTheReportSays)}</h2>
            {quotes.is_empty().then(|| view! { <p>{t(Msg::NotNamedByNumber)}</p> })}
            <QuotesInContext quotes=quotes />
            <h3>{t(Msg::ObservationsDiscussingIt)}</h3>
            {if observations.is_empty() {
                view! { <p>{t(Msg::NoObservationNamesIt)}</p> }.into_any()
            } else {
                view! {
                    <ul>
                        {observations
                            .into_iter()
                            .map(|o| {
                                view! {
                                    <li>
                                        <a
                                            href=routes::href(&routes::report_anchor(&o.id))
                                            lang=report.language.as_str()
                                        >
                                            {o.heading()}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
            <h3>{t(Msg::Footnotes)}</h3>
            {if footnotes.is_empty() {
                view! { <p>{t(Msg::NoFootnotes)}</p> }.into_any()
            } else {
                view! {
                    <ol>
                        {footnotes
                            .into_iter()
                            .map(|f| {
                                view! {
                                    <li value=f.number.to_string()>
                                        <Citation footnote=f />
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                }
                    .into_any()
            }}
        </section>
    }
}
