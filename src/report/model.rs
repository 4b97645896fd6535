//! The validated report: what views and charts read. Only `validate` builds it, so every reference in it
//! resolves, every level is known and every link is http(s).

pub use super::bundle::{Basis, Figures, Footnote, Promising, Reference, SourcedFact};
use std::sync::OnceLock;

use super::inline::{plain_text, Span};
use super::rating::{CompletionRange, EarlyResults};
use super::text::sentences;

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub schema_version: u32,
    pub id: String,
    pub language: String,
    pub title: String,
    pub country: String,
    pub period: String,
    pub publisher: String,
    pub author: String,
    pub url: String,
    pub sections: Vec<Section>,
    pub footnotes: Vec<Footnote>,
    pub commitments: Vec<Commitment>,
    pub reference_note: String,
    pub context_facts: Vec<SourcedFact>,
    pub figures: Figures,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Stable, URL-safe: the anchor in `/#early-results`.
    pub id: String,
    pub heading: Option<String>,
    pub paragraphs: Vec<Paragraph>,
    pub observations: Vec<Observation>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    pub number: u32,
    /// `observation-1`: its anchor.
    pub id: String,
    pub title: String,
    pub paragraphs: Vec<Paragraph>,
}

impl Observation {
    /// The heading as the report prints it, e.g. "Observation 1: Meaningful collaboration …".
    pub fn heading(&self) -> String {
        format!("Observation {}: {}", self.number, self.title)
    }
}

#[derive(Debug, Clone)]
pub struct Paragraph {
    /// `completion-p1`, `observation-2-p1`: its anchor, derived from its place.
    pub id: String,
    pub spans: Vec<Span>,
    /// Its sentences, split the first time they are asked for (quotes on every commitment page).
    sentences: OnceLock<Vec<Vec<Span>>>,
}

impl PartialEq for Paragraph {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id && self.spans == other.spans
    }
}

impl Paragraph {
    pub fn new(id: String, spans: Vec<Span>) -> Self {
        Paragraph { id, spans, sentences: OnceLock::new() }
    }

    /// Its sentences (`text::sentences`), split once.
    pub fn sentences(&self) -> &[Vec<Span>] {
        self.sentences.get_or_init(|| sentences(&self.spans))
    }

    pub fn plain_text(&self) -> String {
        plain_text(&self.spans)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Commitment {
    pub number: u32,
    pub completion: Rated<CompletionRange>,
    pub early_results: Rated<EarlyResults>,
    /// None: the report does not say whether it was promising.
    pub promising: Option<Promising>,
    pub reference: Option<Reference>,
}

impl Commitment {
    /// The title from OGP's commitment page, if one was found.
    pub fn title(&self) -> Option<&str> {
        self.reference.as_ref().map(|reference| reference.title.as_str())
    }

    pub fn ogp_id(&self) -> Option<&str> {
        self.reference.as_ref().map(|reference| reference.ogp_id.as_str())
    }

    /// Whether the report itself says this commitment was promising at design.
    pub fn is_stated_promising(&self) -> bool {
        self.promising.as_ref().is_some_and(|p| p.value && p.basis == Basis::Report)
    }

    /// The first lead institution OGP's page names.
    pub fn lead_institution(&self) -> Option<&str> {
        self.reference.as_ref().and_then(|reference| reference.lead_institutions.first()).map(String::as_str)
    }
}

/// A rating with the verbatim passages of the report it rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct Rated<T> {
    pub level: T,
    pub evidence: Vec<String>,
}
