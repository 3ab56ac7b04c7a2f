//! The yearly plans of the filtered measures, side by side in fiscal years; stacked on a phone.

use leptos::prelude::*;
use plan_core::query::Query;

use crate::components::link::QueryLink;
use crate::i18n::fiscal_year;
use crate::state::use_explorer;

#[component]
pub fn TimelineView() -> impl IntoView {
    let page_size = use_explorer().page_size();
    let shown = RwSignal::new(page_size);
    move || {
        let explorer = use_explorer();
        let t = explorer.texts();
        let lang = explorer.lang();
        let query = explorer.query.get();
        let results = explorer.results.get();
        let total = results.matches.len();
        let limit = shown.get().min(total);
        let page = &results.matches[..limit];
        let ready = explorer.show_cards(page);
        let dataset = explorer.dataset();
        let status = if explorer.searching() { t.searching.to_string() } else { (t.results_count)(total) };
        view! {
            <h2>{t.timeline_heading}</h2>
            <p class="hint">{t.timeline_intro}</p>
            <p class="result-count" role="status" aria-live="polite">{status}</p>
            {(!ready).then(|| view! { <p class="status">{t.loading}</p> })}
            <ul class="measures timeline-list">
                {page.iter().filter(|_| ready).map(|at| {
                    let plan = &dataset.plans[at.plan];
                    let measure = &plan.measures[at.measure];
                    let to = Query { measure: Some(measure.id.clone()), ..query.clone() };
                    let (code, name) = (measure.code.clone(), measure.name.clone());
                    view! {
                        <li class="measure" data-measure-id=measure.id.clone()>
                            <p class="measure-plan">{plan.municipality.name.clone()}" · "{plan.title.clone()}</p>
                            <h3 class="measure-title"><QueryLink to><span class="code">{code}</span>" "{name}</QueryLink></h3>
                            {if measure.schedule.is_empty() {
                                view! { <p class="hint">{t.no_schedule}</p> }.into_any()
                            } else {
                                view! {
                                    <ol class="timeline">
                                        {measure.schedule.iter().map(|e| view! {
                                            <li><span class="fy">{fiscal_year(lang, e.fy)}</span><span class="text">{e.text.clone()}</span></li>
                                        }).collect_view()}
                                    </ol>
                                }.into_any()
                            }}
                        </li>
                    }
                }).collect_view()}
            </ul>
            {(limit < total).then(|| view! {
                <button type="button" class="button more" on:click=move |_| shown.update(|n| *n += page_size)>{(t.show_more)(total - limit)}</button>
            })}
        }
    }
}
