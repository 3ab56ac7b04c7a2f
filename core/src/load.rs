//! Reading the published JSON: parse (with the [`json`](crate::json) reader), then
//! [`validate`](crate::validate()).
//!
//! ```
//! let err = plan_core::load_dataset("{").unwrap_err();
//! assert_eq!(err, plan_core::LoadError::NotADataset);
//! ```

use std::fmt;

use crate::model::{Dataset, PlanIndex, SCHEMA_VERSION};
use crate::search::grams::Postings;
use crate::search::{MeasureCards, MeasureNames, SearchIndex};
use crate::validate::{Issue, validate};

#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// Not JSON, or JSON of another shape: a field missing or of the wrong type, an unknown value,
    /// or a string that is not Unicode (a lone surrogate escape). The reader can't say where.
    NotADataset,
    /// An index of another schema version than this app reads.
    Version(u32),
    /// A dataset of the right shape whose content breaks a rule.
    Invalid(Vec<Issue>),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NotADataset => write!(
                f,
                "not JSON in the dataset format (docs/DATA.md): a field is missing or of the wrong type, or a text is not valid Unicode. For a plans file, `cargo run -p plan-data -- check-json <file>` names the line"
            ),
            LoadError::Version(version) => write!(f, "schema_version {version} is not supported; this app reads {SCHEMA_VERSION}"),
            LoadError::Invalid(issues) => {
                write!(f, "{} problem(s)", issues.len())?;
                for issue in issues.iter().take(5) {
                    write!(f, "\n- {issue}")?;
                }
                if issues.iter().any(|issue| issue.fix.is_empty()) {
                    write!(f, "\nFor a plans file, `cargo run -p plan-data -- check-json <file>` says what would be right, with the line.")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// Parses and validates a dataset. A dataset is only returned whole and valid.
pub fn load_dataset(json: &str) -> Result<Dataset, LoadError> {
    let dataset: Dataset = miniserde::json::from_str(json).map_err(|_| LoadError::NotADataset)?;
    let issues = validate(&dataset);
    if issues.is_empty() { Ok(dataset) } else { Err(LoadError::Invalid(issues)) }
}

/// Parses `index.json`, the list of plans that the start page shows before any plan is loaded.
pub fn load_index(json: &str) -> Result<PlanIndex, LoadError> {
    read(json).and_then(|index: PlanIndex| of_this_version(index.schema_version, index))
}

/// Parses `search/index.json` (views across plans; see [`crate::search`]): refused when its lists of the
/// plans differ in length. Its rows are checked when the catalog is made from it ([`SearchIndex::catalog`]).
pub fn load_search_index(json: &str) -> Result<SearchIndex, LoadError> {
    read(json)
        .and_then(|index: SearchIndex| of_this_version(index.schema_version, index))
        .and_then(|index| if index.lists_agree() { Ok(index) } else { Err(LoadError::NotADataset) })
}

/// Parses one file of n-gram postings, `search/grams/<k>.json`.
pub fn load_postings(json: &str) -> Result<Postings, LoadError> {
    read(json)
}

/// Parses `names/<id>.json`.
pub fn load_names(json: &str) -> Result<MeasureNames, LoadError> {
    read(json).and_then(|names: MeasureNames| of_this_version(names.schema_version, names))
}

/// Parses `cards/<id>/<k>.json`.
pub fn load_cards(json: &str) -> Result<MeasureCards, LoadError> {
    read(json).and_then(|cards: MeasureCards| of_this_version(cards.schema_version, cards))
}

/// Parses a translation: `translations/en.json`, or one of the app's `*.en.json` parts.
pub fn load_translation(json: &str) -> Result<crate::translation::Translation, LoadError> {
    read(json).and_then(|t: crate::translation::Translation| of_this_version(t.schema_version, t))
}

/// Parses `wards.json`, the municipalities the start page lists ([`crate::wards`]).
pub fn load_wards(json: &str) -> Result<crate::wards::Wards, LoadError> {
    read(json).and_then(|wards: crate::wards::Wards| of_this_version(wards.schema_version, wards))
}

fn read<T: miniserde::Deserialize>(json: &str) -> Result<T, LoadError> {
    miniserde::json::from_str(json).map_err(|_| LoadError::NotADataset)
}

fn of_this_version<T>(version: u32, value: T) -> Result<T, LoadError> {
    if version == SCHEMA_VERSION { Ok(value) } else { Err(LoadError::Version(version)) }
}
