//! One file with everything this browser keeps (`plan_core::local::Backup`), and restoring it: all or
//! nothing across both storage keys.

use plan_core::local::{self, Backup, LOCAL_ACTUALS_VERSION, LocalActuals};

use super::{NotSaved, actuals, read, scenarios, write};

/// What this page has: saved and unsaved actuals (also those that no longer fit), and every scenario.
pub fn current() -> Backup {
    let stored = actuals::saved().map(|s| s.actuals).unwrap_or_default();
    Backup { actuals: local::merge(&stored, &actuals::unsaved()), scenarios: scenarios::all() }
}

/// Writes the backup's actuals over the stored ones (by measure, indicator and year) and adds its
/// scenarios that are not stored yet. If the second write is refused, the first is undone, so either
/// both are stored or nothing changed.
pub fn restore(backup: &Backup) -> Result<(), NotSaved> {
    let actuals_before = read(actuals::KEY)?;
    let stored = actuals::saved()?;
    let merged = LocalActuals { version: LOCAL_ACTUALS_VERSION, actuals: local::merge(&stored.actuals, &backup.actuals) };
    let mut list = scenarios::stored()?;
    list.extend(backup.scenarios.iter().filter(|s| !list.contains(s)).cloned().collect::<Vec<_>>());
    write(actuals::KEY, Some(&merged.to_text()))?;
    if let Err(refused) = write(scenarios::KEY, Some(&plan_core::sim::Scenario::list_to_json(&list))) {
        let _ = write(actuals::KEY, actuals_before.as_deref());
        return Err(refused);
    }
    Ok(())
}
