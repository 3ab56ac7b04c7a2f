//! The English is checked by the build (issue 16): every translatable field has its English, every entry
//! names an item the plan has, and an entry made from Japanese that has since changed is stale. Each test
//! feeds a small plan with its English and one mistake, and pins the message, which names file and line.

use plan_data::translate::{self, source_hash};
use plan_data::{load_plans, load_seeds};

const PLAN: &str = r#"
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
schedule = [{ fy = 2021, text = "実施", line = 7 }, { fy = 2022, text = "手順書の作成", line = 8 }]
not_stated = ["summary", "evaluations"]

[[measures.indicators]]
id = "i1"
name = "件数"
unit = "件"
direction = "increase"
line = 8
targets = [{ fy = 2021, value = 10, text = "年10件", line = 9 }]
"#;

const ENGLISH: &str = r#"
[plan]
title = { src = "47d69d4d", en = "Test plan" }

[policies."p1"]
name = { src = "c58ed34f", en = "Policy" }

[measures."m01"]
name = { src = "c0d6a5aa", en = "Measure" }

[measures."m01".schedule]
"2022" = { src = "SCHEDULE", en = "Write the manual" }

[measures."m01".indicators."i1"]
name = { src = "e4c28e69", en = "Cases" }

[measures."m01".indicators."i1".targets]
"2021" = { src = "TARGET", en = "10 a year" }
"#;

const GLOSSARY: &str = r#"
[municipalities]
"テスト区" = "Test City"

[statuses]
"策定" = "Adopted"

[kinds]
"基本方針" = "Basic policy"

[units]
"件" = "cases"

[departments]
"IT推進課" = "IT Promotion Division"

[phrases]
"実施" = "Implement"
"#;

fn english() -> String {
    ENGLISH.replace("SCHEDULE", &source_hash("手順書の作成")).replace("TARGET", &source_hash("年10件"))
}

fn check(plan: &str, english: &str, glossary: &str) -> Result<plan_core::translation::Translation, Vec<String>> {
    let dataset = load_plans(&[("plans/test-plan.toml".to_string(), plan.to_string())]).expect("the fixture plan is valid");
    let files = vec![(&dataset.plans[0], ("en/test-plan.toml".to_string(), english.to_string()))];
    translate::check("en/glossary.toml", glossary, &files)
}

/// The one error a mistake gives.
fn error(plan: &str, english: &str, glossary: &str) -> String {
    let errors = check(plan, english, glossary).expect_err("the mistake must be caught");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    errors[0].clone()
}

#[test]
fn the_fixture_is_valid_and_gives_every_text() {
    let english = check(PLAN, &english(), GLOSSARY).unwrap();
    assert_eq!(english.text("test-plan.m01/name"), Some("Measure"));
    assert_eq!(english.text("test-plan.m01/schedule/2022"), Some("Write the manual"));
    assert_eq!(english.text("test-plan.m01/indicators/i1/targets/2021"), Some("10 a year"));
    assert_eq!(english.term("実施"), Some("Implement"), "a recurring phrase comes from the glossary");
    assert_eq!(english.term("IT推進課"), Some("IT Promotion Division"));
}

#[test]
fn a_missing_translation_names_the_file_the_table_and_what_to_add() {
    let text = english().replace("[policies.\"p1\"]\nname = { src = \"c58ed34f\", en = \"Policy\" }\n", "");
    assert_eq!(
        error(PLAN, &text, GLOSSARY),
        "en/test-plan.toml:1: [policies.\"p1\"] name: no English for 「方針」: add name = { src = \"c58ed34f\", en = \"<English>\" }"
    );
    let text = english().replace("name = { src = \"e4c28e69\", en = \"Cases\" }", "");
    assert!(error(PLAN, &text, GLOSSARY).starts_with("en/test-plan.toml:14: [measures.\"m01\".indicators.\"i1\"] name: no English for 「件数」"));
}

#[test]
fn an_empty_translation_is_missing_too() {
    let text = english().replace("en = \"Measure\"", "en = \" \"");
    assert_eq!(error(PLAN, &text, GLOSSARY), "en/test-plan.toml:9: [measures.\"m01\"] name: the English of 「施策」 is empty: write it");
}

#[test]
fn a_changed_japanese_makes_its_translation_stale() {
    let plan = PLAN.replace("name = \"施策\"", "name = \"施策の推進\"");
    assert_eq!(
        error(&plan, &english(), GLOSSARY),
        format!(
            "en/test-plan.toml:9: [measures.\"m01\"] name: stale: the Japanese changed after it was translated (src is \"c0d6a5aa\", the Japanese now hashes to \"{}\"): it now reads 「施策の推進」; check the English, then set src = \"{}\"",
            source_hash("施策の推進"),
            source_hash("施策の推進")
        )
    );
}

#[test]
fn a_translation_of_an_item_the_plan_does_not_have_is_refused() {
    let text = format!("{}\n[measures.\"m99\"]\nname = {{ src = \"00000000\", en = \"Ghost\" }}\n", english());
    assert_eq!(error(PLAN, &text, GLOSSARY), "en/test-plan.toml:20: [measures.\"m99\"]: the plan has no item test-plan.m99: remove it, or correct its id");
    let text = english().replace("\"2022\" = {", "\"2029\" = {");
    let errors = check(PLAN, &text, GLOSSARY).unwrap_err();
    assert!(errors.iter().any(|e| e.contains("schedule \"2029\": the plan has no such schedule entry")), "{errors:#?}");
}

