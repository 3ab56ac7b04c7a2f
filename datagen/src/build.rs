//! Writes the published files into one folder (docs/DATA.md describes each):
//! `plans.json`, `plans/<id>.json`, `index.json`, `plans.csv`, `plans.schema.json`, the seed
//! texts under `sources/`, and `plans-overview.json` (`Dataset::overview`) for the app's views across plans.
//! Everything is rendered in memory first, so an error leaves no half-written folder behind.

use std::path::Path;

use plan_core::{Dataset, PlanIndex, Plan, SCHEMA_VERSION, Theme};

/// A dataset holding one plan and every theme: the shape of `plans/<id>.json`, read by the same loader.
pub fn single(plan: &Plan, themes: &[Theme]) -> Dataset {
    Dataset { schema_version: SCHEMA_VERSION, plans: vec![plan.clone()], themes: themes.to_vec() }
}

pub fn schema() -> String {
    let schema = schemars::schema_for!(Dataset);
    serde_json::to_string_pretty(&schema).expect("a schema serialises")
}

/// Every output file as (relative path, contents).
pub fn render(dataset: &Dataset) -> Vec<(String, Vec<u8>)> {
    let json = |value: &dyn erased::Json| value.to_json().into_bytes();
    let mut files = vec![
        ("plans.json".to_string(), json(dataset)),
        ("plans-overview.json".to_string(), json(&dataset.overview())),
        ("index.json".to_string(), json(&PlanIndex::of(dataset))),
        ("plans.csv".to_string(), plan_core::csv::render(dataset)),
        ("plans.schema.json".to_string(), schema().into_bytes()),
    ];
    for plan in &dataset.plans {
        files.push((format!("plans/{}.json", plan.id), json(&single(plan, &dataset.themes))));
    }
    files
}

/// The seed texts, so that the app can show the passage a measure cites: `sources/<seed file>`.
pub fn sources(seeds: &Path) -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(seeds)? {
        let path = entry?.path();
        if path.extension().is_some_and(|x| x == "txt") {
            let name = path.file_name().expect("a file has a name").to_string_lossy().into_owned();
            files.push((format!("sources/{name}"), std::fs::read(&path)?));
        }
    }
    Ok(files)
}

pub fn write_all(dataset: &Dataset, seeds: &Path, out: &Path) -> std::io::Result<()> {
    let mut files = render(dataset);
    files.extend(sources(seeds)?);
    std::fs::create_dir_all(out.join("plans"))?;
    std::fs::create_dir_all(out.join("sources"))?;
    for (path, bytes) in files {
        std::fs::write(out.join(path), bytes)?;
    }
    Ok(())
}

mod erased {
    /// Lets `render` serialise values of different types through one closure.
    pub trait Json {
        fn to_json(&self) -> String;
    }
    impl<T: serde::Serialize> Json for T {
        fn to_json(&self) -> String {
            serde_json::to_string(self).expect("the dataset serialises")
        }
    }
}
