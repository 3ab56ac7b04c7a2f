//! Reading the published JSON: parse (with the [`json`](crate::json) reader), then
//! [`validate`](crate::validate()).
//!
//! ```
//! let err = plan_core::load_dataset("{").unwrap_err();
//! assert_eq!(err, plan_core::LoadError::NotADataset);
//! ```

use std::fmt;

use crate::model::{Dataset, PlanIndex, SCHEMA_VERSION};
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
    let index: PlanIndex = miniserde::json::from_str(json).map_err(|_| LoadError::NotADataset)?;
    if index.schema_version != SCHEMA_VERSION {
        return Err(LoadError::Version(index.schema_version));
    }
    Ok(index)
}
