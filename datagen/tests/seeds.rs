//! Checks on the real dataset built from seeds/: it is valid, every number is where it says it is,
//! and every summary the seeds print is reproduced from the items (or marked not stated).

use std::collections::HashMap;
use std::path::PathBuf;

use plan_core::summary::compare_row;
use plan_core::{Dataset, Plan};

fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../seeds")
}

fn dataset() -> Dataset {
    plan_data::load_seeds(&seeds_dir()).unwrap_or_else(|errors| panic!("seeds are invalid:\n{}", errors.join("\n")))
}

fn seed_lines(file: &str) -> Vec<String> {
    let text = std::fs::read_to_string(seeds_dir().join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    text.lines().map(str::to_string).collect()
}

/// Folds full-width digits and separators, drops thousands separators and spaces between digits,
/// then returns every number on the line ("延 36 シナリオ" -> 36, "１２２，６０９件" -> 122609).
fn numbers_on(line: &str) -> Vec<f64> {
    let folded: String = line
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap(),
            '．' => '.',
            other => other,
        })
        .collect();
    let chars: Vec<char> = folded.chars().collect();
    let mut joined = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let between_digits = |j: usize| {
            let before = chars[..j].iter().rev().find(|c| **c != ' ' && **c != '\u{3000}');
            let after = chars[j + 1..].iter().find(|c| **c != ' ' && **c != '\u{3000}');
            before.is_some_and(char::is_ascii_digit) && after.is_some_and(char::is_ascii_digit)
        };
        match c {
            ',' | '，' if between_digits(i) => {}
            ' ' | '\u{3000}' if between_digits(i) => {}
            other => joined.push(other),
        }
    }
    joined
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .filter_map(|s| s.trim_matches('.').parse::<f64>().ok())
        .collect()
}

#[test]
fn number_folding_handles_the_seeds_spellings() {
    assert_eq!(numbers_on("オンライン申請件数：令和６年度１２２，６０９件"), vec![6.0, 122609.0]);
    assert_eq!(numbers_on("延 36 シナリオ以上"), vec![36.0]);
    assert_eq!(numbers_on("2 0 2 6年度"), vec![2026.0]);
    assert_eq!(numbers_on("9,300時間/年"), vec![9300.0]);
}

#[test]
fn all_six_plans_are_present_and_valid() {
    let dataset = dataset();
    let ids: Vec<&str> = dataset.plans.iter().map(|p| p.id.as_str()).collect();
    for id in ["itabashi-ict2020", "itabashi-ict2025", "itabashi-dx2025", "itabashi-dx2030", "kita-dx2025", "taito-dx2026"] {
        assert!(ids.contains(&id), "plan {id} is missing (have {ids:?})");
    }
    let json = serde_json::to_string(&dataset).unwrap();
    assert_eq!(plan_core::load_dataset(&json).unwrap(), dataset, "the published JSON reads back unchanged");
}

