//! The scorecard's filters and sort, and their query string (`/commitments?results=moderate,significant&sort=title`).
//! Plain Rust: the page only renders what this computes.

use std::cmp::Ordering;

use crate::i18n::{t, Msg};
use crate::report::ids::id_enum;
use crate::report::rating::EarlyResults;
use crate::report::{Commitment, Report};

id_enum! {
    Column {
        Number = "number", "No.";
        OgpId = "ogp-id", "OGP id";
        Title = "title", "Title (OGP page)";
        Lead = "lead", "Lead institution (OGP page)";
        Completion = "completion", "Completion";
        Results = "results", "Early results";
        Promising = "promising", "Promising at design";
    }
}

id_enum! {
    /// Completion as the report states it: it never says which of substantial or complete.
    CompletionFilter {
        High = "high", "Substantially or completely implemented";
        NotHigh = "not-high", "Not substantially or completely implemented";
    }
}

id_enum! {
    PromisingFilter {
        Stated = "stated", "Promising, stated in the report";
        Inferred = "inferred", "Promising, inferred (not stated in this report)";
        NotStated = "not-stated", "Not stated in this report";
    }
}

impl CompletionFilter {
    pub fn of(c: &Commitment) -> Self {
        if c.completion.level.is_high() {
            CompletionFilter::High
        } else {
            CompletionFilter::NotHigh
        }
    }
}

impl PromisingFilter {
    pub fn of(c: &Commitment) -> Self {
        match &c.promising {
            _ if c.is_stated_promising() => PromisingFilter::Stated,
            Some(p) if p.value => PromisingFilter::Inferred,
            _ => PromisingFilter::NotStated,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    pub column: Column,
    pub descending: bool,
}

impl Default for Sort {
    fn default() -> Self {
        Sort { column: Column::Number, descending: false }
    }
}

/// Filters (values within a group are alternatives; groups combine) and the sort.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScorecardQuery {
    pub completion: Vec<CompletionFilter>,
    pub results: Vec<EarlyResults>,
    pub promising: Vec<PromisingFilter>,
    pub sort: Sort,
}

/// Query parameters that were not understood, to tell the reader rather than silently drop.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ignored(pub Vec<String>);

impl ScorecardQuery {
    /// Reads the query parameters; `get` returns a parameter's raw value. Unknown values are left out
    /// and returned, so the page can say what it ignored.
    pub fn parse(get: impl Fn(&str) -> Option<String>) -> (Self, Ignored) {
        let mut ignored = Vec::new();
        let completion = values(&get, "completion", CompletionFilter::from_id, &mut ignored);
        let results = values(&get, "results", EarlyResults::from_id, &mut ignored);
        let promising = values(&get, "promising", PromisingFilter::from_id, &mut ignored);
        let sort = match get("sort").as_deref() {
            None | Some("") => Sort::default(),
            Some(raw) => {
                let (descending, id) = raw.strip_prefix('-').map_or((false, raw), |id| (true, id));
                Column::from_id(id).map(|column| Sort { column, descending }).unwrap_or_else(|| {
                    ignored.push(format!("sort={raw}"));
                    Sort::default()
                })
            }
        };
        (ScorecardQuery { completion, results, promising, sort }, Ignored(ignored))
    }

