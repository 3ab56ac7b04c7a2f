//! The plans in another language, as data beside them (PRODUCT.md §8, docs/DATA.md "Translations"): this
//! site's unofficial translation, never a replacement for the printed Japanese, so it lives in its own
//! structure and every Japanese field of the [model](crate::model) keeps its meaning.
//!
//! A [`Translation`] maps [`key`]s (an item's id and a field) to text, and recurring words (departments,
//! units, grades, worded targets) through [`Translation::terms`], keyed by the Japanese as printed, so
//! one word reads the same everywhere. The data tool checks it against the plans and publishes it whole as
//! `data/translations/en.json`.
//!
//! ```
//! use plan_core::translation::{Texts, Translation, key};
//! let english = Translation {
//!     texts: Texts::from_iter([(key::name("kita-dx2025.m1-1-1-1"), "Promoting electronic applications".to_string())]),
//!     terms: Texts::from_iter([("実施".to_string(), "Implement".to_string())]),
//!     ..Translation::default()
//! };
//! assert_eq!(english.text(&key::name("kita-dx2025.m1-1-1-1")), Some("Promoting electronic applications"));
//! assert_eq!(english.term("実施"), Some("Implement"));
//! assert_eq!(english.term("検討"), None);
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::{FiscalYear, Target};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Translation {
    pub schema_version: u32,
    /// The language, as a BCP 47 tag: `en`.
    pub lang: String,
    /// What the translation is, and that the Japanese prevails.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<String>,
    /// Translated fields of items, by [`key`].
    #[cfg_attr(feature = "schema", schemars(with = "BTreeMap<String, String>"))]
    pub texts: Texts,
    /// Words translated the same wherever they occur, keyed by the Japanese as printed: municipality
    /// names, statuses, kinds of policy, grades, units, departments, and worded targets or schedule
    /// entries that recur (実施, 検討, 拡大).
    #[cfg_attr(feature = "schema", schemars(with = "BTreeMap<String, String>"))]
    pub terms: Texts,
}

impl Translation {
    pub fn text(&self, key: &str) -> Option<&str> {
        self.texts.get(key)
    }

    pub fn term(&self, japanese: &str) -> Option<&str> {
        self.terms.get(japanese)
    }
}

/// A JSON object of strings, held as its pairs in key order, found by binary search: a reader in the
/// browser needs no map type of its own (each costs the wasm its code; ARCHITECTURE.md, Budgets).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "BTreeMap<String, String>", into = "BTreeMap<String, String>")]
pub struct Texts(pub(crate) Vec<(String, String)>);

impl Texts {
    pub fn get(&self, key: &str) -> Option<&str> {
        let at = self.0.binary_search_by(|(k, _)| k.as_str().cmp(key)).ok()?;
        Some(self.0[at].1.as_str())
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// The pairs whose key begins with `prefix`.
    pub fn starting_with<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = (&'a str, &'a str)> {
        let from = self.0.partition_point(|(k, _)| k.as_str() < prefix);
        self.0[from..].iter().take_while(move |(k, _)| k.starts_with(prefix)).map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// Whether the keys are in order, as serde writes a map: a lookup needs it.
    pub fn is_sorted(&self) -> bool {
        self.0.windows(2).all(|w| w[0].0 < w[1].0)
    }
}

impl FromIterator<(String, String)> for Texts {
    fn from_iter<I: IntoIterator<Item = (String, String)>>(pairs: I) -> Texts {
        BTreeMap::from_iter(pairs).into()
    }
}

impl From<BTreeMap<String, String>> for Texts {
    fn from(map: BTreeMap<String, String>) -> Texts {
        Texts(map.into_iter().collect())
    }
}

impl From<Texts> for BTreeMap<String, String> {
    fn from(texts: Texts) -> BTreeMap<String, String> {
        texts.0.into_iter().collect()
    }
}

/// The keys of [`Translation::texts`]: `<id>/<field>`, where the id is a plan's, a policy's or a
/// measure's (global, as in `plans.json`), and indicators are reached through their owner.
pub mod key {
    use super::*;

    pub fn title(plan: &str) -> String {
        format!("{plan}/title")
    }

    /// A grade's meaning in the plan's scale.
    pub fn grade(plan: &str, grade: &str) -> String {
        format!("{plan}/grades/{grade}")
    }

    pub fn name(item: &str) -> String {
        format!("{item}/name")
    }

    pub fn summary(item: &str) -> String {
        format!("{item}/summary")
    }

    pub fn schedule(measure: &str, fy: FiscalYear) -> String {
        format!("{measure}/schedule/{fy}")
    }

    pub fn indicator(owner: &str, indicator: &str) -> String {
        format!("{owner}/indicators/{indicator}/name")
    }

    /// A worded target: `2021-2023` for one over several years, else the year.
    pub fn target(owner: &str, indicator: &str, target: &Target) -> String {
        match target.fy_from {
            Some(from) => format!("{owner}/indicators/{indicator}/targets/{from}-{}", target.fy),
            None => format!("{owner}/indicators/{indicator}/targets/{}", target.fy),
        }
    }
}
