//! The n-gram postings behind search across plans: where every character (unigram) and every pair of
//! neighbouring characters (bigram) occurs in each measure's folded searchable text.
//!
//! A one-character word is found by its unigram; a longer word by its bigrams at consecutive positions.
//! That is exactly "the folded text contains the word", however the word would be segmented: a compound
//! such as 新幹線 and its part 幹線 are both found, where a word index (Pagefind, its issue #1237) indexes
//! 新 + 幹線 and misses the whole. A gram that spans the separator between two fields is not indexed,
//! so, as before, a word never matches across fields.
//!
//! A posting list is one flat array of numbers: for each measure that has the gram, in ascending order,
//! the gap from the previous measure's ordinal (the first from 0), how many positions follow, then the
//! positions as gaps (the first from 0). Unigrams carry no positions (count 0): presence is all a
//! one-character word needs. The lists are split over [`SearchIndex::gram_files`](super::SearchIndex)
//! files by [`file_of`].
//!
//! ```
//! use plan_core::search::grams::{build, search, file_of};
//! let texts = ["しんかんせん新幹線", "幹線道路"];
//! let files = build(&texts, 4);
//! let lookup = |gram: &str| files[file_of(gram, 4) as usize].get(gram);
//! assert_eq!(search(&["新幹線".to_string(), "幹線".to_string()], lookup), vec![vec![0], vec![0, 1]]);
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::explore::FIELD_SEPARATOR;

/// One file of postings: its grams in ascending order, and each one's posting list. Two lists rather than
/// a map: the wasm already has the code for both, where a map type would bring its own (ARCHITECTURE.md,
/// Budgets).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Postings {
    pub grams: Vec<String>,
    pub lists: Vec<Vec<u32>>,
}

impl Postings {
    /// A gram's posting list, if any measure has it.
    pub fn get(&self, gram: &str) -> Option<&[u32]> {
        let at = self.grams.binary_search_by(|g| g.as_str().cmp(gram)).ok()?;
        self.lists.get(at).map(Vec::as_slice)
    }
}

/// The file (of `files`) a gram is in: FNV-1a of its UTF-8 bytes, so the data tool and the browser agree.
pub fn file_of(gram: &str, files: u32) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in gram.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash % files.max(1)
}

/// The grams a folded word is looked up by: its one character, or each pair of neighbours in order.
pub fn grams_of(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    match chars.len() {
        0 | 1 => vec![word.to_string()].into_iter().filter(|w| !w.is_empty()).collect(),
        _ => chars.windows(2).map(|pair| pair.iter().collect()).collect(),
    }
}

/// The files a query's folded words need, ascending, each once.
pub fn files_for(words: &[String], files: u32) -> Vec<u32> {
    ascending(words.iter().flat_map(|w| grams_of(w)).map(|gram| file_of(&gram, files)))
}

/// File numbers, each once, ascending (inserted in order: a sort would cost the wasm its code).
pub(crate) fn ascending(files: impl Iterator<Item = u32>) -> Vec<u32> {
    let mut needed: Vec<u32> = Vec::new();
    for file in files {
        if let Err(at) = needed.binary_search(&file) {
            needed.insert(at, file);
        }
    }
    needed
}

/// The postings of every measure's folded text (`texts[ordinal]`), split into `files` files.
pub fn build(texts: &[&str], files: u32) -> Vec<Postings> {
    // gram → (ordinal, absolute positions) in ascending ordinal order.
    let mut all: BTreeMap<String, Vec<(u32, Vec<u32>)>> = BTreeMap::new();
    for (ordinal, text) in texts.iter().enumerate() {
        let ordinal = ordinal as u32;
        let chars: Vec<char> = text.chars().collect();
        for (at, &c) in chars.iter().enumerate() {
            if c == FIELD_SEPARATOR {
                continue;
            }
            let seen = all.entry(c.to_string()).or_default();
            if seen.last().is_none_or(|(o, _)| *o != ordinal) {
                seen.push((ordinal, Vec::new()));
            }
            if let Some(&next) = chars.get(at + 1).filter(|&&n| n != FIELD_SEPARATOR) {
                let lists = all.entry([c, next].iter().collect()).or_default();
                match lists.last_mut() {
                    Some((o, positions)) if *o == ordinal => positions.push(at as u32),
                    _ => lists.push((ordinal, vec![at as u32])),
                }
            }
        }
    }
    let mut out = vec![Postings::default(); files.max(1) as usize];
    for (gram, lists) in all {
        let mut flat = Vec::new();
        let mut previous = 0;
        for (ordinal, positions) in lists {
            flat.push(ordinal - previous);
            previous = ordinal;
            flat.push(positions.len() as u32);
            let mut last = 0;
            for p in positions {
                flat.push(p - last);
                last = p;
            }
        }
        // `all` is in gram order, so each file's grams are too.
        let file = &mut out[file_of(&gram, files) as usize];
        file.grams.push(gram);
        file.lists.push(flat);
    }
    out
}

