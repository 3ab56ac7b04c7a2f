//! `view=sim`: will the targets be met? First the answer from the record: each plan's outlook
//! (`plan_core::sim::outlook`) with its evidence, its indicators' recorded results and progress, and the
//! backtest of the method against counts printed later. Then "what if": the assumptions (in the URL, so
//! a link gives the same numbers), the expected grades per plan with an SVG chart and its table, every
//! indicator's projection with its formula, roll-ups per department and policy, and saved scenarios.
//! The arithmetic is the core's (`plan_core::sim`); this module only shows it.

use std::collections::HashSet;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use plan_core::format::plan_label;
use plan_core::query::{Lang, Query, View};
use plan_core::sim::{self, Assumptions, Model, Outcome, Rollup, Scenario, Scope, Simulation, StartSource, Why};
use plan_core::{Dataset, Plan, PlanIndex};
use wasm_bindgen::JsCast;

use crate::components::in_groups::in_groups;
use crate::components::link::QueryLink;
use crate::components::outlook::{IndexState, OutlookSection, fetch_index, record_text};
use crate::components::toolbar::{download, indented};
use crate::i18n::{Texts, fiscal_year, number};
use crate::local;
use crate::state::use_explorer;
use crate::tasks::next_task;
use crate::i18n::staff::{StaffTexts, staff_texts};


fn percent(fraction: f64) -> String {
    format!("{}%", number(fraction * 100.0))
}

/// How long the simulation runs before it lets the browser draw and answer input, measured on the device
/// itself. A task over 50 ms is a long one (the Long Tasks API), and Lighthouse scores a desktop's tasks
/// four times longer: 12 ms is 48. Slices of 8 ms gave the browser more turns between them, and the results
/// of 10,000 draws came later (`scripts/bench-sim.mjs`, three alternating runs: a median 112, 135 and 115
/// ms against 106, 107 and 91).
const SLICE_MS: f64 = 12.0;

/// Rows of the indicator table drawn in one task (`in_groups`).
const ROWS_PER_TASK: usize = 8;

/// [`sim::simulate`], a slice at a time with the browser's other tasks between slices; `None` as soon as
/// `still_wanted` says newer assumptions replaced these.
async fn simulate_in_slices(dataset: &Dataset, assumptions: &Assumptions, still_wanted: impl Fn() -> bool) -> Option<Simulation> {
    let mut run = sim::Run::new(assumptions);
    loop {
        if !still_wanted() {
            return None;
        }
        let until = js_sys::Date::now() + SLICE_MS;
        let mut more = true;
        while more && js_sys::Date::now() < until {
            more = run.step(dataset);
        }
        if !more {
            return Some(run.finish());
        }
        next_task().await;
    }
}

fn assumptions_of(explorer: &crate::state::Explorer) -> Assumptions {
    explorer.query.with(|q| Assumptions::from_pairs(q.sim.iter().map(|(k, v)| (k.as_str(), v.as_str()))))
}

fn set_assumptions(assumptions: &Assumptions) {
    let explorer = use_explorer();
    let pairs = assumptions.to_pairs().into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    explorer.update(|q| q.sim = pairs);
}

