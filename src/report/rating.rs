//! The IRM rating scales, as enums with the IRM's level names, ordered from lowest to highest.

use super::ids::id_enum;

id_enum! {
    /// IRM completion levels (https://www.opengovpartnership.org/glossary/completion/).
    Completion {
        NoEvidenceAvailable = "no_evidence_available", "No evidence available";
        NotStarted = "not_started", "Not started";
        Limited = "limited", "Limited";
        Substantial = "substantial", "Substantial";
        Complete = "complete", "Complete";
    }
}

id_enum! {
    /// IRM early-results levels, with the wording the report uses.
    EarlyResults {
        NoNotableResults = "no_notable_results", "No notable results";
        Marginal = "marginal", "Marginal";
        Moderate = "moderate", "Moderate";
        Significant = "significant", "Significant";
        Outstanding = "outstanding", "Outstanding";
    }
}

pub const COMPLETION_SCALE_SOURCE: &str = "https://www.opengovpartnership.org/glossary/completion/";

/// The phrases a range is described with, by id (catalogue keys `CompletionRange.<id>`).
pub const RANGE_PHRASES: [(&str, &str); 3] = [
    ("high", "Substantially or completely implemented"),
    ("not-high", "Not substantially or completely implemented"),
    ("between", "Between {from} and {to}"),
];

/// A completion rating as the report states it: one level, or a range such as
/// "substantially or completely implemented" when the report does not say which.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CompletionRange {
    pub from: Completion,
    pub to: Completion,
}

impl CompletionRange {
    /// "High completion" in IRM terms: substantial or complete, whichever the report means.
    pub fn is_high(self) -> bool {
        self.from >= Completion::Substantial
    }

    pub fn is_exact(self) -> bool {
        self.from == self.to
    }

    pub fn contains(self, level: Completion) -> bool {
        self.from <= level && level <= self.to
    }

    /// How the report's statement reads, without choosing a level it did not state.
    pub fn describe(self) -> String {
        let phrase = |id: &str| {
            let english = RANGE_PHRASES.iter().find(|(phrase, _)| *phrase == id).map_or("", |(_, text)| *text);
            super::ids::translated("CompletionRange", id, english)
        };
        if self.is_exact() {
            self.from.label().to_string()
        } else if self.from == Completion::Substantial && self.to == Completion::Complete {
            phrase("high").to_string()
        } else if self.to == Completion::Limited && self.from == Completion::NoEvidenceAvailable {
            phrase("not-high").to_string()
        } else {
            phrase("between").replace("{from}", self.from.label()).replace("{to}", self.to.label())
        }
    }
}

impl EarlyResults {
    /// Whether the commitment "produced early results" in the report's sense.
    pub fn is_notable(self) -> bool {
        self > EarlyResults::NoNotableResults
    }

    /// The word an English report states this level with ("moderately improved", "no notable results"):
    /// a quote offered as evidence for the level must contain it.
    pub fn evidence_word(self) -> &'static str {
        match self {
            EarlyResults::NoNotableResults => "notable",
            EarlyResults::Marginal => "marginal",
            EarlyResults::Moderate => "moderate",
            EarlyResults::Significant => "significant",
            EarlyResults::Outstanding => "outstanding",
        }
    }
}

impl CompletionRange {
    /// The words an English report states high completion with ("substantially or completely
    /// implemented"); lower completion it often states only by exclusion, so it has none.
    pub fn evidence_words(self) -> &'static [&'static str] {
        if self.is_high() {
            &["substantial", "complete"]
        } else {
            &[]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_order_follows_the_scale() {
        for level in Completion::ALL {
            assert_eq!(Completion::from_id(level.id()), Some(*level));
        }
        assert!(Completion::Limited < Completion::Substantial);
        assert!(EarlyResults::Moderate > EarlyResults::Marginal);
        assert_eq!(EarlyResults::from_id("majr"), None);
    }

    #[test]
    fn ranges_describe_what_the_report_states() {
        let high = CompletionRange { from: Completion::Substantial, to: Completion::Complete };
        assert!(high.is_high() && !high.is_exact());
        assert_eq!(high.describe(), "Substantially or completely implemented");
        let low = CompletionRange { from: Completion::NoEvidenceAvailable, to: Completion::Limited };
        assert!(!low.is_high() && low.contains(Completion::NotStarted) && !low.contains(Completion::Substantial));
        assert_eq!(low.describe(), "Not substantially or completely implemented");
        let exact = CompletionRange { from: Completion::Limited, to: Completion::Limited };
        assert_eq!(exact.describe(), "Limited");
    }
}
