//! The CSV for Excel (`plans.csv`, and the app's export of a filtered view): long format, one row per
//! measure × indicator × fiscal year.
//! UTF-8 with BOM and CRLF so that Excel in Japan opens it as it is; numbers without units or commas;
//! blank for unknown, never 0. A target that covers several years has 年度 `2021-2023`.

use std::collections::BTreeMap;

use crate::model::{Dataset, Measure, Role};

pub const HEADER: [&str; 14] = [
    "全国地方公共団体コード",
    "地方公共団体名",
    "計画ID",
    "計画名",
    "基本方針ID",
    "施策ID",
    "施策名",
    "担当課",
    "指標名",
    "単位",
    "年度",
    "目標値",
    "実績値",
    "目標（記載）",
];

/// Every measure of the dataset.
pub fn render(dataset: &Dataset) -> Vec<u8> {
    render_some(dataset, |_, _| true)
}

/// The measures `keep(plan index, measure index)` accepts, e.g. the current filter's matches.
pub fn render_some(dataset: &Dataset, keep: impl Fn(usize, usize) -> bool) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    push_row(&mut out, HEADER.iter().map(|s| s.to_string()));
    for (plan_at, plan) in dataset.plans.iter().enumerate() {
        for measure in plan.measures.iter().enumerate().filter(|(i, _)| keep(plan_at, *i)).map(|(_, m)| m) {
            for indicator in &measure.indicators {
                // year label -> (target value, actual value, target wording)
                let mut years: BTreeMap<String, (Option<f64>, Option<f64>, Vec<String>)> = BTreeMap::new();
                for target in &indicator.targets {
                    let year = match target.fy_from {
                        Some(from) => format!("{from}-{}", target.fy),
                        None => target.fy.to_string(),
                    };
                    let cell = years.entry(year).or_default();
                    cell.0 = cell.0.or(target.value);
                    cell.2.extend(target.text.clone());
                }
                for actual in &indicator.actuals {
                    years.entry(actual.fy.to_string()).or_default().1 = Some(actual.value);
                }
                for (year, (target, actual, texts)) in years {
                    push_row(
                        &mut out,
                        [
                            plan.municipality.code.clone(),
                            plan.municipality.name.clone(),
                            plan.id.clone(),
                            plan.title.clone(),
                            primary_policy(measure),
                            measure.id.clone(),
                            measure.name.clone(),
                            measure.departments.join("、"),
                            indicator.name.clone(),
                            indicator.unit.clone().unwrap_or_default(),
                            year,
                            target.map(number).unwrap_or_default(),
                            actual.map(number).unwrap_or_default(),
                            texts.join(" / "),
                        ]
                        .into_iter(),
                    );
                }
            }
        }
    }
    out.into_bytes()
}

fn primary_policy(measure: &Measure) -> String {
    measure
        .policies
        .iter()
        .find(|l| l.role == Role::Primary)
        .or(measure.policies.first())
        .map(|l| l.policy.clone())
        .unwrap_or_default()
}

/// `1234.5`, `20`: no unit, no thousands separator, no trailing `.0` (at most two decimals, as the seeds print).
pub fn number(value: f64) -> String {
    crate::format::number(value).replace(',', "")
}

fn push_row(out: &mut String, cells: impl Iterator<Item = String>) {
    let row: Vec<String> = cells.map(|c| quote(&c)).collect();
    out.push_str(&row.join(","));
    out.push_str("\r\n");
}

/// RFC 4180 quoting; a leading `=`, `+`, `-` or `@` is prefixed with `'` so Excel never runs a formula.
pub fn quote(cell: &str) -> String {
    let guarded = if cell.starts_with(['=', '+', '-', '@']) && cell.parse::<f64>().is_err() {
        format!("'{cell}")
    } else {
        cell.to_string()
    };
    if guarded.contains([',', '"', '\r', '\n']) { format!("\"{}\"", guarded.replace('"', "\"\"")) } else { guarded }
}