#[component]
pub fn SimView() -> impl IntoView {
    let explorer = use_explorer();
    let st = staff_texts(explorer.lang());
    let assumptions = Memo::new(move |_| assumptions_of(&use_explorer()));
    let result: RwSignal<Option<Arc<Simulation>>> = RwSignal::new(None);
    let running = RwSignal::new(true);
    let dataset = explorer.dataset.clone();
    Effect::new(move |_| {
        let wanted = assumptions.get();
        running.set(true);
        let dataset = dataset.clone();
        // The browser paints the "calculating" state after the first slice.
        spawn_local(async move {
            // Only the latest assumptions' run goes on, and none once the view is gone (its signals with it).
            let still_wanted = || assumptions.try_get_untracked().is_some_and(|now| now == wanted);
            if let Some(sim) = simulate_in_slices(&dataset, &wanted, still_wanted).await {
                result.try_set(Some(Arc::new(sim)));
                running.try_set(false);
            }
        });
    });
    // Every plan's record, also when only one plan's file is loaded.
    let index = fetch_index();
    // The plans chosen, not the whole query: a change of assumptions must not redraw the outlooks.
    let chosen = Memo::new({
        let explorer = explorer.clone();
        move |_| explorer.query.with(|q| q.plans.clone())
    });
    let outlooks = move || {
        let explorer = use_explorer();
        let chosen = chosen.get();
        let plans = explorer
            .dataset
            .plans
            .iter()
            .filter(|p| chosen.is_empty() || chosen.contains(&p.id));
        plans.map(|p| plan_evidence(p, index)).collect_view()
    };
    // Drawn once the records are here, as the plan view waits for them: the outlooks would otherwise push
    // what is below them down (layout shift 0.185 on a phone). Waiting for the first result too made the
    // outlook, the largest paint, 0.3 s later.
    let ready = Memo::new(move |_| index.with(Option::is_some));
    // After a hand-over, the resident page showed the outlooks while this bundle loaded: it gives its place
    // once these are drawn, not before (`bundle::finish_handover`).
    Effect::new(move |_| {
        if ready.get() {
            crate::bundle::finish_handover();
        }
    });
    let t = explorer.texts();
    view! {
        <h2>{t.sim_heading}</h2>
        <p class="lead">{t.sim_evidence_intro}</p>
        {move || if !ready.get() {
            view! { <p class="status" role="status">{t.outlook_loading}</p> }.into_any()
        } else {
            view! {
                {outlooks}
                {move || match (result.get(), index.get()) {
                    (Some(sim), Some(Ok(index))) => view! { <Backtests sim index/> }.into_any(),
                    _ => ().into_any(),
                }}
                <h2 id="sim-whatif">{st.sim_whatif_heading}</h2>
                <p class="lead">{st.sim_intro}</p>
                <AssumptionsForm assumptions/>
                <p class="status" role="status" aria-live="polite">{move || if running.get() { st.sim_running } else { "" }}</p>
                {move || result.get().map(|sim| view! { <SimResults sim/> })}
                <Scenarios assumptions/>
            }.into_any()
        }}
    }
}

#[component]
fn AssumptionsForm(assumptions: Memo<Assumptions>) -> impl IntoView {
    let st = staff_texts(use_explorer().lang());
    let number_field = move |id: &'static str, label: &'static str, hint: &'static str, value: Signal<String>, apply: fn(&mut Assumptions, f64)| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input id=id type="number" inputmode="decimal" step="any" prop:value=value aria-describedby=format!("{id}-hint")
                    on:change=move |ev| {
                        if let Ok(v) = event_target_value(&ev).trim().parse::<f64>() {
                            let mut a = assumptions.get_untracked();
                            apply(&mut a, v);
                            set_assumptions(&a);
                        }
                    }/>
                <p class="hint" id=format!("{id}-hint")>{hint}</p>
            </div>
        }
    };
    let model_choice = move |value: &'static str, label: &'static str| {
        let checked = move || {
            matches!(
                (assumptions.get().model, value),
                (Model::PlanPace { .. }, "pace") | (Model::Trend, "trend") | (Model::AnnualChange { .. }, "change")
            )
        };
        view! {
            <label class="check">
                <input type="radio" name="sim-model" value=value prop:checked=checked on:change=move |_| {
                    let mut a = assumptions.get_untracked();
                    a.model = match value {
                        "trend" => Model::Trend,
                        "change" => Model::AnnualChange { rate: 0.0 },
                        _ => Model::PlanPace { pace: sim::DEFAULT_PACE },
                    };
                    set_assumptions(&a);
                }/>
                {label}
            </label>
        }
    };
    let pace = Signal::derive(move || match assumptions.get().model {
        Model::PlanPace { pace } => number(pace * 100.0).replace(',', ""),
        _ => number(sim::DEFAULT_PACE * 100.0),
    });
    let change = Signal::derive(move || match assumptions.get().model {
        Model::AnnualChange { rate } => number(rate * 100.0).replace(',', ""),
        _ => "0".into(),
    });
    view! {
        <form class="sim-form" on:submit=|ev| ev.prevent_default()>
            <fieldset>
                <legend>{st.sim_model}</legend>
                {model_choice("pace", st.sim_model_pace)}
                {model_choice("trend", st.sim_model_trend)}
                {model_choice("change", st.sim_model_change)}
            </fieldset>
            <div class="field-grid">
                {move || matches!(assumptions.get().model, Model::PlanPace { .. }).then(|| number_field("sim-pace", st.sim_pace, st.sim_pace_hint, pace, |a, v| a.model = Model::PlanPace { pace: v / 100.0 }))}
                {move || matches!(assumptions.get().model, Model::AnnualChange { .. }).then(|| number_field("sim-change", st.sim_change, st.sim_change_hint, change, |a, v| a.model = Model::AnnualChange { rate: v / 100.0 }))}
                {number_field("sim-spread", st.sim_spread, st.sim_spread_hint, Signal::derive(move || number(assumptions.get().spread * 100.0)), |a, v| a.spread = v / 100.0)}
                {number_field("sim-milestone", st.sim_milestone, st.sim_milestone_hint, Signal::derive(move || number(assumptions.get().milestone_probability * 100.0)), |a, v| a.milestone_probability = v / 100.0)}
                {number_field("sim-draws", st.sim_draws, st.sim_draws_hint, Signal::derive(move || assumptions.get().draws.to_string()), |a, v| a.draws = v as u32)}
                {number_field("sim-seed", st.sim_seed, st.sim_seed_hint, Signal::derive(move || assumptions.get().seed.to_string()), |a, v| a.seed = v as u64)}
            </div>
        </form>
    }
}

