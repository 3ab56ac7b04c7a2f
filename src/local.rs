//! Actuals imported by staff, kept in this browser (localStorage) across visits.
//! A view may hold only some plans, so saving merges: the loaded plans' imported values replace
//! theirs, the other plans' saved values stay as they were.
//!
//! Stored as plain lines, `measure<TAB>indicator<TAB>fy<TAB>value bits (hex)`, after a version line:
//! exact for every f64, and no JSON serialiser in the wasm for four fields.

use plan_core::Dataset;
use plan_core::import::{self, LOCAL_ACTUALS_VERSION, LocalActual, LocalActuals};

const KEY: &str = "plan-explorer:local-actuals";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The saved values; anything unreadable (an older format, a hand-edited entry) is left out.
pub fn saved() -> LocalActuals {
    let text = storage().and_then(|s| s.get_item(KEY).ok().flatten()).unwrap_or_default();
    let mut lines = text.lines();
    let version = lines.next().and_then(|v| v.strip_prefix('v')?.parse().ok()).unwrap_or(LOCAL_ACTUALS_VERSION);
    let actuals = lines
        .filter_map(|line| {
            let mut cells = line.split('\t');
            Some(LocalActual {
                measure: cells.next()?.to_string(),
                indicator: cells.next()?.to_string(),
                fy: cells.next()?.parse().ok()?,
                value: f64::from_bits(u64::from_str_radix(cells.next()?, 16).ok()?),
            })
        })
        .collect();
    LocalActuals { version, actuals }
}

fn plan_of(measure: &str) -> &str {
    measure.split_once('.').map_or(measure, |(plan, _)| plan)
}

/// Re-applies the saved values that belong to the dataset's plans; returns how many of those no
/// longer fit (their measure, indicator or year is gone from the data).
pub fn restore(dataset: &mut Dataset) -> usize {
    let mut saved = saved();
    saved.actuals.retain(|a| dataset.plans.iter().any(|p| p.id == plan_of(&a.measure)));
    import::restore(dataset, &saved)
}

/// Saves the dataset's imported values, keeping those of plans not loaded now.
pub fn save(dataset: &Dataset) {
    let Some(storage) = storage() else { return };
    let mut all = saved();
    all.actuals.retain(|a| !dataset.plans.iter().any(|p| p.id == plan_of(&a.measure)));
    all.actuals.extend(import::local_actuals(dataset).actuals);
    let mut text = format!("v{LOCAL_ACTUALS_VERSION}\n");
    for a in &all.actuals {
        text.push_str(&format!("{}\t{}\t{}\t{:x}\n", a.measure, a.indicator, a.fy, a.value.to_bits()));
    }
    let result = if all.actuals.is_empty() { storage.remove_item(KEY) } else { storage.set_item(KEY, &text) };
    // Storage can be full or disabled (private mode); the values stay applied until the page closes.
    let _ = result;
}

pub fn clear() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(KEY);
    }
}

/// How many actuals of the dataset were imported in this browser.
pub fn count(dataset: &Dataset) -> usize {
    dataset
        .plans
        .iter()
        .flat_map(|p| p.measures.iter().flat_map(|m| &m.indicators).chain(p.policies.iter().flat_map(|x| &x.indicators)))
        .flat_map(|i| &i.actuals)
        .filter(|a| a.local)
        .count()
}
