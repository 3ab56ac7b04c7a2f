//! The line a measure's page opens with (issue 14, "a measure page that answers first"): its latest
//! recorded result, and what it plans for the current fiscal year. Everything else on the page follows.
//!
//! ```
//! use plan_core::status::{Latest, fiscal_year_of, measure_status};
//! # let dataset: plan_core::Dataset = serde_json::from_str(r#"{"schema_version": 1, "plans": [{"id": "p",
//! #   "municipality": {"name": "板橋区", "code": "131199"}, "title": "計画", "period": {"from": 2021, "to": 2025},
//! #   "status": "策定", "source": "s.txt", "source_line": 1, "policies": [], "measures": [{"id": "p.m1", "code": "1",
//! #   "name": "施策", "summary": null, "departments": [], "policies": [], "is_new": false, "source": {"file": "s.txt", "line": 2},
//! #   "schedule": [{"fy": 2024, "text": "運用", "line": 3}], "indicators": [],
//! #   "evaluations": [{"fy": 2021, "grade": "達成", "source": {"file": "s.txt", "line": 4}}]}]}]}"#).unwrap();
//! let measure = &dataset.plans[0].measures[0];
//! assert_eq!(fiscal_year_of(2025, 3), 2024); // March belongs to the fiscal year that began the April before
//! let status = measure_status(measure, fiscal_year_of(2024, 12));
//! assert!(matches!(status.latest, Some(Latest::Grade { fy: 2021, grade: "達成" })));
//! assert_eq!(status.planned, Some("運用"));
//! ```

use crate::model::{FiscalYear, Indicator, Measure};

/// The fiscal year (年度, April to March) a date falls in: the Western year it began in.
pub fn fiscal_year_of(year: i32, month: u32) -> FiscalYear {
    if month >= 4 { year } else { year - 1 }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Latest<'a> {
    /// The latest evaluation that states a grade.
    Grade { fy: FiscalYear, grade: &'a str },
    /// Without a graded evaluation: the latest actual of any indicator.
    Actual { fy: FiscalYear, indicator: &'a Indicator, value: f64 },
}

#[derive(Debug, Clone, PartialEq)]
pub struct MeasureStatus<'a> {
    pub latest: Option<Latest<'a>>,
    /// The fiscal year it was asked for.
    pub year: FiscalYear,
    /// The schedule entry of that year, or else a worded target set for it; `None` where the plan states
    /// nothing for that year.
    pub planned: Option<&'a str>,
}

/// What a measure's page says first, for fiscal year `year` (the current one).
pub fn measure_status(measure: &Measure, year: FiscalYear) -> MeasureStatus<'_> {
    let graded = measure.evaluations.iter().filter_map(|e| Some((e.fy, e.grade.as_deref()?))).max_by_key(|(fy, _)| *fy);
    let latest = match graded {
        Some((fy, grade)) => Some(Latest::Grade { fy, grade }),
        None => measure
            .indicators
            .iter()
            .flat_map(|i| i.actuals.iter().map(move |a| (a.fy, i, a.value)))
            .max_by_key(|(fy, _, _)| *fy)
            .map(|(fy, indicator, value)| Latest::Actual { fy, indicator, value }),
    };
    let scheduled = measure.schedule.iter().find(|s| s.fy == year).map(|s| s.text.as_str());
    let targeted = || measure.indicators.iter().flat_map(|i| &i.targets).filter(|t| t.fy == year && t.fy_from.is_none()).find_map(|t| t.text.as_deref());
    MeasureStatus { latest, year, planned: scheduled.or_else(targeted) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actual, Direction, Evaluation, ScheduleEntry, SourceRef, Target};

    fn measure() -> Measure {
        let source = SourceRef { file: "s.txt".into(), line: 1 };
        Measure {
            id: "p.m1".into(),
            code: "1".into(),
            name: "施策".into(),
            summary: None,
            departments: vec![],
            policies: vec![],
            schedule: vec![ScheduleEntry { fy: 2025, text: "検討".into(), line: 2 }],
            indicators: vec![Indicator {
                id: "i1".into(),
                name: "件数".into(),
                unit: Some("件".into()),
                direction: Direction::Increase,
                cumulative: false,
                baseline: None,
                targets: vec![Target { fy: 2026, fy_from: None, value: Some(3.0), text: Some("年3件".into()), line: 3 }],
                actuals: vec![
                    Actual { fy: 2023, value: 1.0, attainment_reported: None, line: 4, local: false },
                    Actual { fy: 2024, value: 2.0, attainment_reported: None, line: 5, local: false },
                ],
                note: None,
                source: source.clone(),
            }],
            evaluations: vec![Evaluation { fy: 2024, grade: None, note: Some("件数のみ".into()), source }],
            is_new: false,
            not_stated: vec![],
            note: None,
            source: SourceRef { file: "s.txt".into(), line: 1 },
        }
    }

    #[test]
    fn without_a_stated_grade_the_latest_actual_answers() {
        let m = measure();
        let status = measure_status(&m, 2025);
        assert!(matches!(status.latest, Some(Latest::Actual { fy: 2024, value, .. }) if value == 2.0));
        assert_eq!(status.planned, Some("検討"));
    }

    #[test]
    fn a_year_without_a_schedule_entry_says_its_worded_target_or_nothing() {
        let m = measure();
        assert_eq!(measure_status(&m, 2026).planned, Some("年3件"));
        assert_eq!(measure_status(&m, 2027).planned, None);
    }

    #[test]
    fn fiscal_years_begin_in_april() {
        assert_eq!(fiscal_year_of(2026, 4), 2026);
        assert_eq!(fiscal_year_of(2027, 3), 2026);
    }
}