/// The plans of the current filter that have any matching measure.
fn plans_in_view(dataset: &Dataset, matches: &HashSet<(usize, usize)>) -> Vec<usize> {
    (0..dataset.plans.len()).filter(|p| matches.iter().any(|(mp, _)| mp == p)).collect()
}

#[component]
fn SimResults(sim: Arc<Simulation>) -> impl IntoView {
    move || {
        let explorer = use_explorer();
        let t = explorer.texts();
        let st = staff_texts(explorer.lang());
        let lang = explorer.lang();
        let dataset = explorer.dataset.clone();
        let matches: HashSet<(usize, usize)> = explorer.results.with(|r| r.matches.iter().map(|m| (m.plan, m.measure)).collect());
        let plans = plans_in_view(&dataset, &matches);
        let tally = plans.iter().fold(sim::Tally::default(), |mut total, &p| {
            let one = sim.tally(Some(p));
            total.projected += one.projected;
            total.not_projected += one.not_projected;
            total.milestones += one.milestones;
            total.no_target += one.no_target;
            total
        });
        let mut owner_ids: HashSet<&str> = matches.iter().map(|&(p, m)| dataset.plans[p].measures[m].id.as_str()).collect();
        // Policies' indicators (台東区's 評価指標, DX2025's RPA) belong to every view of their plan.
        owner_ids.extend(plans.iter().flat_map(|&p| dataset.plans[p].policies.iter().map(|x| x.id.as_str())));
        let shown: Vec<usize> = (0..sim.indicators.len()).filter(|&k| owner_ids.contains(sim.indicators[k].owner.as_str())).collect();
        // Each group its own <tbody>, the table busy until the last.
        let (indicator_rows, drawing) = in_groups(shown, ROWS_PER_TASK, {
            let (sim, dataset) = (sim.clone(), dataset.clone());
            move |rows: &[usize]| view! { <tbody>{rows.iter().map(|&k| indicator_row(&dataset, &sim, &sim.indicators[k], t, st, lang)).collect_view()}</tbody> }.into_any()
        });
        let plan_sections = plans.iter().map(|&p| plan_summary(&dataset.plans[p], p, &sim, &matches, t, st)).collect_view();
        view! {
            <section aria-labelledby="sim-tally">
                <h3 id="sim-tally">{st.sim_what}</h3>
                <p>{(st.sim_tally)(tally.projected, tally.milestones, tally.not_projected, tally.no_target)}</p>
            </section>
            {plan_sections}
            <section aria-labelledby="sim-indicators">
                <h3 id="sim-indicators">{st.sim_indicators}</h3>
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby="sim-indicators">
                    <table class="stack sim-table" aria-busy=move || drawing().then_some("true")>
                        <thead>
                            <tr>
                                <th scope="col">{st.sim_col_measure}</th>
                                <th scope="col">{t.target}</th>
                                <th scope="col">{st.sim_col_projected}</th>
                                <th scope="col">{t.attainment}</th>
                                <th scope="col">{st.sim_col_grade}</th>
                                <th scope="col">{st.sim_col_probability}</th>
                                <th scope="col">{st.sim_col_needed}</th>
                            </tr>
                        </thead>
                        {indicator_rows}
                    </table>
                </div>
            </section>
        }
    }
}

