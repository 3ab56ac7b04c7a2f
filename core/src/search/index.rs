//! `data/search/index.json` ([`SearchIndex`]): what views across plans filter and count by, with no text of
//! any measure, and `data/names/<id>.json` ([`MeasureNames`]): a plan's measures by name only.
//!
//! Each measure is one row of numbers (layout in [`IndexedPlan::measures`]), so the index grows by a few
//! bytes per measure where the overview grew by about 260 (gzip). The data tool writes it from a
//! [`Catalog`] of the whole dataset ([`SearchIndex::of`]); the browser turns it back into a `Catalog`
//! ([`SearchIndex::catalog`]) that filters and counts exactly as the one it came from, and gets the
//! search words' matches from the [grams](super::grams) instead of the text.
//!
//! ```
//! # let dataset: plan_core::Dataset = serde_json::from_str(r#"{"schema_version": 1, "plans": []}"#).unwrap();
//! use plan_core::{explore::Catalog, search::SearchIndex};
//! let identity = |s: &str| s.to_string();
//! let index = SearchIndex::of(&dataset, &identity, 4);
//! let (catalog, themes) = index.catalog(&identity).unwrap();
//! assert_eq!(catalog.measure_count(), 0);
//! ```

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::explore::{Catalog, Entry, MeasureRef, PolicyRef};
use crate::model::{
    Dataset, FiscalYear, IndexEntry, Municipality, Period, Plan, PlanIndex, SCHEMA_VERSION,
    SourceRef, Theme,
};
use crate::search::matching::Synonyms;
use crate::text::Normalizer;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SearchIndex {
    pub schema_version: u32,
    /// How many files the n-gram postings are split over: `grams/0.json` … (see [`super::grams::file_of`]).
    pub gram_files: u32,
    /// How many files the English words are split over, in the English index (`search/index.en.json`;
    /// [`super::words`]); absent in the Japanese one.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub word_files: u32,
    /// The plans' ids, titles, municipalities and statuses, each a list in the order of `plans`: written
    /// inside each plan, between its rows of numbers, the same texts were 12.9 KB gzip of the index at 100
    /// times the plans against 11.5 now, and 55.4 against 45.6 at 600× (gzip finds fewer repeats when other
    /// text comes between them).
    pub ids: Vec<String>,
    pub titles: Vec<String>,
    /// The municipality's name: no view across plans shows its code (0.6 KB gzip of the index at 100 times
    /// the plans), which a plan's own file has.
    pub municipalities: Vec<String>,
    pub statuses: Vec<String>,
    /// The rest of each plan: its period, policies and measures.
    pub plans: Vec<IndexedPlan>,
    /// Every department as printed, in order of first appearance.
    pub departments: Vec<String>,
    /// Every fiscal year of any plan period, ascending.
    pub years: Vec<FiscalYear>,
    /// Every grade word of any plan, in each plan's order.
    pub grades: Vec<String>,
    /// The compare view's themes, with their keywords (a search's synonyms) and without their excludes
    /// and notes (the rows say which measure has which).
    pub themes: Vec<Theme>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IndexedPlan {
    pub period: Period,
    /// What every one of its policies' ids starts with, left out of `policies`: absent when it is the usual
    /// `<plan id>.` (1.5 of the 15.7 KB gzip of the index at 100 times the plans when it was written out),
    /// empty when the ids share no such prefix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy_prefix: Option<String>,
    /// The ids of its policies without `policy_prefix`, in document order (3 of the 8 KB gzip of the index
    /// at 16× when they were whole).
    pub policies: Vec<String>,
    /// One row per measure, in document order: `[new, runs, (start, length) × runs, departments,
    /// department…, grades, grade…, themes, theme…, primary, policy…, policy…]`. Years, departments and
    /// grades index the index's own lists (years as runs of consecutive ones), themes index `themes`,
    /// policies index this plan's `policies`: first the primary policies and all above them, then what
    /// linked (related) policies add to that.
    pub measures: Vec<Vec<u32>>,
}

/// How many measures one file of cards holds: a page of results loads the files of its measures, so one
/// per file (as Pagefind serves one fragment per result) keeps a page's bytes near what it shows, however
/// scattered its measures are: 20 scattered results measured 28 KB gzip in files of four, 12.5 KB in
/// files of one (README, Size).
pub const CARDS_PER_FILE: usize = 1;

/// `data/cards/<plan id>/<k>.json`: measure `k` of a plan (`k × CARDS_PER_FILE` …), without its notes: what a
/// list and the timeline show of them; and the names of the policies above them, which a search result
/// found through one of them names (issue 13). Checked against the index when read, not validated as a
/// plan (a file of cards has no plan to check them against); a measure's page reads the plan's own file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MeasureCards {
    pub schema_version: u32,
    pub plan: String,
    /// The position in the plan of the first measure.
    pub from: u32,
    pub measures: Vec<crate::model::Measure>,
    /// `[position in the plan's policies, code, name]` of each policy the measures are under (primary
    /// links and every policy above them), in the plan's order.
    #[serde(default)]
    pub policies: Vec<Vec<String>>,
}

