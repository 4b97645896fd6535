//! Every value the reader sees a label for (rating levels, scorecard columns and filters, charts) and the
//! catalogue keys that makes: above `i18n`, which knows none of its users, and above the modules that
//! define those values. A catalogue is complete when it has a text for each.

use crate::charts::ChartId;
use crate::i18n::{self, Catalogue, Msg};
use crate::report::bundle::Share;
use crate::report::rating::{Completion, EarlyResults, RANGE_PHRASES};
use crate::report::Problem;
use crate::scorecard::{Column, CompletionFilter, PromisingFilter};

/// Every value with a reader's label, as `(type name, id, English label)`: each is a catalogue key
/// `Type.id` (`Completion.limited`).
pub fn labelled_ids() -> Vec<(&'static str, &'static str, &'static str)> {
    fn all<T: Copy>(
        kind: &'static str,
        values: &[T],
        id: fn(T) -> &'static str,
        label: fn(T) -> &'static str,
    ) -> Vec<(&'static str, &'static str, &'static str)> {
        values.iter().map(|&v| (kind, id(v), label(v))).collect()
    }
    [
        all("Completion", Completion::ALL, Completion::id, Completion::english_label),
        all("EarlyResults", EarlyResults::ALL, EarlyResults::id, EarlyResults::english_label),
        all("Column", Column::ALL, Column::id, Column::english_label),
        all("CompletionFilter", CompletionFilter::ALL, CompletionFilter::id, CompletionFilter::english_label),
        all("PromisingFilter", PromisingFilter::ALL, PromisingFilter::id, PromisingFilter::english_label),
        all("ChartId", ChartId::ALL, ChartId::id, ChartId::english_label),
        RANGE_PHRASES.iter().map(|&(id, text)| ("CompletionRange", id, text)).collect(),
    ]
    .concat()
}

/// Every key a catalogue must have: the messages, and a label for each rating level and option.
pub fn required_keys() -> Vec<String> {
    let mut keys: Vec<String> = Msg::ALL.iter().map(|msg| msg.key().to_string()).collect();
    keys.extend(labelled_ids().into_iter().map(|(kind, id, _)| format!("{kind}.{id}")));
    keys
}

/// Parses a catalogue and checks that it is complete (`i18n::parse_catalogue` with `required_keys`).
pub fn parse_catalogue(language: &str, json: &str) -> Result<Catalogue, Vec<Problem>> {
    i18n::parse_catalogue(language, json, &required_keys())
}

/// "Commitment 3", in the interface language.
pub fn commitment_n(number: u32) -> String {
    i18n::tf(Msg::CommitmentN, &[("n", &number)])
}

/// "4 of 9 (44%)", with the percentage as the report prints it.
pub fn share(figure: Share) -> String {
    format!("{} ({}%)", count_of(figure.count, figure.total), i18n::number(figure.percent.into()))
}

/// "4 of 9".
pub fn count_of(count: u32, total: u32) -> String {
    i18n::tf(Msg::CountOf, &[("count", &i18n::number(count.into())), ("total", &i18n::number(total.into()))])
}

/// "Commitment 3: Participation and Accountability in Public Procurement", or "Commitment 3" where no
/// title is known: as plain text (page titles, iframe titles, search results).
pub fn commitment_heading(number: u32, title: Option<&str>) -> String {
    match title {
        Some(title) => format!("{}: {title}", commitment_n(number)),
        None => commitment_n(number),
    }
}
