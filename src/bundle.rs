//! Which bundle is running, and the hand-over from a resident bundle to the staff bundle.
//!
//! The three bundles are the same app; they differ in a [`Bundle`] value: what fills the toolbar above
//! the results and the simulation view, which UI text they carry, and whether they show the plans in
//! English. The resident bundles fill the toolbar and the simulation with a button that loads the staff
//! bundle (components/staff_handover.rs), so none of the simulation, export or import code is in the bytes a
//! resident's first view downloads; each carries one language, and its language switch is a plain link
//! that the start script answers with the other (ARCHITECTURE.md, Bundles). The URL is the only state the
//! bundles share, with localStorage (imported actuals, saved scenarios), so each starts where the last
//! one stopped.
//!
//! ```ignore
//! app::mount(Bundle::resident());         // src/main.rs
//! app::mount(Bundle::resident_english()); // src/bin/english.rs
//! app::mount(Bundle::staff());            // src/bin/staff.rs
//! ```

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::components::staff_handover::{HandoverToolbar, HandoverView};
use crate::components::toolbar::Toolbar;
use crate::i18n::{self, Lang, Texts};
use crate::parts::Parts;
use crate::views::sim::SimView;

#[derive(Clone, Copy)]
pub struct Bundle {
    pub toolbar: fn() -> AnyView,
    pub sim_view: fn() -> AnyView,
    /// Where the app mounts: `#app`; in the staff bundle, while a resident app is still there, a hidden
    /// element beside it ([`finish_handover`]).
    pub mount_root: fn() -> web_sys::HtmlElement,
    /// Runs once a page is in the DOM: the staff bundle takes the resident app's place and puts focus back
    /// where the user was.
    pub page_shown: fn(),
    /// Views across plans read the search index and each plan's files as they show them
    /// ([`crate::parts`]), rather than `data/plans.json`. Not in the staff bundle, whose exports and
    /// simulation need every plan whole.
    pub search: bool,
    /// The UI text it carries ([`i18n::texts`]): one language in a resident bundle, both in the staff one.
    pub texts: fn(Lang) -> &'static Texts,
    /// Whether the language switch changes the page in place (the bundle carries both languages) or
    /// loads the page again, for the start script to start the other resident bundle.
    pub switches_in_place: bool,
    /// The plans' English (`src/english.rs`), in the English resident bundle only.
    pub english: Option<English>,
}

/// What shows the plans in English: only the English bundle links it.
#[derive(Clone, Copy)]
pub struct English {
    /// A department or grade, which stay Japanese in the data as the URL's values, in English (tracked).
    pub term: fn(&str) -> String,
    /// Whether the first read of their English has answered, either way (tracked). Views of the plans wait
    /// for it: a department shown in Japanese, unmarked, then changed to English, was read out as English
    /// by a screen reader and moved the text (the CI run of f1c4977 failed on it). If it fails, the notice
    /// says they show in Japanese.
    pub answered: fn() -> bool,
    /// Reads the English of departments and grades, unless it is here or on its way; counts its arrival.
    pub start: fn(RwSignal<usize>),
    /// The measures (ordinals, ascending) having every term: in English words when all the terms are in
    /// Latin letters, else in the Japanese grams.
    pub search: fn(&Parts, &[String]) -> Option<Vec<Vec<u32>>>,
    /// Whether that search waits for a file (tracked).
    pub waiting: fn(&Parts, &[String]) -> bool,
    /// What every English page says once: the translation is unofficial.
    pub notice: fn(RwSignal<usize>) -> AnyView,
}

impl Bundle {
    pub fn resident() -> Bundle {
        Bundle {
            toolbar: || view! { <HandoverToolbar/> }.into_any(),
            sim_view: || view! { <HandoverView/> }.into_any(),
            mount_root: crate::app::app_root,
            page_shown: || {},
            search: true,
            texts: i18n::japanese,
            switches_in_place: false,
            english: None,
        }
    }

    pub fn resident_english() -> Bundle {
        Bundle { texts: i18n::english, english: Some(crate::english::ENGLISH), ..Bundle::resident() }
    }

    pub fn staff() -> Bundle {
        Bundle {
            toolbar: || view! { <Toolbar/> }.into_any(),
            sim_view: || view! { <SimView/> }.into_any(),
            mount_root: staff_root,
            page_shown: finish_handover,
            search: false,
            texts: i18n::both,
            switches_in_place: true,
            english: None,
        }
    }

    /// `.en` where the plans are read in English: `plans/<id>.en.json` for `plans/<id>.json`, and so on
    /// (docs/DATA.md, "Files for the app").
    pub fn suffix(&self) -> &'static str {
        suffix(self.english)
    }

    /// A department or grade as the page shows it (tracked in English, as its table arrives).
    pub fn term(&self, japanese: &str) -> String {
        match self.english {
            Some(english) => (english.term)(japanese),
            None => japanese.to_string(),
        }
    }
}

/// `.en` with the plans' English, else nothing: see [`Bundle::suffix`].
pub fn suffix(english: Option<English>) -> &'static str {
    if english.is_some() { ".en" } else { "" }
}

