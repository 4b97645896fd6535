//! `/embed/...`: what partner sites show in an iframe. No site chrome, no router (it needs a real
//! origin, and a sandboxed iframe has none), no storage; links open the full report in a new tab.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::{document_meta, use_report, Announcer};
use crate::charts::ChartId;
use crate::components::chart::ChartFigure;
use crate::components::footnote_ref::provide_footnote_previews;
use crate::components::language::{initial_language, set_document_language};
use crate::components::quote::QuotesInContext;
use crate::components::rating::{CompletionRating, EarlyResultsRating};
use crate::components::theme::{apply_theme, Theme};
use crate::embed::{
    parse_embed_path, parse_theme_message, EmbedError, EmbedOptions, EmbedTheme, EmbedView, HeightDecision,
    HeightReporter, MESSAGE_TYPE, MESSAGE_VERSION,
};
use crate::fetch::fetch_catalogue;
use crate::i18n::{self, t, tf, Msg};
use crate::pages::commitment::{promising_text, CommitmentName};
use crate::pages::scorecard::Row;
use crate::pages::unavailable::Unavailable;
use crate::report::{embedded, Report};
use crate::routes;

/// Mounts the embed view named by `path` (after the base path), with the flags in `query`; in the
/// language `?lang=` or the browser asks for, once its catalogue is fetched (English if that fails).
pub fn start_embed(path: &str, query: &str) {
    let language = initial_language(query);
    let (path, query) = (path.to_string(), query.to_string());
    if language == i18n::language() {
        mount_embed(&path, &query);
        return;
    }
    // Before anything is mounted Leptos' executor is not set up yet: wasm-bindgen's runs this.
    wasm_bindgen_futures::spawn_local(async move {
        match fetch_catalogue(language).await {
            Ok(catalogue) => i18n::use_catalogue(catalogue),
            Err(error) => leptos::logging::warn!("the {language} catalogue could not be loaded: {error}"),
        }
        mount_embed(&path, &query);
    });
}

fn mount_embed(path: &str, query: &str) {
    set_document_language(i18n::language());
    let options = EmbedOptions::parse(query);
    let report = match embedded() {
        Ok(report) => report,
        // Never a blank frame: the build refuses such a bundle, but say so if one ever ships.
        Err(error) => {
            leptos::mount::mount_to_body(move || view! { <Unavailable error=error.clone()/> });
            return;
        }
    };
    let view = parse_embed_path(report, path);
    prepare_document(options);
    crate::app::mount(move || view! { <EmbedApp report=report view=view options=options/> });
    crate::app::reveal();
    report_height(path.to_string());
    follow_host_theme();
}

/// Theme and compactness from the flags; every link opens in a new tab, outside the host page.
fn prepare_document(options: EmbedOptions) {
    let Some(root) = document().document_element() else { return };
    let _ = root.class_list().add_1("embed");
    if options.compact {
        let _ = root.class_list().add_1("compact");
    }
    apply_embed_theme(options.theme);
    if let Ok(Some(base)) = document().query_selector("base") {
        let _ = base.set_attribute("target", "_blank");
    }
}

fn apply_embed_theme(theme: EmbedTheme) {
    apply_theme(match theme {
        EmbedTheme::Auto => Theme::System,
        EmbedTheme::Light => Theme::Light,
        EmbedTheme::Dark => Theme::Dark,
    });
}

/// A host page may switch the theme later (its own dark mode): only its parent window is listened to, and
/// only the exact documented message; everything else (other frames, other shapes, markup) is ignored.
fn follow_host_theme() {
    let window = window();
    let Ok(Some(parent)) = window.parent() else { return };
    if js_sys::Object::is(&parent, &window) {
        return;
    }
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        let from_parent = event.source().is_some_and(|source| js_sys::Object::is(&source, &parent));
        if !from_parent {
            return;
        }
        // JSON.stringify throws on cycles and BigInt: such a message is not ours either.
        let Ok(json) = js_sys::JSON::stringify(&event.data()) else { return };
        if let Some(theme) = json.as_string().as_deref().and_then(parse_theme_message) {
            apply_embed_theme(theme);
        }
    });
    let _ = window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    // Lives as long as the page.
    on_message.forget();
}

#[component]
pub fn EmbedApp(report: &'static Report, view: Result<EmbedView, EmbedError>, options: EmbedOptions) -> impl IntoView {
    provide_context(report);
    provide_context(Announcer::default());
    provide_footnote_previews();
    let full_path = match &view {
        Ok(view) => view.full_path(),
        Err(_) => "/".to_string(),
    };
    let title = match &view {
        Ok(view) => view.title(report),
        Err(_) => tf(Msg::EmbedNotAvailableTitle, &[("report", &report.title)]),
    };
    document_meta(title.clone(), tf(Msg::EmbedDescription, &[("what", &title)]));
    let content = match view {
        Ok(EmbedView::Commitment(n)) => view! { <EmbedCommitment number=n compact=options.compact/> }.into_any(),
        Ok(EmbedView::Scorecard) => view! { <EmbedScorecard/> }.into_any(),
        Ok(EmbedView::Chart(id)) => view! { <EmbedChart id=id/> }.into_any(),
        Err(error) => view! { <EmbedErrorCard error=error/> }.into_any(),
    };
    view! {

        <div id="embed-root" class="embed-root">
            <main>{content}</main>
            <footer class="embed-footer">
                <a href=routes::href(&full_path) target="_blank" rel="noopener noreferrer">{t(Msg::EmbedViewFull)}</a>
                <span class="embed-source" lang=report.language.as_str()>{format!(" · {} · {}", report.title, report.publisher)}</span>
            </footer>
        </div>
    }
}

