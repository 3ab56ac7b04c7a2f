//! Saved scenarios in localStorage, under [`KEY`] (JSON, `plan_core::sim::Scenario::list_to_json`).
//! Each change is made to the list storage holds now, so a scenario another tab saved stays. A scenario
//! storage refused is kept for this page (unsaved), listed with the others, and offered for export.

use std::cell::RefCell;

use plan_core::sim::Scenario;

use super::{NotSaved, read, write};

pub const KEY: &str = "plan-explorer:scenarios";

thread_local! {
    static UNSAVED: RefCell<Vec<Scenario>> = const { RefCell::new(Vec::new()) };
}

/// The stored scenarios; a stored text that is not a scenario list reads as none.
pub fn stored() -> Result<Vec<Scenario>, NotSaved> {
    Ok(read(KEY)?.and_then(|text| Scenario::list_from_json(&text)).unwrap_or_default())
}

/// What this page shows: the stored scenarios, then the unsaved ones.
pub fn all() -> Vec<Scenario> {
    let mut list = stored().unwrap_or_default();
    list.extend(unsaved());
    list
}

pub fn unsaved() -> Vec<Scenario> {
    UNSAVED.with_borrow(Clone::clone)
}

/// Adds `more` (and any earlier unsaved scenarios) to the stored list; when storage refuses, they are
/// kept as unsaved.
pub fn add(more: &[Scenario]) -> Result<(), NotSaved> {
    let mut pending = unsaved();
    pending.extend_from_slice(more);
    let result = stored().and_then(|mut list| {
        list.extend(pending.iter().cloned());
        write(KEY, Some(&Scenario::list_to_json(&list)))
    });
    UNSAVED.set(if result.is_ok() { Vec::new() } else { pending });
    result
}

/// Removes one scenario (the first equal one), stored or unsaved.
pub fn remove(scenario: &Scenario) -> Result<(), NotSaved> {
    let was_unsaved = UNSAVED.with_borrow_mut(|u| u.iter().position(|s| s == scenario).map(|i| u.remove(i))).is_some();
    if was_unsaved {
        return Ok(());
    }
    let mut list = stored()?;
    if let Some(i) = list.iter().position(|s| s == scenario) {
        list.remove(i);
        let text = (!list.is_empty()).then(|| Scenario::list_to_json(&list));
        write(KEY, text.as_deref())?;
    }
    Ok(())
}
