//! Grades: the plan's own words where they carry thresholds, otherwise the app's two.
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

use super::*;

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
    pub(super) fn of(plan: &Plan) -> Scale {
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

    pub(super) fn grade(&self, attainment: f64) -> usize {
        let passes = |&(bar, above): &(f64, bool)| if above { !at_least(bar, attainment) } else { at_least(attainment, bar) };
        self.thresholds.iter().position(passes).unwrap_or(self.grades.len() - 1)
    }
}

/// `a ≥ b` up to rounding.
pub(super) fn at_least(a: f64, b: f64) -> bool {
    a >= b - ROUNDING * b.abs().max(1.0)
}
