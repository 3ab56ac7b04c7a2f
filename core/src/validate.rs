//! Checks a [`Dataset`] for everything a type cannot express: unique ids, references that resolve,
//! years inside the plan, units on numbers, known grades, reported figures that agree with the items,
//! and themes that can match something.
//!
//! ```
//! let dataset = plan_core::Dataset { schema_version: 1, plans: vec![], themes: vec![] };
//! assert!(plan_core::validate(&dataset).is_empty());
//! ```

use std::collections::HashMap;
use std::fmt;

use crate::format::number;
use crate::model::*;

/// Ids as keys, of one type for every check and for the catalog's indexes (`explore.rs`): each type of hash
/// map is code of its own in the wasm. Sets and maps of `&str` here were 1.8 KB gzip of it (ARCHITECTURE.md,
/// Budgets).
type Ids = HashMap<String, usize>;

/// Adds `id` to `ids`; `false` if it was there.
fn first(ids: &mut Ids, id: &str) -> bool {
    ids.insert(id.to_string(), 0).is_none()
}

/// One problem, named by where it is and what would be right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub plan: String,
    /// The id of the item the problem is in (the plan id for plan-level fields).
    pub item: String,
    /// The field, e.g. `departments` or `indicators[i1].targets[2021].value`.
    pub field: String,
    /// What is wrong.
    pub problem: String,
    /// What would be right; empty without the `fixes` feature (the browser's bundles).
    pub fix: String,
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} `{}` field `{}`: {}.", self.plan, self.item, self.field, self.problem)?;
        if !self.fix.is_empty() {
            write!(f, " {}", self.fix)?;
        }
        Ok(())
    }
}

/// `text` where the `fixes` feature is on, else nothing: the strings then stay out of the wasm.
fn fix(text: impl Into<String>) -> String {
    if cfg!(feature = "fixes") { text.into() } else { String::new() }
}

/// How far a reported attainment (in %) may be from actual ÷ target before it is called a disagreement:
/// seeds print whole percents, so rounding explains up to one point.
const ATTAINMENT_TOLERANCE_POINTS: f64 = 1.0;

/// The deepest policy tree accepted; the seeds' deepest is 3 (北区: 基本方針 → ① → 施策).
const MAX_POLICY_DEPTH: usize = 12;

/// Every issue in the dataset, in document order. Empty means valid.
pub fn validate(dataset: &Dataset) -> Vec<Issue> {
    let mut issues = Vec::new();
    if dataset.schema_version != SCHEMA_VERSION {
        issues.push(Issue {
            plan: String::new(),
            item: "dataset".into(),
            field: "schema_version".into(),
            problem: format!("is {}", dataset.schema_version),
            fix: fix(format!("This app reads schema_version {SCHEMA_VERSION}.")),
        });
    }
    let mut seen_ids = Ids::new();
    for plan in &dataset.plans {
        PlanCheck { plan, issues: &mut issues }.run(&mut seen_ids);
    }
    check_themes(&dataset.themes, &mut issues);
    issues
}

/// Themes are reported under the pseudo-plan `themes`, so that the data tool can point into `seeds/themes.toml`.
fn check_themes(themes: &[Theme], issues: &mut Vec<Issue>) {
    let mut push = |item: &str, field: &str, problem: String, fix: &str| {
        issues.push(Issue { plan: "themes".into(), item: item.into(), field: field.into(), problem, fix: self::fix(fix) });
    };
    let mut seen = Ids::new();
    for theme in themes {
        let id = theme.id.as_str();
        if !first(&mut seen, id) {
            push(id, "id", "is used twice".into(), "Give each theme its own id.");
        }
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
            push(id, "id", format!("is \"{id}\""), "Use lowercase ASCII letters, digits and '-', e.g. online-application.");
        }
        if theme.name.trim().is_empty() {
            push(id, "name", "is empty".into(), "Give the theme's Japanese label.");
        }
        if theme.name_en.trim().is_empty() {
            push(id, "name_en", "is empty".into(), "Give the theme's English label.");
        }
        if theme.keywords.iter().all(|k| k.trim().is_empty()) {
            push(id, "keywords", "has no keyword".into(), "List at least one word that a measure of this theme contains.");
        }
    }
}

struct PlanCheck<'a> {
    plan: &'a Plan,
    issues: &'a mut Vec<Issue>,
}

