//! The URL contract (PRODUCT.md §5): every view and filter lives in the query string, so any view can be
//! linked, bookmarked or embedded. Parsing never fails: a malformed or unknown value is dropped and the
//! rest still applies.
//!
//! The browser splits and percent-decodes the query (`URLSearchParams`); this module works on the pairs.
//!
//! ```
//! use plan_core::query::{Query, View};
//! let q = Query::from_pairs([("plan", "itabashi-ict2025"), ("year", "2022"), ("year", "20x"), ("view", "tree")]);
//! assert_eq!(q.plans, vec!["itabashi-ict2025"]);
//! assert_eq!(q.year, Some(2022));
//! assert_eq!(q.view, Some(View::Tree));
//! ```

use crate::model::FiscalYear;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    List,
    Tree,
    Timeline,
    Sim,
    Compare,
}

impl View {
    pub const ALL: [View; 5] = [View::List, View::Tree, View::Timeline, View::Sim, View::Compare];

    pub fn as_str(self) -> &'static str {
        match self {
            View::List => "list",
            View::Tree => "tree",
            View::Timeline => "timeline",
            View::Sim => "sim",
            View::Compare => "compare",
        }
    }

    pub fn parse(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Ja,
    En,
}

/// The whole view state. `Default` is the start page in Japanese.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// `plan`, repeatable.
    pub plans: Vec<String>,
    pub policy: Option<String>,
    /// `related=1`: the policy filter also takes measures linked as related (○), not only primary (◎).
    pub related: bool,
    /// `dept`, the department name as printed.
    pub dept: Option<String>,
    /// `year`, a Western fiscal year.
    pub year: Option<FiscalYear>,
    pub grade: Option<String>,
    /// `new=1`: only measures marked 【新規】.
    pub new_only: bool,
    /// `q`, the search text as typed.
    pub q: String,
    /// `exact=1`: the search words only, not the theme keywords they stand for (issue 13).
    pub exact: bool,
    /// `view`; `None` is the start page, or the list when any filter is set.
    pub view: Option<View>,
    /// `measure`: the measure whose detail is open.
    pub measure: Option<String>,
    /// `embed=1`: compact mode for iframes.
    pub embed: bool,
    pub lang: Lang,
    /// The simulation's assumptions as the URL has them (`model`, `pace`, `change`, `spread`, `draws`,
    /// `seed`, `milestone`); read through [`crate::sim::Assumptions::from_pairs`], which checks them.
    pub sim: Vec<(String, String)>,
}

/// The URL keys of the simulation's assumptions.
pub const SIM_KEYS: [&str; 7] = ["model", "pace", "change", "spread", "draws", "seed", "milestone"];

/// The longest value kept; longer ones are malformed (nothing in the data comes close).
const MAX_VALUE_CHARS: usize = 200;
/// Fiscal years that can appear in a plan.
const YEARS: std::ops::RangeInclusive<FiscalYear> = 1989..=2100;

impl Query {
    pub fn from_pairs<K: AsRef<str>, V: AsRef<str>>(pairs: impl IntoIterator<Item = (K, V)>) -> Query {
        let mut q = Query::default();
        for (key, value) in pairs {
            let value = value.as_ref().trim();
            if value.is_empty() || value.chars().count() > MAX_VALUE_CHARS || value.chars().any(char::is_control) {
                continue;
            }
            let text = || Some(value.to_string());
            match key.as_ref() {
                "plan" if is_id(value) && !q.plans.iter().any(|p| p == value) => q.plans.push(value.to_string()),
                "policy" if is_id(value) => q.policy = text(),
                "related" => q.related = flag(value).unwrap_or(q.related),
                "dept" => q.dept = text(),
                "year" => q.year = parse_year(value).or(q.year),
                "grade" => q.grade = text(),
                "new" => q.new_only = flag(value).unwrap_or(q.new_only),
                "q" => q.q = value.to_string(),
                "exact" => q.exact = flag(value).unwrap_or(q.exact),
                "view" => q.view = View::parse(value).or(q.view),
                "measure" if is_id(value) => q.measure = text(),
                "embed" => q.embed = flag(value).unwrap_or(q.embed),
                key if SIM_KEYS.contains(&key) => {
                    q.sim.retain(|(k, _)| k != key);
                    q.sim.push((key.to_string(), value.to_string()));
                }
                "lang" => match value {
                    "ja" => q.lang = Lang::Ja,
                    "en" => q.lang = Lang::En,
                    _ => {}
                },
                _ => {}
            }
        }
        q
    }

