//! Filtering and facets on the real dataset: the links people will share must show exactly the
//! measures the plans say, and every facet count must equal the result of choosing it.

use std::path::PathBuf;

use plan_core::explore::{Catalog, Filter, Results};
use plan_core::query::Query;
use plan_core::Dataset;
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

fn nfkc(s: &str) -> String {
    s.nfkc().collect()
}

fn dataset() -> Dataset {
    plan_data::load_seeds(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../seeds")).unwrap()
}

fn run(catalog: &Catalog, pairs: &[(&str, &str)]) -> (Query, Results) {
    let query = catalog.sanitize(&Query::from_pairs(pairs.iter().copied()));
    let results = catalog.explore(&Filter::new(catalog, &query, &nfkc));
    (query, results)
}

fn ids(dataset: &Dataset, results: &Results) -> Vec<String> {
    results.matches.iter().map(|m| dataset.plans[m.plan].measures[m.measure].id.clone()).collect()
}

#[test]
fn department_and_year_link_shows_that_departments_measures_active_that_year() {
    let dataset = dataset();
    let catalog = Catalog::new(&dataset, &nfkc);
    let (_, results) = run(&catalog, &[("plan", "itabashi-ict2025"), ("dept", "戸籍住民課"), ("year", "2022")]);
    // 施策 11 (マイナンバーカードの交付率向上及び普及促進) and 12 (…諸証明の交付率向上): 担当部署 戸籍住民課, 令和4年度 planned;
    // 16 also names 戸籍住民課 among four departments.
    assert_eq!(ids(&dataset, &results), ["itabashi-ict2025.m11", "itabashi-ict2025.m12", "itabashi-ict2025.m16"]);
}

#[test]
fn search_folds_width_and_kana() {
    let dataset = dataset();
    let catalog = Catalog::new(&dataset, &nfkc);
    let (_, full) = run(&catalog, &[("q", "ＲＰＡ")]);
    let (_, half) = run(&catalog, &[("q", "rpa")]);
    assert!(!full.matches.is_empty());
    assert_eq!(full, half);
    let (_, kata) = run(&catalog, &[("q", "マイナンバー")]);
    let (_, hira) = run(&catalog, &[("q", "まいなんばー")]);
    assert!(kata.matches.len() >= 5, "マイナンバー appears in many measures");
    assert_eq!(kata, hira);
}

#[test]
fn several_words_narrow_the_result() {
    let dataset = dataset();
    let catalog = Catalog::new(&dataset, &nfkc);
    let (_, one) = run(&catalog, &[("q", "マイナンバー")]);
    let (_, two) = run(&catalog, &[("q", "マイナンバー　交付")]);
    assert!(!two.matches.is_empty() && two.matches.len() < one.matches.len());
    assert!(two.matches.iter().all(|m| one.matches.contains(m)));
}

#[test]
fn unknown_values_are_ignored_and_the_rest_applies() {
    let dataset = dataset();
    let catalog = Catalog::new(&dataset, &nfkc);
    let (query, results) = run(&catalog, &[("plan", "no-such-plan"), ("plan", "taito-dx2026"), ("dept", "存在しない課"), ("year", "1999")]);
    assert_eq!(query.plans, ["taito-dx2026"]);
    assert_eq!((query.dept, query.year), (None, None));
    assert_eq!(results.matches.len(), 27);
}

#[test]
fn related_policy_links_widen_the_policy_filter() {
    let dataset = dataset();
    let catalog = Catalog::new(&dataset, &nfkc);
    let (_, primary) = run(&catalog, &[("policy", "itabashi-ict2025.p2")]);
    let (_, related) = run(&catalog, &[("policy", "itabashi-ict2025.p2"), ("related", "1")]);
    assert_eq!(primary.matches.len(), 4, "施策 11-14 carry ◎ under 基本方針Ⅱ");
    assert!(related.matches.len() > primary.matches.len());
}

fn arbitrary_query(catalog: &Catalog, dataset: &Dataset) -> impl Strategy<Value = Query> {
    let plans: Vec<String> = dataset.plans.iter().map(|p| p.id.clone()).collect();
    let policies: Vec<String> = catalog.policies.iter().map(|p| dataset.plans[p.plan].policies[p.policy].id.clone()).collect();
    (
        proptest::option::of(proptest::sample::select(plans)),
        proptest::option::of(proptest::sample::select(policies)),
        proptest::option::of(proptest::sample::select(catalog.departments.clone())),
        proptest::option::of(proptest::sample::select(catalog.years.clone())),
        proptest::option::of(proptest::sample::select(catalog.grades.clone())),
        any::<(bool, bool)>(),
        proptest::sample::select(vec!["", "システム", "マイナンバー", "ｵﾝﾗｲﾝ", "研修 実施"]),
    )
        .prop_map(|(plan, policy, dept, year, grade, (related, new_only), q)| Query {
            plans: plan.into_iter().collect(),
            policy,
            related,
            dept,
            year,
            grade,
            new_only,
            q: q.to_string(),
            ..Query::default()
        })
}

static DATA: std::sync::LazyLock<(Dataset, Catalog)> = std::sync::LazyLock::new(|| {
    let dataset = dataset();
    let catalog = Catalog::new(&dataset, &nfkc);
    (dataset, catalog)
});

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// A facet count promises how many measures choosing that value gives: check the promise.
    #[test]
    fn every_facet_count_equals_the_result_of_choosing_it(query in arbitrary_query(&DATA.1, &DATA.0)) {
        let (dataset, catalog) = &*DATA;
        let results = catalog.explore(&Filter::new(catalog, &query, &nfkc));
        let count = |q: Query| catalog.explore(&Filter::new(catalog, &q, &nfkc)).matches.len();
        for (i, plan) in dataset.plans.iter().enumerate() {
            prop_assert_eq!(results.plans[i], count(Query { plans: vec![plan.id.clone()], ..query.clone() }));
        }
        for (i, dept) in catalog.departments.iter().enumerate() {
            prop_assert_eq!(results.departments[i], count(Query { dept: Some(dept.clone()), ..query.clone() }));
        }
        for (i, year) in catalog.years.iter().enumerate() {
            prop_assert_eq!(results.years[i], count(Query { year: Some(*year), ..query.clone() }));
        }
        for (i, grade) in catalog.grades.iter().enumerate() {
            prop_assert_eq!(results.grades[i], count(Query { grade: Some(grade.clone()), ..query.clone() }));
        }
        for (i, policy) in catalog.policies.iter().enumerate() {
            let id = dataset.plans[policy.plan].policies[policy.policy].id.clone();
            prop_assert_eq!(results.policies[i], count(Query { policy: Some(id), ..query.clone() }));
        }
        prop_assert_eq!(results.new, count(Query { new_only: true, ..query.clone() }));
    }
}