#[component]
fn EmbedCommitment(number: u32, compact: bool) -> impl IntoView {
    let report = use_report();
    let Some(c) = report.commitment(number) else { return ().into_any() };
    view! {
        <article class="embed-commitment">
            <h1><CommitmentName commitment=c/></h1>
            <h2>{t(Msg::Completion)}</h2>
            {if compact {
                view! { <p class="badge" data-kind="completion">{c.completion.level.describe()}</p> }.into_any()
            } else {
                view! { <CompletionRating range=c.completion.level/> }.into_any()
            }}
            <h2>{t(Msg::EarlyResults)}</h2>
            {if compact {
                view! { <p class="badge" data-kind="early-results">{c.early_results.level.label()}</p> }.into_any()
            } else {
                view! { <EarlyResultsRating level=c.early_results.level/> }.into_any()
            }}
            <h2>{t(Msg::PromisingAtDesign)}</h2>
            <p class="badge" data-kind="promising">{promising_text(c)}</p>
            {(!compact).then(|| {
                let quotes = report.mentions(number);
                (!quotes.is_empty()).then(|| view! {
                    <h2>{t(Msg::WhatTheReportSays)}</h2>
                    <QuotesInContext quotes=quotes/>
                })
            })}
        </article>
    }
    .into_any()
}

#[component]
fn EmbedScorecard() -> impl IntoView {
    let report = use_report();
    view! {
        <h1>{t(Msg::ScorecardTitle)}</h1>
        <div class="table-scroll" role="region" aria-label=t(Msg::ScorecardTable) tabindex="0">
            <table class="embed-scorecard">
                <caption>{tf(Msg::EmbedScorecardCaption, &[("report", &report.title)])}</caption>
                <thead>
                    <tr>
                        {crate::scorecard::Column::ALL.iter().map(|c| view! { <th scope="col">{c.label()}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>{report.commitments.iter().map(|c| view! { <Row commitment=c/> }).collect_view()}</tbody>
            </table>
        </div>
    }
}

#[component]
fn EmbedChart(id: ChartId) -> impl IntoView {
    view! { <h1 class="visually-hidden">{id.label()}</h1><ChartFigure id=id embedded=true/> }
}

#[component]
fn EmbedErrorCard(error: EmbedError) -> impl IntoView {
    let message = match error {
        EmbedError::NoCommitment(raw) => tf(Msg::EmbedNoCommitment, &[("value", &routes::shorten(&raw, 40))]),
        EmbedError::NoChart(raw) => tf(Msg::EmbedNoChart, &[("value", &routes::shorten(&raw, 40))]),
        EmbedError::UnknownPath(raw) => tf(Msg::EmbedUnknownPath, &[("value", &routes::shorten(&raw, 60))]),
    };
    view! {
        <section class="embed-error" role="alert">
            <h1>{t(Msg::EmbedNotAvailable)}</h1>
            <p>{message}</p>
        </section>
    }
}

/// Tells the host page the content's height on load and whenever it changes (a ResizeObserver, not a
/// timer), as our own message and as AMP's `embed-size`.
fn report_height(path: String) {
    let window = window();
    let Ok(Some(parent)) = window.parent() else { return };
    if js_sys::Object::is(&parent, &window) {
        return; // Not in a frame.
    }
    let Some(root) = document().get_element_by_id("embed-root") else { return };
    let sizer = Rc::new(Sizer { root: root.clone(), parent, path, decisions: RefCell::new(HeightReporter::default()) });
    sizer.measure();
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| sizer.measure());
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&root);
    }
    // Lives as long as the page.
    callback.forget();
}

struct Sizer {
    root: web_sys::Element,
    parent: web_sys::Window,
    path: String,
    decisions: RefCell<HeightReporter>,
}

impl Sizer {
    fn measure(self: &Rc<Self>) {
        let height = self.root.get_bounding_client_rect().height().ceil() as u32;
        let decision = self.decisions.borrow_mut().next(height, js_sys::Date::now());
        match decision {
            HeightDecision::Post(height) => {
                for message in [own_message(&self.path, height), amp_message(height)] {
                    let _ = self.parent.post_message(&message, "*");
                }
            }
            HeightDecision::Skip => {}
            HeightDecision::RetryAfter(ms) => {
                let sizer = Rc::clone(self);
                set_timeout(move || sizer.measure(), std::time::Duration::from_millis(ms.max(1.0) as u64));
            }
        }
    }
}

fn own_message(path: &str, height: u32) -> JsValue {
    object(&[
        ("type", JsValue::from_str(MESSAGE_TYPE)),
        ("version", JsValue::from(MESSAGE_VERSION)),
        ("path", JsValue::from_str(path)),
        ("height", JsValue::from(height)),
    ])
}

fn amp_message(height: u32) -> JsValue {
    object(&[
        ("sentinel", JsValue::from_str("amp")),
        ("type", JsValue::from_str("embed-size")),
        ("height", JsValue::from(height)),
    ])
}

fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in fields {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}