impl MeasureCards {
    /// A plan's measures in files of [`CARDS_PER_FILE`], without notes.
    pub fn of(plan: &Plan) -> Vec<MeasureCards> {
        plan.measures
            .chunks(CARDS_PER_FILE)
            .enumerate()
            .map(|(k, measures)| MeasureCards {
                schema_version: SCHEMA_VERSION,
                plan: plan.id.clone(),
                from: (k * CARDS_PER_FILE) as u32,
                policies: policies_above(plan, measures),
                measures: measures
                    .iter()
                    .map(|m| {
                        let mut m = m.clone();
                        m.note = None;
                        m.indicators.iter_mut().for_each(|i| i.note = None);
                        m
                    })
                    .collect(),
            })
            .collect()
    }
}

/// [`MeasureCards::policies`] of these measures of `plan`.
fn policies_above(plan: &Plan, measures: &[crate::model::Measure]) -> Vec<Vec<String>> {
    let mut above = vec![false; plan.policies.len()];
    for link in measures
        .iter()
        .flat_map(|m| &m.policies)
        .filter(|l| l.role == crate::model::Role::Primary)
    {
        let mut at = plan.policies.iter().position(|p| p.id == link.policy);
        // Bounded by the number of policies, so a loop in the parents cannot hang.
        for _ in 0..plan.policies.len() {
            let Some(i) = at.filter(|&i| !above[i]) else {
                break;
            };
            above[i] = true;
            at = plan.policies[i]
                .parent
                .as_ref()
                .and_then(|parent| plan.policies.iter().position(|p| p.id == *parent));
        }
    }
    let rows = plan.policies.iter().enumerate().filter(|(i, _)| above[*i]);
    rows.map(|(i, p)| vec![i.to_string(), p.code.clone(), p.name.clone()])
        .collect()
}

/// A policy not loaded yet: its id is empty.
pub fn placeholder_policy() -> crate::model::Policy {
    crate::model::Policy {
        id: String::new(),
        code: String::new(),
        name: String::new(),
        kind: String::new(),
        parent: None,
        summary: None,
        indicators: vec![],
        note: None,
        source: SourceRef {
            file: String::new(),
            line: 0,
        },
    }
}

/// `data/names/<id>.json`: a plan's measures by id, code and name, in document order, for the compare view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MeasureNames {
    pub schema_version: u32,
    pub plan: String,
    /// `[id, code, name]` per measure.
    pub measures: Vec<Vec<String>>,
}

impl SearchIndex {
    /// Whether each list of the plans' texts has one entry per plan: a damaged file's may not, and nothing
    /// reads one that doesn't ([`crate::load::load_search_index`]).
    pub fn lists_agree(&self) -> bool {
        [self.ids.len(), self.titles.len(), self.municipalities.len(), self.statuses.len()]
            .iter()
            .all(|&len| len == self.plans.len())
    }

    /// Plan `p`'s municipality, without the code the index leaves out.
    fn municipality(&self, p: usize) -> Municipality {
        Municipality { name: self.municipalities[p].clone(), code: String::new() }
    }

    /// What plan `p`'s policies' ids start with: its `policy_prefix`, or `<plan id>.` where that is absent.
    pub fn policy_prefix(&self, p: usize) -> String {
        self.plans[p].policy_prefix.clone().unwrap_or_else(|| format!("{}.", self.ids[p]))
    }

