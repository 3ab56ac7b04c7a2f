//! The data tool: reads `seeds/plans/*.toml`, validates, and writes the published files.
//! Library so that its checks can be tested on small, hand-made inputs.

pub mod build;
pub mod csv;
pub mod locate;
pub mod source;

use std::path::Path;

use plan_core::{Dataset, Plan, SCHEMA_VERSION, validate};

use crate::source::PlanFile;

/// Parses one plan file. `name` is how errors name the file.
pub fn parse_plan(name: &str, text: &str) -> Result<Plan, String> {
    let file: PlanFile = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| locate::line_of_offset(text, s.start)).unwrap_or(1);
        format!("{name}:{line}: {}", e.message().trim_end())
    })?;
    if file.schema_version != SCHEMA_VERSION {
        return Err(format!("{name}:1: schema_version: is {}. This tool reads schema_version {SCHEMA_VERSION}.", file.schema_version));
    }
    Ok(file.into_plan())
}

/// Parses and validates a set of plan files, given as (file name, text). All or nothing.
pub fn load_plans(files: &[(String, String)]) -> Result<Dataset, Vec<String>> {
    let mut plans = Vec::new();
    let mut errors = Vec::new();
    for (name, text) in files {
        match parse_plan(name, text) {
            Ok(plan) => plans.push(plan),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let dataset = Dataset { schema_version: SCHEMA_VERSION, plans };
    let issues = validate(&dataset);
    if issues.is_empty() {
        return Ok(dataset);
    }
    Err(issues
        .iter()
        .map(|issue| {
            let (name, text) = files
                .iter()
                .zip(&dataset.plans)
                .find(|(_, plan)| plan.id == issue.plan)
                .map(|(file, _)| (file.0.as_str(), file.1.as_str()))
                .unwrap_or(("seeds/plans", ""));
            let line = locate::line_of_issue(text, &issue.plan, &issue.item, &issue.field);
            format!("{name}:{line}: {} `{}` field `{}`: {}. {}", issue.plan, issue.item, issue.field, issue.problem, issue.fix)
        })
        .collect())
}

/// Loads every `*.toml` in `<seeds>/plans`, in name order.
pub fn load_seeds(seeds: &Path) -> Result<Dataset, Vec<String>> {
    let dir = seeds.join("plans");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .map_err(|e| vec![format!("{}: cannot read the plan folder: {e}", dir.display())])?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    let files = paths
        .iter()
        .map(|p| {
            std::fs::read_to_string(p)
                .map(|text| (p.display().to_string(), text))
                .map_err(|e| format!("{}: cannot read: {e}", p.display()))
        })
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| vec![e])?;
    load_plans(&files)
}
