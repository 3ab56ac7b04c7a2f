//! The explorer's state, shared by every view through Leptos context: the dataset, its catalog,
//! and the query (the URL) from which everything on screen is derived.

use std::sync::Arc;

use leptos::prelude::*;
use plan_core::explore::{Catalog, Filter, Results};
use plan_core::query::Query;
use plan_core::{Dataset, Measure, Plan};

use crate::i18n::{Lang, Texts, texts};
use crate::url::{self, History};

#[derive(Clone)]
pub struct Explorer {
    pub dataset: Arc<Dataset>,
    pub catalog: Arc<Catalog>,
    /// `themes[plan][measure]`: indexes into `dataset.themes` (see `plan_core::themes`).
    pub themes: Arc<Vec<Vec<Vec<usize>>>>,
    /// The current view state; always sanitized against the dataset.
    pub query: RwSignal<Query>,
    pub results: Memo<Results>,
}

impl Explorer {
    pub fn new(dataset: Arc<Dataset>, initial: Query) -> Explorer {
        let catalog = Arc::new(Catalog::new(&dataset, &url::nfkc));
        let themes = Arc::new(plan_core::themes::assign(&dataset, &url::nfkc));
        let sanitized = catalog.sanitize(&initial);
        if sanitized != initial {
            url::write(&sanitized, History::Replace);
        }
        let query = RwSignal::new(sanitized);
        let for_results = catalog.clone();
        let results = Memo::new(move |_| query.with(|q| for_results.explore(&Filter::new(&for_results, q, &url::nfkc))));
        Explorer { dataset, catalog, themes, query, results }
    }

    /// Moves to another state: sanitized, written to the URL, then shown.
    pub fn navigate(&self, next: Query, mode: History) {
        let next = self.catalog.sanitize(&next);
        url::write(&next, mode);
        self.query.set(next);
    }

    /// Applies a change to the current state, replacing the history entry (filters, search).
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

pub fn use_explorer() -> Explorer {
    expect_context::<Explorer>()
}
