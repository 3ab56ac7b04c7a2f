//! Search in English (issue 16): `data/search/en/<abc>.json`, each English word of the measures' translated
//! text with the measures (ordinals, as in the gram files) it occurs in, in files by its first three
//! characters (`<abc>.json`; a word of two characters has a file of its own). A query word matches every
//! word it begins: "app" finds "application" and "apply". A query word of two characters matches that
//! word only ("AI", "DX", "IT"), and one of one character nothing (it would match nearly every measure):
//! files by two characters, which a prefix of two needs, measured 8.4 KB gzip for "ch" at 16 times the
//! plans, so a search of one word went over the budget. Words are lowercase runs of letters and digits.
//!
//! ```
//! use plan_core::search::words;
//! let postings = words::build(&["Promoting electronic applications", "Electronic voting"]);
//! let lookup = |file: &str| postings.get(file);
//! assert_eq!(words::search(&["electronic".into(), "app".into()], lookup), Some(vec![0]));
//! assert_eq!(words::search(&["Elec".to_lowercase()], lookup), Some(vec![0, 1]));
//! ```

use std::collections::BTreeMap;

use crate::search::grams::Postings;

/// The words of a text: lowercase runs of ASCII letters and digits, of two characters or more.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| w.chars().nth(1).is_some()).map(str::to_ascii_lowercase)
}

/// The file a word (or a query word) is in: its first three characters.
pub fn file_of(word: &str) -> String {
    word.chars().take(3).collect()
}

/// The files a search for these (folded) query words reads.
pub fn files_for(terms: &[String]) -> Vec<String> {
    // Not sorted: a sort of strings would cost the wasm its own sort (ARCHITECTURE.md, Budgets).
    let mut files: Vec<String> = Vec::new();
    for file in terms.iter().flat_map(|t| words(t).map(|w| file_of(&w)).collect::<Vec<_>>()) {
        if !files.contains(&file) {
            files.push(file);
        }
    }
    files
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

/// Postings of every word of `texts` (one text per measure, by ordinal), by file.
pub fn build(texts: &[&str]) -> BTreeMap<String, Postings> {
    let mut lists: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (ordinal, text) in texts.iter().enumerate() {
        for word in words(text) {
            let list = lists.entry(word).or_default();
            if list.last() != Some(&(ordinal as u32)) {
                list.push(ordinal as u32);
            }
        }
    }
    let mut files: BTreeMap<String, Postings> = BTreeMap::new();
    for (word, list) in lists {
        let file = files.entry(file_of(&word)).or_default();
        file.grams.push(word);
        file.lists.push(list);
    }
    files
}

/// The measures (ordinals, ascending) whose words begin with every word of every term, or `None` while a
/// file is missing (`lookup` gives a loaded file by name; a file that does not exist reads as empty).
/// A term without a word of two characters matches nothing.
pub fn search<'a>(terms: &[String], lookup: impl Fn(&str) -> Option<&'a Postings>) -> Option<Vec<u32>> {
    let mut result: Option<Vec<u32>> = None;
    for term in terms {
        let mut any_word = false;
        for word in words(term) {
            any_word = true;
            let file = lookup(&file_of(&word))?;
            let found = file.grams.iter().zip(&file.lists).filter(|(w, _)| begins(w, &word)).fold(Vec::new(), |all, (_, list)| union(&all, list));
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
        let files = build(texts);
        search(terms, |file| Some(files.get(file).unwrap_or(&EMPTY)))
    }

    static EMPTY: Postings = Postings { grams: Vec::new(), lists: Vec::new() };

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
