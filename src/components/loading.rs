use leptos::prelude::*;

use crate::i18n::{Lang, texts};

/// A polite status while data loads, so screen readers hear it once.
#[component]
pub fn Loading(lang: Lang) -> impl IntoView {
    view! { <p class="status" role="status">{texts(lang).loading}</p> }
}
