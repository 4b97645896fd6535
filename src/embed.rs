//! Embedding on partner sites: the embed URLs, their options, the snippet a partner copies and the oEmbed
//! document. Plain Rust. (The height and theme messages are `src/boot.js`'s: an embed sizes itself before,
//! and without, its wasm.)

use serde::Serialize;

use crate::charts::{escape_xml, ChartId};
use crate::i18n::{t, Msg};
use crate::labels::commitment_heading;
use crate::report::inline::parse_number;
use crate::report::Report;

/// The host script resizes only iframes carrying this attribute.
pub const IFRAME_MARKER: &str = "data-irm-embed";
/// The host script, served beside the app.
pub const HOST_SCRIPT: &str = "embed.js";

/// What an embed URL shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmbedView {
    Commitment(u32),
    Scorecard,
    Chart(ChartId),
}

/// Why an embed URL shows an error card instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmbedError {
    NoCommitment(String),
    NoChart(String),
    UnknownPath(String),
}

impl EmbedView {
    /// Every embeddable view of a report, for writing oEmbed files.
    pub fn all(report: &Report) -> Vec<EmbedView> {
        let mut views: Vec<EmbedView> = report.commitments.iter().map(|c| EmbedView::Commitment(c.number)).collect();
        views.push(EmbedView::Scorecard);
        views.extend(ChartId::ALL.iter().map(|id| EmbedView::Chart(*id)));
        views
    }

    /// `/embed/commitments/3`.
    pub fn path(self) -> String {
        match self {
            EmbedView::Commitment(n) => format!("/embed/commitments/{n}"),
            EmbedView::Scorecard => "/embed/scorecard".to_string(),
            EmbedView::Chart(id) => format!("/embed/charts/{}", id.id()),
        }
    }

    /// The full view it stands for: `/commitments/3`, `/commitments`, `/#chart-completion`.
    pub fn full_path(self) -> String {
        match self {
            EmbedView::Commitment(n) => format!("/commitments/{n}"),
            EmbedView::Scorecard => "/commitments".to_string(),
            EmbedView::Chart(id) => format!("/#{}", id.anchor()),
        }
    }

    /// A unique, descriptive iframe title.
    pub fn title(self, report: &Report) -> String {
        let what = match self {
            EmbedView::Commitment(n) => commitment_heading(n, report.commitment(n).and_then(|c| c.title())),
            EmbedView::Scorecard => t(Msg::ScorecardTitle).to_string(),
            EmbedView::Chart(id) => id.label().to_string(),
        };
        format!("{what} — {}", report.title)
    }

    /// A height that fits the content at common widths, before the embed reports its own.
    pub fn initial_height(self, options: EmbedOptions) -> u32 {
        match (self, options.compact) {
            (EmbedView::Commitment(_), false) => 900,
            (EmbedView::Commitment(_), true) => 360,
            (EmbedView::Scorecard, _) => 640,
            (EmbedView::Chart(_), false) => 560,
            (EmbedView::Chart(_), true) => 460,
        }
    }
}

/// Reads an embed path (after the base path): `/embed/commitments/3`, `/embed/scorecard`, `/embed/charts/inflation`.
pub fn parse_embed_path(report: &Report, path: &str) -> Result<EmbedView, EmbedError> {
    let rest = path.strip_prefix("/embed/").unwrap_or(path).trim_end_matches('/');
    let segments: Vec<&str> = rest.split('/').collect();
    match segments.as_slice() {
        ["scorecard"] => Ok(EmbedView::Scorecard),
        ["commitments", n] => match parse_number(n).filter(|n| report.commitment(*n).is_some()) {
            Some(n) => Ok(EmbedView::Commitment(n)),
            None => Err(EmbedError::NoCommitment(n.to_string())),
        },
        ["charts", name] => {
            ChartId::from_id(name).map(EmbedView::Chart).ok_or_else(|| EmbedError::NoChart(name.to_string()))
        }
        _ => Err(EmbedError::UnknownPath(path.to_string())),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EmbedTheme {
    /// Follow the reader's system.
    #[default]
    Auto,
    Light,
    Dark,
}

impl EmbedTheme {
    pub const ALL: [EmbedTheme; 3] = [EmbedTheme::Auto, EmbedTheme::Light, EmbedTheme::Dark];

    pub fn id(self) -> &'static str {
        match self {
            EmbedTheme::Auto => "auto",
            EmbedTheme::Light => "light",
            EmbedTheme::Dark => "dark",
        }
    }
}

/// The flags an embed URL takes: `?theme=dark&compact` (read in the browser by `boot.js`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct EmbedOptions {
    pub theme: EmbedTheme,
    pub compact: bool,
}

impl EmbedOptions {
    /// "" for the defaults, else `?theme=dark&compact`.
    pub fn to_query_string(self) -> String {
        let mut parts = Vec::new();
        if self.theme != EmbedTheme::Auto {
            parts.push(format!("theme={}", self.theme.id()));
        }
        if self.compact {
            parts.push("compact".to_string());
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

/// `site` is the app's address with its base path and a trailing slash: `https://example.org/mongolia/`.
pub fn embed_url(site: &str, view: EmbedView, options: EmbedOptions) -> String {
    format!("{}{}{}", site.trim_end_matches('/'), view.path(), options.to_query_string())
}

/// The HTML a partner pastes: the iframe and the host script that sizes it.
pub fn snippet(site: &str, report: &Report, view: EmbedView, options: EmbedOptions) -> String {
    format!(
        "<iframe src=\"{src}\" title=\"{title}\" width=\"100%\" height=\"{height}\" loading=\"lazy\" style=\"border:0\" {IFRAME_MARKER}></iframe>\n<script async src=\"{script}\"></script>",
        src = escape_xml(&embed_url(site, view, options)),
        title = escape_xml(&view.title(report)),
        height = view.initial_height(options),
        script = escape_xml(&format!("{}/{HOST_SCRIPT}", site.trim_end_matches('/'))),
    )
}

/// An oEmbed 1.0 "rich" document (https://oembed.com).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OEmbed {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub version: &'static str,
    pub title: String,
    pub provider_name: String,
    pub provider_url: String,
    pub html: String,
    pub width: u32,
    pub height: u32,
}

/// The widest an embed is laid out for, as oEmbed's `width`.
pub const OEMBED_WIDTH: u32 = 640;

pub fn oembed(site: &str, report: &Report, view: EmbedView) -> OEmbed {
    let options = EmbedOptions::default();
    OEmbed {
        kind: "rich",
        version: "1.0",
        title: view.title(report),
        provider_name: format!("{} (interactive edition)", report.title),
        provider_url: site.to_string(),
        html: snippet(site, report, view, options),
        width: OEMBED_WIDTH,
        height: view.initial_height(options),
    }
}

/// Where a view's oEmbed document is written: `oembed/commitments/3.json` (relative to the site).
pub fn oembed_file(view: EmbedView) -> String {
    format!("oembed{}.json", view.path().trim_start_matches("/embed"))
}
