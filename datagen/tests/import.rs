//! The published `plans.csv` is also the import format: staff export it, fill in 実績値 in Excel and import it
//! back. Edited values must come back as written; untouched ones must change nothing.

use std::path::PathBuf;

use plan_core::import::{RowStatus, SkipReason, apply, preview};
use plan_core::{Dataset, validate};
use plan_core::csv;
use plan_data::load_seeds;

fn nfkc(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfkc().collect()
}

fn dataset() -> Dataset {
    load_seeds(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../seeds")).unwrap()
}

fn export(dataset: &Dataset) -> String {
    String::from_utf8(csv::render(dataset)).unwrap()
}

const MEASURE: usize = 5;
const INDICATOR: usize = 8;
const YEAR: usize = 10;
const ACTUAL: usize = 12;

/// `text` with the 実績値 of the row of `measure`, `indicator` and `year` replaced, as a staff member would in Excel.
fn edit(text: &str, (measure, indicator, year): (&str, &str, &str), actual: &str) -> String {
    let mut found = 0;
    let lines: Vec<String> = text
        .split("\r\n")
        .map(|line| {
            let mut cells: Vec<&str> = line.split(',').collect();
            if cells.len() > ACTUAL && cells[MEASURE] == measure && cells[INDICATOR] == indicator && cells[YEAR] == year {
                assert!(!line.contains('"'), "the rows edited here have no quoted cells: {line}");
                found += 1;
                cells[ACTUAL] = actual;
            }
            cells.join(",")
        })
        .collect();
    assert_eq!(found, 1, "one row of {measure} {indicator} {year}");
    lines.join("\r\n")
}

#[test]
fn edited_actuals_in_the_export_come_back_as_written() {
    let mut dataset = dataset();
    let exported = export(&dataset);
    let edits = [
        // (row, as typed in Excel, as exported afterwards)
        (("itabashi-dx2025.c1-1", "オンライン申請件数", "2024"), "１２３，４５６", "123456"),
        (("itabashi-dx2025.c1-2", "対応窓口", "2024"), "4か所拡大", "4"),
        (("itabashi-ict2025.m02", "実行シナリオ数", "2021"), "18", "18"),
    ];
    let typed = edits.iter().fold(exported.clone(), |text, (row, typed, _)| edit(&text, *row, typed));
    let expected = edits.iter().fold(exported, |text, (row, _, canonical)| edit(&text, *row, canonical));

    let preview = preview(&dataset, &typed, &nfkc).unwrap();
    assert!(preview.can_apply(), "{:?}", preview.rows.iter().filter(|r| matches!(r.status, RowStatus::Error { .. })).collect::<Vec<_>>());
    assert!(preview.ignored_columns.is_empty(), "{:?}", preview.ignored_columns);
    let changes = preview.rows.iter().filter(|r| matches!(r.status, RowStatus::Apply { value, previous, .. } if previous != Some(value))).count();
    assert_eq!(changes, edits.len());

    assert!(apply(&mut dataset, &preview));
    assert!(validate(&dataset).is_empty(), "{:?}", validate(&dataset));
    assert_eq!(export(&dataset), expected, "the edited cells changed, and nothing else");
}

#[test]
fn reimporting_the_untouched_export_changes_nothing() {
    let mut dataset = dataset();
    let preview = preview(&dataset, &export(&dataset), &nfkc).unwrap();
    assert!(preview.ignored_columns.is_empty(), "every export column is known: {:?}", preview.ignored_columns);
    for row in &preview.rows {
        match &row.status {
            RowStatus::Skip { .. } => {}
            RowStatus::Apply { value, previous, .. } => assert_eq!(Some(*value), *previous, "row {}", row.number),
            RowStatus::Error { message_en, .. } => panic!("{message_en}"),
        }
    }
    assert!(preview.rows.iter().any(|r| r.status == RowStatus::Skip { reason: SkipReason::TargetRange }), "3か年 rows are skipped as targets");
    let before = dataset.clone();
    assert!(apply(&mut dataset, &preview));
    assert_eq!(dataset, before, "published actuals keep their attainment_reported and stay published");
}
