//! A section heading with its anchor id and a visible "copy link" next to it.

use leptos::prelude::*;

use crate::components::share::ShareButtons;

/// `level` is 2 or 3; `path` is the in-app link to this heading (`/#completion`, `/sources/2`).
/// `lang`: the heading's language when it is report text, not interface text.
#[component]
pub fn LinkedHeading(
    level: u8,
    id: String,
    text: String,
    path: String,
    #[prop(optional)] lang: Option<&'static str>,
) -> impl IntoView {
    let heading = match level {
        2 => view! {
            <h2 id=id lang=lang>
                {text.clone()}
            </h2>
        }
        .into_any(),
        _ => view! {
            <h3 id=id lang=lang>
                {text.clone()}
            </h3>
        }
        .into_any(),
    };
    view! { <div class="heading-row">{heading} <ShareButtons path=path label=format!("“{text}”") /></div> }
}
