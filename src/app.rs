//! The application shell: the header, the search box, and the data each view needs.
//!
//! Data loads as little as the view needs: the start page reads `data/wards.json` and the plans of the
//! municipalities it shows ([`plan_core::wards`]), a view of one plan (or one of its measures) reads only `data/plans/<id>.json`,
//! and anything across plans reads the search index `data/search/index.json`, then the files of the
//! plans it shows ([`crate::parts`]; the staff bundle reads `data/plans.json`). Moving to a view that
//! needs more loads more.

use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use plan_core::PlanIndex;
use plan_core::wards::Wards;
use plan_core::query::{Lang, Query, View};
use wasm_bindgen::JsCast;

use crate::bundle::{Bundle, use_bundle};
use crate::components::error_panel::ErrorPanel;
use crate::components::facets::Facets;
use crate::components::link::QueryLink;
use crate::components::loading::Loading;
use crate::components::search_box::SearchBox;
use crate::components::view_tabs::ViewTabs;
use crate::data::{self, LoadFailure};
use crate::i18n::{lang_code, texts};
use crate::state::{Explorer, LocalChanged, Nav, use_nav};
use crate::{local, url};
use crate::views::{
    compare::CompareView, list::ListView, measure::MeasureView, start::StartView, timeline::TimelineView, tree::TreeView,
};

/// How much of the data a view needs.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Scope {
    /// The municipalities' names, for the start page ([`plan_core::wards`]).
    Wards,
    Plan(String),
    /// The search index, and each plan's files as views show them ([`crate::parts`]).
    Search,
    All,
}

impl Scope {
    /// `search`: whether views across plans read the search index (`Bundle::search`).
    /// `english`: whether a search matches the plans' English too, whose word files number the measures
    /// of the search index.
    fn needed_by(q: &Query, search: bool, english: bool) -> Scope {
        let measure_plan = q.measure.as_deref().and_then(|m| m.split_once('.')).map(|(plan, _)| plan.to_string());
        let across = if search { Scope::Search } else { Scope::All };
        match (q.effective_view(), &measure_plan) {
            (None, None) => Scope::Wards,
            (Some(View::Compare), None) => across,
            (_, None) if english && !q.q.trim().is_empty() => across,
            _ => match (q.plans.as_slice(), measure_plan) {
                ([one], None) => Scope::Plan(one.clone()),
                ([one], Some(p)) if *one == p => Scope::Plan(p),
                ([], Some(p)) => Scope::Plan(p),
                // Its plan's whole file loads with the measure (the search index keeps the other filters).
                (_, Some(_)) => across,
                _ => across,
            },
        }
    }

    fn covers(&self, need: &Scope) -> bool {
        match (self, need) {
            (Scope::All, _) => true,
            (Scope::Search, Scope::Search | Scope::Wards) => true,
            (Scope::Plan(have), Scope::Plan(want)) => have == want,
            (Scope::Wards, Scope::Wards) => true,
            _ => false,
        }
    }

    /// `suffix`: `.en` where the plans are read in English (`Bundle::suffix`).
    fn url(&self, suffix: &str) -> String {
        match self {
            Scope::Wards => format!("data/wards{suffix}.json"),
            Scope::Plan(id) => format!("data/plans/{id}{suffix}.json"),
            Scope::Search => format!("data/search/index{suffix}.json"),
            Scope::All => data::DATASET_URL.to_string(),
        }
    }
}

#[derive(Clone)]
enum Data {
    Loading,
    Failed(LoadFailure),
    /// The municipalities' names, and the first file of their plans when it was read.
    Wards(Arc<Wards>, Option<Arc<PlanIndex>>),
    Ready(Scope, Explorer),
}

impl Data {
    fn scope(&self) -> Option<&Scope> {
        match self {
            Data::Wards(..) => Some(&Scope::Wards),
            Data::Ready(scope, _) => Some(scope),
            Data::Loading | Data::Failed(_) => None,
        }
    }
}

