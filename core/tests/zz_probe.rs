use plan_core::*;
use std::time::Instant;

#[test]
fn probe() {
    for text in [
        "[".repeat(1_000_000),
        "{\"a\":".repeat(1_000_000),
        format!("{{\"schema_version\": 1, \"plans\": {}", "[".repeat(1_000_000)),
        format!(r#"{{"schema_version": 1, "plans": [{{"unknown": {}{}}}]}}"#, "[".repeat(1_000_000), "]".repeat(1_000_000)),
        format!(r#"{{"schema_version": 1, "plans": [{{"unknown": {}"#, "{\"a\":".repeat(1_000_000)),
    ] {
        let t = Instant::now();
        let r = load_dataset(&text);
        println!("{:?} {:?}", t.elapsed(), r.err().map(|e| e.to_string()));
    }
    println!("{:?}", serde_json::from_str::<serde_json::Value>(&"[".repeat(1000)).err());
    let json = std::fs::read_to_string("../dist/data/plans/taito-dx2026.json").unwrap_or_else(|_| std::fs::read_to_string("/tmp/gates/dist/data/plans/taito-dx2026.json").unwrap());
    let mut d: Dataset = serde_json::from_str(&json).unwrap();
    for n in [1000usize, 10_000, 30_000] {
        let plan = &mut d.plans[0];
        let base = plan.policies[0].clone();
        plan.policies.truncate(1);
        for i in 1..n {
            let mut p = base.clone();
            p.id = format!("{}.chain{i}", plan.id);
            p.parent = Some(if i == 1 { base.id.clone() } else { format!("{}.chain{}", plan.id, i - 1) });
            plan.policies.push(p);
        }
        let text = serde_json::to_string(&d).unwrap();
        let t = Instant::now();
        let r = load_dataset(&text);
        println!("chain {n}: {} bytes {:?} {:?}", text.len(), t.elapsed(), r.err().map(|e| e.to_string().chars().take(300).collect::<String>()));
    }
}
