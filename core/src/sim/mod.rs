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
//!
//! # Where each part lives
//!
//! - `assumptions.rs`: the assumptions and their URL form, named scenarios;
//! - `projection.rs`: what a value means, the start, the models, a target's attainment, what it would take;
//! - `scale.rs`: grades, from the plan's own words or the app's two;
//! - `random.rs`: the spread of a projection over draws, and the seeded random numbers;
//! - `rollup.rs`: expected counts per grade in each plan, policy, department and measure, with intervals;
//! - `simulation.rs`: one run ([`simulate`]) and its results;
//! - `evidence.rs`: the wards' record of graded measures and the forecast it gives each plan ([`outlook`]);
//! - `progress.rs`: an indicator's progress by the UN SDG Progress Chart's method, targets implied by a
//!   printed attainment rate;
//! - `backtest.rs`: the evidence model and the what-if model predicting grade counts a seed printed later.
//!
//! The evidence is the answer; the models above are "what if" (docs/SIMULATION.md).

mod assumptions;
mod backtest;
mod evidence;
mod progress;
mod projection;
mod random;
mod rollup;
mod scale;
mod simulation;
#[cfg(test)]
mod tests;

pub use assumptions::*;
pub use backtest::*;
pub use evidence::*;
pub use progress::*;
pub use projection::*;
use random::*;
pub use rollup::*;
pub use scale::*;
pub use simulation::*;

use std::collections::BTreeMap;
use std::ops::{Range, RangeInclusive};

use crate::format::{fiscal_year_en, fiscal_year_ja, number};
use crate::model::{Dataset, Direction, FiscalYear, Indicator, Plan, Target};
use crate::summary::measures_in_scope;
use crate::validate::attainment_percent;