thread_local! {
    /// Drops the mounted app: its DOM, effects and listeners. Taken by [`unmount`].
    static MOUNTED: RefCell<Option<Box<dyn FnOnce()>>> = RefCell::new(None);
}

/// Mounts the app into `#app`, replacing the static "loading" text that shows before the wasm runs
/// (or what a bundle that handed over left there). In a task of its own, not in the one that started the
/// wasm: together they were one long task (README, Speed). Not Leptos' `spawn_local`, whose executor
/// mounting starts.
pub fn mount(bundle: Bundle) {
    wasm_bindgen_futures::spawn_local(async move {
        crate::tasks::next_task().await;
        mount_now(bundle);
    });
}

fn mount_now(bundle: Bundle) {
    let root = (bundle.mount_root)();
    crate::i18n::carry(bundle.texts);
    let handle = leptos::mount::mount_to(root, move || {
        provide_context(bundle);
        App()
    });
    MOUNTED.with(|m| *m.borrow_mut() = Some(Box::new(move || drop(handle))));
}

/// `#app`, emptied of the static page that shows before the wasm runs.
pub fn app_root() -> web_sys::HtmlElement {
    let app = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app")).expect("index.html has #app");
    app.set_inner_html("");
    app.dyn_into().expect("#app is an HTML element")
}

/// Takes the app off the page, for the staff bundle to start in its place (`bundle.rs`).
pub fn unmount() {
    if let Some(drop_app) = MOUNTED.with(|m| m.borrow_mut().take()) {
        drop_app();
    }
}

