//! What every view reads from the root: the report, and a polite live region for confirmations.

use leptos::prelude::*;

use crate::report::Report;

/// The report every view reads; provided once at the root.
pub fn use_report() -> &'static Report {
    expect_context::<&'static Report>()
}

/// A polite live region for short confirmations ("Link copied").
#[derive(Clone, Copy, Default)]
pub struct Announcer(RwSignal<String>);

impl Announcer {
    /// What to announce now (the live region's text).
    pub fn message(self) -> String {
        self.0.get()
    }

    pub fn say(self, message: String) {
        // Clear first so that the same message is announced again.
        self.0.set(String::new());
        request_animation_frame(move || self.0.set(message));
    }
}

/// Provides the report and a live region to everything below: the app and the embed views call this.
pub fn provide_report_context(report: &'static Report) {
    provide_context(report);
    provide_context(Announcer::default());
}
