//! Questions views ask of a report. Pure functions over the validated model.

use std::collections::{BTreeMap, BTreeSet};

use super::bundle::Footnote;
use super::inline::Span;
use super::model::{Commitment, Observation, Paragraph, Report, Section};

/// Where a paragraph stands in the report.
#[derive(Debug, Clone, Copy)]
pub struct Located<'a> {
    pub section: &'a Section,
    pub observation: Option<&'a Observation>,
    pub paragraph: &'a Paragraph,
}

/// A sentence of the report, with the paragraph it comes from.
#[derive(Debug, Clone)]
pub struct Quote<'a> {
    pub place: Located<'a>,
    pub spans: Vec<Span>,
}

impl Report {
    pub fn commitment(&self, number: u32) -> Option<&Commitment> {
        self.commitments.iter().find(|c| c.number == number)
    }

    /// The commitment whose OGP id (e.g. "MN0050", any case) this is.
    pub fn commitment_by_ogp_id(&self, ogp_id: &str) -> Option<&Commitment> {
        self.commitments.iter().find(|c| c.ogp_id().is_some_and(|id| id.eq_ignore_ascii_case(ogp_id)))
    }

    pub fn footnote(&self, number: u32) -> Option<&Footnote> {
        self.footnotes.iter().find(|f| f.number == number)
    }

    /// The commitments before and after this one, in the report's order.
    pub fn neighbours(&self, number: u32) -> (Option<&Commitment>, Option<&Commitment>) {
        let Some(i) = self.commitments.iter().position(|c| c.number == number) else {
            return (None, None);
        };
        (i.checked_sub(1).and_then(|i| self.commitments.get(i)), self.commitments.get(i + 1))
    }

    /// Every paragraph, in reading order.
    pub fn paragraphs(&self) -> Vec<Located<'_>> {
        let mut all = Vec::new();
        for section in &self.sections {
            for paragraph in &section.paragraphs {
                all.push(Located { section, observation: None, paragraph });
            }
            for observation in &section.observations {
                for paragraph in &observation.paragraphs {
                    all.push(Located { section, observation: Some(observation), paragraph });
                }
            }
        }
        all
    }

    /// Every sentence of the report that mentions commitment `number`, in reading order.
    pub fn mentions(&self, number: u32) -> Vec<Quote<'_>> {
        self.quotes(|span| matches!(span, Span::Commitment { number: n, .. } if *n == number))
    }

    /// The sentences that contain a span `wanted` accepts, in reading order.
    fn quotes(&self, wanted: impl Fn(&Span) -> bool) -> Vec<Quote<'_>> {
        let mut quotes = Vec::new();
        for place in self.paragraphs() {
            for spans in place.paragraph.sentences() {
                if spans.iter().any(&wanted) {
                    quotes.push(Quote { place, spans: spans.clone() });
                }
            }
        }
        quotes
    }
}

impl Report {
    /// The paragraphs that cite footnote `number`, in reading order.
    pub fn citing(&self, number: u32) -> Vec<Located<'_>> {
        self.paragraphs().into_iter().filter(|p| p.paragraph.spans.contains(&Span::Footnote(number))).collect()
    }

    /// The paragraphs that cite each footnote, in reading order, each once, for all footnotes in one pass
    /// (the list of footnotes on `/` would otherwise read the whole report once per footnote).
    pub fn citing_by_footnote(&self) -> BTreeMap<u32, Vec<Located<'_>>> {
        let mut by_footnote: BTreeMap<u32, Vec<Located<'_>>> = BTreeMap::new();
        for place in self.paragraphs() {
            for number in footnotes_in(place.paragraph.spans.iter()) {
                by_footnote.entry(number).or_default().push(place);
            }
        }
        by_footnote
    }

    /// The sentences that cite footnote `number`, in reading order.
    pub fn citations(&self, number: u32) -> Vec<Quote<'_>> {
        self.quotes(|span| *span == Span::Footnote(number))
    }

    /// The sentences that cite each footnote, in reading order, for all footnotes in one pass over the
    /// report (asking `citations` once per footnote would read the whole report once per footnote).
    pub fn citations_by_footnote(&self) -> BTreeMap<u32, Vec<Quote<'_>>> {
        let mut by_footnote: BTreeMap<u32, Vec<Quote<'_>>> = BTreeMap::new();
        for place in self.paragraphs() {
            for spans in place.paragraph.sentences() {
                for number in footnotes_in(spans) {
                    by_footnote.entry(number).or_default().push(Quote { place, spans: spans.clone() });
                }
            }
        }
        by_footnote
    }

    /// The footnotes `quotes` cite, in number order, each once.
    pub fn footnotes_cited(&self, quotes: &[Quote]) -> Vec<&Footnote> {
        footnotes_in(quotes.iter().flat_map(|q| q.spans.iter())).into_iter().filter_map(|n| self.footnote(n)).collect()
    }
}

/// The footnote numbers among `spans`, in number order, each once.
pub fn footnotes_in<'a>(spans: impl IntoIterator<Item = &'a Span>) -> Vec<u32> {
    let numbers: BTreeSet<u32> = spans
        .into_iter()
        .filter_map(|span| match span {
            Span::Footnote(n) => Some(*n),
            _ => None,
        })
        .collect();
    numbers.into_iter().collect()
}

/// The observations `quotes` come from, in reading order, each once.
pub fn observations_of<'a>(quotes: &[Quote<'a>]) -> Vec<&'a Observation> {
    let mut observations: Vec<&Observation> = Vec::new();
    for o in quotes.iter().filter_map(|quote| quote.place.observation) {
        if !observations.iter().any(|seen| seen.id == o.id) {
            observations.push(o);
        }
    }
    observations
}
