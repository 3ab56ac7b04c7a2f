//! The assumptions of a run and their URL form (`Assumptions::from_pairs` / `to_pairs`): the model, its
//! parameters, the spread, the draws and the seed, each with a stated default and a range; and named
//! scenarios, which are assumptions with a name (saved and exported as JSON, `crate::json`).

use super::*;

/// Stated default: the projection (a flow's values, a level's change since the start) varies with a relative
/// standard deviation of 10 %.
pub const DEFAULT_SPREAD: f64 = 0.1;

pub const DEFAULT_DRAWS: u32 = 10_000;

pub const DEFAULT_SEED: u64 = 1;

/// Stated default: a milestone is completed with probability 80 % (the app's choice; the seeds print none).
pub const DEFAULT_MILESTONE_PROBABILITY: f64 = 0.8;

/// The plan as written.
pub const DEFAULT_PACE: f64 = 1.0;

pub(super) const PACE_PERCENT: RangeInclusive<f64> = 0.0..=200.0;

pub(super) const CHANGE_PERCENT: RangeInclusive<f64> = -100.0..=1000.0;

pub(super) const SPREAD_PERCENT: RangeInclusive<f64> = 0.0..=100.0;

pub(super) const MILESTONE_PERCENT: RangeInclusive<f64> = 0.0..=100.0;

pub(super) const DRAWS: RangeInclusive<u32> = 100..=100_000;

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

pub(super) fn percent(value: &str, range: RangeInclusive<f64>) -> Option<f64> {
    value.parse::<f64>().ok().filter(|v| range.contains(v)).map(|v| v / 100.0)
}

pub(super) fn percent_text(fraction: f64) -> String {
    // Six decimals undo the binary rounding of × 100 (0.07 × 100 = 7.000000000000001).
    format!("{}", (fraction * 100.0 * 1e6).round() / 1e6)
}