#[test]
fn a_phrase_the_glossary_translates_is_not_translated_again() {
    let text = english().replace("[measures.\"m01\".schedule]\n", &format!("[measures.\"m01\".schedule]\n\"2021\" = {{ src = \"{}\", en = \"Do it\" }}\n", source_hash("実施")));
    assert_eq!(
        error(PLAN, &text, GLOSSARY),
        "en/test-plan.toml:12: [measures.\"m01\".schedule] \"2021\": 「実施」 is translated by the glossary ([phrases]), so that it reads the same everywhere: remove this entry"
    );
}

#[test]
fn the_glossary_must_have_every_word_a_plan_uses_and_no_other() {
    let glossary = GLOSSARY.replace("\"IT推進課\" = \"IT Promotion Division\"\n", "");
    assert_eq!(error(PLAN, &english(), &glossary), "en/glossary.toml:14: [departments] has no 「IT推進課」 (used by test-plan.m01): add \"IT推進課\" = \"<English>\"");
    let glossary = GLOSSARY.replace("\"IT推進課\" = \"IT Promotion Division\"", "\"IT推進課\" = \"IT Promotion Division\"\n\"総務課\" = \"General Affairs Division\"");
    assert_eq!(error(PLAN, &english(), &glossary), "en/glossary.toml:16: [departments] 「総務課」 is used by no plan: remove it (or correct it to the word as printed)");
    let glossary = GLOSSARY.replace("\"cases\"", "\"\"");
    assert_eq!(error(PLAN, &english(), &glossary), "en/glossary.toml:12: [units] 「件」 has no English: write it");
}

#[test]
fn the_repository_has_english_for_every_plan() {
    let seeds = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../seeds"));
    let dataset = load_seeds(seeds).unwrap();
    let english = translate::load(&seeds.join("translations/en"), &dataset).unwrap_or_else(|e| panic!("{e:#?}"));
    // The issue's example: 北区's 電子申請の推進 is an electronic application in English.
    let measure = dataset.plans.iter().flat_map(|p| &p.measures).find(|m| m.name == "電子申請の推進").unwrap();
    let name = english.text(&plan_core::translation::key::name(&measure.id)).unwrap();
    assert!(name.to_lowercase().contains("electronic application"), "{name}");
}

#[test]
fn the_published_english_reads_back_with_the_browsers_reader_and_keeps_its_order() {
    let seeds = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../seeds"));
    let dataset = load_seeds(seeds).unwrap();
    let english = translate::load(&seeds.join("translations/en"), &dataset).unwrap();
    let files = plan_data::build::render(&dataset, &english);
    let (_, bytes) = files.iter().find(|(path, _)| path == "translations/en.json").expect("translations/en.json is published");
    let text = std::str::from_utf8(bytes).unwrap();
    assert_eq!(plan_core::load_translation(text).unwrap(), english);
    assert_eq!(serde_json::from_str::<plan_core::translation::Translation>(text).unwrap(), english);
    // A lookup is a binary search: a file whose keys are out of order is refused, not half-read.
    let shuffled = text.replacen("\"texts\":{\"", "\"texts\":{\"zzz\":\"last\",\"", 1);
    assert_ne!(shuffled, text);
    assert!(plan_core::load_translation(&shuffled).is_err());
}

/// The app's English files (issue 16): each plan's file reads in English, departments and grades stay the
/// URL's Japanese values with their English in `terms.en.json`, and the English word files find the
/// issue's example, 北区's 電子申請の推進, for "electronic application".
#[test]
fn the_apps_english_files_show_and_find_the_english() {
    let seeds = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../seeds"));
    let dataset = load_seeds(seeds).unwrap();
    let english = translate::load(&seeds.join("translations/en"), &dataset).unwrap();
    let files: std::collections::BTreeMap<String, Vec<u8>> = plan_data::build::render(&dataset, &english).into_iter().collect();
    let text = |path: &str| std::str::from_utf8(files.get(path).unwrap_or_else(|| panic!("{path} is written"))).unwrap().to_string();

    let kita = plan_core::load_dataset(&text("plans/kita-dx2025.en.json")).unwrap();
    let measure = kita.plans[0].measures.iter().find(|m| m.id == "kita-dx2025.m1-1-1-1").unwrap();
    assert_eq!(measure.name, "Promoting electronic applications");
    let japanese = dataset.plans.iter().flat_map(|p| &p.measures).find(|m| m.id == measure.id).unwrap();
    assert_eq!(measure.departments, japanese.departments, "departments stay the URL's values");
    let terms = plan_core::load_translation(&text("terms.en.json")).unwrap();
    assert!(measure.departments.iter().all(|d| terms.term(d).is_some()), "every department has its English");

    // Measures are numbered as the plans list them, as in the gram files.
    let ordinal = dataset.plans.iter().flat_map(|p| &p.measures).position(|m| m.id == measure.id).unwrap() as u32;
    let index = plan_core::load_search_index(&text("search/index.en.json")).unwrap();
    assert!(index.word_files > 1, "the English index says how many word files there are");
    let words: Vec<plan_core::search::grams::Postings> =
        (0..index.word_files).map(|k| plan_core::load_postings(&text(&format!("search/en/{k}.json"))).unwrap()).collect();
    let found = plan_core::search::words::search(&["electronic".into(), "application".into()], index.word_files, |k| words.get(k as usize)).unwrap();
    assert!(found.contains(&ordinal), "{found:?} lacks {ordinal}");
}
