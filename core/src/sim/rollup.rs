//! Roll-ups: the expected number of measures per grade in each scope of a plan, with an 80 % interval.
//!
//!
//! Per plan, policy (the policy and everything under it, measures by their primary link, as in
//! [`crate::summary`]), department and measure: the expected number of measures per grade (the mean over
//! draws) and an 80 % interval, the 10th to 90th percentile of that number over draws (nearest rank: the
//! `⌈q × draws⌉`-th smallest). For one measure, the expected count is the probability of the grade.

use super::*;

/// What a roll-up counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    Plan,
    /// Index into `plan.policies`: the policy and everything under it.
    Policy(usize),
    /// The department as printed.
    Department(String),
    /// Index into `plan.measures`.
    Measure(usize),
}

/// Measures per grade in one scope.
#[derive(Debug, Clone, PartialEq)]
pub struct Rollup {
    /// Index into `dataset.plans`.
    pub plan: usize,
    pub scope: Scope,
    /// Measures in the scope.
    pub measures: usize,
    /// Of which graded (the others have no target or an indicator that cannot be projected).
    pub graded: usize,
    /// Per grade of the plan's [`Scale`].
    pub grades: Vec<Expected>,
}

/// A count over draws: its mean and 80 % interval.
#[derive(Debug, Clone, PartialEq)]
pub struct Expected {
    pub mean: f64,
    /// 10th percentile.
    pub low: usize,
    /// 90th percentile.
    pub high: usize,
}

/// Counts measures per grade in every scope of a plan (the plan, each policy, each department, each
/// measure) over `draws`; `grade(draw, measure)` is the grade index of `plan.measures[measure]` in that
/// draw, `None` if it is not graded (then in no draw). [`simulate`] calls it with its draws; given the
/// grades a plan reports, as one draw, it reproduces the plan's printed counts.
///
/// ```
/// # let plan: plan_core::Plan = serde_json::from_str(r#"{"id": "p", "municipality": {"name": "板橋区", "code": "131199"},
/// #   "title": "t", "period": {"from": 2021, "to": 2025}, "status": "策定", "source": "s.txt", "source_line": 1,
/// #   "policies": [], "measures": [{"id": "p.m1", "code": "01", "name": "研修", "summary": null, "departments": ["IT推進課"],
/// #   "policies": [], "schedule": [], "indicators": [], "evaluations": [], "is_new": false, "source": {"file": "s.txt", "line": 2}}]}"#).unwrap();
/// use plan_core::sim::{Scope, roll_up};
/// // One measure, graded 0 in half of four draws and 1 in the others.
/// let rollups = roll_up(0, &plan, 2, 4, |draw, _| Some(draw % 2));
/// assert_eq!(rollups[0].scope, Scope::Plan);
/// assert_eq!((rollups[0].grades[0].mean, rollups[0].grades[0].low, rollups[0].grades[0].high), (0.5, 0, 1));
/// ```
pub fn roll_up(plan_at: usize, plan: &Plan, grade_count: usize, draws: usize, grade: impl Fn(usize, usize) -> Option<usize>) -> Vec<Rollup> {
    scopes(plan).into_iter().map(|(scope, measures)| roll_up_scope(plan_at, scope, &measures, grade_count, draws, &grade)).collect()
}

/// Every scope of a plan, in the order of [`roll_up`]'s results, with the measures (indexes into
/// `plan.measures`) each counts.
pub(super) fn scopes(plan: &Plan) -> Vec<(Scope, Vec<usize>)> {
    let n = plan.measures.len();
    let mut departments: Vec<&str> = vec![];
    for department in plan.measures.iter().flat_map(|m| &m.departments) {
        if !departments.contains(&department.as_str()) {
            departments.push(department);
        }
    }
    let in_department = |d: &str| (0..n).filter(|&m| plan.measures[m].departments.iter().any(|x| x == d)).collect();
    std::iter::once((Scope::Plan, (0..n).collect::<Vec<_>>()))
        .chain(plan.policies.iter().enumerate().map(|(i, p)| (Scope::Policy(i), measures_in_scope(plan, Some(&p.id)))))
        .chain(departments.iter().map(|&d| (Scope::Department(d.to_string()), in_department(d))))
        .chain((0..n).map(|m| (Scope::Measure(m), vec![m])))
        .collect()
}

/// One scope's roll-up (see [`roll_up`]).
pub(super) fn roll_up_scope(
    plan_at: usize,
    scope: Scope,
    measures: &[usize],
    grade_count: usize,
    draws: usize,
    grade: &impl Fn(usize, usize) -> Option<usize>,
) -> Rollup {
    let graded: Vec<usize> = measures.iter().copied().filter(|&m| draws > 0 && grade(0, m).is_some()).collect();
    // histogram[g][c]: draws in which exactly c measures of the scope have grade g.
    let mut histogram = vec![vec![0usize; graded.len() + 1]; grade_count];
    let mut counts = vec![0usize; grade_count];
    if graded.is_empty() {
        // Every draw counts zero; no need to look.
        histogram.iter_mut().for_each(|h| h[0] = draws);
    } else {
        for draw in 0..draws {
            counts.fill(0);
            for g in graded.iter().filter_map(|&m| grade(draw, m)) {
                if let Some(count) = counts.get_mut(g) {
                    *count += 1;
                }
            }
            for (h, &c) in histogram.iter_mut().zip(&counts) {
                h[c] += 1;
            }
        }
    }
    let grades = histogram.iter().map(|h| Expected::of(h, draws)).collect();
    Rollup { plan: plan_at, scope, measures: measures.len(), graded: graded.len(), grades }
}

impl Expected {
    pub(super) fn of(histogram: &[usize], draws: usize) -> Expected {
        let total: usize = histogram.iter().enumerate().map(|(count, &k)| count * k).sum();
        let mean = if draws == 0 { 0.0 } else { total as f64 / draws as f64 };
        let percentile = |percent: usize| {
            let rank = (draws * percent).div_ceil(100).max(1);
            let mut seen = 0;
            histogram.iter().position(|&k| {
                seen += k;
                seen >= rank
            })
        };
        Expected { mean, low: percentile(10).unwrap_or(0), high: percentile(90).unwrap_or(0) }
    }
}
