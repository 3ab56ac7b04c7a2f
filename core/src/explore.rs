//! Filtering, search and live facet counts over every measure of a dataset.
//!
//! [`Catalog::new`] precomputes, once per dataset, what each measure can be filtered by (its plan, the
//! policies above it, departments, fiscal years, grades, 【新規】 and its folded text). [`Catalog::explore`]
//! then answers a [`Filter`] in one pass: the matching measures and, for every facet, how many measures
//! each choice would give with all the *other* filters applied (so counts update live and never show a
//! choice that leads nowhere without saying so).
//!
//! ```
//! # let dataset: plan_core::Dataset = serde_json::from_str(r#"{"schema_version": 1, "plans": []}"#).unwrap();
//! use plan_core::{explore::{Catalog, Filter}, query::Query};
//! let identity = |s: &str| s.to_string();
//! let catalog = Catalog::new(&dataset, &identity);
//! let query = catalog.sanitize(&Query::from_pairs([("year", "2022")]));
//! let results = catalog.explore(&Filter::new(&catalog, &query, &identity));
//! assert!(results.matches.is_empty());
//! ```

use std::collections::HashMap;

use crate::model::{Dataset, FiscalYear, Measure, Plan, Policy, Role};
use crate::query::Query;
use crate::search::matching::{self, OWN_ZONES, RANKS, Synonyms, WordHits};
use crate::text::{Normalizer, fold_fields, terms};

/// A measure's place in the dataset: `dataset.plans[plan].measures[measure]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MeasureRef {
    pub plan: usize,
    pub measure: usize,
}

/// A policy's place in the dataset: `dataset.plans[plan].policies[policy]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PolicyRef {
    pub plan: usize,
    pub policy: usize,
}

/// Separates the fields of a measure's searchable text; folding drops control characters from every
/// query, so no word matches across two fields.
pub const FIELD_SEPARATOR: char = '\u{1}';

pub(crate) struct Entry {
    pub(crate) at: MeasureRef,
    /// The folded zones of [`matching`]: code and name; summary; departments, schedule and indicator
    /// names, separated by [`FIELD_SEPARATOR`]. Empty in a catalog read from the search index, whose
    /// searches give their matches ([`Filter::hits`]).
    pub(crate) text: [String; OWN_ZONES],
    /// Indexes into `Catalog::years`.
    pub(crate) years: Vec<usize>,
    /// Indexes into `Catalog::departments`.
    pub(crate) departments: Vec<usize>,
    /// Indexes into `Catalog::grades`.
    pub(crate) grades: Vec<usize>,
    /// Indexes into `Catalog::policies`: the primary policies and everything above them.
    pub(crate) primary_scope: Vec<usize>,
    /// The same for every linked policy, primary or related.
    pub(crate) any_scope: Vec<usize>,
    pub(crate) is_new: bool,
    /// Indexes into the dataset's themes (the compare view's).
    pub(crate) themes: Vec<usize>,
}

/// Everything a dataset can be filtered by, precomputed.
pub struct Catalog {
    pub(crate) entries: Vec<Entry>,
    /// Every policy, plan by plan, in document order.
    pub policies: Vec<PolicyRef>,
    pub(crate) policy_index: HashMap<String, usize>,
    pub(crate) plan_index: HashMap<String, usize>,
    /// Every department as printed, in order of first appearance.
    pub departments: Vec<String>,
    /// Every fiscal year of any plan period, ascending.
    pub years: Vec<FiscalYear>,
    /// Every grade word of any plan, in each plan's order.
    pub grades: Vec<String>,
    /// Per policy, its folded code, name and indicator names (empty when read from the search index).
    pub(crate) policy_texts: Vec<String>,
    /// Per plan, the last fiscal year of its period: a search ranks plans that have ended after the others.
    pub(crate) plan_ends: Vec<FiscalYear>,
    /// The themes' keywords, which a search word stands for with `exact` off.
    pub synonyms: Synonyms,
}

