//! What the test modules share.

use irm_report::report::{embedded, Report};

/// The compiled-in report (the build refuses an invalid one; this says why if it ever is).
pub fn report() -> &'static Report {
    embedded().as_ref().unwrap_or_else(|e| panic!("embedded bundle invalid:\n{e}"))
}
