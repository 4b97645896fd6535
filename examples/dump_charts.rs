//! Writes every chart of the embedded report as SVG into a directory, for looking at them:
//! `cargo run --example dump_charts -- /tmp/charts`.

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| ".".to_string());
    let report = irm_report::embedded::report();
    for id in irm_report::charts::ChartId::ALL {
        match irm_report::charts::render(report, *id) {
            Ok(chart) => {
                let path = std::path::Path::new(&dir).join(format!("chart-{}.svg", id.id()));
                if let Err(e) = std::fs::write(&path, chart.svg) {
                    eprintln!("{}: {e}", path.display());
                }
            }
            Err(e) => eprintln!("{}: {e}", id.id()),
        }
    }
}