#[component]
pub fn App() -> impl IntoView {
    let nav = Nav::new(url::read());
    provide_context(nav);
    let data = RwSignal::new(Data::Loading);
    let requested: RwSignal<Option<Scope>> = RwSignal::new(None);
    let bundle = use_bundle();
    let search = bundle.search;
    let english_arrived = RwSignal::new(0usize);
    // Before any view reads it: a view that read it first would not see it arrive (the notice that it
    // failed never showed).
    if let Some(english) = bundle.english {
        (english.start)(english_arrived);
    }

    let load = move |scope: Scope| {
        if let Some(english) = bundle.english {
            (english.start)(english_arrived);
        }
        requested.set(Some(scope.clone()));
        data.set(Data::Loading);
        spawn_local(async move {
            let url = scope.url(bundle.suffix());
            let loaded = match scope {
                // With the first file of plans, which the start script preloads beside the names: cards drawn
                // before their plans grew as the plans arrived and pushed the page down (layout shift 0.23 on a
                // phone). A file that fails is read again by the start page, which says so.
                Scope::Wards => match data::fetch_parsed(&url, plan_core::load_wards).await {
                    Ok(wards) => {
                        let wards = Arc::new(wards);
                        let first = if wards.files() > 0 { crate::views::start::read_file(&wards, 0, bundle.suffix()).await.ok() } else { None };
                        Ok(Data::Wards(wards, first))
                    }
                    Err(failure) => Err(failure),
                },
                Scope::Search => data::fetch_text(&url).await.and_then(|text| {
                    let malformed = |error| LoadFailure::malformed(error, &text);
                    let index = plan_core::load_search_index(&text).map_err(malformed)?;
                    let explorer = Explorer::from_index(index, text.clone().into(), nav, bundle.english).map_err(|problem| {
                        malformed(plan_core::LoadError::Invalid(vec![plan_core::Issue {
                            plan: String::new(),
                            item: data::SEARCH_INDEX_URL.into(),
                            field: "plans[].measures".into(),
                            problem,
                            fix: "Publish the data files of one build together.".into(),
                        }]))
                    })?;
                    Ok(Data::Ready(scope.clone(), explorer))
                }),
                _ => data::fetch_dataset(&url).await.map(|(mut dataset, source)| {
                    local::actuals::restore(&mut dataset, scope == Scope::All);
                    Data::Ready(scope.clone(), Explorer::new(Arc::new(dataset), source, false, nav))
                }),
            };
            // Reading the data and drawing the view with it were one task, 160-380 ms at Lighthouse's 4x
            // slowdown, most of it the browser compiling each wasm function as it is first called (README,
            // Speed): two tasks, with the browser's own work between them.
            crate::tasks::next_task().await;
            // A later navigation may have asked for something else meanwhile: keep only the latest.
            // (`try_`: the app may have been handed over to the staff bundle meanwhile.)
            if requested.try_with_untracked(|r| r.as_ref() == Some(&scope)) == Some(true) {
                data.set(loaded.unwrap_or_else(Data::Failed));
            }
        });
    };
    // Load whenever the view needs data that isn't there (and wasn't just requested).
    Effect::new(move |_| {
        let need = nav.query.with(|q| Scope::needed_by(q, search, bundle.english.is_some()));
        let covered = data.with_untracked(|d| d.scope().is_some_and(|have| have.covers(&need)));
        if !covered && requested.get_untracked().as_ref() != Some(&need) {
            load(need);
        }
    });
    // From the text the data was read from, not the data in hand: a value another tab removed must go.
    let local_changed = Callback::new(move |()| match data.try_get_untracked() {
        // Across plans, each plan's values are applied as it loads: load the shown ones again.
        Some(Data::Ready(_, explorer)) if explorer.parts.is_some() => explorer.reload_plans(),
        Some(Data::Ready(scope, old)) => {
            if let Ok(mut dataset) = plan_core::load_dataset(&old.source) {
                local::actuals::restore(&mut dataset, scope == Scope::All);
                data.set(Data::Ready(scope, Explorer::new(Arc::new(dataset), old.source, old.notes_left_out, nav)));
            }
        }
        _ => {}
    });
    provide_context(LocalChanged(local_changed));
    // Another tab saved or cleared actuals (`key` is null when it cleared all of storage).
    let on_storage = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().is_none_or(|key| key == local::actuals::KEY) {
            local::actuals::changed_elsewhere();
            local_changed.run(());
        }
    });
    on_cleanup(move || on_storage.remove());
    let retry = Callback::new(move |()| {
        if let Some(scope) = requested.get_untracked() {
            load(scope);
        }
    });
    // Back and Forward: the URL is the state.
    let on_pop = window_event_listener(leptos::ev::popstate, move |_| nav.query.set(url::read()));
    on_cleanup(move || on_pop.remove());
    Effect::new(move |_| set_document_lang(nav.lang()));

    let page = Memo::new(move |_| nav.query.with(|q| (q.effective_view(), q.measure.clone(), q.lang)));
    let is_start = move || matches!(page.get(), (None, None, _));
    let embed = Memo::new(move |_| nav.query.with(|q| q.embed));
    // A page that is not the explorer's (the start page, an error) is shown too, once it is drawn.
    Effect::new(move |_| {
        if data.with(|d| matches!(d, Data::Wards(..) | Data::Failed(_))) {
            (bundle.page_shown)();
        }
    });
    // In English, the plans are shown once the English of their departments and grades has answered.
    let terms_answered = Memo::new(move |_| bundle.english.is_none_or(|english| (english.answered)()));
    let content = move || {
        let (_, _, lang) = page.get();
        match data.get() {
            Data::Loading => view! { <Loading lang/> }.into_any(),
            Data::Ready(..) if !terms_answered.get() => view! { <Loading lang/> }.into_any(),
            Data::Failed(failure) => view! { <ErrorPanel failure on_retry=retry/> }.into_any(),
            Data::Wards(wards, first) => {
                if is_start() { view! { <StartView wards first/> }.into_any() } else { view! { <Loading lang/> }.into_any() }
            }
            Data::Ready(_, explorer) => {
                provide_context(explorer.clone());
                view! { <ExplorerPage explorer/> }.into_any()
            }
        }
    };
    view! {
        {move || (!embed.get()).then(|| view! { <Header/> })}
        <main class="wrap" id="main" class:embed=embed>
            {move || {
                let t = texts(page.get().2);
                if embed.get() {
                    let full = Query { embed: false, ..nav.query.get() };
                    view! {
                        <h1 class="visually-hidden">{t.app_title}</h1>
                        <p class="open-full"><a href=url::href(&full) target="_blank" rel="noopener">{t.open_full}</a></p>
                    }.into_any()
                } else if is_start() {
                    view! { <h1>{t.app_title}</h1><p class="lead">{t.app_subtitle}</p> }.into_any()
                } else {
                    view! { <h1 class="visually-hidden">{t.app_title}</h1> }.into_any()
                }
            }}
            {bundle.english.map(|english| (english.notice)(english_arrived))}
            {move || (!embed.get()).then(|| view! { <SearchBox/> })}
            {content}
        </main>
    }
}

