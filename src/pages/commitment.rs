//! `/commitments/:n`: one commitment, what the report states about it and the facts from outside it.

use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_params_map;
use leptos_router::NavigateOptions;

use crate::app::{use_report, PageMeta};
use crate::components::citation::Citation;
use crate::components::embed_dialog::EmbedButton;
use crate::components::quote::QuotesInContext;
use crate::components::rating::{CompletionRating, EarlyResultsRating};
use crate::components::share::ShareButtons;
use crate::embed::EmbedView;
use crate::pages::not_found::NotFound;
use crate::report::bundle::Basis;
use crate::report::{Commitment, Report};
use crate::routes::{self, parse_commitment_param, CommitmentParam};

pub const NOT_STATED: &str = "Not stated in this report";

#[component]
pub fn CommitmentPage() -> impl IntoView {
    let params = use_params_map();
    let report = use_report();
    move || {
        let raw = params.read().get("n").unwrap_or_default();
        match parse_commitment_param(&raw) {
            CommitmentParam::Number(n) => match report.commitment(n) {
                Some(c) => view! { <CommitmentView report=report commitment=c/> }.into_any(),
                None => view! { <NotFound commitment=raw/> }.into_any(),
            },
            CommitmentParam::OgpId(id) => match report.commitment_by_ogp_id(&id) {
                Some(c) => {
                    let options = NavigateOptions { replace: true, ..Default::default() };
                    view! { <Redirect path=routes::href(&routes::commitment(c.number)) options=options/> }.into_any()
                }
                None => view! { <NotFound commitment=raw/> }.into_any(),
            },
            CommitmentParam::Invalid => view! { <NotFound commitment=raw/> }.into_any(),
        }
    }
}

/// "Commitment 3: Participation and Accountability in Public Procurement".
pub fn commitment_heading(c: &Commitment) -> String {
    match c.title() {
        Some(title) => format!("Commitment {}: {title}", c.number),
        None => format!("Commitment {}", c.number),
    }
}

#[component]
fn CommitmentView(report: &'static Report, commitment: &'static Commitment) -> impl IntoView {
    let c = commitment;
    let description = format!(
        "What the IRM {} states about commitment {}: completion {}, early results {}.",
        report.title,
        c.number,
        c.completion.level.describe().to_lowercase(),
        c.early_results.level.label().to_lowercase()
    );
    let (previous, next) = report.neighbours(c.number);
    view! {
        <PageMeta title=commitment_heading(c) description=description/>
        <article class="commitment" lang=report.language.as_str()>
            <nav aria-label="Breadcrumb" class="breadcrumb">
                <a href=routes::href("/")>"Report"</a> " › "
                <a href=routes::href("/commitments")>"Commitments"</a> " › "
                <span aria-current="page">{format!("Commitment {}", c.number)}</span>
            </nav>
            <h1 tabindex="-1">{commitment_heading(c)}</h1>
            {c.title().is_none().then(|| view! { <p class="not-stated">"Title: not stated in this report."</p> })}
            <div class="actions">
                <ShareButtons path=routes::commitment(c.number) label=format!("commitment {}", c.number)/>
                <EmbedButton view=EmbedView::Commitment(c.number)/>
            </div>
            <section aria-labelledby="ratings-heading" class="ratings">
                <h2 id="ratings-heading">"Ratings in this report"</h2>
                <h3>"Completion"</h3>
                <CompletionRating range=c.completion.level/>
                <Evidence quotes=&c.completion.evidence/>
                <h3>"Early results"</h3>
                <EarlyResultsRating level=c.early_results.level/>
                <Evidence quotes=&c.early_results.evidence/>
                <h3>"Promising at design"</h3>
                <Promising commitment=c/>
            </section>
            <Mentions report=report number=c.number/>
            <Facts report=report commitment=c/>
            <nav aria-label="Other commitments" class="prev-next">
                {previous.map(|p| view! {
                    <a rel="prev" href=routes::href(&routes::commitment(p.number))>{format!("← Commitment {}", p.number)}</a>
                })}
                {next.map(|n| view! {
                    <a rel="next" href=routes::href(&routes::commitment(n.number))>{format!("Commitment {} →", n.number)}</a>
                })}
            </nav>
        </article>
    }
}

