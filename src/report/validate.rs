//! Bundle -> Report. Reports every problem at once, each with its JSON path and a reason.

use std::collections::{BTreeMap, BTreeSet};

use super::bundle::{Basis, Bundle, Figures, Promising, RawCommitment, RawObservation, RawSection};
use super::ids::IdEnum;
use super::inline;
use super::model::{Commitment, Observation, Paragraph, Rated, Report, Section};
use super::query::footnotes_in;
use super::rating::{Completion, CompletionRange, EarlyResults};
use super::substrings::occur_in;

pub const SCHEMA_VERSION: u32 = 1;

/// The most a bundle may hold (see `Checker::limits`).
pub struct Limits {
    pub sections: usize,
    pub paragraphs: usize,
    pub paragraph_chars: usize,
    /// All paragraphs together, in UTF-8 bytes.
    pub text_bytes: usize,
    pub footnotes: usize,
    pub commitments: usize,
    /// Evidence quotes under one rating or figure.
    pub quotes: usize,
    /// What `/sources` repeats: each sentence once under every footnote it cites, in UTF-8 bytes.
    pub citing_bytes: usize,
}

pub const LIMITS: Limits = Limits {
    sections: 200,
    paragraphs: 2_000,
    paragraph_chars: 200_000,
    text_bytes: 1_000_000,
    footnotes: 2_000,
    commitments: 200,
    quotes: 50,
    citing_bytes: 2_000_000,
};

/// One thing wrong with a bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where, as a JSON path: `commitments[3].early_results.level`.
    pub path: String,
    pub reason: String,
}

/// Writes problems one a line, at most `MAX_PROBLEMS_SHOWN` of them: a bundle can have thousands, and
/// the first ones say what is wrong.
pub fn write_problems(f: &mut std::fmt::Formatter<'_>, problems: &[Problem]) -> std::fmt::Result {
    for (i, problem) in problems.iter().take(MAX_PROBLEMS_SHOWN).enumerate() {
        if i > 0 {
            writeln!(f)?;
        }
        write!(f, "{problem}")?;
    }
    match problems.len().saturating_sub(MAX_PROBLEMS_SHOWN) {
        0 => Ok(()),
        more => write!(f, "\n… and {more} more problems"),
    }
}

pub const MAX_PROBLEMS_SHOWN: usize = 50;

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

pub fn validate(bundle: Bundle) -> Result<Report, Vec<Problem>> {
    let mut check = Checker::default();
    // Over a limit, nothing else is read: the checks below and the pages after them do work that grows
    // with these sizes, and a listed bundle must not be able to freeze the tab that reads it.
    check.limits(&bundle);
    if !check.problems.is_empty() {
        return Err(check.problems);
    }
    check.bundle(&bundle);
    let sections: Vec<Section> =
        bundle.sections.iter().enumerate().map(|(i, s)| check.section(&format!("sections[{i}]"), s)).collect();
    let problems_before_commitments = check.problems.len();
    let commitments: Vec<Commitment> =
        bundle.commitments.iter().enumerate().map(|(i, c)| check.commitment(&format!("commitments[{i}]"), c)).collect();
    check.references(&sections, &bundle);
    check.citing_passages(&sections);
    let text = report_text(&sections);
    check.evidence(&bundle, &text);
    if bundle.language == "en" {
        check.evidence_states_its_rating(&commitments);
    }
    // Counting ratings that failed to parse would only repeat those problems in other words.
    let ratings_are_sound = check.problems.len() == problems_before_commitments;
    check.figures(&bundle.figures, ratings_are_sound.then_some(commitments.as_slice()));
    if !check.problems.is_empty() {
        return Err(check.problems);
    }
    Ok(Report {
        schema_version: bundle.schema_version,
        id: bundle.id,
        language: bundle.language,
        title: bundle.title,
        country: bundle.country,
        period: bundle.period,
        publisher: bundle.publisher,
        author: bundle.author,
        url: bundle.url,
        sections,
        footnotes: bundle.footnotes,
        commitments,
        reference_note: bundle.reference_note,
        context_facts: bundle.context_facts,
        figures: bundle.figures,
    })
}

/// The report's running text (headings and paragraphs), in which evidence quotes must appear.
fn report_text(sections: &[Section]) -> String {
    let mut text = String::new();
    for section in sections {
        let observations = section
            .observations
            .iter()
            .flat_map(|o| std::iter::once(o.heading()).chain(o.paragraphs.iter().map(Paragraph::plain_text)));
        for block in section.paragraphs.iter().map(Paragraph::plain_text).chain(observations) {
            text.push_str(&block);
            text.push('\n');
        }
    }
    text
}

