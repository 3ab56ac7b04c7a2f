//! The measure list: result count (announced to screen readers), the measures a page at a time.

use leptos::prelude::*;

use plan_core::query::Query;

use crate::components::link::QueryLink;
use crate::components::measure_card::MeasureCard;
use crate::i18n::{Lang, Texts};
use crate::state::use_explorer;

/// Measures rendered at once; "show more" adds another page. Keeps a keystroke cheap on large data.
pub const PAGE: usize = 50;
/// The same across plans in the resident bundle, where a page's measures are fetched as it shows them:
/// fewer, so that a first view's bytes stay within the budget however scattered its results (README, Size):
/// about three phone screens. At 20, the cards of a first page took 12 KB gzip in English, more than the
/// room left once search knew the plans' structure (issue 13).
pub const PAGE_ACROSS: usize = 10;

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
        let query = explorer.query.get();
        let mut terms = plan_core::text::terms(&query.q, &crate::url::nfkc);
        let dataset = explorer.dataset();
        let themes: Vec<&plan_core::Theme> = terms
            .iter()
            .flat_map(|term| explorer.catalog.synonyms.of(term))
            .filter_map(|i| dataset.themes.get(i))
            .collect();
        let synonyms_line = (!themes.is_empty()).then(|| synonyms_line(&themes, &query, t));
        // A policy's list starts with the targets set on the policy itself, where its plan's file is here.
        let policy_targets = query
            .policy
            .as_ref()
            .and_then(|id| explorer.catalog.policy_index(id))
            .and_then(|i| explorer.catalog.policies.get(i))
            .and_then(|r| dataset.plans[r.plan].policies.get(r.policy))
            .and_then(|p| crate::components::targets::policy_targets(p, t, explorer.lang()));
        if !query.exact {
            // What they were found by.
            terms.extend(
                themes
                    .iter()
                    .flat_map(|theme| &theme.keywords)
                    .map(|k| plan_core::text::fold(&crate::url::nfkc(k))),
            );
        }
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
            {synonyms_line}
            {policy_targets}
            {(total == 0 && !explorer.searching()).then(|| view! {
                <div class="empty">
                    <p>{t.no_results}</p>
                    <p>{t.no_results_hint}</p>
                </div>
            })}
            {if ready {
                view! {
                    <ul class="measures">
                        {page.iter().zip(&results.via).map(|(&at, &via)| view! { <MeasureCard at via terms=terms.clone()/> }).collect_view()}
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

/// The themes whose measures a search also shows (issue 13), and one tap to search the words as typed
/// (`exact=1`), or back.
fn synonyms_line(
    themes: &[&plan_core::Theme],
    query: &Query,
    t: &'static Texts,
) -> impl IntoView + use<> {
    let toggled = Query {
        exact: !query.exact,
        measure: None,
        ..query.clone()
    };
    let (said, link) = if query.exact {
        (t.searched_typed_only.to_string(), t.with_synonyms)
    } else {
        let name = |theme: &&plan_core::Theme| {
            (t.quoted)(if query.lang == Lang::En {
                &theme.name_en
            } else {
                &theme.name
            })
        };
        (
            (t.also_searched)(
                &themes
                    .iter()
                    .map(name)
                    .collect::<Vec<_>>()
                    .join(t.list_separator),
            ),
            t.only_typed,
        )
    };
    view! { <p class="synonyms hint">{said}" "<QueryLink to=toggled>{link}</QueryLink></p> }
}
