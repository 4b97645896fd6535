//! What the test modules share.

use irm_report::report::Report;

/// The compiled-in report (the build refuses an invalid one).
pub fn report() -> &'static Report {
    irm_report::embedded::report()
}
