//! The hand-editable plan files, `seeds/plans/<plan-id>.toml` (format: seeds/README.md), and their
//! conversion into the published model: local ids get the plan id in front, lines become source refs.
//! Also the themes file, `seeds/themes.toml`.

use std::collections::BTreeMap;

use plan_core::*;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanFile {
    pub schema_version: u32,
    pub id: String,
    pub title: String,
    pub status: String,
    pub source: String,
    pub line: u32,
    #[serde(default)]
    pub notes: Vec<String>,
    pub municipality: Municipality,
    pub period: PeriodSrc,
    #[serde(default)]
    pub grades: Vec<GradeSrc>,
    #[serde(default)]
    pub policies: Vec<PolicySrc>,
    #[serde(default)]
    pub measures: Vec<MeasureSrc>,
    #[serde(default)]
    pub summaries: Vec<SummarySrc>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeriodSrc {
    pub from: FiscalYear,
    pub to: FiscalYear,
    pub line: u32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GradeSrc {
    pub grade: String,
    pub meaning: String,
    pub attainment_above: Option<f64>,
    pub attainment_at_least: Option<f64>,
    pub file: Option<String>,
    pub line: u32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicySrc {
    pub id: String,
    /// Empty where the seed prints no code (e.g. the unnumbered 視点 of DX推進計画2030).
    #[serde(default)]
    pub code: String,
    pub name: String,
    pub kind: String,
    pub parent: Option<String>,
    pub summary: Option<String>,
    #[serde(default)]
    pub indicators: Vec<IndicatorSrc>,
    pub note: Option<String>,
    pub file: Option<String>,
    pub line: u32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasureSrc {
    pub id: String,
    pub code: String,
    pub name: String,
    pub summary: Option<String>,
    #[serde(default)]
    pub departments: Vec<String>,
    #[serde(default)]
    pub policies: Vec<PolicyLink>,
    #[serde(default)]
    pub is_new: bool,
    #[serde(default)]
    pub not_stated: Vec<String>,
    pub note: Option<String>,
    #[serde(default)]
    pub schedule: Vec<ScheduleEntry>,
    #[serde(default)]
    pub indicators: Vec<IndicatorSrc>,
    #[serde(default)]
    pub evaluations: Vec<EvaluationSrc>,
    pub file: Option<String>,
    pub line: u32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorSrc {
    pub id: String,
    pub name: String,
    pub unit: Option<String>,
    pub direction: Direction,
    #[serde(default)]
    pub cumulative: bool,
    pub baseline: Option<Baseline>,
    #[serde(default)]
    pub targets: Vec<Target>,
    #[serde(default)]
    pub actuals: Vec<Actual>,
    pub note: Option<String>,
    pub file: Option<String>,
    pub line: u32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvaluationSrc {
    pub fy: FiscalYear,
    pub grade: Option<String>,
    pub note: Option<String>,
    pub file: Option<String>,
    pub line: u32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SummarySrc {
    pub id: String,
    pub title: String,
    pub kind: SummaryKind,
    pub fy: Option<FiscalYear>,
    pub note: Option<String>,
    #[serde(default)]
    pub rows: Vec<SummaryRowSrc>,
    pub file: Option<String>,
    pub line: u32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SummaryRowSrc {
    pub policy: Option<String>,
    pub label: String,
    pub total: Option<i64>,
    pub counts: BTreeMap<String, i64>,
    pub note: Option<String>,
    pub line: u32,
}

/// `seeds/themes.toml`: the themes exactly in their published shape, so no conversion is needed.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemesFile {
    pub schema_version: u32,
    pub themes: Vec<Theme>,
}

impl PlanFile {
    /// The published plan: ids become `<plan-id>.<local-id>`, every line a [`SourceRef`].
    pub fn into_plan(self) -> Plan {
        let plan_id = self.id.clone();
        let global = |local: &str| format!("{plan_id}.{local}");
        let seed = self.source.clone();
        let at = |file: Option<String>, line: u32| SourceRef { file: file.unwrap_or_else(|| seed.clone()), line };
        let indicators = |list: Vec<IndicatorSrc>| -> Vec<Indicator> {
            list.into_iter()
                .map(|i| Indicator {
                    id: i.id,
                    name: i.name,
                    unit: i.unit,
                    direction: i.direction,
                    cumulative: i.cumulative,
                    baseline: i.baseline,
                    targets: i.targets,
                    actuals: i.actuals,
                    note: i.note,
                    source: at(i.file, i.line),
                })
                .collect()
        };
        Plan {
            id: self.id.clone(),
            municipality: self.municipality,
            title: self.title,
            period: Period { from: self.period.from, to: self.period.to },
            status: self.status,
            source: self.source.clone(),
            source_line: self.line,
            notes: self.notes,
            grades: self
                .grades
                .into_iter()
                .map(|g| GradeRule {
                    grade: g.grade,
                    meaning: g.meaning,
                    source: at(g.file, g.line),
                    attainment_above: g.attainment_above,
                    attainment_at_least: g.attainment_at_least,
                })
                .collect(),
            policies: self
                .policies
                .into_iter()
                .map(|p| Policy {
                    id: global(&p.id),
                    code: p.code,
                    name: p.name,
                    kind: p.kind,
                    parent: p.parent.as_deref().map(global),
                    summary: p.summary,
                    indicators: indicators(p.indicators),
                    note: p.note,
                    source: at(p.file, p.line),
                })
                .collect(),
            measures: self
                .measures
                .into_iter()
                .map(|m| Measure {
                    id: global(&m.id),
                    code: m.code,
                    name: m.name,
                    summary: m.summary,
                    departments: m.departments,
                    policies: m
                        .policies
                        .into_iter()
                        .map(|l| PolicyLink { policy: global(&l.policy), role: l.role })
                        .collect(),
                    schedule: m.schedule,
                    indicators: indicators(m.indicators),
                    evaluations: m
                        .evaluations
                        .into_iter()
                        .map(|e| Evaluation { fy: e.fy, grade: e.grade, note: e.note, source: at(e.file, e.line) })
                        .collect(),
                    is_new: m.is_new,
                    not_stated: m.not_stated,
                    note: m.note,
                    source: at(m.file, m.line),
                })
                .collect(),
            summaries: self
                .summaries
                .into_iter()
                .map(|s| Summary {
                    id: global(&s.id),
                    title: s.title,
                    kind: s.kind,
                    fy: s.fy,
                    note: s.note,
                    rows: s
                        .rows
                        .into_iter()
                        .map(|r| SummaryRow {
                            policy: r.policy.as_deref().map(global),
                            label: r.label,
                            total: r.total,
                            counts: r.counts.into(),
                            note: r.note,
                            line: r.line,
                        })
                        .collect(),
                    source: at(s.file, s.line),
                })
                .collect(),
        }
    }
}
