//! What staff keep in this browser, in localStorage: imported actuals ([`actuals`]) and saved scenarios
//! ([`scenarios`]), and the one file that backs both up ([`backup`]).
//!
//! Nothing here claims a value saved that storage refused: every write returns [`NotSaved`] when the
//! browser says no (storage full, disabled, private mode), and the caller says so where it happened and
//! offers a download. Every save starts from what storage holds now, so a second tab's values are never
//! written over. The rules themselves (merging, the stored text, the CSV, the backup file) are plain
//! Rust in `plan_core::local`, tested natively.

pub mod actuals;
pub mod backup;
pub mod scenarios;

/// The browser refused to read or write localStorage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotSaved;

fn storage() -> Result<web_sys::Storage, NotSaved> {
    web_sys::window()
        .ok_or(NotSaved)?
        .local_storage()
        .map_err(|_| NotSaved)?
        .ok_or(NotSaved)
}

fn read(key: &str) -> Result<Option<String>, NotSaved> {
    storage()?.get_item(key).map_err(|_| NotSaved)
}

/// Writes `text` under `key`, or removes the key for `None`.
fn write(key: &str, text: Option<&str>) -> Result<(), NotSaved> {
    let storage = storage()?;
    match text {
        Some(text) => storage.set_item(key, text),
        None => storage.remove_item(key),
    }
    .map_err(|_| NotSaved)
}
