//! The bundle as it is stored in `data/*.json`: serde types, close to the file.
//! Text stays unparsed and levels stay strings here, so that validation can report every problem at once.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Bundle {
    pub schema_version: u32,
    pub id: String,
    pub language: String,
    pub title: String,
    pub country: String,
    pub period: String,
    pub publisher: String,
    /// Who wrote it, for citations.
    pub author: String,
    /// Where the report is published.
    pub url: String,
    pub sections: Vec<RawSection>,
    pub footnotes: Vec<Footnote>,
    pub commitments: Vec<RawCommitment>,
    /// How facts from outside the report were matched to it.
    pub reference_note: String,
    #[serde(default)]
    pub context_facts: Vec<SourcedFact>,
    pub figures: Figures,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    pub id: String,
    /// The report's own heading; the opening summary has none.
    pub heading: Option<String>,
    pub paragraphs: Vec<String>,
    #[serde(default)]
    pub observations: Vec<RawObservation>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawObservation {
    pub number: u32,
    /// The observation's first sentence, which the report prints as its title.
    pub title: String,
    pub paragraphs: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Footnote {
    pub number: u32,
    /// The citation exactly as published, address included.
    pub citation: String,
    pub url: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawCommitment {
    pub number: u32,
    pub completion: RawCompletion,
    pub early_results: RawEarlyResults,
    /// Absent or null: the report does not say.
    #[serde(default)]
    pub promising: Option<Promising>,
    /// Facts from OGP's commitment page; null where no page was found.
    #[serde(default)]
    pub reference: Option<Reference>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawCompletion {
    pub from: String,
    pub to: String,
    /// Verbatim passages of the report that support the rating.
    pub evidence: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawEarlyResults {
    pub level: String,
    pub evidence: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Stated in the report; `evidence` quotes it.
    Report,
    /// Not stated in the report; `source` and `note` say where it comes from.
    Inferred,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Promising {
    pub value: bool,
    pub basis: Basis,
    #[serde(default)]
    pub evidence: Vec<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    pub ogp_id: String,
    pub title: String,
    pub lead_institutions: Vec<String>,
    pub policy_areas: Vec<String>,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SourcedFact {
    pub text: String,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Figures {
    pub high_completion: HighCompletion,
    pub early_results: EarlyResultsFigure,
    pub inflation: Inflation,
    pub china_trade_share: TradeShare,
    pub process: Process,
    /// How many commitments the report counts as promising at design (it may name fewer of them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promising_at_design: Option<PromisingCount>,
}

/// A count the report states, with the quote that states it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PromisingCount {
    pub count: u32,
    pub evidence: Vec<String>,
}

/// Whether the country met the OGP threshold for participation in co-creation and implementation.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Process {
    pub threshold_met: bool,
    pub evidence: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct HighCompletion {
    pub this_plan: Share,
    pub previous_plan: Share,
    pub evidence: Vec<String>,
}

/// "count of total (percent%)", with the percentage as the report prints it.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Share {
    pub count: u32,
    pub total: u32,
    pub percent: u32,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EarlyResultsFigure {
    pub this_plan: Count,
    pub previous_plan: PreviousResults,
    pub evidence: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Count {
    pub count: u32,
    pub total: u32,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PreviousResults {
    pub count: u32,
    /// An early-results level id.
    pub level: String,
}

impl PreviousResults {
    /// The level as a rating; validation guarantees it parses in a loaded report.
    pub fn rating(&self) -> Option<super::rating::EarlyResults> {
        super::rating::EarlyResults::from_id(&self.level)
    }

    /// Its reader's label ("Marginal"), or the id if it were unknown.
    pub fn label(&self) -> &str {
        self.rating().map_or(self.level.as_str(), |level| level.label())
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Inflation {
    pub footnote: u32,
    pub points: Vec<YearPercent>,
    pub evidence: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct YearPercent {
    pub year: u32,
    pub percent: f64,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TradeShare {
    pub more_than_percent: u32,
    pub footnote: u32,
    pub evidence: Vec<String>,
}
