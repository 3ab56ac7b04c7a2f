//! What every English page says once (issue 16): the plans' English is this site's unofficial
//! translation, and the ward's Japanese prevails; the Japanese is one tap away (the language switch
//! keeps the page). Shown only in English, so its text is English only.

use leptos::prelude::*;

#[component]
pub fn EnglishNotice(failed: fn() -> bool, on_retry: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    view! {
        <p class="english-notice">
            "Unofficial translation; the ward's Japanese original ("<span lang="ja">"日本語"</span>
            ") prevails and has the notes."
        </p>
        {move || failed().then(|| view! {
            <p class="english-notice" role="alert">
                "The English of departments and grades could not be loaded, so they show in Japanese. "
                <button type="button" class="button small" on:click=move |_| on_retry()>"Retry"</button>
            </p>
        })}
    }
}
