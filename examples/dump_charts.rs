fn main() {
    let report = irm_report::report::embedded().as_ref().unwrap();
    for id in irm_report::charts::ChartId::ALL {
        match irm_report::charts::render(report, *id) {
            Ok(chart) => std::fs::write(format!("/tmp/chart-{}.svg", id.id()), chart.svg).unwrap(),
            Err(e) => eprintln!("{}: {e}", id.id()),
        }
    }
}
