//! View pieces: the frame around every page and what several pages (and embed views) share. Only
//! components: helpers that render nothing live in `browser/`.

pub mod bundle_list;
pub mod chart;
pub mod citation;
pub mod commitment_name;
pub mod embed_dialog;
pub mod footnote_ref;
pub mod frame;
pub mod heading;
pub mod keyboard_help;
pub mod language;
pub mod not_found;
pub mod quote;
pub mod rating;
pub mod rich_text;
pub mod scorecard_row;
pub mod search_box;
pub mod share;
pub mod theme;
pub mod typed;