/// For each word, the documents (ascending ordinals, [`super::matching`]) whose text contains it.
/// `lookup` gives a gram's posting list, `None` when no document has it; the files of [`files_for`]
/// must be loaded. A list that doesn't decode (a damaged file) ends where it stops making sense; it
/// never panics.
///
/// Plain sorted vectors, no B-trees: each B-tree type costs the wasm its own code (ARCHITECTURE.md, Budgets).
pub fn search<'a>(words: &[String], lookup: impl Fn(&str) -> Option<&'a [u32]>) -> Vec<Vec<u32>> {
    words.iter().map(|word| find_word(word, &lookup)).collect()
}

fn find_word<'a>(word: &str, lookup: &impl Fn(&str) -> Option<&'a [u32]>) -> Vec<u32> {
    let grams = grams_of(word);
    let Some((first, rest)) = grams.split_first() else { return Vec::new() };
    // (ordinal, positions where the word may start), ascending by ordinal.
    let mut starts = decode(lookup(first).unwrap_or(&[]));
    if word.chars().count() > 1 {
        for (offset, gram) in rest.iter().enumerate() {
            let next = decode(lookup(gram).unwrap_or(&[]));
            let step = offset as u32 + 1;
            starts.retain_mut(|(ordinal, positions)| {
                let Ok(at) = next.binary_search_by_key(ordinal, |(o, _)| *o) else { return false };
                let following = &next[at].1;
                positions.retain(|p| p.checked_add(step).is_some_and(|q| following.binary_search(&q).is_ok()));
                !positions.is_empty()
            });
        }
    }
    starts.into_iter().map(|(ordinal, _)| ordinal).collect()
}

/// A posting list as (ordinal, ascending absolute positions), ascending by ordinal.
fn decode(flat: &[u32]) -> Vec<(u32, Vec<u32>)> {
    let mut out: Vec<(u32, Vec<u32>)> = Vec::new();
    let mut numbers = flat.iter().copied();
    let mut ordinal: u32 = 0;
    while let (Some(gap), Some(count)) = (numbers.next(), numbers.next()) {
        let Some(next) = ordinal.checked_add(gap).filter(|&n| out.is_empty() || n > ordinal) else { break };
        ordinal = next;
        let mut positions = Vec::new();
        let mut at: u32 = 0;
        for _ in 0..count {
            let Some(step) = numbers.next() else { break };
            // Gaps are never negative, so the positions ascend.
            at = at.saturating_add(step);
            positions.push(at);
        }
        out.push((ordinal, positions));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The texts having every word.
    fn find(texts: &[&str], words: &[&str], files: u32) -> Vec<u32> {
        let built = build(texts, files);
        let lookup = |gram: &str| built[file_of(gram, files) as usize].get(gram);
        let each = search(
            &words.iter().map(|w| w.to_string()).collect::<Vec<_>>(),
            lookup,
        );
        (0..texts.len() as u32)
            .filter(|t| each.iter().all(|docs| docs.contains(t)))
            .collect()
    }

    #[test]
    fn a_compound_and_its_parts_are_both_found_pagefind_1237() {
        let texts = ["東北新幹線の駅", "在来線", "幹線道路の新設"];
        assert_eq!(find(&texts, &["新幹線"], 3), vec![0]);
        assert_eq!(find(&texts, &["幹線"], 3), vec![0, 2]);
        assert_eq!(find(&texts, &["線"], 3), vec![0, 1, 2]);
        assert_eq!(find(&texts, &["新"], 3), vec![0, 2]);
    }

    #[test]
    fn bigrams_must_be_consecutive_not_just_present() {
        // 子育 and 育て both occur, but never as 子育て.
        assert_eq!(find(&["子育の育て"], &["子育て"], 1), Vec::<u32>::new());
        assert_eq!(find(&["ああああ"], &["ああああ"], 2), vec![0]);
        assert_eq!(find(&["あああ"], &["ああああ"], 2), Vec::<u32>::new());
    }

    #[test]
    fn no_match_across_the_field_separator() {
        let text = format!("電子{FIELD_SEPARATOR}申請");
        assert_eq!(find(&[&text], &["子申"], 1), Vec::<u32>::new());
        assert_eq!(find(&[&text], &["申請", "電子"], 1), vec![0]);
    }

    #[test]
    fn a_damaged_list_never_panics() {
        let lists: [&[u32]; 4] = [&[u32::MAX, 1, 0, u32::MAX, 5], &[1], &[0, 9, 1], &[3, 2, u32::MAX, u32::MAX]];
        for list in lists {
            let _ = search(&["ab".to_string(), "a".to_string()], |_| Some(list));
        }
    }
}
