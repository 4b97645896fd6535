//! "Copy link" (with visible and announced confirmation) and the native share sheet where it exists.

use leptos::prelude::*;
use wasm_bindgen_futures::{spawn_local, JsFuture};

use crate::app::Announcer;
use crate::routes;

#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Copied,
    /// The clipboard refused: show the address to copy by hand.
    Manual(String),
}

/// `path` is an in-app path (`/commitments/3`, `/#completion`); `label` names what it links to.
#[component]
pub fn ShareButtons(#[prop(into)] path: Signal<String>, #[prop(into)] label: String) -> impl IntoView {
    let announcer = expect_context::<Announcer>();
    let status = RwSignal::new(Status::Idle);
    let can_share = RwSignal::new(false);
    // Browser APIs only in effects and handlers, so that the view also renders outside a browser.
    Effect::new(move |_| can_share.set(js_sys::Reflect::has(&window().navigator(), &"share".into()).unwrap_or(false)));
    let copy_label = format!("Copy link to {label}");
    let share_label = format!("Share {label}");
    let copied_message = format!("Link to {label} copied");
    let copy = move |_| {
        let url = absolute_url(&path.get_untracked());
        let copied_message = copied_message.clone();
        spawn_local(async move {
            match JsFuture::from(window().navigator().clipboard().write_text(&url)).await {
                Ok(_) => {
                    status.set(Status::Copied);
                    announcer.say(copied_message);
                }
                Err(_) => status.set(Status::Manual(url)),
            }
        });
    };
    let share = {
        let label = label.clone();
        move |_| {
            let data = web_sys::ShareData::new();
            data.set_title(&label);
            data.set_url(&absolute_url(&path.get_untracked()));
            // Dismissing the sheet rejects the promise: nothing to report.
            let promise = window().navigator().share_with_data(&data);
            spawn_local(async move {
                let _ = JsFuture::from(promise).await;
            });
        }
    };
    view! {
        <span class="share">
            <button type="button" class="copy-link" aria-label=copy_label on:click=copy>
                "Copy link"
            </button>
            {move || can_share.get().then(|| {
                let share = share.clone();
                view! { <button type="button" class="share-link" aria-label=share_label.clone() on:click=share>"Share…"</button> }
            })}
            {move || match status.get() {
                Status::Idle => ().into_any(),
                Status::Copied => view! { <span class="copied">"✓ Link copied"</span> }.into_any(),
                Status::Manual(url) => view! {
                    <label class="copied">"Copy this link: "
                        <input type="text" readonly value=url size="30"
                            on:focus=select_all/>
                    </label>
                }.into_any(),
            }}
        </span>
    }
}

fn select_all(ev: leptos::ev::FocusEvent) {
    event_target::<web_sys::HtmlInputElement>(&ev).select();
}

/// The full address of an in-app path on this site, for sharing.
pub fn absolute_url(path: &str) -> String {
    let origin = window().location().origin().unwrap_or_default();
    format!("{origin}{}", routes::href(path))
}
