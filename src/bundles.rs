//! Report bundles beyond the embedded one: the `bundles/index.json` manifest served beside the app, and
//! the rules a fetched file must pass before the app uses it. Plain Rust; `crate::fetch` does the network.

use serde::{Deserialize, Serialize};

use crate::report::validate::{is_language_tag, is_slug, text_problems, write_problems};
use crate::report::{parse_json, LoadError, Problem, Report};

/// Where the manifest lives, relative to the app's base address.
pub const MANIFEST_PATH: &str = "bundles/index.json";
/// The biggest manifest read (a list of a few bundles is a few hundred bytes).
pub const MAX_MANIFEST_BYTES: usize = 64 * 1024;
/// The biggest bundle or catalogue read: 80 times the embedded report, and far below what would stall a phone.
pub const MAX_BUNDLE_BYTES: usize = 2 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub bundles: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// What `?bundle=` names; the bundle's own `id` must match.
    pub id: String,
    pub title: String,
    /// The language of the bundle's text (BCP 47, e.g. `en`, `mn`).
    pub language: String,
    /// A file path relative to the manifest, such as `mongolia-2021-2023.json`.
    pub path: String,
}

/// Where the build puts the compiled-in report's bundle, relative to the app's base address: beside the
/// manifest, as its first entry says.
pub fn embedded_bundle_path(report: &Report) -> String {
    let directory = MANIFEST_PATH.rsplit_once('/').map_or("", |(directory, _)| directory);
    format!("{directory}/{}", Manifest::of(report).bundles[0].path)
}

impl Manifest {
    /// The manifest the build writes: the compiled-in report alone, as `<id>.json` beside it. A deployer may
    /// list more; until the served one is read, this is what the app shows (and what pages are prerendered with).
    pub fn of(report: &Report) -> Self {
        let entry = Entry {
            id: report.id.clone(),
            title: report.title.clone(),
            language: report.language.clone(),
            path: format!("{}.json", report.id),
        };
        Manifest { bundles: vec![entry] }
    }

    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.bundles.iter().find(|entry| entry.id == id)
    }
}

/// Parses and checks a manifest: ids are URL-safe and unique, paths stay beside the manifest.
pub fn parse_manifest(json: &str) -> Result<Manifest, Vec<Problem>> {
    let manifest: Manifest = parse_json(json).map_err(|problem| vec![problem])?;
    let mut problems = Vec::new();
    for (i, entry) in manifest.bundles.iter().enumerate() {
        let at = |field: &str| format!("bundles[{i}].{field}");
        if !is_slug(&entry.id) {
            problems.push(Problem {
                path: at("id"),
                reason: format!("not a URL-safe id (lower-case letters, digits, '-'): {:?}", entry.id),
            });
        } else if manifest.bundles[..i].iter().any(|other| other.id == entry.id) {
            problems.push(Problem { path: at("id"), reason: format!("duplicate id {:?}", entry.id) });
        }
        // The bundle's own rule for a text: the title is a link's text on /data.
        for reason in text_problems(&entry.title) {
            problems.push(Problem { path: at("title"), reason });
        }
        if !is_language_tag(&entry.language) {
            problems
                .push(Problem { path: at("language"), reason: format!("not a language tag: {:?}", entry.language) });
        }
        if !is_plain_relative_path(&entry.path) {
            problems.push(Problem {
                path: at("path"),
                reason: format!("not a plain relative path ending in .json: {:?}", entry.path),
            });
        }
    }
    if problems.is_empty() {
        Ok(manifest)
    } else {
        Err(problems)
    }
}

/// A path that can only name a file at or below the manifest's folder: no scheme, host, absolute path,
/// `..`, backslash, query, fragment or escape, so that resolving it cannot leave the site.
pub fn is_plain_relative_path(path: &str) -> bool {
    path.len() <= 200
        && path.ends_with(".json")
        && path.split('/').all(|segment| {
            !segment.is_empty()
                && segment != "."
                && segment != ".."
                && segment.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
        })
}

/// Why a fetched file was not used. Each names the address, so that a host can find what to fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// `?bundle=` is not a short slug, so it cannot name a bundle: refused before any request.
    NotAnId,
    /// `?bundle=` named something the manifest does not list.
    NotListed,
    /// The address would leave the site the app is served from.
    NotSameOrigin {
        url: String,
    },
    /// No answer: offline, refused, blocked.
    Network {
        url: String,
        detail: String,
    },
    Http {
        url: String,
        status: u16,
    },
    /// Its declared size is over the limit.
    TooLarge {
        url: String,
        bytes: usize,
        limit: usize,
    },
    /// Reading passed the limit (nothing declared, or compressed): it stopped there.
    TooLargeRead {
        url: String,
        read: usize,
        limit: usize,
    },
    /// Read, but not what it should be: every problem, with its JSON path.
    Invalid {
        url: String,
        problems: Vec<Problem>,
    },
}

impl FetchError {
    pub fn invalid_bundle(url: &str, error: LoadError) -> Self {
        FetchError::Invalid { url: url.to_string(), problems: error.problems().to_vec() }
    }
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            // What the reader typed is shown apart (as typed), never inside the site's own sentence.
            FetchError::NotAnId => write!(
                f,
                "the address does not name a bundle id (at most {MAX_BUNDLE_ID_CHARS} lower-case letters, digits and hyphens)"
            ),
            FetchError::NotListed => write!(f, "no bundle of that id is listed in {MANIFEST_PATH}"),
            FetchError::NotSameOrigin { url } => {
                write!(f, "{url} is not on this site; only same-origin bundles are read")
            }
            FetchError::Network { url, detail } => write!(f, "{url} could not be reached ({detail})"),
            FetchError::Http { url, status } => write!(f, "{url} answered HTTP {status}"),
            FetchError::TooLarge { url, bytes, limit } => {
                write!(f, "{url} is {bytes} bytes, more than the {limit} bytes allowed")
            }
            FetchError::TooLargeRead { url, read, limit } => {
                write!(f, "{url} passed the {limit} bytes allowed: reading stopped at {read} bytes")
            }
            FetchError::Invalid { url, problems } => {
                writeln!(f, "{url} is not valid:")?;
                write_problems(f, problems)
            }
        }
    }
}

/// Longest `?bundle=` value that is read: ids are short slugs.
pub const MAX_BUNDLE_ID_CHARS: usize = 64;

/// A `?bundle=` value is used only if it could be an id, so that nothing else typed into an address
/// reaches a request or a message.
pub fn check_requested_id(id: &str) -> Result<(), FetchError> {
    if id.len() <= MAX_BUNDLE_ID_CHARS && is_slug(id) {
        Ok(())
    } else {
        Err(FetchError::NotAnId)
    }
}

/// Refuses a response whose declared or actual size is over `limit`.
pub fn check_size(url: &str, bytes: usize, limit: usize) -> Result<(), FetchError> {
    if bytes > limit {
        Err(FetchError::TooLarge { url: url.to_string(), bytes, limit })
    } else {
        Ok(())
    }
}

/// A bundle's own id must be the one the manifest listed it under, so `?bundle=` always means one report.
pub fn check_bundle_id(url: &str, listed: &str, actual: &str) -> Result<(), FetchError> {
    if listed == actual {
        Ok(())
    } else {
        Err(FetchError::Invalid {
            url: url.to_string(),
            problems: vec![Problem {
                path: "id".to_string(),
                reason: format!("is {actual:?}, but the manifest lists this file as {listed:?}"),
            }],
        })
    }
}
