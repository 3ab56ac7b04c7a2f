//! The plan-explorer core: the dataset model, loading and validation, with no web dependency.
//! The Leptos UI (`src/`) and the data tool (`datagen/`) are thin layers over it.

pub mod csv;
pub mod explore;
pub mod format;
pub mod import;
mod json;
pub mod load;
pub mod local;
pub mod model;
pub mod query;
pub mod search;
pub mod sorted;
pub mod sim;
pub mod status;
pub mod summary;
pub mod text;
pub mod themes;
pub mod translation;
pub mod validate;
pub mod wards;

pub use load::{
    LoadError, load_cards, load_dataset, load_index, load_names, load_postings, load_search_index,
    load_translation, load_wards,
};
pub use model::*;
pub use validate::{Issue, attainment_percent, validate};
