//! Validation rules that the data tool's end-to-end tests don't reach, and the loader's promise:
//! any input gives a dataset or an error, never a panic.

use plan_core::*;
use proptest::prelude::*;

fn plan() -> Plan {
    Plan {
        id: "p".into(),
        municipality: Municipality { name: "区".into(), code: "131199".into() },
        title: "計画".into(),
        period: Period { from: 2021, to: 2023 },
        status: "策定".into(),
        source: "seed.txt".into(),
        source_line: 1,
        notes: vec![],
        grades: vec![],
        policies: vec![policy("p.a", Some("p.b")), policy("p.b", Some("p.a"))],
        measures: vec![],
        summaries: vec![],
    }
}

fn policy(id: &str, parent: Option<&str>) -> Policy {
    Policy {
        id: id.into(),
        code: "1".into(),
        name: "方針".into(),
        kind: "基本方針".into(),
        parent: parent.map(Into::into),
        summary: None,
        indicators: vec![],
        note: None,
        source: SourceRef { file: "seed.txt".into(), line: 1 },
    }
}

#[test]
fn a_policy_loop_is_reported() {
    let issues = validate(&Dataset { schema_version: 1, plans: vec![plan()], themes: vec![] });
    assert!(issues.iter().any(|i| i.field == "parent" && i.problem.contains("leads back to itself")), "{issues:#?}");
}

#[test]
fn only_the_policies_on_a_loop_are_reported_in_document_order() {
    let mut plan = plan();
    // p.c hangs under the loop p.a <-> p.b without being on it; p.d is its own parent.
    plan.policies.insert(0, policy("p.c", Some("p.a")));
    plan.policies.push(policy("p.d", Some("p.d")));
    let issues = validate(&Dataset { schema_version: 1, plans: vec![plan], themes: vec![] });
    let looped: Vec<&str> = issues.iter().filter(|i| i.problem == "leads back to itself").map(|i| i.item.as_str()).collect();
    assert_eq!(looped, ["p.a", "p.b", "p.d"]);
}

#[test]
fn a_wrong_schema_version_is_reported() {
    let issues = validate(&Dataset { schema_version: 2, plans: vec![], themes: vec![] });
    assert_eq!(issues.len(), 1);
    assert!(issues[0].to_string().contains("schema_version"));
}

#[test]
fn attainment_inverts_for_decreasing_indicators() {
    assert_eq!(attainment_percent(Direction::Increase, 120.0, 100.0), Some(120.0));
    assert_eq!(attainment_percent(Direction::Decrease, 80.0, 100.0), Some(125.0));
    assert_eq!(attainment_percent(Direction::Increase, 5.0, 0.0), None, "a target of 0 has no ratio");
}

/// The reader can't say where a syntax error is (the app asks the browser's parser), only that there is one.
#[test]
fn a_syntax_error_is_not_a_dataset() {
    let err = load_dataset("{\n  \"schema_version\": 1,\n  \"plans\": [}\n").unwrap_err();
    assert_eq!(err, LoadError::NotADataset);
}

/// Nesting can't overflow the stack: miniserde keeps its place in a heap-allocated stack, not by recursion.
#[test]
fn deeply_nested_json_is_an_error_not_a_stack_overflow() {
    let depth = 1_000_000;
    let cases = [
        "[".repeat(depth),
        "{\"plans\":".repeat(depth),
        format!(r#"{{"schema_version": 1, "plans": {}"#, "[".repeat(depth)),
        // A plan allows unknown fields: a balanced million-deep value in one is skipped, then the plan lacks its fields.
        format!(r#"{{"schema_version": 1, "plans": [{{"extra": {}{}}}]}}"#, "[".repeat(depth), "]".repeat(depth)),
        format!(r#"{{"schema_version": 1, "plans": [{{"extra": {}"#, "{\"a\":".repeat(depth)),
    ];
    for text in cases {
        let err = load_dataset(&text).unwrap_err();
        assert_eq!(err, LoadError::NotADataset, "{}", &text[..40]);
    }
}

fn chain(len: usize) -> Vec<Policy> {
    (0..len).map(|i| policy(&format!("p.{i}"), (i > 0).then(|| format!("p.{}", i - 1)).as_deref())).collect()
}

/// A huge file takes linear time: a chain of 100,000 policies (a tree as deep as it is long) and a 16 MB
/// title. Were any check quadratic in the chain, this test would not finish (cargo flags it after 60 s).
/// The chain is too deep to accept, and is refused with that reason.
#[test]
fn a_huge_dataset_is_checked_in_linear_time() {
    let mut plan = plan();
    plan.title = "長".repeat(16_000_000 / 3);
    plan.policies = chain(100_000);
    let json = serde_json::to_string(&Dataset { schema_version: 1, plans: vec![plan], themes: vec![] }).unwrap();
    let LoadError::Invalid(issues) = load_dataset(&json).unwrap_err() else { panic!("a syntax error?") };
    assert!(issues.iter().all(|i| i.problem.ends_with("levels deep")), "only the depth is wrong");
}

/// The views walk the policy tree recursively: a tree deeper than any plan's is refused.
#[test]
fn policy_trees_are_at_most_twelve_levels_deep() {
    let mut plan = plan();
    plan.policies = chain(12);
    assert!(validate(&Dataset { schema_version: 1, plans: vec![plan.clone()], themes: vec![] }).is_empty());
    plan.policies = chain(13);
    let issues = validate(&Dataset { schema_version: 1, plans: vec![plan], themes: vec![] });
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].problem, "is 13 levels deep");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn the_loader_never_panics_on_arbitrary_text(text in "\\PC{0,200}") {
        let _ = load_dataset(&text);
    }

    #[test]
    fn the_loader_never_panics_on_json_shaped_text(text in r#"\{"schema_version": ?[0-9]{1,3}, ?"plans": ?\[[\{\}\[\]",:a-z0-9 ]{0,80}\]\}"#) {
        let _ = load_dataset(&text);
    }
}

fn grade(name: &str, above: Option<f64>, at_least: Option<f64>) -> GradeRule {
    GradeRule {
        grade: name.into(),
        meaning: String::new(),
        source: SourceRef { file: "seed.txt".into(), line: 1 },
        attainment_above: above,
        attainment_at_least: at_least,
    }
}

#[test]
fn grade_thresholds_must_decrease_best_first() {
    let issues = |grades: Vec<GradeRule>| {
        let plan = Plan { grades, policies: vec![], ..plan() };
        validate(&Dataset { schema_version: 1, plans: vec![plan], themes: vec![] })
    };
    // 板橋 ICT2025: above 100, at least 80, the rest.
    assert!(issues(vec![grade("達成+", Some(100.0), None), grade("達成", None, Some(80.0)), grade("未達成", None, None)]).is_empty());
    // Strictly above 100 is a higher bar than at least 100, so this order is right too.
    assert!(issues(vec![grade("A", Some(100.0), None), grade("B", None, Some(100.0)), grade("C", None, None)]).is_empty());
    let wrong = issues(vec![grade("達成", None, Some(80.0)), grade("達成+", Some(100.0), None), grade("未達成", None, None)]);
    assert_eq!(wrong.len(), 1, "{wrong:#?}");
    assert!(wrong[0].field == "grades[達成+]" && wrong[0].problem.contains("not below the grade before it"), "{wrong:#?}");
    let equal = issues(vec![grade("A", None, Some(80.0)), grade("B", None, Some(80.0)), grade("C", None, None)]);
    assert!(equal.len() == 1 && equal[0].field == "grades[B]", "{equal:#?}");
}