#[test]
fn every_number_appears_on_the_line_it_cites() {
    let dataset = dataset();
    let mut cache: HashMap<String, Vec<String>> = HashMap::new();
    let mut failures = vec![];
    let mut checked = 0;
    let mut check = |file: &str, line: u32, value: f64, what: String| {
        let lines = cache.entry(file.to_string()).or_insert_with(|| seed_lines(file));
        checked += 1;
        let text = lines.get(line as usize - 1).map(String::as_str).unwrap_or("");
        if !numbers_on(text).iter().any(|n| (n - value).abs() < 1e-9) {
            failures.push(format!("{what}: {value} is not on {file}:{line} ({text:?})"));
        }
    };
    for plan in &dataset.plans {
        let indicators = plan
            .policies
            .iter()
            .flat_map(|p| p.indicators.iter().map(move |i| (&p.id, i)))
            .chain(plan.measures.iter().flat_map(|m| m.indicators.iter().map(move |i| (&m.id, i))));
        for (owner, indicator) in indicators {
            let file = &indicator.source.file;
            let at = format!("{owner} {}", indicator.id);
            if let Some(b) = &indicator.baseline {
                check(file, b.line, b.value, format!("{at} baseline"));
            }
            for t in &indicator.targets {
                if let Some(v) = t.value {
                    check(file, t.line, v, format!("{at} target {}", t.fy));
                }
            }
            for a in &indicator.actuals {
                check(file, a.line, a.value, format!("{at} actual {}", a.fy));
                if let Some(r) = a.attainment_reported {
                    check(file, a.line, r, format!("{at} attainment {}", a.fy));
                }
            }
        }
        for summary in &plan.summaries {
            for row in &summary.rows {
                let at = format!("{} {}", summary.id, row.label);
                for (key, count) in row.counts.iter() {
                    check(&summary.source.file, row.line, count as f64, format!("{at} {key}"));
                }
                if let Some(total) = row.total {
                    check(&summary.source.file, row.line, total as f64, format!("{at} total"));
                }
            }
        }
    }
    assert!(checked > 100, "only {checked} numbers were checked: is the dataset complete?");
    assert!(failures.is_empty(), "{} of {checked} numbers are not on their cited line:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn every_cited_line_exists_and_names_what_it_cites() {
    let dataset = dataset();
    let mut failures = vec![];
    for plan in &dataset.plans {
        for measure in &plan.measures {
            let lines = seed_lines(&measure.source.file);
            let line = lines.get(measure.source.line as usize - 1).cloned().unwrap_or_default();
            let compact = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            if !compact(&line).contains(&compact(&measure.code)) {
                failures.push(format!("{}: code {:?} is not on {}:{} ({line:?})", measure.id, measure.code, measure.source.file, measure.source.line));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every figure a seed prints as a summary is reproduced from the items, or the items say
/// "not stated" for it; a difference is a failure (the app shows both, but the data must not drift).
#[test]
fn printed_summaries_are_reproduced_or_marked_not_stated() {
    let dataset = dataset();
    let mut reproduced = 0;
    let mut failures = vec![];
    for plan in &dataset.plans {
        for summary in &plan.summaries {
            for row in &summary.rows {
                for c in compare_row(plan, summary, row) {
                    match c.computed {
                        Some(_) if c.agrees() => reproduced += 1,
                        Some(computed) => failures.push(format!(
                            "{} / {} / {}: printed {}, computed {computed}",
                            summary.id, row.label, c.key, c.reported
                        )),
                        None => assert_not_stated(plan, summary.fy, &summary.id),
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // 図14 of ICT2020 (6 rows x 5 figures) and the goal table of 台東区 (4 rows x 2 figures).
    assert!(reproduced >= 38, "only {reproduced} printed figures were reproduced");
}

fn assert_not_stated(plan: &Plan, fy: Option<i32>, summary: &str) {
    let unstated = plan
        .measures
        .iter()
        .flat_map(|m| &m.evaluations)
        .filter(|e| Some(e.fy) == fy && e.grade.is_none() && e.note.is_some())
        .count();
    assert!(unstated > 0, "{summary}: a figure is not computable, yet no measure marks its grade as not stated");
}

#[test]
fn taito_counts_match_the_printed_goal_table() {
    let dataset = dataset();
    let taito = dataset.plans.iter().find(|p| p.id == "taito-dx2026").unwrap();
    assert_eq!(taito.measures.len(), 27, "取組 count printed on line 72");
    assert_eq!(taito.policies.iter().filter(|p| p.kind == "施策").count(), 16, "施策 count printed on line 72");
}

#[test]
fn ict2020_grades_reproduce_figure_14_per_goal() {
    let dataset = dataset();
    let plan = dataset.plans.iter().find(|p| p.id == "itabashi-ict2020").unwrap();
    let summary = plan.summaries.iter().find(|s| s.id.ends_with(".fig14")).expect("図14 is stored");
    assert_eq!(summary.rows.len(), 6);
    for row in &summary.rows {
        assert!(compare_row(plan, summary, row).iter().all(|c| c.agrees()), "row {} differs", row.label);
    }
}

/// Guards a miscount found by an independent read: the seed has no newline after its last line, so a
/// count of newlines stopped the 【参考】掲載事業一覧 at line 891 and one 事業 short. The 一覧 (lines 825 to the
/// end) lists every measure of 北区's plan, with its code, in the plan's order.
#[test]
fn kita_reference_list_runs_to_the_last_line_and_lists_every_measure() {
    let lines = seed_lines("002_772d6f7aee0d8246.txt");
    assert_eq!(lines.len(), 892);
    assert_eq!(lines[891], "(5)\t外部人材の活用");
    let listed: Vec<&str> = lines[824..]
        .iter()
        .filter_map(|line| line.split_once('\t').map(|(code, _)| code))
        .filter(|code| !code.is_empty() && code.chars().all(|c| c.is_ascii_digit() || "-()".contains(c)))
        .collect();
    let dataset = dataset();
    let kita = dataset.plans.iter().find(|p| p.id == "kita-dx2025").unwrap();
    let codes: Vec<&str> = kita.measures.iter().map(|m| m.code.as_str()).collect();
    assert_eq!(listed.len(), 49);
    assert_eq!(listed, codes);
}
