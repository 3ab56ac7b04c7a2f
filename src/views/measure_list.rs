//! The list of measures, grouped by plan. Every measure element carries `data-measure-id`.

use leptos::prelude::*;
use plan_core::{Dataset, Measure, Plan};

use crate::i18n::Lang;

#[component]
pub fn MeasureList(dataset: std::sync::Arc<Dataset>, lang: Lang) -> impl IntoView {
    let plans = dataset.plans.clone();
    view! {
        {plans.into_iter().map(|plan| view! { <PlanSection plan lang/> }).collect_view()}
    }
}

#[component]
fn PlanSection(plan: Plan, lang: Lang) -> impl IntoView {
    let t = lang.texts();
    let heading_id = format!("plan-{}", plan.id);
    let labelled_by = heading_id.clone();
    let period = format!("{} – {}", lang.fiscal_year(plan.period.from), lang.fiscal_year(plan.period.to));
    let count = (t.measures_count)(plan.measures.len());
    view! {
        <section class="plan" aria-labelledby=labelled_by>
            <h2 id=heading_id>
                <span class="ward">{plan.municipality.name.clone()}</span>" "{plan.title.clone()}
            </h2>
            <p class="plan-meta">
                <span>{t.period}": "{period}</span>
                <span class="chip">{plan.status.clone()}</span>
                <span>{count}</span>
            </p>
            <ul class="measures">
                {plan.measures.iter().map(|m| view! { <MeasureItem measure=m.clone() lang/> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn MeasureItem(measure: Measure, lang: Lang) -> impl IntoView {
    let t = lang.texts();
    let departments = if measure.departments.is_empty() {
        t.not_stated.to_string()
    } else {
        measure.departments.join("、")
    };
    view! {
        <li class="measure" data-measure-id=measure.id.clone()>
            <p class="measure-title">
                <span class="code">{measure.code.clone()}</span>" "
                <span class="name">{measure.name.clone()}</span>
                {measure.is_new.then(|| view! { " " <span class="chip new">{t.new_badge}</span> })}
            </p>
            <p class="measure-meta">
                <span>{t.departments}": "{departments}</span>
                <span class="source">{t.source}": "{measure.source.file.clone()}" "{(t.line)(measure.source.line)}</span>
            </p>
        </li>
    }
}
