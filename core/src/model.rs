//! The published dataset (`data/plans.json`): the types are the format.
//!
//! Field names follow PRODUCT.md §3 and are public API: add fields, never rename them.
//! Everything a seed does not print is absent (`None`, an empty list) and named in `not_stated`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The version of this format. Bumped only for changes that break readers.
pub const SCHEMA_VERSION: u32 = 1;

/// A fiscal year (年度), stored as the Western year in which it starts: 令和6年度 = 2024.
pub type FiscalYear = i32;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    pub schema_version: u32,
    pub plans: Vec<Plan>,
    /// The themes the compare view lines measures up by; which measure has which is [`crate::themes::assign`].
    #[serde(default)]
    pub themes: Vec<Theme>,
}

impl Dataset {
    /// The dataset for views across plans (`data/plans-overview.json`): without what only the measure view
    /// or the view of one plan shows (each reads one plan's file): the notes, the printed summaries and the
    /// policies' summaries; so that a first view across plans stays within its size budget (PRODUCT.md §6).
    /// Kept: evaluation notes (the validator wants one wherever a grade is not stated) and the themes'.
    ///
    /// ```
    /// # let mut dataset: plan_core::Dataset = serde_json::from_str(r#"{"schema_version": 1, "plans": [{"id": "p",
    /// #   "municipality": {"name": "板橋区", "code": "131199"}, "title": "計画", "period": {"from": 2021, "to": 2025},
    /// #   "status": "策定", "source": "s.txt", "source_line": 1, "notes": ["構成は推定"], "policies": [], "measures": []}]}"#).unwrap();
    /// assert!(dataset.overview().plans[0].notes.is_empty() && dataset.overview().plans[0].summaries.is_empty());
    /// ```
    pub fn overview(&self) -> Dataset {
        let mut overview = self.clone();
        for plan in &mut overview.plans {
            plan.notes.clear();
            plan.summaries.clear();
            for policy in &mut plan.policies {
                policy.note = None;
                policy.summary = None;
                policy.indicators.iter_mut().for_each(|i| i.note = None);
            }
            for measure in &mut plan.measures {
                measure.note = None;
                measure.indicators.iter_mut().for_each(|i| i.note = None);
            }
        }
        overview
    }
}

/// A topic shared across wards (オンライン申請, 防災 ...). Themes are data (`seeds/themes.toml`): a measure
/// has a theme when its text contains any keyword and no exclude, both compared after [`crate::text::fold`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// Stable ASCII id, e.g. `online-application`.
    pub id: String,
    /// The Japanese label.
    pub name: String,
    pub name_en: String,
    pub keywords: Vec<String>,
    /// A measure whose text contains any of these does not get the theme, whatever its keywords say.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude: Vec<String>,
    /// Why the keywords are what they are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Plan {
    /// Stable id, e.g. `itabashi-ict2025`.
    pub id: String,
    pub municipality: Municipality,
    /// The title as printed.
    pub title: String,
    pub period: Period,
    /// 素案, 中間のまとめ, 策定 ...
    pub status: String,
    /// The seed file the plan is written from.
    pub source: String,
    /// The line of `source` where the title is printed.
    pub source_line: u32,
    /// How anything in this plan was derived rather than read off the seed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The plan's evaluation words, best first. Grade rules are data, not code.
    #[serde(default)]
    pub grades: Vec<GradeRule>,
    pub policies: Vec<Policy>,
    pub measures: Vec<Measure>,
    /// Counts and tables the seed prints, stored as reported.
    #[serde(default)]
    pub summaries: Vec<Summary>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Municipality {
    pub name: String,
    /// 全国地方公共団体コード, six digits.
    pub code: String,
}

/// Fiscal years `from..=to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Period {
    pub from: FiscalYear,
    pub to: FiscalYear,
}

impl Period {
    pub fn contains(&self, fy: FiscalYear) -> bool {
        (self.from..=self.to).contains(&fy)
    }
}

/// Where something is printed: a seed file and a 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SourceRef {
    pub file: String,
    pub line: u32,
}

