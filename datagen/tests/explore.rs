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

/// The measures linked (primary, ◎) to a policy, by id.
fn under(dataset: &Dataset, policy: &str) -> Vec<String> {
    let measures = dataset.plans.iter().flat_map(|p| &p.measures);
    measures
        .filter(|m| {
            m.policies
                .iter()
                .any(|l| l.policy == policy && l.role == plan_core::Role::Primary)
        })
        .map(|m| m.id.clone())
        .collect()
}

/// Issue 13: 「子育て」 found 1 of the 7 北区 measures under its own policy 「子育て・教育DX」.
#[test]
fn a_search_finds_the_measures_under_a_policy_that_has_the_word() {
    let (dataset, catalog) = &*DATA;
    // Exact: 子育て is also a theme's keyword, whose other words rank after everything here.
    let (_, results) = run(catalog, &[("q", "子育て"), ("exact", "1")]);
    let found = ids(dataset, &results);
    let policy = "kita-dx2025.p1-2-3";
    let expected = under(dataset, policy);
    assert_eq!(expected.len(), 7);
    assert!(expected.iter().all(|id| found.contains(id)), "{found:?}");
    let via_policy = catalog.policy_index(policy);
    let through: Vec<&String> = found
        .iter()
        .zip(&results.via)
        .filter(|(_, v)| **v == via_policy)
        .map(|(id, _)| id)
        .collect();
    assert_eq!(
        through.len(),
        6,
        "six don't repeat the word and say they were found through the policy"
    );
    // Their own matches come before what only the policy above them has.
    let first_through = results.via.iter().position(Option::is_some).unwrap();
    assert!(results.via[first_through..].iter().all(Option::is_some));
}

/// Issue 13: 「業務削減」 found nothing; 台東区's 施策9 has the indicator 業務削減時間数.
#[test]
fn a_search_finds_the_measures_under_a_policy_whose_indicator_has_the_word() {
    let (dataset, catalog) = &*DATA;
    let (_, results) = run(catalog, &[("q", "業務削減")]);
    let expected = under(dataset, "taito-dx2026.s9");
    assert!(!expected.is_empty());
    assert_eq!(ids(dataset, &results), expected);
    assert!(
        results
            .via
            .iter()
            .all(|v| *v == catalog.policy_index("taito-dx2026.s9"))
    );
}

/// Issue 13: 「オンライン申請」 found only 板橋区; the theme's keywords know 北区's 電子申請 and 台東区's
/// 手続きのオンライン化. `exact=1` keeps the words as typed.
#[test]
fn a_theme_word_stands_for_its_keywords_unless_exact() {
    let (dataset, catalog) = &*DATA;
    let (_, widened) = run(catalog, &[("q", "オンライン申請")]);
    let (_, exact) = run(catalog, &[("q", "オンライン申請"), ("exact", "1")]);
    let (widened, exact) = (ids(dataset, &widened), ids(dataset, &exact));
    assert!(
        exact.iter().all(|id| id.starts_with("itabashi")),
        "{exact:?}"
    );
    for id in ["kita-dx2025.m1-1-1-1", "taito-dx2026.t01"] {
        assert!(
            widened.contains(&id.to_string()) && !exact.contains(&id.to_string()),
            "{id}: {widened:?}"
        );
    }
    assert_eq!(
        widened[..exact.len()],
        exact[..],
        "the words as typed rank first"
    );
}

/// Within a rank, measures of plans that have ended come after the current ones.
#[test]
fn a_search_ranks_current_plans_first() {
    let (dataset, catalog) = &*DATA;
    let query = Query::from_pairs([("q", "マイナンバー")]);
    let mut filter = Filter::new(catalog, &query, &nfkc);
    filter.today = 2026;
    let results = catalog.explore(&filter);
    let ended = |m: &plan_core::explore::MeasureRef| dataset.plans[m.plan].period.to < 2026;
    let name_has = |m: &&plan_core::explore::MeasureRef| {
        plan_core::text::fold(&nfkc(&dataset.plans[m.plan].measures[m.measure].name))
            .contains("まいなんばー")
    };
    let by_name: Vec<bool> = results.matches.iter().filter(name_has).map(ended).collect();
    assert!(
        by_name.contains(&true) && by_name.contains(&false),
        "{by_name:?}"
    );
    assert!(
        by_name.windows(2).all(|w| w[0] <= w[1]),
        "ended plans after current ones among name matches: {by_name:?}"
    );
    let first_other = results.matches.iter().position(|m| !name_has(&m)).unwrap();
    assert_eq!(first_other, by_name.len(), "name matches first");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Issue 13: widening a search to the themes' keywords never loses a measure the words as typed find,
    /// and those rank before what only the keywords find.
    #[test]
    fn widening_never_loses_an_exact_match(query in arbitrary_query(&DATA.1, &DATA.0), word in proptest::sample::select(vec!["オンライン申請", "電子申請", "キャッシュレス", "窓口", "AI", "テレワーク", "デジタルデバイド", "マイナンバー"])) {
        let (_, catalog) = &*DATA;
        let query = Query { q: format!("{} {word}", query.q), ..query };
        let widened = catalog.explore(&Filter::new(catalog, &query, &nfkc)).matches;
        let exact = catalog.explore(&Filter::new(catalog, &Query { exact: true, ..query.clone() }, &nfkc)).matches;
        prop_assert!(exact.iter().all(|m| widened.contains(m)));
        let mut in_order = widened.iter().filter(|m| exact.contains(m));
        prop_assert!(exact.iter().all(|m| in_order.next() == Some(m)), "the exact matches keep their order");
    }
}
