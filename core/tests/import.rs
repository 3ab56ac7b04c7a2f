//! Importing actuals: every kind of bad input gets a message that names the row, the column and the fix;
//! good input in the shapes Excel writes is read; applying is all or nothing; saved imports survive a reload.

use plan_core::import::*;
use plan_core::{Dataset, load_dataset, validate};
use proptest::prelude::*;

fn nfkc(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfkc().collect()
}

/// Plan `p` (FY2024–2025): measure `p.m1` with a counted indicator that has a published FY2024 actual, a second
/// counted one, and a qualitative one; measure `p.m2` whose indicator has the same local id `i1`.
fn dataset() -> Dataset {
    load_dataset(
        r#"{"schema_version": 1, "plans": [{
      "id": "p", "municipality": {"name": "区", "code": "131199"}, "title": "計画", "period": {"from": 2024, "to": 2025},
      "status": "策定", "source": "seed.txt", "source_line": 1, "policies": [],
      "measures": [
        {"id": "p.m1", "code": "1", "name": "オンライン申請の拡大", "summary": null, "departments": ["IT推進課"],
         "policies": [], "schedule": [], "evaluations": [], "is_new": false, "source": {"file": "seed.txt", "line": 1},
         "indicators": [
           {"id": "i1", "name": "オンライン申請件数", "unit": "件", "direction": "increase", "cumulative": false,
            "targets": [{"fy": 2024, "value": 200, "line": 2}, {"fy": 2025, "fy_from": 2024, "value": 500, "line": 2}],
            "actuals": [{"fy": 2024, "value": 100, "attainment_reported": 50, "line": 3}], "source": {"file": "seed.txt", "line": 2}},
           {"id": "i2", "name": "対応窓口", "unit": "か所", "direction": "increase", "cumulative": false,
            "targets": [], "actuals": [], "source": {"file": "seed.txt", "line": 4}},
           {"id": "i3", "name": "新技術の研究", "unit": null, "direction": "increase", "cumulative": false,
            "targets": [{"fy": 2024, "text": "実施", "line": 5}], "actuals": [], "source": {"file": "seed.txt", "line": 5}}]},
        {"id": "p.m2", "code": "2", "name": "DX人材の育成", "summary": null, "departments": ["人事課"],
         "policies": [], "schedule": [], "evaluations": [], "is_new": false, "source": {"file": "seed.txt", "line": 6},
         "indicators": [
           {"id": "i1", "name": "受講人数", "unit": "人", "direction": "increase", "cumulative": false,
            "targets": [], "actuals": [], "source": {"file": "seed.txt", "line": 6}}]}]}]}"#,
    )
    .unwrap()
}

const HEADER: &str = "施策ID,指標名,年度,実績値";

fn read(text: &str) -> Result<Preview, FileError> {
    preview(&dataset(), text, &nfkc)
}

/// The statuses of a file that must be readable.
fn statuses(text: &str) -> Vec<RowStatus> {
    read(text).unwrap_or_else(|e| panic!("{}", e.message_en())).rows.into_iter().map(|r| r.status).collect()
}

fn one(row: &str) -> RowStatus {
    let mut all = statuses(&format!("{HEADER}\n{row}\n"));
    assert_eq!(all.len(), 1, "{all:?}");
    all.remove(0)
}

fn value(status: &RowStatus) -> f64 {
    match status {
        RowStatus::Apply { value, .. } => *value,
        other => panic!("not applied: {other:?}"),
    }
}

/// Both messages of an error row, which must name the row and the column.
fn error(status: &RowStatus, row: usize, column: &str) -> (String, String) {
    match status {
        RowStatus::Error { message_ja, message_en } => {
            assert!(message_ja.starts_with(&format!("{row}行目「{column}」")), "{message_ja}");
            assert!(message_en.starts_with(&format!("Row {row}, column {column}")), "{message_en}");
            (message_ja.clone(), message_en.clone())
        }
        other => panic!("not an error: {other:?}"),
    }
}

#[test]
fn replacement_characters_in_the_header_suggest_shift_jis() {
    let err = read("\u{fffd}\u{fffd}ID,\u{fffd}\u{fffd},\u{fffd}\u{fffd},\u{fffd}\u{fffd}\np.m1,x,2024,1\n").unwrap_err();
    assert_eq!(err, FileError::Encoding);
    assert!(err.message_ja().contains("Shift_JIS") && err.message_ja().contains("CSV UTF-8"));
    assert!(err.message_en().contains("Shift_JIS") && err.message_en().contains("CSV UTF-8"));
}

