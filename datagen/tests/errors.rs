//! Every kind of data error stops the build with `file:line`, the field, what is wrong and what
//! would be right. Each test feeds a small plan, or a small themes file, with one mistake.

use plan_data::{check_json, load_plans, load_seeds, load_themes};

const VALID: &str = r#"
schema_version = 1
id = "test-plan"
title = "テスト計画"
status = "策定"
source = "seed.txt"
line = 1

[municipality]
name = "テスト区"
code = "131199"

[period]
from = 2021
to = 2023
line = 2

[[grades]]
grade = "達成"
meaning = "達成している"
line = 3

[[grades]]
grade = "未達成"
meaning = "達成していない"
line = 4

[[policies]]
id = "p1"
code = "Ⅰ"
name = "方針"
kind = "基本方針"
line = 5

[[measures]]
id = "m01"
code = "01"
name = "施策"
departments = ["IT推進課"]
policies = [{ policy = "p1", role = "primary" }]
line = 6
schedule = [{ fy = 2021, text = "実施", line = 7 }]

[[measures.indicators]]
id = "i1"
name = "件数"
unit = "件"
direction = "increase"
line = 8
targets = [{ fy = 2021, value = 10, line = 9 }]
actuals = [{ fy = 2021, value = 12, attainment_reported = 120, line = 10 }]

[[measures.evaluations]]
fy = 2021
grade = "達成"
line = 11

[[summaries]]
id = "s1"
title = "集計"
kind = "grade_counts"
fy = 2021
line = 12

[[summaries.rows]]
label = "計"
counts = { "達成" = 1, "未達成" = 0 }
line = 12
"#;

/// Loads `VALID` with one substitution and returns the single error it must produce.
fn error_for(from: &str, to: &str) -> (String, usize) {
    assert!(VALID.contains(from), "the fixture has no {from:?}");
    let text = VALID.replacen(from, to, 1);
    let errors = load_plans(&[("plans/test-plan.toml".to_string(), text.clone())]).expect_err("the mistake must be caught");
    assert_eq!(errors.len(), 1, "exactly one error expected, got {errors:#?}");
    let error = errors.into_iter().next().unwrap();
    let line = error.split(':').nth(1).and_then(|n| n.parse().ok()).expect("the error names a line");
    (error, line)
}

fn line_of(needle: &str) -> usize {
    let text = VALID;
    text.lines().position(|l| l.contains(needle)).expect("needle in fixture") + 1
}

#[test]
fn the_fixture_itself_is_valid() {
    load_plans(&[("plans/test-plan.toml".to_string(), VALID.to_string())]).unwrap();
}

#[test]
fn duplicate_id() {
    let (error, line) = error_for("id = \"m01\"", "id = \"p1\"");
    assert!(error.starts_with("plans/test-plan.toml:"), "{error}");
    assert!(error.contains("field `id`") && error.contains("is used twice") && error.contains("its own id"), "{error}");
    assert_eq!(line, line_of("id = \"p1\""), "{error}");
}

#[test]
fn unknown_policy_reference() {
    let (error, line) = error_for("policy = \"p1\"", "policy = \"p9\"");
    assert!(error.contains("field `policies`") && error.contains("unknown policy \"test-plan.p9\"") && error.contains("Name a policy"), "{error}");
    assert_eq!(line, line_of("policies = [{"), "{error}");
}

#[test]
fn fiscal_year_outside_the_plan_period() {
    let (error, line) = error_for("schedule = [{ fy = 2021", "schedule = [{ fy = 2031");
    assert!(error.contains("field `schedule[2031]`") && error.contains("outside the plan period 2021–2023"), "{error}");
    assert!(error.contains("令和6年度 = 2024"), "the fix explains how years are written: {error}");
    assert_eq!(line, line_of("schedule = [{"), "{error}");
}

#[test]
fn numeric_target_without_unit() {
    let (error, line) = error_for("unit = \"件\"\n", "");
    assert!(error.contains("indicators[i1].unit") && error.contains("missing for an indicator with numeric values"), "{error}");
    assert!(error.contains("Give the unit as printed"), "{error}");
    assert_eq!(line, line_of("id = \"i1\""), "{error}");
}

#[test]
fn negative_count() {
    let (error, line) = error_for("\"未達成\" = 0", "\"未達成\" = -1");
    assert!(error.contains("counts.未達成") && error.contains("is negative (-1)") && error.contains("zero or more"), "{error}");
    assert_eq!(line, line_of("counts = {"), "{error}");
}

