//! Projects every indicator to its target years under stated assumptions, grades the projection with the
//! plan's own words, and gives the odds of reaching each target from a seeded Monte Carlo run
//! (PRODUCT.md §4.3). Everything below is plain arithmetic, so anyone can redo the numbers by hand.
//!
//! ```
//! use plan_core::sim::{Assumptions, simulate};
//! # let dataset = plan_core::Dataset { schema_version: 1, plans: vec![], themes: vec![] };
//! // The URL's pairs in, the same pairs out: the same link gives the same numbers.
//! let assumptions = Assumptions::from_pairs([("model", "pace"), ("pace", "80"), ("seed", "42")]);
//! let sim = simulate(&dataset, &assumptions);
//! assert_eq!(sim.tally(None).milestones, 0);
//! ```
//!
//! # What is simulated
//!
//! - A **numeric** indicator has at least one target with a `value`; it is projected and graded.
//! - A **milestone** has targets in words only (実施, 検討, 拡大, 策定 …); it is completed with the milestone
//!   probability the user sets, and counts as attainment 100 % when completed, 0 % when not.
//! - An indicator with **no target** is listed and not projected: there is nothing to measure it against.
//!
//! An indicator with both kinds is numeric (板橋 No 10: 検討 → 提案の募集 → 課題解決 a year, 計1件 over three):
//! its worded targets are the steps toward the numeric one, shown as printed and not simulated.
//!
//! No indicator is dropped: [`Simulation::tally`] counts each kind. Indicators on policies (台東区's 評価指標)
//! get the same results; the roll-ups count measures only.
//!
//! # What a value means ([`Quantity`])
//!
//! - **Flow** (not cumulative, any other unit: 件, 回, 枚 per year): a target covering several years
//!   (`fy_from..=fy`, 3か年事業量) is compared with the **sum** of the years' values.
//! - **Running total** (`cumulative`: 延べ, 累計): a target is compared with the total in its year `fy`.
//! - **Share** (unit `%` or `割`): the value in the year `fy`; it can never pass 100 % (10割).
//!
//! Running totals and shares are *levels*; flows are not.
//!
//! # The start
//!
//! The recorded values are the baseline and the actuals (an actual wins over a baseline of the same year).
//! The start `(y0, s)` is the latest recorded value. With none, `s = 0` in the year before the first year any
//! numeric target covers, marked as assumed ("nothing done yet"); a decreasing indicator has no such natural
//! start, so it is not projected without a recorded value. Years up to `y0` keep their recorded values; the
//! projection `X(y)` covers `y0 + 1` to the last target year, with `k = y − y0` years elapsed.
//!
//! # The models ([`Model`])
//!
//! - **Plan pace** `p`: `X(y) = s + p × max(P(y) − s, 0)` (`min` for decreasing indicators, so a value already
//!   past the plan is held, never pulled back). `P(y)`, the plan's value for year `y`: the year's own target;
//!   for a flow year without one inside a several-year target, `(that target − the range's own yearly
//!   targets) ÷ the number of such years`; otherwise linear between the nearest planned values, the start
//!   counting as one. At `p = 100 %` every target from a zero start is met exactly.
//! - **Trend** (needs two recorded values): least squares through the recorded `(year, value)` points gives
//!   slope `b`: `X(y) = s + b × k`. With three or more values, all positive, where the least-squares line
//!   through `(year, ln value)` (slope `c`) fits the values with a smaller sum of squared errors, growth is
//!   compound: `X(y) = s × (1 + g)^k` with `g = e^c − 1`.
//! - **Annual change** `r` (needs a recorded start): `X(y) = s × (1 + r)^k`.
//!
//! Every `X(y)` is then kept within `[0, cap]` (cap 100 for `%`, 10 for `割`, none otherwise).
//!
//! # Against a target `T`
//!
//! The value `V`: a level's or a one-year flow's value in the target year; a several-year flow target's sum,
//! recorded years counting with their recorded values. A target whose years up to `y0` are not all recorded
//! (a target year before the latest actual, without an actual of its own) cannot be evaluated.
//!
//! - Attainment `A = 100 × V ÷ T` (increase, maintain) or `100 × T ÷ V` (decrease): the rule the seeds'
//!   達成率 follow ([`crate::attainment_percent`]). Where that divides by zero: 100 if reached, else 0.
//! - Reached: `V ≥ T` (increase, maintain), `V ≤ T` (decrease), within a relative 10⁻⁹ for rounding.
//!
//! # Grades ([`Scale`])
//!
//! Where the plan's grades carry thresholds (`attainment_above`, `attainment_at_least`), the grade is the
//! first, best first, whose threshold `A` passes, else the last. Where they don't (板橋 ICT2020's 完了/順調/…,
//! or plans without grades), the app's own two words apply: 達成 (`A ≥ 100`) and 未達成, marked
//! [`GradeSource::App`].
//!
//! - An indicator's grade is that of its *key* target: the last by year; on a tie the several-year one,
//!   which is what 板橋's grades are about (３か年事業量).
//! - A measure's grade is the **worst** of its indicators' grades: it is only as good as its weakest
//!   indicator. A measure is graded when it has a target and every indicator with a target is graded; a
//!   measure with an indicator that cannot be projected is not graded rather than graded on part of it.
//!
//! # Uncertainty
//!
//! In each draw, an indicator's projection is off by one factor `f = max(0, 1 + σ × Z)`, `Z` standard normal,
//! `σ` the spread, the same for all its years (a ward behind in one year tends to be behind in the next):
//! a flow's values become `X̃(y) = X(y) × f`, a level's change since the start `X̃(y) = s + (X(y) − s) × f`;
//! then kept within `[0, cap]`. Recorded years don't vary. A target's probability is the share of draws in
//! which it is reached. The values, attainments and grades shown per target are those of the formula itself
//! (`σ = 0`).
//!
//! # Random numbers
//!
//! SplitMix64: `state += 0x9E3779B97F4A7C15`; `z = state`; `z = (z ^ z >> 30) × 0xBF58476D1CE4E5B9`;
//! `z = (z ^ z >> 27) × 0x94D049BB133111EB`; output `z ^ z >> 31` (wrapping). A uniform `u = (output >> 11) × 2⁻⁵³`.
//! Normals by Box–Muller in Marsaglia's polar form: `a = 2u − 1`, `b = 2u' − 1` from two uniforms, drawn again
//! until `0 < q = a² + b² < 1`; then `a × √(−2 ln q ÷ q)`, and `b × √(−2 ln q ÷ q)` as the next normal.
//! Each indicator has its own stream, started at `seed XOR FNV-1a-64("<owner id>/<indicator id>")`, so its
//! numbers don't depend on which other plans are loaded. Per draw, a numeric indicator takes one `Z` (none
//! when `σ = 0`); a milestone takes one `u` and is completed when `u < p`.
//!
//! # Roll-ups
//!
//! Per plan, policy (the policy and everything under it, measures by their primary link, as in
//! [`crate::summary`]), department and measure: the expected number of measures per grade (the mean over
//! draws) and an 80 % interval, the 10th to 90th percentile of that number over draws (nearest rank: the
//! `⌈q × draws⌉`-th smallest). For one measure, the expected count is the probability of the grade.
//!
//! # What it would take
//!
//! For an indicator whose key target has a probability below 50 % ([`AT_RISK`]) and still has projected
//! years: `per_year`, the constant amount each remaining year must bring: for a level `(T − s) ÷ k`, for a
//! flow `(T − recorded part) ÷ remaining years`; and, where `s > 0`, `rate`, the annual change `r` at which
//! the annual-change model reaches `T` exactly (bisection on `r` in −100 %…+1000 %).

use std::collections::BTreeMap;
use std::ops::{Range, RangeInclusive};

use crate::format::{fiscal_year_en, fiscal_year_ja, number};
use crate::model::{Dataset, Direction, FiscalYear, Indicator, Plan, Target};
use crate::summary::measures_in_scope;
use crate::validate::attainment_percent;

/// Stated default: the projection (a flow's values, a level's change since the start) varies with a relative
/// standard deviation of 10 %.
pub const DEFAULT_SPREAD: f64 = 0.1;
pub const DEFAULT_DRAWS: u32 = 10_000;
pub const DEFAULT_SEED: u64 = 1;
/// Stated default: a milestone is completed with probability 80 % (the app's choice; the seeds print none).
pub const DEFAULT_MILESTONE_PROBABILITY: f64 = 0.8;
/// The plan as written.
pub const DEFAULT_PACE: f64 = 1.0;
/// Below this probability of reaching its key target, an indicator is at risk.
pub const AT_RISK: f64 = 0.5;

const PACE_PERCENT: RangeInclusive<f64> = 0.0..=200.0;
const CHANGE_PERCENT: RangeInclusive<f64> = -100.0..=1000.0;
const SPREAD_PERCENT: RangeInclusive<f64> = 0.0..=100.0;
const MILESTONE_PERCENT: RangeInclusive<f64> = 0.0..=100.0;
const DRAWS: RangeInclusive<u32> = 100..=100_000;
/// Relative tolerance for "met exactly": sums such as ⅓ + ⅓ + ⅓ round in the last bit.
const ROUNDING: f64 = 1e-9;

