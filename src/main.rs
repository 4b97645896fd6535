//! The wasm entry point: mount the app, nothing else.

fn main() {
    console_error_panic_hook::set_once();
    irm_report::boot::start();
}
