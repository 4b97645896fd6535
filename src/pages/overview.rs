//! `/`: the report at a glance, then the whole text, sections in order, with the commitments and footnotes.

use leptos::prelude::*;

use crate::i18n::{t, tf, Msg};

use crate::browser::location::scroll_to_location_hash;
use crate::charts::ChartId;
use crate::components::chart::ChartFigure;
use crate::components::citation::Citation;
use crate::components::commitment_name::CommitmentName;
use crate::components::heading::LinkedHeading;
use crate::components::rich_text::{footnote_marker_id, RichText};
use crate::context::use_report;
use crate::head::PageMeta;
use crate::i18n;
use crate::labels::{count_of, share};
use crate::report::{Paragraph, Report, Section};
use crate::routes;
use crate::takeover::in_own_task;

#[component]
pub fn Overview() -> impl IntoView {
    let report = use_report();
    Effect::new(|_| request_animation_frame(scroll_to_location_hash));
    let description =
        report.sections.first().and_then(|s| s.paragraphs.first()).map(Paragraph::plain_text).unwrap_or_default();
    view! {
        <PageMeta title=report.title.clone() description=description />
        <article class="report">
            <h1 id="top" tabindex="-1" lang=report.language.as_str()>
                {report.title.as_str()}
            </h1>
            {in_own_task(move || {
                view! {
                    <AtAGlance report=report />
                    <Contents report=report />
                }
            })}
            {report
                .sections
                .iter()
                .map(|section| in_own_task(move || view! { <ReportSection section=section /> }))
                .collect_view()}
            {in_own_task(move || view! { <Footnotes report=report /> })}
        </article>
        // Not the report's: the edition's own list, beside the report rather than inside its structure.
        {in_own_task(move || view! { <Commitments report=report /> })}
    }
}

/// The report's headline figures, as it states them.
#[component]
fn AtAGlance(report: &'static Report) -> impl IntoView {
    let f = &report.figures;
    let (this, previous) = (f.high_completion.this_plan, f.high_completion.previous_plan);
    let results = &f.early_results;
    view! {
        <section id="at-a-glance" class="glance" aria-labelledby="at-a-glance-heading">
            <h2 id="at-a-glance-heading">{t(Msg::AtAGlance)}</h2>
            <dl>
                <div>
                    <dt>{t(Msg::GlanceCommitments)}</dt>
                    <dd>
                        <span class="figure">{i18n::number(report.commitments.len() as u64)}</span>
                    </dd>
                </div>
                <div>
                    <dt>{t(Msg::GlanceHighCompletion)}</dt>
                    <dd>
                        <span class="figure">{share(this)}</span>
                        <span class="compare">{tf(Msg::GlancePreviousPlan, &[("figure", &share(previous))])}</span>
                    </dd>
                </div>
                <div>
                    <dt>{t(Msg::GlanceEarlyResults)}</dt>
                    <dd>
                        <span class="figure">{count_of(results.this_plan.count, results.this_plan.total)}</span>
                        <span class="compare">
                            {tf(
                                Msg::GlancePreviousPlan,
                                &[
                                    (
                                        "figure",
                                        &format!(
                                            "{} ({})",
                                            i18n::number(results.previous_plan.count.into()),
                                            results.previous_plan.label().to_lowercase(),
                                        ),
                                    ),
                                ],
                            )}
                        </span>
                    </dd>
                </div>
                <div>
                    <dt>{t(Msg::GlanceProcess)}</dt>
                    <dd>
                        <span class="figure figure-words">
                            {t(if f.process.threshold_met { Msg::ThresholdMet } else { Msg::ThresholdNotMet })}
                        </span>
                    </dd>
                </div>
            </dl>
            <p class="glance-note">
                {t(Msg::GlanceNote)} <a href=routes::href("/commitments")>{t(Msg::CompareCommitments)}</a>
            </p>
        </section>
    }
}