impl PlanCheck<'_> {
    fn push(&mut self, item: &str, field: impl Into<String>, problem: impl Into<String>, fix: impl Into<String>) {
        self.issues.push(Issue {
            plan: self.plan.id.clone(),
            item: item.to_string(),
            field: field.into(),
            problem: problem.into(),
            fix: self::fix(fix),
        });
    }

    fn run(mut self, seen_ids: &mut Ids) {
        let plan = self.plan;
        let period = plan.period;
        if period.from > period.to {
            self.push(&plan.id, "period", format!("starts in {} after it ends in {}", period.from, period.to), "`from` must not be later than `to`.");
        }
        if plan.municipality.code.len() != 6 || !plan.municipality.code.bytes().all(|b| b.is_ascii_digit()) {
            self.push(&plan.id, "municipality.code", format!("is \"{}\"", plan.municipality.code), "Give the six-digit 全国地方公共団体コード, e.g. 131199.");
        }
        let ids = plan
            .policies
            .iter()
            .map(|p| &p.id)
            .chain(plan.measures.iter().map(|m| &m.id))
            .chain(plan.summaries.iter().map(|s| &s.id))
            .chain(std::iter::once(&plan.id));
        for id in ids {
            if !first(seen_ids, id) {
                self.push(id, "id", "is used twice", "Give each plan, policy, measure and summary its own id.");
            }
        }
        let policy_ids: Ids = plan.policies.iter().enumerate().map(|(i, p)| (p.id.clone(), i)).collect();
        let grades: Vec<&str> = plan.grades.iter().map(|g| g.grade.as_str()).collect();
        self.check_grade_thresholds();

        for policy in &plan.policies {
            if let Some(parent) = &policy.parent {
                if !policy_ids.contains_key(parent.as_str()) || parent == &policy.id {
                    self.push(&policy.id, "parent", format!("names unknown policy \"{parent}\""), "Name a policy of the same plan, or leave `parent` out at the top level.");
                }
            }
            self.check_indicators(&policy.id, &policy.indicators);
        }
        if self.check_policy_cycles() {
            self.check_policy_depth();
        }

        for measure in &plan.measures {
            self.check_measure(measure, &policy_ids, &grades);
        }
        for summary in &plan.summaries {
            self.check_summary(summary, &policy_ids, &grades);
        }
    }

    /// Thresholds, where given, must grade every attainment exactly once: best first, strictly decreasing,
    /// and the last grade without one (it takes the rest).
    fn check_grade_thresholds(&mut self) {
        let plan = self.plan;
        let grades = &plan.grades;
        if grades.iter().all(|g| g.attainment_above.is_none() && g.attainment_at_least.is_none()) {
            return;
        }
        let mut previous: Option<(f64, bool)> = None;
        for (i, rule) in grades.iter().enumerate() {
            let field = format!("grades[{}]", rule.grade);
            let last = i + 1 == grades.len();
            let threshold = match (rule.attainment_above, rule.attainment_at_least) {
                (Some(_), Some(_)) => {
                    self.push(&plan.id, &field, "has both attainment_above and attainment_at_least", "Give one threshold per grade.");
                    continue;
                }
                (Some(v), None) => Some((v, true)),
                (None, Some(v)) => Some((v, false)),
                (None, None) => None,
            };
            match threshold {
                Some(_) if last => {
                    self.push(&plan.id, &field, "is the last grade but has a threshold", "Leave the threshold out of the last grade: it takes every attainment below the others.");
                }
                None if !last => {
                    self.push(&plan.id, &field, "has no attainment threshold while other grades have one", "Give attainment_above or attainment_at_least to every grade but the last.");
                }
                Some((v, _)) if !v.is_finite() => {
                    self.push(&plan.id, &field, "has a threshold that is not a finite number", "Give the threshold in percent, e.g. 100.");
                }
                // Strictly above v is a higher bar than at least v.
                Some(t) if previous.is_some_and(|p| !(t.0 < p.0 || (t.0 == p.0 && p.1 && !t.1))) => {
                    self.push(&plan.id, &field, "has a threshold not below the grade before it", "List grades best first, with decreasing thresholds.");
                }
                _ => {}
            }
            previous = threshold.or(previous);
        }
    }

    /// Each policy that has a parent, by id, at its position in the plan (the last one of an id used twice).
    fn parents(&self) -> Ids {
        self.plan.policies.iter().enumerate().filter(|(_, p)| p.parent.is_some()).map(|(i, p)| (p.id.clone(), i)).collect()
    }

    /// Visits each policy once, so that a long chain of parents (a hostile file) costs linear time.
    /// Reports every policy on a loop; true when there is none.
    fn check_policy_cycles(&mut self) -> bool {
        let parents = self.parents();
        // Which walk up the tree first reached each policy: reaching one's own walk again is a loop.
        let mut reached_by = Ids::new();
        let mut on_loop = Ids::new();
        for (walk, policy) in self.plan.policies.iter().enumerate() {
            let mut at = policy.id.as_str();
            loop {
                match reached_by.get(at) {
                    Some(&w) if w == walk => {
                        // `at` is on the loop: go round it once.
                        while first(&mut on_loop, at) {
                            at = self.plan.policies[parents[at]].parent.as_deref().unwrap_or_default();
                        }
                        break;
                    }
                    Some(_) => break,
                    None => {
                        reached_by.insert(at.to_string(), walk);
                        match parents.get(at) {
                            Some(&up) => at = self.plan.policies[up].parent.as_deref().unwrap_or_default(),
                            None => break,
                        }
                    }
                }
            }
        }
        for policy in &self.plan.policies {
            if on_loop.contains_key(policy.id.as_str()) {
                self.push(&policy.id, "parent", "leads back to itself", "Policies form a tree: remove the loop.");
            }
        }
        on_loop.is_empty()
    }

    /// Bounds the tree's depth: the views walk it recursively, and no plan has more than a few levels.
    /// Runs only on a tree without loops, so every walk up ends.
    fn check_policy_depth(&mut self) {
        let parents = self.parents();
        let known: Ids = self.plan.policies.iter().map(|p| (p.id.clone(), 0)).collect();
        let mut depth = Ids::new();
        for policy in &self.plan.policies {
            // Up to the first policy whose depth is known, or the root; then down again, filling in.
            let mut path = Vec::new();
            let mut at = policy.id.as_str();
            let above = loop {
                if let Some(&d) = depth.get(at) {
                    break d;
                }
                path.push(at);
                match parents.get(at).and_then(|&p| self.plan.policies[p].parent.as_deref()) {
                    Some(up) if known.contains_key(up) => at = up,
                    _ => break 0,
                }
            };
            for (i, id) in path.into_iter().rev().enumerate() {
                depth.insert(id.to_string(), above + i + 1);
            }
        }
        for policy in &self.plan.policies {
            let level = depth[policy.id.as_str()];
            if level > MAX_POLICY_DEPTH {
                self.push(&policy.id, "parent", format!("is {level} levels deep"), format!("A policy tree has at most {MAX_POLICY_DEPTH} levels."));
            }
        }
    }

    fn check_measure(&mut self, measure: &Measure, policy_ids: &Ids, grades: &[&str]) {
        let id = measure.id.as_str();
        let period = self.plan.period;
        for field in &measure.not_stated {
            if !NOT_STATED_FIELDS.contains(&field.as_str()) {
                self.push(id, "not_stated", format!("lists unknown field \"{field}\""), format!("Use only: {}.", NOT_STATED_FIELDS.join(", ")));
            }
        }
        let not_stated = |field: &str| measure.not_stated.iter().any(|f| f == field);
        if measure.name.trim().is_empty() {
            self.push(id, "name", "is empty", "Copy the measure's name as printed.");
        }
        if measure.departments.iter().all(|d| d.trim().is_empty()) && !not_stated("departments") {
            self.push(id, "departments", "has no department", "Add the 担当課 as printed, or list \"departments\" in `not_stated` if the seed prints none.");
        }
        for link in &measure.policies {
            if !policy_ids.contains_key(link.policy.as_str()) {
                self.push(id, "policies", format!("names unknown policy \"{}\"", link.policy), "Name a policy of the same plan.");
            }
        }
        for entry in &measure.schedule {
            if !period.contains(entry.fy) {
                self.push(id, format!("schedule[{}]", entry.fy), year_outside(entry.fy, period), "Use a fiscal year inside the plan period (the Western year it starts: 令和6年度 = 2024).");
            }
        }
        self.check_indicators(id, &measure.indicators);
        for evaluation in &measure.evaluations {
            let field = format!("evaluations[{}]", evaluation.fy);
            if !period.contains(evaluation.fy) {
                self.push(id, &field, year_outside(evaluation.fy, period), "Use a fiscal year inside the plan period.");
            }
            match &evaluation.grade {
                Some(grade) if !grades.contains(&grade.as_str()) => {
                    self.push(id, format!("{field}.grade"), format!("is \"{grade}\", which is not one of this plan's grades"), format!("Use one of: {}.", grades.join(", ")));
                }
                None if evaluation.note.as_deref().is_none_or(|n| n.trim().is_empty()) => {
                    self.push(id, format!("{field}.note"), "is missing for an evaluation without a grade", "Say why the grade is not stated.");
                }
                _ => {}
            }
        }
    }

    fn check_indicators(&mut self, item: &str, indicators: &[Indicator]) {
        let period = self.plan.period;
        let mut seen = Ids::new();
        for indicator in indicators {
            let at = format!("indicators[{}]", indicator.id);
            if !first(&mut seen, indicator.id.as_str()) {
                self.push(item, format!("{at}.id"), "is used twice in this item", "Give each indicator of an item its own id.");
            }
            let has_number = indicator.baseline.is_some()
                || !indicator.actuals.is_empty()
                || indicator.targets.iter().any(|t| t.value.is_some());
            if has_number && indicator.unit.as_deref().is_none_or(|u| u.trim().is_empty()) {
                self.push(item, format!("{at}.unit"), "is missing for an indicator with numeric values", "Give the unit as printed (件, %, 人, 時間 ...).");
            }
            for target in &indicator.targets {
                let field = format!("{at}.targets[{}]", target.fy);
                if !period.contains(target.fy) || target.fy_from.is_some_and(|from| !period.contains(from) || from > target.fy) {
                    self.push(item, &field, year_outside(target.fy, period), "Use fiscal years inside the plan period, with fy_from not after fy.");
                }
                if target.value.is_none() && target.text.as_deref().is_none_or(|t| t.trim().is_empty()) {
                    self.push(item, &field, "has neither a value nor a text", "Give the number as `value` or the wording as `text`.");
                }
                if target.value.is_some_and(|v| !v.is_finite()) {
                    self.push(item, format!("{field}.value"), "is not a finite number", "Give the number as printed.");
                }
            }
            for actual in &indicator.actuals {
                let field = format!("{at}.actuals[{}]", actual.fy);
                if !period.contains(actual.fy) {
                    self.push(item, &field, year_outside(actual.fy, period), "Use a fiscal year inside the plan period.");
                }
                let Some(reported) = actual.attainment_reported else { continue };
                let target = indicator.targets.iter().find(|t| t.fy == actual.fy && t.fy_from.is_none()).and_then(|t| t.value);
                if let Some(computed) = target.and_then(|target| attainment_percent(indicator.direction, actual.value, target)) {
                    if (computed - reported).abs() > ATTAINMENT_TOLERANCE_POINTS {
                        self.push(
                            item,
                            format!("{field}.attainment_reported"),
                            format!("is {}% but actual ÷ target gives {}%", number(reported), number(computed)),
                            "Check the actual, the target and the reported rate against the seed.",
                        );
                    }
                }
            }
        }
    }

    fn check_summary(&mut self, summary: &Summary, policy_ids: &Ids, grades: &[&str]) {
        let id = summary.id.as_str();
        for row in &summary.rows {
            let at = format!("rows[{}]", row.label);
            if let Some(policy) = &row.policy {
                if !policy_ids.contains_key(policy.as_str()) {
                    self.push(id, format!("{at}.policy"), format!("names unknown policy \"{policy}\""), "Name a policy of the same plan, or leave it out for the whole plan.");
                }
            }
            for (key, count) in row.counts.iter() {
                if count < 0 {
                    self.push(id, format!("{at}.counts.{key}"), format!("is negative ({count})"), "A count is zero or more, as printed.");
                }
                let known = match summary.kind {
                    SummaryKind::GradeCounts => grades.contains(&key),
                    SummaryKind::ItemCounts => key == "policies" || key == "measures",
                };
                if !known {
                    let expected = match summary.kind {
                        SummaryKind::GradeCounts => grades.join(", "),
                        SummaryKind::ItemCounts => "policies, measures".to_string(),
                    };
                    self.push(id, format!("{at}.counts.{key}"), format!("\"{key}\" is not a known grade or count"), format!("Use one of: {expected}."));
                }
            }
            if let Some(total) = row.total.filter(|&t| t < 0) {
                self.push(id, format!("{at}.total"), format!("is negative ({total})"), "A count is zero or more, as printed.");
            }
        }
    }
}

fn year_outside(fy: FiscalYear, period: Period) -> String {
    format!("{fy} is outside the plan period {}–{}", period.from, period.to)
}

/// Attainment in percent: actual ÷ target for increasing indicators, target ÷ actual for decreasing ones.
/// `None` when the division has no meaning (a zero denominator).
pub fn attainment_percent(direction: Direction, actual: f64, target: f64) -> Option<f64> {
    let (num, den) = match direction {
        Direction::Increase | Direction::Maintain => (actual, target),
        Direction::Decrease => (target, actual),
    };
    (den != 0.0).then(|| num / den * 100.0)
}