    /// The index of a whole dataset; `gram_files` is how many files its grams are split over.
    pub fn of(dataset: &Dataset, normalize: Normalizer, gram_files: u32) -> SearchIndex {
        let catalog = Catalog::new(dataset, normalize);
        let themes = crate::themes::assign(dataset, normalize);
        let mut entries = catalog.entries.iter();
        let mut policy_offset = 0;
        let mut plans = Vec::new();
        for (p, plan) in dataset.plans.iter().enumerate() {
            let local = |global: &usize| (global - policy_offset) as u32;
            let measures = plan
                .measures
                .iter()
                .enumerate()
                .map(|(m, _)| {
                    let entry = entries.next().expect("one entry per measure");
                    let mut row = vec![u32::from(entry.is_new)];
                    let runs = runs(&entry.years);
                    row.push(runs.len() as u32);
                    row.extend(runs.iter().flat_map(|&(start, length)| [start, length]));
                    for list in [&entry.departments, &entry.grades, &themes[p][m]] {
                        row.push(list.len() as u32);
                        row.extend(list.iter().map(|&i| i as u32));
                    }
                    row.push(entry.primary_scope.len() as u32);
                    row.extend(entry.primary_scope.iter().map(local));
                    row.extend(entry.any_scope.iter().filter(|i| !entry.primary_scope.contains(i)).map(local));
                    row
                })
                .collect();
            policy_offset += plan.policies.len();
            let own = format!("{}.", plan.id);
            let usual = plan.policies.iter().all(|p| p.id.starts_with(&own));
            let prefix = if usual { own } else { String::new() };
            let policies = plan.policies.iter().map(|p| p.id[prefix.len()..].to_string()).collect();
            let policy_prefix = (!usual).then(String::new);
            plans.push(IndexedPlan { period: plan.period, policy_prefix, policies, measures });
        }
        let texts = |text: fn(&Plan) -> &String| dataset.plans.iter().map(|p| text(p).clone()).collect();
        SearchIndex {
            schema_version: SCHEMA_VERSION,
            gram_files,
            word_files: 0,
            ids: texts(|p| &p.id),
            titles: texts(|p| &p.title),
            municipalities: texts(|p| &p.municipality.name),
            statuses: texts(|p| &p.status),
            plans,
            departments: catalog.departments.clone(),
            years: catalog.years.clone(),
            grades: catalog.grades.clone(),
            themes: dataset
                .themes
                .iter()
                .map(|t| Theme {
                    exclude: vec![],
                    note: None,
                    ..t.clone()
                })
                .collect(),
        }
    }

    /// The catalog the index was made from (without the text: searches give it their matches, see
    /// [`crate::explore::Filter::hits`]), and each measure's themes as `[plan][measure]`. A row that doesn't
    /// fit its index (a damaged file) is an error naming the measure, never a panic.
    pub fn catalog(
        &self,
        normalize: Normalizer,
    ) -> Result<(Catalog, Vec<Vec<Vec<usize>>>), String> {
        let mut catalog = Catalog {
            entries: Vec::new(),
            policies: Vec::new(),
            policy_index: HashMap::new(),
            plan_index: self.ids.iter().enumerate().map(|(i, id)| (id.clone(), i)).collect(),
            departments: self.departments.clone(),
            years: self.years.clone(),
            grades: self.grades.clone(),
            policy_texts: Vec::new(),
            plan_ends: self.plans.iter().map(|p| p.period.to).collect(),
            synonyms: Synonyms::new(&self.themes, normalize),
        };
        let mut themes = Vec::new();
        for (p, (plan_id, plan)) in self.ids.iter().zip(&self.plans).enumerate() {
            let offset = catalog.policies.len();
            let prefix = self.policy_prefix(p);
            for (policy, id) in plan.policies.iter().enumerate() {
                catalog.policy_index.insert(format!("{prefix}{id}"), catalog.policies.len());
                catalog.policies.push(PolicyRef { plan: p, policy });
            }
            let mut plan_themes = Vec::new();
            for (m, row) in plan.measures.iter().enumerate() {
                let fail = || format!("{}: measure {} of {}: its row does not fit the index", "data/search/index.json", m + 1, plan_id);
                let mut reader = Row { numbers: row, at: 0 };
                let is_new = reader.next().ok_or_else(fail)? == 1;
                let mut years = Vec::new();
                for _ in 0..reader.next().ok_or_else(fail)? {
                    let (start, length) = (reader.next().ok_or_else(fail)?, reader.next().ok_or_else(fail)?);
                    let end = start.checked_add(length).filter(|&end| end as usize <= self.years.len()).ok_or_else(fail)?;
                    years.extend(start..end);
                }
                let departments = reader.list().ok_or_else(fail)?;
                let grades = reader.list().ok_or_else(fail)?;
                let measure_themes = reader.list().ok_or_else(fail)?;
                let primary = reader.list().ok_or_else(fail)?;
                let related = reader.rest();
                let fits = |list: &[u32], len: usize| list.iter().all(|&i| (i as usize) < len);
                if !fits(&years, self.years.len())
                    || !fits(&departments, self.departments.len())
                    || !fits(&grades, self.grades.len())
                    || !fits(&measure_themes, self.themes.len())
                    || !fits(&primary, plan.policies.len())
                    || !fits(related, plan.policies.len())
                {
                    return Err(fail());
                }
                let global = |list: &[u32]| list.iter().map(|&i| offset + i as usize).collect::<Vec<_>>();
                let primary_scope = global(&primary);
                let mut any_scope = Vec::new();
                crate::sorted::extend(&mut any_scope, primary_scope.iter().copied().chain(global(related)));
                let usize_of = |list: Vec<u32>| list.into_iter().map(|i| i as usize).collect::<Vec<_>>();
                catalog.entries.push(Entry {
                    at: MeasureRef {
                        plan: p,
                        measure: m,
                    },
                    text: Default::default(),
                    years: usize_of(years),
                    departments: usize_of(departments),
                    grades: usize_of(grades),
                    primary_scope,
                    any_scope,
                    is_new,
                    themes: usize_of(measure_themes.clone()),
                });
                plan_themes.push(usize_of(measure_themes));
            }
            themes.push(plan_themes);
        }
        Ok((catalog, themes))
    }

