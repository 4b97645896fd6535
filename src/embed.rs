//! Embedding on partner sites: the embed URLs, their options, the snippet a partner copies, the oEmbed
//! document, and the height message an embed sends its host page. Plain Rust.

use serde::{Deserialize, Serialize};

use crate::charts::{escape_xml, ChartId};
use crate::i18n::{t, tf, Msg};
use crate::report::inline::parse_number;
use crate::report::Report;

/// Our own height message's `type`; the embed also sends AMP's `{sentinel: "amp", type: "embed-size"}`.
pub const MESSAGE_TYPE: &str = "irm-embed:resize";
pub const MESSAGE_VERSION: u32 = 1;
/// The one message an embed accepts from its host page: `{ type, version, theme }` (README, "Embedding").
pub const THEME_MESSAGE_TYPE: &str = "irm-embed:theme";
/// Longer messages are not read at all.
const MAX_HOST_MESSAGE_BYTES: usize = 256;
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
            EmbedView::Commitment(n) => match report.commitment(n).and_then(|c| c.title()) {
                Some(title) => format!("{}: {title}", tf(Msg::CommitmentN, &[("n", &n)])),
                None => tf(Msg::CommitmentN, &[("n", &n)]),
            },
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

impl EmbedTheme {
    pub fn from_id(id: &str) -> Option<Self> {
        EmbedTheme::ALL.into_iter().find(|theme| theme.id() == id)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeMessage {
    #[serde(rename = "type")]
    kind: String,
    version: u32,
    theme: String,
}

/// The theme a host page asks for, from its message serialised as JSON; `None` for anything that is not
/// exactly `{ "type": "irm-embed:theme", "version": 1, "theme": "auto" | "light" | "dark" }`.
/// (The embed checks that the message came from its parent window before asking.)
pub fn parse_theme_message(json: &str) -> Option<EmbedTheme> {
    // serde would also read a struct from an array: only an object is the documented shape.
    if json.len() > MAX_HOST_MESSAGE_BYTES || !json.trim_start().starts_with('{') {
        return None;
    }
    let message: ThemeMessage = serde_json::from_str(json).ok()?;
    if message.kind != THEME_MESSAGE_TYPE || message.version != MESSAGE_VERSION {
        return None;
    }
    EmbedTheme::from_id(&message.theme)
}

/// The flags an embed URL takes: `?theme=dark&compact`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct EmbedOptions {
    pub theme: EmbedTheme,
    pub compact: bool,
}

impl EmbedOptions {
    /// Reads a query string (`?theme=dark&compact`); unknown values fall back to the defaults.
    pub fn parse(query: &str) -> Self {
        let mut options = EmbedOptions::default();
        for pair in query.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match key {
                "theme" => options.theme = EmbedTheme::from_id(value).unwrap_or_default(),
                "compact" => options.compact = !matches!(value, "0" | "false"),
                _ => {}
            }
        }
        options
    }

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

/// The tallest height an embed reports; more is treated as a layout loop.
pub const MAX_HEIGHT: u32 = 20_000;

/// At most this many height reports a second; more is a layout loop (a 100%/vh height or a scrollbar
/// reacting to every resize), not content changing.
pub const MAX_REPORTS_PER_SECOND: usize = 8;

/// What to do with a measured height.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum HeightDecision {
    Post(u32),
    /// Nothing new, or nothing sane.
    Skip,
    /// Too many reports just now: measure again after this many milliseconds, so that the last
    /// height of a burst (a resize) is still reported.
    RetryAfter(f64),
}

/// Decides which measured heights an embed reports to its host: no repeats, no absurd heights, and a
/// burst of changes is held back until it calms down.
#[derive(Debug, Default)]
pub struct HeightReporter {
    last: Option<u32>,
    /// When the recent reports were made (milliseconds).
    recent: Vec<f64>,
}

impl HeightReporter {
    /// `now_ms` is a monotonic clock.
    pub fn next(&mut self, measured: u32, now_ms: f64) -> HeightDecision {
        if measured == 0 || measured > MAX_HEIGHT || self.last == Some(measured) {
            return HeightDecision::Skip;
        }
        self.recent.retain(|t| now_ms - t < 1000.0);
        if self.recent.len() >= MAX_REPORTS_PER_SECOND {
            return HeightDecision::RetryAfter(1000.0 - (now_ms - self.recent[0]));
        }
        self.recent.push(now_ms);
        self.last = Some(measured);
        HeightDecision::Post(measured)
    }
}
