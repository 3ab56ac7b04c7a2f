//! Search in English (issue 16): `data/search/en/<k>.json`, each English word of the measures' translated
//! text with the measures (ordinals, as in the gram files) it occurs in. A word is in file
//! FNV-1a(its first three characters) mod [`SearchIndex::word_files`](super::SearchIndex), so the words a
//! prefix of three begins are in one file, and the files stay few (by prefix, 640 files at 1×, each one
//! more for the service worker to precache) and small (by two characters, "ch" was 8.4 KB gzip at 16×).
//! A query word matches every word it begins: "app" finds "application" and "apply". A query word of two
//! characters matches that word only ("AI", "DX", "IT"), and one of one character nothing (it would match
//! nearly every measure). Words are lowercase runs of ASCII letters and digits.
//!
//! ```
//! use plan_core::search::words;
//! let files = words::build(&["Promoting electronic applications", "Electronic voting"], 4);
//! let lookup = |file: u32| files.get(file as usize);
//! assert_eq!(words::search(&["electronic".into(), "app".into()], 4, lookup), Some(vec![0]));
//! assert_eq!(words::search(&["Elec".to_lowercase()], 4, lookup), Some(vec![0, 1]));
//! ```

use std::collections::BTreeMap;

use crate::search::grams::{self, Postings};

/// The words of a text: lowercase runs of ASCII letters and digits, of two characters or more.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| w.chars().nth(1).is_some()).map(str::to_ascii_lowercase)
}

/// The file a word (or a query word) is in, of `files`: by its first three characters.
pub fn file_of(word: &str, files: u32) -> u32 {
    let prefix: String = word.chars().take(3).collect();
    grams::file_of(&prefix, files)
}

/// The files a search for these (folded) query words reads, ascending.
pub fn files_for(terms: &[String], files: u32) -> Vec<u32> {
    grams::ascending(terms.iter().flat_map(|t| words(t)).map(|word| file_of(&word, files)))
}

/// The texts (by position) having every word of `term` at the start of one of theirs: what
/// [`search`] finds from the files, from the texts themselves.
pub fn matching(term: &str, texts: &[String]) -> Vec<u32> {
    let wanted: Vec<String> = words(term).collect();
    let has = |text: &String| {
        let own: Vec<String> = words(text).collect();
        !wanted.is_empty() && wanted.iter().all(|w| own.iter().any(|o| begins(o, w)))
    };
    (0..texts.len() as u32).filter(|&i| has(&texts[i as usize])).collect()
}

/// Whether a query word matches a word of the text: it begins it, or is it when two characters long
/// (a word's file is its first three characters).
fn begins(word: &str, query: &str) -> bool {
    if query.len() == 2 { word == query } else { word.starts_with(query) }
}

/// The ascending union of two ascending lists, merged: sorting would cost the wasm a sort (ARCHITECTURE.md, Budgets).
pub fn union(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut j, mut out) = (0, 0, Vec::with_capacity(a.len() + b.len()));
    while i < a.len() || j < b.len() {
        let next = match (a.get(i), b.get(j)) {
            (Some(&x), Some(&y)) if x <= y => {
                i += 1;
                j += usize::from(x == y);
                x
            }
            (_, Some(&y)) => {
                j += 1;
                y
            }
            (Some(&x), None) => {
                i += 1;
                x
            }
            (None, None) => break,
        };
        out.push(next);
    }
    out
}

/// The ordinals of a list of gaps ([`build`]); a damaged list's sums stop at `u32::MAX` rather than wrap, so
/// they stay ascending for [`union`].
fn ordinals(gaps: &[u32]) -> Vec<u32> {
    gaps.iter().scan(0u32, |at, &gap| {
        *at = at.saturating_add(gap);
        Some(*at)
    }).collect()
}

/// Postings of every word of `texts` (one text per measure, by ordinal), in `files` files (by number).
/// Each list is its first ordinal, then the gaps between ordinals: as ordinals, "child" and the other
/// words of its file were 2.7 KB gzip at 1×, 7.2 KB at 100× (now 2.1 KB and 0.2 KB; issue 17).
pub fn build(texts: &[&str], files: u32) -> Vec<Postings> {
    let mut lists: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (ordinal, text) in texts.iter().enumerate() {
        for word in words(text) {
            let list = lists.entry(word).or_default();
            if list.last() != Some(&(ordinal as u32)) {
                list.push(ordinal as u32);
            }
        }
    }
    let mut out: Vec<Postings> = (0..files.max(1)).map(|_| Postings::default()).collect();
    for (word, list) in lists {
        let file = &mut out[file_of(&word, files) as usize];
        file.grams.push(word);
        file.lists.push(list.iter().scan(0, |previous, &ordinal| Some(ordinal - std::mem::replace(previous, ordinal))).collect());
    }
    out
}

/// The measures (ordinals, ascending) whose words begin with every word of every term, or `None` while a
/// file is missing (`lookup` gives a loaded file by number, of `files`). A term without a word of two
/// characters matches nothing.
pub fn search<'a>(terms: &[String], files: u32, lookup: impl Fn(u32) -> Option<&'a Postings>) -> Option<Vec<u32>> {
    let mut result: Option<Vec<u32>> = None;
    for term in terms {
        let mut any_word = false;
        for word in words(term) {
            any_word = true;
            let file = lookup(file_of(&word, files))?;
            let found = file.grams.iter().zip(&file.lists).filter(|(w, _)| begins(w, &word)).fold(Vec::new(), |all, (_, gaps)| union(&all, &ordinals(gaps)));
            result = Some(match result {
                None => found,
                Some(so_far) => so_far.into_iter().filter(|m| found.binary_search(m).is_ok()).collect(),
            });
        }
        if !any_word {
            return Some(Vec::new());
        }
    }
    Some(result.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn from_files(terms: &[String], texts: &[&str]) -> Option<Vec<u32>> {
        let files = build(texts, 3);
        search(terms, 3, |file| files.get(file as usize))
    }

    #[test]
    fn a_prefix_of_three_finds_every_word_it_begins() {
        let texts = ["Promoting electronic applications", "Apply online", "An approach"];
        assert_eq!(from_files(&["app".into()], &texts), Some(vec![0, 1, 2]));
        assert_eq!(from_files(&["applic".into()], &texts), Some(vec![0]));
    }

    /// Guards the files by three characters: a query of two finds that word, not every word it begins.
    #[test]
    fn two_characters_find_that_word_only() {
        let texts = ["Using AI in offices", "Airport access", "ai"];
        assert_eq!(from_files(&["ai".into()], &texts), Some(vec![0, 2]));
    }

    #[test]
    fn one_character_finds_nothing() {
        assert_eq!(from_files(&["a".into()], &["a b c"]), Some(vec![]));
    }

    proptest! {
        /// The files give what reading every text would.
        #[test]
        fn files_agree_with_the_texts(
            texts in proptest::collection::vec("[a-d ]{0,24}", 1..12),
            term in "[a-d ]{1,8}",
        ) {
            let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
            let owned: Vec<String> = texts.clone();
            let expected = if words(&term).next().is_none() { vec![] } else { matching(&term, &owned) };
            prop_assert_eq!(from_files(&[term], &refs), Some(expected));
        }
    }
}
