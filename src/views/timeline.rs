//! The yearly plans of the filtered measures (issue 14): for each, a band over the fiscal years it plans
//! something in, on one axis of years for the whole page, so the bands line up as a Gantt chart at any
//! width; under it, each year's plan as text, which is also what assistive technology reads (the bands
//! are drawn for the eye only). The year chosen in the filters is outlined.

use leptos::prelude::*;
use plan_core::format::plan_label;
use plan_core::query::Query;

use crate::components::link::QueryLink;
use crate::i18n::fiscal_year;
use crate::state::use_explorer;

/// Cards added in one task as the timeline is first drawn ([`crate::tasks::grow`]).
const CARDS_PER_TASK: usize = 10;

#[component]
pub fn TimelineView() -> impl IntoView {
    let page_size = use_explorer().page_size();
    // The first page drawn a few cards at a time (`tasks::grow`), not in the staff app starting beside a
    // resident one, whose page must be whole when it is swapped in (`bundle.rs`).
    let first_drawing = StoredValue::new(!crate::bundle::handing_over());
    let shown = RwSignal::new(if first_drawing.get_value() { CARDS_PER_TASK.min(page_size) } else { page_size });
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
        if ready && first_drawing.get_value() {
            first_drawing.set_value(false);
            crate::tasks::grow(shown, page_size.min(total), CARDS_PER_TASK);
        }
        let dataset = explorer.dataset();
        let status = if explorer.searching() { t.searching.to_string() } else { (t.results_count)(total) };
        // The axis: every fiscal year from the first to the last that a measure on this page plans in.
        let active: Vec<_> = page.iter().filter(|_| ready).map(|at| plan_core::explore::measure_years(&dataset.plans[at.plan].measures[at.measure])).collect();
        let first = active.iter().filter_map(|y| y.first()).min().copied();
        let last = active.iter().filter_map(|y| y.last()).max().copied();
        let axis: Vec<i32> = match (first, last) {
            (Some(first), Some(last)) => (first..=last).collect(),
            _ => Vec::new(),
        };
        let drawn = !axis.is_empty();
        let chosen = query.year;
        let band = move |years: &[i32]| {
            axis.iter().map(|y| {
                let class = match (years.contains(y), chosen == Some(*y)) {
                    (true, true) => "on chosen",
                    (true, false) => "on",
                    (false, true) => "chosen",
                    (false, false) => "",
                };
                view! { <span class=class>{(y % 100).to_string()}</span> }
            }).collect_view()
        };
        view! {
            <h2>{t.timeline_heading}</h2>
            <p class="hint">{t.timeline_intro}</p>
            <p class="result-count" role="status" aria-live="polite">{status}</p>
            {(!ready).then(|| view! { <p class="status">{t.loading}</p> })}
            {drawn.then(|| view! { <p class="hint">{t.gantt_legend}</p> })}
            <ul class="measures timeline-list">
                {page.iter().filter(|_| ready).zip(&active).map(|(at, years)| {
                    let plan = &dataset.plans[at.plan];
                    let measure = &plan.measures[at.measure];
                    let to = Query { measure: Some(measure.id.clone()), ..query.clone() };
                    let (code, name) = (measure.code.clone(), measure.name.clone());
                    view! {
                        <li class="measure" data-measure-id=measure.id.clone()>
                            <p class="measure-plan">{plan_label(&plan.municipality.name, &plan.title)}</p>
                            <h3 class="measure-title"><QueryLink to><span class="code" lang="ja">{code}</span>" "{name}</QueryLink></h3>
                            {drawn.then(|| view! { <div class="gantt" aria-hidden="true">{band(years)}</div> })}
                            {if measure.schedule.is_empty() {
                                view! { <p class="hint">{t.no_schedule}</p> }.into_any()
                            } else {
                                view! {
                                    <ol class="timeline">
                                        {measure.schedule.iter().map(|e| view! {
                                            <li aria-current=(chosen == Some(e.fy)).then_some("true")><span class="fy">{fiscal_year(lang, e.fy)}</span><span class="text">{e.text.clone()}</span></li>
                                        }).collect_view()}
                                    </ol>
                                }.into_any()
                            }}
                        </li>
                    }
                }).collect_view()}
            </ul>
            {(page_size <= limit && limit < total).then(|| view! {
                <button type="button" class="button more" on:click=move |_| shown.update(|n| *n += page_size)>{(t.show_more)(total - limit)}</button>
            })}
        }
    }
}
