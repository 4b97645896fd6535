//! One commitment as a scorecard row: the scorecard page and its embed.

use leptos::prelude::*;

use crate::components::commitment_name::not_stated;
use crate::context::use_report;
use crate::labels::commitment_n;
use crate::report::Commitment;
use crate::routes;
use crate::scorecard::{Column, PromisingFilter};

/// One commitment as a table row; also used by the scorecard embed. Each cell names its column
/// (`data-label`), which phones show when the rows become cards.
#[component]
pub fn Row(commitment: &'static Commitment) -> impl IntoView {
    let c = commitment;
    let language = use_report().language.as_str();
    view! {
        <tr>
            <th scope="row">
                <a href=routes::href(&routes::commitment(c.number))>{commitment_n(c.number)}</a>
            </th>
            <td data-label=Column::OgpId.label()>{c.ogp_id().unwrap_or(not_stated())}</td>
            <td data-label=Column::Title.label() lang=c.title().map(|_| language)>
                {c.title().unwrap_or(not_stated())}
            </td>
            <td data-label=Column::Lead.label() lang=c.lead_institution().map(|_| language)>
                {c.lead_institution().unwrap_or(not_stated())}
            </td>
            <td data-label=Column::Completion.label()>{c.completion.level.describe()}</td>
            <td data-label=Column::Results.label()>{c.early_results.level.label()}</td>
            <td data-label=Column::Promising.label()>{PromisingFilter::of(c).label()}</td>
        </tr>
    }
}