#[test]
fn reported_attainment_that_disagrees_with_actual_over_target() {
    let (error, line) = error_for("attainment_reported = 120", "attainment_reported = 150");
    assert!(error.contains("attainment_reported") && error.contains("is 150% but actual ÷ target gives 120%"), "{error}");
    assert!(error.contains("Check the actual, the target and the reported rate"), "{error}");
    assert_eq!(line, line_of("actuals = ["), "{error}");
}

#[test]
fn unknown_grade() {
    let (error, line) = error_for("grade = \"達成\"\nline = 11", "grade = \"大成功\"\nline = 11");
    assert!(error.contains("evaluations[2021].grade") && error.contains("\"大成功\", which is not one of this plan's grades"), "{error}");
    assert!(error.contains("Use one of: 達成, 未達成."), "{error}");
    assert_eq!(line, line_of("[[measures.evaluations]]") + 2, "{error}");
}

#[test]
fn measure_with_no_department() {
    let (error, line) = error_for("departments = [\"IT推進課\"]", "departments = []");
    assert!(error.contains("field `departments`") && error.contains("has no department"), "{error}");
    assert!(error.contains("list \"departments\" in `not_stated`"), "{error}");
    assert_eq!(line, line_of("departments = "), "{error}");
}

#[test]
fn not_stated_departments_are_accepted() {
    let text = VALID.replacen("departments = [\"IT推進課\"]", "departments = []\nnot_stated = [\"departments\"]", 1);
    load_plans(&[("plans/test-plan.toml".to_string(), text)]).unwrap();
}

#[test]
fn toml_syntax_error_names_the_line() {
    let text = VALID.replacen("name = \"件数\"", "name = 件数", 1);
    let errors = load_plans(&[("plans/test-plan.toml".to_string(), text)]).unwrap_err();
    assert!(errors[0].starts_with(&format!("plans/test-plan.toml:{}:", line_of("name = \"件数\""))), "{errors:?}");
}

#[test]
fn misspelt_field_is_refused_rather_than_ignored() {
    let text = VALID.replacen("departments = [", "department = [", 1);
    let errors = load_plans(&[("plans/test-plan.toml".to_string(), text)]).unwrap_err();
    assert!(errors[0].contains("unknown field `department`"), "{errors:?}");
}

const THEMES: &str = r#"schema_version = 1

[[themes]]
id = "disaster"
name = "防災"
name_en = "Disaster preparedness"
keywords = ["防災", "避難"]

[[themes]]
id = "open-data"
name = "オープンデータ"
name_en = "Open data"
keywords = ["オープンデータ"]
"#;

/// Loads `THEMES` with one substitution and returns the single error and the fixture's line it must name.
fn theme_error_for(from: &str, to: &str, line_with: &str) -> (String, usize) {
    assert!(THEMES.contains(from), "the fixture has no {from:?}");
    let text = THEMES.replacen(from, to, 1);
    let errors = load_themes("seeds/themes.toml", &text).expect_err("the mistake must be caught");
    assert_eq!(errors.len(), 1, "exactly one error expected, got {errors:#?}");
    let line = text.lines().position(|l| l.contains(line_with)).expect("line in fixture") + 1;
    (errors.into_iter().next().unwrap(), line)
}

#[test]
fn the_themes_fixture_itself_is_valid() {
    assert_eq!(load_themes("seeds/themes.toml", THEMES).unwrap().len(), 2);
}

#[test]
fn duplicate_theme_id_names_the_themes_file() {
    let (error, line) = theme_error_for("id = \"open-data\"", "id = \"disaster\"", "id = \"disaster\"");
    assert!(error.starts_with(&format!("seeds/themes.toml:{line}: themes `disaster` field `id`: is used twice")), "{error}");
}

#[test]
fn theme_id_must_be_plain_ascii() {
    let (error, line) = theme_error_for("id = \"open-data\"", "id = \"オープンデータ\"", "id = \"オープンデータ\"");
    assert!(error.starts_with(&format!("seeds/themes.toml:{line}:")) && error.contains("lowercase ASCII"), "{error}");
}

#[test]
fn theme_without_keywords() {
    let (error, line) = theme_error_for("keywords = [\"オープンデータ\"]", "keywords = [\" \"]", "keywords = [\" \"]");
    assert!(error.starts_with(&format!("seeds/themes.toml:{line}:")) && error.contains("has no keyword"), "{error}");
}