/// What the measures are narrowed by; built from a sanitized [`Query`].
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Plan indexes; empty means every plan.
    pub plans: Vec<usize>,
    /// Index into `Catalog::policies`.
    pub policy: Option<usize>,
    pub related: bool,
    pub department: Option<usize>,
    /// Index into `Catalog::years`.
    pub year: Option<usize>,
    /// Index into `Catalog::grades`.
    pub grade: Option<usize>,
    pub new_only: bool,
    /// Folded search words; a measure must match every one ([`matching`]).
    pub terms: Vec<String>,
    /// Per term, the themes (indexes) whose measures it also finds; none with `exact=1`.
    pub synonyms: Vec<Vec<usize>>,
    /// The documents ([`matching`]) each term is in, when a search index found them
    /// ([`crate::search::grams::search`]) instead of the catalog's text.
    pub hits: Option<Vec<Vec<u32>>>,
    /// This fiscal year: a search ranks measures of plans that ended before it after the others (0: no
    /// plan has ended).
    pub today: FiscalYear,
}

/// The matching measures, and per facet the count each choice would give.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Results {
    /// In document order; with a search, best first ([`matching`]).
    pub matches: Vec<MeasureRef>,
    /// Per match, the policy (a `Catalog::policies` index) it was found through when a search word was
    /// not in its own text.
    pub via: Vec<Option<usize>>,
    /// Per plan index.
    pub plans: Vec<usize>,
    /// Per `Catalog::policies` index.
    pub policies: Vec<usize>,
    /// Per `Catalog::departments` index.
    pub departments: Vec<usize>,
    /// Per `Catalog::years` index.
    pub years: Vec<usize>,
    /// Per `Catalog::grades` index.
    pub grades: Vec<usize>,
    /// Measures marked 【新規】.
    pub new: usize,
}

const PLAN: u8 = 1;
const POLICY: u8 = 1 << 1;
const DEPARTMENT: u8 = 1 << 2;
const YEAR: u8 = 1 << 3;
const GRADE: u8 = 1 << 4;
const NEW: u8 = 1 << 5;

impl Catalog {
    pub fn new(dataset: &Dataset, normalize: Normalizer) -> Catalog {
        let mut catalog = Catalog {
            entries: Vec::new(),
            policies: Vec::new(),
            policy_index: HashMap::new(),
            plan_index: dataset.plans.iter().enumerate().map(|(i, p)| (p.id.clone(), i)).collect(),
            departments: Vec::new(),
            years: Vec::new(),
            grades: Vec::new(),
            policy_texts: Vec::new(),
            plan_ends: dataset.plans.iter().map(|p| p.period.to).collect(),
            synonyms: Synonyms::new(&dataset.themes, normalize),
        };
        let mut years = Vec::new();
        for (plan_at, plan) in dataset.plans.iter().enumerate() {
            crate::sorted::extend(&mut years, plan.period.from..=plan.period.to);
            for (policy_at, policy) in plan.policies.iter().enumerate() {
                catalog.policy_index.insert(policy.id.clone(), catalog.policies.len());
                catalog.policies.push(PolicyRef { plan: plan_at, policy: policy_at });
                catalog.policy_texts.push(policy_text(policy, normalize));
            }
            for grade in &plan.grades {
                if !catalog.grades.contains(&grade.grade) {
                    catalog.grades.push(grade.grade.clone());
                }
            }
        }
        catalog.years = years;
        let themes = crate::themes::assign(dataset, normalize);
        let mut department_index: HashMap<String, usize> = HashMap::new();
        for (plan_at, plan) in dataset.plans.iter().enumerate() {
            for (measure_at, measure) in plan.measures.iter().enumerate() {
                let departments = measure
                    .departments
                    .iter()
                    .map(|d| {
                        *department_index.entry(d.clone()).or_insert_with(|| {
                            catalog.departments.push(d.clone());
                            catalog.departments.len() - 1
                        })
                    })
                    .collect();
                let years = measure_years(measure)
                    .into_iter()
                    .filter_map(|fy| catalog.years.binary_search(&fy).ok())
                    .collect();
                let mut grades = Vec::new();
                crate::sorted::extend(
                    &mut grades,
                    measure
                        .evaluations
                        .iter()
                        .filter_map(|e| e.grade.as_ref())
                        .filter_map(|g| catalog.grades.iter().position(|known| known == g)),
                );
                let scope = |primary_only: bool| catalog.scope(plan, measure, primary_only);
                let entry = Entry {
                    at: MeasureRef { plan: plan_at, measure: measure_at },
                    text: searchable_text(measure, normalize),
                    years,
                    departments,
                    grades,
                    primary_scope: scope(true),
                    any_scope: scope(false),
                    is_new: measure.is_new,
                    themes: themes[plan_at][measure_at].clone(),
                };
                catalog.entries.push(entry);
            }
        }
        catalog
    }

