//! One file per route (and `embed`, the embed views); a page imports no other page.

pub mod commitment;
pub mod data;
pub mod embed;
pub mod overview;
pub mod scorecard;
pub mod search;
pub mod sources;
