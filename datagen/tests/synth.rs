//! `plan-data synth`: a larger dataset that the app reads as it reads the real one, with nothing shared
//! that would collide or flatter compression.

use std::collections::HashSet;
use std::path::Path;

use plan_data::{build, load_all, load_seeds, synth};

fn real() -> plan_core::Dataset {
    load_seeds(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds")).expect("the seeds are valid")
}

#[test]
fn every_file_of_a_larger_dataset_loads_in_the_app_reader() {
    let (real, english) = load_all(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds")).expect("the seeds are valid");
    let large = synth::enlarge(&real, 4);
    let large_english = synth::enlarge_translation(&english, &real, 4);
    let files = build::render(&large, &large_english);
    for (path, bytes) in &files {
        let text = String::from_utf8(bytes.clone()).expect("utf-8");
        match path.as_str() {
            "index.json" | "index.en.json" => assert_eq!(plan_core::load_index(&text).expect("index loads").plans.len(), 4 * real.plans.len()),
            "records.json" | "records.en.json" => {
                let records = plan_core::load_index(&text).expect("the records load");
                assert_eq!(records.plans.len(), 4 * 2, "the copies of 板橋区's two plans with a record");
                assert!(records.plans.iter().all(|e| !e.record.is_empty()));
            }
            "search/index.json" | "search/index.en.json" => {
                let index = plan_core::load_search_index(&text).expect("the search index loads");
                assert_eq!(
                    index
                        .catalog(&|s: &str| s.to_string())
                        .expect("its rows fit")
                        .0
                        .measure_count(),
                    4 * 145
                );
            }
            p if p.starts_with("search/grams/") || p.starts_with("search/en/") => {
                drop(plan_core::load_postings(&text).unwrap_or_else(|e| panic!("{p}: {e:?}")))
            }
            p if p.starts_with("names/") => {
                drop(plan_core::load_names(&text).unwrap_or_else(|e| panic!("{p}: {e:?}")))
            }
            p if p.starts_with("cards/") => {
                drop(plan_core::load_cards(&text).unwrap_or_else(|e| panic!("{p}: {e:?}")))
            }
            "wards.json" | "wards.en.json" => {
                let wards = plan_core::load_wards(&text).expect("the names load");
                assert_eq!(wards.names.len(), 3 + 3, "the three wards and the three test cities");
            }
            p if p.starts_with("wards/") => {
                let file = plan_core::load_index(&text).unwrap_or_else(|e| panic!("{p}: {e:?}"));
                let suffix = if p.ends_with(".en.json") { ".en" } else { "" };
                let names = files.iter().find(|(q, _)| *q == format!("wards{suffix}.json")).expect("wards.json is written");
                let wards = plan_core::load_wards(std::str::from_utf8(&names.1).unwrap()).unwrap();
                let k: usize = p["wards/".len()..].split('.').next().unwrap().parse().unwrap();
                assert_eq!(wards.check(k, &file), Ok(()), "{p}");
            }
            "terms.en.json" => drop(plan_core::load_translation(&text).expect("the terms load")),
            "translations/en.json" => {
                let read = plan_core::load_translation(&text).expect("the English loads");
                assert_eq!(read.text(&format!("{}/title", large.plans.last().unwrap().id)).map(|t| t.contains("Test City")), Some(true));
                assert_eq!(read.texts.len(), 4 * english.texts.len());
            }
            p if p.ends_with(".json") && !p.ends_with("schema.json") => {
                plan_core::load_dataset(&text).unwrap_or_else(|e| panic!("{p}: {e:?}"));
            }
            _ => {}
        }
    }
}

#[test]
fn copies_collide_in_nothing() {
    let real = real();
    let large = synth::enlarge(&real, 4);
    let measures: Vec<&str> = large.plans.iter().flat_map(|p| p.measures.iter().map(|m| m.id.as_str())).collect();
    assert_eq!(measures.len(), 4 * real.plans.iter().map(|p| p.measures.len()).sum::<usize>());
    assert_eq!(measures.iter().collect::<HashSet<_>>().len(), measures.len(), "measure ids are unique");
    let plans: HashSet<&str> = large.plans.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(plans.len(), large.plans.len());
    let municipalities: HashSet<(&str, &str)> =
        large.plans.iter().map(|p| (p.municipality.name.as_str(), p.municipality.code.as_str())).collect();
    let real_municipalities: HashSet<&str> = real.plans.iter().map(|p| p.municipality.name.as_str()).collect();
    assert_eq!(municipalities.len(), real_municipalities.len() + 3);
}

/// Guards what let brotli find every copy in the one before: a copied summary with kanji must differ
/// from the same measure's summary in every other copy.
#[test]
fn no_copied_summary_repeats_another_copy() {
    let real = real();
    let n = real.plans.len();
    let large = synth::enlarge(&real, 3);
    let kanji = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let mut compared = 0;
    for i in 0..n {
        for (a, b) in [(0, 1), (0, 2), (1, 2)] {
            let (x, y) = (&large.plans[i + a * n], &large.plans[i + b * n]);
            for (m, k) in x.measures.iter().zip(&y.measures) {
                if let (Some(s), Some(t)) = (&m.summary, &k.summary) && kanji(s) {
                    assert_ne!(s, t, "{} and {}", m.id, k.id);
                    compared += 1;
                }
            }
        }
    }
    assert!(compared > 300, "compared {compared}");
}