    /// The linked policies (primary ones only, or all) and every policy above them, as indexes.
    fn scope(&self, plan: &Plan, measure: &Measure, primary_only: bool) -> Vec<usize> {
        let mut scope = Vec::new();
        for link in measure.policies.iter().filter(|l| !primary_only || l.role == Role::Primary) {
            let mut at = Some(link.policy.as_str());
            // Bounded by the number of policies, so a malformed loop cannot hang.
            for _ in 0..=plan.policies.len() {
                let Some(id) = at else { break };
                let Some(&index) = self.policy_index.get(id) else { break };
                if !crate::sorted::insert(&mut scope, index) {
                    break;
                }
                at = plan.policies[self.policies[index].policy].parent.as_deref();
            }
        }
        scope
    }

    /// The folded text of every document a search looks in ([`matching`]), in document order: what the
    /// search index's grams are built from.
    pub fn search_docs(&self) -> Vec<&str> {
        self.docs().map(String::as_str).collect()
    }

    fn docs(&self) -> impl Iterator<Item = &String> {
        (0..OWN_ZONES).flat_map(|z| self.entries.iter().map(move |e| &e.text[z])).chain(&self.policy_texts)
    }

    /// The documents each folded word is in, ascending, from the catalog's own text: what the gram files
    /// give the browser.
    pub fn hits(&self, words: &[String]) -> Vec<Vec<u32>> {
        let mut hits = vec![Vec::new(); words.len()];
        for (doc, text) in self.docs().enumerate() {
            for (word, found) in words.iter().zip(&mut hits) {
                if text.contains(word.as_str()) {
                    found.push(doc as u32);
                }
            }
        }
        hits
    }

    /// Each measure's themes (indexes into the dataset's), as `[plan][measure]`.
    pub fn measure_themes(&self) -> Vec<Vec<Vec<usize>>> {
        let mut out: Vec<Vec<Vec<usize>>> = vec![Vec::new(); self.plan_index.len()];
        for entry in &self.entries {
            out[entry.at.plan].push(entry.themes.clone());
        }
        out
    }

