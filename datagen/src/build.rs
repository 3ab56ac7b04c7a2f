//! Writes the published files into one folder (docs/DATA.md describes each):
//! `plans.json`, `plans/<id>.json`, `index.json`, `wards.json` with `wards/<k>.json`, `plans.csv`, `plans.schema.json`, the seed
//! texts under `sources/`, `plans-overview.json` (`Dataset::overview`, the staff bundle's views across
//! plans read `plans.json`; the overview stays for other readers), and what the resident app's views across
//! plans read instead of any whole dataset: `search/index.json`, `search/grams/<k>.json`,
//! `cards/<id>/<k>.json`, `names/<id>.json` and `overview/<id>.json` (`plan_core::search`).
//! Everything is rendered in memory first, so an error leaves no half-written folder behind.

use std::path::Path;

use plan_core::explore::Catalog;
use plan_core::search::{MeasureCards, MeasureNames, SearchIndex, grams, words};
use plan_core::translation::Translation;
use plan_core::wards::Wards;
use plan_core::{Dataset, PlanIndex, Plan, SCHEMA_VERSION};

use crate::translate;
use unicode_normalization::UnicodeNormalization;

/// About how many numbers of postings go in one gram file: small enough that a search downloads a few
/// kilobytes per word, large enough that the 1× data has tens of files, not thousands (README, Size).
const POSTINGS_PER_FILE: usize = 1_000;

/// About how many bytes of JSON go in one English word file: about 2 KB gzip, which a search of one word
/// reads, as it reads about two gram files in Japanese; at 1× about 120 files for the service worker.
const WORD_BYTES_PER_FILE: usize = 6_000;

/// How many municipalities' plans go in one `wards/<k>.json`: as many as the start page shows at once
/// (`WARDS_AT_ONCE`, src/views/start.rs), so that it reads one of them, beside the names.
const WARDS_PER_FILE: usize = 12;

fn nfkc(s: &str) -> String {
    s.nfkc().collect()
}

/// A dataset holding one plan: the shape of `plans/<id>.json`, read by the same loader. Without the themes:
/// the compare view, the only one that lines measures up by theme, reads the search index across plans
/// (they were 1.4 KB gzip of the largest plan's file, README, Size; `plans.json` has them).
pub fn single(plan: &Plan) -> Dataset {
    Dataset { schema_version: SCHEMA_VERSION, plans: vec![plan.clone()], themes: vec![] }
}

pub fn schema() -> String {
    let schema = schemars::schema_for!(Dataset);
    serde_json::to_string_pretty(&schema).expect("a schema serialises")
}

/// The JSON Schema of `translations/en.json` and of the app's `*.en.json` files.
pub fn translation_schema() -> String {
    let schema = schemars::schema_for!(Translation);
    serde_json::to_string_pretty(&schema).expect("a schema serialises")
}

/// A plan's own files for the app (docs/DATA.md, Files for the app), `suffix` before `.json`: its file,
/// its overview, its names and its cards.
fn plan_files(plan: &Plan, suffix: &str) -> Vec<(String, Vec<u8>)> {
    let json = |value: &dyn erased::Json| value.to_json().into_bytes();
    let id = &plan.id;
    let overview = Dataset { schema_version: SCHEMA_VERSION, plans: vec![plan.clone()], themes: vec![] }.overview();
    let mut files = vec![
        (format!("plans/{id}{suffix}.json"), json(&single(plan))),
        (format!("overview/{id}{suffix}.json"), json(&overview)),
        (format!("names/{id}{suffix}.json"), json(&MeasureNames::of(plan))),
    ];
    for (k, cards) in MeasureCards::of(plan).iter().enumerate() {
        files.push((format!("cards/{id}/{k}{suffix}.json"), json(cards)));
    }
    files
}

/// Every output file as (relative path, contents).
pub fn render(dataset: &Dataset, english: &Translation) -> Vec<(String, Vec<u8>)> {
    let json = |value: &dyn erased::Json| value.to_json().into_bytes();
    let index = PlanIndex::of(dataset);
    let mut files = vec![
        ("plans.json".to_string(), json(dataset)),
        ("plans-overview.json".to_string(), json(&dataset.overview())),
        ("index.json".to_string(), json(&index)),
        ("records.json".to_string(), json(&index.recorded())),
        ("plans.csv".to_string(), plan_core::csv::render(dataset)),
        ("plans.schema.json".to_string(), schema().into_bytes()),
        ("translations/en.json".to_string(), json(english)),
        ("translation.schema.json".to_string(), translation_schema().into_bytes()),
    ];
    files.extend(ward_files(&index, ""));
    let (english_files, word_files) = english_files(dataset, english);
    files.extend(english_files);
    let search = search_files(dataset);
    files.push(("search/index.en.json".to_string(), english_search_index(&search[0].1, dataset, english, word_files)));
    files.extend(dataset.plans.iter().flat_map(|plan| plan_files(plan, "")));
    files.extend(search);
    files
}

