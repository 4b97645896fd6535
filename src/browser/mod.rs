//! Browser helpers that render nothing: the address, saved choices (theme, language), storage, files
//! handed to the reader, and files read from the site.

pub mod download;
pub mod http;
pub mod language;
pub mod location;
pub mod storage;
pub mod tasks;
pub mod theme;
