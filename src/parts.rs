//! The parts of the data that views across plans load as they show them (issue 17), in the resident bundle.
//!
//! They start from `data/search/index.json`: every plan's listing and every measure's facets, enough to
//! filter and count across all plans (`plan_core::search`). What a view then shows, it asks for: a list
//! the cards of the measures on its page, one file a measure
//! ([`Explorer::show_cards`](crate::state::Explorer::show_cards)); the compare view each plan's names, the
//! plan view each plan without notes, a measure's page its plan's own file
//! ([`Explorer::show`](crate::state::Explorer::show), at the [`Level`] it needs). Each file is fetched
//! once and fills in that plan in the dataset. A search fetches the gram files of its words
//! (`data/search/grams/<k>.json`), once each, and in English the English word files too
//! (`data/search/en/<k>.json`).
//!
//! A file that can't be fetched or doesn't fit the index stops the page with the error panel and a retry,
//! as a dataset that can't be loaded does: nothing is shown half.
//!
//! All of it is one [`State`] behind a mutex, with a counter (`RwSignal<usize>`, a type the app already
//! has) that views track: a signal of a new type costs the wasm its own copy of the reactive machinery
//! (ARCHITECTURE.md, Budgets).

use std::sync::{Arc, Mutex, MutexGuard};

use leptos::prelude::*;
use leptos::task::spawn_local;
use plan_core::explore::MeasureRef;
use plan_core::search::grams::Postings;
use plan_core::search::{CARDS_PER_FILE, SearchIndex, placeholder, placeholder_policy};
use plan_core::{Dataset, LoadError, Plan, PlanIndex, Policy};

use crate::bundle::English;
use crate::data::{self, LoadFailure};

/// How much of a plan a view needs; each level includes the ones before it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Title, ward and period only (from the index).
    #[default]
    Outline,
    /// Its measures' ids, codes and names: the compare view (`data/names/<id>.json`).
    Names,
    /// Everything but the notes: lists, the timeline and the plan view (`data/overview/<id>.json`).
    Overview,
    /// The plan's own file, notes included: a measure's page (`data/plans/<id>.json`).
    Full,
}

pub struct State {
    pub dataset: Arc<Dataset>,
    /// Per plan: what its entry in `dataset` holds, and the most that was asked for.
    levels: Vec<(Level, Level)>,
    /// Per plan, per file of cards (`CARDS_PER_FILE` measures): asked for, and here.
    cards: Vec<Vec<(bool, bool)>>,
    /// Gram files by number: `None` until asked for, `Some(None)` while on its way.
    grams: Vec<Option<Option<Postings>>>,
    /// English word files by number (`data/search/en/<k>.json`, the English bundle's), as the gram files.
    words: Vec<Option<Option<Postings>>>,
    /// The first failure; the page shows it with a retry.
    pub failed: Option<LoadFailure>,
}

#[derive(Clone)]
pub struct Parts {
    state: Arc<Mutex<State>>,
    /// Changes whenever `state` does.
    version: RwSignal<usize>,
    pub gram_files: u32,
    pub listing: Arc<PlanIndex>,
    index: Arc<SearchIndex>,
    /// In the English bundle: each file of plan text is read in English, and a search matches the English too.
    pub english: Option<English>,
}

/// The numbered files of postings: the Japanese n-grams, the English words.
#[derive(Clone, Copy)]
enum Kind {
    Grams,
    Words,
}

/// A file of parts on its way: what it is, and where it goes.
enum Part {
    Postings(Kind, u32),
    Cards { at: usize, id: String, file: usize },
    Plan { at: usize, id: String, level: Level },
}

impl Parts {
    pub fn new(index: Arc<SearchIndex>, english: Option<English>) -> Parts {
        let state = Arc::new(Mutex::new(State::new(&index)));
        Parts { state, version: RwSignal::new(0), gram_files: index.gram_files, listing: Arc::new(index.listing()), index, english }
    }

