//! Imported actuals in localStorage, under [`KEY`] (the stored text: `plan_core::local::LocalActuals`).
//!
//! Besides what storage holds, a page keeps two lists for as long as it is open:
//! - *unsaved*: values applied in this page that storage refused. They stay applied, are shown with a
//!   download, and go along with the next save that succeeds;
//! - *unfit*: saved values of the loaded plans that the data no longer has a place for (a release
//!   removed their measure, indicator or year). They stay in storage, are listed with a download, and
//!   go only when the user clears them.

use std::cell::RefCell;

use plan_core::Dataset;
use plan_core::import;
use plan_core::local::{self, LOCAL_ACTUALS_VERSION, LocalActual, LocalActuals};

use super::{NotSaved, read, write};

pub const KEY: &str = "plan-explorer:local-actuals";

thread_local! {
    static UNSAVED: RefCell<Vec<LocalActual>> = const { RefCell::new(Vec::new()) };
    static UNFIT: RefCell<Vec<LocalActual>> = const { RefCell::new(Vec::new()) };
    static CHANGED_ELSEWHERE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Notes that another tab changed the saved values (the `storage` event), for the staff tools to say.
pub fn changed_elsewhere() {
    CHANGED_ELSEWHERE.set(true);
}

/// Whether another tab changed the saved values since this was last asked.
pub fn take_changed_elsewhere() -> bool {
    CHANGED_ELSEWHERE.take()
}

/// Every saved value, of every plan. An empty list when nothing is saved.
pub fn saved() -> Result<LocalActuals, NotSaved> {
    let text = read(KEY)?;
    Ok(text.map_or(LocalActuals { version: LOCAL_ACTUALS_VERSION, actuals: Vec::new() }, |t| LocalActuals::from_text(&t)))
}

/// Applies the saved values of the dataset's plans, then this page's unsaved ones, to a freshly loaded
/// dataset, and notes the saved ones that no longer fit. `whole`: the dataset has every published plan,
/// so a saved value of a plan it doesn't have no longer fits either.
pub fn restore(dataset: &mut Dataset, whole: bool) {
    let saved = saved().unwrap_or(LocalActuals { version: LOCAL_ACTUALS_VERSION, actuals: Vec::new() });
    let loaded = |a: &LocalActual| dataset.plans.iter().any(|p| p.id == a.plan());
    let (mine, others): (Vec<_>, Vec<_>) = saved.actuals.into_iter().partition(|a| loaded(a));
    let mut unfit = import::restore(dataset, &LocalActuals { version: saved.version, actuals: mine });
    if whole {
        unfit.extend(others);
    }
    import::restore(dataset, &LocalActuals { version: LOCAL_ACTUALS_VERSION, actuals: unsaved() });
    UNFIT.set(unfit);
}

/// Stores `changes` (and any earlier unsaved values) over what storage holds now. When storage refuses,
/// they are kept as unsaved for this page and `NotSaved` says so.
pub fn save(changes: &[LocalActual]) -> Result<(), NotSaved> {
    let pending = local::merge(&unsaved(), changes);
    let result = saved().and_then(|stored| {
        let all = LocalActuals { version: LOCAL_ACTUALS_VERSION, actuals: local::merge(&stored.actuals, &pending) };
        write(KEY, Some(&all.to_text()))
    });
    UNSAVED.set(if result.is_ok() { Vec::new() } else { pending });
    result
}

/// Removes every imported value, saved or not, of every plan.
pub fn clear() -> Result<(), NotSaved> {
    UNSAVED.set(Vec::new());
    UNFIT.set(Vec::new());
    write(KEY, None)
}

/// Removes only the values that no longer fit the data.
pub fn clear_unfit() -> Result<(), NotSaved> {
    let unfit = self::unfit();
    let mut stored = saved()?;
    stored.actuals.retain(|a| !unfit.iter().any(|u| u.key() == a.key()));
    let text = (!stored.actuals.is_empty()).then(|| stored.to_text());
    write(KEY, text.as_deref())?;
    UNFIT.set(Vec::new());
    Ok(())
}

pub fn unsaved() -> Vec<LocalActual> {
    UNSAVED.with_borrow(Clone::clone)
}

pub fn unfit() -> Vec<LocalActual> {
    UNFIT.with_borrow(Clone::clone)
}
