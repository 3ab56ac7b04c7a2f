//! The browser side of the URL contract: read the query string into a [`Query`], write it back.
//! Filter changes replace the history entry (no flood of Back entries in an embedding page);
//! moving to another view or opening a measure pushes one, so Back returns.

use plan_core::query::Query;
use wasm_bindgen::JsValue;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum History {
    Replace,
    Push,
}

pub fn read() -> Query {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else { return Query::default() };
    let pairs = js_sys::try_iter(&params)
        .ok()
        .flatten()
        .into_iter()
        .flatten()
        .filter_map(|entry| {
            let pair = js_sys::Array::from(&entry.ok()?);
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        });
    Query::from_pairs(pairs)
}

/// `?plan=…&view=…` for a query (just `?` for the start page in Japanese).
pub fn href(query: &Query) -> String {
    let Ok(params) = web_sys::UrlSearchParams::new() else { return "?".into() };
    for (key, value) in query.to_pairs() {
        params.append(key, &value);
    }
    format!("?{}", String::from(params.to_string()))
}

pub fn write(query: &Query, mode: History) {
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else { return };
    let url = href(query);
    let result = match mode {
        History::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
        History::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
    };
    // A sandboxed iframe may refuse history changes; the view still updates.
    let _ = result;
}

/// Unicode NFKC through the browser (`String.prototype.normalize`), for search folding.
pub fn nfkc(text: &str) -> String {
    String::from(js_sys::JsString::from(text).normalize("NFKC"))
}
