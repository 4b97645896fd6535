//! Refuses to build an app whose embedded bundle does not validate, naming every problem.

#[allow(dead_code, unused_imports)]
#[path = "src/report/mod.rs"]
mod report;

fn main() {
    println!("cargo::rerun-if-changed=data/mongolia-2021-2023.json");
    println!("cargo::rerun-if-changed=src/report");
    if let Err(error) = report::load(report::EMBEDDED_BUNDLE) {
        eprintln!("data/mongolia-2021-2023.json is not a valid bundle:");
        for problem in error.problems() {
            eprintln!("  {problem}");
        }
        std::process::exit(1);
    }
}
