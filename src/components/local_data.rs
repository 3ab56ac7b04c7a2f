//! Where the staff's own data lives, said plainly: the imported actuals and saved scenarios are in
//! this browser only. [`LocalDataTool`] says so, counts them, and saves or restores one backup file
//! (all or nothing, after a preview). [`LocalAlerts`] shows, above the results, whatever needs the
//! user now: values storage refused, values the data no longer fits, a change made in another tab.

use leptos::prelude::*;
use leptos::task::spawn_local;
use plan_core::import::{self, FileError, Preview};
use plan_core::local::{Backup, to_csv};
use wasm_bindgen::JsCast;

use crate::components::import_panel::{self, SaveUnsavedButton, preview_view};
use crate::components::toolbar::{download, indented};
use crate::i18n::number;
use crate::i18n::staff::{StaffTexts, staff_texts};
use crate::state::{LocalChanged, use_explorer};
use crate::{data, local, url};

/// Everything that needs the user's attention about the data kept in this browser.
#[component]
pub fn LocalAlerts() -> impl IntoView {
    let st = staff_texts(use_explorer().lang());
    let readable = local::actuals::saved().is_ok();
    // The import panel above already says so when it has just applied them.
    let unsaved = if import_panel::announces_unsaved() { 0 } else { local::actuals::unsaved().len() };
    let unsaved_scenarios = local::scenarios::unsaved().len();
    let unfit = RwSignal::new(local::actuals::unfit());
    let failed = RwSignal::new(false);
    let elsewhere = local::actuals::take_changed_elsewhere();
    let save_unfit = move |_| {
        let csv = to_csv(&unfit.get_untracked());
        download(csv.as_bytes(), "text/csv;charset=utf-8", "plan-explorer-values-not-shown.csv");
    };
    let clear_unfit = move |_| match local::actuals::clear_unfit() {
        Ok(()) => unfit.set(Vec::new()),
        Err(_) => failed.set(true),
    };
    let unfit_view = move || {
        let values = unfit.get();
        (!values.is_empty()).then(|| {
            // A list, not a table: a measure id beside three numbers squeezes a phone's columns.
            let items = values
                .iter()
                .map(|a| view! {
                    <li>
                        <span class="id">{a.measure.clone()}</span>" / "<span class="id">{a.indicator.clone()}</span>" / "
                        {a.fy}" / "<strong>{number(a.value)}</strong>
                    </li>
                })
                .collect_view();
            view! {
                <div class="notice unfit">
                    <p>{(st.unfit_actuals)(values.len())}</p>
                    <p class="hint">{st.unfit_columns}</p>
                    <ul class="unfit-list">{items}</ul>
                    <button type="button" class="button small" on:click=save_unfit>{st.unfit_save_csv}</button>" "
                    <button type="button" class="button small" on:click=clear_unfit>{st.unfit_clear}</button>
                    {move || failed.get().then(|| view! { <p class="error-text">{st.not_cleared}</p> })}
                </div>
            }
        })
    };
    view! {
        <div class="local-alerts">
            {(!readable).then(|| view! { <p class="error-panel compact">{st.storage_unavailable}</p> })}
            {(unsaved > 0).then(|| view! {
                <div class="error-panel compact" role="alert"><p>{(st.unsaved_actuals)(unsaved)}</p><SaveUnsavedButton/></div>
            })}
            {(unsaved_scenarios > 0).then(|| view! { <p class="error-panel compact" role="alert">{(st.unsaved_scenarios)(unsaved_scenarios)}</p> })}
            {unfit_view}
            {elsewhere.then(|| view! { <p class="notice" role="status">{st.changed_elsewhere}</p> })}
        </div>
    }
}

