//! The app's state, shared through Leptos context.
//!
//! - [`Nav`]: the view state as the URL has it. It exists from the first frame, before any data.
//! - [`Explorer`]: once a dataset is loaded, the dataset, its catalog, the query *sanitized* against it
//!   (unknown values dropped) and the filtered results. Every view reads from it. Across plans in the
//!   resident bundle the catalog comes from the search index and the dataset fills in as views show
//!   its plans ([`crate::parts`]).

use std::sync::Arc;

use leptos::prelude::*;
use plan_core::explore::{Catalog, Filter, Results};
use plan_core::query::Query;
use plan_core::{Dataset, Plan, PlanIndex};

use crate::bundle::English;
use crate::i18n::{Lang, Texts, texts};
use crate::parts::{Level, Parts};
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
    /// Every plan whole; across plans in the resident bundle, every plan's outline ([`Explorer::dataset`]
    /// gives the plans as loaded so far).
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
    /// While a search waits for the files of its words, the previous results.
    pub results: Memo<Results>,
    pub nav: Nav,
    /// Across plans in the resident bundle: what is loaded of each plan, and the loading.
    pub parts: Option<Parts>,
}

impl Explorer {
    pub fn new(dataset: Arc<Dataset>, source: Arc<str>, notes_left_out: bool, nav: Nav) -> Explorer {
        let catalog = Arc::new(Catalog::new(&dataset, &url::nfkc));
        let themes = Arc::new(catalog.measure_themes());
        Explorer::with(dataset, source, notes_left_out, catalog, themes, None, nav)
    }

    /// Across plans from the search index (`data/search/index.json`, whose text is `source`).
    /// `english`: the English bundle's, which reads the plans' English and searches its words.
    pub fn from_index(
        index: plan_core::search::SearchIndex,
        source: Arc<str>,
        nav: Nav,
        english: Option<English>,
    ) -> Result<Explorer, String> {
        let (catalog, themes) = index.catalog(&url::nfkc)?;
        let outline = Arc::new(index.outline());
        let parts = Parts::new(Arc::new(index), english);
        Ok(Explorer::with(outline, source, true, Arc::new(catalog), Arc::new(themes), Some(parts), nav))
    }

    fn with(
        dataset: Arc<Dataset>,
        source: Arc<str>,
        notes_left_out: bool,
        catalog: Arc<Catalog>,
        themes: Arc<Vec<Vec<Vec<usize>>>>,
        parts: Option<Parts>,
        nav: Nav,
    ) -> Explorer {
        let raw = nav.query.get_untracked();
        let sanitized = catalog.sanitize(&raw);
        if sanitized != raw {
            url::write(&sanitized, History::Replace);
        }
        let for_query = catalog.clone();
        let query = Memo::new(move |_| nav.query.with(|q| for_query.sanitize(q)));
        let for_results = catalog.clone();
        let for_search = parts.clone();
        let results = Memo::new(move |previous: Option<&Results>| {
            let mut filter = query.with(|q| Filter::new(&for_results, q, &url::nfkc));
            filter.today = this_fiscal_year();
            if let Some(parts) = for_search.as_ref().filter(|_| !filter.terms.is_empty()) {
                match parts.find(&filter.terms) {
                    Some(hits) => filter.hits = Some(hits),
                    None => {
                        // Before any result: nothing yet, counted per facet as the views expect.
                        filter.hits = Some(vec![Vec::new(); filter.terms.len()]);
                        return previous
                            .cloned()
                            .unwrap_or_else(|| for_results.explore(&filter));
                    }
                }
            }
            for_results.explore(&filter)
        });
        Explorer { dataset, source, notes_left_out, catalog, themes, query, results, nav, parts }
    }

    /// The plans as loaded (tracked across plans: a view reading it renders again when a plan arrives).
    pub fn dataset(&self) -> Arc<Dataset> {
        match &self.parts {
            Some(parts) => parts.read().dataset.clone(),
            None => self.dataset.clone(),
        }
    }

    /// Whether a search waits for the files of its words (tracked).
    pub fn searching(&self) -> bool {
        let Some(parts) = &self.parts else { return false };
        let terms = self.query.with(|q| plan_core::text::terms(&q.q, &url::nfkc));
        parts.waiting(&terms)
    }

    /// Asks for these plans at `level`, for a view that shows them; `false` until they are all here (the
    /// view renders again then). Always `true` when every plan is loaded whole.
    pub fn show(&self, plans: impl IntoIterator<Item = usize>, level: Level) -> bool {
        self.parts.as_ref().is_none_or(|parts| parts.fetch_plans(plans, level))
    }

    /// How many measures a list shows at first and adds with "show more".
    pub fn page_size(&self) -> usize {
        if self.parts.is_some() { crate::views::list::PAGE_ACROSS } else { crate::views::list::PAGE }
    }

    /// Asks for what a list shows of these measures; `false` until it is all here (the view renders again
    /// then). Always `true` when every plan is loaded whole. Nothing while a search waits for its words'
    /// files: its page is not known yet (until then the measures of a theme the word names come first), and
    /// asking for those cards read nine files too many for 子育て at 100 times the plans (issue 17).
    pub fn show_cards(&self, measures: &[plan_core::explore::MeasureRef]) -> bool {
        !self.searching() && self.parts.as_ref().is_none_or(|parts| parts.fetch_cards(measures))
    }

    /// Whether the plan of a measure is loaded whole (asked for here when it is not); `true` for a measure
    /// of no known plan, which the view then says it can't find.
    pub fn measure_ready(&self, id: &str) -> bool {
        match id.split_once('.').and_then(|(plan, _)| self.catalog.plan_index(plan)) {
            Some(plan) => self.show([plan], Level::Full),
            None => true,
        }
    }

    /// Across plans: loads again the plans the views show (after a failure, or when the values kept in
    /// this browser changed).
    pub fn reload_plans(&self) {
        if let Some(parts) = &self.parts {
            parts.reset();
        }
    }

    /// The plans as the start page lists them.
    pub fn listing(&self) -> Arc<PlanIndex> {
        match &self.parts {
            Some(parts) => parts.listing.clone(),
            None => Arc::new(PlanIndex::listing(&self.dataset)),
        }
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

}

/// Re-reads the values kept in this browser into the loaded data (after an import, a restore, or a
/// change made in another tab); every view updates from it.
#[derive(Clone, Copy)]
pub struct LocalChanged(pub Callback<()>);

/// This fiscal year, by the browser's clock.
pub fn this_fiscal_year() -> plan_core::FiscalYear {
    let today = js_sys::Date::new_0();
    plan_core::status::fiscal_year_of(today.get_full_year() as i32, today.get_month() + 1)
}

pub fn use_explorer() -> Explorer {
    expect_context::<Explorer>()
}