/// `wards.json` and `wards/<k>.json`, `suffix` before `.json`: what the start page reads ([`Wards`]).
fn ward_files(index: &PlanIndex, suffix: &str) -> Vec<(String, Vec<u8>)> {
    let (wards, plans) = Wards::split(index, WARDS_PER_FILE);
    let mut files = vec![(format!("wards{suffix}.json"), serde_json::to_vec(&wards).expect("the names serialise"))];
    for (k, file) in plans.iter().enumerate() {
        files.push((format!("wards/{k}{suffix}.json"), serde_json::to_vec(file).expect("the plans serialise")));
    }
    files
}

/// `search/index.json` and the gram files, split so that each holds about [`POSTINGS_PER_FILE`] numbers.
pub fn search_files(dataset: &Dataset) -> Vec<(String, Vec<u8>)> {
    let catalog = Catalog::new(dataset, &nfkc);
    let texts = catalog.search_docs();
    let whole = grams::build(&texts, 1);
    let numbers: usize = whole[0].lists.iter().map(Vec::len).sum();
    let gram_files = numbers.div_ceil(POSTINGS_PER_FILE).max(1) as u32;
    let index = SearchIndex::of(dataset, &nfkc, gram_files);
    let mut files = vec![("search/index.json".to_string(), serde_json::to_vec(&index).expect("the index serialises"))];
    for (k, postings) in grams::build(&texts, gram_files).iter().enumerate() {
        files.push((format!("search/grams/{k}.json"), serde_json::to_vec(postings).expect("postings serialise")));
    }
    files
}

/// What the app reads in English instead of its Japanese files (docs/DATA.md, "Files for the app"): each
/// file of plan text again as `<file>.en.json`, made from the plans in English ([`translate::apply`]);
/// `terms.en.json`, the English of departments and grades, which stay Japanese as the URL's values; and
/// the English search words, `search/en/<k>.json`, split as the gram files are, and how many files they are.
/// The search index in English differs only in the plans' titles, municipalities and statuses and in
/// `word_files`: its facets and themes are the Japanese index's.
pub fn english_files(dataset: &Dataset, english: &Translation) -> (Vec<(String, Vec<u8>)>, u32) {
    let translated = Dataset { plans: dataset.plans.iter().map(|p| translate::apply(p, english)).collect(), ..dataset.clone() };
    let json = |value: &dyn erased::Json| value.to_json().into_bytes();
    let index = PlanIndex::of(&translated);
    let mut files = vec![
        ("index.en.json".to_string(), json(&index)),
        ("records.en.json".to_string(), json(&index.recorded())),
    ];
    files.extend(ward_files(&index, ".en"));
    let values = dataset.plans.iter().flat_map(|p| {
        p.grades.iter().map(|g| g.grade.as_str()).chain(
            p.measures
                .iter()
                .flat_map(|m| m.departments.iter().map(String::as_str)),
        )
    });
    files.push((
        "terms.en.json".to_string(),
        json(&english.part(&[], values)),
    ));
    files.extend(
        translated
            .plans
            .iter()
            .flat_map(|plan| plan_files(plan, ".en")),
    );
    let texts = english.search_docs(dataset);
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    // By bytes, not numbers: a word file is mostly its words.
    let bytes = json(&words::build(&texts, 1)[0]).len();
    let word_files = bytes.div_ceil(WORD_BYTES_PER_FILE).max(1) as u32;
    for (k, postings) in words::build(&texts, word_files).iter().enumerate() {
        files.push((format!("search/en/{k}.json"), json(postings)));
    }
    (files, word_files)
}

/// `search/index.json` in English: the same rows, the plans' listing in English.
pub fn english_search_index(index: &[u8], dataset: &Dataset, english: &Translation, word_files: u32) -> Vec<u8> {
    let mut index: SearchIndex = serde_json::from_slice(index).expect("the index just written reads back");
    index.word_files = word_files;
    for (p, plan) in dataset.plans.iter().enumerate() {
        let plan = translate::apply(plan, english);
        index.titles[p] = plan.title;
        index.municipalities[p] = plan.municipality.name;
        index.statuses[p] = plan.status;
    }
    serde_json::to_vec(&index).expect("the index serialises")
}

/// The seed texts, so that the app can show the passage a measure cites: `sources/<seed file>`.
pub fn sources(seeds: &Path) -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(seeds)? {
        let path = entry?.path();
        if path.extension().is_some_and(|x| x == "txt") {
            let name = path.file_name().expect("a file has a name").to_string_lossy().into_owned();
            files.push((format!("sources/{name}"), std::fs::read(&path)?));
        }
    }
    Ok(files)
}

pub fn write_all(dataset: &Dataset, english: &Translation, seeds: &Path, out: &Path) -> std::io::Result<()> {
    let mut files = render(dataset, english);
    files.extend(sources(seeds)?);
    for (path, bytes) in files {
        if let Some(folder) = Path::new(&path).parent() {
            std::fs::create_dir_all(out.join(folder))?;
        }
        std::fs::write(out.join(path), bytes)?;
    }
    Ok(())
}

mod erased {
    /// Lets `render` serialise values of different types through one closure.
    pub trait Json {
        fn to_json(&self) -> String;
    }
    impl<T: serde::Serialize> Json for T {
        fn to_json(&self) -> String {
            serde_json::to_string(self).expect("the dataset serialises")
        }
    }
}