#[component]
fn Header() -> impl IntoView {
    move || {
        let nav = use_nav();
        let current = nav.query.get();
        let t = texts(current.lang);
        let home = Query { lang: current.lang, embed: current.embed, ..Query::default() };
        let (other_lang, other_code) = match current.lang {
            Lang::Ja => (Lang::En, "en"),
            Lang::En => (Lang::Ja, "ja"),
        };
        let other = Query { lang: other_lang, ..current };
        let label = view! { <span lang=other_code aria-label=t.switch_lang_label>{t.switch_lang}</span> };
        // A resident bundle carries one language: the other is the other bundle, which the start script
        // starts when the page loads again.
        let switch = if use_bundle().switches_in_place {
            view! { <QueryLink to=other class="lang-switch">{label}</QueryLink> }.into_any()
        } else {
            view! { <a href=url::href(&other) class="lang-switch">{label}</a> }.into_any()
        };
        view! {
            <header class="site-header">
                <div class="wrap">
                    <p class="site-title"><QueryLink to=home>{t.app_title}</QueryLink></p>
                    {switch}
                </div>
            </header>
        }
    }
}

/// Everything below the search box once a dataset is there. Re-renders only when the page (view,
/// open measure, language) changes, so typing updates the results and nothing around them.
#[component]
fn ExplorerPage(explorer: Explorer) -> impl IntoView {
    let query = explorer.query;
    let bundle = use_bundle();
    let page = Memo::new(move |_| query.with(|q| (q.effective_view(), q.measure.clone(), q.embed)));
    // Effects run after the page below is in the DOM. The simulation says so itself, once its outlooks are.
    Effect::new(move |_| {
        if page.with(|(view, measure, _)| !(*view == Some(View::Sim) && measure.is_none())) {
            (bundle.page_shown)();
        }
    });
    let parts = explorer.parts.clone();
    let retry = {
        let explorer = explorer.clone();
        Callback::new(move |()| explorer.reload_plans())
    };
    let failure = move || {
        let failed = parts.as_ref().and_then(|parts| parts.read().failed.clone());
        failed.map(|failure| view! { <ErrorPanel failure on_retry=retry/> })
    };
    let content = move || match page.get() {
        (_, Some(id), _) => view! { <MeasureView id/> }.into_any(),
        (None, None, _) => {
            let plans = explorer.listing();
            view! { <StartView wards=Arc::new(Wards::whole(&plans)) plans first=None/> }.into_any()
        }
        (Some(view), None, embed) => view! {
            {(!embed).then(|| view! { <ViewTabs/>{(bundle.toolbar)()} })}
            <div class="layout" class:embed=embed>
                {(!embed).then(|| view! { <aside class="sidebar"><Facets/></aside> })}
                <div class="content">{match view {
                    View::Tree => view! { <TreeView/> }.into_any(),
                    View::Timeline => view! { <TimelineView/> }.into_any(),
                    View::Compare => view! { <CompareView/> }.into_any(),
                    View::Sim => (bundle.sim_view)(),
                    View::List => view! { <ListView/> }.into_any(),
                }}</div>
            </div>
        }
        .into_any(),
    };
    view! { {failure}{content} }
}

fn set_document_lang(lang: Lang) {
    if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        html.set_attribute("lang", lang_code(lang)).ok();
    }
}
