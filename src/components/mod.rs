//! View pieces used by several pages.

pub mod bundle_list;
pub mod chart;
pub mod citation;
pub mod download;
pub mod embed_dialog;
pub mod footnote_ref;
pub mod heading;
pub mod language;
pub mod quote;
pub mod rating;
pub mod rich_text;
pub mod search_box;
pub mod share;
pub mod storage;
pub mod theme;
