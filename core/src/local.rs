//! What staff keep in their own browser, and only there: imported actuals and saved scenarios. The UI
//! stores them in localStorage (`src/local/`); everything here is plain data and text, so that the rules
//! that keep them from being lost are tested natively.
//!
//! - [`LocalActuals::to_text`] / [`LocalActuals::from_text`]: the stored form of the actuals, exact for
//!   every `f64`.
//! - [`merge`]: what a save writes. It starts from what storage holds *now* and adds this save's values,
//!   so a save never drops what another tab (or an earlier release's data) put there.
//! - [`to_csv`]: the actuals as a CSV the import reads back, for a download when storage fails and for
//!   values that no longer fit the data.
//! - [`Backup`]: one JSON file with both, to move them to another browser or keep them safe.
//!
//! ```
//! use plan_core::local::{merge, LocalActual};
//! let value = |fy, value| LocalActual { measure: "p.m1".into(), indicator: "i1".into(), fy, value };
//! // Another tab saved 2024; this tab imports 2025: both stay.
//! assert_eq!(merge(&[value(2024, 1.0)], &[value(2025, 2.0)]), vec![value(2024, 1.0), value(2025, 2.0)]);
//! // The same measure, indicator and year: the newer save wins.
//! assert_eq!(merge(&[value(2024, 1.0)], &[value(2024, 3.0)]), vec![value(2024, 3.0)]);
//! ```

use crate::model::FiscalYear;
use crate::sim::Scenario;

/// The version of [`LocalActuals`]; a saved value of another version is kept but never applied.
pub const LOCAL_ACTUALS_VERSION: u32 = 1;

/// The version of [`Backup`] files.
pub const BACKUP_VERSION: u32 = 1;

/// An imported actual, as the UI keeps it in localStorage between visits.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalActual {
    pub measure: String,
    /// The indicator's id within the measure.
    pub indicator: String,
    pub fy: FiscalYear,
    pub value: f64,
}

impl LocalActual {
    /// What identifies a value: a later one for the same key replaces it.
    pub fn key(&self) -> (&str, &str, FiscalYear) {
        (&self.measure, &self.indicator, self.fy)
    }

    /// The id of the plan of its measure (`<plan>.<local id>`).
    pub fn plan(&self) -> &str {
        self.measure.split_once('.').map_or(&self.measure, |(plan, _)| plan)
    }
}

/// Every imported actual, versioned so that a later format never misreads an old one.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalActuals {
    pub version: u32,
    pub actuals: Vec<LocalActual>,
}

impl LocalActuals {
    /// Plain lines, `measure<TAB>indicator<TAB>fy<TAB>value bits (hex)`, after a version line: exact for
    /// every f64, and no JSON serialiser in the resident wasm for four fields.
    ///
    /// ```
    /// use plan_core::local::{LocalActual, LocalActuals, LOCAL_ACTUALS_VERSION};
    /// let saved = LocalActuals { version: LOCAL_ACTUALS_VERSION, actuals: vec![
    ///     LocalActual { measure: "p.m1".into(), indicator: "i1".into(), fy: 2024, value: 0.1 },
    /// ] };
    /// assert_eq!(LocalActuals::from_text(&saved.to_text()), saved);
    /// ```
    pub fn to_text(&self) -> String {
        let mut text = format!("v{}\n", self.version);
        for a in &self.actuals {
            text.push_str(&format!("{}\t{}\t{}\t{:x}\n", a.measure, a.indicator, a.fy, a.value.to_bits()));
        }
        text
    }

    /// Reads [`Self::to_text`]; a line that can't be read (hand-edited, cut short) is left out.
    pub fn from_text(text: &str) -> LocalActuals {
        let mut lines = text.lines();
        let version = lines.next().and_then(|v| v.strip_prefix('v')?.parse().ok()).unwrap_or(LOCAL_ACTUALS_VERSION);
        let actuals = lines
            .filter_map(|line| {
                let mut cells = line.split('\t');
                Some(LocalActual {
                    measure: cells.next()?.to_string(),
                    indicator: cells.next()?.to_string(),
                    fy: cells.next()?.parse().ok()?,
                    value: f64::from_bits(u64::from_str_radix(cells.next()?, 16).ok()?),
                })
            })
            .collect();
        LocalActuals { version, actuals }
    }
}

/// `stored` with `changes` written over it, by measure, indicator and year: a stored value stays unless
/// a change has its key, and then the change replaces it in place. New keys follow in their order.
pub fn merge(stored: &[LocalActual], changes: &[LocalActual]) -> Vec<LocalActual> {
    let mut merged: Vec<LocalActual> = stored.to_vec();
    for change in changes {
        match merged.iter_mut().find(|m| m.key() == change.key()) {
            Some(slot) => *slot = change.clone(),
            None => merged.push(change.clone()),
        }
    }
    merged
}

