//! The simulation on the real dataset: every indicator is accounted for, the plan as written meets its own
//! targets, the seeds' printed rates and counts come out of the app's rules, and the grade thresholds apply.

use std::path::PathBuf;

use plan_core::sim::{Assumptions, GradeSource, Outcome, Run, Scope, roll_up, simulate};
use plan_core::{Dataset, Indicator, Plan};

fn dataset() -> Dataset {
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    plan_data::load_seeds(&seeds).unwrap_or_else(|errors| panic!("seeds are invalid:\n{}", errors.join("\n")))
}

fn plan<'a>(dataset: &'a Dataset, id: &str) -> (usize, &'a Plan) {
    dataset.plans.iter().enumerate().find(|(_, p)| p.id == id).unwrap_or_else(|| panic!("{id} is in the dataset"))
}

/// (plan index, owner id, indicator) for every indicator, policies' first, as the simulation lists them.
fn indicators(dataset: &Dataset) -> Vec<(usize, &str, &Indicator)> {
    let mut all = vec![];
    for (p, plan) in dataset.plans.iter().enumerate() {
        let owners = plan.policies.iter().map(|x| (&x.id, &x.indicators)).chain(plan.measures.iter().map(|x| (&x.id, &x.indicators)));
        for (owner, list) in owners {
            all.extend(list.iter().map(|i| (p, owner.as_str(), i)));
        }
    }
    all
}

fn exact(pace: &str) -> Assumptions {
    Assumptions::from_pairs([("pace", pace), ("spread", "0"), ("draws", "100")])
}

#[test]
fn every_indicator_is_simulated_once_and_qualitative_ones_are_milestones() {
    let dataset = dataset();
    let sim = simulate(&dataset, &Assumptions::default());
    let expected: Vec<_> = indicators(&dataset)
        .into_iter()
        .map(|(p, owner, i)| {
            let kind = if i.targets.iter().any(|t| t.value.is_some()) {
                "numeric"
            } else if i.targets.is_empty() {
                "no target"
            } else {
                "milestone"
            };
            (p, owner.to_string(), i.id.clone(), kind)
        })
        .collect();
    let got: Vec<_> = sim
        .indicators
        .iter()
        .map(|i| {
            let kind = match i.outcome {
                Outcome::Projected(_) | Outcome::NotProjected(_) => "numeric",
                Outcome::Milestone { .. } => "milestone",
                Outcome::NoTarget => "no target",
            };
            (i.plan, i.owner.clone(), i.indicator.clone(), kind)
        })
        .collect();
    assert_eq!(got, expected);
    let tally = sim.tally(None);
    assert!(tally.projected > 0 && tally.milestones > 0 && tally.no_target > 0, "the data has every kind: {tally:?}");
    assert_eq!(tally.not_projected, 0, "plan pace projects every increasing indicator, from 0 where nothing is recorded");
}

/// The simulation page lets the browser draw between the pieces of a run (src/views/sim.rs). Guards the
/// regression where the whole run was one piece: the largest plan kept the page from answering for 170 ms,
/// and 1.7 s at 100,000 draws. A piece is one indicator's draws or one roll-up, or a plan's start or end.
#[test]
fn a_run_goes_one_indicator_or_one_roll_up_at_a_time() {
    let dataset = dataset();
    let assumptions = Assumptions::default();
    let mut run = Run::new(&assumptions);
    let mut steps = 0;
    while run.step(&dataset) {
        steps += 1;
    }
    let sim = run.finish();
    assert_eq!(steps, sim.indicators.len() + sim.rollups.len() + 2 * dataset.plans.len());
    assert_eq!(sim, simulate(&dataset, &assumptions));
}

#[test]
fn the_plan_as_written_meets_every_real_target_exactly() {
    let dataset = dataset();
    let sim = simulate(&dataset, &exact("100"));
    let mut checked = 0;
    for indicator in &sim.indicators {
        let Outcome::Projected(p) = &indicator.outcome else { continue };
        // Recorded actuals are the past, not the plan; today no numeric indicator has any.
        assert_eq!(p.start.source, plan_core::sim::StartSource::Assumed, "{} {}", indicator.owner, indicator.indicator);
        for target in &p.targets {
            let result = target.result.as_ref().expect("no target lies before recorded data");
            assert!(
                (result.attainment - 100.0).abs() < 1e-9 && result.probability == 1.0,
                "{} {} target {}: {result:?}",
                indicator.owner,
                indicator.indicator,
                target.target
            );
            checked += 1;
        }
    }
    assert!(checked > 50, "checked only {checked} targets");
}

