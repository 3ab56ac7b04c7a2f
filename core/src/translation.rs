//! The plans in another language, as data beside them (PRODUCT.md §8, docs/DATA.md "Translations"): this
//! site's unofficial translation, never a replacement for the printed Japanese, so it lives in its own
//! structure and every Japanese field of the [model](crate::model) keeps its meaning.
//!
//! A [`Translation`] maps [`key`]s (an item's id and a field) to text, and recurring words (departments,
//! units, grades, worded targets) through [`Translation::terms`], keyed by the Japanese as printed, so
//! one word reads the same everywhere. The data tool writes the whole of it (`data/translations/en.json`)
//! and, for the app, the part of it that each app file holds (`plans/<id>.en.json` beside
//! `plans/<id>.json`, and so on), loaded only in English.
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

use crate::model::{Dataset, FiscalYear, Measure, Target};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Translation {
    pub schema_version: u32,
    /// The language, as a BCP 47 tag: `en`.
    pub lang: String,
    /// What the translation is and which text prevails; in the published whole, not in the app's parts.
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

/// A JSON object of strings, held as its pairs in key order: the browser reads it without a map type of its
/// own (each costs the wasm its code; ARCHITECTURE.md, Budgets) and finds a key by binary search.
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

    /// Whether the keys are in order, as a file written by the data tool has them: a lookup needs it.
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

impl Translation {
    pub fn text(&self, key: &str) -> Option<&str> {
        self.texts.get(key)
    }

    pub fn term(&self, japanese: &str) -> Option<&str> {
        self.terms.get(japanese)
    }

    /// The part of this translation that the texts of `items` (ids of plans, policies or measures) and
    /// the given Japanese `words` need: what one app file carries beside its Japanese.
    pub fn part<'a>(&self, items: &[&str], words: impl IntoIterator<Item = &'a str>) -> Translation {
        let owned: Vec<String> = items.iter().map(|id| format!("{id}/")).collect();
        let texts = owned.iter().flat_map(|prefix| self.texts.starting_with(prefix)).map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let terms = words.into_iter().filter_map(|w| Some((w.to_string(), self.terms.get(w)?.to_string()))).collect();
        Translation { schema_version: self.schema_version, lang: self.lang.clone(), notice: None, texts, terms }
    }
}

impl Translation {
    /// The English a search matches, document by document ([`crate::search::matching`]), as
    /// [`crate::explore`] searches the Japanese of the same fields: each measure's code and name, its
    /// summary, its departments, schedule and indicator names; each policy's code, name and indicator names.
    pub fn search_docs(&self, dataset: &Dataset) -> Vec<String> {
        let measures: Vec<&Measure> = dataset.plans.iter().flat_map(|p| &p.measures).collect();
        let joined = |parts: Vec<&str>| parts.join("\n");
        let names = measures.iter().map(|m| {
            joined(
                [Some(m.code.as_str()), self.text(&key::name(&m.id))]
                    .into_iter()
                    .flatten()
                    .collect(),
            )
        });
        let summaries = measures
            .iter()
            .map(|m| joined(self.text(&key::summary(&m.id)).into_iter().collect()));
        let rest = measures.iter().map(|m| {
            let mut parts: Vec<&str> = m.departments.iter().filter_map(|d| self.term(d)).collect();
            parts.extend(m.schedule.iter().filter_map(|s| {
                self.text(&key::schedule(&m.id, s.fy))
                    .or_else(|| self.term(&s.text))
            }));
            parts.extend(
                m.indicators
                    .iter()
                    .filter_map(|i| self.text(&key::indicator(&m.id, &i.id))),
            );
            joined(parts)
        });
        let policies = dataset.plans.iter().flat_map(|p| &p.policies).map(|p| {
            let mut parts = vec![p.code.as_str()];
            parts.extend(self.text(&key::name(&p.id)));
            parts.extend(
                p.indicators
                    .iter()
                    .filter_map(|i| self.text(&key::indicator(&p.id, &i.id))),
            );
            joined(parts)
        });
        names.chain(summaries).chain(rest).chain(policies).collect()
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
