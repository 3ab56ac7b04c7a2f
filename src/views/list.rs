//! The measure list: result count (announced to screen readers), the measures a page at a time.

use leptos::prelude::*;

use crate::components::measure_card::MeasureCard;
use crate::state::use_explorer;

/// Measures rendered at once; "show more" adds another page. Keeps a keystroke cheap on large data.
pub const PAGE: usize = 50;
/// The same across plans in the resident bundle, where a page's measures are fetched as it shows them:
/// fewer, so that a first view's bytes stay within the budget however scattered its results (README, Size).
pub const PAGE_ACROSS: usize = 20;

#[component]
pub fn ListView() -> impl IntoView {
    let explorer = use_explorer();
    let page_size = explorer.page_size();
    // Back or 「一覧に戻る」 to this list: as many results as were shown, at the same place (issue 13).
    let back = crate::place::find();
    let shown = RwSignal::new(back.map_or(page_size, |(_, n)| n.max(page_size)));
    let scroll_back = std::sync::Arc::new(std::sync::Mutex::new(back.map(|(y, _)| y)));
    // A new result starts again at the first page (not the first run: that is the list coming back).
    Effect::new(move |first: Option<()>| {
        explorer.results.track();
        if first.is_some() {
            shown.set(page_size);
        }
    });
    move || {
        let explorer = use_explorer();
        let t = explorer.texts();
        let results = explorer.results.get();
        let terms = plan_core::text::terms(&explorer.query.with(|q| q.q.clone()), &crate::url::nfkc);
        let total = results.matches.len();
        let limit = shown.get().min(total);
        let page = &results.matches[..limit];
        let ready = explorer.show_cards(page);
        if ready && let Some(y) = scroll_back.lock().ok().and_then(|mut y| y.take()) {
            crate::place::scroll_to(y);
        }
        let status = if explorer.searching() { t.searching.to_string() } else { (t.results_count)(total) };
        view! {
            // The cards are h3s: without the sidebar's h2 (an embed), this one keeps the headings in order.
            <h2 class="visually-hidden">{t.view_list}</h2>
            <p class="result-count" role="status" aria-live="polite">{status}</p>
            {(total == 0 && !explorer.searching()).then(|| view! {
                <div class="empty">
                    <p>{t.no_results}</p>
                    <p>{t.no_results_hint}</p>
                </div>
            })}
            {if ready {
                view! {
                    <ul class="measures">
                        {page.iter().map(|&at| view! { <MeasureCard at terms=terms.clone()/> }).collect_view()}
                    </ul>
                }.into_any()
            } else {
                view! { <p class="status">{t.loading}</p> }.into_any()
            }}
            {(limit < total).then(|| view! {
                <button type="button" class="button more" on:click=move |_| shown.update(|n| *n += page_size)>
                    {(t.show_more)(total - limit)}
                </button>
            })}
        }
    }
}
