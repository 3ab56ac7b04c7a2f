//! Backtest: how well each model would have predicted a grade count a seed prints, from what was known
//! before it (docs/SIMULATION.md).
//!
//! For every printed grade count of year `Y` (ICT計画2025, 令和3年度: 5 / 19 / 1 of 25), the evidence model
//! uses only the records of the same municipality from years before `Y` (ICT計画2020, 令和2年度) and
//! predicts, for each printed row of `n` measures, the number that got the worst grade: beta-binomial
//! (`n`, `a`, `b`) as in [`outlook`]. The what-if model predicts binomial (`n`, `p̄`), where `p̄` is the
//! mean, over the graded measures in the row's scope, of each measure's probability of the worst grade in
//! the simulation given (the assumptions on screen; the defaults unless changed).
//!
//! Each prediction's **score** is the natural logarithm of the probability it gave the printed count:
//! closer to 0 is better, `−∞` means it called the printed count impossible. The total row is scored on
//! its own, and the policy rows together (the sum of their scores).

use super::*;
use crate::model::{PlanIndex, SummaryKind};

#[derive(Debug, Clone, PartialEq)]
pub struct Backtest {
    /// Index into `dataset.plans`.
    pub plan: usize,
    /// Index into the plan's `summaries`.
    pub summary: usize,
    /// The records the evidence model used: all from before the summary's year.
    pub pool: Vec<Past>,
    pub a: f64,
    pub b: f64,
    pub rows: Vec<BacktestRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BacktestRow {
    /// Index into the summary's `rows`.
    pub row: usize,
    /// The row counts the whole plan (no policy).
    pub total: bool,
    /// Measures the row counts, as printed.
    pub measures: usize,
    /// Of which with the worst grade, as printed.
    pub printed: usize,
    pub evidence: Prediction,
    /// `None` where no measure in the row's scope is graded by the simulation.
    pub what_if: Option<Prediction>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Prediction {
    /// The chance of the worst grade for one measure.
    pub rate: f64,
    pub expected: Expected,
    /// `ln P(printed count)`.
    pub score: f64,
}

impl Prediction {
    fn of(counts: Counts, rate: f64, printed: usize) -> Prediction {
        Prediction { rate, expected: counts.expected(), score: counts.ln_probability(printed) }
    }
}

/// Scores of the two models over some rows; `what_if` is `None` if it predicted none of them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    pub rows: usize,
    pub evidence: f64,
    pub what_if: Option<f64>,
}

impl Backtest {
    /// The total row's scores, then the policy rows' summed (module docs).
    pub fn scores(&self) -> (Option<Scores>, Option<Scores>) {
        let sum = |total: bool| {
            let rows: Vec<_> = self.rows.iter().filter(|r| r.total == total).collect();
            let what_if = rows.iter().map(|r| r.what_if.as_ref().map(|w| w.score)).sum::<Option<f64>>();
            (!rows.is_empty()).then(|| Scores { rows: rows.len(), evidence: rows.iter().map(|r| r.evidence.score).sum(), what_if })
        };
        (sum(true), sum(false))
    }
}

/// Every backtest the dataset allows: its plans' printed grade counts, each with the records in `index`
/// (every plan's, so a dataset of one plan can be checked) of the same municipality from earlier years.
/// `sim` is a simulation of `dataset`.
pub fn backtests(dataset: &Dataset, index: &PlanIndex, sim: &Simulation) -> Vec<Backtest> {
    let mut tests = vec![];
    for (plan_at, plan) in dataset.plans.iter().enumerate() {
        let Some(worst) = plan.grades.last().map(|g| g.grade.as_str()) else { continue };
        let worst_index = plan.grades.len() - 1;
        // Each graded measure's probability of the worst grade in the simulation.
        let chance: BTreeMap<usize, f64> = sim
            .rollups
            .iter()
            .filter(|r| r.plan == plan_at && r.graded > 0)
            .filter_map(|r| match r.scope {
                Scope::Measure(m) => r.grades.get(worst_index).map(|e| (m, e.mean)),
                _ => None,
            })
            .collect();
        for (at, summary) in plan.summaries.iter().enumerate() {
            let (SummaryKind::GradeCounts, Some(fy)) = (summary.kind, summary.fy) else { continue };
            let code = &plan.municipality.code;
            let pool = pool(index, |e, r| e.municipality.code == *code && r.fy < fy);
            if pool.is_empty() {
                continue;
            }
            let (a, b) = posterior(pool.iter().map(|p| &p.record));
            let rows = summary
                .rows
                .iter()
                .enumerate()
                .map(|(row_at, row)| {
                    let measures = row.total.unwrap_or_else(|| row.counts.values().sum()).max(0) as usize;
                    let printed = row.counts.get(worst).unwrap_or(0).max(0) as usize;
                    let evidence = Prediction::of(Counts::beta_binomial(measures, a, b), a / (a + b), printed);
                    let rates: Vec<f64> = measures_in_scope(plan, row.policy.as_deref()).iter().filter_map(|m| chance.get(m).copied()).collect();
                    let what_if = (!rates.is_empty()).then(|| {
                        let rate = rates.iter().sum::<f64>() / rates.len() as f64;
                        Prediction::of(Counts::binomial(measures, rate), rate, printed)
                    });
                    BacktestRow { row: row_at, total: row.policy.is_none(), measures, printed, evidence, what_if }
                })
                .collect();
            tests.push(Backtest { plan: plan_at, summary: at, pool, a, b, rows });
        }
    }
    tests
}