    /// The state, tracked: whoever reads it runs again when it changes.
    pub fn read(&self) -> MutexGuard<'_, State> {
        self.version.track();
        self.untracked()
    }

    fn untracked(&self) -> MutexGuard<'_, State> {
        // Nothing panics while holding it, so it is never poisoned; if it were, the state is still whole.
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Changes the state and tells whoever read it.
    fn change(&self, change: impl FnOnce(&mut State)) {
        change(&mut self.untracked());
        self.version.try_update(|v| *v += 1);
    }

    /// The documents each search word is in (`plan_core::search::matching`), in the bundle's way (the
    /// English bundle's [`English::search`]); `None` while a file is on its way, which it asks for (tracked).
    pub fn find(&self, words: &[String]) -> Option<Vec<Vec<u32>>> {
        match self.english {
            Some(english) => (english.search)(self, words),
            None => self.search(words),
        }
    }

    /// Whether [`Parts::find`] waits for a file (tracked).
    pub fn waiting(&self, words: &[String]) -> bool {
        match self.english {
            Some(english) => (english.waiting)(self, words),
            None => !self.missing_grams(words).is_empty(),
        }
    }

    /// The gram files a search's words need that are not here yet (tracked).
    pub fn missing_grams(&self, words: &[String]) -> Vec<u32> {
        self.missing(Kind::Grams, plan_core::search::grams::files_for(words, self.gram_files))
    }

    /// The English word files these terms need that are not here yet (tracked).
    pub fn missing_words(&self, terms: &[String]) -> Vec<u32> {
        self.missing(Kind::Words, plan_core::search::words::files_for(terms, self.index.word_files))
    }

    fn missing(&self, kind: Kind, mut needed: Vec<u32>) -> Vec<u32> {
        let state = self.read();
        needed.retain(|&k| !matches!(state.files(kind).get(k as usize), Some(Some(Some(_)))));
        needed
    }

    /// The documents each word is in, once their gram files are here (tracked). Asks for the missing
    /// ones, each once.
    pub fn search(&self, words: &[String]) -> Option<Vec<Vec<u32>>> {
        let missing = self.missing_grams(words);
        if !missing.is_empty() {
            self.fetch_files(Kind::Grams, missing);
            return None;
        }
        let files = self.gram_files;
        let state = self.read();
        let lookup = |gram: &str| match state.grams.get(plan_core::search::grams::file_of(gram, files) as usize) {
            Some(Some(Some(postings))) => postings.get(gram),
            _ => None,
        };
        Some(plan_core::search::grams::search(words, lookup))
    }

    /// In English: for each term, the documents whose English has every word of it
    /// (`plan_core::search::words`), once their files are here; else asks for them (tracked).
    pub fn search_english(&self, terms: &[String]) -> Option<Vec<Vec<u32>>> {
        let missing = self.missing_words(terms);
        if !missing.is_empty() {
            self.fetch_files(Kind::Words, missing);
            return None;
        }
        let state = self.read();
        let lookup = |k: u32| match state.words.get(k as usize) {
            Some(Some(Some(postings))) => Some(postings),
            _ => None,
        };
        terms
            .iter()
            .map(|t| {
                plan_core::search::words::search(
                    std::slice::from_ref(t),
                    self.index.word_files,
                    lookup,
                )
            })
            .collect()
    }

    /// Asks for these files of postings, each once.
    fn fetch_files(&self, kind: Kind, files: Vec<u32>) {
        for file in files {
            let asked = match self.untracked().files_mut(kind).get_mut(file as usize) {
                Some(slot @ None) => {
                    *slot = Some(None);
                    true
                }
                _ => false,
            };
            if asked {
                self.fetch(Part::Postings(kind, file));
            }
        }
    }

    /// Asks for each plan's file of `level`, unless it is here or asked for; `true` when all are here
    /// (tracked: the view that asked renders again when they come).
    pub fn fetch_plans(&self, plans: impl IntoIterator<Item = usize>, level: Level) -> bool {
        let mut ready = true;
        for at in plans {
            let ask = {
                let mut s = self.untracked();
                let s = &mut *s;
                match s.levels.get_mut(at) {
                    Some((have, asked)) if *have < level => {
                        ready = false;
                        let ask = *asked < level;
                        *asked = (*asked).max(level);
                        ask.then(|| s.dataset.plans[at].id.clone())
                    }
                    _ => None,
                }
            };
            if let Some(id) = ask {
                self.fetch(Part::Plan { at, id, level });
            }
        }
        self.version.track();
        ready
    }

    /// Asks for the cards of these measures (or their plans' files), each file once; `true` when all are
    /// here (tracked).
    pub fn fetch_cards(&self, measures: &[MeasureRef]) -> bool {
        let mut ready = true;
        for m in measures {
            let ask = {
                let mut s = self.untracked();
                let s = &mut *s;
                let whole = s.levels.get(m.plan).is_some_and(|(have, _)| *have >= Level::Overview);
                match s.cards.get_mut(m.plan).and_then(|files| files.get_mut(m.measure / CARDS_PER_FILE)) {
                    Some((asked, here)) if !whole && !*here => {
                        ready = false;
                        let ask = !*asked;
                        *asked = true;
                        ask.then(|| (s.dataset.plans[m.plan].id.clone(), m.measure / CARDS_PER_FILE))
                    }
                    _ => None,
                }
            };
            if let Some((id, file)) = ask {
                self.fetch(Part::Cards { at: m.plan, id, file });
            }
        }
        self.version.track();
        ready
    }

    fn fetch(&self, part: Part) {
        let parts = self.clone();
        spawn_local(async move {
            let suffix = crate::bundle::suffix(parts.english);
            let url = match &part {
                Part::Postings(Kind::Grams, file) => format!("data/search/grams/{file}.json"),
                Part::Postings(Kind::Words, file) => format!("data/search/en/{file}.json"),
                Part::Cards { id, file, .. } => format!("data/cards/{id}/{file}{suffix}.json"),
                Part::Plan { id, level: Level::Outline | Level::Names, .. } => format!("data/names/{id}{suffix}.json"),
                Part::Plan { id, level: Level::Overview, .. } => format!("data/overview/{id}{suffix}.json"),
                Part::Plan { id, level: Level::Full, .. } => format!("data/plans/{id}{suffix}.json"),
            };
            let result = data::fetch_text(&url).await.and_then(|text| parts.take(part, &text, &url));
            if let Err(failure) = result {
                parts.change(|s| {
                    s.failed.get_or_insert(failure);
                });
            }
        });
    }

    /// Reads a file that arrived into the state.
    fn take(&self, part: Part, text: &str, url: &str) -> Result<(), LoadFailure> {
        let malformed = |error| LoadFailure::malformed(error, text);
        match part {
            Part::Postings(kind, file) => {
                let postings = plan_core::load_postings(text).map_err(malformed)?;
                self.change(|s| {
                    if let Some(slot) = s.files_mut(kind).get_mut(file as usize) {
                        *slot = Some(Some(postings));
                    }
                });
            }
            Part::Cards { at, id, file } => {
                let cards = plan_core::load_cards(text).map_err(malformed)?;
                let from = file * CARDS_PER_FILE;
                let total = self.listing.plans[at].measures;
                let indexed = &self.index.plans[at].policies;
                let policies: Option<Vec<(usize, String, String)>> = cards
                    .policies
                    .iter()
                    .map(|row| match row.as_slice() {
                        [position, code, name] => Some((
                            position
                                .parse()
                                .ok()
                                .filter(|&p| p < indexed.len())?,
                            code.clone(),
                            name.clone(),
                        )),
                        _ => None,
                    })
                    .collect();
                let fits = cards.plan == id
                    && cards.from as usize == from
                    && cards.measures.len() == CARDS_PER_FILE.min(total.saturating_sub(from))
                    && cards.measures.iter().all(|m| !m.id.is_empty());
                let (Some(policies), true) = (policies, fits) else {
                    return Err(does_not_fit(&id, url));
                };
                self.change(|s| {
                    if s.levels[at].0 >= Level::Overview {
                        return;
                    }
                    let Some(plan) = s.plan_mut(at) else {
                        s.cards[at][file].0 = false;
                        return;
                    };
                    plan.measures.resize_with(total, placeholder);
                    for (slot, measure) in plan.measures[from..].iter_mut().zip(cards.measures) {
                        *slot = measure;
                    }
                    // Named, so that a result found through one of them can say which.
                    plan.policies
                        .resize_with(indexed.len(), placeholder_policy);
                    let prefix = self.index.policy_prefix(at);
                    for (position, code, name) in policies {
                        let id = format!("{prefix}{}", indexed[position]);
                        plan.policies[position] = Policy {
                            id,
                            code,
                            name,
                            ..placeholder_policy()
                        };
                    }
                    s.cards[at][file].1 = true;
                });
            }
            Part::Plan { at, id, level } => {
                let total = self.listing.plans[at].measures;
                if level <= Level::Names {
                    let names = plan_core::load_names(text).map_err(malformed)?;
                    let measures = names.measures(&id).filter(|m| m.len() == total).ok_or_else(|| does_not_fit(&id, url))?;
                    self.change(|s| {
                        if s.levels[at].0 >= level {
                            return;
                        }
                        let Some(plan) = s.plan_mut(at) else {
                            s.levels[at].1 = s.levels[at].0;
                            return;
                        };
                        plan.measures.resize_with(total, placeholder);
                        // Cards already here say more than names.
                        for (slot, named) in plan.measures.iter_mut().zip(measures) {
                            if slot.id.is_empty() {
                                *slot = named;
                            }
                        }
                        s.levels[at].0 = level;
                    });
                    return Ok(());
                }
                let mut dataset = plan_core::load_dataset(text).map_err(malformed)?;
                crate::local::actuals::restore(&mut dataset, false);
                let plan = dataset.plans.into_iter().find(|p| p.id == id).filter(|p| p.measures.len() == total).ok_or_else(|| does_not_fit(&id, url))?;
                self.change(|s| {
                    // A lower level that arrives after a higher one is dropped.
                    if s.levels[at].0 >= level {
                        return;
                    }
                    match s.plan_mut(at) {
                        Some(slot) => {
                            *slot = plan;
                            s.levels[at].0 = level;
                        }
                        None => s.levels[at].1 = s.levels[at].0,
                    }
                });
            }
        }
        Ok(())
    }

    /// Back to every plan's outline, so the views fetch again what they show: after a failure (retry) or
    /// when the values kept in this browser changed (they are applied as each plan loads).
    pub fn reset(&self) {
        let index = self.index.clone();
        self.change(|s| *s = State::new(&index));
    }
}

