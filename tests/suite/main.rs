//! The native tests, one binary (one link instead of one a file): each module one subject, the shared
//! helpers in `prelude`.

mod prelude;

mod architecture;
mod broken_bundles;
mod catalogues;
mod charts;
mod citation;
mod embed;
mod embedded;
mod fidelity;
mod fuzz;
mod hostile;
mod hosting;
mod manifest;
mod report_facts;
mod scorecard;
mod search;