    /// The pairs to write back into the URL, in a stable order; defaults are left out.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs: Vec<(&'static str, String)> = self.plans.iter().map(|p| ("plan", p.clone())).collect();
        let mut push = |key: &'static str, value: Option<String>| pairs.extend(value.map(|v| (key, v)));
        push("policy", self.policy.clone());
        push("related", self.related.then(|| "1".into()));
        push("dept", self.dept.clone());
        push("year", self.year.map(|y| y.to_string()));
        push("grade", self.grade.clone());
        push("new", self.new_only.then(|| "1".into()));
        push("q", (!self.q.is_empty()).then(|| self.q.clone()));
        push("exact", self.exact.then(|| "1".into()));
        push("view", self.view.map(|v| v.as_str().to_string()));
        push("measure", self.measure.clone());
        push("embed", self.embed.then(|| "1".into()));
        push("lang", (self.lang == Lang::En).then(|| "en".into()));
        pairs.extend(self.sim.iter().filter_map(|(k, v)| Some((*SIM_KEYS.iter().find(|s| *s == k)?, v.clone()))));
        pairs
    }

    /// Whether any filter or search narrows the measures.
    pub fn is_filtered(&self) -> bool {
        !self.plans.is_empty()
            || self.policy.is_some()
            || self.dept.is_some()
            || self.year.is_some()
            || self.grade.is_some()
            || self.new_only
            || !self.q.trim().is_empty()
    }

    /// The view to show: the start page only when nothing is chosen.
    pub fn effective_view(&self) -> Option<View> {
        self.view.or(self.is_filtered().then_some(View::List))
    }

    /// The same state with every filter and the search cleared (view, language, embed and the
    /// simulation's assumptions kept).
    pub fn cleared(&self) -> Query {
        Query { view: self.view, embed: self.embed, lang: self.lang, sim: self.sim.clone(), ..Query::default() }
    }
}

fn is_id(value: &str) -> bool {
    value.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'))
}

fn flag(value: &str) -> Option<bool> {
    match value {
        "1" | "true" => Some(true),
        "0" | "false" => Some(false),
        _ => None,
    }
}

fn parse_year(value: &str) -> Option<FiscalYear> {
    let digits: String = value
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            c => c,
        })
        .collect();
    digits.parse().ok().filter(|y| YEARS.contains(y))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn malformed_values_are_dropped_and_the_rest_applies() {
        let q = Query::from_pairs([
            ("plan", "itabashi-ict2025"),
            ("plan", "<script>"),
            ("year", "abc"),
            ("year", "99999"),
            ("view", "nope"),
            ("dept", "戸籍住民課"),
            ("embed", "maybe"),
            ("lang", "fr"),
            ("unknown", "x"),
        ]);
        assert_eq!(q.plans, vec!["itabashi-ict2025"]);
        assert_eq!(q.year, None);
        assert_eq!(q.view, None);
        assert_eq!(q.dept.as_deref(), Some("戸籍住民課"));
        assert!(!q.embed);
        assert_eq!(q.lang, Lang::Ja);
        assert_eq!(q.effective_view(), Some(View::List), "a filter opens the list");
    }

    #[test]
    fn simulation_assumptions_round_trip_and_the_last_one_wins() {
        let q = Query::from_pairs([("view", "sim"), ("pace", "80"), ("seed", "7"), ("pace", "90")]);
        assert_eq!(q.sim, vec![("seed".to_string(), "7".to_string()), ("pace".to_string(), "90".to_string())]);
        assert_eq!(Query::from_pairs(q.to_pairs()), q);
        assert_eq!(q.cleared().sim, q.sim, "clearing filters keeps the scenario");
    }

    #[test]
    fn full_width_year_is_read() {
        assert_eq!(Query::from_pairs([("year", "２０２２")]).year, Some(2022));
    }

    #[test]
    fn repeated_plan_is_kept_once_and_later_scalars_win() {
        let q = Query::from_pairs([("plan", "a"), ("plan", "a"), ("plan", "b"), ("view", "tree"), ("view", "timeline")]);
        assert_eq!(q.plans, vec!["a", "b"]);
        assert_eq!(q.view, Some(View::Timeline));
    }

    #[test]
    fn an_empty_query_is_the_start_page() {
        assert_eq!(Query::from_pairs(Vec::<(String, String)>::new()).effective_view(), None);
    }

    #[test]
    fn control_characters_and_huge_values_are_dropped() {
        let long = "あ".repeat(10_000);
        let q = Query::from_pairs([("q", long.as_str()), ("dept", "a\u{0}b")]);
        assert_eq!(q, Query::default());
    }

    proptest! {
        #[test]
        fn round_trips_through_pairs(
            plans in proptest::collection::vec("[a-z0-9-]{1,12}", 0..3),
            year in proptest::option::of(1989i32..2100),
            q in "[^\\p{Cc}]{0,20}",
            view in proptest::option::of(0usize..5),
            flags in any::<(bool, bool, bool)>(),
        ) {
            let mut plans = plans;
            plans.dedup();
            let original = Query {
                plans,
                year,
                q: q.trim().to_string(),
                view: view.map(|i| View::ALL[i]),
                related: flags.0,
                new_only: flags.1,
                embed: flags.2,
                ..Query::default()
            };
            let mut unique = original.clone();
            let mut seen = std::collections::HashSet::new();
            unique.plans.retain(|p| seen.insert(p.clone()));
            prop_assert_eq!(Query::from_pairs(original.to_pairs()), unique);
        }

        #[test]
        fn never_panics(pairs in proptest::collection::vec(("\\PC{0,8}", "\\PC{0,30}"), 0..12)) {
            let _ = Query::from_pairs(pairs);
        }
    }
}