impl State {
    /// A plan to fill in. Views hold the dataset only while they render, and files arrive between
    /// renders, so it is this state's alone; if it ever is not, `None`, and the caller forgets that the
    /// file was asked for, so the view that needs it asks again. (No copy of the dataset: that would bring
    /// the whole model's `Clone` into the wasm, 2 KB gzip.)
    fn plan_mut(&mut self, at: usize) -> Option<&mut Plan> {
        Arc::get_mut(&mut self.dataset)?.plans.get_mut(at)
    }

    /// Every plan's outline, its own copy (see [`State::plan_mut`]).
    fn new(index: &SearchIndex) -> State {
        let (levels, grams) = (vec![Default::default(); index.plans.len()], (0..index.gram_files).map(|_| None).collect());
        let cards = index.plans.iter().map(|p| vec![(false, false); p.measures.len().div_ceil(CARDS_PER_FILE)]).collect();
        let words = (0..index.word_files).map(|_| None).collect();
        State { levels, cards, dataset: Arc::new(index.outline()), grams, words, failed: None }
    }

    fn files(&self, kind: Kind) -> &Vec<Option<Option<Postings>>> {
        match kind {
            Kind::Grams => &self.grams,
            Kind::Words => &self.words,
        }
    }

    fn files_mut(&mut self, kind: Kind) -> &mut Vec<Option<Option<Postings>>> {
        match kind {
            Kind::Grams => &mut self.grams,
            Kind::Words => &mut self.words,
        }
    }
}

/// A plan's file that is not the one the index describes: files of two builds published together.
fn does_not_fit(id: &str, url: &str) -> LoadFailure {
    let error = LoadError::Invalid(vec![plan_core::Issue {
        plan: id.to_string(),
        item: url.to_string(),
        field: "measures".into(),
        problem: "do not match data/search/index.json".into(),
        fix: "Publish the data files of one build together.".into(),
    }]);
    LoadFailure::Malformed { error, syntax: None }
}
