//! `plan-data`: builds the published dataset from `seeds/plans/*.toml`.
//!
//! ```text
//! cargo run -p plan-data -- check              # validate only
//! cargo run -p plan-data -- build public/data  # validate, then write the data files
//! cargo run -p plan-data -- check-json dist/data/plans.json  # a published file, with the line of a mistake
//! cargo run -p plan-data -- synth --factor 16 --out /tmp/data16  # the data/ folder of a dataset 16× larger
//! ```
//! Any data error stops it with `file:line: field: problem. fix` and exit status 1.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use plan_data::{build, check_json, load_all, synth};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let seeds = PathBuf::from(std::env::var("PLAN_SEEDS").unwrap_or_else(|_| "seeds".into()));
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["check"] => load_all(&seeds).map(|(dataset, english)| {
            println!("plan-data: {} plans, {} measures, {} English texts: valid", dataset.plans.len(), measure_count(&dataset), english.texts.len());
        }),
        ["build", out] => load_all(&seeds).and_then(|(dataset, english)| {
            build::write_all(&dataset, &english, &seeds, Path::new(out)).map_err(|e| vec![format!("{out}: could not write: {e}")])?;
            println!("plan-data: wrote {} plans, {} measures to {out}", dataset.plans.len(), measure_count(&dataset));
            Ok(())
        }),
        ["check-json", file] => std::fs::read_to_string(file)
            .map_err(|e| vec![format!("{file}: cannot read: {e}")])
            .and_then(|text| check_json(file, &text))
            .map(|dataset| println!("plan-data: {file}: {} plans, {} measures: valid", dataset.plans.len(), measure_count(&dataset))),
        ["synth", "--factor", factor, "--out", out] => match factor.parse::<usize>() {
            Ok(factor) if factor > 0 => load_all(&seeds).and_then(|(dataset, english)| {
                let large = synth::enlarge(&dataset, factor);
                let english = synth::enlarge_translation(&english, &dataset, factor);
                let issues = plan_core::validate(&large);
                if !issues.is_empty() {
                    return Err(issues.iter().map(|i| format!("synth: {i:?}")).collect());
                }
                build::write_all(&large, &english, &seeds, Path::new(out)).map_err(|e| vec![format!("{out}: could not write: {e}")])?;
                println!("plan-data: wrote {} plans, {} measures ({factor}×) to {out}", large.plans.len(), measure_count(&large));
                Ok(())
            }),
            _ => Err(vec![format!("synth: --factor is \"{factor}\"; give a whole number of at least 1")]),
        },
        _ => Err(vec![
            "usage: plan-data check | plan-data build <out-dir> | plan-data check-json <file> | plan-data synth --factor N --out <dir>".to_string(),
        ]),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(errors) => {
            for error in &errors {
                eprintln!("error: {error}");
            }
            eprintln!("plan-data: {} error(s); nothing was written", errors.len());
            ExitCode::FAILURE
        }
    }
}

fn measure_count(dataset: &plan_core::Dataset) -> usize {
    dataset.plans.iter().map(|p| p.measures.len()).sum()
}
