//! The report bundles listed in `bundles/index.json`, each opening the app on that bundle.

use leptos::prelude::*;

use crate::i18n::{t, tf, Msg};

use crate::bundles::Manifest;
use crate::context::use_report;
use crate::fetch::fetch_manifest;
use crate::routes;

#[component]
pub fn BundleList() -> impl IntoView {
    let report = use_report();
    let attempt = RwSignal::new(0_u32);
    let manifest = LocalResource::new(move || {
        attempt.track();
        async move { fetch_manifest().await.map(|(manifest, _)| manifest) }
    });
    let compiled_in = crate::embedded::report();
    let built = Some(Manifest::of(compiled_in));
    let embedded_id = compiled_in.id.clone();
    let list = move || {
        // Until the served manifest is read: the one the build wrote (the prerendered page shows it too).
        match manifest.get().or_else(|| built.clone().map(Ok)) {
            None => view! { <p role="status">{t(Msg::BundlesLoading)}</p> }.into_any(),
            Some(Err(error)) => view! {
                <div role="alert">
                    <p class="problem">{tf(Msg::BundlesFailed, &[("error", &error)])}</p>
                    <button type="button" on:click=move |_| attempt.update(|n| *n += 1)>
                        {t(Msg::TryAgain)}
                    </button>
                </div>
            }
            .into_any(),
            Some(Ok(manifest)) => view! {
                <ul class="bundle-list">
                    {manifest
                        .bundles
                        .into_iter()
                        .map(|entry| {
                            let href = if entry.id == embedded_id {
                                routes::href("/")
                            } else {
                                format!("{}?bundle={}", routes::href("/"), entry.id)
                            };
                            let current = (entry.id == report.id).then_some("true");
                            // A full page load: the bundle is chosen when the app starts.
                            view! {
                                <li>
                                    <a href=href rel="external" aria-current=current lang=entry.language.clone()>
                                        {entry.title}
                                    </a>
                                    {format!(" ({}, {})", entry.id, entry.language)}
                                    {current.map(|_| t(Msg::BundleShownNow))}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any(),
        }
    };
    view! {
        <section aria-labelledby="bundles-heading">
            <h2 id="bundles-heading">{t(Msg::BundlesHeading)}</h2>
            <p>{t(Msg::BundlesIntro)}</p>
            {list}
        </section>
    }
}
