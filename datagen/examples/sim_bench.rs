//! Native benchmark of the simulation (PRODUCT.md §6: 10,000 draws over every numeric indicator).
//!
//! ```text
//! cargo run --release -q -p plan-data --example sim_bench
//! ```
//! Prints the number of numeric indicators and draws, and the median, min and max wall time of 11 runs.
//! A benchmark, not a test: nothing is asserted.

use std::path::Path;
use std::time::Instant;

use plan_core::sim::{Assumptions, simulate};

const RUNS: usize = 11;

fn main() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    let dataset = plan_data::load_seeds(&seeds).unwrap_or_else(|errors| panic!("seeds are invalid:\n{}", errors.join("\n")));
    let assumptions = Assumptions::default();
    let mut times: Vec<f64> = (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            let sim = simulate(&dataset, &assumptions);
            let elapsed = started.elapsed().as_secs_f64() * 1000.0;
            std::hint::black_box(sim);
            elapsed
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let tally = simulate(&dataset, &assumptions).tally(None);
    println!(
        "sim_bench: {} numeric indicators ({} milestones, {} without target), {} draws, {RUNS} runs: median {:.2} ms, min {:.2} ms, max {:.2} ms",
        tally.projected + tally.not_projected,
        tally.milestones,
        tally.no_target,
        assumptions.draws,
        times[RUNS / 2],
        times[0],
        times[RUNS - 1],
    );
}