fn indicator_row(dataset: &Dataset, sim: &Simulation, i: &sim::IndicatorSim, t: &'static Texts, st: &'static StaffTexts, lang: Lang) -> impl IntoView + use<> {
    let plan = &dataset.plans[i.plan];
    let measure = plan.measures.iter().find(|m| m.id == i.owner);
    let owner = measure
        .map(|m| (&m.code, &m.name, &m.indicators))
        .or_else(|| {
            plan.policies
                .iter()
                .find(|p| p.id == i.owner)
                .map(|p| (&p.code, &p.name, &p.indicators))
        });
    let indicator = owner.and_then(|(_, _, list)| list.iter().find(|x| x.id == i.indicator));
    let name = format!(
        "{} {} / {}",
        owner.map(|o| o.0.as_str()).unwrap_or(""),
        owner.map(|o| o.1.as_str()).unwrap_or(""),
        indicator.map(|x| x.name.as_str()).unwrap_or(&i.indicator)
    );
    let unit = indicator.and_then(|x| x.unit.clone()).unwrap_or_default();
    let scale = &sim.scales[i.plan];
    let dash = || "—".to_string();
    let (target, projected, attainment, grade, probability, needed, formula) = match &i.outcome {
        Outcome::Projected(p) => {
            let key = &p.targets[p.key];
            let target = indicator.and_then(|x| x.targets.get(key.target));
            let target_text = target
                .map(|x| {
                    let year = match x.fy_from {
                        Some(from) => (t.period_target)(fiscal_year(lang, from), fiscal_year(lang, x.fy)),
                        None => fiscal_year(lang, x.fy),
                    };
                    format!("{year}: {}{unit}", x.value.map(number).unwrap_or_default())
                })
                .unwrap_or_else(dash);
            let formula = match lang {
                Lang::Ja => p.formula.ja.clone(),
                Lang::En => p.formula.en.clone(),
            };
            let start = match p.start.source {
                StartSource::Assumed => st.sim_start_assumed,
                StartSource::Baseline => t.baseline,
                StartSource::Actual => t.actual,
            };
            let formula = format!("{formula}\n{}: {} ({})", st.sim_start, number(p.start.value), start);
            match &key.result {
                Some(r) => (
                    target_text,
                    format!("{}{unit}", number(r.value)),
                    format!("{}%", number(r.attainment)),
                    scale.grades[r.grade].clone(),
                    percent(r.probability),
                    p.needed.as_ref().map(|n| (st.sim_needed)(&format!("{}{unit}", number(n.per_year)), n.rate.map(percent))).unwrap_or_default(),
                    formula,
                ),
                None => (target_text, dash(), dash(), st.sim_not_evaluable.to_string(), dash(), String::new(), formula),
            }
        }
        Outcome::Milestone { done, .. } => (
            indicator.and_then(|x| x.targets.last()).and_then(|x| x.text.clone()).unwrap_or_else(dash),
            st.sim_milestone_row.to_string(),
            dash(),
            format!("{} {}", st.sim_if_done, scale.grades[*done]),
            percent(sim.assumptions.milestone_probability),
            String::new(),
            String::new(),
        ),
        Outcome::NotProjected(why) => {
            let reason = match why {
                Why::TooFewPoints { .. } => st.sim_too_few_points,
                Why::NoStartValue => st.sim_no_start,
            };
            (dash(), reason.to_string(), dash(), dash(), dash(), String::new(), String::new())
        }
        Outcome::NoTarget => (st.sim_no_target.to_string(), dash(), dash(), dash(), dash(), String::new(), String::new()),
    };
    let measure_id = measure.map(|m| m.id.clone()).unwrap_or_default();
    view! {
        <tr data-measure-id=measure_id>
            <th scope="row">
                {name}
                {(!formula.is_empty()).then(|| view! {
                    <details class="formula"><summary>{st.sim_formula}</summary><pre>{formula}</pre></details>
                })}
            </th>
            <td data-label=t.target>{target}</td>
            <td data-label=st.sim_col_projected>{projected}</td>
            <td data-label=t.attainment class="num">{attainment}</td>
            <td data-label=st.sim_col_grade>{grade}</td>
            <td data-label=st.sim_col_probability class="num">{probability}</td>
            <td data-label=st.sim_col_needed>{needed}</td>
        </tr>
    }
}

/// Per plan: the expected number of measures per grade, as an SVG chart and the same figures as a table.
fn plan_summary(plan: &Plan, plan_at: usize, sim: &Simulation, matches: &HashSet<(usize, usize)>, t: &'static Texts, st: &'static StaffTexts) -> impl IntoView + use<> {
    let scale = &sim.scales[plan_at];
    let Some(rollup) = sim.rollups.iter().find(|r| r.plan == plan_at && r.scope == Scope::Plan) else {
        return ().into_any();
    };
    let heading = plan_label(&plan.municipality.name, &plan.title);
    let source_note = match scale.source {
        sim::GradeSource::Plan => st.sim_grades_plan,
        sim::GradeSource::App => st.sim_grades_app,
    };
    view! {
        <section class="sim-plan" data-plan-id=plan.id.clone()>
            <h3>{heading.clone()}</h3>
            <p>{(st.sim_graded)(rollup.graded, rollup.measures)}" "{source_note}</p>
            {chart(rollup, &scale.grades, &heading, st)}
            {rollup_table(rollup, &scale.grades, st, &heading)}
            {department_rollups(plan, plan_at, sim, matches, t, st)}
        </section>
    }
    .into_any()
}

