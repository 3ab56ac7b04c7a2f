//! One measure in a list: code, name (search words marked), plan, departments, years, grade.
//! Carries `data-measure-id`, as every list does (PRODUCT.md §5).

use leptos::prelude::*;
use plan_core::explore::MeasureRef;
use plan_core::format::plan_label;
use plan_core::query::{Query, View};

use crate::bundle::use_bundle;
use crate::components::highlight::Highlight;
use crate::components::link::QueryLink;
use crate::i18n::{Texts, fiscal_year};
use crate::state::use_explorer;

#[component]
pub fn MeasureCard(at: MeasureRef, via: Option<usize>, terms: Vec<String>) -> impl IntoView {
    let explorer = use_explorer();
    let bundle = use_bundle();
    let t = explorer.texts();
    let lang = explorer.lang();
    // Untracked: the list that renders the card tracks the dataset.
    let dataset = untrack(|| explorer.dataset());
    let plan = &dataset.plans[at.plan];
    let measure = &plan.measures[at.measure];
    let to = Query { measure: Some(measure.id.clone()), ..explorer.query.get_untracked() };
    let departments = departments(&measure.departments, t);
    let years = plan_core::explore::measure_years(measure);
    let span = match (years.first(), years.last()) {
        (Some(&a), Some(&b)) if a == b => Some(fiscal_year(lang, a)),
        (Some(&a), Some(&b)) => Some(format!("{} – {}", fiscal_year(lang, a), fiscal_year(lang, b))),
        _ => None,
    };
    let grades: Vec<String> = measure
        .evaluations
        .iter()
        .filter_map(|e| e.grade.as_ref().map(|g| format!("{} {}", fiscal_year(lang, e.fy), bundle.term(g))))
        .collect();
    let summary = measure.summary.clone().unwrap_or_default();
    let (id, code, name, is_new) = (measure.id.clone(), measure.code.clone(), measure.name.clone(), measure.is_new);
    let plan_name = plan_label(&plan.municipality.name, &plan.title);
    // Found through a policy above it: say which (its name came with the card, `crate::parts`), linked to
    // its list, which shows the targets set on it (issue 13).
    let through = via
        .and_then(|p| explorer.catalog.policies.get(p))
        .and_then(|p| dataset.plans[p.plan].policies.get(p.policy))
        .filter(|p| !p.id.is_empty())
        .map(|p| {
            let to = Query { plans: vec![plan.id.clone()], policy: Some(p.id.clone()), view: Some(View::List), lang, ..Query::default() };
            (to, p.code.clone(), p.name.clone())
        });
    let name_terms = terms.clone();
    view! {
        <li class="measure" data-measure-id=id>
            <p class="measure-plan">{plan_name}</p>
            <h3 class="measure-title">
                <QueryLink to>
                    <span class="code" lang="ja">{code}</span>" "
                    <Highlight text=name terms=name_terms/>
                </QueryLink>
                {is_new.then(|| view! { " " <span class="chip new">{t.new_badge}</span> })}
            </h3>
            {through.map(|(to, code, name)| view! {
                <p class="found-through">
                    <QueryLink to>
                        {t.found_through[0]}
                        {(!code.is_empty()).then(|| view! { <span lang="ja">{code}</span>" " })}
                        {name}{t.found_through[1]}
                    </QueryLink>
                </p>
            })}
            {(!summary.is_empty()).then(|| view! { <p class="measure-summary"><Highlight text=summary terms/></p> })}
            <p class="measure-meta">
                <span>{t.departments}": "{departments}</span>
                {span.map(|s| view! { <span>{s}</span> })}
                {grades.into_iter().map(|g| view! { <span class="chip">{g}</span> }).collect_view()}
            </p>
        </li>
    }
}

/// Departments in the page's language, or "not stated".
pub fn departments(list: &[String], t: &Texts) -> String {
    if list.is_empty() {
        return t.not_stated.to_string();
    }
    let bundle = use_bundle();
    list.iter().map(|d| bundle.term(d)).collect::<Vec<_>>().join(t.list_separator)
}
