//! Browser helpers that render nothing: the address, saved choices (theme, language), storage and
//! files handed to the reader.

pub mod download;
pub mod language;
pub mod location;
pub mod storage;
pub mod theme;
