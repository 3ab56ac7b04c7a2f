//! A dataset `factor` times larger, for scale tests and benchmarks (docs/TESTING.md, "Data at scale"):
//! the real plans, then `factor - 1` copies of them under made-up municipalities. Each copy gets its own
//! name, six-digit code and ids, so nothing collides, and its names carry the municipality's name.
//!
//! Compression must not be flattered by copies: brotli's window spans megabytes and would find each copy
//! in the one before (16 copies of the overview measured 217 KB brotli against 784 KB gzip). So the bulk of
//! the text (summaries, schedule entries, notes) goes through a substitution of kanji that is its own for
//! each copy: a copy keeps the lengths, the kana and the word statistics of its text, but shares no long
//! string with another copy. Names, departments and indicator names are kept as printed (with the
//! municipality's name), so that searches, facets and the compare view's themes find the copies as they
//! find the real plans. The files are written by the same code as the real ones (`build::write_all`).
//!
//! ```
//! # let dataset = plan_data::load_seeds(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../seeds"))).unwrap();
//! let large = plan_data::synth::enlarge(&dataset, 3);
//! assert_eq!(large.plans.len(), 3 * dataset.plans.len());
//! assert!(plan_core::validate(&large).is_empty());
//! ```

use std::collections::BTreeMap;

use plan_core::translation::Translation;
use plan_core::{Dataset, Plan};

/// The real dataset followed by `factor - 1` renamed copies of its plans (`factor` 0 counts as 1).
pub fn enlarge(dataset: &Dataset, factor: usize) -> Dataset {
    let mut plans = dataset.plans.clone();
    for copy in 1..factor {
        plans.extend(dataset.plans.iter().map(|plan| renamed(plan, copy)));
    }
    Dataset { plans, ..dataset.clone() }
}

/// The translation of [`enlarge`]'s dataset: each copy's texts under its ids, with the copy's municipality
/// where the real one is named, and its name after each measure's, as in the Japanese.
pub fn enlarge_translation(english: &Translation, dataset: &Dataset, factor: usize) -> Translation {
    let mut texts: BTreeMap<String, String> = english.texts.clone().into();
    let mut terms: BTreeMap<String, String> = english.terms.clone().into();
    for copy in 1..factor {
        let (name, _) = municipality(copy);
        let name_en = format!("Test City {copy:04}");
        terms.insert(name, name_en.clone());
        for plan in &dataset.plans {
            let ward_en = english.term(&plan.municipality.name).unwrap_or_default().to_string();
            let new_id = format!("{}-s{copy:04}", plan.id);
            let owned = |key: &str| {
                key.strip_prefix(plan.id.as_str()).filter(|rest| rest.starts_with('/') || rest.starts_with('.')).map(|rest| format!("{new_id}{rest}"))
            };
            let measure_names: Vec<String> = plan.measures.iter().map(|m| plan_core::translation::key::name(&m.id)).collect();
            let (items, own) = (format!("{}.", plan.id), format!("{}/", plan.id));
            for (key, text) in english.texts.starting_with(&items).chain(english.texts.starting_with(&own)) {
                let Some(new_key) = owned(key) else { continue };
                let mut text = if ward_en.is_empty() { text.to_string() } else { text.replace(&ward_en, &name_en) };
                if measure_names.iter().any(|k| k == key) {
                    text = format!("{text} ({name_en})");
                }
                texts.insert(new_key, text);
            }
        }
    }
    Translation { texts: texts.into(), terms: terms.into(), ..english.clone() }
}

/// The made-up municipality of copy `copy`: 試験市0001, 試験市0002, … with codes 990001, 990002, …
/// (99 is no prefecture's code).
fn municipality(copy: usize) -> (String, String) {
    (format!("試験市{copy:04}"), format!("99{copy:04}"))
}

fn renamed(plan: &Plan, copy: usize) -> Plan {
    let (name, code) = municipality(copy);
    let ward = plan.municipality.name.clone();
    let old_id = plan.id.clone();
    let new_id = format!("{old_id}-s{copy:04}");
    let id = |s: &str| match s.strip_prefix(old_id.as_str()).filter(|rest| rest.starts_with('.')) {
        Some(rest) => format!("{new_id}{rest}"),
        None => s.to_string(),
    };
    let text = |s: &str| s.replace(&ward, &name);
    let prose = |s: &str| shifted(&text(s), copy);
    let mut plan = plan.clone();
    plan.id = new_id.clone();
    plan.municipality.name = name.clone();
    plan.municipality.code = code;
    plan.title = text(&plan.title);
    for policy in &mut plan.policies {
        policy.id = id(&policy.id);
        policy.parent = policy.parent.as_deref().map(id);
        policy.name = text(&policy.name);
        policy.summary = policy.summary.as_deref().map(prose);
        policy.note = policy.note.as_deref().map(prose);
    }
    for measure in &mut plan.measures {
        measure.id = id(&measure.id);
        for link in &mut measure.policies {
            link.policy = id(&link.policy);
        }
        measure.name = format!("{}（{name}）", text(&measure.name));
        measure.summary = measure.summary.as_deref().map(prose);
        measure.note = measure.note.as_deref().map(prose);
        for entry in &mut measure.schedule {
            entry.text = prose(&entry.text);
        }
    }
    plan.notes = plan.notes.iter().map(|n| prose(n)).collect();
    for summary in &mut plan.summaries {
        summary.id = id(&summary.id);
        for row in &mut summary.rows {
            row.policy = row.policy.as_deref().map(id);
        }
    }
    plan
}

/// `text` with each kanji (U+4E00–U+9FFF) moved along that block by a step of its own for `copy`: the
/// same kanji always becomes the same one within a copy, and another one in each other copy.
fn shifted(text: &str, copy: usize) -> String {
    const FIRST: u32 = 0x4E00;
    const COUNT: u32 = 0x9FFF - 0x4E00 + 1;
    // 7,919 is prime and shares no factor with COUNT (20,992 = 2^9 × 41), so no two copies coincide.
    let step = (copy as u32 * 7919) % COUNT;
    text.chars()
        .map(|c| match c as u32 {
            code @ FIRST..=0x9FFF => char::from_u32(FIRST + (code - FIRST + step) % COUNT).unwrap_or(c),
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_share_the_kana_and_no_kanji_run() {
        let text = "マイナンバーカードの普及促進";
        let (one, two) = (shifted(text, 1), shifted(text, 2));
        assert!(one.starts_with("マイナンバーカードの") && two.starts_with("マイナンバーカードの"));
        assert_ne!(one, two);
        assert_ne!(one, text);
        assert_eq!(one.chars().count(), text.chars().count());
        assert_eq!(shifted(text, 0), text);
    }
}