/// One of a plan's evaluation words. Where thresholds are given, the simulation grades by them (`crate::sim`):
/// the first grade, best first, whose threshold the attainment passes; the last grade has none and takes the rest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GradeRule {
    pub grade: String,
    pub meaning: String,
    pub source: SourceRef,
    /// The grade applies when attainment (in %) is strictly above this (上回る). At most one threshold per grade.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attainment_above: Option<f64>,
    /// The grade applies when attainment (in %) is at least this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attainment_at_least: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Policy {
    /// `<plan id>.<local id>`.
    pub id: String,
    /// As printed: Ⅰ, 1, ①, 目標1, 施策9 ...; empty where the seed prints none.
    pub code: String,
    pub name: String,
    /// What the seed calls this level: ビジョン, 基本方針, 目標, 施策 ...
    pub kind: String,
    pub parent: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub source: SourceRef,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// ◎, or the tree parent where the seed prints no marks.
    Primary,
    /// ○
    Related,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PolicyLink {
    pub policy: String,
    pub role: Role,
}

/// The leaf actionable item: 板橋 施策, 北区 事業, 台東 取組.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Measure {
    pub id: String,
    pub code: String,
    pub name: String,
    pub summary: Option<String>,
    pub departments: Vec<String>,
    pub policies: Vec<PolicyLink>,
    pub schedule: Vec<ScheduleEntry>,
    pub indicators: Vec<Indicator>,
    pub evaluations: Vec<Evaluation>,
    /// 【新規】
    pub is_new: bool,
    /// Fields the seed does not print for this measure: summary, departments, schedule, indicators, evaluations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_stated: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub source: SourceRef,
}

