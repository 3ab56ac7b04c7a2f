//! The application shell: loading states, the header, and which view the query asks for.

use leptos::prelude::*;
use leptos::task::spawn_local;
use plan_core::query::{Lang, Query, View};
use wasm_bindgen::JsCast;

use crate::components::error_panel::ErrorPanel;
use crate::components::facets::Facets;
use crate::components::link::QueryLink;
use crate::components::loading::Loading;
use crate::components::search_box::SearchBox;
use crate::components::view_tabs::ViewTabs;
use crate::data::{self, LoadFailure};
use crate::i18n::{lang_code, texts};
use crate::state::{Explorer, use_explorer};
use crate::url;
use crate::views::{
    compare::CompareView, list::ListView, measure::MeasureView, start::StartView, timeline::TimelineView, tree::TreeView,
};

#[derive(Clone)]
enum LoadState {
    Loading,
    Failed(LoadFailure),
    Ready(Explorer),
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

#[component]
pub fn App() -> impl IntoView {
    let initial = url::read();
    let lang = initial.lang;
    set_document_lang(lang);
    let state = RwSignal::new(LoadState::Loading);
    let load = Callback::new(move |()| {
        state.set(LoadState::Loading);
        spawn_local(async move {
            state.set(match data::fetch_dataset(data::DATASET_URL).await {
                Ok(dataset) => LoadState::Ready(Explorer::new(dataset, url::read())),
                Err(failure) => LoadState::Failed(failure),
            });
        });
    });
    load.run(());
    move || match state.get() {
        LoadState::Loading => view! { <Header lang/><main class="wrap" id="main"><Loading lang/></main> }.into_any(),
        LoadState::Failed(failure) => {
            view! { <Header lang/><main class="wrap" id="main"><ErrorPanel failure on_retry=load/></main> }.into_any()
        }
        LoadState::Ready(explorer) => {
            provide_context(explorer.clone());
            let query = explorer.query;
            // Back and Forward: the URL is the state.
            let catalog = explorer.catalog.clone();
            let on_pop = window_event_listener(leptos::ev::popstate, move |_| query.set(catalog.sanitize(&url::read())));
            on_cleanup(move || on_pop.remove());
            Effect::new(move |_| set_document_lang(query.with(|q| q.lang)));
            view! { <Explorer/> }.into_any()
        }
    }
}

#[component]
fn Header(lang: Lang) -> impl IntoView {
    let t = texts(lang);
    view! {
        <header class="site-header">
            <div class="wrap">
                <p class="site-title">{t.app_title}</p>
            </div>
        </header>
    }
}

#[component]
fn Explorer() -> impl IntoView {
    let explorer = use_explorer();
    let query = explorer.query;
    let header = move || {
        let explorer = use_explorer();
        let t = explorer.texts();
        let current = query.get();
        let home = Query { lang: current.lang, embed: current.embed, ..Query::default() };
        let other = Query { lang: if current.lang == Lang::Ja { Lang::En } else { Lang::Ja }, ..current };
        view! {
            <header class="site-header">
                <div class="wrap">
                    <p class="site-title"><QueryLink to=home>{t.app_title}</QueryLink></p>
                    <QueryLink to=other class="lang-switch">
                        <span lang=if explorer.lang() == Lang::Ja { "en" } else { "ja" } aria-label=t.switch_lang_label>{t.switch_lang}</span>
                    </QueryLink>
                </div>
            </header>
        }
    };
    // Which view is shown depends only on the view and the open measure, so typing in the search
    // box re-renders the results, never the page around them.
    let page = Memo::new(move |_| query.with(|q| (q.effective_view(), q.measure.clone(), q.lang)));
    let content = move || {
        let (view, measure, lang) = page.get();
        let t = texts(lang);
        match (view, measure) {
            (_, Some(id)) => view! { <MeasureView id/> }.into_any(),
            (None, None) => view! {
                <h1>{t.app_title}</h1>
                <p class="lead">{t.app_subtitle}</p>
                <SearchBox/>
                <StartView/>
            }
            .into_any(),
            (Some(view), None) => view! {
                <h1 class="visually-hidden">{t.app_title}</h1>
                <SearchBox/>
                <ViewTabs/>
                <div class="layout">
                    <aside class="sidebar"><Facets/></aside>
                    <div class="content">{match view {
                        View::Tree => view! { <TreeView/> }.into_any(),
                        View::Timeline => view! { <TimelineView/> }.into_any(),
                        View::Compare => view! { <CompareView/> }.into_any(),
                        View::List | View::Sim => view! { <ListView/> }.into_any(),
                    }}</div>
                </div>
            }
            .into_any(),
        }
    };
    view! {
        {header}
        <main class="wrap" id="main">{content}</main>
    }
}

fn set_document_lang(lang: Lang) {
    if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        html.set_attribute("lang", lang_code(lang)).ok();
    }
}
