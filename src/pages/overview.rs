//! `/`: the report at a glance, then the whole text, sections in order, with the commitments and footnotes.

use leptos::prelude::*;

use crate::app::{scroll_to_location_hash, use_report, PageMeta};
use crate::charts::ChartId;
use crate::components::chart::ChartFigure;
use crate::components::citation::Citation;
use crate::components::heading::LinkedHeading;
use crate::components::rich_text::{footnote_marker_id, RichText};
use crate::pages::commitment::commitment_heading;
use crate::report::{Paragraph, Report, Section};
use crate::routes;

/// The table of contents names the opening summary, which has no heading in the report.
const SUMMARY_LABEL: &str = "Summary";

#[component]
pub fn Overview() -> impl IntoView {
    let report = use_report();
    Effect::new(|_| request_animation_frame(scroll_to_location_hash));
    let description =
        report.sections.first().and_then(|s| s.paragraphs.first()).map(Paragraph::plain_text).unwrap_or_default();
    view! {
        <PageMeta title=report.title.clone() description=description/>
        <article class="report" lang=report.language.as_str()>
            <h1 id="top" tabindex="-1">{report.title.as_str()}</h1>
            <AtAGlance report=report/>
            <Contents report=report/>
            {report.sections.iter().map(|section| view! { <ReportSection section=section/> }).collect_view()}
            <Commitments report=report/>
            <Footnotes report=report/>
        </article>
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
            <h2 id="at-a-glance-heading">"At a glance"</h2>
            <dl>
                <div>
                    <dt>"Commitments"</dt>
                    <dd><span class="figure">{report.commitments.len()}</span></dd>
                </div>
                <div>
                    <dt>"Substantially or completely implemented"</dt>
                    <dd>
                        <span class="figure">{format!("{} of {} ({}%)", this.count, this.total, this.percent)}</span>
                        <span class="compare">
                            {format!("previous plan: {} of {} ({}%)", previous.count, previous.total, previous.percent)}
                        </span>
                    </dd>
                </div>
                <div>
                    <dt>"Produced early results"</dt>
                    <dd>
                        <span class="figure">{format!("{} of {}", results.this_plan.count, results.this_plan.total)}</span>
                        <span class="compare">
                            {format!(
                                "previous plan: {} ({})",
                                results.previous_plan.count,
                                results.previous_plan.label().to_lowercase(),
                            )}
                        </span>
                    </dd>
                </div>
                <div>
                    <dt>"Participation and co-creation"</dt>
                    <dd>
                        <span class="figure">
                            {if f.process.threshold_met { "OGP threshold met" } else { "OGP threshold not met" }}
                        </span>
                    </dd>
                </div>
            </dl>
            <p class="glance-note">
                "Figures as the report states them. "
                <a href=routes::href("/commitments")>"Compare the commitments"</a>
            </p>
        </section>
    }
}

#[component]
fn Contents(report: &'static Report) -> impl IntoView {
    view! {
        <nav class="toc" aria-labelledby="toc-heading">
            <h2 id="toc-heading">"Contents"</h2>
            <ol>
                {report
                    .sections
                    .iter()
                    .map(|s| {
                        let label = s.heading.as_deref().unwrap_or(SUMMARY_LABEL);
                        view! { <li><a href=routes::href(&routes::report_anchor(&s.id))>{label}</a></li> }
                    })
                    .collect_view()}
                <li><a href=routes::href(&routes::report_anchor("commitments"))>"The commitments"</a></li>
                <li><a href=routes::href(&routes::report_anchor("footnotes"))>"Footnotes"</a></li>
            </ol>
        </nav>
    }
}

#[component]
fn ReportSection(section: &'static Section) -> impl IntoView {
    let heading_id = format!("{}-heading", section.id);
    let label = section.heading.is_none().then_some(SUMMARY_LABEL);
    let labelled_by = section.heading.is_some().then(|| heading_id.clone());
    view! {
        <section id=section.id.as_str() aria-labelledby=labelled_by aria-label=label class="report-section">
            {section.heading.clone().map(|heading| view! {
                <LinkedHeading level=2 id=heading_id text=heading path=routes::report_anchor(&section.id)/>
            })}
            <Paragraphs paragraphs=&section.paragraphs/>
            {charts_for(&section.id).iter().map(|id| view! { <ChartFigure id=*id/> }).collect_view()}
            {section
                .observations
                .iter()
                .map(|o| {
                    view! {
                        <section id=o.id.as_str() class="observation" aria-labelledby=format!("{}-heading", o.id)>
                            <LinkedHeading level=3 id=format!("{}-heading", o.id) text=o.heading()
                                path=routes::report_anchor(&o.id)/>
                            <Paragraphs paragraphs=&o.paragraphs/>
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
fn Paragraphs(paragraphs: &'static [Paragraph]) -> impl IntoView {
    paragraphs
        .iter()
        .map(|p| view! { <p id=p.id.as_str()><RichText spans=p.spans.clone() anchor=p.id.clone()/></p> })
        .collect_view()
}

/// The commitments with what the report states about each.
#[component]
fn Commitments(report: &'static Report) -> impl IntoView {
    view! {
        <section id="commitments" aria-labelledby="commitments-heading" class="commitment-list">
            <LinkedHeading level=2 id="commitments-heading".to_string() text="The commitments".to_string()
                path=routes::report_anchor("commitments")/>
            <ol>
                {report
                    .commitments
                    .iter()
                    .map(|c| {
                        view! {
                            <li value=c.number.to_string()>
                                <a href=routes::href(&routes::commitment(c.number))>{commitment_heading(c)}</a>
                                <span class="summary-ratings">
                                    {format!(
                                        " — completion: {}; early results: {}",
                                        c.completion.level.describe().to_lowercase(),
                                        c.early_results.level.label().to_lowercase(),
                                    )}
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <ChartFigure id=ChartId::Matrix/>
            <p><a href=routes::href("/commitments")>"Sort and filter them in the scorecard"</a></p>
        </section>
    }
}

#[component]
fn Footnotes(report: &'static Report) -> impl IntoView {
    view! {
        <section id="footnotes" aria-labelledby="footnotes-heading" class="footnotes">
            <LinkedHeading level=2 id="footnotes-heading".to_string() text="Footnotes".to_string()
                path=routes::report_anchor("footnotes")/>
            <ol>
                {report
                    .footnotes
                    .iter()
                    .map(|f| {
                        let back_links = report
                            .citing(f.number)
                            .into_iter()
                            .map(|p| {
                                let target = format!("#{}", footnote_marker_id(f.number, &p.paragraph.id));
                                view! {
                                    " "
                                    <a href=target class="back-link"
                                        aria-label=format!("Back to the text citing footnote {}", f.number)>"↩"</a>
                                }
                            })
                            .collect_view();
                        view! {
                            <li id=format!("fn-{}", f.number) value=f.number.to_string()>
                                <Citation footnote=f/>
                                {back_links}
                                " "
                                <a href=routes::href(&routes::source(f.number)) class="source-link">
                                    {format!("About source {}", f.number)}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}