/// The fields a measure may list in `not_stated`.
pub const NOT_STATED_FIELDS: [&str; 5] = ["summary", "departments", "schedule", "indicators", "evaluations"];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ScheduleEntry {
    pub fy: FiscalYear,
    pub text: String,
    pub line: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Increase,
    Decrease,
    Maintain,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Indicator {
    pub id: String,
    pub name: String,
    pub unit: Option<String>,
    pub direction: Direction,
    /// Targets are running totals (延べ, 累計, 3か年の合計) rather than values for one year.
    pub cumulative: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Baseline>,
    pub targets: Vec<Target>,
    pub actuals: Vec<Actual>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Where the indicator is printed; the `line` of each value refers to the same file.
    pub source: SourceRef,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub fy: FiscalYear,
    pub value: f64,
    pub line: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub fy: FiscalYear,
    /// Set when the target covers several years, `fy_from..=fy` (3か年事業量).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fy_from: Option<FiscalYear>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// The wording as printed; alone for qualitative targets (実施, 検討, 拡大).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    pub line: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Actual {
    pub fy: FiscalYear,
    pub value: f64,
    /// Attainment in percent, as the seed prints it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attainment_reported: Option<f64>,
    /// 0 for a `local` actual, which no seed prints.
    pub line: u32,
    /// Imported in this browser ([`crate::import`]), not published: the UI labels it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub local: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Evaluation {
    pub fy: FiscalYear,
    /// One of the plan's grades; `None` where the seed prints only counts (not stated per measure).
    pub grade: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub source: SourceRef,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SummaryKind {
    /// Number of measures per grade (`counts` keys are the plan's grades).
    GradeCounts,
    /// Number of policies and measures (`counts` keys are `policies` and `measures`).
    ItemCounts,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Summary {
    pub id: String,
    pub title: String,
    pub kind: SummaryKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fy: Option<FiscalYear>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub rows: Vec<SummaryRow>,
    pub source: SourceRef,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SummaryRow {
    /// The policy the row is about; `None` for the whole plan.
    pub policy: Option<String>,
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<i64>,
    #[cfg_attr(feature = "schema", schemars(with = "BTreeMap<String, i64>"))]
    pub counts: Counts,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub line: u32,
}

/// A row's counts, by grade or by what is counted (`measures`, `policies`): a JSON object of numbers, held as
/// its pairs in key order, as [`crate::translation::Texts`] holds strings: a map type of its own costs the
/// wasm its code (ARCHITECTURE.md, Budgets).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "BTreeMap<String, i64>", into = "BTreeMap<String, i64>")]
pub struct Counts(pub(crate) Vec<(String, i64)>);

impl Counts {
    pub fn get(&self, key: &str) -> Option<i64> {
        let at = self.0.binary_search_by(|(k, _)| k.as_str().cmp(key)).ok()?;
        Some(self.0[at].1)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, i64)> {
        self.0.iter().map(|(k, v)| (k.as_str(), *v))
    }

    pub fn values(&self) -> impl Iterator<Item = i64> + '_ {
        self.0.iter().map(|(_, v)| *v)
    }
}

impl From<BTreeMap<String, i64>> for Counts {
    fn from(map: BTreeMap<String, i64>) -> Counts {
        Counts(map.into_iter().collect())
    }
}

impl From<Counts> for BTreeMap<String, i64> {
    fn from(counts: Counts) -> BTreeMap<String, i64> {
        counts.0.into_iter().collect()
    }
}

/// `index.json`: one line per plan, enough for the start page without loading any plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PlanIndex {
    pub schema_version: u32,
    pub plans: Vec<IndexEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IndexEntry {
    pub id: String,
    pub title: String,
    pub municipality: Municipality,
    pub period: Period,
    pub status: String,
    /// Number of measures.
    pub measures: usize,
    /// Number of policies.
    pub policies: usize,
    /// Path of the plan's own file, relative to index.json.
    pub file: String,
    /// The plan's recorded outcomes, one per fiscal year it was graded in ([`crate::sim::records`]): what
    /// the forecast of every plan rests on, so a view of one plan can give it without loading the others.
    #[serde(default)]
    pub record: Vec<Record>,
}

/// A plan's recorded outcome in one fiscal year: how many measures were graded, and how many of them got
/// the plan's worst grade (未達成). Counted from the data ([`crate::sim::records`]), never typed in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Record {
    pub fy: FiscalYear,
    pub graded: u32,
    pub not_met: u32,
    /// The printed grade count of that year, or else the first graded evaluation.
    pub source: SourceRef,
}

impl Plan {
    /// Every indicator with the name of the policy or measure it belongs to: policies' first, then
    /// measures', in document order.
    pub fn indicators_by_owner(&self) -> impl Iterator<Item = (&str, &Indicator)> {
        let policies = self.policies.iter().map(|p| (p.name.as_str(), &p.indicators));
        let measures = self.measures.iter().map(|m| (m.name.as_str(), &m.indicators));
        policies.chain(measures).flat_map(|(owner, list)| list.iter().map(move |i| (owner, i)))
    }
}

impl PlanIndex {
    /// The published index, with every plan's record.
    pub fn of(dataset: &Dataset) -> PlanIndex {
        let mut index = PlanIndex::listing(dataset);
        for (entry, plan) in index.plans.iter_mut().zip(&dataset.plans) {
            entry.record = crate::sim::records(plan);
        }
        index
    }

    /// Only the plans that have a record (`records.json`): what the plan view across plans reads for its
    /// outlooks, with the plans it shows from their own files. At 100 times the plans `index.json` is 8.7 KB
    /// gzip, and put that view 4.0 KB over the budget (issue 17).
    pub fn recorded(&self) -> PlanIndex {
        let plans = self.plans.iter().filter(|e| !e.record.is_empty()).cloned().collect();
        PlanIndex { schema_version: self.schema_version, plans }
    }

    /// The plans without their records: what the start page lists, when the data is already loaded. The
    /// resident bundle never counts records (it reads them from index.json), so it doesn't carry the code.
    pub fn listing(dataset: &Dataset) -> PlanIndex {
        PlanIndex {
            schema_version: SCHEMA_VERSION,
            plans: dataset
                .plans
                .iter()
                .map(IndexEntry::of)
                .collect(),
        }
    }
}

impl IndexEntry {
    /// A loaded plan's line, without its record.
    pub fn of(plan: &Plan) -> IndexEntry {
        let (measures, policies) = (plan.measures.len(), plan.policies.len());
        IndexEntry::listed(&plan.id, &plan.title, &plan.municipality, plan.period, &plan.status, measures, policies)
    }

    /// A plan as the start page lists it, without its record.
    pub fn listed(id: &str, title: &str, municipality: &Municipality, period: Period, status: &str, measures: usize, policies: usize) -> IndexEntry {
        IndexEntry {
            id: id.to_string(),
            title: title.to_string(),
            municipality: municipality.clone(),
            period,
            status: status.to_string(),
            measures,
            policies,
            file: format!("plans/{id}.json"),
            record: vec![],
        }
    }
}