#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn problem(&mut self, path: impl Into<String>, reason: impl Into<String>) {
        self.problems.push(Problem { path: path.into(), reason: reason.into() });
    }

    fn text(&mut self, path: &str, value: &str) {
        for reason in text_problems(value) {
            self.problem(path, reason);
        }
    }

    fn link(&mut self, path: &str, value: &str) {
        if let Some(c) = value.chars().find(|&c| is_disguising_control(c) || is_invisible(c)) {
            self.problem(path, format!("contains U+{:04X}, which can disguise where the link leads", c as u32));
        } else if !is_http_link(value) {
            self.problem(path, format!("not an http(s) link: {value:?}"));
        }
    }

    fn duplicates<K: Ord + std::fmt::Display>(&mut self, list: &str, field: &str, keys: impl Iterator<Item = K>) {
        let mut seen = BTreeMap::new();
        for (i, key) in keys.enumerate() {
            if let Some(first) = seen.get(&key) {
                self.problem(
                    format!("{list}[{i}].{field}"),
                    format!("duplicate {field} {key} (first at {list}[{first}])"),
                );
            } else {
                seen.insert(key, i);
            }
        }
    }

    /// Sizes far above any report (this one: 9 paragraphs of at most 1,444 characters, 4 footnotes,
    /// 9 commitments, 3 quotes a rating; the hostile test bundle: a paragraph of 108,278 characters), so that the work a bundle can ask for stays bounded.
    fn limits(&mut self, b: &Bundle) {
        let mut over = |path: String, count: usize, limit: usize, what: &str| {
            if count > limit {
                self.problem(path, format!("has {count} {what}, more than the {limit} allowed"));
            }
        };
        over("sections".into(), b.sections.len(), LIMITS.sections, "sections");
        over("footnotes".into(), b.footnotes.len(), LIMITS.footnotes, "footnotes");
        over("commitments".into(), b.commitments.len(), LIMITS.commitments, "commitments");
        let mut paragraphs = 0;
        let mut text_chars = 0;
        for (i, section) in b.sections.iter().enumerate() {
            over(format!("sections[{i}].observations"), section.observations.len(), LIMITS.sections, "observations");
            let owned = std::iter::once((format!("sections[{i}]"), &section.paragraphs)).chain(
                section
                    .observations
                    .iter()
                    .enumerate()
                    .map(|(k, o)| (format!("sections[{i}].observations[{k}]"), &o.paragraphs)),
            );
            for (path, texts) in owned {
                for (j, text) in texts.iter().enumerate() {
                    paragraphs += 1;
                    text_chars += text.len();
                    over(format!("{path}.paragraphs[{j}]"), text.chars().count(), LIMITS.paragraph_chars, "characters");
                }
            }
        }
        over("sections".into(), paragraphs, LIMITS.paragraphs, "paragraphs");
        over("sections".into(), text_chars, LIMITS.text_bytes, "bytes of text");
        for (path, quotes) in evidence_lists(b) {
            over(path.clone(), quotes.len(), LIMITS.quotes, "quotes");
            for (i, quote) in quotes.iter().enumerate() {
                over(format!("{path}[{i}]"), quote.chars().count(), LIMITS.paragraph_chars, "characters");
            }
        }
    }

    fn bundle(&mut self, b: &Bundle) {
        if b.schema_version != SCHEMA_VERSION {
            self.problem(
                "schema_version",
                format!("unsupported version {}, expected {SCHEMA_VERSION}", b.schema_version),
            );
        }
        for (path, value) in [
            ("id", &b.id),
            ("language", &b.language),
            ("title", &b.title),
            ("country", &b.country),
            ("period", &b.period),
            ("publisher", &b.publisher),
            ("author", &b.author),
            ("reference_note", &b.reference_note),
        ] {
            self.text(path, value);
        }
        self.link("url", &b.url);
        if !is_language_tag(&b.language) {
            self.problem("language", format!("not a language tag (like en or mn-Cyrl): {:?}", b.language));
        }
        if !is_slug(&b.id) {
            self.problem("id", format!("not a URL-safe id (lower-case letters, digits, '-'): {:?}", b.id));
        }
        if b.sections.is_empty() {
            self.problem("sections", "no sections");
        }
        if b.commitments.is_empty() {
            self.problem("commitments", "no commitments");
        }
        self.duplicates("sections", "id", b.sections.iter().map(|s| s.id.clone()));
        self.duplicates("footnotes", "number", b.footnotes.iter().map(|f| f.number));
        self.duplicates("commitments", "number", b.commitments.iter().map(|c| c.number));
        for (i, footnote) in b.footnotes.iter().enumerate() {
            let path = format!("footnotes[{i}]");
            self.positive(&format!("{path}.number"), footnote.number);
            self.text(&format!("{path}.citation"), &footnote.citation);
            self.link(&format!("{path}.url"), &footnote.url);
            if is_http_link(&footnote.url) && !footnote.citation.contains(&footnote.url) {
                self.problem(format!("{path}.citation"), "does not contain the footnote's url");
            }
        }
        for (i, fact) in b.context_facts.iter().enumerate() {
            self.text(&format!("context_facts[{i}].text"), &fact.text);
            self.link(&format!("context_facts[{i}].source"), &fact.source);
        }
    }

    fn positive(&mut self, path: &str, number: u32) {
        if number == 0 {
            self.problem(path, "must be 1 or more");
        }
    }

    fn section(&mut self, path: &str, s: &RawSection) -> Section {
        if !is_slug(&s.id) {
            self.problem(
                format!("{path}.id"),
                format!("not a URL-safe id (lower-case letters, digits, '-'): {:?}", s.id),
            );
        }
        if let Some(heading) = &s.heading {
            self.text(&format!("{path}.heading"), heading);
        }
        if s.paragraphs.is_empty() && s.observations.is_empty() {
            self.problem(format!("{path}.paragraphs"), "a section needs at least one paragraph or observation");
        }
        let paragraphs = self.paragraphs(path, &s.id, &s.paragraphs);
        self.duplicates(&format!("{path}.observations"), "number", s.observations.iter().map(|o| o.number));
        let observations = s
            .observations
            .iter()
            .enumerate()
            .map(|(i, o)| self.observation(&format!("{path}.observations[{i}]"), o))
            .collect();
        Section { id: s.id.clone(), heading: s.heading.clone(), paragraphs, observations }
    }

    fn observation(&mut self, path: &str, o: &RawObservation) -> Observation {
        self.positive(&format!("{path}.number"), o.number);
        self.text(&format!("{path}.title"), &o.title);
        if o.paragraphs.is_empty() {
            self.problem(format!("{path}.paragraphs"), "an observation needs at least one paragraph");
        }
        let id = format!("observation-{}", o.number);
        let paragraphs = self.paragraphs(path, &id, &o.paragraphs);
        Observation { number: o.number, id, title: o.title.clone(), paragraphs }
    }

    fn paragraphs(&mut self, path: &str, owner_id: &str, texts: &[String]) -> Vec<Paragraph> {
        texts
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let at = format!("{path}.paragraphs[{i}]");
                self.text(&at, text);
                let spans = inline::parse(text).unwrap_or_else(|error| {
                    self.problem(at, error.to_string());
                    Vec::new()
                });
                Paragraph::new(format!("{owner_id}-p{}", i + 1), spans)
            })
            .collect()
    }

    /// Footnote and commitment references in the text must resolve; every footnote must be cited.
    fn references(&mut self, sections: &[Section], b: &Bundle) {
        let footnotes: BTreeSet<u32> = b.footnotes.iter().map(|f| f.number).collect();
        let commitments: BTreeSet<u32> = b.commitments.iter().map(|c| c.number).collect();
        let mut cited = BTreeSet::new();
        for (path, paragraph) in paragraphs_with_paths(sections) {
            for span in &paragraph.spans {
                match span {
                    inline::Span::Footnote(n) => {
                        cited.insert(*n);
                        if !footnotes.contains(n) {
                            self.problem(path.clone(), format!("footnote [{n}] does not exist"));
                        }
                    }
                    inline::Span::Commitment { number, .. } if !commitments.contains(number) => {
                        self.problem(path.clone(), format!("mentions commitment {number}, which does not exist"));
                    }
                    _ => {}
                }
            }
        }
        for (i, footnote) in b.footnotes.iter().enumerate() {
            if !cited.contains(&footnote.number) {
                self.problem(
                    format!("footnotes[{i}]"),
                    format!("footnote {} is never cited in the text", footnote.number),
                );
            }
        }
        for (path, n) in [
            ("figures.inflation.footnote", b.figures.inflation.footnote),
            ("figures.china_trade_share.footnote", b.figures.china_trade_share.footnote),
        ] {
            if !footnotes.contains(&n) {
                self.problem(path, format!("footnote {n} does not exist"));
            }
        }
    }

    /// `/sources` shows each sentence under every footnote it cites: what it repeats must stay bounded.
    fn citing_passages(&mut self, sections: &[Section]) {
        let mut bytes = 0;
        for (_, paragraph) in paragraphs_with_paths(sections) {
            for sentence in paragraph.sentences() {
                let cited = footnotes_in(sentence).len();
                if cited > 0 {
                    bytes += cited * inline::plain_text(sentence).len();
                }
            }
        }
        if bytes > LIMITS.citing_bytes {
            self.problem(
                "footnotes",
                format!(
                    "the sources page would repeat {bytes} bytes of citing sentences, more than the {} allowed",
                    LIMITS.citing_bytes
                ),
            );
        }
    }

    fn commitment(&mut self, path: &str, c: &RawCommitment) -> Commitment {
        self.positive(&format!("{path}.number"), c.number);
        let from = self.level::<Completion>(&format!("{path}.completion.from"), &c.completion.from);
        let to = self.level::<Completion>(&format!("{path}.completion.to"), &c.completion.to);
        let completion = match (from, to) {
            (Some(from), Some(to)) if from <= to => CompletionRange { from, to },
            (Some(from), Some(to)) => {
                self.problem(
                    format!("{path}.completion"),
                    format!("range runs backwards: {} is above {}", from.id(), to.id()),
                );
                CompletionRange { from: to, to: from }
            }
            _ => CompletionRange { from: Completion::NoEvidenceAvailable, to: Completion::Complete },
        };
        let early = self
            .level::<EarlyResults>(&format!("{path}.early_results.level"), &c.early_results.level)
            .unwrap_or(EarlyResults::NoNotableResults);
        if let Some(promising) = &c.promising {
            self.promising(&format!("{path}.promising"), promising);
        }
        if let Some(reference) = &c.reference {
            let at = format!("{path}.reference");
            self.text(&format!("{at}.ogp_id"), &reference.ogp_id);
            self.text(&format!("{at}.title"), &reference.title);
            for (i, item) in reference.lead_institutions.iter().enumerate() {
                self.text(&format!("{at}.lead_institutions[{i}]"), item);
            }
            for (i, item) in reference.policy_areas.iter().enumerate() {
                self.text(&format!("{at}.policy_areas[{i}]"), item);
            }
            self.link(&format!("{at}.source"), &reference.source);
        }
        Commitment {
            number: c.number,
            completion: Rated { level: completion, evidence: c.completion.evidence.clone() },
            early_results: Rated { level: early, evidence: c.early_results.evidence.clone() },
            promising: c.promising.clone(),
            reference: c.reference.clone(),
        }
    }

    fn level<L: IdEnum>(&mut self, path: &str, id: &str) -> Option<L> {
        let level = L::from_id(id);
        if level.is_none() {
            self.problem(path, format!("unknown level {id:?} (expected one of: {})", L::ids()));
        }
        level
    }

    fn promising(&mut self, path: &str, p: &Promising) {
        match p.basis {
            Basis::Report => {
                if p.evidence.is_empty() {
                    self.problem(format!("{path}.evidence"), "a claim based on the report needs a quote from it");
                }
            }
            Basis::Inferred => {
                match &p.source {
                    Some(source) => self.link(&format!("{path}.source"), source),
                    None => self.problem(format!("{path}.source"), "an inferred claim needs the address of its source"),
                }
                match &p.note {
                    Some(note) => self.text(&format!("{path}.note"), note),
                    None => self
                        .problem(format!("{path}.note"), "an inferred claim needs a note saying how it was inferred"),
                }
            }
        }
    }

    /// Every quote offered as evidence must appear verbatim in the report's text (all quotes are
    /// looked for in one pass over it).
    fn evidence(&mut self, b: &Bundle, text: &str) {
        let lists = evidence_lists(b);
        let quotes: Vec<&str> = lists.iter().flat_map(|(_, quotes)| quotes.iter().map(String::as_str)).collect();
        let mut found = occur_in(text, &quotes, &mut 0).into_iter();
        for (path, quotes) in lists {
            let is_optional = path.ends_with("promising.evidence");
            if quotes.is_empty() && !is_optional {
                self.problem(path.clone(), "needs at least one quote from the report");
            }
            for (i, (quote, found)) in quotes.iter().zip(found.by_ref()).enumerate() {
                if quote.trim().is_empty() {
                    self.problem(format!("{path}[{i}]"), "empty text");
                } else if !found {
                    self.problem(format!("{path}[{i}]"), format!("quote not found in the report text: {quote:?}"));
                }
            }
        }
    }

    /// Each quote under a rating must state that rating, not merely sit near it: in an English report it
    /// contains the level's own word ("moderately improved", "did not produce notable early results").
    fn evidence_states_its_rating(&mut self, commitments: &[Commitment]) {
        for (i, c) in commitments.iter().enumerate() {
            let early = [c.early_results.level.evidence_word()];
            let rated: [(&str, &[String], &[&str]); 2] = [
                ("completion", &c.completion.evidence, c.completion.level.evidence_words()),
                ("early_results", &c.early_results.evidence, &early),
            ];
            for (rating, quotes, words) in rated {
                for (j, quote) in quotes.iter().enumerate() {
                    let lower = quote.to_lowercase();
                    if !words.is_empty() && !words.iter().any(|word| lower.contains(word)) {
                        self.problem(
                            format!("commitments[{i}].{rating}.evidence[{j}]"),
                            format!("does not state the rating (it has none of: {}): {quote:?}", words.join(", ")),
                        );
                    }
                }
            }
        }
    }

    /// The stated figures must agree with the commitments and with their own quotes.
    /// `commitments` is None when their ratings could not be read.
    fn figures(&mut self, f: &Figures, commitments: Option<&[Commitment]>) {
        let hc = &f.high_completion;
        for (path, share) in [
            ("figures.high_completion.this_plan", hc.this_plan),
            ("figures.high_completion.previous_plan", hc.previous_plan),
        ] {
            if share.count > share.total || share.total == 0 {
                self.problem(path, format!("count {} of total {} is impossible", share.count, share.total));
            } else if u64::from(share.percent) != percent(share.count, share.total) {
                self.problem(
                    format!("{path}.percent"),
                    format!(
                        "{}% does not match {} of {} ({}%)",
                        share.percent,
                        share.count,
                        share.total,
                        percent(share.count, share.total)
                    ),
                );
            }
        }
        if let Some(commitments) = commitments {
            let total = commitments.len() as u32;
            let high = commitments.iter().filter(|c| c.completion.level.is_high()).count() as u32;
            let notable = commitments.iter().filter(|c| c.early_results.level.is_notable()).count() as u32;
            if hc.this_plan.total != total {
                self.problem(
                    "figures.high_completion.this_plan.total",
                    format!("says {} but the bundle has {total} commitments", hc.this_plan.total),
                );
            }
            if hc.this_plan.count != high {
                self.problem(
                    "figures.high_completion.this_plan.count",
                    format!("says {}, but the commitments rate {high} as substantial or complete", hc.this_plan.count),
                );
            }
            let er = &f.early_results;
            if er.this_plan.total != total {
                self.problem(
                    "figures.early_results.this_plan.total",
                    format!("says {} but the bundle has {total} commitments", er.this_plan.total),
                );
            }
            if er.this_plan.count != notable {
                self.problem(
                    "figures.early_results.this_plan.count",
                    format!("says {}, but the commitments rate {notable} above no_notable_results", er.this_plan.count),
                );
            }
            if let Some(promising) = &f.promising_at_design {
                let named = commitments.iter().filter(|c| c.is_stated_promising()).count() as u32;
                if promising.count < named || promising.count > total {
                    self.problem(
                        "figures.promising_at_design.count",
                        format!(
                            "says {}, but the report names {named} promising commitments of {total}",
                            promising.count
                        ),
                    );
                }
            }
        }
        self.level::<EarlyResults>("figures.early_results.previous_plan.level", &f.early_results.previous_plan.level);
        let quotes = f.inflation.evidence.join("\n");
        if f.inflation.points.is_empty() {
            self.problem("figures.inflation.points", "no data points");
        }
        for (i, point) in f.inflation.points.iter().enumerate() {
            let stated = format!("{}% in {}", point.percent, point.year);
            if !quotes.contains(&stated) {
                self.problem(
                    format!("figures.inflation.points[{i}]"),
                    format!("{stated:?} is not what the quoted text states"),
                );
            }
        }
        let share = &f.china_trade_share;
        let stated = format!("more than {}%", share.more_than_percent);
        if !share.evidence.join("\n").contains(&stated) {
            self.problem(
                "figures.china_trade_share.more_than_percent",
                format!("{stated:?} is not what the quoted text states"),
            );
        }
    }
}

