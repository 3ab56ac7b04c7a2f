//! The published files: the JSON validates against its schema, each plan has its own file and an
//! index entry, and the CSV opens in Excel (BOM, CRLF) with numbers that are plain and never a made-up 0.

use std::path::PathBuf;

use plan_core::csv;
use plan_data::{build, load_all};

fn rendered() -> (plan_core::Dataset, Vec<(String, Vec<u8>)>) {
    let (dataset, english) = load_all(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../seeds")).unwrap();
    let files = build::render(&dataset, &english);
    (dataset, files)
}

fn file<'a>(files: &'a [(String, Vec<u8>)], name: &str) -> &'a [u8] {
    &files.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("{name} is not written")).1
}

#[test]
fn the_english_matches_its_schema() {
    let (_, files) = rendered();
    let schema: serde_json::Value = serde_json::from_slice(file(&files, "translation.schema.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let instance: serde_json::Value = serde_json::from_slice(file(&files, "translations/en.json")).unwrap();
    let errors: Vec<String> = validator.iter_errors(&instance).map(|e| format!("{}: {e}", e.instance_path)).collect();
    assert!(errors.is_empty(), "translations/en.json does not match its schema:\n{}", errors.join("\n"));
    // Broken on purpose, the schema refuses it: a text that is not a string.
    let broken = serde_json::json!({ "schema_version": 1, "lang": "en", "texts": { "kita-dx2025/title": 3 }, "terms": {} });
    assert!(validator.iter_errors(&broken).next().is_some());
}

#[test]
fn json_matches_its_schema() {
    let (_, files) = rendered();
    let schema: serde_json::Value = serde_json::from_slice(file(&files, "plans.schema.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    for name in files.iter().map(|(n, _)| n).filter(|n| n.starts_with("plans/") || *n == "plans.json" || *n == "plans-overview.json") {
        let instance: serde_json::Value = serde_json::from_slice(file(&files, name)).unwrap();
        let errors: Vec<String> = validator.iter_errors(&instance).map(|e| format!("{}: {e}", e.instance_path)).collect();
        assert!(errors.is_empty(), "{name} does not match the schema:\n{}", errors.join("\n"));
    }
}

/// The overview (views across plans) leaves out exactly the notes those views don't show, and still
/// loads in the browser: the validator needs the evaluation notes it keeps.
#[test]
fn overview_leaves_out_only_the_notes_and_summaries_views_across_plans_do_not_show() {
    let (dataset, files) = rendered();
    let overview = plan_core::load_dataset(std::str::from_utf8(file(&files, "plans-overview.json")).unwrap()).expect("the overview loads");
    assert_eq!(overview.plans.len(), dataset.plans.len());
    let mut left_out = 0;
    for (lean, whole) in overview.plans.iter().zip(&dataset.plans) {
        assert!(lean.notes.is_empty() && lean.summaries.is_empty(), "{}: plan notes and printed summaries", lean.id);
        left_out += whole.notes.len();
        let mut restored = lean.clone();
        restored.notes = whole.notes.clone();
        restored.summaries = whole.summaries.clone();
        for (policy, full) in restored.policies.iter_mut().zip(&whole.policies) {
            assert!(policy.note.is_none() && policy.summary.is_none() && policy.indicators.iter().all(|i| i.note.is_none()), "{}", policy.id);
            policy.note = full.note.clone();
            policy.summary = full.summary.clone();
            policy.indicators.iter_mut().zip(&full.indicators).for_each(|(i, f)| i.note = f.note.clone());
        }
        for (measure, full) in restored.measures.iter_mut().zip(&whole.measures) {
            assert!(measure.note.is_none() && measure.indicators.iter().all(|i| i.note.is_none()), "{}", measure.id);
            left_out += usize::from(full.note.is_some()) + full.indicators.iter().filter(|i| i.note.is_some()).count();
            measure.note = full.note.clone();
            measure.indicators.iter_mut().zip(&full.indicators).for_each(|(i, f)| i.note = f.note.clone());
        }
        // With those put back, nothing else differs: evaluation notes were kept.
        assert_eq!(&restored, whole);
    }
    assert!(left_out > 100, "only {left_out} notes left out: is the overview still worth its file?");
    assert!(file(&files, "plans-overview.json").len() < file(&files, "plans.json").len() * 3 / 4);
}

#[test]
fn schema_rejects_a_dataset_of_the_wrong_shape() {
    let (_, files) = rendered();
    let schema: serde_json::Value = serde_json::from_slice(file(&files, "plans.schema.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    assert!(!validator.is_valid(&serde_json::json!({ "schema_version": 1, "plans": [{ "id": 5 }] })));
}

#[test]
fn each_plan_has_its_own_file_and_an_index_entry() {
    let (dataset, files) = rendered();
    let index: serde_json::Value = serde_json::from_slice(file(&files, "index.json")).unwrap();
    let entries = index["plans"].as_array().unwrap();
    assert_eq!(entries.len(), dataset.plans.len());
    for (plan, entry) in dataset.plans.iter().zip(entries) {
        assert_eq!(entry["id"], plan.id.as_str());
        assert_eq!(entry["measures"], plan.measures.len());
        let own = file(&files, entry["file"].as_str().unwrap());
        let single = plan_core::load_dataset(std::str::from_utf8(own).unwrap()).expect("a plan file is a valid dataset on its own");
        assert_eq!(single.plans, vec![plan.clone()]);
    }
}

#[test]
fn csv_is_excel_ready_long_format() {
    let (dataset, files) = rendered();
    let bytes = file(&files, "plans.csv");
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "UTF-8 with BOM");
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert!(text.ends_with("\r\n") && !text.replace("\r\n", "").contains('\n'), "CRLF line ends only");
    let mut lines = text.split("\r\n").filter(|l| !l.is_empty());
    assert_eq!(lines.next().unwrap(), csv::HEADER.join(","));
    let rows: Vec<Vec<String>> = lines.map(split_csv_line).collect();
    assert!(rows.iter().all(|r| r.len() == csv::HEADER.len()), "every row has every column");
    let indicator_years: usize = dataset
        .plans
        .iter()
        .flat_map(|p| &p.measures)
        .flat_map(|m| &m.indicators)
        .map(|i| {
            let mut years: Vec<String> = i
                .targets
                .iter()
                .map(|t| t.fy_from.map_or(t.fy.to_string(), |f| format!("{f}-{}", t.fy)))
                .chain(i.actuals.iter().map(|a| a.fy.to_string()))
                .collect();
            years.sort();
            years.dedup();
            years.len()
        })
        .sum();
    assert_eq!(rows.len(), indicator_years, "one row per measure × indicator × fiscal year");
    for row in &rows {
        for cell in [&row[11], &row[12]] {
            assert!(cell.is_empty() || cell.parse::<f64>().is_ok(), "numbers are plain: {cell:?}");
            assert!(!cell.contains(','), "no thousands separators: {cell:?}");
        }
    }
    let blank_targets = rows.iter().filter(|r| r[11].is_empty()).count();
    assert!(blank_targets > 0, "qualitative targets leave 目標値 blank rather than 0");
    let rpa = rows.iter().find(|r| r[5] == "itabashi-ict2025.m02" && r[10] == "2021").expect("RPA FY2021 row");
    assert_eq!(rpa[11], "16", "延16シナリオ");
}

#[test]
fn csv_cells_are_quoted_and_formula_safe() {
    assert_eq!(csv::quote("a,b"), "\"a,b\"");
    assert_eq!(csv::quote("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(csv::quote("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    assert_eq!(csv::quote("-5"), "-5", "a negative number stays a number");
    assert_eq!(csv::number(122609.0), "122609");
    assert_eq!(csv::number(0.5), "0.5");
}

fn split_csv_line(line: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                cells.last_mut().unwrap().push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => cells.push(String::new()),
            (c, _) => cells.last_mut().unwrap().push(c),
        }
    }
    cells
}
