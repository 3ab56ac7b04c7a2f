//! The measure list: result count (announced to screen readers), the measures a page at a time.

use leptos::prelude::*;

use crate::components::measure_card::MeasureCard;
use crate::state::use_explorer;

/// Measures rendered at once; "show more" adds another page. Keeps a keystroke cheap on large data.
pub const PAGE: usize = 50;

#[component]
pub fn ListView() -> impl IntoView {
    let explorer = use_explorer();
    let shown = RwSignal::new(PAGE);
    // A new result starts again at the first page.
    Effect::new(move |_| {
        explorer.results.track();
        shown.set(PAGE);
    });
    move || {
        let explorer = use_explorer();
        let t = explorer.texts();
        let results = explorer.results.get();
        let terms = plan_core::text::terms(&explorer.query.with(|q| q.q.clone()), &crate::url::nfkc);
        let total = results.matches.len();
        let limit = shown.get().min(total);
        view! {
            <p class="result-count" role="status" aria-live="polite">{(t.results_count)(total)}</p>
            {(total == 0).then(|| view! {
                <div class="empty">
                    <p>{t.no_results}</p>
                    <p>{t.no_results_hint}</p>
                </div>
            })}
            <ul class="measures">
                {results.matches[..limit]
                    .iter()
                    .map(|&at| view! { <MeasureCard at terms=terms.clone()/> })
                    .collect_view()}
            </ul>
            {(limit < total).then(|| view! {
                <button type="button" class="button more" on:click=move |_| shown.update(|n| *n += PAGE)>
                    {(t.show_more)(total - limit)}
                </button>
            })}
        }
    }
}
