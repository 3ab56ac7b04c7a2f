//! An indicator's progress from its recorded values, by the UN SDG Progress Chart's method (Sustainable
//! Development Goals Progress Chart, Technical Note, UN Statistics Division), and the targets a printed
//! attainment rate implies.
//!
//! # Progress ([`progress`])
//!
//! With the first recorded value `x₀` (year `t₀`), the latest `xₜ` (year `t`) and the last numeric target
//! `x*` (year `T`; for a flow, the last one-year target, since its values are one year's): the actual compound annual growth rate `(xₜ/x₀)^(1/(t−t₀)) − 1`, the
//! required one `(x*/x₀)^(1/(T−t₀)) − 1`, and their ratio `CR`. The categories are the UN's:
//!
//! | category | rule |
//! |---|---|
//! | target achieved | the latest value reaches the target, or its printed attainment rate is ≥ 100 % |
//! | on track | `CR ≥ 0.95` |
//! | fair progress, acceleration needed | `0.5 ≤ CR < 0.95` |
//! | limited or no progress | `−0.1 ≤ CR < 0.5` |
//! | deterioration | `CR < −0.1` |
//! | insufficient data | fewer than two recorded years, no numeric target, or a value ≤ 0 (no growth rate) |
//!
//! Statistics Canada's variant (used by the Open SDG platform) puts the lines at 0.95, 0.6 and 0; this app
//! uses the UN's.
//!
//! # Implied targets ([`implied_target`])
//!
//! Where a seed prints an actual and its attainment rate `r` but no target, the target is `actual ÷ r`
//! (`actual × r` for a decreasing indicator), and the rounding of the printed rate gives its interval: 285 %
//! means 284.5–285.5 %, so the target lies between `actual ÷ 2.855` and `actual ÷ 2.845`. It is derived, shown
//! as such, and never stored as if printed.
//!
//! ```
//! use plan_core::sim::implied_target;
//! use plan_core::Direction;
//! let target = implied_target(Direction::Increase, 122_609.0, 285.0).unwrap();
//! assert_eq!((target.value.round(), target.low.round(), target.high.round()), (43_021.0, 42_945.0, 43_096.0));
//! ```

use super::*;

/// The UN Progress Chart's categories, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    Achieved,
    OnTrack,
    Fair,
    Limited,
    Deterioration,
    Insufficient,
}

/// An indicator's progress and what it was computed from.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressCheck {
    pub progress: Progress,
    /// `CR`, where two recorded values and a target gave one.
    pub ratio: Option<f64>,
    /// Recorded values (baseline and actuals, by year).
    pub values: usize,
    /// Achieved by the printed attainment rate of the latest actual.
    pub by_printed_rate: bool,
}

/// A target derived from a printed attainment rate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Implied {
    pub value: f64,
    pub low: f64,
    pub high: f64,
}

/// The target that an actual and its printed rate (in percent) imply, with the interval the rate's rounding
/// allows (module docs); `None` for a rate ≤ 0.
pub fn implied_target(direction: Direction, actual: f64, rate: f64) -> Option<Implied> {
    if rate.is_nan() || rate <= 0.0 {
        return None;
    }
    // Half a unit of the last printed digit: the shortest decimal of the rate is what was printed.
    let decimals = format!("{rate}").split_once('.').map_or(0, |(_, f)| f.len()) as i32;
    let half = 0.5 * 10f64.powi(-decimals);
    let target = |r: f64| match direction {
        Direction::Decrease => actual * r / 100.0,
        Direction::Increase | Direction::Maintain => actual / (r / 100.0),
    };
    let (a, b) = (target(rate - half), target(rate + half));
    Some(Implied { value: target(rate), low: a.min(b), high: a.max(b) })
}

/// The indicator's progress (module docs).
pub fn progress(indicator: &Indicator) -> ProgressCheck {
    let mut recorded: BTreeMap<FiscalYear, f64> = indicator.baseline.iter().map(|b| (b.fy, b.value)).collect();
    recorded.extend(indicator.actuals.iter().map(|a| (a.fy, a.value)));
    let values = recorded.len();
    let check = |progress, ratio| ProgressCheck { progress, ratio, values, by_printed_rate: false };
    let latest_actual = indicator.actuals.iter().max_by_key(|a| a.fy);
    if latest_actual.and_then(|a| a.attainment_reported).is_some_and(|r| at_least(r, 100.0)) {
        return ProgressCheck { by_printed_rate: true, ..check(Progress::Achieved, None) };
    }
    // A flow's value is one year's, so it is measured against a one-year target.
    let flow = !Quantity::of(indicator).is_level();
    let comparable = |t: &&Target| t.value.is_some() && !(flow && t.fy_from.is_some());
    let key = indicator.targets.iter().filter(comparable).max_by_key(|t| t.fy);
    let (Some(key), Some((&t, &xt))) = (key, recorded.last_key_value()) else { return check(Progress::Insufficient, None) };
    let target = key.value.unwrap_or_default();
    if attainment_percent(indicator.direction, xt, target).is_some_and(|a| at_least(a, 100.0)) {
        return check(Progress::Achieved, None);
    }
    let Some((&t0, &x0)) = recorded.first_key_value() else { return check(Progress::Insufficient, None) };
    if values < 2 || x0 <= 0.0 || xt <= 0.0 || target <= 0.0 || key.fy <= t0 {
        return check(Progress::Insufficient, None);
    }
    let actual = (xt / x0).powf(1.0 / f64::from(t - t0)) - 1.0;
    let required = (target / x0).powf(1.0 / f64::from(key.fy - t0)) - 1.0;
    if required == 0.0 {
        return check(Progress::Insufficient, None);
    }
    let ratio = actual / required;
    let progress = match ratio {
        r if r >= 0.95 => Progress::OnTrack,
        r if r >= 0.5 => Progress::Fair,
        r if r >= -0.1 => Progress::Limited,
        _ => Progress::Deterioration,
    };
    check(progress, Some(ratio))
}
