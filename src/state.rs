//! The app's state, shared through Leptos context.
//!
//! - [`Nav`]: the view state as the URL has it. It exists from the first frame, before any data.
//! - [`Explorer`]: once a dataset is loaded, the dataset, its catalog, the query *sanitized* against it
//!   (unknown values dropped) and the filtered results. Every view reads from it.

use std::sync::Arc;

use leptos::prelude::*;
use plan_core::explore::{Catalog, Filter, Results};
use plan_core::query::Query;
use plan_core::{Dataset, Measure, Plan};

use crate::i18n::{Lang, Texts, texts};
use crate::url::{self, History};

#[derive(Clone, Copy)]
pub struct Nav {
    pub query: RwSignal<Query>,
}

impl Nav {
    pub fn new(initial: Query) -> Nav {
        Nav { query: RwSignal::new(initial) }
    }

    /// Moves to another state: written to the URL, then shown.
    pub fn navigate(&self, next: Query, mode: History) {
        url::write(&next, mode);
        self.query.set(next);
    }

    /// Changes a filter or the search: replaces the history entry and closes any open measure.
    pub fn update(&self, change: impl FnOnce(&mut Query)) {
        let mut next = self.query.get_untracked();
        change(&mut next);
        next.measure = None;
        self.navigate(next, History::Replace);
    }

    pub fn lang(&self) -> Lang {
        self.query.with(|q| q.lang)
    }
}

pub fn use_nav() -> Nav {
    expect_context::<Nav>()
}

#[derive(Clone)]
pub struct Explorer {
    pub dataset: Arc<Dataset>,
    /// The JSON text the dataset was read from, for the JSON export.
    pub source: Arc<str>,
    /// Read from the overview (`Dataset::overview`): the plans' own notes are not there, and the plan
    /// view links to each plan's own view for them.
    pub notes_left_out: bool,
    pub catalog: Arc<Catalog>,
    /// `themes[plan][measure]`: indexes into `dataset.themes` (see `plan_core::themes`).
    pub themes: Arc<Vec<Vec<Vec<usize>>>>,
    /// The URL's query without the values this dataset doesn't know.
    pub query: Memo<Query>,
    pub results: Memo<Results>,
    pub nav: Nav,
}

impl Explorer {
    pub fn new(dataset: Arc<Dataset>, source: Arc<str>, notes_left_out: bool, nav: Nav) -> Explorer {
        let catalog = Arc::new(Catalog::new(&dataset, &url::nfkc));
        let themes = Arc::new(plan_core::themes::assign(&dataset, &url::nfkc));
        let raw = nav.query.get_untracked();
        let sanitized = catalog.sanitize(&raw);
        if sanitized != raw {
            url::write(&sanitized, History::Replace);
        }
        let for_query = catalog.clone();
        let query = Memo::new(move |_| nav.query.with(|q| for_query.sanitize(q)));
        let for_results = catalog.clone();
        let results = Memo::new(move |_| query.with(|q| for_results.explore(&Filter::new(&for_results, q, &url::nfkc))));
        Explorer { dataset, source, notes_left_out, catalog, themes, query, results, nav }
    }

    pub fn navigate(&self, next: Query, mode: History) {
        self.nav.navigate(self.catalog.sanitize(&next), mode);
    }

    pub fn update(&self, change: impl FnOnce(&mut Query)) {
        let mut next = self.query.get_untracked();
        change(&mut next);
        next.measure = None;
        self.navigate(next, History::Replace);
    }

    pub fn lang(&self) -> Lang {
        self.query.with(|q| q.lang)
    }

    pub fn texts(&self) -> &'static Texts {
        texts(self.lang())
    }

    pub fn plan(&self, index: usize) -> &Plan {
        &self.dataset.plans[index]
    }

    pub fn find_measure(&self, id: &str) -> Option<(&Plan, &Measure)> {
        self.dataset.plans.iter().find_map(|p| p.measures.iter().find(|m| m.id == id).map(|m| (p, m)))
    }
}

/// Re-reads the values kept in this browser into the loaded data (after an import, a restore, or a
/// change made in another tab); every view updates from it.
#[derive(Clone, Copy)]
pub struct LocalChanged(pub Callback<()>);

pub fn use_explorer() -> Explorer {
    expect_context::<Explorer>()
}