/// Every list of evidence quotes in a bundle, with its JSON path.
fn evidence_lists(b: &Bundle) -> Vec<(String, &Vec<String>)> {
    let mut lists: Vec<(String, &Vec<String>)> = Vec::new();
    for (i, c) in b.commitments.iter().enumerate() {
        lists.push((format!("commitments[{i}].completion.evidence"), &c.completion.evidence));
        lists.push((format!("commitments[{i}].early_results.evidence"), &c.early_results.evidence));
        if let Some(p) = &c.promising {
            lists.push((format!("commitments[{i}].promising.evidence"), &p.evidence));
        }
    }
    let f = &b.figures;
    lists.push(("figures.high_completion.evidence".into(), &f.high_completion.evidence));
    lists.push(("figures.early_results.evidence".into(), &f.early_results.evidence));
    lists.push(("figures.inflation.evidence".into(), &f.inflation.evidence));
    lists.push(("figures.china_trade_share.evidence".into(), &f.china_trade_share.evidence));
    lists.push(("figures.process.evidence".into(), &f.process.evidence));
    if let Some(promising) = &f.promising_at_design {
        lists.push(("figures.promising_at_design.evidence".into(), &promising.evidence));
    }
    lists
}

/// Percentage rounded half up, as reports print them (4 of 9 -> 44). Wide arithmetic: counts come
/// from untrusted bundles.
fn percent(count: u32, total: u32) -> u64 {
    (u64::from(count) * 200 + u64::from(total)) / (u64::from(total) * 2)
}

