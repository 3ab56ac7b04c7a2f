//! Import of actuals for staff: choose or drop a CSV/TSV (Excel's Shift_JIS, UTF-8 with or without
//! BOM, UTF-16), see every row with its status, then apply all or nothing. Applied values are kept in
//! this browser, marked as local wherever they are shown, and can be cleared. When the browser refuses
//! to store them, the panel says so at once and offers them as a CSV (they stay applied meanwhile).

use leptos::prelude::*;
use leptos::task::spawn_local;
use plan_core::import::{self, FileError, MAX_TEXT_BYTES, Preview, RowStatus};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::i18n::number;
use crate::state::{LocalChanged, use_explorer};
use crate::i18n::staff::staff_texts;
use crate::{data, local, url};

#[derive(Clone)]
enum Stage {
    Idle,
    Reading,
    Failed { ja: String, en: String },
    Ready { file: String, encoding: &'static str, preview: Preview },
    Applied { changed: usize, stored: bool },
}

thread_local! {
    /// How many values the last apply changed, and whether the browser stored them. Applying rebuilds
    /// the page with the new data, this panel too; the new panel opens with that message, so the user
    /// sees what happened.
    static JUST_APPLIED: std::cell::Cell<Option<(usize, bool)>> = const { std::cell::Cell::new(None) };
    /// Whether the panel now on the page says that storage refused the values it applied.
    static ANNOUNCES_UNSAVED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the import panel on the page already says that storage refused its values, so that the
/// alerts below it don't say it twice.
pub fn announces_unsaved() -> bool {
    ANNOUNCES_UNSAVED.get()
}

#[component]
pub fn ImportPanel() -> impl IntoView {
    let explorer = use_explorer();
    let st = staff_texts(explorer.lang());
    let just_applied = JUST_APPLIED.take();
    ANNOUNCES_UNSAVED.set(matches!(just_applied, Some((_, false))));
    let stage = RwSignal::new(just_applied.map_or(Stage::Idle, |(changed, stored)| Stage::Applied { changed, stored }));
    let read = move |file: web_sys::File| {
        stage.set(Stage::Reading);
        // Taken now: the task below runs outside the component, where there is no context to look it up.
        let dataset = use_explorer().dataset;
        spawn_local(async move {
            let name = file.name();
            if file.size() > MAX_TEXT_BYTES as f64 {
                let error = FileError::TooLarge { bytes: file.size() as usize };
                stage.set(Stage::Failed { ja: error.message_ja(), en: error.message_en() });
                return;
            }
            let Ok(buffer) = JsFuture::from(file.array_buffer()).await else {
                stage.set(Stage::Failed { ja: "ファイルを読めませんでした。".into(), en: "The file could not be read.".into() });
                return;
            };
            let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
            let (text, encoding) = data::decode(&bytes);
            stage.set(match import::preview(&dataset, &text, &url::nfkc) {
                Ok(preview) => Stage::Ready { file: name, encoding, preview },
                Err(error) => Stage::Failed { ja: error.message_ja(), en: error.message_en() },
            });
        });
    };
    let on_change = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        if let Some(file) = input.as_ref().and_then(|i| i.files()).and_then(|f| f.item(0)) {
            read(file);
        }
        if let Some(input) = input {
            input.set_value("");
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.item(0)) {
            read(file);
        }
    };
    let apply = move |_| {
        let Stage::Ready { preview, .. } = stage.get_untracked() else { return };
        if !preview.can_apply() {
            return;
        }
        let changes = preview.changes();
        // Stored before anything says "imported": a reload from here on finds the values.
        let stored = local::actuals::save(&changes).is_ok();
        JUST_APPLIED.set(Some((changes.len(), stored)));
        // Outside this component: the new data rebuilds the page, this panel included, and what it
        // creates must not belong to (and be disposed with) this panel.
        let local_changed = expect_context::<LocalChanged>();
        spawn_local(async move { local_changed.0.run(()) });
    };
    let stored_count = local::actuals::saved().map(|s| s.actuals.len());
    view! {
        <details class="tool import" open=just_applied.is_some()>
            <summary class="button small">{st.import_actuals}</summary>
            <div class="tool-body drop-zone" on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
                <p class="hint">{st.import_help}</p>
                <label for="import-file">{st.import_choose}</label>
                <input id="import-file" type="file" accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values" on:change=on_change/>
                {(stored_count.is_ok_and(|n| n > 0) || !local::actuals::unsaved().is_empty()).then(|| view! {
                    <p class="local-note">
                        {stored_count.ok().filter(|&n| n > 0).map(|n| (st.local_count)(n))}" "
                        <button type="button" class="button small" on:click=move |_| {
                            match local::actuals::clear() {
                                Ok(()) => {
                                    // As after an apply: the page this panel is in is rebuilt.
                                    let local_changed = expect_context::<LocalChanged>();
                                    spawn_local(async move { local_changed.0.run(()) });
                                }
                                Err(_) => stage.set(Stage::Failed { ja: staff_texts(plan_core::query::Lang::Ja).not_cleared.into(), en: staff_texts(plan_core::query::Lang::En).not_cleared.into() }),
                            }
                        }>{st.local_clear}</button>
                    </p>
                })}
                <div role="status" aria-live="polite">
                    {move || match stage.get() {
                        Stage::Idle => ().into_any(),
                        Stage::Reading => view! { <p>{st.import_reading}</p> }.into_any(),
                        Stage::Failed { ja, en } => view! {
                            <div class="error-panel compact"><p>{ja}</p><p lang="en">{en}</p></div>
                        }.into_any(),
                        Stage::Applied { changed, stored: true } => view! { <p class="success">{(st.import_applied)(changed)}</p> }.into_any(),
                        Stage::Applied { changed, stored: false } => view! {
                            <div class="error-panel compact" role="alert">
                                <p>{(st.import_not_saved)(changed)}</p>
                                <SaveUnsavedButton/>
                            </div>
                        }.into_any(),
                        Stage::Ready { file, encoding, preview } => preview_view(file, encoding, preview, st.import_apply, apply).into_any(),
                    }}
                </div>
            </div>
        </details>
    }
}

/// Downloads the values storage refused, as a CSV the import reads back.
#[component]
pub fn SaveUnsavedButton() -> impl IntoView {
    let st = staff_texts(use_explorer().lang());
    let save = |_| {
        let csv = plan_core::local::to_csv(&local::actuals::unsaved());
        crate::components::toolbar::download(csv.as_bytes(), "text/csv;charset=utf-8", "plan-explorer-unsaved-actuals.csv");
    };
    view! { <button type="button" class="button small" on:click=save>{st.save_unsaved_csv}</button> }
}

pub(crate) fn preview_view(
    file: String,
    encoding: &'static str,
    preview: Preview,
    apply_label: &'static str,
    apply: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let st = staff_texts(use_explorer().lang());
    let errors = preview.rows.iter().filter(|r| matches!(r.status, RowStatus::Error { .. })).count();
    let can_apply = preview.can_apply();
    let rows = preview
        .rows
        .iter()
        .map(|row| {
            let (class, status, detail) = match &row.status {
                RowStatus::Apply { measure, indicator, fy, value, previous } => {
                    let unchanged = *previous == Some(*value);
                    let before = previous.map(number).unwrap_or_else(|| "—".into());
                    (
                        if unchanged { "same" } else { "apply" },
                        if unchanged { st.row_same } else { st.row_apply },
                        format!("{measure} / {indicator} / {fy}: {before} → {}", number(*value)),
                    )
                }
                RowStatus::Skip { reason } => ("skip", st.row_skip, reason.message_ja().to_string()),
                RowStatus::Error { message_ja, message_en } => ("error", st.row_error, format!("{message_ja} / {message_en}")),
            };
            view! {
                <tr class=class>
                    <td class="num">{row.number}</td>
                    <td>{status}</td>
                    <td>{detail}</td>
                </tr>
            }
        })
        .collect_view();
    let ignored = (!preview.ignored_columns.is_empty()).then(|| view! { <p class="hint">{st.ignored_columns}{preview.ignored_columns.join("、")}</p> });
    view! {
        <p>{format!("{file}（{encoding}）")}</p>
        {ignored}
        {(errors > 0).then(|| view! { <p class="error-text">{(st.import_errors)(errors)}</p> })}
        <div class="table-wrap" tabindex="0" role="region" aria-label=st.import_preview>
            <table class="import-preview">
                <caption>{st.import_preview}</caption>
                <thead><tr><th scope="col">{st.row_number}</th><th scope="col">{st.row_status}</th><th scope="col">{st.row_detail}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <button type="button" class="button primary" disabled=!can_apply on:click=apply>{apply_label}</button>
    }
}
