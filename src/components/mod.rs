//! View pieces used by several pages.

pub mod citation;
pub mod rating;
pub mod rich_text;