    /// The canonical query string, "" for the default view, else starting with '?'.
    pub fn to_query_string(&self) -> String {
        let mut parts = Vec::new();
        let join = |ids: Vec<&str>| ids.join(",");
        if !self.completion.is_empty() {
            parts.push(format!("completion={}", join(self.completion.iter().map(|v| v.id()).collect())));
        }
        if !self.results.is_empty() {
            parts.push(format!("results={}", join(self.results.iter().map(|v| v.id()).collect())));
        }
        if !self.promising.is_empty() {
            parts.push(format!("promising={}", join(self.promising.iter().map(|v| v.id()).collect())));
        }
        if self.sort != Sort::default() {
            parts.push(format!("sort={}{}", if self.sort.descending { "-" } else { "" }, self.sort.column.id()));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    pub fn is_filtered(&self) -> bool {
        !(self.completion.is_empty() && self.results.is_empty() && self.promising.is_empty())
    }

    pub fn toggle_completion(&self, value: CompletionFilter) -> Self {
        ScorecardQuery { completion: toggled(&self.completion, value), ..self.clone() }
    }

    pub fn toggle_results(&self, value: EarlyResults) -> Self {
        ScorecardQuery { results: toggled(&self.results, value), ..self.clone() }
    }

    pub fn toggle_promising(&self, value: PromisingFilter) -> Self {
        ScorecardQuery { promising: toggled(&self.promising, value), ..self.clone() }
    }

    /// Clicking a column heading: the same column flips direction, another sorts ascending.
    pub fn sorted_by(&self, column: Column) -> Self {
        let descending = self.sort.column == column && !self.sort.descending;
        ScorecardQuery { sort: Sort { column, descending }, ..self.clone() }
    }

    pub fn cleared_filters(&self) -> Self {
        ScorecardQuery { sort: self.sort, ..Default::default() }
    }

    pub fn matches(&self, c: &Commitment) -> bool {
        (self.completion.is_empty() || self.completion.contains(&CompletionFilter::of(c)))
            && (self.results.is_empty() || self.results.contains(&c.early_results.level))
            && (self.promising.is_empty() || self.promising.contains(&PromisingFilter::of(c)))
    }

    /// The commitments to show, filtered and sorted; ties keep the report's order.
    pub fn rows<'r>(&self, report: &'r Report) -> Vec<&'r Commitment> {
        let mut rows: Vec<&Commitment> = report.commitments.iter().filter(|c| self.matches(c)).collect();
        rows.sort_by(|a, b| compare(self.sort, a, b).then(a.number.cmp(&b.number)));
        rows
    }
}

/// The known values of a comma-separated parameter, sorted and without repeats.
fn values<T: Ord>(
    get: &impl Fn(&str) -> Option<String>,
    key: &str,
    from_id: fn(&str) -> Option<T>,
    ignored: &mut Vec<String>,
) -> Vec<T> {
    let raw = get(key).unwrap_or_default();
    let known = raw.split(',').filter(|v| !v.is_empty()).filter_map(|v| {
        let value = from_id(v);
        if value.is_none() {
            ignored.push(format!("{key}={v}"));
        }
        value
    });
    canonical(known)
}

fn canonical<T: Ord>(values: impl Iterator<Item = T>) -> Vec<T> {
    let mut values: Vec<T> = values.collect();
    values.sort();
    values.dedup();
    values
}

fn toggled<T: Ord + Copy>(values: &[T], value: T) -> Vec<T> {
    if values.contains(&value) {
        values.iter().copied().filter(|v| *v != value).collect()
    } else {
        canonical(values.iter().copied().chain(std::iter::once(value)))
    }
}

/// Compares by the sort column; what is not stated comes last in either direction.
fn compare(sort: Sort, a: &Commitment, b: &Commitment) -> Ordering {
    let directed = |order: Ordering| if sort.descending { order.reverse() } else { order };
    let text = |x: Option<&str>, y: Option<&str>| match (x, y) {
        (Some(x), Some(y)) => directed(x.to_lowercase().cmp(&y.to_lowercase())),
        (x, y) => x.is_none().cmp(&y.is_none()),
    };
    match sort.column {
        Column::Number => directed(a.number.cmp(&b.number)),
        Column::OgpId => text(a.ogp_id(), b.ogp_id()),
        Column::Title => text(a.title(), b.title()),
        Column::Lead => text(a.lead_institution(), b.lead_institution()),
        Column::Completion => {
            let (ra, rb) = (a.completion.level, b.completion.level);
            directed((ra.from, ra.to).cmp(&(rb.from, rb.to)))
        }
        Column::Results => directed(a.early_results.level.cmp(&b.early_results.level)),
        // Ascending puts "yes, stated" first, then inferred, then not stated.
        Column::Promising => directed(PromisingFilter::of(a).cmp(&PromisingFilter::of(b))),
    }
}

/// The scorecard as CSV (UTF-8 with BOM): what the report states per commitment, and the facts from
/// OGP's pages with their source. Empty cells: not stated.
pub fn scorecard_csv(report: &Report) -> Result<String, String> {
    // In the interface language, like the values (rating labels) under them.
    let header: Vec<String> = [
        t(Msg::ChartCommitment),
        Column::OgpId.label(),
        // Plain: the CSV's own source column says where titles come from.
        t(Msg::CsvTitle),
        t(Msg::LeadInstitutions),
        t(Msg::PolicyAreas),
        t(Msg::CsvCompletion),
        t(Msg::CsvEarlyResults),
        t(Msg::PromisingAtDesign),
        t(Msg::CsvSource),
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let rows: Vec<Vec<String>> = report
        .commitments
        .iter()
        .map(|c| {
            let reference = c.reference.as_ref();
            let field = |f: fn(&crate::report::bundle::Reference) -> String| reference.map(f).unwrap_or_default();
            vec![
                c.number.to_string(),
                field(|r| r.ogp_id.clone()),
                field(|r| r.title.clone()),
                field(|r| r.lead_institutions.join("; ")),
                field(|r| r.policy_areas.join("; ")),
                c.completion.level.describe(),
                c.early_results.level.label().to_string(),
                PromisingFilter::of(c).label().to_string(),
                field(|r| r.source.clone()),
            ]
        })
        .collect();
    crate::table::DataTable { columns: header, rows }.to_csv()
}
