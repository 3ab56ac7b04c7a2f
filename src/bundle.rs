//! Which bundle is running, and the hand-over from the resident bundle to the staff bundle.
//!
//! Both bundles are the same app; they differ in a [`Bundle`] value: mainly what fills the toolbar above
//! the results and the simulation view. The resident bundle fills them with a button that loads the
//! staff bundle (components/staff_handover.rs), so none of the simulation, export or import code is in the bytes a
//! resident's first view downloads. The URL is the only state the two share, with localStorage
//! (imported actuals, saved scenarios), so the staff bundle starts where the resident one stopped.
//!
//! ```ignore
//! app::mount(Bundle::resident()); // src/main.rs
//! app::mount(Bundle::staff());    // src/bin/staff.rs
//! ```

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::components::staff_handover::{HandoverToolbar, HandoverView};
use crate::components::toolbar::Toolbar;
use crate::views::sim::SimView;

#[derive(Clone, Copy)]
pub struct Bundle {
    pub toolbar: fn() -> AnyView,
    pub sim_view: fn() -> AnyView,
    /// Runs once a page is in the DOM: the staff bundle puts focus back where the user was.
    pub page_shown: fn(),
    /// Views across plans read the search index and each plan's files as they show them
    /// ([`crate::parts`]), rather than `data/plans.json`. Not in the staff bundle, whose exports and
    /// simulation need every plan whole.
    pub search: bool,
}

impl Bundle {
    pub fn resident() -> Bundle {
        Bundle {
            toolbar: || view! { <HandoverToolbar/> }.into_any(),
            sim_view: || view! { <HandoverView/> }.into_any(),
            page_shown: || {},
            search: true,
        }
    }

    pub fn staff() -> Bundle {
        Bundle {
            toolbar: || view! { <Toolbar/> }.into_any(),
            sim_view: || view! { <SimView/> }.into_any(),
            page_shown: restore_focus,
            search: false,
        }
    }
}

pub fn use_bundle() -> Bundle {
    expect_context::<Bundle>()
}

#[wasm_bindgen]
extern "C" {
    /// Defined by the start script (scripts/postbuild.mjs): fetches and compiles the staff bundle,
    /// then calls `unmount` and starts it. Rejects, before `unmount`, if it can't be fetched.
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

/// Moves focus where [`request_focus`] asked, once, if that element is there.
pub fn restore_focus() {
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