#[test]
fn missing_required_columns_refuse_the_file_and_are_named() {
    let err = read("施策ID,年度,目標値\np.m1,2024,5\n").unwrap_err();
    assert_eq!(err, FileError::MissingColumns { missing: vec!["指標名", "実績値"] });
    assert!(err.message_ja().contains("指標名、実績値"), "{}", err.message_ja());
    assert!(err.message_en().contains("measure_id, indicator, fiscal_year, actual"), "{}", err.message_en());
}

#[test]
fn a_column_named_twice_refuses_the_file() {
    assert_eq!(read("施策ID,指標名,年度,実績値,actual\n").unwrap_err(), FileError::DuplicateColumn { name: "actual".into() });
}

#[test]
fn unknown_columns_are_ignored_with_a_warning_and_export_columns_are_not() {
    let preview = read("施策ID,指標名,年度,実績値,備考,目標（記載）,単位,\np.m1,対応窓口,2024,3,メモ,,か所,\n").unwrap();
    assert_eq!(preview.ignored_columns, vec!["備考".to_string()], "blank and export headers are not reported");
    assert!(preview.can_apply());
}

#[test]
fn english_and_full_width_headers_are_accepted() {
    let text = "Measure_ID,indicator,Fiscal Year,actual\np.m1,対応窓口,2024,3\n";
    assert_eq!(value(&statuses(text)[0]), 3.0);
    let text = "施策ＩＤ , 指標名 ,年度,実績値\np.m1,対応窓口,2024,3\n";
    assert_eq!(value(&statuses(text)[0]), 3.0);
}

#[test]
fn an_unknown_measure_names_the_row_and_column() {
    let all = statuses(&format!("{HEADER}\np.m1,対応窓口,2024,3\np.m9,対応窓口,2024,3\n"));
    let (ja, en) = error(&all[1], 3, "施策ID");
    assert!(ja.contains("施策「p.m9」はありません") && en.contains("Copy the 施策ID"), "{ja} / {en}");
    error(&one(",対応窓口,2024,3"), 2, "施策ID");
}

#[test]
fn an_unknown_indicator_lists_the_measures_indicators() {
    let (ja, en) = error(&one("p.m1,受講人数,2024,3"), 2, "指標名");
    assert!(ja.contains("オンライン申請件数、対応窓口、新技術の研究"), "{ja}");
    assert!(en.contains("its indicators: オンライン申請件数, 対応窓口"), "{en}");
}

#[test]
fn indicator_id_picks_the_indicator_within_the_measure() {
    let header = "施策ID,指標ID,年度,実績値";
    let all = statuses(&format!("{header}\np.m1,i1,2025,7\np.m2,i1,2025,8\np.m2,i9,2025,8\n"));
    assert!(matches!(&all[0], RowStatus::Apply { measure, indicator, .. } if measure == "p.m1" && indicator == "i1"));
    assert!(matches!(&all[1], RowStatus::Apply { measure, indicator, .. } if measure == "p.m2" && indicator == "i1"));
    let (ja, _) = error(&all[2], 4, "指標ID");
    assert!(ja.contains("この施策の指標ID: i1"), "{ja}");
}

#[test]
fn indicator_id_and_name_that_disagree_are_an_error() {
    let text = "施策ID,指標ID,指標名,年度,実績値\np.m1,i2,対応窓口,2024,3\np.m1,i2,オンライン申請件数,2024,3\n";
    let all = statuses(text);
    assert_eq!(value(&all[0]), 3.0);
    let (ja, _) = error(&all[1], 3, "指標名");
    assert!(ja.contains("指標ID「i2」の指標は「対応窓口」"), "{ja}");
}

#[test]
fn a_year_outside_the_plan_names_the_period() {
    let (ja, en) = error(&one("p.m1,対応窓口,2026,3"), 2, "年度");
    assert!(ja.contains("2024〜2025年度"), "{ja}");
    assert!(en.contains("FY2024–2025"), "{en}");
}

