//! Fetching the dataset. Parsing and validation are the core's (`plan_core::load_dataset`).

use std::sync::Arc;

use plan_core::{Dataset, LoadError};

/// Relative, so the app works under any sub-path.
pub const DATASET_URL: &str = "data/plans.json";

#[derive(Clone, Debug)]
pub enum LoadFailure {
    /// The server answered, but not with the file (e.g. 404).
    Missing { status: u16 },
    /// No answer: offline, blocked, or the server is down.
    Unreachable { detail: String },
    /// The file is there but is not a valid dataset.
    Malformed(LoadError),
}

pub async fn fetch_dataset(url: &str) -> Result<Arc<Dataset>, LoadFailure> {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| LoadFailure::Unreachable { detail: e.to_string() })?;
    if !response.ok() {
        return Err(LoadFailure::Missing { status: response.status() });
    }
    let text = response.text().await.map_err(|e| LoadFailure::Unreachable { detail: e.to_string() })?;
    plan_core::load_dataset(&text).map(Arc::new).map_err(LoadFailure::Malformed)
}
