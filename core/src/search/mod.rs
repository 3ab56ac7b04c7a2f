//! Search across plans at scale (issue 17): what views across plans read instead of every plan's text.
//!
//! - [`index`]: `data/search/index.json`, every measure's facets (plan, policies, departments, years,
//!   grades, 【新規】, themes) as numbers, and the plans' listing: no text of any measure. A
//!   [`Catalog`](crate::explore::Catalog) built from it filters and counts exactly as one built from the
//!   whole dataset.
//! - [`grams`]: `data/search/grams/<k>.json`, where every character and every pair of neighbouring
//!   characters occurs in each measure's searchable text, split over files by a hash of the gram, so a
//!   search downloads only the files of its own grams and matches exactly what a substring search does.
//!
//! The measures' own text comes from files loaded for the measures a view shows: a few measures at a time
//! for lists (`data/cards/<id>/<k>.json`), names for the compare view (`data/names/<id>.json`), a plan
//! without notes for the plan view (`data/overview/<id>.json`), the plan's own file for a measure's page
//! (docs/DATA.md, Files for the app).

pub mod grams;
pub mod index;
pub mod matching;
pub mod words;

pub use index::{
    CARDS_PER_FILE, IndexedPlan, MeasureCards, MeasureNames, SearchIndex, placeholder,
    placeholder_policy,
};