    /// Per department, the wards (municipality names) whose plans name it, in the plans' order: the filter
    /// groups its about 70 departments by ward (issue 13). A name several wards print (総務課 in three) is one
    /// department to the filter and the URL, which know departments by name.
    ///
    /// ```
    /// # let json = r#"{"schema_version": 1, "plans": [
    /// #   {"id": "a", "title": "A", "municipality": {"name": "A区", "code": "131199"}, "period": {"from": 2024, "to": 2025},
    /// #    "status": "策定", "source": "s.txt", "source_line": 1, "policies": [], "measures": [
    /// #     {"id": "a1", "code": "1", "name": "m", "departments": ["総務課", "情報課"], "policies": [], "schedule": [],
    /// #      "indicators": [], "evaluations": [], "is_new": false, "source": {"file": "s.txt", "line": 2}}]},
    /// #   {"id": "b", "title": "B", "municipality": {"name": "B区", "code": "131172"}, "period": {"from": 2024, "to": 2025},
    /// #    "status": "策定", "source": "s.txt", "source_line": 1, "policies": [], "measures": [
    /// #     {"id": "b1", "code": "1", "name": "m", "departments": ["窓口課", "総務課"], "policies": [], "schedule": [],
    /// #      "indicators": [], "evaluations": [], "is_new": false, "source": {"file": "s.txt", "line": 2}}]}]}"#;
    /// # let dataset = plan_core::load_dataset(json).unwrap();
    /// let catalog = plan_core::explore::Catalog::new(&dataset, &|s: &str| s.to_string());
    /// assert_eq!(catalog.departments, ["総務課", "情報課", "窓口課"]);
    /// assert_eq!(catalog.department_wards(&dataset), [vec!["A区", "B区"], vec!["A区"], vec!["B区"]]);
    /// ```
    pub fn department_wards<'a>(&self, dataset: &'a Dataset) -> Vec<Vec<&'a str>> {
        let mut wards = vec![Vec::new(); self.departments.len()];
        for entry in &self.entries {
            let ward = dataset.plans[entry.at.plan].municipality.name.as_str();
            for &d in &entry.departments {
                if !wards[d].contains(&ward) {
                    wards[d].push(ward);
                }
            }
        }
        wards
    }

    pub fn measure_count(&self) -> usize {
        self.entries.len()
    }

    pub fn policy_index(&self, id: &str) -> Option<usize> {
        self.policy_index.get(id).copied()
    }

    pub fn plan_index(&self, id: &str) -> Option<usize> {
        self.plan_index.get(id).copied()
    }

    /// The query without values this dataset doesn't know (unknown plans, policies, departments, grades,
    /// years outside every plan, a measure that doesn't exist): they are ignored, the rest applies.
    pub fn sanitize(&self, query: &Query) -> Query {
        let mut q = query.clone();
        q.plans.retain(|p| self.plan_index.contains_key(p));
        q.policy = q.policy.filter(|p| self.policy_index.contains_key(p));
        q.dept = q.dept.filter(|d| self.departments.contains(d));
        q.year = q.year.filter(|y| self.years.binary_search(y).is_ok());
        q.grade = q.grade.filter(|g| self.grades.contains(g));
        q
    }

    /// Runs a filter: one pass over the measures, counting facets as it goes.
    pub fn explore(&self, filter: &Filter) -> Results {
        let mut results = Results {
            matches: Vec::new(),
            via: Vec::new(),
            plans: vec![0; self.plan_index.len()],
            policies: vec![0; self.policies.len()],
            departments: vec![0; self.departments.len()],
            years: vec![0; self.years.len()],
            grades: vec![0; self.grades.len()],
            new: 0,
        };
        let words: Vec<WordHits> = if filter.terms.is_empty() {
            Vec::new()
        } else {
            let from_text;
            let hits = match &filter.hits {
                Some(hits) => hits,
                None => {
                    from_text = self.hits(&filter.terms);
                    &from_text
                }
            };
            hits.iter().map(|docs| WordHits::new(docs, self.entries.len(), self.policies.len())).collect()
        };
        let mut ranked: Vec<(u8, MeasureRef, Option<usize>)> = Vec::new();
        for (ordinal, entry) in self.entries.iter().enumerate() {
            let current = self.plan_ends.get(entry.at.plan).is_none_or(|&end| end >= filter.today);
            let Some((rank, via)) = matching::rank(&words, &filter.synonyms, ordinal, &entry.primary_scope, &entry.themes, current) else {
                continue;
            };
            let scope = if filter.related { &entry.any_scope } else { &entry.primary_scope };
            let mut failing = 0u8;
            if !filter.plans.is_empty() && !filter.plans.contains(&entry.at.plan) {
                failing |= PLAN;
            }
            if filter.policy.is_some_and(|p| !scope.contains(&p)) {
                failing |= POLICY;
            }
            if filter.department.is_some_and(|d| !entry.departments.contains(&d)) {
                failing |= DEPARTMENT;
            }
            if filter.year.is_some_and(|y| !entry.years.contains(&y)) {
                failing |= YEAR;
            }
            if filter.grade.is_some_and(|g| !entry.grades.contains(&g)) {
                failing |= GRADE;
            }
            if filter.new_only && !entry.is_new {
                failing |= NEW;
            }
            // A measure counts for a facet when it passes every *other* filter.
            let counts_for = |facet: u8| failing & !facet == 0;
            if failing == 0 {
                ranked.push((rank, entry.at, via));
            }
            if counts_for(PLAN) {
                results.plans[entry.at.plan] += 1;
            }
            if counts_for(POLICY) {
                scope.iter().for_each(|&p| results.policies[p] += 1);
            }
            if counts_for(DEPARTMENT) {
                entry.departments.iter().for_each(|&d| results.departments[d] += 1);
            }
            if counts_for(YEAR) {
                entry.years.iter().for_each(|&y| results.years[y] += 1);
            }
            if counts_for(GRADE) {
                entry.grades.iter().for_each(|&g| results.grades[g] += 1);
            }
            if counts_for(NEW) && entry.is_new {
                results.new += 1;
            }
        }
        // Rank by rank, each in document order: no sort, whose code the wasm would carry.
        for rank in 0..RANKS as u8 {
            for &(r, at, via) in &ranked {
                if r == rank {
                    results.matches.push(at);
                    results.via.push(via);
                }
            }
        }
        results
    }
}

