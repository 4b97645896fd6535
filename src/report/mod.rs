//! The report model: serde types, inline-text parsing, validation and queries. Plain Rust, no Leptos,
//! so that `build.rs` can validate the bundle with this same code before anything ships.

pub mod bundle;
#[cfg(not(target_arch = "wasm32"))]
pub mod codegen;
pub mod ids;
pub mod inline;
pub mod json_path;
pub mod model;
pub mod query;
pub mod rating;
pub mod substrings;
pub mod text;
pub mod validate;

use std::sync::OnceLock;

pub use inline::Span;
pub use model::{Commitment, Observation, Paragraph, Rated, Report, Section};
pub use validate::Problem;

/// The bundle compiled into the app: the report the first screen shows without a network round trip.
pub const EMBEDDED_BUNDLE: &str = include_str!("../../data/mongolia-2021-2023.json");

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// Not JSON, or not shaped like a bundle: the first place where reading stopped.
    Malformed(Problem),
    /// Well-formed, but wrong: every problem found.
    Invalid(Vec<Problem>),
}

impl LoadError {
    pub fn problems(&self) -> &[Problem] {
        match self {
            LoadError::Malformed(problem) => std::slice::from_ref(problem),
            LoadError::Invalid(problems) => problems,
        }
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        validate::write_problems(f, self.problems())
    }
}

/// Parses and validates a bundle.
pub fn load(json: &str) -> Result<Report, LoadError> {
    let bundle = parse_json::<bundle::Bundle>(json).map_err(LoadError::Malformed)?;
    observed(|| "validate".to_string());
    validate::validate(bundle).map_err(LoadError::Invalid)
}

/// Reads JSON into `T`; on failure, the first place where reading stopped, as a JSON path.
pub fn parse_json<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, Problem> {
    observed(|| format!("json-parse: {}", std::any::type_name::<T>()));
    serde_json::from_str(json).map_err(|error| Problem {
        path: json_path::path_at(json, json_path::offset_of(json, error.line(), error.column())),
        reason: error.to_string(),
    })
}

static OBSERVER: OnceLock<fn(&str)> = OnceLock::new();

/// Has `observer` told of each JSON read (`json-parse: <the type read>`) and validation (`validate`):
/// the app marks them on the performance timeline, where a test holds its start to no read of the
/// report or the catalogue (the build did both).
pub fn observe_work(observer: fn(&str)) {
    let _ = OBSERVER.set(observer);
}

/// Tells the observer of `work`, named only when there is one.
fn observed(work: impl FnOnce() -> String) {
    if let Some(observer) = OBSERVER.get() {
        observer(&work());
    }
}
