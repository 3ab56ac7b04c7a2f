//! The plans in English (issue 16, PRODUCT.md §8), in the English resident bundle only
//! ([`ENGLISH`], `Bundle::resident_english`): the Japanese bundle links none of it.
//!
//! That bundle reads each file of plan text in English (`plans/<id>.en.json` for `plans/<id>.json`, …;
//! `Bundle::suffix`), so views show the English as they show the Japanese. Two things stay Japanese in
//! those files, because the URL names them (PRODUCT.md §5): departments and grades. Their English is
//! `data/terms.en.json`, read here once and shown through [`term`]. A search in Latin letters matches
//! the English words (`data/search/en/<k>.json`); any other, the Japanese.

use std::cell::RefCell;

use leptos::prelude::*;
use leptos::task::spawn_local;
use plan_core::translation::Texts;

use crate::bundle::English;
use crate::components::english_notice::EnglishNotice;
use crate::parts::Parts;

pub const ENGLISH: English = English {
    term,
    answered,
    start,
    search: search_across,
    waiting: |parts, words| {
        let (latin, japanese) = by_script(words);
        !parts.missing_words(&latin).is_empty() || !parts.missing_grams(&japanese).is_empty()
    },
    notice: |arrived| view! { <EnglishNotice failed on_retry=move || start(arrived)/> }.into_any(),
};

#[derive(Default)]
struct Terms {
    asked: bool,
    terms: Texts,
    failed: bool,
    /// Whether the first read has answered, either way.
    answered: bool,
    /// The app's counter of arrivals, which views showing a term track.
    version: Option<RwSignal<usize>>,
}

thread_local! {
    static TERMS: RefCell<Terms> = RefCell::new(Terms::default());
}

/// Reads `terms.en.json`, unless it is here or on its way: the app calls it as it starts and whenever it
/// loads data, which tries a failed read again (a view without departments or grades loads it too: a lazy
/// read measured 0.3 KB more of wasm on every view to spare the start page 1.7 KB, which has the room), the
/// notice's retry too. Views of the plans wait for its first answer ([`answered`]).
fn start(version: RwSignal<usize>) {
    let ask = TERMS.with(|t| {
        let mut t = t.borrow_mut();
        t.version = Some(version);
        let ask = !t.asked || t.failed;
        t.asked = true;
        t.failed = false;
        ask
    });
    if ask {
        spawn_local(async move {
            let read = crate::data::fetch_parsed("data/terms.en.json", plan_core::load_translation).await;
            TERMS.with(|t| {
                let mut t = t.borrow_mut();
                match read {
                    Ok(english) => t.terms = english.terms,
                    Err(_) => t.failed = true,
                }
                t.answered = true;
            });
            version.try_update(|v| *v += 1);
        });
    }
}

/// Whether the English of departments and grades could not be read (tracked).
fn failed() -> bool {
    tracked(|t| t.failed)
}

/// Whether the first read of that English has answered, either way (tracked).
fn answered() -> bool {
    tracked(|t| t.answered)
}

fn tracked<T>(read: impl FnOnce(&Terms) -> T) -> T {
    TERMS.with(|t| {
        let t = t.borrow();
        t.version.inspect(|v| v.track());
        read(&t)
    })
}

/// A department or a grade in English (tracked): the English of the word as printed, or the word itself
/// if the English could not be read (the notice says so).
fn term(japanese: &str) -> String {
    tracked(|t| t.terms.get(japanese).map(str::to_string)).unwrap_or_else(|| japanese.to_string())
}

/// The documents each search word is in (`plan_core::search::matching`). A word in Latin letters (with
/// a word of two characters) is found in the English word files; any other in the gram files of the
/// Japanese, as in the Japanese bundle. Latin words matched against the Japanese too would read several
/// gram files a letter for what the English already has (codes, DX, AI and names are kept as printed in
/// it): 8 KB more for a search of one word. `None` while a file is on its way.
fn search_across(parts: &Parts, words: &[String]) -> Option<Vec<Vec<u32>>> {
    let (latin, japanese) = by_script(words);
    // Both asked before either is awaited, so their files come at once.
    let (latin, japanese) = (parts.search_english(&latin), parts.search(&japanese));
    let (mut latin, mut japanese) = (latin?.into_iter(), japanese?.into_iter());
    words
        .iter()
        .map(|w| {
            if is_latin(w) {
                latin.next()
            } else {
                japanese.next()
            }
        })
        .collect()
}

fn by_script(words: &[String]) -> (Vec<String>, Vec<String>) {
    words.iter().cloned().partition(|w| is_latin(w))
}

fn is_latin(word: &str) -> bool {
    word.is_ascii() && plan_core::search::words::words(word).next().is_some()
}
