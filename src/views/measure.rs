//! One measure in full: summary, departments, place in the plan, the yearly plan as a timeline,
//! targets and actuals per fiscal year, evaluations, and the source passage it was read from.

use leptos::prelude::*;
use plan_core::format::plan_label;
use plan_core::query::{Query, View};
use plan_core::status::Latest;
use plan_core::{Dataset, Measure, Plan, Role};

use crate::bundle::use_bundle;
use crate::components::link::QueryLink;
use crate::components::loading::Loading;
use crate::components::measure_card::departments;
use crate::components::source_passage::SourcePassage;
use crate::components::targets::indicator_table;
use crate::i18n::{Lang, Texts, fiscal_year, with_unit};
use crate::state::use_explorer;

#[component]
pub fn MeasureView(id: String) -> impl IntoView {
    move || {
        let explorer = use_explorer();
        let t = explorer.texts();
        let lang = explorer.lang();
        let back = Query { measure: None, ..explorer.query.get_untracked() };
        if !explorer.measure_ready(&id) {
            return view! { <Loading lang/> }.into_any();
        }
        let dataset = explorer.dataset();
        let Some((plan, measure)) = find_measure(&dataset, &id) else {
            return view! {
                <p class="empty" role="status">{t.measure_not_found}</p>
                <p><QueryLink to=back>{t.back_to_list}</QueryLink></p>
            }
            .into_any();
        };
        let plan_link = Query { plans: vec![plan.id.clone()], view: Some(View::Tree), ..Query { lang, ..Query::default() } };
        let plan_name = plan_label(&plan.municipality.name, &plan.title);
        let notes = notes(measure, t).into_any();
        view! {
            <article class="measure-detail" data-measure-id=measure.id.clone() aria-labelledby="measure-title">
                <p class="back"><QueryLink to=back>"← "{t.back_to_list}</QueryLink></p>
                <p class="measure-plan">
                    <QueryLink to=plan_link>{plan_name}</QueryLink>
                </p>
                <h2 id="measure-title">
                    <span class="code" lang="ja">{measure.code.clone()}</span>" "{measure.name.clone()}
                    {measure.is_new.then(|| view! { " " <span class="chip new">{t.new_badge}</span> })}
                </h2>
                {status_line(measure, t, lang)}
                <dl class="facts">
                    <dt>{t.summary}</dt>
                    <dd>{measure.summary.clone().unwrap_or_else(|| t.not_stated.to_string())}</dd>
                    <dt>{t.departments}</dt>
                    <dd>{departments(&measure.departments, t)}</dd>
                    <dt>{t.policies}</dt>
                    <dd>{policy_links(plan, measure, t, lang)}</dd>
                </dl>
                <h3>{t.schedule}</h3>
                {schedule(measure, t, lang)}
                <h3>{t.indicators}</h3>
                {if measure.indicators.is_empty() {
                    view! { <p>{t.not_stated}</p> }.into_any()
                } else {
                    measure.indicators.iter().map(|i| indicator_table(i, t, lang)).collect_view().into_any()
                }}
                <h3>{t.evaluations}</h3>
                {evaluations(plan, measure, t, lang)}
                <SourcePassage file=measure.source.file.clone() line=measure.source.line summary=t.notes>{notes}</SourcePassage>
            </article>
        }
        .into_any()
    }
}

/// The latest result and this fiscal year's plan, before the details (issue 14).
fn status_line(measure: &Measure, t: &'static Texts, lang: Lang) -> impl IntoView {
    let year = crate::state::this_fiscal_year();
    let status = plan_core::status::measure_status(measure, year);
    let latest = match status.latest {
        Some(Latest::Grade { fy, grade }) => (t.status_grade)(&fiscal_year(lang, fy), &use_bundle().term(grade)),
        Some(Latest::Actual { fy, indicator, value }) => {
            let value = with_unit(value, indicator.unit.as_deref().unwrap_or_default());
            (t.status_actual)(&fiscal_year(lang, fy), &indicator.name, &value)
        }
        None => t.status_no_record.to_string(),
    };
    let planned = match status.planned {
        Some(text) => (t.status_planned)(&fiscal_year(lang, year), text),
        None => (t.status_nothing_planned)(&fiscal_year(lang, year)),
    };
    view! { <p class="status-line">{latest}<br/>{planned}</p> }
}

fn find_measure<'a>(dataset: &'a Dataset, id: &str) -> Option<(&'a Plan, &'a Measure)> {
    dataset.plans.iter().find_map(|p| p.measures.iter().find(|m| m.id == id).map(|m| (p, m)))
}

fn policy_links(plan: &Plan, measure: &Measure, t: &'static Texts, lang: Lang) -> impl IntoView {
    if measure.policies.is_empty() {
        return view! { {t.not_stated} }.into_any();
    }
    view! {
        <ul class="plain">
            {measure.policies.iter().filter_map(|link| {
                let policy = plan.policies.iter().find(|p| p.id == link.policy)?;
                let role = match link.role {
                    Role::Primary => t.role_primary,
                    Role::Related => t.role_related,
                };
                let to = Query { plans: vec![plan.id.clone()], policy: Some(policy.id.clone()), view: Some(View::List), lang, ..Query::default() };
                let label = format!("{} {}", policy.code, policy.name);
                Some(view! {
                    <li>{role}": "<QueryLink to>{label}</QueryLink></li>
                })
            }).collect_view()}
        </ul>
    }
    .into_any()
}

fn schedule(measure: &Measure, t: &'static Texts, lang: Lang) -> impl IntoView {
    if measure.schedule.is_empty() {
        return view! { <p>{t.no_schedule}</p> }.into_any();
    }
    view! {
        <ol class="timeline">
            {measure.schedule.iter().map(|entry| view! {
                <li>
                    <span class="fy">{fiscal_year(lang, entry.fy)}</span>
                    <span class="text">{entry.text.clone()}</span>
                </li>
            }).collect_view()}
        </ol>
    }
    .into_any()
}

fn evaluations(plan: &Plan, measure: &Measure, t: &'static Texts, lang: Lang) -> impl IntoView {
    if measure.evaluations.is_empty() {
        return view! { <p>{t.not_evaluated}</p> }.into_any();
    }
    view! {
        <ul class="plain">
            {measure.evaluations.iter().map(|e| {
                let text = match &e.grade {
                    Some(grade) => {
                        let meaning = plan.grades.iter().find(|g| &g.grade == grade).map(|g| format!("（{}）", g.meaning)).unwrap_or_default();
                        format!("{}{meaning}", use_bundle().term(grade))
                    }
                    None => t.grade_not_stated.to_string(),
                };
                view! {
                    <li>
                        <strong>{fiscal_year(lang, e.fy)}": "</strong>{text}
                        {e.note.clone().map(|n| view! { " "<span class="note" lang="ja">{n}</span> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// What was read how, for those who check (issue 13): in the page's 「出典と注記」, in Japanese as written.
fn notes(measure: &Measure, t: &'static Texts) -> impl IntoView {
    let missing: Vec<&str> = measure.not_stated.iter().map(|f| (t.fields)(f)).collect();
    view! {
        {(!missing.is_empty()).then(|| view! { <p>{t.not_stated}": "{missing.join("、")}</p> })}
        {measure.note.clone().map(|n| view! { <p class="note" lang="ja">{n}</p> })}
        {measure.indicators.iter().filter_map(|i| {
            let note = i.note.clone()?;
            Some(view! { <p class="note"><strong>{i.name.clone()}": "</strong><span lang="ja">{note}</span></p> })
        }).collect_view()}
    }
}