#[test]
fn theme_without_english_name() {
    let (error, line) = theme_error_for("name_en = \"Open data\"", "name_en = \"\"", "name_en = \"\"");
    assert!(error.starts_with(&format!("seeds/themes.toml:{line}:")) && error.contains("field `name_en`: is empty"), "{error}");
}

#[test]
fn misspelt_theme_field_names_its_line() {
    let text = THEMES.replacen("keywords = [\"防災\"", "keyword = [\"防災\"", 1);
    let errors = load_themes("seeds/themes.toml", &text).unwrap_err();
    assert!(errors[0].starts_with("seeds/themes.toml:") && errors[0].contains("unknown field `keyword`"), "{errors:?}");
}

#[test]
fn a_missing_themes_file_is_an_error_naming_it() {
    let seeds = std::env::temp_dir().join(format!("plan-data-no-themes-{}", std::process::id()));
    std::fs::create_dir_all(seeds.join("plans")).unwrap();
    let errors = load_seeds(&seeds).unwrap_err();
    std::fs::remove_dir_all(&seeds).unwrap();
    assert!(errors.len() == 1 && errors[0].contains("themes.toml: cannot read"), "{errors:?}");
}

#[test]
fn a_grade_with_two_thresholds() {
    let (error, line) = error_for("meaning = \"達成している\"\n", "meaning = \"達成している\"\nattainment_above = 100\nattainment_at_least = 80\n");
    assert!(error.contains("field `grades[達成]`") && error.contains("has both attainment_above and attainment_at_least"), "{error}");
    assert!(error.contains("Give one threshold per grade"), "{error}");
    assert_eq!(line, line_of("grade = \"達成\""), "{error}");
}

#[test]
fn a_threshold_on_the_last_grade() {
    let grades = "meaning = \"達成している\"\nline = 3\n\n[[grades]]\ngrade = \"未達成\"\nmeaning = \"達成していない\"\n";
    let with_thresholds = grades.replace("line = 3", "attainment_at_least = 80\nline = 3") + "attainment_at_least = 0\n";
    let (error, line) = error_for(grades, &with_thresholds);
    assert!(error.contains("field `grades[未達成]`") && error.contains("is the last grade but has a threshold"), "{error}");
    assert!(error.contains("it takes every attainment below the others"), "{error}");
    assert_eq!(line, line_of("grade = \"未達成\"") + 1, "one line was added above it: {error}");
}

/// The app's reader can't say where a published file goes wrong; `plan-data check-json` can, and it applies
/// the same rules as the app.
#[test]
fn check_json_names_the_line_of_a_mistake_in_a_published_file() {
    let dataset = load_seeds(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../seeds"))).unwrap();
    let published = serde_json::to_string_pretty(&dataset).unwrap();
    if let Err(errors) = check_json("plans.json", &published) {
        panic!("the published dataset is refused: {errors:?}");
    }

    let mut lines: Vec<String> = published.lines().map(String::from).collect();
    let at = lines.iter().position(|l| l.contains("\"source_line\"")).unwrap();
    lines[at] = r#""source_line": "one","#.to_string();
    let errors = check_json("plans.json", &lines.join("\n")).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert!(errors[0].starts_with(&format!("plans.json:{}:", at + 1)) && errors[0].contains("expected u32"), "{errors:?}");

    let mut broken = dataset.clone();
    broken.plans[0].measures[1].id = broken.plans[0].measures[0].id.clone();
    let errors = check_json("plans.json", &serde_json::to_string(&broken).unwrap()).unwrap_err();
    assert!(errors.iter().any(|e| e.starts_with("plans.json: ") && e.contains("is used twice")), "{errors:?}");
}

/// Guards the notes once written in English for data editors, which the Japanese view showed in English.
#[test]
fn a_note_in_english() {
    let (error, line) = error_for(
        "line = 6\n",
        "line = 6\nnote = \"「実施」 is printed in every column (line 7).\"\n",
    );
    assert!(error.contains("has a sentence in English (\"is printed in every\")") && error.contains("write it in Japanese"), "{error}");
    assert_eq!(line, line_of("line = 6") + 1, "{error}");
    load_plans(&[("plans/test-plan.toml".to_string(), VALID.replacen("line = 6\n", "line = 6\nnote = \"「実施」は全ての列に印字されている（7行目）。\"\n", 1))])
        .expect("the same note in Japanese is accepted");
}
