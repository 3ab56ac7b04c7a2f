//! Evidence: how often the wards' own measures ended 未達成, and the forecast that record gives a plan.
//! This is *reference class forecasting*: the base rate of past outcomes of the same kind of work, with
//! its uncertainty, instead of a model of each indicator (docs/SIMULATION.md).
//!
//! # The record ([`records`])
//!
//! A plan's record in a fiscal year is how many of its measures were graded and how many got the plan's
//! worst grade, the last of `plan.grades` (未達成 in both of 板橋区's scales). It is counted from the
//! measures' graded evaluations where the plan has them for that year (ICT計画2020: 41 総合評価), else
//! from the total row (no policy) of the grade count the plan prints for that year (ICT計画2025, 令和3年度:
//! 25 施策). It cites that year's printed grade count where there is one, else the first graded evaluation.
//!
//! **The grade mapping**: every grade but the worst counts as *not 未達成*: 完了, 順調 and 概ね順調
//! (ICT計画2020), 達成+ and 達成 (ICT計画2025). 概ね順調 is not 未達成 because of the plan's own words: it is
//! 「ある程度のレベルで進捗している」, while 未達成 is 「計画どおり着手しているが、進展していない」.
//!
//! # The forecast ([`outlook`])
//!
//! The evidence is the records of the plan's own municipality, from every plan (its own earlier years
//! included); where there are none, every other municipality's, *borrowed* and said so. With `k` of `N`
//! pooled measures 未達成, the share of measures that end 未達成 has the posterior `Beta(a, b)`,
//! `a = 1 + k`, `b = 1 + N − k` (a uniform prior). The number of a plan's `n` measures that end 未達成 is
//! then beta-binomial (`n`, `a`, `b`) ([`Counts::beta_binomial`]): mean `n·a / (a + b)`, and the 80 %
//! interval from its 10th to its 90th percentile, as in the roll-ups. A plan whose record reaches its last
//! year has its outcome, which is shown rather than forecast.
//!
//! ```
//! use plan_core::sim::Counts;
//! // 2 of 66 past measures 未達成: a = 3, b = 65. Of 6 measures, 0.26 are expected to end 未達成.
//! let counts = Counts::beta_binomial(6, 3.0, 65.0);
//! assert!((counts.mean() - 6.0 * 3.0 / 68.0).abs() < 1e-12);
//! assert_eq!((counts.percentile(0.1), counts.percentile(0.9)), (0, 1));
//! ```

use super::*;
use crate::model::{PlanIndex, Record, SourceRef, SummaryKind};

/// The plan's recorded outcomes, one per fiscal year it was graded in, oldest first (module docs).
pub fn records(plan: &Plan) -> Vec<Record> {
    let Some(worst) = plan.grades.last().map(|g| g.grade.as_str()) else { return vec![] };
    let printed = |fy: FiscalYear| plan.summaries.iter().find(|s| s.kind == SummaryKind::GradeCounts && s.fy == Some(fy));
    let mut years: Vec<FiscalYear> = vec![];
    let graded = plan.measures.iter().flat_map(|m| &m.evaluations).filter(|e| e.grade.is_some());
    let summed = plan.summaries.iter().filter(|s| s.kind == SummaryKind::GradeCounts && s.rows.iter().any(|r| r.policy.is_none()));
    years.extend(graded.clone().map(|e| e.fy).chain(summed.filter_map(|s| s.fy)));
    years.sort_unstable();
    years.dedup();
    years
        .into_iter()
        .filter_map(|fy| {
            let cited = printed(fy).map(|s| s.source.clone());
            let of_year: Vec<_> = graded.clone().filter(|e| e.fy == fy).collect();
            if let Some(first) = of_year.first() {
                let not_met = of_year.iter().filter(|e| e.grade.as_deref() == Some(worst)).count();
                let source = cited.unwrap_or_else(|| first.source.clone());
                return Some(Record { fy, graded: of_year.len() as u32, not_met: not_met as u32, source });
            }
            let summary = printed(fy)?;
            let row = summary.rows.iter().find(|r| r.policy.is_none())?;
            let graded = row.total.unwrap_or_else(|| row.counts.values().sum());
            let not_met = row.counts.get(worst).unwrap_or(0);
            let source = SourceRef { file: summary.source.file.clone(), line: row.line };
            Some(Record { fy, graded: graded.max(0) as u32, not_met: not_met.max(0) as u32, source })
        })
        .collect()
}

/// A probability for each count `0..=n`.
#[derive(Debug, Clone, PartialEq)]
pub struct Counts {
    pub probability: Vec<f64>,
}

impl Counts {
    /// Beta-binomial: `P(j + 1) = P(j) · (n − j)/(j + 1) · (a + j)/(b + n − j − 1)`, computed from
    /// `P(0) ∝ 1` and then divided by the sum, so that no logarithm is needed (the resident bundle would
    /// carry its code) and no term underflows.
    pub fn beta_binomial(n: usize, a: f64, b: f64) -> Counts {
        let mut weights = vec![1.0f64];
        for j in 0..n {
            let (j, n) = (j as f64, n as f64);
            let next = weights[weights.len() - 1] * (n - j) / (j + 1.0) * (a + j) / (b + n - j - 1.0);
            weights.push(next);
            // Large plans: keep the weights within range; only their ratios matter.
            if next > 1e200 {
                weights.iter_mut().for_each(|w| *w *= 1e-200);
            }
        }
        let total: f64 = weights.iter().sum();
        Counts { probability: weights.into_iter().map(|w| w / total).collect() }
    }

