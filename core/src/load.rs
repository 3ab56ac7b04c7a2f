//! Reading the published JSON: parse, then [`validate`](crate::validate()).
//!
//! ```
//! let err = plan_core::load_dataset("{").unwrap_err();
//! assert!(matches!(err, plan_core::LoadError::Syntax { line: 1, .. }));
//! ```

use std::fmt;

use crate::model::Dataset;
use crate::validate::{Issue, validate};

#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// Not JSON, or JSON of the wrong shape.
    Syntax { line: usize, column: usize, message: String },
    /// Well-formed, but the content breaks a rule.
    Invalid(Vec<Issue>),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Syntax { line, column, message } => write!(f, "line {line}, column {column}: {message}"),
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
    let dataset: Dataset = serde_json::from_str(json).map_err(|e| LoadError::Syntax {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    let issues = validate(&dataset);
    if issues.is_empty() { Ok(dataset) } else { Err(LoadError::Invalid(issues)) }
}

/// Parses `index.json`, the list of plans that the start page shows before any plan is loaded.
pub fn load_index(json: &str) -> Result<crate::model::PlanIndex, LoadError> {
    let index: crate::model::PlanIndex = serde_json::from_str(json).map_err(|e| LoadError::Syntax {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    if index.schema_version != crate::model::SCHEMA_VERSION {
        return Err(LoadError::Syntax { line: 1, column: 1, message: format!("schema_version {} is not supported", index.schema_version) });
    }
    Ok(index)
}
