//! One file per route.

pub mod commitment;
pub mod data;
pub mod embed;
pub mod not_found;
pub mod overview;
pub mod scorecard;
pub mod search;
pub mod sources;
pub mod unavailable;