/// How an indicator is carried forward from its start (formulas in the module docs).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Model {
    /// The plan's yearly values, reached at `pace` of the way from the start (0.8 = 80 %).
    PlanPace { pace: f64 },
    /// The recorded values continued: linear, or compound where that fits better.
    Trend,
    /// The latest recorded value changed by `rate` a year, compounding (0.05 = +5 % a year).
    AnnualChange { rate: f64 },
}

/// Everything the user sets. It lives in the URL ([`Assumptions::to_pairs`]) and, as the same pairs, in
/// saved scenarios ([`Scenario`]), so both go through one check.
#[derive(Debug, Clone, PartialEq)]
pub struct Assumptions {
    pub model: Model,
    /// Relative standard deviation of the projection: of a flow's values, of a level's change since the start (0.1 = 10 %).
    pub spread: f64,
    /// Monte Carlo draws; 100 to 100,000 from the URL.
    pub draws: u32,
    pub seed: u64,
    /// Chance that a milestone (a target in words only) is completed (0.8 = 80 %).
    pub milestone_probability: f64,
}

impl Default for Assumptions {
    fn default() -> Self {
        Assumptions {
            model: Model::PlanPace { pace: DEFAULT_PACE },
            spread: DEFAULT_SPREAD,
            draws: DEFAULT_DRAWS,
            seed: DEFAULT_SEED,
            milestone_probability: DEFAULT_MILESTONE_PROBABILITY,
        }
    }
}

impl Assumptions {
    /// Reads the URL's pairs: `model` (`pace` | `trend` | `change`), `pace` (% of the plan, 0–200), `change`
    /// (% a year, −100–1000), `spread` (%, 0–100), `draws` (100–100000), `seed` (0–2⁶⁴−1), `milestone` (%,
    /// 0–100). A malformed or out-of-range value is ignored and its default kept; other keys are not ours.
    ///
    /// ```
    /// use plan_core::sim::{Assumptions, Model};
    /// let a = Assumptions::from_pairs([("model", "change"), ("change", "-5"), ("spread", "250"), ("draws", "x")]);
    /// assert_eq!(a.model, Model::AnnualChange { rate: -0.05 });
    /// assert_eq!((a.spread, a.draws), (0.1, 10_000));
    /// ```
    pub fn from_pairs<K: AsRef<str>, V: AsRef<str>>(pairs: impl IntoIterator<Item = (K, V)>) -> Assumptions {
        let mut a = Assumptions::default();
        let (mut model, mut pace, mut change) = ("pace", DEFAULT_PACE, 0.0);
        for (key, value) in pairs {
            let value = value.as_ref().trim();
            match key.as_ref() {
                "model" => model = ["pace", "trend", "change"].into_iter().find(|m| *m == value).unwrap_or(model),
                "pace" => pace = percent(value, PACE_PERCENT).unwrap_or(pace),
                "change" => change = percent(value, CHANGE_PERCENT).unwrap_or(change),
                "spread" => a.spread = percent(value, SPREAD_PERCENT).unwrap_or(a.spread),
                "draws" => a.draws = value.parse().ok().filter(|d| DRAWS.contains(d)).unwrap_or(a.draws),
                "seed" => a.seed = value.parse().unwrap_or(a.seed),
                "milestone" => a.milestone_probability = percent(value, MILESTONE_PERCENT).unwrap_or(a.milestone_probability),
                _ => {}
            }
        }
        a.model = match model {
            "trend" => Model::Trend,
            "change" => Model::AnnualChange { rate: change },
            _ => Model::PlanPace { pace },
        };
        a
    }

    /// The pairs for the URL, every one written out so that a link keeps its numbers even if a default
    /// changes. Percentages are written to six decimals.
    ///
    /// ```
    /// use plan_core::sim::Assumptions;
    /// let pairs = Assumptions::default().to_pairs();
    /// assert_eq!(pairs[0], ("model", "pace".to_string()));
    /// assert_eq!(Assumptions::from_pairs(pairs), Assumptions::default());
    /// ```
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = match self.model {
            Model::PlanPace { pace } => vec![("model", "pace".to_string()), ("pace", percent_text(pace))],
            Model::Trend => vec![("model", "trend".to_string())],
            Model::AnnualChange { rate } => vec![("model", "change".to_string()), ("change", percent_text(rate))],
        };
        pairs.extend([
            ("spread", percent_text(self.spread)),
            ("draws", self.draws.to_string()),
            ("seed", self.seed.to_string()),
            ("milestone", percent_text(self.milestone_probability)),
        ]);
        pairs
    }
}

/// A named set of assumptions, saved as JSON; the assumptions are the URL's pairs, as strings, so that a
/// file goes through the same check as a URL. The JSON is read and written in [`json`](crate::json).
///
/// ```
/// use plan_core::sim::{Assumptions, Scenario};
/// let json = r#"{"name": "8割のペース", "assumptions": {"model": "pace", "pace": "80", "spread": "oops"}}"#;
/// let scenarios = Scenario::list_from_json(json).unwrap();
/// assert_eq!(scenarios[0].assumptions, Assumptions::from_pairs([("pace", "80")]));
/// assert_eq!(Scenario::list_from_json(&Scenario::list_to_json(&scenarios)), Some(scenarios));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    pub name: String,
    pub assumptions: Assumptions,
}

impl Scenario {
    /// A scenario file: a list of scenarios, or one scenario alone. `None` when it is neither.
    pub fn list_from_json(json: &str) -> Option<Vec<Scenario>> {
        miniserde::json::from_str(json).ok().or_else(|| miniserde::json::from_str(json).ok().map(|one| vec![one]))
    }

    pub fn list_to_json(list: &[Scenario]) -> String {
        miniserde::json::to_string(list)
    }
}

fn percent(value: &str, range: RangeInclusive<f64>) -> Option<f64> {
    value.parse::<f64>().ok().filter(|v| range.contains(v)).map(|v| v / 100.0)
}

fn percent_text(fraction: f64) -> String {
    // Six decimals undo the binary rounding of × 100 (0.07 × 100 = 7.000000000000001).
    format!("{}", (fraction * 100.0 * 1e6).round() / 1e6)
}

/// Where the grade words of a plan's results come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GradeSource {
    /// The plan's own grades, by their thresholds.
    Plan,
    /// The plan's grades have no thresholds: the app's own 達成 (attainment ≥ 100 %) and 未達成.
    App,
}

/// The grade words a plan's results use, best first.
#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    pub grades: Vec<String>,
    pub source: GradeSource,
    /// `(percent, strictly above)` for every grade but the last.
    thresholds: Vec<(f64, bool)>,
}

impl Scale {
    fn of(plan: &Plan) -> Scale {
        let rules = &plan.grades;
        if rules.iter().all(|g| g.attainment_above.is_none() && g.attainment_at_least.is_none()) {
            return Scale { grades: vec!["達成".into(), "未達成".into()], source: GradeSource::App, thresholds: vec![(100.0, false)] };
        }
        let thresholds = rules[..rules.len() - 1]
            .iter()
            // Validation requires a threshold here; an unvalidated gap never matches.
            .map(|g| g.attainment_above.map(|v| (v, true)).or(g.attainment_at_least.map(|v| (v, false))).unwrap_or((f64::INFINITY, true)))
            .collect();
        Scale { grades: rules.iter().map(|g| g.grade.clone()).collect(), source: GradeSource::Plan, thresholds }
    }

    fn grade(&self, attainment: f64) -> usize {
        let passes = |&(bar, above): &(f64, bool)| if above { !at_least(bar, attainment) } else { at_least(attainment, bar) };
        self.thresholds.iter().position(passes).unwrap_or(self.grades.len() - 1)
    }
}

/// `a ≥ b` up to rounding.
fn at_least(a: f64, b: f64) -> bool {
    a >= b - ROUNDING * b.abs().max(1.0)
}

/// What an indicator's value means over years (module docs).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Quantity {
    /// A value for each year; a target over several years is their sum.
    Flow,
    /// 延べ, 累計: a target is the total in its year.
    RunningTotal,
    /// `%` or `割` of a whole, never above `cap`.
    Share { cap: f64 },
}

impl Quantity {
    /// ```
    /// # let indicator: plan_core::Indicator = serde_json::from_str(r#"{"id": "i1", "name": "交付率", "unit": "%",
    /// #   "direction": "increase", "cumulative": false, "targets": [], "actuals": [], "source": {"file": "s", "line": 1}}"#).unwrap();
    /// use plan_core::sim::Quantity;
    /// assert_eq!(Quantity::of(&indicator), Quantity::Share { cap: 100.0 });
    /// ```
    pub fn of(indicator: &Indicator) -> Quantity {
        if indicator.cumulative {
            return Quantity::RunningTotal;
        }
        match indicator.unit.as_deref().map(str::trim) {
            Some("%" | "％") => Quantity::Share { cap: 100.0 },
            Some("割") => Quantity::Share { cap: 10.0 },
            _ => Quantity::Flow,
        }
    }

    fn is_level(self) -> bool {
        self != Quantity::Flow
    }

    fn cap(self) -> f64 {
        match self {
            Quantity::Share { cap } => cap,
            _ => f64::INFINITY,
        }
    }
}

/// Where a projection starts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Start {
    pub fy: FiscalYear,
    pub value: f64,
    pub source: StartSource,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartSource {
    Actual,
    Baseline,
    /// Nothing recorded: 0 in the year before the first target year.
    Assumed,
}

