//! The interactive edition of the OGP IRM Mongolia Results Report 2021-2023.
// Leptos' server rendering nests view types deeply (the embed dialog inside a chart figure).
#![recursion_limit = "256"]

pub mod app;
#[cfg(not(target_arch = "wasm32"))]
pub mod app_icon;
pub mod boot;
pub mod browser;
pub mod bundles;
pub mod charts;
pub mod citation;
pub mod components;
pub mod context;
pub mod embed;
pub mod embedded;
pub mod fetch;
pub mod head;
pub mod hosting;
pub mod i18n;
pub mod labels;
#[cfg(not(target_arch = "wasm32"))]
pub mod link_preview;
pub mod minify;
#[cfg(not(target_arch = "wasm32"))]
pub mod offline;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod report;
pub mod routes;
pub mod scorecard;
pub mod search;
pub mod table;
pub mod takeover;
#[cfg(not(target_arch = "wasm32"))]
pub mod web_manifest;
