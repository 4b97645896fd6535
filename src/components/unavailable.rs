//! Shown instead of the app if the embedded bundle does not validate (the build refuses such a bundle,
//! so this is a last line of defence): every problem, as text.

use leptos::prelude::*;

use crate::i18n::{t, Msg};
use crate::report::validate::MAX_PROBLEMS_SHOWN;
use crate::report::LoadError;

#[component]
pub fn Unavailable(error: LoadError) -> impl IntoView {
    view! {
        <main id="main" class="unavailable">
            <h1>{t(Msg::UnavailableTitle)}</h1>
            <p>{t(Msg::UnavailableIntro)}</p>
            <ul>
                {error
                    .problems()
                    .iter()
                    .take(MAX_PROBLEMS_SHOWN)
                    .map(|p| {
                        view! {
                            <li>
                                <code>{p.to_string()}</code>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </main>
    }
}