fn chart(rollup: &Rollup, grades: &[String], title: &str, st: &'static StaffTexts) -> impl IntoView + use<> {
    let max = rollup.measures.max(1) as f64;
    let width = 320.0;
    let row = 28.0;
    let height = row * grades.len() as f64 + 8.0;
    let bars = grades
        .iter()
        .zip(&rollup.grades)
        .enumerate()
        .map(|(i, (grade, e))| {
            let y = 4.0 + i as f64 * row;
            let w = e.mean / max * (width - 140.0);
            let (lo, hi) = (e.low as f64 / max * (width - 140.0), e.high as f64 / max * (width - 140.0));
            view! {
                <g>
                    <text x="0" y=y + 17.0 class="chart-label">{grade.clone()}</text>
                    <rect x="70" y=y + 4.0 width=w.max(0.0) height="16" class=format!("bar bar-{i}")/>
                    <line x1=70.0 + lo x2=70.0 + hi y1=y + 12.0 y2=y + 12.0 class="whisker"/>
                    <text x=74.0 + w.max(hi) y=y + 17.0 class="chart-value">{number(e.mean)}</text>
                </g>
            }
        })
        .collect_view();
    let label = (st.sim_chart_label)(title);
    let aria = label.clone();
    view! {
        <svg class="sim-chart" viewBox=format!("0 0 {width} {height}") role="img" aria-label=aria>
            <title>{label}</title>
            {bars}
        </svg>
    }
}