fn paragraphs_with_paths(sections: &[Section]) -> Vec<(String, &Paragraph)> {
    let mut all = Vec::new();
    for (i, section) in sections.iter().enumerate() {
        for (j, p) in section.paragraphs.iter().enumerate() {
            all.push((format!("sections[{i}].paragraphs[{j}]"), p));
        }
        for (k, o) in section.observations.iter().enumerate() {
            for (j, p) in o.paragraphs.iter().enumerate() {
                all.push((format!("sections[{i}].observations[{k}].paragraphs[{j}]"), p));
            }
        }
    }
    all
}

/// Bidi overrides, embeddings and isolates reorder what a reader sees (a title could show a different
/// address or number than it holds); other C0/C1 controls have no place in report text either.
/// What is wrong with a text the reader sees (a title, a citation): empty, or holding a character that
/// can disguise it.
pub fn text_problems(value: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if value.trim().is_empty() {
        problems.push("empty text".to_string());
    }
    if let Some(c) = value.chars().find(|&c| is_disguising_control(c)) {
        problems.push(format!("contains the control character U+{:04X}, which can disguise text", c as u32));
    }
    problems
}

fn is_disguising_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
        || (c.is_control() && c != '\n' && c != '\t')
}

/// An absolute http(s) address with a host and no spaces or control characters.
pub fn is_http_link(value: &str) -> bool {
    let rest = value.strip_prefix("https://").or_else(|| value.strip_prefix("http://"));
    rest.is_some_and(|rest| {
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        !host.is_empty()
            && !value.chars().any(|c| {
                c.is_whitespace() || is_disguising_control(c) || is_invisible(c) || matches!(c, '<' | '>' | '"')
            })
    })
}

/// Characters that take no space: inside an address they hide where it leads.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// `en`, `mn`, `mn-Cyrl`, `en-GB`: letters and digits in hyphen-separated parts of 1 to 8 (BCP 47's shape).
pub fn is_language_tag(tag: &str) -> bool {
    tag.split('-').all(|part| (1..=8).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Lower-case letters, digits and hyphens: safe in a URL and an HTML id.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_round_half_up_like_the_report() {
        assert_eq!(percent(4, 9), 44);
        assert_eq!(percent(4, 13), 31);
        assert_eq!(percent(1, 8), 13);
        assert_eq!(percent(0, 9), 0);
    }

    #[test]
    fn only_http_links_pass() {
        assert!(is_http_link("https://data.worldbank.org/indicator/FP.CPI.TOTL.ZG"));
        assert!(is_http_link("http://example.org"));
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "https://",
            "ftp://x.org",
            "https://a b.org",
            "//x.org",
            "https:///path",
        ] {
            assert!(!is_http_link(bad), "{bad}");
        }
    }

    #[test]
    fn plain_text_of_paragraphs_keeps_footnote_markers() {
        let spans = inline::parse("a.[1] b").unwrap();
        assert_eq!(inline::plain_text(&spans), "a.[1] b");
    }
}
