//! Recomputes the figures a seed prints (grade counts, numbers of policies and measures) from the
//! per-item data, so that the app can show reported and computed side by side.
//!
//! Rules, also in docs/DATA.md:
//! - A row's scope is its policy and every policy below it (the whole plan when it names none).
//! - A measure is in scope when its primary policy is in scope (its first related one if it has no primary).
//! - `grade_counts`: measures in scope per grade of their evaluation in the summary's fiscal year.
//!   Where any measure in scope has no grade for that year, the computed count is not stated.
//! - `item_counts`: `measures` counts measures in scope; `policies` counts the lowest-level policies
//!   in scope (those with no policy below them), which is how the seeds count 施策.

use std::collections::HashMap;

use crate::model::{Plan, Policy, Role, Summary, SummaryKind, SummaryRow};

/// A reported figure and the same figure computed from the items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub key: String,
    pub reported: i64,
    /// `None` where the items do not state it (e.g. grades printed only as counts).
    pub computed: Option<i64>,
}

impl Comparison {
    pub fn agrees(&self) -> bool {
        self.computed == Some(self.reported)
    }
}

/// One comparison per printed figure of the row (its counts, then its total if printed).
pub fn compare_row(plan: &Plan, summary: &Summary, row: &SummaryRow) -> Vec<Comparison> {
    let scope = Scope::new(plan, row.policy.as_deref());
    // A list, not a map: it is only looked up, and a B-tree map of these types is code of its own in the wasm.
    let computed: Vec<(String, Option<i64>)> = match summary.kind {
        SummaryKind::GradeCounts => {
            let grades: Vec<Option<&str>> = plan
                .measures
                .iter()
                .filter(|m| scope.contains_measure(m))
                .map(|m| {
                    m.evaluations
                        .iter()
                        .find(|e| Some(e.fy) == summary.fy)
                        .and_then(|e| e.grade.as_deref())
                })
                .collect();
            let all_stated = grades.iter().all(Option::is_some);
            let mut counts: Vec<(String, Option<i64>)> = plan.grades.iter().map(|g| (g.grade.clone(), all_stated.then_some(0))).collect();
            for grade in grades.into_iter().flatten() {
                if let Some((_, Some(count))) = counts.iter_mut().find(|(g, _)| g == grade) {
                    *count += 1;
                }
            }
            counts.push(("total".into(), all_stated.then_some(scope.measure_count() as i64)));
            counts
        }
        SummaryKind::ItemCounts => {
            vec![
                ("measures".to_string(), Some(scope.measure_count() as i64)),
                ("policies".to_string(), Some(scope.leaf_policy_count() as i64)),
            ]
        }
    };
    let printed_total = row.total.map(|t| ("total".to_string(), t));
    row.counts
        .iter()
        .map(|(k, v)| (k.to_string(), v))
        .chain(printed_total)
        .map(|(key, reported)| {
            let computed = computed.iter().find(|(k, _)| *k == key).and_then(|&(_, c)| c);
            Comparison { key, reported, computed }
        })
        .collect()
}

/// Indexes into `plan.measures` of the measures a row about `policy` covers (the whole plan for `None`), by
/// the rules above. The simulation rolls grades up with the same rule, so its counts line up with the seeds'.
///
/// ```
/// # let plan: plan_core::Plan = serde_json::from_str(r#"{"id": "p", "municipality": {"name": "板橋区", "code": "131199"},
/// #   "title": "t", "period": {"from": 2021, "to": 2025}, "status": "策定", "source": "s.txt", "source_line": 1,
/// #   "policies": [], "measures": []}"#).unwrap();
/// assert!(plan_core::summary::measures_in_scope(&plan, None).is_empty());
/// ```
pub fn measures_in_scope(plan: &Plan, policy: Option<&str>) -> Vec<usize> {
    let scope = Scope::new(plan, policy);
    (0..plan.measures.len()).filter(|&i| scope.contains_measure(&plan.measures[i])).collect()
}

struct Scope<'a> {
    plan: &'a Plan,
    policies: Vec<&'a str>,
}

impl<'a> Scope<'a> {
    fn new(plan: &'a Plan, root: Option<&str>) -> Self {
        let policies = match root {
            None => plan.policies.iter().map(|p| p.id.as_str()).collect(),
            Some(root) => {
                let position: HashMap<String, usize> = plan.policies.iter().enumerate().map(|(i, p)| (p.id.clone(), i)).collect();
                let under_root = |policy: &Policy| {
                    let mut at = Some(policy.id.as_str());
                    // Bounded, so that a loop in a file not validated cannot hang.
                    for _ in 0..=plan.policies.len() {
                        match at {
                            Some(id) if id == root => return true,
                            Some(id) => at = position.get(id).and_then(|&i| plan.policies[i].parent.as_deref()),
                            None => return false,
                        }
                    }
                    false
                };
                plan.policies.iter().filter(|p| under_root(p)).map(|p| p.id.as_str()).collect()
            }
        };
        Scope { plan, policies }
    }

    fn contains_measure(&self, measure: &crate::model::Measure) -> bool {
        let home = measure
            .policies
            .iter()
            .find(|l| l.role == Role::Primary)
            .or_else(|| measure.policies.first())
            .map(|l| l.policy.as_str());
        match home {
            Some(policy) => self.policies.contains(&policy),
            None => self.policies.len() == self.plan.policies.len(),
        }
    }

    fn measure_count(&self) -> usize {
        self.plan.measures.iter().filter(|m| self.contains_measure(m)).count()
    }

    fn leaf_policy_count(&self) -> usize {
        // How many policies name each one their parent. Keyed by `String`, as the validation's and the
        // catalog's maps are: one type of map is one copy of its code in the wasm.
        let mut children: HashMap<String, usize> = HashMap::new();
        for parent in self.plan.policies.iter().filter_map(|p| p.parent.clone()) {
            *children.entry(parent).or_default() += 1;
        }
        self.policies.iter().filter(|id| !children.contains_key(**id)).count()
    }
}