impl Filter {
    /// The filter a query describes. Pass a [`Catalog::sanitize`]d query: unknown values are ignored here too.
    pub fn new(catalog: &Catalog, query: &Query, normalize: Normalizer) -> Filter {
        let terms = terms(&query.q, normalize);
        Filter {
            plans: query.plans.iter().filter_map(|p| catalog.plan_index(p)).collect(),
            policy: query.policy.as_deref().and_then(|p| catalog.policy_index(p)),
            related: query.related,
            department: query.dept.as_ref().and_then(|d| catalog.departments.iter().position(|k| k == d)),
            year: query.year.and_then(|y| catalog.years.binary_search(&y).ok()),
            grade: query.grade.as_ref().and_then(|g| catalog.grades.iter().position(|k| k == g)),
            new_only: query.new_only,
            synonyms: terms.iter().map(|t| if query.exact { vec![] } else { catalog.synonyms.of(t) }).collect(),
            terms,
            hits: None,
            today: 0,
        }
    }
}

/// The fiscal years a measure is active in, in order: its schedule, and every year its targets cover.
pub fn measure_years(measure: &Measure) -> Vec<FiscalYear> {
    let mut years = Vec::new();
    crate::sorted::extend(&mut years, measure.schedule.iter().map(|s| s.fy));
    for target in measure.indicators.iter().flat_map(|i| &i.targets) {
        crate::sorted::extend(&mut years, target.fy_from.unwrap_or(target.fy)..=target.fy);
    }
    years
}

/// A measure's folded zones ([`matching`]).
fn searchable_text(measure: &Measure, normalize: Normalizer) -> [String; OWN_ZONES] {
    let mut rest: Vec<&str> = measure.departments.iter().map(String::as_str).collect();
    rest.extend(measure.schedule.iter().map(|s| s.text.as_str()));
    rest.extend(measure.indicators.iter().map(|i| i.name.as_str()));
    let summary = measure.summary.as_deref().unwrap_or_default();
    [
        fields(&[&measure.code, &measure.name], normalize),
        fields(&[summary], normalize),
        fields(&rest, normalize),
    ]
}

/// A policy's folded code, name and indicator names.
fn policy_text(policy: &Policy, normalize: Normalizer) -> String {
    let mut parts = vec![policy.code.as_str(), policy.name.as_str()];
    parts.extend(policy.indicators.iter().map(|i| i.name.as_str()));
    fields(&parts, normalize)
}

/// Folded texts, separated by [`FIELD_SEPARATOR`], normalised in one call ([`fold_fields`]).
fn fields(parts: &[&str], normalize: Normalizer) -> String {
    let joined = parts.join(FIELD_SEPARATOR.encode_utf8(&mut [0; 4]));
    fold_fields(&normalize(&joined), Some(FIELD_SEPARATOR))
}