#[test]
fn reported_attainment_rates_are_reproduced() {
    // Every printed 達成率 whose actual has a numeric target of the same year must come out of the app's rule.
    // The seeds print two rates, 板橋 DX2025's RPA 126 % and オンライン申請 285 %, and neither target (the
    // dataset does not back-calculate one). They are listed here: add a target and the rate is checked instead.
    // The rule itself is checked on hand-made data in core (`reported_attainment_is_reproduced_from_actual_and_target`).
    let without_target = ["itabashi-dx2025.p1/i1 2024", "itabashi-dx2025.c1-1/i1 2024"];
    let dataset = dataset();
    let sim = simulate(&dataset, &exact("100"));
    let (mut unmatched, mut checked) = (vec![], 0);
    for (n, (_, owner, indicator)) in indicators(&dataset).into_iter().enumerate() {
        for actual in &indicator.actuals {
            let Some(reported) = actual.attainment_reported else { continue };
            let target = indicator.targets.iter().position(|t| t.fy == actual.fy && t.fy_from.is_none() && t.value.is_some());
            let Some(target) = target else {
                unmatched.push(format!("{owner}/{} {}", indicator.id, actual.fy));
                continue;
            };
            let Outcome::Projected(p) = &sim.indicators[n].outcome else { panic!("{owner}/{} is numeric", indicator.id) };
            let result = p.targets.iter().find(|t| t.target == target).and_then(|t| t.result.as_ref()).expect("an actual's year is evaluated");
            // Seeds print whole percents.
            assert!((result.attainment - reported).abs() <= 1.0, "{owner}/{}: {} vs printed {reported}", indicator.id, result.attainment);
            checked += 1;
        }
    }
    assert_eq!(unmatched, without_target, "printed rates without a printed target ({checked} checked against one)");
}

#[test]
fn ict2020_reported_grades_roll_up_to_figure_14() {
    // 図14 counts the 総合評価 each 施策 received, not a projection: ICT2020 has no indicators to simulate.
    // What the simulation shares with it is the roll-up, so the roll-up is given the reported grades as one
    // draw. (ICT2025's FY2021 counts, 5/19/1, cannot be checked this way: the report grades 25 施策 and names
    // none of their grades, so no per-measure grade is known.)
    let dataset = dataset();
    let (at, plan) = plan(&dataset, "itabashi-ict2020");
    let figure = plan.summaries.iter().find(|s| s.id.ends_with(".fig14")).expect("図14 is stored");
    let grades: Vec<Option<usize>> = plan
        .measures
        .iter()
        .map(|m| {
            let grade = m.evaluations.iter().find(|e| Some(e.fy) == figure.fy)?.grade.as_deref()?;
            plan.grades.iter().position(|g| g.grade == grade)
        })
        .collect();
    assert!(grades.iter().all(Option::is_some), "every 施策 of ICT2020 has its reported grade");
    let rollups = roll_up(at, plan, plan.grades.len(), 1, |_, m| grades[m]);
    assert_eq!(figure.rows.len(), 6);
    for row in &figure.rows {
        let scope = match &row.policy {
            Some(id) => Scope::Policy(plan.policies.iter().position(|p| &p.id == id).unwrap()),
            None => Scope::Plan,
        };
        let rollup = rollups.iter().find(|r| r.scope == scope).unwrap();
        for (grade, count) in row.counts.iter() {
            let g = plan.grades.iter().position(|x| x.grade == grade).unwrap();
            let expected = &rollup.grades[g];
            assert_eq!((expected.mean, expected.low, expected.high), (count as f64, count as usize, count as usize), "{} {grade}", row.label);
        }
    }
}

#[test]
fn ict2025_grades_by_its_thresholds_and_other_plans_by_the_apps_words() {
    let dataset = dataset();
    let (at, _) = plan(&dataset, "itabashi-ict2025");
    let grade_at = |pace: &str| -> Vec<String> {
        let sim = simulate(&dataset, &exact(pace));
        let scale = &sim.scales[at];
        sim.indicators
            .iter()
            .filter(|i| i.plan == at)
            .filter_map(|i| match &i.outcome {
                Outcome::Projected(p) => p.targets[p.key].result.as_ref().map(|r| scale.grades[r.grade].clone()),
                _ => None,
            })
            .collect()
    };
    // 達成+ is strictly above 100 %, 達成 from 80 % (this app's reading of 大部分), 未達成 below.
    for (pace, grade) in [("101", "達成+"), ("100", "達成"), ("80", "達成"), ("79", "未達成")] {
        let grades = grade_at(pace);
        assert!(!grades.is_empty() && grades.iter().all(|g| g == grade), "at {pace} %: {grades:?}");
    }
    let sim = simulate(&dataset, &Assumptions::default());
    for (plan, scale) in dataset.plans.iter().zip(&sim.scales) {
        let expected = if plan.id == "itabashi-ict2025" { GradeSource::Plan } else { GradeSource::App };
        assert_eq!(scale.source, expected, "{}", plan.id);
    }
}