pub fn use_bundle() -> Bundle {
    expect_context::<Bundle>()
}

#[wasm_bindgen]
extern "C" {
    /// Defined by the start script (scripts/postbuild.mjs): fetches, compiles and starts the staff bundle,
    /// which calls `unmount` once it has drawn its first page ([`finish_handover`]). Rejects, with this
    /// app still there, if the staff bundle can't be fetched or started.
    #[wasm_bindgen(catch, js_namespace = window, js_name = planExplorerLoadStaff)]
    fn load_staff_bundle(unmount: &JsValue) -> Result<js_sys::Promise, JsValue>;
}

/// Replaces this (resident) app with the staff bundle's. On `Ok` this app is gone: the caller must
/// not touch its signals. On `Err` (offline and not cached, say) nothing has changed.
pub async fn hand_over_to_staff() -> Result<(), String> {
    let unmount = Closure::once_into_js(crate::app::unmount);
    let promise = load_staff_bundle(&unmount).map_err(describe)?;
    JsFuture::from(promise).await.map(|_| ()).map_err(describe)
}

fn describe(error: JsValue) -> String {
    error.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| error.as_string()).unwrap_or_else(|| format!("{error:?}"))
}

/// Where focus should land once the staff bundle has rendered: a CSS selector, kept on `<body>`
/// because it must outlive the resident app. A keyboard user who asked for a tool keeps their place.
pub fn request_focus(selector: &str) {
    if let Some(body) = body() {
        body.set_attribute(FOCUS_ATTRIBUTE, selector).ok();
    }
}

/// The element the staff bundle starts in while a resident app is still on the page.
const HANDOVER_ROOT: &str = "app-handover";

/// What the start script left for the staff bundle: the resident app's `unmount`, while a hand-over waits
/// for the staff app's first page.
fn pending_handover() -> Option<js_sys::Function> {
    let window = web_sys::window()?;
    js_sys::Reflect::get(&window, &JsValue::from_str(HANDOVER_KEY)).ok()?.dyn_into().ok()
}

/// Whether this app started beside a resident one it has yet to replace: its first page must be whole when
/// it is swapped in, not drawn a part at a time (views/timeline.rs).
pub fn handing_over() -> bool {
    pending_handover().is_some()
}

/// `#app`, or, when a resident app is still there, a hidden element beside it, which [`finish_handover`]
/// shows in its place.
fn staff_root() -> web_sys::HtmlElement {
    if pending_handover().is_none() {
        return crate::app::app_root();
    }
    let document = web_sys::window().and_then(|w| w.document()).expect("a page has a document");
    let root = document.create_element("div").expect("a div can be made");
    root.set_id(HANDOVER_ROOT);
    root.set_attribute("hidden", "").ok();
    if let Some(app) = document.get_element_by_id("app") {
        app.after_with_node_1(&root).ok();
    }
    root.dyn_into().expect("a div is an HTML element")
}

/// Runs once a page of the staff app is in the DOM: if it started beside the resident app, takes that one
/// off and shows this one in its place, in one go, so no frame shows an empty page or a loading line (the
/// resident app used to be taken off first: 170 ms of an empty page, then of 「読み込み中」, and the scroll
/// position lost with the page's height); then puts focus back where the user was.
pub fn finish_handover() {
    if let Some(unmount) = pending_handover()
        && let Some(window) = web_sys::window()
    {
        js_sys::Reflect::delete_property(&window, &JsValue::from_str(HANDOVER_KEY)).ok();
        unmount.call0(&JsValue::NULL).ok();
        if let Some(document) = window.document()
            && let (Some(old), Some(new)) = (document.get_element_by_id("app"), document.get_element_by_id(HANDOVER_ROOT))
        {
            old.remove();
            new.set_id("app");
            new.remove_attribute("hidden").ok();
        }
        // The resident app may have moved on while this one loaded (another tab, a measure: seconds on a slow
        // network); it wrote where to the URL, which this app read only as it started.
        if let Some(nav) = use_context::<crate::state::Nav>() {
            let now = crate::url::read();
            if nav.query.with_untracked(|q| *q != now) {
                nav.query.set(now);
            }
        }
    }
    restore_focus();
}

const HANDOVER_KEY: &str = "planExplorerHandover";

/// Moves focus where [`request_focus`] asked, once, if that element is there.
fn restore_focus() {
    let Some(body) = body() else { return };
    let Some(selector) = body.get_attribute(FOCUS_ATTRIBUTE) else { return };
    if let Some(element) = body.query_selector(&selector).ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        body.remove_attribute(FOCUS_ATTRIBUTE).ok();
        element.focus().ok();
    }
}

/// Whether the page was just handed over from the resident bundle (someone asked for a staff tool).
pub fn handed_over() -> bool {
    body().is_some_and(|b| b.has_attribute(FOCUS_ATTRIBUTE))
}

const FOCUS_ATTRIBUTE: &str = "data-focus-after-handover";

fn body() -> Option<web_sys::HtmlElement> {
    web_sys::window()?.document()?.body()
}
