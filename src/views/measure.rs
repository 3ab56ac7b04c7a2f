//! One measure in full: summary, departments, place in the plan, the yearly plan as a timeline,
//! targets and actuals per fiscal year, evaluations, and the source passage it was read from.

use std::collections::BTreeSet;

use leptos::prelude::*;
use plan_core::query::{Query, View};
use plan_core::status::Latest;
use plan_core::{Dataset, Indicator, Measure, Plan, Role, attainment_percent};

use crate::bundle::use_bundle;
use crate::components::link::QueryLink;
use crate::components::loading::Loading;
use crate::components::measure_card::departments;
use crate::components::source_passage::SourcePassage;
use crate::i18n::{Lang, Texts, fiscal_year, number, with_unit};
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
        let plan_label = format!("{} · {}", plan.municipality.name, plan.title);
        view! {
            <article class="measure-detail" data-measure-id=measure.id.clone() aria-labelledby="measure-title">
                <p class="back"><QueryLink to=back>"← "{t.back_to_list}</QueryLink></p>
                <p class="measure-plan">
                    <QueryLink to=plan_link>{plan_label}</QueryLink>
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
                {notes(measure, t)}
                <h3>{t.source}</h3>
                <SourcePassage file=measure.source.file.clone() line=measure.source.line/>
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

/// An indicator's targets and results, a measure's or a policy's (the plan view, issue 13).
pub fn indicator_table(indicator: &Indicator, t: &'static Texts, lang: Lang) -> impl IntoView + use<> {
    let unit = indicator.unit.clone().unwrap_or_default();
    let with_unit = |v: f64| with_unit(v, &unit);
    // One row per target span or year with an actual, in order.
    // `extend`, not `collect`: collecting into a B-tree sorts first, and every sorted type costs the wasm a sort (ARCHITECTURE.md, Budgets).
    let mut rows = BTreeSet::new();
    rows.extend(indicator.targets.iter().map(|t| (t.fy_from.unwrap_or(t.fy), t.fy)));
    rows.extend(indicator.actuals.iter().map(|a| (a.fy, a.fy)));
    let caption = match &indicator.unit {
        Some(unit) => format!("{}（{}: {unit}）", indicator.name, t.unit),
        None => indicator.name.clone(),
    };
    let region_label = caption.clone();
    // Without any recorded value the three columns of actuals would be "—" in every row: not drawn.
    let recorded = indicator.baseline.is_some() || !indicator.actuals.is_empty();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=region_label>
            <table class="stack" class:no-actuals=!recorded>
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t.fiscal_year}</th>
                        <th scope="col">{t.target}</th>
                        <th scope="col">{t.actual}</th>
                        <th scope="col">{t.attainment}</th>
                        <th scope="col">{t.attainment_reported}</th>
                    </tr>
                </thead>
                <tbody>
                    {indicator.baseline.as_ref().map(|b| view! {
                        <tr>
                            <th scope="row">{format!("{}（{}）", fiscal_year(lang, b.fy), t.baseline)}</th>
                            <td data-label=t.target>"—"</td>
                            <td data-label=t.actual>{with_unit(b.value)}</td>
                            <td data-label=t.attainment>"—"</td>
                            <td data-label=t.attainment_reported>"—"</td>
                        </tr>
                    })}
                    {rows.into_iter().map(|(from, to)| {
                        let year = if from == to { fiscal_year(lang, to) } else { (t.period_target)(fiscal_year(lang, from), fiscal_year(lang, to)) };
                        let target = indicator.targets.iter().find(|x| x.fy == to && x.fy_from.unwrap_or(x.fy) == from);
                        let actual = (from == to).then(|| indicator.actuals.iter().find(|a| a.fy == to)).flatten();
                        let target_text = target.map(|x| x.text.clone().unwrap_or_else(|| x.value.map(with_unit).unwrap_or_default())).unwrap_or_else(|| "—".into());
                        let computed = match (actual, target.and_then(|x| x.value)) {
                            (Some(a), Some(v)) => attainment_percent(indicator.direction, a.value, v).map(|p| format!("{}%", number(p))),
                            _ => None,
                        };
                        view! {
                            <tr>
                                <th scope="row">{year}</th>
                                <td data-label=t.target>{target_text}</td>
                                <td data-label=t.actual>
                                    {actual.map(|a| with_unit(a.value)).unwrap_or_else(|| "—".into())}
                                    {actual.filter(|a| a.local).map(|_| view! { " " <span class="chip local">{t.local_badge}</span> })}
                                </td>
                                <td data-label=t.attainment>{computed.unwrap_or_else(|| "—".into())}</td>
                                <td data-label=t.attainment_reported>{actual.and_then(|a| a.attainment_reported).map(|r| format!("{}%", number(r))).unwrap_or_else(|| "—".into())}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {(!recorded).then(|| view! { <p class="hint">{t.no_actuals}</p> })}
        {indicator.note.clone().map(|n| view! { <p class="note">{n}</p> })}
    }
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
                        {e.note.clone().map(|n| view! { <span class="note">" "{n}</span> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

fn notes(measure: &Measure, t: &'static Texts) -> impl IntoView {
    let missing: Vec<&str> = measure.not_stated.iter().map(|f| (t.fields)(f)).collect();
    let has_notes = !missing.is_empty() || measure.note.is_some();
    has_notes.then(|| view! {
        <h3>{t.notes}</h3>
        {(!missing.is_empty()).then(|| view! { <p>{t.not_stated}": "{missing.join("、")}</p> })}
        {measure.note.clone().map(|n| view! { <p class="note">{n}</p> })}
    })
}
