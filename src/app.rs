//! The application shell: header, data loading states, and the current view.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use plan_core::Dataset;
use wasm_bindgen::JsCast;

use crate::components::error_panel::ErrorPanel;
use crate::components::loading::Loading;
use crate::data::{self, LoadFailure};
use crate::i18n::Lang;
use crate::views::measure_list::MeasureList;

#[derive(Clone)]
enum LoadState {
    Loading,
    Failed(LoadFailure),
    Ready(Arc<Dataset>),
}

/// Mounts the app into `#app`, replacing the static "loading" text that shows before the wasm runs.
pub fn mount() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .expect("index.html has #app");
    root.set_inner_html("");
    leptos::mount::mount_to(root, App).forget();
}

fn lang_from_url() -> Lang {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    let en = web_sys::UrlSearchParams::new_with_str(&search).ok().and_then(|p| p.get("lang")).as_deref() == Some("en");
    if en { Lang::En } else { Lang::Ja }
}

#[component]
pub fn App() -> impl IntoView {
    let lang = lang_from_url();
    let t = lang.texts();
    if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        html.set_attribute("lang", lang.code()).ok();
    }
    let state = RwSignal::new(LoadState::Loading);
    let load = Callback::new(move |()| {
        state.set(LoadState::Loading);
        spawn_local(async move {
            state.set(match data::fetch_dataset(data::DATASET_URL).await {
                Ok(dataset) => LoadState::Ready(dataset),
                Err(failure) => LoadState::Failed(failure),
            });
        });
    });
    load.run(());
    let other_lang = match lang {
        Lang::Ja => "?lang=en",
        Lang::En => "?",
    };
    view! {
        <header class="site-header">
            <div class="wrap">
                <h1>{t.app_title}</h1>
                <a class="lang-switch" href=other_lang aria-label=t.switch_lang_label>{t.switch_lang}</a>
            </div>
        </header>
        <main class="wrap" id="main">
            <p class="lead">{t.app_subtitle}</p>
            {move || match state.get() {
                LoadState::Loading => view! { <Loading lang/> }.into_any(),
                LoadState::Failed(failure) => view! { <ErrorPanel failure on_retry=load/> }.into_any(),
                LoadState::Ready(dataset) => view! { <MeasureList dataset lang/> }.into_any(),
            }}
        </main>
    }
}