#[test]
fn years_are_read_in_western_full_width_and_era_forms() {
    for year in ["2024", "２０２４", "2024年度", "FY2024", "令和6年度", "令和６年度", "R6", "r6年度", "Ｒ６"] {
        assert!(matches!(one(&format!("p.m1,対応窓口,{year},3")), RowStatus::Apply { fy: 2024, .. }), "{year}");
    }
    assert!(matches!(one("p.m1,対応窓口,令和7年度,3"), RowStatus::Apply { fy: 2025, .. }));
    for (year, fy) in [("令和元年度", "2019年度"), ("平成31年度", "2019年度"), ("H28", "2016年度")] {
        let (ja, _) = error(&one(&format!("p.m1,対応窓口,{year},3")), 2, "年度");
        assert!(ja.starts_with(&format!("2行目「年度」: {fy}は")), "{year}: {ja}");
    }
    let (ja, _) = error(&one("p.m1,対応窓口,今年度,3"), 2, "年度");
    assert!(ja.contains("2024、令和6年度、R6"), "{ja}");
    error(&one("p.m1,対応窓口,6,3"), 2, "年度");
    error(&one("p.m1,対応窓口,,3"), 2, "年度");
}

#[test]
fn a_range_year_is_skipped_when_blank_and_an_error_with_a_value() {
    assert_eq!(one("p.m1,オンライン申請件数,2024-2025,"), RowStatus::Skip { reason: SkipReason::TargetRange });
    assert_eq!(one("p.m1,オンライン申請件数,令和6年度～令和7年度,"), RowStatus::Skip { reason: SkipReason::TargetRange });
    let (ja, _) = error(&one("p.m1,オンライン申請件数,2024-2025,300"), 2, "年度");
    assert!(ja.contains("単年度の行"), "{ja}");
}

#[test]
fn a_non_numeric_value_is_a_row_error() {
    for bad in ["－", "n/a", "1e3", "3人", "\"1,23\"", "12.", "NaN"] {
        let (ja, en) = error(&one(&format!("p.m1,対応窓口,2024,{bad}")), 2, "実績値");
        assert!(ja.contains("空欄") && en.contains("1,234"), "{bad}: {ja}");
    }
}

#[test]
fn full_width_digits_and_thousands_separators_are_numbers() {
    for (text, expected) in [("1234", 1234.0), ("１２３４", 1234.0), ("\"1,234\"", 1234.0), ("１，２３４", 1234.0), ("12.5", 12.5), ("-3", -3.0), ("\"1,234,567.5\"", 1234567.5)] {
        assert_eq!(value(&one(&format!("p.m1,オンライン申請件数,2025,{text}"))), expected, "{text}");
    }
}

#[test]
fn the_indicators_own_unit_after_the_value_is_tolerated() {
    assert_eq!(value(&one("p.m1,オンライン申請件数,2025,120件")), 120.0);
    assert_eq!(value(&one("p.m1,対応窓口,2025,４ か所")), 4.0);
}

#[test]
fn a_blank_value_is_no_value_not_zero() {
    let all = statuses(&format!("{HEADER}\np.m1,オンライン申請件数,2024,\np.m1,オンライン申請件数,2025,　\np.m9,typo,2099\n"));
    assert!(all.iter().all(|s| *s == RowStatus::Skip { reason: SkipReason::NoValue }), "{all:?}");
    let mut data = dataset();
    assert!(apply(&mut data, &read(&format!("{HEADER}\np.m1,オンライン申請件数,2024,\n")).unwrap()));
    assert_eq!(data, dataset(), "a blank never replaces a published value");
}

#[test]
fn a_value_for_a_qualitative_indicator_is_an_error() {
    let (ja, _) = error(&one("p.m1,新技術の研究,2024,1"), 2, "実績値");
    assert!(ja.contains("数値の指標ではありません"), "{ja}");
}

#[test]
fn duplicate_rows_are_errors_naming_the_first() {
    let all = statuses(&format!("{HEADER}\np.m1,対応窓口,2024,3\np.m2,受講人数,2024,3\np.m1,対応窓口,R6,4\n"));
    assert_eq!(value(&all[0]), 3.0);
    let (ja, en) = error(&all[2], 4, "施策ID・指標名・年度");
    assert!(ja.contains("2行目と同じ") && en.contains("as row 2"), "{ja} / {en}");
}

#[test]
fn an_empty_file_is_refused() {
    for text in ["", "\u{feff}", "\r\n\r\n", HEADER, "施策ID,指標名,年度,実績値\r\n,,,\r\n"] {
        assert_eq!(read(text).unwrap_err(), FileError::Empty, "{text:?}");
    }
}