fn rollup_table(rollup: &Rollup, grades: &[String], st: &'static StaffTexts, caption: &str) -> impl IntoView + use<> {
    let rows = grades
        .iter()
        .zip(&rollup.grades)
        .map(|(grade, e)| {
            view! {
                <tr>
                    <th scope="row">{grade.clone()}</th>
                    <td class="num">{number(e.mean)}</td>
                    <td class="num">{format!("{}〜{}", e.low, e.high)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=format!("{caption} {}", st.sim_expected)>
            <table class="sim-rollup">
                <caption>{st.sim_expected}</caption>
                <thead><tr><th scope="col">{st.sim_col_grade}</th><th scope="col">{st.sim_mean}</th><th scope="col">{st.sim_interval}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// Per department and per top-level policy: expected measures per grade, with the 80 % interval.
fn department_rollups(plan: &Plan, plan_at: usize, sim: &Simulation, matches: &HashSet<(usize, usize)>, t: &'static Texts, st: &'static StaffTexts) -> impl IntoView + use<> {
    let grades = sim.scales[plan_at].grades.join(" / ");
    let rows = sim
        .rollups
        .iter()
        .filter(|r| r.plan == plan_at && r.graded > 0)
        .filter_map(|r| {
            let label = match &r.scope {
                Scope::Department(d) => format!("{}: {d}", t.facet_dept),
                Scope::Policy(i) if plan.policies[*i].parent.is_none() => {
                    format!("{}: {} {}", t.facet_policy, plan.policies[*i].code, plan.policies[*i].name)
                }
                // For one measure, the expected count of a grade is its probability.
                Scope::Measure(i) if matches.contains(&(plan_at, *i)) => {
                    format!("{}: {} {}", st.sim_measure, plan.measures[*i].code, plan.measures[*i].name)
                }
                _ => return None,
            };
            let cells = r.grades.iter().map(|e| format!("{}（{}〜{}）", number(e.mean), e.low, e.high)).collect::<Vec<_>>().join(" / ");
            Some(view! { <tr><th scope="row">{label}</th><td data-label=st.sim_graded_col class="num">{r.graded}</td><td data-label=grades.clone()>{cells}</td></tr> })
        })
        .collect_view();
    view! {
        <details class="rollups">
            <summary>{st.sim_rollups}</summary>
            <div class="table-wrap" tabindex="0" role="region" aria-label=st.sim_rollups>
                <table class="stack">
                    <thead><tr><th scope="col">{t.row}</th><th scope="col">{st.sim_graded_col}</th><th scope="col">{grades}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </details>
    }
}

/// One plan's outlook from the record, and every indicator with a recorded value: its actual, printed
/// rate, implied target and progress by the UN Progress Chart's method.
fn plan_evidence(plan: &Plan, index: IndexState) -> impl IntoView + use<> {
    let explorer = use_explorer();
    let (st, lang) = (staff_texts(explorer.lang()), explorer.lang());
    let indicators: Vec<_> = plan.indicators_by_owner().collect();
    let unrecorded = indicators
        .iter()
        .filter(|(_, i)| i.actuals.is_empty() && i.baseline.is_none())
        .count();
    let rows = indicators
        .iter()
        .filter(|(_, i)| !i.actuals.is_empty() || i.baseline.is_some())
        .map(|(owner, i)| {
            let unit = i.unit.clone().unwrap_or_default();
            let latest = i.actuals.iter().max_by_key(|a| a.fy);
            let actual = latest.map(|a| format!("{} {}{unit}", fiscal_year(lang, a.fy), number(a.value))).unwrap_or_else(|| "—".into());
            let rate = latest.and_then(|a| a.attainment_reported).map(|r| format!("{}%", number(r))).unwrap_or_else(|| "—".into());
            let implied = latest
                .and_then(|a| a.attainment_reported.and_then(|r| sim::implied_target(i.direction, a.value, r)))
                .map(|x| (st.ev_implied)(format!("{}{unit}", number(x.value.round())), number(x.low.round()), number(x.high.round())))
                .unwrap_or_else(|| "—".into());
            let check = sim::progress(i);
            let detail = match (check.by_printed_rate, check.ratio) {
                (true, _) => format!("（{}）", st.ev_by_rate),
                (false, Some(r)) => format!("（{}）", (st.ev_ratio)(number((r * 100.0).round() / 100.0))),
                _ => String::new(),
            };
            view! {
                <tr>
                    <th scope="row">{format!("{owner} / {}", i.name)}</th>
                    <td data-label=st.ev_col_actual>{actual}</td>
                    <td data-label=st.ev_col_rate class="num">{rate}</td>
                    <td data-label=st.ev_col_implied>{implied}</td>
                    <td data-label=st.ev_col_progress>{(st.ev_progress)(check.progress)}{detail}</td>
                </tr>
            }
        })
        .collect_view();
    let any_rows = indicators.len() > unrecorded;
    view! {
        <OutlookSection plan_id=plan.id.clone() heading=plan_label(&plan.municipality.name, &plan.title) index>
            {any_rows.then(|| view! {
                <div class="table-wrap" tabindex="0" role="region" aria-label=st.ev_table>
                    <table class="stack ev-table">
                        <caption>{st.ev_table}</caption>
                        <thead><tr>
                            <th scope="col">{st.ev_col_indicator}</th>
                            <th scope="col">{st.ev_col_actual}</th>
                            <th scope="col">{st.ev_col_rate}</th>
                            <th scope="col">{st.ev_col_implied}</th>
                            <th scope="col">{st.ev_col_progress}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            })}
            {(unrecorded > 0).then(|| view! { <p class="hint">{(st.ev_none)(unrecorded)}" "{st.ev_method}</p> })}
            {(unrecorded == 0 && any_rows).then(|| view! { <p class="hint">{st.ev_method}</p> })}
        </OutlookSection>
    }
}

/// Every backtest the data allows, each a table of the printed counts beside both models' predictions
/// and the scores that say which did better.
#[component]
fn Backtests(sim: Arc<Simulation>, index: Arc<PlanIndex>) -> impl IntoView {
    let explorer = use_explorer();
    let (st, lang) = (staff_texts(explorer.lang()), explorer.lang());
    let dataset = explorer.dataset.clone();
    let tests = sim::backtests(&dataset, &index, &sim);
    let score = |x: f64| {
        if x.is_finite() {
            number((x * 100.0).round() / 100.0).replace('-', "−")
        } else {
            "−∞".into()
        }
    };
    let body = if tests.is_empty() && dataset.plans.len() < index.plans.len() {
        // The plan a backtest predicts may be one that is not loaded.
        let to = Query {
            view: Some(View::Sim),
            lang,
            ..Query::default()
        };
        view! { <p><QueryLink to>{st.bt_elsewhere}</QueryLink></p> }.into_any()
    } else if tests.is_empty() {
        view! { <p>{st.bt_none}</p> }.into_any()
    } else {
        tests
            .iter()
            .map(|test| {
                let plan = &dataset.plans[test.plan];
                let summary = &plan.summaries[test.summary];
                let what = format!("{}（{}、{} {}）", plan.title, summary.title, summary.source.file, (explorer.texts().line)(summary.source.line));
                let used = test
                    .pool
                    .iter()
                    .map(|p| format!("{} {}", p.title, record_text(&p.record, explorer.texts(), lang)))
                    .collect::<Vec<_>>()
                    .join("、");
                let predicted = |p: &sim::Prediction| (st.bt_prediction)(number((p.expected.mean * 10.0).round() / 10.0), p.expected.low, p.expected.high, score(p.score));
                let rows = test
                    .rows
                    .iter()
                    .map(|row| {
                        let label = summary.rows[row.row].label.clone();
                        view! {
                            <tr>
                                <th scope="row">{label}</th>
                                <td data-label=st.bt_col_measures class="num">{row.measures}</td>
                                <td data-label=st.bt_col_printed class="num">{row.printed}</td>
                                <td data-label=st.bt_col_evidence>{predicted(&row.evidence)}</td>
                                <td data-label=st.bt_col_whatif>{row.what_if.as_ref().map(predicted).unwrap_or_else(|| "—".into())}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                let (total, policies) = test.scores();
                let verdicts = [total.map(|s| (true, s)), policies.map(|s| (false, s))].into_iter().flatten().map(|(total, s)| {
                    let what_if = s.what_if.map(score).unwrap_or_else(|| "—".into());
                    let better = s.what_if.is_none_or(|w| s.evidence >= w);
                    view! {
                        <p class="bt-verdict">
                            {(st.bt_scores)(total, s.rows, score(s.evidence), what_if)}" "
                            <strong>{if better { st.bt_better } else { st.bt_worse }}</strong>
                        </p>
                    }
                }).collect_view();
                view! {
                    <p>{(st.bt_intro)(what, used)}</p>
                    <div class="table-wrap" tabindex="0" role="region" aria-label=st.bt_heading>
                        <table class="stack bt-table" data-summary-id=summary.id.clone()>
                            <caption>{st.bt_caption}</caption>
                            <thead><tr>
                                <th scope="col">{st.bt_col_row}</th>
                                <th scope="col">{st.bt_col_measures}</th>
                                <th scope="col">{st.bt_col_printed}</th>
                                <th scope="col">{st.bt_col_evidence}</th>
                                <th scope="col">{st.bt_col_whatif}</th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                    <p>{st.bt_score_note}</p>
                    {verdicts}
                    <p class="hint">{st.bt_split}</p>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <section class="sim-backtest" aria-labelledby="sim-backtest">
            <h3 id="sim-backtest">{st.bt_heading}</h3>
            {body}
        </section>
    }
}

/// Named scenarios: save the current assumptions, apply one, compare two side by side, export and
/// import them as JSON. Sharing is the page's URL: the assumptions are in it.
#[component]
fn Scenarios(assumptions: Memo<Assumptions>) -> impl IntoView {
    let st = staff_texts(use_explorer().lang());
    let list = RwSignal::new(local::scenarios::all());
    let name = RwSignal::new(String::new());
    let compare: RwSignal<(Option<usize>, Option<usize>)> = RwSignal::new((None, None));
    let message = RwSignal::new(String::new());
    let not_saved = RwSignal::new(false);
    // Every change is made to what storage holds now; the list shown is read back from there.
    let stored = move |result: Result<(), local::NotSaved>| {
        not_saved.set(result.is_err());
        list.set(local::scenarios::all());
    };
    let save = move |_| {
        let label = name.get_untracked().trim().to_string();
        let label = if label.is_empty() { format!("{} {}", st.sim_scenario, list.with_untracked(Vec::len) + 1) } else { label };
        stored(local::scenarios::add(&[Scenario { name: label, assumptions: assumptions.get_untracked() }]));
        name.set(String::new());
    };
    // Another tab saved or deleted a scenario.
    let on_storage = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().is_none_or(|key| key == local::scenarios::KEY) {
            list.set(local::scenarios::all());
        }
    });
    on_cleanup(move || on_storage.remove());
    let import = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        let Some(file) = input.as_ref().and_then(|i| i.files()).and_then(|f| f.item(0)) else { return };
        spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string()).unwrap_or_default();
            match Scenario::list_from_json(&text) {
                Some(more) => {
                    stored(local::scenarios::add(&more));
                    message.set((st.sim_imported)(more.len()));
                }
                None => message.set(st.sim_import_failed.to_string()),
            }
        });
    };
    let export = move |_| {
        let json = indented(&Scenario::list_to_json(&list.get_untracked()));
        download(json.as_bytes(), "application/json;charset=utf-8", "scenarios.json");
    };
    // Both scenarios are run as the page's own run is, a slice at a time.
    let compared: RwSignal<Option<Arc<(Scenario, Simulation, Scenario, Simulation)>>> = RwSignal::new(None);
    // Which choice of two the comparison being run is for: a later choice, or a change to the list from
    // another tab, replaces it.
    let choice = RwSignal::new(0u32);
    Effect::new(move |_| {
        let pair = compare.get();
        let scenarios = list.get();
        let this = choice.get_untracked() + 1;
        choice.set(this);
        compared.set(None);
        let (Some(a), Some(b)) = pair else { return };
        let (Some(a), Some(b)) = (scenarios.get(a).cloned(), scenarios.get(b).cloned()) else { return };
        let dataset = use_explorer().dataset.clone();
        spawn_local(async move {
            let wanted = || choice.try_get_untracked() == Some(this);
            let Some(left) = simulate_in_slices(&dataset, &a.assumptions, wanted).await else { return };
            let Some(right) = simulate_in_slices(&dataset, &b.assumptions, wanted).await else { return };
            compared.try_set(Some(Arc::new((a, left, b, right))));
        });
    });
    let comparison = move || {
        let Some(compared) = compared.get() else {
            // Running only when both choices are scenarios still in the list (the effect above runs them).
            let both = compare.with(|&(a, b)| list.with(|l| a.zip(b).is_some_and(|(a, b)| a < l.len() && b < l.len())));
            return both.then(|| view! { <p class="status" role="status">{st.sim_running}</p> }).into_any();
        };
        let (a, left, b, right) = &*compared;
        let explorer = use_explorer();
        let rows = left
            .rollups
            .iter()
            .zip(&right.rollups)
            .filter(|(l, _)| l.scope == Scope::Plan && l.graded > 0)
            .flat_map(|(l, r)| {
                let plan = explorer.plan(l.plan);
                let grades = left.scales[l.plan].grades.clone();
                grades.into_iter().enumerate().map(move |(g, grade)| {
                    view! {
                        <tr>
                            <th scope="row">{format!("{} / {grade}", plan_label(&plan.municipality.name, &plan.title))}</th>
                            <td class="num">{format!("{}（{}〜{}）", number(l.grades[g].mean), l.grades[g].low, l.grades[g].high)}</td>
                            <td class="num">{format!("{}（{}〜{}）", number(r.grades[g].mean), r.grades[g].low, r.grades[g].high)}</td>
                        </tr>
                    }
                }).collect::<Vec<_>>()
            })
            .collect_view();
        view! {
            <div class="table-wrap" tabindex="0" role="region" aria-label=st.sim_compare>
                <table class="sim-compare">
                    <caption>{st.sim_compare}</caption>
                    <thead><tr><th scope="col">{st.sim_col_grade}</th><th scope="col">{a.name.clone()}</th><th scope="col">{b.name.clone()}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let pick = move |side: usize| {
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev).parse::<usize>().ok();
            compare.update(|c| if side == 0 { c.0 = value } else { c.1 = value });
        }
    };
    let options = move || {
        list.get().iter().enumerate().map(|(i, s)| view! { <option value=i.to_string()>{s.name.clone()}</option> }).collect_view()
    };
    view! {
        <section class="scenarios" aria-labelledby="scenarios-title">
            <h3 id="scenarios-title">{st.sim_scenarios}</h3>
            <p class="hint">{st.sim_share}</p>
            <div class="field">
                <label for="scenario-name">{st.sim_scenario_name}</label>
                <input id="scenario-name" type="text" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                <button type="button" class="button small" on:click=save>{st.sim_save}</button>
            </div>
            <ul class="plain">
                {move || list.get().into_iter().map(|s| {
                    let (label, apply) = (s.name.clone(), s.assumptions.clone());
                    view! {
                        <li>
                            <strong>{label}</strong>" "
                            <button type="button" class="button small" on:click=move |_| set_assumptions(&apply)>{st.sim_apply}</button>" "
                            <button type="button" class="button small" on:click=move |_| stored(local::scenarios::remove(&s))>{st.sim_delete}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <div class="field-grid">
                <div class="field">
                    <label for="compare-a">{st.sim_compare_a}</label>
                    <select id="compare-a" on:change=pick(0)><option value="">"—"</option>{options}</select>
                </div>
                <div class="field">
                    <label for="compare-b">{st.sim_compare_b}</label>
                    <select id="compare-b" on:change=pick(1)><option value="">"—"</option>{options}</select>
                </div>
            </div>
            {comparison}
            <div class="toolbar">
                <button type="button" class="button small" on:click=export>{st.sim_export}</button>
                <label class="button small" for="scenario-file">{st.sim_import}</label>
                <input id="scenario-file" class="visually-hidden" type="file" accept=".json,application/json" on:change=import/>
            </div>
            <p role="status">{move || message.get()}</p>
            {move || not_saved.get().then(|| view! {
                <div class="error-panel compact" role="alert">
                    <p>{st.scenario_not_saved}</p>
                    <button type="button" class="button small" on:click=export>{st.sim_export}</button>
                </div>
            })}
        </section>
    }
}