/// A CSV that the import reads back to the same values: UTF-8 with BOM and CRLF for Excel, the columns
/// 施策ID, 指標ID, 年度, 実績値, and each value written in full (Rust's shortest exact decimal, no
/// exponent), so nothing is rounded on the way.
///
/// ```
/// use plan_core::local::{to_csv, LocalActual};
/// let csv = to_csv(&[LocalActual { measure: "p.m1".into(), indicator: "i1".into(), fy: 2024, value: 1234.5 }]);
/// assert_eq!(csv, "\u{feff}施策ID,指標ID,年度,実績値\r\np.m1,i1,2024,1234.5\r\n");
/// ```
pub fn to_csv(actuals: &[LocalActual]) -> String {
    let cell = |text: &str| {
        if text.contains([',', '"', '\r', '\n']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text.to_string() }
    };
    let mut csv = String::from("\u{feff}施策ID,指標ID,年度,実績値\r\n");
    for a in actuals {
        csv.push_str(&format!("{},{},{},{}\r\n", cell(&a.measure), cell(&a.indicator), a.fy, a.value));
    }
    csv
}

/// Everything kept in one browser, as one file: the imported actuals and the saved scenarios.
/// Written by the staff tools' 「バックアップを保存」 and read back by 「バックアップから復元」
/// (docs/DATA.md, "Backups of what a browser keeps").
#[derive(Debug, Clone, PartialEq)]
pub struct Backup {
    pub actuals: Vec<LocalActual>,
    pub scenarios: Vec<Scenario>,
}

impl Backup {
    /// `{"plan_explorer_backup": 1, "actuals": [{"measure", "indicator", "fy", "value": "1234.5"}], "scenarios": [...]}`;
    /// a value is its exact decimal in a string (docs/DATA.md says why).
    pub fn to_json(&self) -> String {
        crate::json::backup_to_json(self)
    }

    /// `None` for anything that is not a backup of this version: the restore then changes nothing.
    ///
    /// ```
    /// use plan_core::local::{Backup, LocalActual};
    /// let backup = Backup { actuals: vec![LocalActual { measure: "p.m1".into(), indicator: "i1".into(), fy: 2024, value: 0.1 }], scenarios: vec![] };
    /// assert_eq!(Backup::from_json(&backup.to_json()), Some(backup));
    /// assert_eq!(Backup::from_json(r#"{"actuals": []}"#), None);
    /// ```
    pub fn from_json(json: &str) -> Option<Backup> {
        crate::json::backup_from_json(json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn actual() -> impl Strategy<Value = LocalActual> {
        ("[a-z]{1,3}\\.[a-z0-9-]{1,4}", "i[0-9]", 2000u16..2040, any::<f64>())
            .prop_map(|(measure, indicator, fy, value)| LocalActual { measure, indicator, fy: fy.into(), value })
    }

    /// Compares values by their bits, so that NaN round-trips count as equal.
    fn bits(actuals: &[LocalActual]) -> Vec<(String, String, FiscalYear, u64)> {
        actuals.iter().map(|a| (a.measure.clone(), a.indicator.clone(), a.fy, a.value.to_bits())).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn stored_text_round_trips_every_value(actuals in proptest::collection::vec(actual(), 0..20)) {
            let saved = LocalActuals { version: LOCAL_ACTUALS_VERSION, actuals };
            let read = LocalActuals::from_text(&saved.to_text());
            prop_assert_eq!(read.version, saved.version);
            prop_assert_eq!(bits(&read.actuals), bits(&saved.actuals));
        }

        /// Guards the two-tab loss: a save that wrote only its own tab's values dropped the other tab's.
        #[test]
        fn a_merge_never_drops_a_stored_key(stored in proptest::collection::vec(actual(), 0..20), changes in proptest::collection::vec(actual(), 0..20)) {
            let merged = merge(&stored, &changes);
            for s in &stored {
                prop_assert!(merged.iter().any(|m| m.key() == s.key()), "lost {:?}", s);
            }
            for c in &changes {
                let last = changes.iter().rev().find(|x| x.key() == c.key()).expect("c is in changes");
                prop_assert_eq!(bits(&merged.iter().filter(|m| m.key() == c.key()).cloned().collect::<Vec<_>>()), bits(std::slice::from_ref(last)));
            }
        }

        #[test]
        fn a_backup_round_trips(actuals in proptest::collection::vec(actual(), 0..20)) {
            let actuals: Vec<LocalActual> = actuals.into_iter().filter(|a| a.value.is_finite()).collect();
            let backup = Backup { actuals, scenarios: vec![] };
            let read = Backup::from_json(&backup.to_json());
            prop_assert!(read.is_some());
            prop_assert_eq!(bits(&read.expect("some").actuals), bits(&backup.actuals));
        }
    }

    #[test]
    fn merge_keeps_stored_order_and_replaces_in_place() {
        let v = |m: &str, fy, value| LocalActual { measure: m.into(), indicator: "i1".into(), fy, value };
        let merged = merge(&[v("p.a", 2024, 1.0), v("p.b", 2024, 2.0)], &[v("p.b", 2024, 5.0), v("p.c", 2025, 6.0)]);
        assert_eq!(merged, vec![v("p.a", 2024, 1.0), v("p.b", 2024, 5.0), v("p.c", 2025, 6.0)]);
    }

    #[test]
    fn csv_quotes_what_needs_it() {
        let a = LocalActual { measure: "p.\"m,1\"".into(), indicator: "i1".into(), fy: 2024, value: -0.5 };
        assert_eq!(to_csv(&[a]), "\u{feff}施策ID,指標ID,年度,実績値\r\n\"p.\"\"m,1\"\"\",i1,2024,-0.5\r\n");
    }
}