#[test]
fn a_file_over_the_limit_is_refused() {
    let text = format!("{HEADER}\n{}", "x".repeat(MAX_TEXT_BYTES));
    let err = read(&text).unwrap_err();
    assert_eq!(err, FileError::TooLarge { bytes: text.len() });
    assert!(err.message_ja().contains("上限 10 MB"), "{}", err.message_ja());
}

#[test]
fn tab_separated_values_are_read() {
    let all = statuses("施策ID\t指標名\t年度\t実績値\np.m1\t対応窓口\t2024\t1,234\n");
    assert_eq!(value(&all[0]), 1234.0, "a comma inside a TSV cell is a thousands separator");
}

#[test]
fn a_leading_bom_is_stripped() {
    assert_eq!(value(&statuses(&format!("\u{feff}{HEADER}\np.m1,対応窓口,2024,3"))[0]), 3.0);
}

#[test]
fn crlf_lf_and_cr_line_ends_are_read_with_excel_row_numbers() {
    for end in ["\r\n", "\n", "\r"] {
        let text = [HEADER, "p.m1,対応窓口,2024,3", "", "p.m9,対応窓口,2024,3", ""].join(end);
        let preview = read(&text).unwrap();
        assert_eq!(preview.rows.len(), 2, "the blank row is left out: {end:?}");
        error(&preview.rows[1].status, 4, "施策ID");
    }
}

#[test]
fn quoted_cells_may_hold_commas_newlines_and_quotes() {
    let text = "施策ID,指標名,年度,実績値,備考\r\np.m1,対応窓口,2024,\"1,234\",\"a, b\r\n\"\"c\"\"\"\r\np.m9,対応窓口,2024,3,\r\n";
    let preview = read(text).unwrap();
    assert_eq!(value(&preview.rows[0].status), 1234.0);
    error(&preview.rows[1].status, 3, "施策ID");
}

#[test]
fn an_unclosed_quote_refuses_the_file() {
    let err = read(&format!("{HEADER}\np.m1,対応窓口,2024,3\np.m1,\"対応窓口,2025,3\n")).unwrap_err();
    assert_eq!(err, FileError::UnclosedQuote { row: 3 });
}

#[test]
fn an_excel_formula_guard_before_a_name_is_removed() {
    let mut data = dataset();
    data.plans[0].measures[0].indicators[1].name = "-窓口".into();
    let preview = preview(&data, &format!("{HEADER}\np.m1,'-窓口,2024,3\n"), &nfkc).unwrap();
    assert_eq!(value(&preview.rows[0].status), 3.0);
}

#[test]
fn apply_is_all_or_nothing() {
    let preview = read(&format!("{HEADER}\np.m1,対応窓口,2024,3\np.m9,対応窓口,2024,3\n")).unwrap();
    assert!(!preview.can_apply());
    let mut data = dataset();
    assert!(!apply(&mut data, &preview));
    assert_eq!(data, dataset());
}

#[test]
fn an_imported_value_replaces_the_actual_drops_its_reported_attainment_and_is_local() {
    let preview = read(&format!("{HEADER}\np.m1,オンライン申請件数,2024,150\np.m1,オンライン申請件数,2025,180\n")).unwrap();
    assert!(matches!(preview.rows[0].status, RowStatus::Apply { previous: Some(100.0), value: 150.0, .. }));
    assert!(matches!(preview.rows[1].status, RowStatus::Apply { previous: None, .. }));
    let mut data = dataset();
    assert!(apply(&mut data, &preview));
    let actuals = &data.plans[0].measures[0].indicators[0].actuals;
    assert_eq!(actuals.iter().map(|a| (a.fy, a.value, a.attainment_reported, a.local)).collect::<Vec<_>>(), vec![(2024, 150.0, None, true), (2025, 180.0, None, true)]);
    assert!(validate(&data).is_empty(), "{:?}", validate(&data));
}

#[test]
fn an_unchanged_value_keeps_the_published_actual() {
    let preview = read(&format!("{HEADER}\np.m1,オンライン申請件数,2024,100\n")).unwrap();
    assert!(matches!(preview.rows[0].status, RowStatus::Apply { previous: Some(100.0), value: 100.0, .. }));
    let mut data = dataset();
    assert!(apply(&mut data, &preview));
    assert_eq!(data, dataset(), "attainment_reported stays and nothing is marked local");
}

