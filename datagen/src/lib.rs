//! The data tool: reads `seeds/plans/*.toml` and `seeds/themes.toml`, validates, and writes the published files.
//! Library so that its checks can be tested on small, hand-made inputs.

pub mod build;
pub mod locate;
pub mod notes;
pub mod source;
pub mod synth;
pub mod translate;

use std::path::Path;

use plan_core::{Dataset, Issue, Plan, SCHEMA_VERSION, Theme, validate};

use crate::source::{PlanFile, ThemesFile};

/// Parses one plan file. `name` is how errors name the file.
pub fn parse_plan(name: &str, text: &str) -> Result<Plan, String> {
    let file: PlanFile = toml::from_str(text).map_err(|e| toml_error(name, text, &e))?;
    if file.schema_version != SCHEMA_VERSION {
        return Err(format!(
            "{name}:1: schema_version: is {}. This tool reads schema_version {SCHEMA_VERSION}.",
            file.schema_version
        ));
    }
    Ok(file.into_plan())
}

/// Parses and validates a set of plan files, given as (file name, text). All or nothing.
pub fn load_plans(files: &[(String, String)]) -> Result<Dataset, Vec<String>> {
    let mut plans = Vec::new();
    let mut errors = Vec::new();
    for (name, text) in files {
        match parse_plan(name, text) {
            Ok(plan) => {
                errors.extend(notes::english_notes(name, text));
                plans.push(plan);
            }
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let dataset = Dataset {
        schema_version: SCHEMA_VERSION,
        plans,
        themes: vec![],
    };
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
            located(name, text, issue)
        })
        .collect())
}

/// Parses and validates the themes file. `name` is how errors name the file.
///
/// ```
/// let text = "schema_version = 1\n[[themes]]\nid = \"disaster\"\nname = \"防災\"\nname_en = \"Disaster preparedness\"\nkeywords = [\"防災\"]\n";
/// let themes = plan_data::load_themes("seeds/themes.toml", text).unwrap();
/// assert_eq!(themes[0].id, "disaster");
/// ```
pub fn load_themes(name: &str, text: &str) -> Result<Vec<Theme>, Vec<String>> {
    let file: ThemesFile = toml::from_str(text).map_err(|e| vec![toml_error(name, text, &e)])?;
    if file.schema_version != SCHEMA_VERSION {
        return Err(vec![format!(
            "{name}:1: schema_version: is {}. This tool reads schema_version {SCHEMA_VERSION}.",
            file.schema_version
        )]);
    }
    // Theme rules do not depend on the plans, so a dataset of themes alone gets exactly the theme issues.
    let dataset = Dataset {
        schema_version: SCHEMA_VERSION,
        plans: vec![],
        themes: file.themes,
    };
    let issues = validate(&dataset);
    if issues.is_empty() {
        return Ok(dataset.themes);
    }
    Err(issues
        .iter()
        .map(|issue| located(name, text, issue))
        .collect())
}

/// Checks a published dataset file (`plans.json`, `plans/<id>.json`, `plans-overview.json`) with serde_json,
/// which names the line and column of a syntax or shape error; the app's reader (miniserde) can't, so its
/// error panel points here. `name` is how errors name the file.
///
/// ```
/// let errors = plan_data::check_json("plans.json", "{\n  \"schema_version\": 1,\n  \"plans\": 3\n}").unwrap_err();
/// assert_eq!(errors, ["plans.json:3:12: invalid type: integer `3`, expected a sequence"]);
/// ```
pub fn check_json(name: &str, text: &str) -> Result<Dataset, Vec<String>> {
    let dataset: Dataset = serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(m, _)| m);
        vec![format!("{name}:{}:{}: {message}", e.line(), e.column())]
    })?;
    let issues = validate(&dataset);
    if issues.is_empty() {
        return Ok(dataset);
    }
    Err(issues
        .iter()
        .map(|issue| format!("{name}: {issue}"))
        .collect())
}

pub(crate) fn toml_error(name: &str, text: &str, error: &toml::de::Error) -> String {
    let line = error
        .span()
        .map(|s| locate::line_of_offset(text, s.start))
        .unwrap_or(1);
    format!("{name}:{line}: {}", error.message().trim_end())
}

/// `file:line: issue`, the line found in the file's text.
fn located(name: &str, text: &str, issue: &Issue) -> String {
    let line = locate::line_of_issue(text, &issue.plan, &issue.item, &issue.field);
    format!("{name}:{line}: {issue}")
}

/// The plans and their English (`<seeds>/translations/en/`, [`translate`]), each checked: the mistakes of
/// the plans first, as the English is checked against them.
pub fn load_all(
    seeds: &Path,
) -> Result<(Dataset, plan_core::translation::Translation), Vec<String>> {
    let dataset = load_seeds(seeds)?;
    let english = translate::load(&seeds.join("translations").join(translate::LANG), &dataset)?;
    Ok((dataset, english))
}

/// Loads every `*.toml` in `<seeds>/plans`, in name order, and `<seeds>/themes.toml`.
pub fn load_seeds(seeds: &Path) -> Result<Dataset, Vec<String>> {
    let dir = seeds.join("plans");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .map_err(|e| {
            vec![format!(
                "{}: cannot read the plan folder: {e}",
                dir.display()
            )]
        })?
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
    let themes_path = seeds.join("themes.toml");
    let themes_name = themes_path.display().to_string();
    let themes = std::fs::read_to_string(&themes_path)
        .map_err(|e| vec![format!("{themes_name}: cannot read: {e}")])
        .and_then(|text| load_themes(&themes_name, &text));
    match (load_plans(&files), themes) {
        (Ok(dataset), Ok(themes)) => Ok(Dataset { themes, ..dataset }),
        // Report the mistakes of both, so that one run shows everything to fix.
        (plans, themes) => Err(plans
            .err()
            .into_iter()
            .chain(themes.err())
            .flatten()
            .collect()),
    }
}