    /// The plans as the start page lists them.
    pub fn listing(&self) -> PlanIndex {
        PlanIndex {
            schema_version: SCHEMA_VERSION,
            plans: (0..self.plans.len())
                .map(|p| {
                    let plan = &self.plans[p];
                    let (id, title, status) = (&self.ids[p], &self.titles[p], &self.statuses[p]);
                    IndexEntry::listed(id, title, &self.municipality(p), plan.period, status, plan.measures.len(), plan.policies.len())
                })
                .collect(),
        }
    }

    /// A dataset of every plan with no policy or measure yet: what views across plans start from, each
    /// plan replaced by its own file once a view shows some of its measures.
    pub fn outline(&self) -> Dataset {
        let plans = (0..self.plans.len())
            .map(|p| Plan {
                id: self.ids[p].clone(),
                municipality: self.municipality(p),
                title: self.titles[p].clone(),
                period: self.plans[p].period,
                status: self.statuses[p].clone(),
                source: String::new(),
                source_line: 0,
                notes: vec![],
                grades: vec![],
                policies: vec![],
                measures: vec![],
                summaries: vec![],
            })
            .collect();
        Dataset { schema_version: SCHEMA_VERSION, plans, themes: self.themes.clone() }
    }
}

impl MeasureNames {
    pub fn of(plan: &Plan) -> MeasureNames {
        MeasureNames {
            schema_version: SCHEMA_VERSION,
            plan: plan.id.clone(),
            measures: plan.measures.iter().map(|m| vec![m.id.clone(), m.code.clone(), m.name.clone()]).collect(),
        }
    }

    /// The plan's measures with only their id, code and name: enough for the compare view. `None` when
    /// the file is not this plan's or a row is not `[id, code, name]`.
    pub fn measures(&self, plan_id: &str) -> Option<Vec<crate::model::Measure>> {
        if self.plan != plan_id {
            return None;
        }
        self.measures
            .iter()
            .map(|row| match row.as_slice() {
                [id, code, name] => Some(crate::model::Measure { id: id.clone(), code: code.clone(), name: name.clone(), ..placeholder() }),
                _ => None,
            })
            .collect()
    }
}

/// A measure not loaded yet: its id is empty.
pub fn placeholder() -> crate::model::Measure {
    crate::model::Measure {
        id: String::new(),
        code: String::new(),
        name: String::new(),
        summary: None,
        departments: vec![],
        policies: vec![],
        schedule: vec![],
        indicators: vec![],
        evaluations: vec![],
        is_new: false,
        not_stated: vec![],
        note: None,
        source: SourceRef { file: String::new(), line: 0 },
    }
}

/// Ascending indexes as runs of consecutive ones: `[2, 3, 4, 7]` → `[(2, 3), (7, 1)]`.
fn runs(sorted: &[usize]) -> Vec<(u32, u32)> {
    let mut out: Vec<(u32, u32)> = Vec::new();
    for &i in sorted {
        match out.last_mut() {
            Some((start, length)) if (*start + *length) as usize == i => *length += 1,
            _ => out.push((i as u32, 1)),
        }
    }
    out
}

struct Row<'a> {
    numbers: &'a [u32],
    at: usize,
}

impl<'a> Row<'a> {
    fn next(&mut self) -> Option<u32> {
        let n = self.numbers.get(self.at).copied();
        self.at += 1;
        n
    }

    /// A count, then that many numbers; `None` when the row ends first.
    fn list(&mut self) -> Option<Vec<u32>> {
        let count = self.next()?;
        let end = self.at.checked_add(count as usize).filter(|&end| end <= self.numbers.len())?;
        let list = self.numbers[self.at..end].to_vec();
        self.at = end;
        Some(list)
    }

    fn rest(&self) -> &'a [u32] {
        self.numbers.get(self.at..).unwrap_or(&[])
    }
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}
