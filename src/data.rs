//! Fetching files of the site: the dataset and the seed texts. Parsing and validation of the dataset
//! are the core's (`plan_core::load_dataset`).

use std::sync::Arc;

use plan_core::{Dataset, LoadError, PlanIndex};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Relative, so the app works under any sub-path.
pub const DATASET_URL: &str = "data/plans.json";
pub const SEARCH_INDEX_URL: &str = "data/search/index.json";

#[derive(Clone, Debug)]
pub enum LoadFailure {
    /// The server answered, but not with the file (e.g. 404).
    Missing { url: String, status: u16 },
    /// No answer: offline, blocked, or the server is down.
    Unreachable { detail: String },
    /// The file is there but is not a valid dataset. `syntax` is the browser's JSON parser's account of
    /// where the text stops being JSON, when it does: the core's reader can't say where.
    Malformed { error: LoadError, syntax: Option<String> },
}

impl LoadFailure {
    pub fn malformed(error: LoadError, text: &str) -> LoadFailure {
        let syntax = match error {
            LoadError::NotADataset => js_sys::JSON::parse(text).err().map(|e| match e.dyn_ref::<js_sys::Error>() {
                Some(e) => String::from(e.message()),
                None => format!("{e:?}"),
            }),
            _ => None,
        };
        LoadFailure::Malformed { error, syntax }
    }
}

/// GETs a file of the site as text, through the browser's `fetch`.
pub async fn fetch_text(url: &str) -> Result<String, LoadFailure> {
    let unreachable = |e: wasm_bindgen::JsValue| LoadFailure::Unreachable { detail: format!("{e:?}") };
    let window = web_sys::window().ok_or_else(|| LoadFailure::Unreachable { detail: "no window".into() })?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url)).await.map_err(unreachable)?.unchecked_into();
    if !response.ok() {
        return Err(LoadFailure::Missing { url: url.to_string(), status: response.status() });
    }
    let text = JsFuture::from(response.text().map_err(unreachable)?).await.map_err(unreachable)?;
    Ok(text.as_string().unwrap_or_default())
}

/// The dataset, and the text it was read from.
pub async fn fetch_dataset(url: &str) -> Result<(Dataset, Arc<str>), LoadFailure> {
    let text = fetch_text(url).await?;
    let dataset = plan_core::load_dataset(&text).map_err(|e| LoadFailure::malformed(e, &text))?;
    Ok((dataset, text.into()))
}

pub async fn fetch_index(url: &str) -> Result<Arc<PlanIndex>, LoadFailure> {
    fetch_parsed(url, plan_core::load_index).await.map(Arc::new)
}

/// A file of the site read by one of the core's readers (`plan_core::load_*`).
pub async fn fetch_parsed<T>(url: &str, read: fn(&str) -> Result<T, LoadError>) -> Result<T, LoadFailure> {
    let text = fetch_text(url).await?;
    read(&text).map_err(|e| LoadFailure::malformed(e, &text))
}

/// Decodes a file staff chose (CSV/TSV) with the browser's TextDecoder: a byte-order mark says
/// UTF-8 or UTF-16; otherwise strict UTF-8, and if that fails, Shift_JIS (CP932, what Excel in
/// Japan saves as "CSV"). Returns the text and the encoding's name, to show in the preview.
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    let decode_as = |label: &str, fatal: bool| {
        let options = web_sys::TextDecoderOptions::new();
        options.set_fatal(fatal);
        web_sys::TextDecoder::new_with_label_and_options(label, &options).ok()?.decode_with_u8_array(bytes).ok()
    };
    let attempts: &[(&str, &'static str, bool)] = match bytes {
        [0xEF, 0xBB, 0xBF, ..] => &[("utf-8", "UTF-8 (BOM)", false)],
        [0xFF, 0xFE, ..] => &[("utf-16le", "UTF-16LE", false)],
        [0xFE, 0xFF, ..] => &[("utf-16be", "UTF-16BE", false)],
        _ => &[("utf-8", "UTF-8", true), ("shift_jis", "Shift_JIS (CP932)", false)],
    };
    attempts
        .iter()
        .find_map(|(label, name, fatal)| decode_as(label, *fatal).map(|text| (text, *name)))
        .unwrap_or_else(|| (String::from_utf8_lossy(bytes).into_owned(), "UTF-8"))
}
