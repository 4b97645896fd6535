//! "Copy" buttons (with visible and announced confirmation, and a manual fallback when the clipboard
//! refuses), "Copy link", and the native share sheet where it exists.

use leptos::prelude::*;

use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};

use crate::i18n::{t, tf, Msg};

use crate::browser::location::absolute_url;
use crate::context::Announcer;

#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Copied,
    /// The clipboard refused: show the text to copy by hand.
    Manual(String),
}

/// Copies `text` (read when clicked). `label` names the button for screen readers; `copied` is announced.
#[component]
pub fn CopyButton(
    #[prop(into)] text: Signal<String>,
    #[prop(into)] visible: String,
    #[prop(into)] label: String,
    #[prop(into)] copied: String,
) -> impl IntoView {
    let announcer = expect_context::<Announcer>();
    let status = RwSignal::new(Status::Idle);
    let copy = move |_| {
        let text = text.get_untracked();
        let copied = copied.clone();
        spawn_local(async move {
            match write_to_clipboard(&text).await {
                Ok(_) => {
                    status.set(Status::Copied);
                    announcer.say(copied);
                }
                Err(_) => status.set(Status::Manual(text)),
            }
        });
    };
    view! {
        <button type="button" class="copy-link" aria-label=label on:click=copy>
            {visible}
        </button>
        {move || match status.get() {
            Status::Idle => ().into_any(),
            Status::Copied => view! { <span class="copied">{t(Msg::Copied)}</span> }.into_any(),
            Status::Manual(text) => {
                view! {
                    <label class="copied">
                        {t(Msg::CopyThis)} <input type="text" readonly value=text size="30" on:focus=select_all />
                    </label>
                }
                    .into_any()
            }
        }}
    }
}

/// `path` is an in-app path (`/commitments/3`, `/#completion`); `label` names what it links to.
#[component]
pub fn ShareButtons(#[prop(into)] path: Signal<String>, #[prop(into)] label: String) -> impl IntoView {
    let can_share = RwSignal::new(false);
    // Browser APIs only in effects and handlers, so that the view also renders outside a browser.
    Effect::new(move |_| can_share.set(Reflect::has(&window().navigator(), &"share".into()).unwrap_or(false)));
    let url = Signal::derive(move || absolute_url(&path.get()));
    let share = {
        let label = label.clone();
        move |_| {
            let data = web_sys::ShareData::new();
            data.set_title(&label);
            data.set_url(&url.get_untracked());
            // Dismissing the sheet rejects the promise: nothing to report.
            let promise = window().navigator().share_with_data(&data);
            spawn_local(async move {
                let _ = JsFuture::from(promise).await;
            });
        }
    };
    let share_label = tf(Msg::ShareLabel, &[("label", &label)]);
    view! {
        <span class="share">
            <CopyButton
                text=url
                visible=t(Msg::CopyLink)
                label=tf(Msg::CopyLinkLabel, &[("label", &label)])
                copied=tf(Msg::LinkCopied, &[("label", &label)])
            />
            {move || {
                can_share
                    .get()
                    .then(|| {
                        let share = share.clone();
                        view! {
                            <button type="button" class="share-link" aria-label=share_label.clone() on:click=share>
                                {t(Msg::Share)}
                            </button>
                        }
                    })
            }}
        </span>
    }
}

/// Writes `text` to the clipboard. The Clipboard API exists only in secure contexts (not on a plain-http
/// intranet host), and may refuse or throw: each is an error here, and the caller offers the text by hand.
async fn write_to_clipboard(text: &str) -> Result<(), JsValue> {
    let clipboard = Reflect::get(&window().navigator(), &"clipboard".into())?;
    if clipboard.is_undefined() || clipboard.is_null() {
        return Err(JsValue::UNDEFINED);
    }
    let write_text = Reflect::get(&clipboard, &"writeText".into())?.dyn_into::<js_sys::Function>()?;
    // Called through `Function::call1`, which catches a synchronous throw.
    let promise = write_text.call1(&clipboard, &JsValue::from_str(text))?;
    JsFuture::from(js_sys::Promise::resolve(&promise)).await.map(|_| ())
}

fn select_all(ev: leptos::ev::FocusEvent) {
    event_target::<web_sys::HtmlInputElement>(&ev).select();
}