#[derive(Clone)]
enum Stage {
    Idle,
    Reading,
    Failed(&'static str),
    Ready { file: String, backup: Backup, preview: Preview },
}

thread_local! {
    /// What the last restore stored (actuals, scenarios). Restoring rebuilds the page, this tool too;
    /// the new tool opens with that message.
    static JUST_RESTORED: std::cell::Cell<Option<(usize, usize)>> = const { std::cell::Cell::new(None) };
}

/// 「このブラウザのデータ」: where the values live, how many there are, and one backup file for both.
#[component]
pub fn LocalDataTool() -> impl IntoView {
    let st = staff_texts(use_explorer().lang());
    let just_restored = JUST_RESTORED.take();
    let stage = RwSignal::new(Stage::Idle);
    let counts = move || {
        let actuals = local::actuals::saved().map(|s| s.actuals.len()).unwrap_or(0);
        (st.local_counts)(actuals, local::scenarios::stored().map(|s| s.len()).unwrap_or(0))
    };
    let save_backup = |_| {
        let json = indented(&local::backup::current().to_json());
        let date = String::from(js_sys::Date::new_0().to_iso_string()).chars().take(10).collect::<String>();
        download(json.as_bytes(), "application/json;charset=utf-8", &format!("plan-explorer-backup-{date}.json"));
    };
    let choose = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        let Some(file) = input.as_ref().and_then(|i| i.files()).and_then(|f| f.item(0)) else { return };
        if let Some(input) = input {
            input.set_value("");
        }
        stage.set(Stage::Reading);
        spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string()).unwrap_or_default();
            stage.set(read_backup(st, file.name(), &text).await);
        });
    };
    let apply = move |_| {
        let Stage::Ready { backup, preview, .. } = stage.get_untracked() else { return };
        if !preview.can_apply() {
            return;
        }
        match local::backup::restore(&backup) {
            Ok(()) => {
                JUST_RESTORED.set(Some((backup.actuals.len(), backup.scenarios.len())));
                let local_changed = expect_context::<LocalChanged>();
                spawn_local(async move { local_changed.0.run(()) });
            }
            Err(_) => stage.set(Stage::Failed(st.backup_not_saved)),
        }
    };
    view! {
        <details class="tool local-data" open=just_restored.is_some()>
            <summary class="button small">{st.local_data}</summary>
            <div class="tool-body">
                <p>{st.local_where}</p>
                <p class="local-counts">{counts}</p>
                <div class="toolbar">
                    <button type="button" class="button small" on:click=save_backup>{st.backup_save}</button>
                    <label class="button small" for="backup-file">{st.backup_restore}</label>
                    <input id="backup-file" class="visually-hidden" type="file" accept=".json,application/json" on:change=choose/>
                </div>
                <div role="status" aria-live="polite">
                    {just_restored.map(|(a, s)| view! { <p class="success">{(st.backup_restored)(a, s)}</p> })}
                    {move || match stage.get() {
                        Stage::Idle => ().into_any(),
                        Stage::Reading => view! { <p>{st.import_reading}</p> }.into_any(),
                        Stage::Failed(message) => view! { <div class="error-panel compact"><p>{message}</p></div> }.into_any(),
                        Stage::Ready { file, backup, preview } => view! {
                            {preview_view(file, "JSON", preview, st.backup_apply, apply)}
                            <p>{(st.backup_preview_scenarios)(backup.scenarios.len())}</p>
                        }.into_any(),
                    }}
                </div>
            </div>
        </details>
    }
}

/// Reads a backup and checks its actuals as an import would, against every published plan (the page
/// may hold only one), so that a value with no place in the data stops the whole restore.
async fn read_backup(st: &'static StaffTexts, file: String, text: &str) -> Stage {
    let Some(backup) = Backup::from_json(text) else { return Stage::Failed(st.backup_unreadable) };
    let dataset = match data::fetch_dataset(data::DATASET_URL).await {
        Ok((dataset, _)) => dataset,
        Err(_) => return Stage::Failed(st.backup_not_checked),
    };
    let preview = match import::preview(&dataset, &to_csv(&backup.actuals), &url::nfkc) {
        Ok(mut preview) => {
            // Numbered as the backup lists them, not as rows of a sheet with a header.
            preview.rows.iter_mut().for_each(|row| row.number -= 1);
            preview
        }
        Err(FileError::Empty) => Preview { rows: Vec::new(), ignored_columns: Vec::new() },
        Err(_) => return Stage::Failed(st.backup_unreadable),
    };
    Stage::Ready { file, backup, preview }
}
