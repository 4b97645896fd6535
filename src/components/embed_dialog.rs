//! "Embed": a modal dialog with the snippet to copy, its options and a live preview. The native modal
//! `<dialog>` keeps focus off the page and closes on Escape; Tab wraps within it (below); focus returns
//! to the button.

use leptos::html;
use leptos::prelude::*;

use crate::i18n::{t, tf, Msg};
use wasm_bindgen::JsCast;

use crate::browser::location::absolute_url;
use crate::components::share::CopyButton;
use crate::context::use_report;
use crate::embed::{embed_url, snippet, EmbedOptions, EmbedTheme, EmbedView};

#[component]
pub fn EmbedButton(view: EmbedView) -> impl IntoView {
    let report = use_report();
    let dialog = NodeRef::<html::Dialog>::new();
    let button = NodeRef::<html::Button>::new();
    let open = RwSignal::new(false);
    let theme = RwSignal::new(EmbedTheme::Auto);
    let compact = RwSignal::new(false);
    let site = RwSignal::new(String::new());
    let options = move || EmbedOptions { theme: theme.get(), compact: compact.get() };
    let code = Signal::derive(move || snippet(&site.get(), report, view, options()));
    let title = view.title(report);
    // Ids unique on a page that offers several embeds: from the embed's path.
    let key = view.path().trim_start_matches("/embed/").replace('/', "-");
    let (heading_id, code_id) = (format!("embed-{key}-heading"), format!("embed-{key}-code"));

    // The dialog's contents are built when it first opens, not with every page that offers it (they
    // were a third of a commitment page's render). They render in a microtask: open it on the next frame.
    let built = RwSignal::new(false);
    let show = move |_| {
        site.set(absolute_url("/"));
        built.set(true);
        open.set(true);
        request_animation_frame(move || {
            if let Some(dialog) = dialog.get_untracked() {
                let _ = dialog.show_modal();
            }
        });
    };
    let close = move |_| {
        if let Some(dialog) = dialog.get() {
            dialog.close();
        }
    };
    let on_close = move |_| {
        open.set(false);
        if let Some(button) = button.get() {
            let _ = button.focus();
        }
    };
    // A modal dialog keeps focus off the page, but Tab after its last control would reach the browser's
    // own toolbar: wrap it to the first control instead, and Shift+Tab likewise.
    let wrap_focus = move |ev: web_sys::KeyboardEvent| {
        if ev.key() != "Tab" {
            return;
        }
        let Some(dialog) = dialog.get() else { return };
        let Ok(controls) = dialog.query_selector_all("input:checked, input[type=checkbox], textarea, button, iframe")
        else {
            return;
        };
        let (Some(first), Some(last)) = (controls.get(0), controls.get(controls.length().saturating_sub(1))) else {
            return;
        };
        let active = document().active_element().map(wasm_bindgen::JsValue::from);
        let target = if !ev.shift_key() && active.as_ref() == Some(&last.clone().into()) {
            Some(first)
        } else if ev.shift_key() && active.as_ref() == Some(&first.clone().into()) {
            Some(last)
        } else {
            None
        };
        if let Some(element) = target.and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok()) {
            ev.prevent_default();
            let _ = element.focus();
        }
    };
    let theme_group = format!("embed-{key}-theme");
    let theme_choice = move |t: EmbedTheme, label: &'static str| {
        view! {
            <label class="option">
                <input
                    type="radio"
                    name=theme_group.clone()
                    value=t.id()
                    prop:checked=move || theme.get() == t
                    on:change=move |_| theme.set(t)
                />
                " "
                {label}
            </label>
        }
    };
    let preview_title = tf(Msg::EmbedPreviewOf, &[("title", &title)]);
    let labelled_by = heading_id.clone();
    view! {
        <button type="button" class="embed-button" node_ref=button on:click=show aria-haspopup="dialog">
            {t(Msg::EmbedButton)}
        </button>
        <dialog
            node_ref=dialog
            class="embed-dialog"
            aria-labelledby=move || built.get().then(|| labelled_by.clone())
            on:close=on_close
            on:keydown=wrap_focus
        >
            {move || {
                built
                    .get()
                    .then(|| {
                        let (theme_choice, title, preview_title) = (
                            theme_choice.clone(),
                            title.clone(),
                            preview_title.clone(),
                        );
                        let (heading_id, code_id) = (heading_id.clone(), code_id.clone());
                        view! {
                            <h2 id=heading_id>{tf(Msg::EmbedDialogTitle, &[("title", &title)])}</h2>
                            <p>{t(Msg::EmbedDialogIntro)}</p>
                            <fieldset>
                                <legend>{t(Msg::ThemeLabel)}</legend>
                                {theme_choice(EmbedTheme::Auto, t(Msg::EmbedThemeAuto))}
                                {theme_choice(EmbedTheme::Light, t(Msg::ThemeLight))}
                                {theme_choice(EmbedTheme::Dark, t(Msg::ThemeDark))}
                            </fieldset>
                            <label class="option">
                                <input
                                    type="checkbox"
                                    prop:checked=move || compact.get()
                                    on:change=move |_| compact.update(|c| *c = !*c)
                                />
                                " "
                                {t(Msg::EmbedCompact)}
                            </label>
                            <label for=code_id.clone() class="code-label">
                                {t(Msg::EmbedCode)}
                            </label>
                            <textarea id=code_id readonly rows="5" prop:value=move || code.get()></textarea>
                            <CopyButton
                                text=code
                                visible=t(Msg::EmbedCopyCode)
                                label=tf(Msg::EmbedCopyCodeLabel, &[("title", &title)])
                                copied=t(Msg::EmbedCodeCopied)
                            />
                            <h3>{t(Msg::EmbedPreview)}</h3>
                            {move || {
                                open.get()
                                    .then(|| {
                                        // A picture of the embed, not a place to work in: inert, so that Tab never
                                        // enters it (Escape there would reach the frame, not this dialog).
                                        view! {
                                            <iframe
                                                class="embed-preview"
                                                src=embed_url(&site.get(), view, options())
                                                title=preview_title.clone()
                                                inert=true
                                            ></iframe>
                                        }
                                    })
                            }}
                            <p>
                                <button type="button" class="close" on:click=close>
                                    {t(Msg::Close)}
                                </button>
                            </p>
                        }
                    })
            }}
        </dialog>
    }
}
