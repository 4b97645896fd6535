//! The framework's floor, for the benchmark: a Leptos app with the router and two trivial pages and
//! nothing else. `scripts/bench` builds it for the browser exactly as Trunk builds the edition and prints
//! its size beside the edition's: what any Leptos app with client-side routing downloads at least.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::use_params_map;
use leptos_router::path;

#[component]
fn Home() -> impl IntoView {
    view! { <h1>"Report"</h1> <A href="/commitments/3">"Commitment 3"</A> }
}

#[component]
fn Commitment() -> impl IntoView {
    let params = use_params_map();
    view! { <h1>"Commitment " {move || params.read().get("n").unwrap_or_default()}</h1> <A href="/">"Report"</A> }
}

fn main() {
    leptos::mount::mount_to_body(|| {
        view! {
            <Router>
                <main>
                    <Routes fallback=|| "Not found">
                        <Route path=path!("/") view=Home/>
                        <Route path=path!("/commitments/:n") view=Commitment/>
                    </Routes>
                </main>
            </Router>
        }
    })
}