/// The projection written out with its inputs, one line each: the formula, the start, the range kept to,
/// and the uncertainty.
#[derive(Debug, Clone, PartialEq)]
pub struct Formula {
    pub ja: String,
    pub en: String,
}

/// Why a numeric indicator is not projected under the chosen model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// A trend needs two recorded values (baseline or actuals); the indicator has `points`.
    TooFewPoints { points: usize },
    /// The model needs a recorded value to start from (an annual change, or any decreasing indicator).
    NoStartValue,
}

/// The result for one indicator of the dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorSim {
    /// Index into `dataset.plans`.
    pub plan: usize,
    /// The measure or policy id.
    pub owner: String,
    /// The indicator id, local to its owner.
    pub indicator: String,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Projected(Projection),
    NotProjected(Why),
    /// Targets in words only; completed with `Assumptions::milestone_probability`. The grades (indexes
    /// into the plan's [`Scale`]) are those of 100 % and 0 % attainment.
    Milestone { done: usize, not_done: usize },
    /// Nothing to measure against.
    NoTarget,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Projection {
    pub quantity: Quantity,
    pub start: Start,
    pub formula: Formula,
    /// `X(y)` for every year after the start up to the last target year.
    pub projected: Vec<(FiscalYear, f64)>,
    /// One per numeric target, in the indicator's order.
    pub targets: Vec<TargetSim>,
    /// Index into `targets` of the key target, whose grade is the indicator's.
    pub key: usize,
    /// Set when the key target is at risk and years remain.
    pub needed: Option<Needed>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TargetSim {
    /// Index into the indicator's `targets`.
    pub target: usize,
    /// `None`: a target year before the latest recorded value, without a value of its own.
    pub result: Option<Attained>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Attained {
    /// `V`: the projected (or recorded) value compared with the target.
    pub value: f64,
    /// In percent.
    pub attainment: f64,
    /// Index into the plan's [`Scale`].
    pub grade: usize,
    /// Share of draws that reach the target.
    pub probability: f64,
}

/// What it would take to reach the key target (module docs).
#[derive(Debug, Clone, PartialEq)]
pub struct Needed {
    /// The amount each remaining year must bring: a level's increase, a flow's value.
    pub per_year: f64,
    /// The annual change (0.05 = +5 %) at which the annual-change model reaches the target; needs `s > 0`.
    pub rate: Option<f64>,
}

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

#[derive(Debug, Clone, PartialEq)]
pub struct Simulation {
    pub assumptions: Assumptions,
    /// Per plan of the dataset, in order.
    pub scales: Vec<Scale>,
    /// Every indicator of every plan: policies' first, then measures', in document order.
    pub indicators: Vec<IndicatorSim>,
    /// Per plan: the plan, each policy, each department, each measure.
    pub rollups: Vec<Rollup>,
}

/// How many indicators got which outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub projected: usize,
    pub not_projected: usize,
    pub milestones: usize,
    pub no_target: usize,
}

impl Simulation {
    /// Counts of the outcomes, for one plan (index into `dataset.plans`) or all: the screen says how many
    /// indicators are qualitative.
    pub fn tally(&self, plan: Option<usize>) -> Tally {
        let mut tally = Tally::default();
        for sim in self.indicators.iter().filter(|i| plan.is_none_or(|p| p == i.plan)) {
            match sim.outcome {
                Outcome::Projected(_) => tally.projected += 1,
                Outcome::NotProjected(_) => tally.not_projected += 1,
                Outcome::Milestone { .. } => tally.milestones += 1,
                Outcome::NoTarget => tally.no_target += 1,
            }
        }
        tally
    }
}

/// Runs the model over every indicator of the dataset and rolls the grades up.
///
/// ```
/// use plan_core::sim::{Assumptions, Outcome, simulate};
/// let json = r#"{"schema_version": 1, "plans": [{"id": "p", "municipality": {"name": "板橋区", "code": "131199"},
///   "title": "計画", "period": {"from": 2021, "to": 2023}, "status": "策定", "source": "s.txt", "source_line": 1,
///   "policies": [], "measures": [{"id": "p.m1", "code": "01", "name": "研修", "summary": null, "departments": ["IT推進課"],
///   "policies": [], "schedule": [], "evaluations": [], "is_new": false, "source": {"file": "s.txt", "line": 2},
///   "indicators": [{"id": "i1", "name": "研修", "unit": "回", "direction": "increase", "cumulative": false,
///     "targets": [{"fy": 2023, "fy_from": 2021, "value": 3, "line": 3}], "actuals": [], "source": {"file": "s.txt", "line": 3}}]}]}]}"#;
/// let dataset = plan_core::load_dataset(json).unwrap();
/// let sim = simulate(&dataset, &Assumptions::from_pairs([("pace", "80"), ("spread", "0")]));
/// let Outcome::Projected(p) = &sim.indicators[0].outcome else { unreachable!() };
/// // 0.8 a year from an assumed 0, over three years: 2.4 of 3.
/// let result = p.targets[p.key].result.as_ref().unwrap();
/// assert!((result.attainment - 80.0).abs() < 1e-9);
/// assert_eq!(sim.scales[0].grades[result.grade], "未達成");
/// assert_eq!(p.needed.as_ref().unwrap().per_year, 1.0);
/// ```
pub fn simulate(dataset: &Dataset, assumptions: &Assumptions) -> Simulation {
    let draws = assumptions.draws.max(1) as usize;
    let mut sim = Simulation { assumptions: assumptions.clone(), scales: vec![], indicators: vec![], rollups: vec![] };
    for (plan_at, plan) in dataset.plans.iter().enumerate() {
        let scale = Scale::of(plan);
        let owners = plan
            .policies
            .iter()
            .map(|p| (&p.id, &p.indicators, None))
            .chain(plan.measures.iter().enumerate().map(|(m, x)| (&x.id, &x.indicators, Some(m))));
        let prepared: Vec<_> =
            owners.flat_map(|(owner, list, m)| list.iter().map(move |i| (owner, i, m, prepare(i, assumptions)))).collect();

        let n = plan.measures.len();
        // (has a target, every indicator with a target is graded), per measure.
        let mut gradable = vec![(false, true); n];
        for (_, _, m, prep) in &prepared {
            if let (Some(m), Some(graded)) = (m, prep.graded()) {
                gradable[*m] = (true, gradable[*m].1 && graded);
            }
        }
        // Each measure's grade in each draw, draw-major (measured faster than measure-major for the roll-up):
        // the worst so far, starting from the best. Plans have a handful of grades.
        let mut grades: Vec<Option<u8>> =
            gradable.iter().map(|&(target, all)| (target && all).then_some(0)).collect::<Vec<_>>().repeat(draws);

        for (owner, indicator, measure, prep) in prepared {
            let mut rng = SplitMix64::new(assumptions.seed ^ fnv1a(&format!("{owner}/{}", indicator.id)));
            let mut sink = |draw: usize, grade: usize| {
                if let Some(Some(slot)) = measure.map(|m| &mut grades[draw * n + m]) {
                    *slot = (*slot).max(grade as u8);
                }
            };
            let outcome = match prep {
                Prep::Numeric(numeric) => Outcome::Projected(numeric.run(&scale, draws, assumptions.spread, &mut rng, &mut sink)),
                Prep::NotProjected(why) => Outcome::NotProjected(why),
                Prep::NoTarget => Outcome::NoTarget,
                Prep::Milestone => {
                    let (done, not_done) = (scale.grade(100.0), scale.grade(0.0));
                    for draw in 0..draws {
                        sink(draw, if rng.uniform() < assumptions.milestone_probability { done } else { not_done });
                    }
                    Outcome::Milestone { done, not_done }
                }
            };
            sim.indicators.push(IndicatorSim { plan: plan_at, owner: owner.clone(), indicator: indicator.id.clone(), outcome });
        }
        sim.rollups.extend(roll_up(plan_at, plan, scale.grades.len(), draws, |d, m| grades[d * n + m].map(usize::from)));
        sim.scales.push(scale);
    }
    sim
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
    let n = plan.measures.len();
    let mut departments: Vec<&str> = vec![];
    for department in plan.measures.iter().flat_map(|m| &m.departments) {
        if !departments.contains(&department.as_str()) {
            departments.push(department);
        }
    }
    let in_department = |d: &str| (0..n).filter(|&m| plan.measures[m].departments.iter().any(|x| x == d)).collect();
    let scopes = std::iter::once((Scope::Plan, (0..n).collect::<Vec<_>>()))
        .chain(plan.policies.iter().enumerate().map(|(i, p)| (Scope::Policy(i), measures_in_scope(plan, Some(&p.id)))))
        .chain(departments.iter().map(|&d| (Scope::Department(d.to_string()), in_department(d))))
        .chain((0..n).map(|m| (Scope::Measure(m), vec![m])));
    scopes
        .map(|(scope, measures)| {
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
        })
        .collect()
}

impl Expected {
    fn of(histogram: &[usize], draws: usize) -> Expected {
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

enum Prep {
    Numeric(Numeric),
    NotProjected(Why),
    Milestone,
    NoTarget,
}

impl Prep {
    /// Whether the indicator gets a grade in every draw; `None` when it has no target at all.
    fn graded(&self) -> Option<bool> {
        match self {
            Prep::Numeric(n) => Some(n.targets[n.key].1.is_some()),
            Prep::NotProjected(_) => Some(false),
            Prep::Milestone => Some(true),
            Prep::NoTarget => None,
        }
    }
}

/// A numeric indicator made ready for the draws.
struct Numeric {
    direction: Direction,
    quantity: Quantity,
    start: Start,
    /// `X(y)` for `start.fy + 1 + i`.
    path: Vec<f64>,
    /// (index into the indicator's targets, how to evaluate it).
    targets: Vec<(usize, Option<Eval>)>,
    key: usize,
    formula: Formula,
}

/// `V = known + Σ path[years]`.
struct Eval {
    goal: f64,
    known: f64,
    years: Range<usize>,
}

impl Eval {
    fn value(&self, path: &[f64]) -> f64 {
        self.known + path[self.years.clone()].iter().sum::<f64>()
    }
}

/// The deterministic rule behind `X(y)`.
#[derive(Clone, Copy)]
enum Rule {
    Pace(f64),
    Linear { slope: f64, points: usize },
    Compound { rate: f64, points: usize },
    Change(f64),
}

fn prepare(indicator: &Indicator, assumptions: &Assumptions) -> Prep {
    let numeric: Vec<(usize, &Target, f64)> =
        indicator.targets.iter().enumerate().filter_map(|(i, t)| Some((i, t, t.value?))).collect();
    if numeric.is_empty() {
        return if indicator.targets.is_empty() { Prep::NoTarget } else { Prep::Milestone };
    }
    let quantity = Quantity::of(indicator);
    let direction = indicator.direction;
    let mut recorded: BTreeMap<FiscalYear, f64> = indicator.baseline.iter().map(|b| (b.fy, b.value)).collect();
    recorded.extend(indicator.actuals.iter().map(|a| (a.fy, a.value)));
    let first = numeric.iter().map(|(_, t, _)| t.fy_from.unwrap_or(t.fy)).min().unwrap_or_default();
    let start = match recorded.last_key_value() {
        Some((&fy, &value)) => {
            let source = if indicator.actuals.iter().any(|a| a.fy == fy) { StartSource::Actual } else { StartSource::Baseline };
            Start { fy, value, source }
        }
        None if direction == Direction::Decrease => return Prep::NotProjected(Why::NoStartValue),
        None => Start { fy: first - 1, value: 0.0, source: StartSource::Assumed },
    };
    let rule = match assumptions.model {
        Model::PlanPace { pace } => Rule::Pace(pace),
        Model::Trend => match trend(&recorded) {
            Some(rule) => rule,
            None => return Prep::NotProjected(Why::TooFewPoints { points: recorded.len() }),
        },
        Model::AnnualChange { .. } if start.source == StartSource::Assumed => return Prep::NotProjected(Why::NoStartValue),
        Model::AnnualChange { rate } => Rule::Change(rate),
    };
    let last = numeric.iter().map(|(_, t, _)| t.fy).max().unwrap_or_default();
    let years: Vec<FiscalYear> = (start.fy + 1..=last).collect();
    let planned = match rule {
        Rule::Pace(_) => plan_path(indicator, quantity, start, &years),
        _ => vec![],
    };
    let (s, cap) = (start.value, quantity.cap());
    let path = (1..=years.len() as i32)
        .map(|k| {
            let x = match rule {
                Rule::Pace(pace) => {
                    let gap = planned[k as usize - 1] - s;
                    s + pace * if direction == Direction::Decrease { gap.min(0.0) } else { gap.max(0.0) }
                }
                Rule::Linear { slope, .. } => s + slope * k as f64,
                Rule::Compound { rate, .. } | Rule::Change(rate) => grow(s, rate, k),
            };
            x.clamp(0.0, cap)
        })
        .collect();

    let targets = numeric.iter().map(|&(i, t, goal)| (i, evaluation(t, goal, quantity, start.fy, &recorded))).collect();
    let key = (0..numeric.len()).max_by_key(|&j| (numeric[j].1.fy, numeric[j].1.fy_from.is_some())).unwrap_or(0);
    let formula = formula(rule, start, quantity, direction, assumptions.spread);
    Prep::Numeric(Numeric { direction, quantity, start, path, targets, key, formula })
}

/// How `V` is found for a target: the recorded part up to `y0`, and the projected years after it.
fn evaluation(target: &Target, goal: f64, quantity: Quantity, y0: FiscalYear, recorded: &BTreeMap<FiscalYear, f64>) -> Option<Eval> {
    let from = if quantity.is_level() { target.fy } else { target.fy_from.unwrap_or(target.fy) };
    let mut known = 0.0;
    for fy in from..=target.fy.min(y0) {
        known += recorded.get(&fy)?;
    }
    let index = |fy: FiscalYear| (fy - y0 - 1) as usize;
    let years = if target.fy > y0 { index(from.max(y0 + 1))..index(target.fy) + 1 } else { 0..0 };
    Some(Eval { goal, known, years })
}

fn grow(start: f64, rate: f64, years: i32) -> f64 {
    start * (1.0 + rate).powi(years)
}

/// `P(y)` for each year: the year's target, a several-year flow target's remainder shared out, or linear
/// between the nearest planned values (the start counting as one).
fn plan_path(indicator: &Indicator, quantity: Quantity, start: Start, years: &[FiscalYear]) -> Vec<f64> {
    let mut planned: BTreeMap<FiscalYear, f64> =
        indicator.targets.iter().filter(|t| t.fy_from.is_none()).filter_map(|t| Some((t.fy, t.value?))).collect();
    for t in indicator.targets.iter().filter(|t| t.fy_from.is_some()) {
        let (Some(from), Some(total)) = (t.fy_from, t.value) else { continue };
        if quantity.is_level() {
            planned.entry(t.fy).or_insert(total);
        } else {
            let open: Vec<FiscalYear> = (from..=t.fy).filter(|y| !planned.contains_key(y)).collect();
            let set: f64 = (from..=t.fy).filter_map(|y| planned.get(&y)).sum();
            for &y in &open {
                planned.insert(y, (total - set) / open.len() as f64);
            }
        }
    }
    planned.entry(start.fy).or_insert(start.value);
    years
        .iter()
        .map(|&y| match (planned.range(..=y).next_back(), planned.range(y..).next()) {
            (Some((&a, &va)), Some((&b, &vb))) if a != b => va + (vb - va) * f64::from(y - a) / f64::from(b - a),
            (Some((_, &v)), _) | (None, Some((_, &v))) => v,
            (None, None) => start.value,
        })
        .collect()
}

/// The trend through the recorded values, or `None` with fewer than two.
fn trend(recorded: &BTreeMap<FiscalYear, f64>) -> Option<Rule> {
    let points: Vec<(f64, f64)> = recorded.iter().map(|(&x, &y)| (f64::from(x), y)).collect();
    if points.len() < 2 {
        return None;
    }
    let line = least_squares(&points);
    let sse = |f: &dyn Fn(f64) -> f64| points.iter().map(|&(x, y)| (y - f(x)).powi(2)).sum::<f64>();
    let linear_sse = sse(&|x| line.at(x));
    if points.len() >= 3 && points.iter().all(|&(_, y)| y > 0.0) {
        let logs = least_squares(&points.iter().map(|&(x, y)| (x, y.ln())).collect::<Vec<_>>());
        if sse(&|x| logs.at(x).exp()) < linear_sse {
            return Some(Rule::Compound { rate: logs.slope.exp() - 1.0, points: points.len() });
        }
    }
    Some(Rule::Linear { slope: line.slope, points: points.len() })
}

/// A line through the means, `y = mean_y + slope × (x − mean_x)`, so that years near 2000 lose no precision.
struct Line {
    mean_x: f64,
    mean_y: f64,
    slope: f64,
}

impl Line {
    fn at(&self, x: f64) -> f64 {
        self.mean_y + self.slope * (x - self.mean_x)
    }
}

fn least_squares(points: &[(f64, f64)]) -> Line {
    let n = points.len() as f64;
    let mean_x = points.iter().map(|p| p.0).sum::<f64>() / n;
    let mean_y = points.iter().map(|p| p.1).sum::<f64>() / n;
    let sxy: f64 = points.iter().map(|&(x, y)| (x - mean_x) * (y - mean_y)).sum();
    let sxx: f64 = points.iter().map(|&(x, _)| (x - mean_x).powi(2)).sum();
    Line { mean_x, mean_y, slope: sxy / sxx }
}

impl Numeric {
    fn run(self, scale: &Scale, draws: usize, spread: f64, rng: &mut SplitMix64, sink: &mut impl FnMut(usize, usize)) -> Projection {
        let mut reached = vec![0usize; self.targets.len()];
        let mut path = vec![0.0; self.path.len()];
        for draw in 0..draws {
            self.draw(&mut path, spread, rng);
            for (count, (_, eval)) in reached.iter_mut().zip(&self.targets) {
                if eval.as_ref().is_some_and(|e| is_reached(self.direction, e.value(&path), e.goal)) {
                    *count += 1;
                }
            }
            if let Some(e) = &self.targets[self.key].1 {
                sink(draw, scale.grade(attainment(self.direction, e.value(&path), e.goal)));
            }
        }
        let targets: Vec<TargetSim> = self
            .targets
            .iter()
            .zip(&reached)
            .map(|((target, eval), &count)| TargetSim {
                target: *target,
                result: eval.as_ref().map(|e| {
                    let value = e.value(&self.path);
                    let attainment = attainment(self.direction, value, e.goal);
                    Attained { value, attainment, grade: scale.grade(attainment), probability: count as f64 / draws as f64 }
                }),
            })
            .collect();
        let needed = targets[self.key].result.as_ref().and_then(|r| self.needed(r.probability));
        let projected = (self.start.fy + 1..).zip(self.path.iter().copied()).collect();
        Projection { quantity: self.quantity, start: self.start, formula: self.formula, projected, targets, key: self.key, needed }
    }

    /// One draw of the path (module docs, Uncertainty).
    fn draw(&self, out: &mut [f64], spread: f64, rng: &mut SplitMix64) {
        let f = if spread > 0.0 { (1.0 + spread * rng.normal()).max(0.0) } else { 1.0 };
        let s = self.start.value;
        for (o, &x) in out.iter_mut().zip(&self.path) {
            let value = if self.quantity.is_level() { s + (x - s) * f } else { x * f };
            *o = value.clamp(0.0, self.quantity.cap());
        }
    }

    fn needed(&self, probability: f64) -> Option<Needed> {
        let e = self.targets[self.key].1.as_ref()?;
        if probability >= AT_RISK || e.years.is_empty() {
            return None;
        }
        let s = self.start.value;
        let per_year = if self.quantity.is_level() {
            (e.goal - s) / e.years.end as f64
        } else {
            (e.goal - e.known) / e.years.len() as f64
        };
        let value = |r: f64| e.known + e.years.clone().map(|i| grow(s, r, i as i32 + 1).clamp(0.0, self.quantity.cap())).sum::<f64>();
        let (mut low, mut high) = (CHANGE_PERCENT.start() / 100.0, CHANGE_PERCENT.end() / 100.0);
        let rate = (s > 0.0 && value(low) <= e.goal && e.goal <= value(high)).then(|| {
            for _ in 0..100 {
                let mid = (low + high) / 2.0;
                if value(mid) < e.goal { low = mid } else { high = mid }
            }
            // The side of the root on which the target counts as reached.
            if self.direction == Direction::Decrease { low } else { high }
        });
        Some(Needed { per_year, rate })
    }
}

fn is_reached(direction: Direction, value: f64, goal: f64) -> bool {
    match direction {
        Direction::Increase | Direction::Maintain => at_least(value, goal),
        Direction::Decrease => at_least(goal, value),
    }
}

fn attainment(direction: Direction, value: f64, goal: f64) -> f64 {
    attainment_percent(direction, value, goal).unwrap_or(if is_reached(direction, value, goal) { 100.0 } else { 0.0 })
}

fn formula(rule: Rule, start: Start, quantity: Quantity, direction: Direction, spread: f64) -> Formula {
    let s = number(start.value);
    let (y0, gap) = (start.fy, if direction == Direction::Decrease { "min" } else { "max" });
    let (model_ja, model_en) = match rule {
        Rule::Pace(p) => (
            format!("予測値 = 起点値 + ペース × {gap}(計画値 − 起点値, 0) = {s} + {}% × {gap}(計画値 − {s}, 0)（計画値はその年度の目標値。目標のない年度は補う）", number(p * 100.0)),
            format!("projection = start + pace × {gap}(planned − start, 0) = {s} + {}% × {gap}(planned − {s}, 0) (planned: the year's target; years without one are filled in)", number(p * 100.0)),
        ),
        Rule::Linear { slope, points } => (
            format!("予測値 = 起点値 + 傾き × 経過年数 = {s} {} × (年度 − {y0})（傾きは記録値{points}点の最小二乗直線から）", signed(slope)),
            format!("projection = start + slope × years elapsed = {s} {} × (year − {y0}) (slope: least-squares line through {points} recorded values)", signed(slope)),
        ),
        Rule::Compound { rate, points } => (
            format!("予測値 = 起点値 × (1 + 伸び率)^経過年数 = {s} × (1 {}%)^(年度 − {y0})（伸び率は記録値{points}点の対数の最小二乗直線から）", signed(rate * 100.0)),
            format!("projection = start × (1 + growth)^years elapsed = {s} × (1 {}%)^(year − {y0}) (growth: least-squares line through the logarithms of {points} recorded values)", signed(rate * 100.0)),
        ),
        Rule::Change(rate) => (
            format!("予測値 = 起点値 × (1 + 年変化率)^経過年数 = {s} × (1 {}%)^(年度 − {y0})", signed(rate * 100.0)),
            format!("projection = start × (1 + annual change)^years elapsed = {s} × (1 {}%)^(year − {y0})", signed(rate * 100.0)),
        ),
    };
    let (start_ja, start_en) = match start.source {
        StartSource::Actual => (format!("起点値 = {s}（{}の実績）", fiscal_year_ja(y0)), format!("start = {s} ({} actual)", fiscal_year_en(y0))),
        StartSource::Baseline => (format!("起点値 = {s}（{}の基準値）", fiscal_year_ja(y0)), format!("start = {s} ({} baseline)", fiscal_year_en(y0))),
        StartSource::Assumed => (
            format!("起点値 = 0（実績・基準値がないため、{}に0と仮定）", fiscal_year_ja(y0)),
            format!("start = 0 (no actual or baseline: 0 assumed in {})", fiscal_year_en(y0)),
        ),
    };
    let (range_ja, range_en) = match quantity {
        Quantity::Share { cap } => (format!("予測値は0以上{}以下", number(cap)), format!("kept between 0 and {}", number(cap))),
        _ => ("予測値は0以上".to_string(), "kept at 0 or above".to_string()),
    };
    let (amount_ja, amount_en) =
        if quantity.is_level() { ("起点値からの変化", "the change since the start") } else { ("各年度の値", "each year's value") };
    let spread = number(spread * 100.0);
    Formula {
        ja: format!("{model_ja}\n{start_ja}\n{range_ja}\n不確実性: {amount_ja} × max(0, 1 + ばらつき × Z)、ばらつき = {spread}%、Z は標準正規乱数（試行ごとに1つ、全年度共通）"),
        en: format!("{model_en}\n{start_en}\n{range_en}\nuncertainty: {amount_en} × max(0, 1 + spread × Z), spread = {spread}%, Z standard normal (one per draw, for all years)"),
    }
}

/// `+ 2` or `− 2`, for writing a sum out.
fn signed(value: f64) -> String {
    if value < 0.0 { format!("− {}", number(-value)) } else { format!("+ {}", number(value)) }
}

/// FNV-1a, 64 bits: a stable hash, unlike std's, so a seed means the same numbers in every build.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3))
}

/// SplitMix64 (Steele, Lea & Flood, 2014) with a Box–Muller normal sampler: small, fast, and fully specified
/// in the module docs, so the numbers can be reproduced anywhere.
struct SplitMix64 {
    state: u64,
    spare: Option<f64>,
}

impl SplitMix64 {
    fn new(seed: u64) -> SplitMix64 {
        SplitMix64 { state: seed, spare: None }
    }

    fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Box–Muller in Marsaglia's polar form: the same normals without sine and cosine, which dominated the
    /// run time (and are slower still in wasm).
    fn normal(&mut self) -> f64 {
        if let Some(z) = self.spare.take() {
            return z;
        }
        loop {
            let (u, v) = (2.0 * self.uniform() - 1.0, 2.0 * self.uniform() - 1.0);
            let s = u * u + v * v;
            if s > 0.0 && s < 1.0 {
                let factor = (-2.0 * s.ln() / s).sqrt();
                self.spare = Some(v * factor);
                return u * factor;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actual, Baseline, GradeRule, SourceRef};
    use proptest::prelude::*;

    fn at() -> SourceRef {
        SourceRef { file: "s.txt".into(), line: 1 }
    }

    // Fixtures go through JSON, so that fields other work adds to the model (with defaults) don't break them.
    fn indicator(direction: Direction, unit: &str, cumulative: bool, targets: Vec<Target>) -> Indicator {
        let json = serde_json::json!({"id": "i1", "name": "指標", "unit": unit, "direction": direction, "cumulative": cumulative,
            "targets": targets, "actuals": [], "source": at()});
        serde_json::from_value(json).unwrap()
    }

    fn target(fy: FiscalYear, value: f64) -> Target {
        serde_json::from_value(serde_json::json!({"fy": fy, "value": value, "line": 1})).unwrap()
    }

    fn span(from: FiscalYear, fy: FiscalYear, value: f64) -> Target {
        Target { fy_from: Some(from), ..target(fy, value) }
    }

    fn words(fy: FiscalYear, text: &str) -> Target {
        serde_json::from_value(serde_json::json!({"fy": fy, "text": text, "line": 1})).unwrap()
    }

    fn actual(fy: FiscalYear, value: f64) -> Actual {
        serde_json::from_value(serde_json::json!({"fy": fy, "value": value, "line": 1})).unwrap()
    }

    fn baseline(fy: FiscalYear, value: f64) -> Option<Baseline> {
        serde_json::from_value(serde_json::json!({"fy": fy, "value": value, "line": 1})).unwrap()
    }

    fn rule(grade: &str, attainment_above: Option<f64>, attainment_at_least: Option<f64>) -> GradeRule {
        let json = serde_json::json!({"grade": grade, "meaning": "", "source": at(),
            "attainment_above": attainment_above, "attainment_at_least": attainment_at_least});
        serde_json::from_value(json).unwrap()
    }

    /// 板橋 ICT2025's grades with this app's thresholds.
    fn itabashi() -> Vec<GradeRule> {
        vec![rule("達成+", Some(100.0), None), rule("達成", None, Some(80.0)), rule("未達成", None, None)]
    }

    /// One plan with one policy; one measure per list of indicators, in the department 課<n>.
    fn dataset(grades: Vec<GradeRule>, measures: Vec<Vec<Indicator>>) -> Dataset {
        let measures: Vec<_> = measures
            .into_iter()
            .enumerate()
            .map(|(n, indicators)| {
                serde_json::json!({"id": format!("p.m{n}"), "code": n.to_string(), "name": "施策", "summary": null,
                    "departments": [format!("課{n}")], "policies": [{"policy": "p.a", "role": "primary"}], "schedule": [],
                    "indicators": indicators, "evaluations": [], "is_new": false, "source": at()})
            })
            .collect();
        let json = serde_json::json!({"schema_version": 1, "plans": [{"id": "p", "municipality": {"name": "板橋区", "code": "131199"},
            "title": "計画", "period": {"from": 2016, "to": 2030}, "status": "策定", "source": "s.txt", "source_line": 1,
            "grades": grades, "measures": measures,
            "policies": [{"id": "p.a", "code": "Ⅰ", "name": "方針", "kind": "基本方針", "parent": null, "source": at()}]}]});
        serde_json::from_value(json).unwrap()
    }

    fn one(indicator: Indicator) -> Dataset {
        dataset(itabashi(), vec![vec![indicator]])
    }

    fn assumptions(model: Model, spread: f64) -> Assumptions {
        Assumptions { model, spread, draws: 1000, ..Assumptions::default() }
    }

    fn pace(pace: f64) -> Model {
        Model::PlanPace { pace }
    }

    fn projection(sim: &Simulation, at: usize) -> &Projection {
        match &sim.indicators[at].outcome {
            Outcome::Projected(p) => p,
            other => panic!("not projected: {other:?}"),
        }
    }

    fn key(sim: &Simulation) -> Attained {
        let p = projection(sim, 0);
        p.targets[p.key].result.clone().expect("the key target is evaluated")
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * b.abs().max(1.0)
    }

    #[test]
    fn splitmix64_matches_its_reference_output() {
        let mut rng = SplitMix64::new(0);
        assert_eq!([rng.next_u64(), rng.next_u64(), rng.next_u64()], [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F]);
    }

    #[test]
    fn normal_draws_have_mean_zero_and_variance_one() {
        let mut rng = SplitMix64::new(7);
        let draws: Vec<f64> = (0..200_000).map(|_| rng.normal()).collect();
        let mean = draws.iter().sum::<f64>() / draws.len() as f64;
        let variance = draws.iter().map(|z| (z - mean).powi(2)).sum::<f64>() / draws.len() as f64;
        assert!(mean.abs() < 0.01 && (variance - 1.0).abs() < 0.01, "mean {mean}, variance {variance}");
        let below = draws.iter().filter(|&&z| z < -1.2816).count() as f64 / draws.len() as f64;
        assert!((below - 0.1).abs() < 0.005, "P(Z < −1.2816) should be 10 %, is {below}");
    }

    #[test]
    fn malformed_url_values_keep_the_defaults() {
        let a = Assumptions::from_pairs([
            ("model", "magic"),
            ("pace", "abc"),
            ("spread", "-1"),
            ("spread", "NaN"),
            ("draws", "99"),
            ("draws", "100001"),
            ("seed", "-3"),
            ("seed", "18446744073709551616"),
            ("milestone", "101"),
            ("plan", "itabashi-ict2025"),
        ]);
        assert_eq!(a, Assumptions::default());
        let b = Assumptions::from_pairs([("model", "pace"), ("pace", "250"), ("pace", "80"), ("draws", "100000"), ("seed", "18446744073709551615")]);
        assert_eq!(b.model, pace(0.8));
        assert_eq!((b.draws, b.seed), (100_000, u64::MAX));
        assert_eq!(Assumptions::from_pairs([("model", "trend"), ("pace", "50")]).model, Model::Trend);
    }

    #[test]
    fn scenarios_save_as_json_and_load_back() {
        let scenario = Scenario { name: "悲観".into(), assumptions: Assumptions::from_pairs([("model", "change"), ("change", "-2.5"), ("seed", "9")]) };
        let json = Scenario::list_to_json(std::slice::from_ref(&scenario));
        assert!(json.contains(r#""change":"-2.5""#), "{json}");
        assert_eq!(Scenario::list_from_json(&json), Some(vec![scenario]));
        assert_eq!(Scenario::list_from_json(r#"{"name": "x", "assumptions": {"pace": 80}}"#), None, "values are strings, as in a URL");
    }

    proptest! {
        #[test]
        fn url_pairs_round_trip(
            model in 0..3usize,
            pace in 0..=20_000u32,
            change in -10_000..=100_000i32,
            spread in 0..=10_000u32,
            draws in 100..=100_000u32,
            seed in any::<u64>(),
            milestone in 0..=10_000u32,
        ) {
            // Percentages with two decimals, as a person would type them.
            let text = |hundredths: f64| format!("{}", hundredths / 100.0);
            let pairs = [
                ("model", ["pace", "trend", "change"][model].to_string()),
                ("pace", text(f64::from(pace))),
                ("change", text(f64::from(change))),
                ("spread", text(f64::from(spread))),
                ("draws", draws.to_string()),
                ("seed", seed.to_string()),
                ("milestone", text(f64::from(milestone))),
            ];
            let a = Assumptions::from_pairs(pairs);
            prop_assert_eq!(Assumptions::from_pairs(a.to_pairs()), a);
        }

        #[test]
        fn any_url_text_gives_assumptions_without_panic(pairs in proptest::collection::vec((".{0,8}", ".{0,24}"), 0..8)) {
            let a = Assumptions::from_pairs(pairs);
            prop_assert!(DRAWS.contains(&a.draws));
        }
    }

    #[test]
    fn grades_follow_the_plans_thresholds() {
        let scale = Scale::of(&one(indicator(Direction::Increase, "件", false, vec![])).plans[0]);
        assert_eq!(scale.source, GradeSource::Plan);
        let named = |a: f64| scale.grades[scale.grade(a)].as_str();
        // 「上回る」: exactly on plan is 達成, not 達成+.
        assert_eq!([named(100.0), named(100.01), named(80.0), named(79.99), named(0.0)], ["達成", "達成+", "達成", "未達成", "未達成"]);
        let plain = Scale::of(&dataset(vec![rule("完了", None, None), rule("順調", None, None)], vec![]).plans[0]);
        assert_eq!((plain.source, plain.grades.clone()), (GradeSource::App, vec!["達成".to_string(), "未達成".to_string()]));
        assert_eq!([plain.grade(100.0), plain.grade(99.9)], [0, 1]);
        assert_eq!(Scale::of(&dataset(vec![], vec![]).plans[0]).source, GradeSource::App);
    }

    #[test]
    fn several_year_targets_sum_flows_and_read_levels_at_their_end() {
        // 年２件以上 × 3 = 計６件: a flow's 3か年事業量 is the sum of the years.
        let flow = indicator(Direction::Increase, "件", false, vec![span(2021, 2023, 6.0), target(2021, 2.0), target(2022, 2.0), target(2023, 2.0)]);
        // 延16 → 延26 → 延36: a running total's 3か年事業量 is the total at its end.
        let total = indicator(Direction::Increase, "シナリオ", true, vec![span(2021, 2023, 36.0), target(2021, 16.0), target(2022, 26.0), target(2023, 36.0)]);
        for (indicator, values) in [(flow, [1.5, 1.5, 1.5]), (total, [12.0, 19.5, 27.0])] {
            let sim = simulate(&one(indicator), &assumptions(pace(0.75), 0.0));
            let p = projection(&sim, 0);
            assert_eq!(p.projected, vec![(2021, values[0]), (2022, values[1]), (2023, values[2])]);
            assert!(p.targets[p.key].target == 0 && close(key(&sim).attainment, 75.0), "{p:?}");
        }
    }

    #[test]
    fn a_flow_years_without_own_target_share_the_rest_of_the_span() {
        // 板橋 No 11 出張申請: 3,600 in 2021 and 2022, 7,200 over 2021–2023 (時限組織, nothing planned for 2023).
        let sim = simulate(&one(indicator(Direction::Increase, "枚", false, vec![span(2021, 2023, 7200.0), target(2021, 3600.0), target(2022, 3600.0)])), &assumptions(pace(1.0), 0.0));
        assert_eq!(projection(&sim, 0).projected, vec![(2021, 3600.0), (2022, 3600.0), (2023, 0.0)]);
        let sim = simulate(&one(indicator(Direction::Increase, "件", false, vec![span(2021, 2023, 1.0)])), &assumptions(pace(1.0), 0.0));
        assert!(close(key(&sim).value, 1.0) && key(&sim).probability == 1.0);
    }

    #[test]
    fn shares_never_pass_their_cap() {
        let mut share = indicator(Direction::Increase, "%", false, vec![target(2024, 100.0)]);
        share.actuals = vec![actual(2022, 80.0)];
        let sim = simulate(&one(share.clone()), &assumptions(Model::AnnualChange { rate: 0.5 }, 0.5));
        assert_eq!(projection(&sim, 0).projected, vec![(2023, 100.0), (2024, 100.0)]);
        assert!(close(key(&sim).attainment, 100.0));
        share.unit = Some("割".into());
        share.targets = vec![target(2024, 6.0)];
        share.actuals = vec![actual(2022, 8.0)];
        let sim = simulate(&one(share), &assumptions(Model::AnnualChange { rate: 0.5 }, 0.0));
        assert_eq!(projection(&sim, 0).projected, vec![(2023, 10.0), (2024, 10.0)]);
    }

    #[test]
    fn a_target_of_zero() {
        let zero = indicator(Direction::Increase, "件", false, vec![target(2022, 0.0)]);
        let sim = simulate(&one(zero.clone()), &assumptions(pace(0.5), 0.3));
        assert_eq!((key(&sim).attainment, key(&sim).probability), (100.0, 1.0), "any count reaches a target of 0");
        let mut fewer = Indicator { direction: Direction::Decrease, ..zero };
        fewer.baseline = baseline(2020, 10.0);
        let sim = simulate(&one(fewer.clone()), &assumptions(pace(0.5), 0.0));
        assert_eq!(projection(&sim, 0).projected, vec![(2021, 7.5), (2022, 5.0)], "planned 5 then 0, half-way from 10");
        assert_eq!((key(&sim).attainment, key(&sim).probability), (0.0, 0.0), "0 ÷ 5: not reached");
        let sim = simulate(&one(fewer), &assumptions(pace(1.0), 0.0));
        assert_eq!((key(&sim).attainment, key(&sim).probability), (100.0, 1.0), "0 ÷ 0 is reached: 100 %");
    }

    #[test]
    fn without_baseline_only_plan_pace_starts_and_only_from_an_assumed_zero() {
        let count = indicator(Direction::Increase, "件", false, vec![target(2022, 4.0)]);
        let sim = simulate(&one(count.clone()), &assumptions(pace(0.5), 0.0));
        assert_eq!(projection(&sim, 0).start, Start { fy: 2021, value: 0.0, source: StartSource::Assumed });
        assert!(projection(&sim, 0).formula.ja.contains("0と仮定") && projection(&sim, 0).formula.en.contains("0 assumed in FY2021"));
        let outcome = |model, indicator: &Indicator| simulate(&one(indicator.clone()), &assumptions(model, 0.0)).indicators[0].outcome.clone();
        assert_eq!(outcome(Model::AnnualChange { rate: 0.1 }, &count), Outcome::NotProjected(Why::NoStartValue));
        assert_eq!(outcome(Model::Trend, &count), Outcome::NotProjected(Why::TooFewPoints { points: 0 }));
        let fewer = Indicator { direction: Direction::Decrease, ..count };
        assert_eq!(outcome(pace(0.5), &fewer), Outcome::NotProjected(Why::NoStartValue), "0 is no start for a decrease");
    }

    #[test]
    fn a_single_data_point_starts_plan_pace_but_makes_no_trend() {
        let mut count = indicator(Direction::Increase, "件", false, vec![target(2024, 10.0)]);
        count.actuals = vec![actual(2022, 4.0)];
        let sim = simulate(&one(count.clone()), &assumptions(pace(0.5), 0.0));
        assert_eq!(projection(&sim, 0).start, Start { fy: 2022, value: 4.0, source: StartSource::Actual });
        assert_eq!(projection(&sim, 0).projected, vec![(2023, 5.5), (2024, 7.0)], "4 + 0.5 × (planned − 4), planned 7 then 10");
        let sim = simulate(&one(count), &assumptions(Model::Trend, 0.0));
        assert_eq!(sim.indicators[0].outcome, Outcome::NotProjected(Why::TooFewPoints { points: 1 }));
    }

    #[test]
    fn an_actual_already_above_target_is_held_not_pulled_back() {
        let mut count = indicator(Direction::Increase, "件", false, vec![target(2023, 100.0)]);
        count.actuals = vec![actual(2022, 150.0)];
        let sim = simulate(&one(count), &assumptions(pace(0.8), 0.0));
        assert_eq!(projection(&sim, 0).projected, vec![(2023, 150.0)]);
        assert_eq!((key(&sim).attainment, key(&sim).probability), (150.0, 1.0));
        assert_eq!(sim.scales[0].grades[key(&sim).grade], "達成+");
        assert_eq!(projection(&sim, 0).needed, None, "not at risk");
    }

    #[test]
    fn a_target_year_before_the_latest_actual() {
        let mut count = indicator(Direction::Increase, "件", false, vec![target(2022, 10.0), target(2024, 10.0)]);
        count.actuals = vec![actual(2021, 3.0), actual(2023, 12.0)];
        let sim = simulate(&one(count.clone()), &assumptions(pace(1.0), 0.1));
        let p = projection(&sim, 0);
        assert_eq!(p.targets[0].result, None, "2022 has no actual and lies in the past of 2023");
        assert_eq!(p.projected, vec![(2024, 12.0)]);
        count.actuals.push(actual(2022, 9.0));
        let sim = simulate(&one(count), &assumptions(pace(1.0), 0.1));
        let result = projection(&sim, 0).targets[0].result.clone().unwrap();
        assert_eq!((result.value, result.attainment, result.probability), (9.0, 90.0, 0.0), "the actual itself, without noise");
    }

    #[test]
    fn reported_attainment_is_reproduced_from_actual_and_target() {
        // Hand-made: the real data has no actual with both a printed target and a printed 達成率 (see the
        // data tool's test `reported_attainment_rates_are_reproduced`).
        let mut count = indicator(Direction::Increase, "件", false, vec![target(2021, 10.0)]);
        count.actuals = vec![Actual { attainment_reported: Some(120.0), ..actual(2021, 12.0) }];
        let fewer = Indicator { direction: Direction::Decrease, actuals: vec![Actual { attainment_reported: Some(80.0), ..actual(2021, 12.5) }], ..count.clone() };
        for indicator in [count, fewer] {
            let reported = indicator.actuals[0].attainment_reported.unwrap();
            let sim = simulate(&one(indicator), &assumptions(pace(0.5), 0.1));
            let reached = if reported >= 100.0 { 1.0 } else { 0.0 };
            assert_eq!((key(&sim).attainment, key(&sim).probability), (reported, reached), "the actual itself, without noise");
        }
    }

    #[test]
    fn trend_is_linear_unless_compound_growth_fits_better() {
        let mut count = indicator(Direction::Increase, "件", false, vec![target(2023, 100.0)]);
        count.baseline = baseline(2019, 10.0);
        count.actuals = vec![actual(2020, 20.0), actual(2021, 30.0)];
        let sim = simulate(&one(count.clone()), &assumptions(Model::Trend, 0.0));
        assert_eq!(projection(&sim, 0).projected, vec![(2022, 40.0), (2023, 50.0)]);
        assert!(projection(&sim, 0).formula.ja.contains("30 + 10 × (年度 − 2021)"), "{}", projection(&sim, 0).formula.ja);
        count.actuals = vec![actual(2020, 20.0), actual(2021, 40.0)];
        let sim = simulate(&one(count.clone()), &assumptions(Model::Trend, 0.0));
        let p = projection(&sim, 0);
        assert!(close(p.projected[0].1, 80.0) && close(p.projected[1].1, 160.0), "doubling: {p:?}");
        assert!(p.formula.en.contains("40 × (1 + 100%)^(year − 2021)"), "{}", p.formula.en);
        // Two points fit any curve: linear.
        count.baseline = None;
        let sim = simulate(&one(count), &assumptions(Model::Trend, 0.0));
        assert_eq!(projection(&sim, 0).projected, vec![(2022, 60.0), (2023, 80.0)]);
    }

    #[test]
    fn qualitative_targets_are_milestones_counted_never_dropped() {
        let milestone = indicator(Direction::Increase, "", false, vec![words(2021, "実施"), words(2022, "検討")]);
        let nothing = indicator(Direction::Increase, "%", false, vec![]);
        let count = indicator(Direction::Increase, "件", false, vec![target(2022, 2.0)]);
        let data = dataset(itabashi(), vec![vec![milestone.clone()], vec![nothing], vec![count]]);
        let sim = simulate(&data, &assumptions(pace(1.0), 0.0));
        assert_eq!(sim.tally(None), Tally { projected: 1, not_projected: 0, milestones: 1, no_target: 1 });
        assert_eq!(sim.indicators[0].outcome, Outcome::Milestone { done: 1, not_done: 2 }, "completed counts as 100 %: 達成");
        for (probability, expected) in [(1.0, [0.0, 1.0, 0.0]), (0.0, [0.0, 0.0, 1.0])] {
            let sim = simulate(&one(milestone.clone()), &Assumptions { milestone_probability: probability, ..assumptions(pace(1.0), 0.0) });
            let means: Vec<f64> = sim.rollups[0].grades.iter().map(|g| g.mean).collect();
            assert_eq!(means, expected);
        }
    }

    #[test]
    fn a_measure_takes_its_worst_indicators_grade() {
        let ahead = indicator(Direction::Increase, "件", false, vec![target(2022, 1.0)]);
        let behind = indicator(Direction::Increase, "件", false, vec![target(2022, 2.0)]);
        let mut ahead_with_actual = ahead.clone();
        ahead_with_actual.actuals = vec![actual(2021, 5.0)];
        let data = dataset(itabashi(), vec![vec![ahead_with_actual, Indicator { id: "i2".into(), ..behind }]]);
        let sim = simulate(&data, &assumptions(pace(0.5), 0.0));
        let grades = |scope: Scope| sim.rollups.iter().find(|r| r.scope == scope).unwrap().grades.iter().map(|g| g.mean).collect::<Vec<_>>();
        assert_eq!(grades(Scope::Measure(0)), vec![0.0, 0.0, 1.0], "5 ≥ 1 is 達成+, 1 of 2 is 未達成: the measure is 未達成");
        assert_eq!(grades(Scope::Plan), grades(Scope::Policy(0)));
        assert_eq!(grades(Scope::Plan), grades(Scope::Department("課0".into())));
    }

    #[test]
    fn a_measure_with_an_indicator_that_cannot_be_projected_is_not_graded() {
        let count = indicator(Direction::Increase, "件", false, vec![target(2022, 1.0)]);
        let milestone = Indicator { id: "i2".into(), ..indicator(Direction::Increase, "", false, vec![words(2022, "実施")]) };
        let sim = simulate(&dataset(itabashi(), vec![vec![count, milestone]]), &assumptions(Model::Trend, 0.0));
        let measure = sim.rollups.iter().find(|r| r.scope == Scope::Measure(0)).unwrap();
        assert_eq!((measure.measures, measure.graded), (1, 0));
        assert!(measure.grades.iter().all(|g| g.mean == 0.0));
    }

    #[test]
    fn rollup_interval_is_the_10th_to_90th_percentile() {
        let milestone = indicator(Direction::Increase, "", false, vec![words(2022, "実施")]);
        let data = dataset(itabashi(), (0..10).map(|_| vec![milestone.clone()]).collect());
        let sim = simulate(&data, &Assumptions { milestone_probability: 0.5, draws: 10_000, ..Assumptions::default() });
        let plan = &sim.rollups[0];
        assert_eq!((plan.scope.clone(), plan.measures, plan.graded), (Scope::Plan, 10, 10));
        // Binomial(10, ½): mean 5, P(X ≤ 2) = 5.5 % and P(X ≤ 3) = 17.2 %, so the 10th percentile is 3 and the 90th 7.
        let done = &plan.grades[1];
        assert!((done.mean - 5.0).abs() < 0.1 && done.low == 3 && done.high == 7, "{done:?}");
        assert!((plan.grades[1].mean + plan.grades[2].mean - 10.0).abs() < 1e-9);
    }

    #[test]
    fn at_risk_indicators_say_what_it_would_take() {
        let mut count = indicator(Direction::Increase, "件", false, vec![span(2023, 2025, 30.0)]);
        count.actuals = vec![actual(2022, 4.0), actual(2023, 6.0)];
        let sim = simulate(&one(count.clone()), &assumptions(Model::AnnualChange { rate: 0.1 }, 0.1));
        let needed = projection(&sim, 0).needed.clone().expect("6 + 6.6 + 7.26 of 30 is at risk");
        assert_eq!(needed.per_year, 12.0, "(30 − 6 recorded) ÷ 2 remaining years");
        let rate = needed.rate.unwrap();
        let sim = simulate(&one(count), &assumptions(Model::AnnualChange { rate }, 0.0));
        assert!(close(key(&sim).attainment, 100.0) && key(&sim).probability == 1.0, "the rate reaches the target: {:?}", key(&sim));
    }

    #[test]
    fn each_indicator_has_its_own_random_stream() {
        let count = indicator(Direction::Increase, "件", false, vec![target(2023, 10.0)]);
        let alone = simulate(&dataset(itabashi(), vec![vec![], vec![count.clone()]]), &assumptions(pace(1.0), 0.2));
        let other = Indicator { id: "i0".into(), ..count.clone() };
        let with_another = simulate(&dataset(itabashi(), vec![vec![other], vec![count]]), &assumptions(pace(1.0), 0.2));
        assert_eq!(alone.indicators[0].outcome, with_another.indicators[1].outcome);
        assert_ne!(alone.indicators[0].outcome, with_another.indicators[0].outcome);
    }

    fn flow_or_level() -> impl Strategy<Value = (bool, &'static str)> {
        prop_oneof![Just((false, "件")), Just((true, "件")), Just((false, "%"))]
    }

    /// An increasing indicator with yearly targets 2021–2023 and, sometimes, the 3か年 total over them.
    fn planned_indicator() -> impl Strategy<Value = Indicator> {
        (flow_or_level(), proptest::collection::vec(0.0..100.0f64, 1..=3), any::<bool>()).prop_map(|((cumulative, unit), values, with_span)| {
            let mut targets: Vec<Target> = values.iter().enumerate().map(|(i, &v)| target(2021 + i as i32, v)).collect();
            let last = 2020 + values.len() as i32;
            let span_value = if cumulative || unit == "%" { values[values.len() - 1] } else { values.iter().sum() };
            if with_span {
                targets.push(span(2021, last, span_value));
            }
            indicator(Direction::Increase, unit, cumulative, targets)
        })
    }

    proptest! {
        #[test]
        fn attainment_rises_with_pace(indicator in planned_indicator(), a in 0.0..2.0f64, b in 0.0..2.0f64, seed in any::<u64>()) {
            let (low, high) = (a.min(b), a.max(b));
            let data = one(indicator);
            let run = |p: f64| simulate(&data, &Assumptions { seed, draws: 200, ..assumptions(pace(p), 0.2) });
            let (slow, fast) = (run(low), run(high));
            for (s, f) in projection(&slow, 0).targets.iter().zip(&projection(&fast, 0).targets) {
                let (s, f) = (s.result.as_ref().unwrap(), f.result.as_ref().unwrap());
                prop_assert!(s.attainment <= f.attainment + 1e-9 && s.probability <= f.probability, "{s:?} {f:?}");
                prop_assert!(s.grade >= f.grade);
            }
        }

        #[test]
        fn probabilities_stay_between_zero_and_one(
            indicators in proptest::collection::vec(planned_indicator(), 1..4),
            model in prop_oneof![(0.0..2.0f64).prop_map(pace), Just(Model::Trend), (-1.0..10.0f64).prop_map(|rate| Model::AnnualChange { rate })],
            spread in 0.0..1.0f64,
            actual_value in proptest::option::of(0.0..100.0f64),
            milestone_probability in 0.0..=1.0f64,
            seed in any::<u64>(),
        ) {
            let measures = indicators.into_iter().map(|mut i| { i.actuals = actual_value.map(|v| actual(2020, v)).into_iter().collect(); vec![i] }).collect();
            let sim = simulate(&dataset(itabashi(), measures), &Assumptions { model, spread, draws: 100, seed, milestone_probability });
            for indicator in &sim.indicators {
                if let Outcome::Projected(p) = &indicator.outcome {
                    for result in p.targets.iter().filter_map(|t| t.result.as_ref()) {
                        prop_assert!((0.0..=1.0).contains(&result.probability), "{result:?}");
                    }
                }
            }
            for rollup in &sim.rollups {
                let total: f64 = rollup.grades.iter().map(|g| g.mean).sum();
                prop_assert!((total - rollup.graded as f64).abs() < 1e-9, "{rollup:?}");
                prop_assert!(rollup.grades.iter().all(|g| g.low <= g.high && g.high <= rollup.graded));
            }
        }

        #[test]
        fn the_same_seed_gives_the_same_result(indicators in proptest::collection::vec(planned_indicator(), 1..4), seed in any::<u64>(), spread in 0.0..1.0f64) {
            let data = dataset(itabashi(), indicators.into_iter().map(|i| vec![i]).collect());
            let a = Assumptions { seed, draws: 100, ..assumptions(pace(0.9), spread) };
            prop_assert_eq!(simulate(&data, &a), simulate(&data, &a));
        }

        #[test]
        fn full_pace_without_spread_meets_every_numeric_target_exactly(indicator in planned_indicator()) {
            let sim = simulate(&one(indicator), &assumptions(pace(1.0), 0.0));
            for result in projection(&sim, 0).targets.iter().map(|t| t.result.as_ref().unwrap()) {
                prop_assert!(result.probability == 1.0 && close(result.attainment, 100.0), "{result:?}");
            }
        }

        #[test]
        fn decreasing_indicators_invert(start in 1.0..1000.0f64, share in 0.0..1.0f64, a in 0.0..=1.0f64, b in 0.0..=1.0f64) {
            // From `start` down to `goal`: the projection comes down with pace, the attainment (goal ÷ value) goes up.
            let goal = start * share;
            let mut fewer = indicator(Direction::Decrease, "件", false, vec![target(2023, goal)]);
            fewer.baseline = baseline(2020, start);
            let run = |p: f64| key(&simulate(&one(fewer.clone()), &assumptions(pace(p), 0.0)));
            let (low, high) = (run(a.min(b)), run(a.max(b)));
            prop_assert!(low.value >= high.value && low.attainment <= high.attainment + 1e-9);
            prop_assert!(close(high.attainment, 100.0 * goal / high.value) && high.attainment <= 100.0 + 1e-9);
            prop_assert_eq!(high.probability == 1.0, close(high.value, goal));
            // The same value and goal, read the other way round.
            prop_assert!(is_reached(Direction::Increase, high.value, goal) != is_reached(Direction::Decrease, high.value, goal) || close(high.value, goal));
        }
    }
}
