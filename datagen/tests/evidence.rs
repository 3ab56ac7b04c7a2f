//! The evidence model on the real dataset, against figures worked out by hand from the seeds
//! (docs/SIMULATION.md redoes each one): the wards' records, each plan's forecast, the implied targets of
//! 板橋区DX推進計画2025, and the backtest of ICT計画2025's 令和3年度 counts from the ICT計画2020 record.

use std::path::PathBuf;

use plan_core::sim::{Assumptions, Basis, Outlook, Progress, backtests, implied_target, outlook, outlook_of, progress, simulate};
use plan_core::{Dataset, IndexEntry, PlanIndex, Record, SourceRef};

fn dataset() -> Dataset {
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    plan_data::load_seeds(&seeds).unwrap_or_else(|errors| panic!("seeds are invalid:\n{}", errors.join("\n")))
}

fn record(fy: i32, graded: u32, not_met: u32, file: &str, line: u32) -> Record {
    Record { fy, graded, not_met, source: SourceRef { file: file.into(), line } }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn the_records_are_ict2020s_41_final_grades_and_ict2025s_25_of_fy2021_and_no_other_plan_has_one() {
    let index = PlanIndex::of(&dataset());
    let of = |id: &str| index.plans.iter().find(|e| e.id == id).unwrap().record.clone();
    // 001 lines 850-864 (図14): 完了 7, 順調 26, 概ね順調 7, 未達成 1 of 41; the 41 総合評価 of the appendix.
    assert_eq!(of("itabashi-ict2020"), [record(2020, 41, 1, "001_617c1f1f3bf1051e.txt", 850)]);
    // 004 line 9: 25 施策, 達成+ 5, 達成 19, 未達成 1 (no per-施策 grade is printed).
    assert_eq!(of("itabashi-ict2025"), [record(2021, 25, 1, "004_9b3ef0f0b9a2c4da.txt", 9)]);
    for id in ["itabashi-dx2025", "itabashi-dx2030", "kita-dx2025", "taito-dx2026"] {
        assert_eq!(of(id), [], "{id} has no grades in the seeds");
    }
}

/// The plan view across plans reads `records.json` (only the plans that have a record) and makes the shown
/// plan's own line from its file: every plan must get the outlook `index.json` gives it.
#[test]
fn the_records_file_and_a_plans_own_line_give_the_outlook_of_index_json() {
    let dataset = dataset();
    let index = PlanIndex::of(&dataset);
    let records = index.recorded();
    assert_eq!(records.plans.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["itabashi-ict2020", "itabashi-ict2025"]);
    for p in &dataset.plans {
        let entry = records.plans.iter().find(|e| e.id == p.id).cloned().unwrap_or_else(|| IndexEntry::of(p));
        assert_eq!(Some(outlook_of(&entry, &records)), outlook(&index, &p.id), "{}", p.id);
    }
}

#[test]
fn each_plan_gets_the_beta_binomial_forecast_worked_out_by_hand() {
    let index = PlanIndex::of(&dataset());
    // Pool: 2 of 66 未達成, so Beta(3, 65). Mean n·3/68; the intervals from the exact pmf (fractions).
    let expect = [("itabashi-ict2025", 22, Basis::Own, 0.970_588_235_294_117_6, 0, 2), ("itabashi-dx2025", 6, Basis::Own, 0.264_705_882_352_941_2, 0, 1),
        ("kita-dx2025", 49, Basis::Borrowed, 2.161_764_705_882_353, 0, 5), ("taito-dx2026", 27, Basis::Borrowed, 1.191_176_470_588_235_3, 0, 3)];
    for (id, n, basis, mean, low, high) in expect {
        let Some(Outlook::Forecast(f)) = outlook(&index, id) else { panic!("{id} is forecast") };
        assert_eq!((f.measures, f.basis, f.a, f.b, f.evidence()), (n, basis, 3.0, 65.0, (66, 2)), "{id}");
        assert!(close(f.not_met.mean, mean), "{id}: mean {}", f.not_met.mean);
        assert_eq!((f.not_met.low, f.not_met.high), (low, high), "{id}");
        assert!(f.pool.iter().all(|p| p.municipality == "板橋区"), "{id} rests on 板橋区's record");
    }
    assert!(matches!(outlook(&index, "itabashi-ict2020"), Some(Outlook::Recorded(p)) if p.record.graded == 41 && p.record.not_met == 1));
    assert_eq!(outlook(&index, "itabashi-dx2030"), Some(Outlook::NoMeasures));
}

#[test]
fn dx2025s_printed_rates_imply_targets_and_say_both_indicators_are_achieved() {
    let dataset = dataset();
    let plan = dataset.plans.iter().find(|p| p.id == "itabashi-dx2025").unwrap();
    let measure = plan.measures.iter().find(|m| m.id == "itabashi-dx2025.c1-1").unwrap();
    let online = &measure.indicators[0];
    let rpa = &plan.policies.iter().find(|p| p.id == "itabashi-dx2025.p1").unwrap().indicators[0];
    // 000 line 130: 122,609件, 285 %: 122609 / 2.85 = 43,020.7, between 122609 / 2.855 and 122609 / 2.845.
    // Line 131: 1,643時間, 126 %: 1643 / 1.26 = 1,304.0, between 1643 / 1.265 and 1643 / 1.255.
    for (indicator, value, low, high) in [(online, 43_020.7, 42_945.4, 43_096.3), (rpa, 1_304.0, 1_298.8, 1_309.2)] {
        let actual = &indicator.actuals[0];
        let implied = implied_target(indicator.direction, actual.value, actual.attainment_reported.unwrap()).unwrap();
        let round = |x: f64| (x * 10.0).round() / 10.0;
        assert_eq!((round(implied.value), round(implied.low), round(implied.high)), (value, low, high), "{}", indicator.name);
        let check = progress(indicator);
        assert_eq!((check.progress, check.by_printed_rate, check.values), (Progress::Achieved, true, 1), "{}", indicator.name);
    }
}

#[test]
fn no_published_indicator_has_the_two_recorded_values_a_growth_rate_needs() {
    let dataset = dataset();
    for plan in &dataset.plans {
        let indicators = plan.measures.iter().flat_map(|m| &m.indicators).chain(plan.policies.iter().flat_map(|p| &p.indicators));
        for indicator in indicators {
            let check = progress(indicator);
            assert!(check.ratio.is_none() && check.values <= 1, "{} {}: {check:?}", plan.id, indicator.name);
        }
    }
}

#[test]
fn the_ict2020_record_predicts_ict2025s_fy2021_counts_better_than_the_default_what_if() {
    let dataset = dataset();
    let sim = simulate(&dataset, &Assumptions::default());
    let tests = backtests(&dataset, &PlanIndex::of(&dataset), &sim);
    assert_eq!(tests.len(), 1, "only ICT計画2025's 令和3年度 count has an earlier record");
    let test = &tests[0];
    assert_eq!(dataset.plans[test.plan].summaries[test.summary].id, "itabashi-ict2025.fy2021-grades");
    // Only the ICT2020 record (1 of 41) is from before 2021: Beta(2, 41), rate 2/43.
    assert_eq!((test.a, test.b, test.pool.len()), (2.0, 41.0, 1));
    // (measures, printed 未達成, ln P by hand from the exact beta-binomial pmf).
    let by_hand = [(25, 1, -1.205_469_940_897_206_5), (11, 0, -0.470_293_947_145_873), (4, 1, -1.888_810_293_510_163_8),
        (4, 0, -0.184_062_201_271_738_64), (6, 0, -0.270_106_927_630_273_4)];
    for (row, (n, printed, score)) in test.rows.iter().zip(by_hand) {
        assert_eq!((row.measures, row.printed), (n, printed));
        assert!(close(row.evidence.score, score), "row {}: {}", row.row, row.evidence.score);
        assert!(close(row.evidence.rate, 2.0 / 43.0));
    }
    assert_eq!((test.rows[0].evidence.expected.low, test.rows[0].evidence.expected.high), (0, 3));
    let (total, policies) = test.scores();
    let (total, policies) = (total.unwrap(), policies.unwrap());
    // The default what-if gives each graded measure about a one-in-four chance of 未達成, so ~6 of 25.
    let what_if = test.rows[0].what_if.as_ref().unwrap();
    assert!((0.2..0.3).contains(&what_if.rate), "{}", what_if.rate);
    assert!(total.evidence > total.what_if.unwrap() + 3.0, "{total:?}");
    assert!(policies.evidence > policies.what_if.unwrap() + 3.0, "{policies:?}");
    assert_eq!(policies.rows, 4);
    // The one row where the record does worse: 基本方針Ⅱ, 1 of 4 未達成.
    assert!(test.rows[2].evidence.score < test.rows[2].what_if.as_ref().unwrap().score);
}
