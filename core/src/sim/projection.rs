//! Projecting one indicator: what its values mean, where it starts, the three models, how a projected
//! value meets a target, and what it would take to meet it.
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
//!
//! # What it would take
//!
//! For an indicator whose key target has a probability below 50 % ([`AT_RISK`]) and still has projected
//! years: `per_year`, the constant amount each remaining year must bring: for a level `(T − s) ÷ k`, for a
//! flow `(T − recorded part) ÷ remaining years`; and, where `s > 0`, `rate`, the annual change `r` at which
//! the annual-change model reaches `T` exactly (bisection on `r` in −100 %…+1000 %).


use super::*;

/// Below this probability of reaching its key target, an indicator is at risk.
pub const AT_RISK: f64 = 0.5;

/// Relative tolerance for "met exactly": sums such as ⅓ + ⅓ + ⅓ round in the last bit.
pub(super) const ROUNDING: f64 = 1e-9;

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

    pub(super) fn is_level(self) -> bool {
        self != Quantity::Flow
    }

    pub(super) fn cap(self) -> f64 {
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

pub(super) enum Prep {
    Numeric(Numeric),
    NotProjected(Why),
    Milestone,
    NoTarget,
}

impl Prep {
    /// Whether the indicator gets a grade in every draw; `None` when it has no target at all.
    pub(super) fn graded(&self) -> Option<bool> {
        match self {
            Prep::Numeric(n) => Some(n.targets[n.key].1.is_some()),
            Prep::NotProjected(_) => Some(false),
            Prep::Milestone => Some(true),
            Prep::NoTarget => None,
        }
    }
}

/// A numeric indicator made ready for the draws.
pub(super) struct Numeric {
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
pub(super) struct Eval {
    goal: f64,
    known: f64,
    years: Range<usize>,
}

impl Eval {
    pub(super) fn value(&self, path: &[f64]) -> f64 {
        self.known + path[self.years.clone()].iter().sum::<f64>()
    }
}

/// The deterministic rule behind `X(y)`.
#[derive(Clone, Copy)]
pub(super) enum Rule {
    Pace(f64),
    Linear { slope: f64, points: usize },
    Compound { rate: f64, points: usize },
    Change(f64),
}

pub(super) fn prepare(indicator: &Indicator, assumptions: &Assumptions) -> Prep {
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
pub(super) fn evaluation(target: &Target, goal: f64, quantity: Quantity, y0: FiscalYear, recorded: &BTreeMap<FiscalYear, f64>) -> Option<Eval> {
    let from = if quantity.is_level() { target.fy } else { target.fy_from.unwrap_or(target.fy) };
    let mut known = 0.0;
    for fy in from..=target.fy.min(y0) {
        known += recorded.get(&fy)?;
    }
    let index = |fy: FiscalYear| (fy - y0 - 1) as usize;
    let years = if target.fy > y0 { index(from.max(y0 + 1))..index(target.fy) + 1 } else { 0..0 };
    Some(Eval { goal, known, years })
}

pub(super) fn grow(start: f64, rate: f64, years: i32) -> f64 {
    start * (1.0 + rate).powi(years)
}

/// `P(y)` for each year: the year's target, a several-year flow target's remainder shared out, or linear
/// between the nearest planned values (the start counting as one).
pub(super) fn plan_path(indicator: &Indicator, quantity: Quantity, start: Start, years: &[FiscalYear]) -> Vec<f64> {
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
pub(super) fn trend(recorded: &BTreeMap<FiscalYear, f64>) -> Option<Rule> {
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
pub(super) struct Line {
    mean_x: f64,
    mean_y: f64,
    slope: f64,
}

impl Line {
    pub(super) fn at(&self, x: f64) -> f64 {
        self.mean_y + self.slope * (x - self.mean_x)
    }
}

pub(super) fn least_squares(points: &[(f64, f64)]) -> Line {
    let n = points.len() as f64;
    let mean_x = points.iter().map(|p| p.0).sum::<f64>() / n;
    let mean_y = points.iter().map(|p| p.1).sum::<f64>() / n;
    let sxy: f64 = points.iter().map(|&(x, y)| (x - mean_x) * (y - mean_y)).sum();
    let sxx: f64 = points.iter().map(|&(x, _)| (x - mean_x).powi(2)).sum();
    Line { mean_x, mean_y, slope: sxy / sxx }
}

impl Numeric {
    pub(super) fn run(self, scale: &Scale, draws: usize, spread: f64, rng: &mut SplitMix64, sink: &mut impl FnMut(usize, usize)) -> Projection {
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
    pub(super) fn draw(&self, out: &mut [f64], spread: f64, rng: &mut SplitMix64) {
        let f = if spread > 0.0 { (1.0 + spread * rng.normal()).max(0.0) } else { 1.0 };
        let s = self.start.value;
        for (o, &x) in out.iter_mut().zip(&self.path) {
            let value = if self.quantity.is_level() { s + (x - s) * f } else { x * f };
            *o = value.clamp(0.0, self.quantity.cap());
        }
    }

    pub(super) fn needed(&self, probability: f64) -> Option<Needed> {
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

pub(super) fn is_reached(direction: Direction, value: f64, goal: f64) -> bool {
    match direction {
        Direction::Increase | Direction::Maintain => at_least(value, goal),
        Direction::Decrease => at_least(goal, value),
    }
}

pub(super) fn attainment(direction: Direction, value: f64, goal: f64) -> f64 {
    attainment_percent(direction, value, goal).unwrap_or(if is_reached(direction, value, goal) { 100.0 } else { 0.0 })
}

pub(super) fn formula(rule: Rule, start: Start, quantity: Quantity, direction: Direction, spread: f64) -> Formula {
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
pub(super) fn signed(value: f64) -> String {
    if value < 0.0 { format!("− {}", number(-value)) } else { format!("+ {}", number(value)) }
}
