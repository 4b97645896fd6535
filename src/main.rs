//! The wasm entry point: mount the app, nothing else.

fn main() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        irm_report::boot::stopped_by(&info.to_string());
    }));
    irm_report::boot::start();
}