    /// Binomial: `P(j) = C(n, j) pʲ (1 − p)ⁿ⁻ʲ`.
    pub fn binomial(n: usize, p: f64) -> Counts {
        let mut choose = 0.0;
        let probability = (0..=n)
            .map(|j| {
                if j > 0 {
                    choose += ((n - j + 1) as f64 / j as f64).ln();
                }
                let (yes, no) = (j as f64, (n - j) as f64);
                // 0 · ln 0 is 0 here: a certain outcome has probability 1.
                let term = |count: f64, q: f64| if count == 0.0 { 0.0 } else { count * q.ln() };
                (choose + term(yes, p) + term(no, 1.0 - p)).exp()
            })
            .collect();
        Counts { probability }
    }

    pub fn mean(&self) -> f64 {
        self.probability.iter().enumerate().map(|(j, p)| j as f64 * p).sum()
    }

    /// The smallest count whose cumulative probability reaches `q`.
    pub fn percentile(&self, q: f64) -> usize {
        let mut seen = 0.0;
        let last = self.probability.len().saturating_sub(1);
        self.probability
            .iter()
            .position(|p| {
                seen += p;
                seen >= q - 1e-12
            })
            .unwrap_or(last)
    }

    /// The natural logarithm of the probability of `count`: the score a model gets for an outcome.
    pub fn ln_probability(&self, count: usize) -> f64 {
        self.probability.get(count).map_or(f64::NEG_INFINITY, |p| p.ln())
    }

    pub fn expected(&self) -> Expected {
        Expected { mean: self.mean(), low: self.percentile(0.1), high: self.percentile(0.9) }
    }
}

/// One record and the plan it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct Past {
    pub plan: String,
    pub municipality: String,
    pub title: String,
    pub record: Record,
}

/// Whose record a forecast rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    Own,
    /// The plan's municipality has no record: other municipalities'.
    Borrowed,
}

/// What the record says about a plan.
#[derive(Debug, Clone, PartialEq)]
pub enum Outlook {
    /// The plan lists no measures.
    NoMeasures,
    /// The plan's own record reaches its last year: this is its outcome.
    Recorded(Past),
    /// No plan of any municipality has a record.
    NoEvidence,
    Forecast(Forecast),
}

/// How many of a plan's measures are expected to end 未達成.
#[derive(Debug, Clone, PartialEq)]
pub struct Forecast {
    pub measures: usize,
    pub basis: Basis,
    pub pool: Vec<Past>,
    /// `Beta(a, b)`, the share of measures that end 未達成.
    pub a: f64,
    pub b: f64,
    pub not_met: Expected,
}

impl Forecast {
    /// The pooled measures, and how many of them ended 未達成.
    pub fn evidence(&self) -> (u32, u32) {
        (self.pool.iter().map(|p| p.record.graded).sum(), self.pool.iter().map(|p| p.record.not_met).sum())
    }

    /// The chance that any one measure ends 未達成: `a / (a + b)`.
    pub fn rate(&self) -> f64 {
        self.a / (self.a + self.b)
    }
}

/// `Beta(a, b)` after `records`, from a uniform prior.
pub fn posterior<'a>(records: impl IntoIterator<Item = &'a Record>) -> (f64, f64) {
    records.into_iter().fold((1.0, 1.0), |(a, b), r| (a + r.not_met as f64, b + r.graded.saturating_sub(r.not_met) as f64))
}

/// Every record in the index, with its plan, where `keep` says so.
pub fn pool(index: &PlanIndex, keep: impl Fn(&crate::model::IndexEntry, &Record) -> bool) -> Vec<Past> {
    index
        .plans
        .iter()
        .flat_map(|e| e.record.iter().map(move |r| (e, r)))
        .filter(|(e, r)| keep(e, r))
        .map(|(e, r)| Past { plan: e.id.clone(), municipality: e.municipality.name.clone(), title: e.title.clone(), record: r.clone() })
        .collect()
}

/// What the record says about the plan `plan_id` of the index; `None` if it is not there.
pub fn outlook(index: &PlanIndex, plan_id: &str) -> Option<Outlook> {
    index.plans.iter().find(|e| e.id == plan_id).map(|entry| outlook_of(entry, index))
}

/// What the records of `index` say about the plan of `entry`, which need not be in it (the plan view
/// across plans reads only the plans that have a record, `records.json`).
pub fn outlook_of(entry: &crate::model::IndexEntry, index: &PlanIndex) -> Outlook {
    if entry.measures == 0 {
        return Outlook::NoMeasures;
    }
    if let Some(last) = entry.record.iter().rev().find(|r| r.fy >= entry.period.to) {
        let past = Past { plan: entry.id.clone(), municipality: entry.municipality.name.clone(), title: entry.title.clone(), record: last.clone() };
        return Outlook::Recorded(past);
    }
    let code = &entry.municipality.code;
    let (mut basis, mut pool) = (Basis::Own, pool(index, |e, _| e.municipality.code == *code));
    if pool.is_empty() {
        (basis, pool) = (Basis::Borrowed, self::pool(index, |e, _| e.municipality.code != *code));
    }
    if pool.is_empty() {
        return Outlook::NoEvidence;
    }
    let (a, b) = posterior(pool.iter().map(|p| &p.record));
    let not_met = Counts::beta_binomial(entry.measures, a, b).expected();
    Outlook::Forecast(Forecast { measures: entry.measures, basis, pool, a, b, not_met })
}
