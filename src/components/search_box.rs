//! The search box, always in the same place so typing never loses focus when the view changes.
//! Each keystroke updates the result; while an IME is composing (Japanese input), the query waits for
//! the composition to end, so the half-typed reading never becomes a search.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::i18n::texts;
use crate::state::use_nav;

#[component]
pub fn SearchBox() -> impl IntoView {
    let nav = use_nav();
    let t = move || texts(nav.lang());
    let input_ref = NodeRef::<leptos::html::Input>::new();
    // Written only when the query changes from elsewhere (Back, "clear"): never while the user types.
    Effect::new(move |_| {
        let q = nav.query.with(|q| q.q.clone());
        if let Some(input) = input_ref.get() {
            if input.value() != q {
                input.set_value(&q);
            }
        }
    });
    let apply = move |value: String| nav.update(|q| q.q = value);
    let on_input = move |ev: leptos::ev::Event| {
        let composing = js_sys::Reflect::get(&ev, &JsValue::from_str("isComposing")).ok().and_then(|v| v.as_bool());
        if composing != Some(true) {
            apply(event_target_value(&ev));
        }
    };
    let on_composition_end = move |ev: leptos::ev::CompositionEvent| apply(event_target_value(&ev));
    let initial = nav.query.with_untracked(|q| q.q.clone());
    view! {
        <form class="search" role="search" on:submit=|ev| ev.prevent_default()>
            <label for="search-input" class="search-label">{move || t().search_label}</label>
            <div class="search-row">
                <input
                    id="search-input"
                    type="search"
                    node_ref=input_ref
                    value=initial
                    placeholder=move || t().search_placeholder
                    aria-describedby="search-hint"
                    autocomplete="off"
                    enterkeyhint="search"
                    on:input=on_input
                    on:compositionend=on_composition_end
                />
            </div>
            <p id="search-hint" class="hint">{move || t().search_hint}</p>
        </form>
    }
}