#[test]
fn local_actuals_survive_a_reload() {
    let mut data = dataset();
    assert!(apply(&mut data, &read(&format!("{HEADER}\np.m1,対応窓口,2025,4\np.m2,受講人数,2024,30\n")).unwrap()));
    let saved = local_actuals(&data);
    assert_eq!(saved.actuals.len(), 2);
    let mut reloaded = dataset();
    assert_eq!(restore(&mut reloaded, &saved), vec![]);
    assert_eq!(reloaded, data);
    assert_eq!(local_actuals(&reloaded), saved);
}

#[test]
fn restore_drops_what_no_longer_fits() {
    let saved = |measure: &str, indicator: &str, fy, value| LocalActual { measure: measure.into(), indicator: indicator.into(), fy, value };
    let actuals = vec![
        saved("p.m1", "i2", 2025, 4.0),
        saved("p.gone", "i1", 2025, 4.0),
        saved("p.m1", "i9", 2025, 4.0),
        saved("p.m1", "i2", 2031, 4.0),
        saved("p.m1", "i3", 2025, 4.0),
        saved("p.m1", "i2", 2024, f64::INFINITY),
    ];
    let mut data = dataset();
    assert_eq!(restore(&mut data, &LocalActuals { version: LOCAL_ACTUALS_VERSION, actuals: actuals.clone() }), actuals[1..].to_vec());
    assert_eq!(local_actuals(&data).actuals, vec![actuals[0].clone()]);
    assert!(validate(&data).is_empty());
    let mut data = dataset();
    assert_eq!(restore(&mut data, &LocalActuals { version: LOCAL_ACTUALS_VERSION + 1, actuals: actuals.clone() }), actuals);
    assert_eq!(data, dataset());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn preview_never_panics_on_arbitrary_text(text in "\\PC{0,300}") {
        let _ = read(&text);
    }

    #[test]
    fn preview_never_panics_on_rows_under_a_valid_header(
        rows in proptest::collection::vec("[\"\\t,\\r\\n p.m12i年度令和元R６0-9一件か所ー\u{fffd}-]{0,40}", 0..8)
    ) {
        let _ = read(&format!("\u{feff}{HEADER},指標ID\r\n{}", rows.join("\r\n")));
    }

    /// Random rows rarely name a real measure and year, so the value and year readers get their own properties.
    #[test]
    fn preview_never_panics_on_any_value_of_a_known_indicator(value in "[-0-9０-９,，.．件か所人 　]{0,12}|\\PC{0,12}") {
        let _ = read(&format!("{HEADER}\r\np.m1,オンライン申請件数,2025,{value}\r\n"));
    }

    #[test]
    fn preview_never_panics_on_any_year_of_a_known_indicator(year in "[0-9０-９令和平成元年度R.\\-]{0,8}|\\PC{0,8}") {
        let _ = read(&format!("{HEADER}\r\np.m1,オンライン申請件数,{year},1\r\n"));
    }
}

/// Guards the download offered when a save fails or a value no longer fits: it must import back to the
/// very same values, to the last bit.
#[test]
fn the_csv_of_local_values_imports_back_to_the_same_values() {
    let value = |measure: &str, indicator: &str, fy, value| LocalActual { measure: measure.into(), indicator: indicator.into(), fy, value };
    let values = vec![value("p.m1", "i1", 2025, 0.1 + 0.2), value("p.m1", "i2", 2024, 1e15 + 0.5), value("p.m2", "i1", 2025, -3.25)];
    let preview = read(&plan_core::local::to_csv(&values)).unwrap();
    let read_back: Vec<LocalActual> = preview
        .rows
        .iter()
        .map(|row| match &row.status {
            RowStatus::Apply { measure, indicator, fy, value, .. } => LocalActual { measure: measure.clone(), indicator: indicator.clone(), fy: *fy, value: *value },
            other => panic!("row {} is {other:?}", row.number),
        })
        .collect();
    assert_eq!(read_back, values);
}

/// What the app saves after an import: only values that differ from the current ones.
#[test]
fn the_changes_of_an_import_leave_out_equal_values() {
    let preview = read(&format!("{HEADER}\np.m1,オンライン申請件数,2024,100\np.m1,対応窓口,2025,4\n")).unwrap();
    assert_eq!(preview.changes(), vec![LocalActual { measure: "p.m1".into(), indicator: "i2".into(), fy: 2025, value: 4.0 }]);
}