/// Facts from OGP's commitment page, each with its source; "not stated" where there is none.
#[component]
fn Facts(report: &'static Report, commitment: &'static Commitment) -> impl IntoView {
    let reference = commitment.reference.as_ref();
    let list = |items: Option<&'static Vec<String>>| match items {
        Some(items) => items.join("; "),
        None => NOT_STATED.to_string(),
    };
    view! {
        <section aria-labelledby="facts-heading" class="facts">
            <h2 id="facts-heading">"About this commitment"</h2>
            <dl>
                <dt>"OGP commitment id"</dt>
                <dd>{reference.map(|r| r.ogp_id.clone()).unwrap_or_else(|| NOT_STATED.to_string())}</dd>
                <dt>"Lead institutions"</dt>
                <dd>{list(reference.map(|r| &r.lead_institutions))}</dd>
                <dt>"Policy areas"</dt>
                <dd>{list(reference.map(|r| &r.policy_areas))}</dd>
            </dl>
            {match reference {
                Some(r) => view! {
                    <p class="provenance">
                        "These facts come from OGP’s commitment page, not from this report. "
                        {report.reference_note.as_str()}
                    </p>
                    <p>
                        <a href=r.source.as_str() rel="noopener noreferrer" class="external">
                            {format!("View {} on the OGP website", r.ogp_id)}
                        </a>
                    </p>
                }.into_any(),
                None => view! {
                    <p class="provenance">"No OGP commitment page was found for this commitment; only the report's text is known."</p>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Evidence(quotes: &'static [String]) -> impl IntoView {
    view! {
        <ul class="evidence" aria-label="The report's words">
            {quotes.iter().map(|q| view! { <li><q>{q.as_str()}</q></li> }).collect_view()}
        </ul>
    }
}

/// "Yes, as stated in the report", "Yes, inferred: not stated in this report", "Not stated in this report".
pub fn promising_text(c: &Commitment) -> String {
    match &c.promising {
        None => NOT_STATED.to_string(),
        Some(p) => {
            let answer = if p.value { "Yes" } else { "No" };
            match p.basis {
                Basis::Report => format!("{answer}, as stated in the report"),
                Basis::Inferred => format!("{answer}, inferred: not stated in this report"),
            }
        }
    }
}

#[component]
fn Promising(commitment: &'static Commitment) -> impl IntoView {
    let text = promising_text(commitment);
    match &commitment.promising {
        None => view! { <p class="badge" data-kind="promising">{text}</p> }.into_any(),
        Some(p) => match p.basis {
            Basis::Report => view! {
                <p class="badge" data-kind="promising">{text}</p>
                <Evidence quotes=&p.evidence/>
            }
            .into_any(),
            Basis::Inferred => view! {
                <p class="badge" data-kind="promising">{text}</p>
                <p class="provenance">
                    {p.note.clone()} " Source: "
                    <a href=p.source.clone() rel="noopener noreferrer">{p.source.clone()}</a>
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
    let quotes = report.mentions(number);
    let observations = report.observations_mentioning(number);
    let footnotes = report.footnotes_of(number);
    view! {
        <section aria-labelledby="mentions-heading" class="mentions">
            <h2 id="mentions-heading">"What the report says"</h2>
            {quotes.is_empty().then(|| view! { <p>"The report does not name this commitment by its number."</p> })}
            <QuotesInContext quotes=quotes/>
            <h3>"Key observations that discuss it"</h3>
            {if observations.is_empty() {
                view! { <p>"None of the report’s key observations names this commitment."</p> }.into_any()
            } else {
                view! {
                    <ul>
                        {observations.into_iter().map(|o| view! {
                            <li><a href=routes::href(&routes::report_anchor(&o.id))>{o.heading()}</a></li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <h3>"Footnotes"</h3>
            {if footnotes.is_empty() {
                view! { <p>"The sentences that name this commitment cite no footnote."</p> }.into_any()
            } else {
                view! {
                    <ol>
                        {footnotes.into_iter().map(|f| view! {
                            <li value=f.number.to_string()><Citation footnote=f/></li>
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
    }
}
