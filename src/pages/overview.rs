//! `/`: the whole report, sections in order, with footnotes and the nine commitments.

use leptos::prelude::*;

use crate::app::{scroll_to_location_hash, use_report, PageMeta};
use crate::components::citation::Citation;
use crate::components::rich_text::{footnote_marker_id, RichText};
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
            <h1 id="top">{report.title.as_str()}</h1>
            <Contents report=report/>
            {report.sections.iter().map(|section| view! { <ReportSection section=section/> }).collect_view()}
            <Commitments report=report/>
            <Footnotes report=report/>
        </article>
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
                <li><a href=routes::href(&routes::report_anchor("commitments"))>"The nine commitments"</a></li>
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
            {section.heading.as_deref().map(|heading| view! { <h2 id=heading_id>{heading}</h2> })}
            <Paragraphs paragraphs=&section.paragraphs/>
            {section
                .observations
                .iter()
                .map(|o| {
                    view! {
                        <section id=o.id.as_str() class="observation" aria-labelledby=format!("{}-heading", o.id)>
                            <h3 id=format!("{}-heading", o.id)>{o.heading()}</h3>
                            <Paragraphs paragraphs=&o.paragraphs/>
                        </section>
                    }
                })
                .collect_view()}
        </section>
    }
}

#[component]
fn Paragraphs(paragraphs: &'static [Paragraph]) -> impl IntoView {
    paragraphs
        .iter()
        .map(|p| view! { <p id=p.id.as_str()><RichText spans=p.spans.clone() anchor=p.id.clone()/></p> })
        .collect_view()
}

/// The nine commitments with what the report states about each.
#[component]
fn Commitments(report: &'static Report) -> impl IntoView {
    view! {
        <section id="commitments" aria-labelledby="commitments-heading" class="commitment-list">
            <h2 id="commitments-heading">"The nine commitments"</h2>
            <ol>
                {report
                    .commitments
                    .iter()
                    .map(|c| {
                        let title = c.title().unwrap_or("Title not stated in this report");
                        view! {
                            <li value=c.number.to_string()>
                                <a href=routes::href(&routes::commitment(c.number))>
                                    {format!("Commitment {}", c.number)}
                                </a>
                                ": " {title}
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
        </section>
    }
}

#[component]
fn Footnotes(report: &'static Report) -> impl IntoView {
    view! {
        <section id="footnotes" aria-labelledby="footnotes-heading" class="footnotes">
            <h2 id="footnotes-heading">"Footnotes"</h2>
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
                                    <a href=target class="back-link" aria-label=format!("Back to the text citing footnote {}", f.number)>"↩"</a>
                                }
                            })
                            .collect_view();
                        view! {
                            <li id=format!("fn-{}", f.number) value=f.number.to_string()>
                                <Citation footnote=f/>
                                {back_links}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}
