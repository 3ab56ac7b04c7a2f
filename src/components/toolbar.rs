//! Actions on the current view: export it (CSV for Excel, JSON), print it, get the code to embed it
//! in a ward's page, and import actuals.

use std::collections::HashSet;

use leptos::prelude::*;
use plan_core::format::{html_escape, plan_label};
use plan_core::query::Query;
use wasm_bindgen::JsCast;

use crate::components::import_panel::ImportPanel;
use crate::components::local_data::{LocalAlerts, LocalDataTool};
use crate::state::use_explorer;
use crate::i18n::staff::staff_texts;
use crate::url;

#[component]
pub fn Toolbar() -> impl IntoView {
    let explorer = use_explorer();
    let t = explorer.texts();
    let st = staff_texts(explorer.lang());
    let export = move |kind: &'static str| {
        let explorer = use_explorer();
        let matches: HashSet<(usize, usize)> = explorer.results.with_untracked(|r| r.matches.iter().map(|m| (m.plan, m.measure)).collect());
        let dataset = &explorer.dataset;
        let (bytes, mime, name) = match kind {
            "csv" => (plan_core::csv::render_some(dataset, |p, m| matches.contains(&(p, m))), "text/csv;charset=utf-8", "plan-explorer.csv"),
            _ => {
                let ids: HashSet<&str> = matches.iter().map(|&(p, m)| dataset.plans[p].measures[m].id.as_str()).collect();
                (filtered_json(&explorer.source, &ids), "application/json;charset=utf-8", "plan-explorer.json")
            }
        };
        download(&bytes, mime, name);
    };
    // On a phone the six tools would take four rows above the view (issue 14): they fold into one, open on a
    // wide screen (where the fold itself is not drawn) and when someone just asked for them.
    let wide = web_sys::window().and_then(|w| w.match_media("(min-width: 48rem)").ok().flatten()).is_some_and(|m| m.matches());
    let wide = wide || crate::bundle::handed_over();
    view! {
        <details class="toolbar-menu" open=wide>
            <summary class="button small">{t.staff_tools}</summary>
            {st.plans_in_japanese.map(|note| view! { <p class="english-notice">{note}</p> })}
            <div class="toolbar">
                <button type="button" class="button small" on:click=move |_| export("csv")>{st.export_csv}</button>
                <button type="button" class="button small" on:click=move |_| export("json")>{st.export_json}</button>
                <button type="button" class="button small" on:click=|_| { web_sys::window().map(|w| w.print()); }>{t.print}</button>
                <EmbedCode/>
                <ImportPanel/>
                <LocalDataTool/>
            </div>
        </details>
        <LocalAlerts/>
    }
}

/// The published JSON with only the matching measures (policies and summaries kept whole, for
/// context), plus `local_actuals`: the values imported in this browser. Done on the JSON text with
/// the browser's JSON, so the wasm carries no JSON serialiser.
fn filtered_json(source: &str, ids: &HashSet<&str>) -> Vec<u8> {
    use js_sys::{Array, JSON, Object, Reflect};
    let get = |o: &wasm_bindgen::JsValue, k: &str| Reflect::get(o, &k.into()).unwrap_or_default();
    let Ok(value) = JSON::parse(source) else { return Vec::new() };
    let kept = Array::new();
    for plan in Array::from(&get(&value, "plans")).iter() {
        let measures: Array = Array::from(&get(&plan, "measures")).iter().filter(|m| get(m, "id").as_string().is_some_and(|id| ids.contains(id.as_str()))).collect();
        if measures.length() > 0 {
            let _ = Reflect::set(&plan, &"measures".into(), &measures);
            kept.push(&plan);
        }
    }
    let _ = Reflect::set(&value, &"plans".into(), &kept);
    let local: Array = crate::local::backup::current()
        .actuals
        .into_iter()
        .filter(|a| ids.contains(a.measure.as_str()))
        .map(|a| {
            let entry = Object::new();
            let _ = Reflect::set(&entry, &"measure".into(), &a.measure.into());
            let _ = Reflect::set(&entry, &"indicator".into(), &a.indicator.into());
            let _ = Reflect::set(&entry, &"fy".into(), &a.fy.into());
            let _ = Reflect::set(&entry, &"value".into(), &a.value.into());
            wasm_bindgen::JsValue::from(entry)
        })
        .collect();
    if local.length() > 0 {
        let _ = Reflect::set(&value, &"local_actuals".into(), &local);
    }
    JSON::stringify_with_replacer_and_space(&value, &wasm_bindgen::JsValue::NULL, &2.into())
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
        .into_bytes()
}

/// Indented by the browser's JSON, for the people who open an exported file.
pub fn indented(json: &str) -> String {
    js_sys::JSON::parse(json)
        .and_then(|value| js_sys::JSON::stringify_with_replacer_and_space(&value, &wasm_bindgen::JsValue::NULL, &2.into()))
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| json.to_string())
}

/// Saves bytes as a file through a temporary object URL (no server, nothing leaves the browser).
pub fn download(bytes: &[u8], mime: &str, name: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) else { return };
    let Ok(href) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Some(link) = document.create_element("a").ok().and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok()) {
        link.set_href(&href);
        link.set_download(name);
        link.click();
    }
    let _ = web_sys::Url::revoke_object_url(&href);
}

/// The iframe snippet for the current view, with a title, and the optional resize script.
#[component]
fn EmbedCode() -> impl IntoView {
    let explorer = use_explorer();
    let st = staff_texts(explorer.lang());
    let snippet = move || {
        let explorer = use_explorer();
        let query = Query { embed: true, ..explorer.query.get() };
        let location = web_sys::window().map(|w| w.location());
        let base = location
            .as_ref()
            .and_then(|l| Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?)))
            .unwrap_or_default();
        let title = match query.plans.as_slice() {
            [one] => explorer.dataset.plans.iter().find(|p| &p.id == one).map(|p| plan_label(&p.municipality.name, &p.title)),
            _ => None,
        }
        .unwrap_or_else(|| explorer.texts().app_title.to_string());
        let script = base.trim_end_matches("index.html").to_string() + "embed.js";
        format!(
            "<iframe src=\"{base}{}\" title=\"{}\" width=\"100%\" height=\"600\" loading=\"lazy\" data-plan-explorer></iframe>\n<script src=\"{script}\"></script>",
            html_escape(&url::href(&query)),
            html_escape(&title)
        )
    };
    view! {
        <details class="tool">
            <summary class="button small">{st.embed_code}</summary>
            <div class="tool-body">
                <label for="embed-snippet">{st.embed_code_help}</label>
                <textarea id="embed-snippet" readonly rows="4" prop:value=snippet></textarea>
            </div>
        </details>
    }
}
