//! Fetching files of the site: the dataset and the seed texts. Parsing and validation of the dataset
//! are the core's (`plan_core::load_dataset`).

use std::sync::Arc;

use plan_core::{Dataset, LoadError, PlanIndex};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Relative, so the app works under any sub-path.
pub const DATASET_URL: &str = "data/plans.json";
pub const INDEX_URL: &str = "data/index.json";

#[derive(Clone, Debug)]
pub enum LoadFailure {
    /// The server answered, but not with the file (e.g. 404).
    Missing { url: String, status: u16 },
    /// No answer: offline, blocked, or the server is down.
    Unreachable { detail: String },
    /// The file is there but is not a valid dataset.
    Malformed(LoadError),
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

pub async fn fetch_dataset(url: &str) -> Result<Arc<Dataset>, LoadFailure> {
    let text = fetch_text(url).await?;
    plan_core::load_dataset(&text).map(Arc::new).map_err(LoadFailure::Malformed)
}

pub async fn fetch_index(url: &str) -> Result<Arc<PlanIndex>, LoadFailure> {
    let text = fetch_text(url).await?;
    plan_core::load_index(&text).map(Arc::new).map_err(LoadFailure::Malformed)
}