#[component]
fn Contents(report: &'static Report) -> impl IntoView {
    view! {
        <nav class="toc" aria-labelledby="toc-heading">
            <h2 id="toc-heading">{t(Msg::Contents)}</h2>
            <ol>
                {report
                    .sections
                    .iter()
                    .map(|s| {
                        let (label, lang) = match s.heading.as_deref() {
                            Some(heading) => (heading, Some(report.language.as_str())),
                            None => (t(Msg::Summary), None),
                        };
                        view! {
                            <li>
                                <a href=routes::href(&routes::report_anchor(&s.id)) lang=lang>
                                    {label}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()} <li>
                    <a href=routes::href(&routes::report_anchor("footnotes"))>{t(Msg::Footnotes)}</a>
                </li> <li class="edition-addition">
                    <a href=routes::href(&routes::report_anchor("commitments"))>{t(Msg::TheCommitments)}</a>
                </li>
            </ol>
        </nav>
    }
}

#[component]
fn ReportSection(section: &'static Section) -> impl IntoView {
    let heading_id = format!("{}-heading", section.id);
    let label = section.heading.is_none().then(|| t(Msg::Summary));
    let lang = use_report().language.as_str();
    let labelled_by = section.heading.is_some().then(|| heading_id.clone());
    view! {
        <section id=section.id.as_str() aria-labelledby=labelled_by aria-label=label class="report-section">
            {section
                .heading
                .clone()
                .map(|heading| {
                    view! {
                        <LinkedHeading
                            level=2
                            id=heading_id
                            text=heading
                            path=routes::report_anchor(&section.id)
                            lang=lang
                        />
                    }
                })}
            <Paragraphs paragraphs=&section.paragraphs lang=lang />
            {charts_for(&section.id).iter().map(|id| view! { <ChartFigure id=*id /> }).collect_view()}
            {section
                .observations
                .iter()
                .map(|o| {
                    view! {
                        <section id=o.id.as_str() class="observation" aria-labelledby=format!("{}-heading", o.id)>
                            <LinkedHeading
                                level=3
                                id=format!("{}-heading", o.id)
                                text=o.heading()
                                path=routes::report_anchor(&o.id)
                                lang=lang
                            />
                            <Paragraphs paragraphs=&o.paragraphs lang=lang />
                        </section>
                    }
                })
                .collect_view()}
        </section>
    }
}

/// The charts shown after the text of the section that discusses them.
fn charts_for(section_id: &str) -> &'static [ChartId] {
    match section_id {
        "early-results" => &[ChartId::EarlyResults],
        "completion" => &[ChartId::Completion],
        "implementation-in-context" => &[ChartId::Inflation],
        _ => &[],
    }
}

#[component]
fn Paragraphs(paragraphs: &'static [Paragraph], lang: &'static str) -> impl IntoView {
    paragraphs
        .iter()
        .map(|p| {
            view! {
                <p id=p.id.as_str() lang=lang>
                    <RichText spans=p.spans.clone() anchor=p.id.clone() />
                </p>
            }
        })
        .collect_view()
}

/// The commitments with what the report states about each: added by this edition, and said to be.
#[component]
fn Commitments(report: &'static Report) -> impl IntoView {
    view! {
        <aside id="commitments" aria-labelledby="commitments-heading" class="commitment-list edition-addition">
            <LinkedHeading
                level=2
                id="commitments-heading".to_string()
                text=t(Msg::TheCommitments).to_string()
                path=routes::report_anchor("commitments")
            />
            <p class="edition-note">{t(Msg::EditionAdditionNote)}</p>
            <ol>
                {report
                    .commitments
                    .iter()
                    .map(|c| {
                        view! {
                            <li value=c.number.to_string()>
                                <a href=routes::href(&routes::commitment(c.number))>
                                    <CommitmentName commitment=c />
                                </a>
                                <span class="summary-ratings">
                                    {tf(
                                        Msg::SummaryRatings,
                                        &[
                                            ("completion", &c.completion.level.describe().to_lowercase()),
                                            ("results", &c.early_results.level.label().to_lowercase()),
                                        ],
                                    )}
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <ChartFigure id=ChartId::Matrix />
            <p>
                <a href=routes::href("/commitments")>{t(Msg::SortAndFilter)}</a>
            </p>
        </aside>
    }
}

#[component]
fn Footnotes(report: &'static Report) -> impl IntoView {
    let citing = report.citing_by_footnote();
    view! {
        <section id="footnotes" aria-labelledby="footnotes-heading" class="footnotes">
            <LinkedHeading
                level=2
                id="footnotes-heading".to_string()
                text=t(Msg::Footnotes).to_string()
                path=routes::report_anchor("footnotes")
            />
            <ol>
                {report
                    .footnotes
                    .iter()
                    .map(|f| {
                        let back_links = citing
                            .get(&f.number)
                            .into_iter()
                            .flatten()
                            .map(|p| {
                                let target = format!("#{}", footnote_marker_id(f.number, &p.paragraph.id));
                                view! {
                                    " "
                                    <a
                                        href=target
                                        class="back-link"
                                        aria-label=tf(Msg::BackToCitingText, &[("n", &f.number)])
                                    >
                                        "↩"
                                    </a>
                                }
                            })
                            .collect_view();
                        view! {
                            <li id=format!("fn-{}", f.number) value=f.number.to_string()>
                                <Citation footnote=f />
                                {back_links}
                                " "
                                <a href=routes::href(&routes::source(f.number)) class="source-link">
                                    {tf(Msg::AboutSourceN, &[("n", &f.number)])}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}
