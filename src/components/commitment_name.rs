//! How a commitment is named and what is said where the report says nothing: shared by the pages, the
//! scorecard and the embed views.

use leptos::prelude::*;

use crate::context::use_report;
use crate::i18n::{t, Msg};
use crate::labels::commitment_n;
use crate::report::bundle::Basis;
use crate::report::Commitment;

/// "Not stated in this report", in the interface language.
pub fn not_stated() -> &'static str {
    t(Msg::NotStated)
}

/// "Commitment 3: Participation and Accountability in Public Procurement" as markup (the plain text is
/// `labels::commitment_heading`): the title, which is report text, keeps its own language.
#[component]
pub fn CommitmentName(commitment: &'static Commitment) -> impl IntoView {
    let language = use_report().language.as_str();
    view! {
        {commitment_n(commitment.number)}
        {commitment
            .title()
            .map(|title| {
                view! {
                    ": "
                    <span lang=language>{title}</span>
                }
            })}
    }
}

/// "Yes, as stated in the report", "Yes, inferred: not stated in this report", "Not stated in this report".
pub fn promising_text(c: &Commitment) -> String {
    match &c.promising {
        None => not_stated().to_string(),
        Some(p) => t(match (p.value, p.basis) {
            (true, Basis::Report) => Msg::PromisingYesStated,
            (false, Basis::Report) => Msg::PromisingNoStated,
            (true, Basis::Inferred) => Msg::PromisingYesInferred,
            (false, Basis::Inferred) => Msg::PromisingNoInferred,
        })
        .to_string(),
    }
}

/// Under a heading that shows a commitment's title: where the title comes from (OGP's commitment page,
/// not the report), one step away.
#[component]
pub fn TitleSource(commitment: &'static Commitment) -> impl IntoView {
    commitment.reference.as_ref().map(|reference| {
        view! {
            <p class="title-source">
                <a href=reference.source.as_str() rel="noopener noreferrer">
                    {t(Msg::TitleSource)}
                </a>
            </p>
        }
    })
}
