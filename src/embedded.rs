//! The report compiled into the app, as `build.rs` validated it and wrote it out as Rust: the start
//! neither reads its JSON nor validates it again (`tests/suite/embedded.rs` holds the two equal).

use std::sync::OnceLock;

use crate::report::bundle::{
    Basis, Count, EarlyResultsFigure, Figures, Footnote, HighCompletion, Inflation, PreviousResults, Process,
    Promising, PromisingCount, Reference, Share, SourcedFact, TradeShare, YearPercent,
};
use crate::report::rating::{Completion, CompletionRange, EarlyResults};
use crate::report::{Commitment, Observation, Paragraph, Rated, Report, Section, Span};

include!(concat!(env!("OUT_DIR"), "/embedded_report.rs"));

/// The embedded report, built once.
pub fn report() -> &'static Report {
    static REPORT: OnceLock<Report> = OnceLock::new();
    REPORT.get_or_init(embedded_report)
}
