//! How the published JSON becomes the [model](crate::model), and how saved scenarios
//! ([`Scenario`]) and backups ([`Backup`]) are read and written: with miniserde, not serde_json.
//!
//! serde_json generates parsing code for every type it reads; for this model that was 22 KB of the
//! gzipped wasm, a tenth of the first load. miniserde has one parser and a few lines of table per
//! type, below. serde keeps writing the files (the data tool) and reading them in native tests.
//!
//! What the browser accepts, compared with serde:
//! - the same fields, under the same names; a field the serde derive marks `default` may be absent,
//!   and so may any `Option` (it reads as `None`);
//! - unknown fields are skipped rather than refused, so an older app reads a newer file's added fields;
//! - an error says nothing about where it is. The app asks the browser's own JSON parser for the
//!   place of a syntax error (`src/data.rs`).
//!
//! Each line below names a struct's fields with their types, so the compiler refuses a line that
//! leaves out a field or gives it another type. The tests check the `default` marks against what
//! serde writes.

use std::borrow::Cow;
use std::collections::BTreeMap;

use miniserde::de::{Deserialize, Map, Visitor};
use miniserde::ser::{self, Fragment, Serialize};
use miniserde::{Error, Result, make_place};

use crate::local::{BACKUP_VERSION, Backup, LocalActual};
use crate::model::*;
use crate::search::grams::Postings;
use crate::search::{IndexedPlan, MeasureCards, MeasureNames, SearchIndex};
use crate::sim::{Assumptions, Scenario};
use crate::translation::{Texts, Translation};
use crate::wards::Wards;

make_place!(Place);

/// `Type { field: FieldType, other: Vec<T> = default, ... }`, for each struct the JSON holds.
macro_rules! read_structs {
    ($($ty:ident { $($field:ident: $fty:ty $(= $default:ident)?),* $(,)? })*) => {$(
        impl Deserialize for $ty {
            fn begin(out: &mut Option<Self>) -> &mut dyn Visitor {
                Place::new(out)
            }
        }

        impl Visitor for Place<$ty> {
            fn map(&mut self) -> Result<Box<dyn Map + '_>> {
                struct Fields<'a> {
                    $($field: Option<$fty>,)*
                    out: &'a mut Option<$ty>,
                }
                impl Map for Fields<'_> {
                    fn key(&mut self, key: &str) -> Result<&mut dyn Visitor> {
                        Ok(match key {
                            $(stringify!($field) => Deserialize::begin(&mut self.$field),)*
                            _ => <dyn Visitor>::ignore(),
                        })
                    }
                    fn finish(&mut self) -> Result<()> {
                        *self.out = Some($ty { $($field: read_structs!(@absent self.$field.take() $(, $default)?)?,)* });
                        Ok(())
                    }
                }
                Ok(Box::new(Fields { $($field: None,)* out: &mut self.out }))
            }
        }
    )*};
    // An absent Option reads as None (miniserde's `Deserialize::default`); anything else is an error.
    (@absent $value:expr) => { $value.or_else(Deserialize::default).ok_or(Error) };
    (@absent $value:expr, default) => { Ok::<_, Error>($value.unwrap_or_default()) };
}

/// `Type { "name" => Variant, ... }`, for each enum the JSON holds as a string.
macro_rules! read_enums {
    ($($ty:ident { $($name:literal => $variant:ident),* $(,)? })*) => {$(
        impl Deserialize for $ty {
            fn begin(out: &mut Option<Self>) -> &mut dyn Visitor {
                Place::new(out)
            }
        }

        impl Visitor for Place<$ty> {
            fn string(&mut self, s: &str) -> Result<()> {
                self.out = Some(match s {
                    $($name => $ty::$variant,)*
                    _ => return Err(Error),
                });
                Ok(())
            }
        }
    )*};
}

read_structs! {
    Dataset { schema_version: u32, plans: Vec<Plan>, themes: Vec<Theme> = default }
    Theme { id: String, name: String, name_en: String, keywords: Vec<String>, exclude: Vec<String> = default, note: Option<String> }
    Plan {
        id: String, municipality: Municipality, title: String, period: Period, status: String, source: String,
        source_line: u32, notes: Vec<String> = default, grades: Vec<GradeRule> = default, policies: Vec<Policy>,
        measures: Vec<Measure>, summaries: Vec<Summary> = default,
    }
    Municipality { name: String, code: String }
    Period { from: FiscalYear, to: FiscalYear }
    SourceRef { file: String, line: u32 }
    GradeRule { grade: String, meaning: String, source: SourceRef, attainment_above: Option<f64>, attainment_at_least: Option<f64> }
    Policy {
        id: String, code: String, name: String, kind: String, parent: Option<String>, summary: Option<String>,
        indicators: Vec<Indicator> = default, note: Option<String>, source: SourceRef,
    }
    PolicyLink { policy: String, role: Role }
    Measure {
        id: String, code: String, name: String, summary: Option<String>, departments: Vec<String>,
        policies: Vec<PolicyLink>, schedule: Vec<ScheduleEntry>, indicators: Vec<Indicator>,
        evaluations: Vec<Evaluation>, is_new: bool, not_stated: Vec<String> = default, note: Option<String>,
        source: SourceRef,
    }
    ScheduleEntry { fy: FiscalYear, text: String, line: u32 }
    Indicator {
        id: String, name: String, unit: Option<String>, direction: Direction, cumulative: bool,
        baseline: Option<Baseline>, targets: Vec<Target>, actuals: Vec<Actual>, note: Option<String>, source: SourceRef,
    }
    Baseline { fy: FiscalYear, value: f64, line: u32 }
    Target { fy: FiscalYear, fy_from: Option<FiscalYear>, value: Option<f64>, text: Option<String>, line: u32 }
    Actual { fy: FiscalYear, value: f64, attainment_reported: Option<f64>, line: u32, local: bool = default }
    Evaluation { fy: FiscalYear, grade: Option<String>, note: Option<String>, source: SourceRef }
    Summary {
        id: String, title: String, kind: SummaryKind, fy: Option<FiscalYear>, note: Option<String>,
        rows: Vec<SummaryRow>, source: SourceRef,
    }
    SummaryRow { policy: Option<String>, label: String, total: Option<i64>, counts: Counts, note: Option<String>, line: u32 }
    PlanIndex { schema_version: u32, plans: Vec<IndexEntry> }
    IndexEntry { id: String, title: String, municipality: Municipality, period: Period, status: String, measures: usize, policies: usize, file: String, record: Vec<Record> = default }
    Record { fy: FiscalYear, graded: u32, not_met: u32, source: SourceRef }
    SearchIndex {
        schema_version: u32, gram_files: u32, word_files: u32 = default, ids: Vec<String>, titles: Vec<String>,
        municipalities: Vec<String>, statuses: Vec<String>, plans: Vec<IndexedPlan>, departments: Vec<String>,
        years: Vec<FiscalYear>, grades: Vec<String>, themes: Vec<Theme>,
    }
    IndexedPlan { period: Period, policy_prefix: Option<String>, policies: Vec<String>, measures: Vec<Vec<u32>> }
    MeasureNames { schema_version: u32, plan: String, measures: Vec<Vec<String>> }
    Wards { schema_version: u32, per_file: usize, names: Vec<String> }
    Postings { grams: Vec<String>, lists: Vec<Vec<u32>> }
    Translation { schema_version: u32, lang: String, notice: Option<String>, texts: Texts, terms: Texts }
    MeasureCards { schema_version: u32, plan: String, from: u32, measures: Vec<Measure>, policies: Vec<Vec<String>> = default }
}

read_enums! {
    Role { "primary" => Primary, "related" => Related }
    Direction { "increase" => Increase, "decrease" => Decrease, "maintain" => Maintain }
    SummaryKind { "grade_counts" => GradeCounts, "item_counts" => ItemCounts }
}

read_structs! {
    Scenario { name: String, assumptions: Assumptions }
    BackupActual { measure: String, indicator: String, fy: FiscalYear, value: ExactNumber }
    BackupFile { plan_explorer_backup: u32, actuals: Vec<BackupActual> = default, scenarios: Vec<Scenario> = default }
}

/// A [`Backup`] as its file has it: the first field says what the file is and which version.
struct BackupFile {
    plan_explorer_backup: u32,
    actuals: Vec<BackupActual>,
    scenarios: Vec<Scenario>,
}

struct BackupActual {
    measure: String,
    indicator: String,
    fy: FiscalYear,
    value: ExactNumber,
}

/// A number kept as its shortest exact decimal in a string (`"1234.5"`): miniserde's own reader of JSON
/// numbers can land one unit in the last place off, and a backup must give back the very value.
struct ExactNumber(f64);

impl Deserialize for ExactNumber {
    fn begin(out: &mut Option<Self>) -> &mut dyn Visitor {
        Place::new(out)
    }
}

impl Visitor for Place<ExactNumber> {
    fn string(&mut self, s: &str) -> Result<()> {
        self.out = Some(ExactNumber(s.parse().map_err(|_| Error)?));
        Ok(())
    }
}

pub(crate) fn backup_from_json(json: &str) -> Option<Backup> {
    let file: BackupFile = miniserde::json::from_str(json).ok()?;
    let actuals = file
        .actuals
        .into_iter()
        .map(|a| LocalActual { measure: a.measure, indicator: a.indicator, fy: a.fy, value: a.value.0 })
        .collect();
    (file.plan_explorer_backup == BACKUP_VERSION).then_some(Backup { actuals, scenarios: file.scenarios })
}

pub(crate) fn backup_to_json(backup: &Backup) -> String {
    let version = BACKUP_VERSION;
    miniserde::json::to_string(&Fields(vec![("plan_explorer_backup", &version), ("actuals", &backup.actuals), ("scenarios", &backup.scenarios)]))
}

/// A JSON object written field by field, in this order.
struct Fields<'a>(Vec<(&'static str, &'a dyn Serialize)>);

impl Serialize for Fields<'_> {
    fn begin(&self) -> Fragment<'_> {
        struct Next<'a>(std::slice::Iter<'a, (&'static str, &'a dyn Serialize)>);
        impl ser::Map for Next<'_> {
            fn next(&mut self) -> Option<(Cow<'_, str>, &dyn Serialize)> {
                self.0.next().map(|&(key, value)| (Cow::Borrowed(key), value))
            }
        }
        Fragment::Map(Box::new(Next(self.0.iter())))
    }
}

impl Serialize for LocalActual {
    fn begin(&self) -> Fragment<'_> {
        struct Entry<'a>(&'a LocalActual, String, usize);
        impl ser::Map for Entry<'_> {
            fn next(&mut self) -> Option<(Cow<'_, str>, &dyn Serialize)> {
                self.2 += 1;
                let a = self.0;
                Some(match self.2 {
                    1 => (Cow::Borrowed("measure"), &a.measure as &dyn Serialize),
                    2 => (Cow::Borrowed("indicator"), &a.indicator),
                    3 => (Cow::Borrowed("fy"), &a.fy),
                    4 => (Cow::Borrowed("value"), &self.1),
                    _ => return None,
                })
            }
        }
        Fragment::Map(Box::new(Entry(self, self.value.to_string(), 0)))
    }
}

impl Deserialize for Texts {
    fn begin(out: &mut Option<Self>) -> &mut dyn Visitor {
        Place::new(out)
    }
}

impl Visitor for Place<Texts> {
    fn map(&mut self) -> Result<Box<dyn Map + '_>> {
        Ok(Box::new(Pairs { pairs: Vec::new(), out: &mut self.out, wrap: Texts }))
    }
}

impl Deserialize for Counts {
    fn begin(out: &mut Option<Self>) -> &mut dyn Visitor {
        Place::new(out)
    }
}

impl Visitor for Place<Counts> {
    fn map(&mut self) -> Result<Box<dyn Map + '_>> {
        Ok(Box::new(Pairs { pairs: Vec::new(), out: &mut self.out, wrap: Counts }))
    }
}

/// An object, as its pairs in key order (as serde writes a map): out of order, a lookup would miss, so it is
/// refused; `wrap` makes the type that holds them.
struct Pairs<'a, V, T> {
    pairs: Vec<(String, Option<V>)>,
    out: &'a mut Option<T>,
    wrap: fn(Vec<(String, V)>) -> T,
}

impl<V: Deserialize, T> Map for Pairs<'_, V, T> {
    fn key(&mut self, key: &str) -> Result<&mut dyn Visitor> {
        self.pairs.push((key.to_string(), None));
        let (_, value) = self.pairs.last_mut().expect("just pushed");
        Ok(Deserialize::begin(value))
    }
    fn finish(&mut self) -> Result<()> {
        let pairs = std::mem::take(&mut self.pairs).into_iter().map(|(k, v)| Some((k, v?))).collect::<Option<Vec<_>>>().ok_or(Error)?;
        if !pairs.windows(2).all(|w| w[0].0 < w[1].0) {
            return Err(Error);
        }
        *self.out = Some((self.wrap)(pairs));
        Ok(())
    }
}

impl Deserialize for Assumptions {
    fn begin(out: &mut Option<Self>) -> &mut dyn Visitor {
        Place::new(out)
    }
}

/// The URL's pairs, every value a string: any other value refuses the whole file rather than half-reading it.
impl Visitor for Place<Assumptions> {
    fn map(&mut self) -> Result<Box<dyn Map + '_>> {
        struct Pairs<'a> {
            pairs: Vec<(String, Option<String>)>,
            out: &'a mut Option<Assumptions>,
        }
        impl Map for Pairs<'_> {
            fn key(&mut self, key: &str) -> Result<&mut dyn Visitor> {
                self.pairs.push((key.to_string(), None));
                let (_, value) = self.pairs.last_mut().expect("just pushed");
                Ok(Deserialize::begin(value))
            }
            fn finish(&mut self) -> Result<()> {
                let pairs = self.pairs.iter().map(|(k, v)| Some((k.as_str(), v.as_deref()?))).collect::<Option<Vec<_>>>();
                *self.out = Some(Assumptions::from_pairs(pairs.ok_or(Error)?));
                Ok(())
            }
        }
        Ok(Box::new(Pairs { pairs: Vec::new(), out: &mut self.out }))
    }
}

impl Serialize for Scenario {
    fn begin(&self) -> Fragment<'_> {
        struct Fields<'a> {
            name: &'a String,
            assumptions: BTreeMap<&'static str, String>,
            written: usize,
        }
        impl ser::Map for Fields<'_> {
            fn next(&mut self) -> Option<(Cow<'_, str>, &dyn Serialize)> {
                self.written += 1;
                match self.written {
                    1 => Some((Cow::Borrowed("name"), self.name)),
                    2 => Some((Cow::Borrowed("assumptions"), &self.assumptions)),
                    _ => None,
                }
            }
        }
        let assumptions = self.assumptions.to_pairs().into_iter().collect();
        Fragment::Map(Box::new(Fields { name: &self.name, assumptions, written: 0 }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: u32) -> SourceRef {
        SourceRef { file: "seed.txt".into(), line }
    }

    fn indicator(full: bool) -> Indicator {
        Indicator {
            id: "i1".into(),
            name: "件数".into(),
            unit: full.then(|| "件".into()),
            direction: if full { Direction::Decrease } else { Direction::Maintain },
            cumulative: full,
            baseline: full.then_some(Baseline { fy: 2020, value: 1.5, line: 3 }),
            targets: vec![Target {
                fy: 2022,
                fy_from: full.then_some(2021),
                value: full.then_some(-2.0),
                text: Some("全件".into()),
                line: 4,
            }],
            actuals: vec![Actual { fy: 2021, value: 1e21, attainment_reported: full.then_some(99.5), line: 5, local: full }],
            note: full.then(|| "注".into()),
            source: at(6),
        }
    }

    /// Every Option `Some` and every list filled when `full`; every Option `None` and every list
    /// that serde may leave out empty otherwise, so that serde writes the fewest fields it can.
    fn dataset(full: bool) -> Dataset {
        let maybe = |text: &str| full.then(|| text.to_string());
        let some = |text: &str| if full { vec![text.to_string()] } else { vec![] };
        let plan = Plan {
            id: "p".into(),
            municipality: Municipality { name: "板橋区".into(), code: "131199".into() },
            title: "計画".into(),
            period: Period { from: 2021, to: 2025 },
            status: "策定".into(),
            source: "seed.txt".into(),
            source_line: 1,
            notes: some("注記"),
            grades: if full {
                vec![GradeRule { grade: "達成".into(), meaning: "目標どおり".into(), source: at(2), attainment_above: Some(100.0), attainment_at_least: Some(80.0) }]
            } else {
                vec![]
            },
            policies: vec![Policy {
                id: "p.a".into(),
                code: "Ⅰ".into(),
                name: "方針".into(),
                kind: "基本方針".into(),
                parent: maybe("p.b"),
                summary: maybe("概要"),
                indicators: if full { vec![indicator(true)] } else { vec![] },
                note: maybe("注"),
                source: at(7),
            }],
            measures: vec![Measure {
                id: "p.m1".into(),
                code: "1".into(),
                name: "施策".into(),
                summary: maybe("概要"),
                departments: some("情報政策課"),
                policies: vec![PolicyLink { policy: "p.a".into(), role: if full { Role::Related } else { Role::Primary } }],
                schedule: vec![ScheduleEntry { fy: 2022, text: "実施".into(), line: 8 }],
                indicators: vec![indicator(full)],
                evaluations: vec![Evaluation { fy: 2021, grade: maybe("達成"), note: maybe("注"), source: at(9) }],
                is_new: full,
                not_stated: some("schedule"),
                note: maybe("注"),
                source: at(10),
            }],
            summaries: if full {
                vec![Summary {
                    id: "p.s1".into(),
                    title: "図14".into(),
                    kind: SummaryKind::ItemCounts,
                    fy: Some(2021),
                    note: Some("注".into()),
                    rows: vec![SummaryRow {
                        policy: Some("p.a".into()),
                        label: "計".into(),
                        total: Some(3),
                        counts: BTreeMap::from([("measures".to_string(), 3), ("policies".to_string(), -1)]).into(),
                        note: Some("注".into()),
                        line: 11,
                    }],
                    source: at(11),
                }]
            } else {
                vec![]
            },
        };
        let theme = Theme {
            id: "online".into(),
            name: "オンライン".into(),
            name_en: "Online".into(),
            keywords: vec!["電子".into()],
            exclude: some("紙"),
            note: maybe("注"),
        };
        Dataset { schema_version: 1, plans: vec![plan], themes: if full { vec![theme] } else { vec![] } }
    }

    fn read<T: Deserialize>(json: &str) -> T {
        miniserde::json::from_str(json).unwrap_or_else(|_| panic!("miniserde refused what serde wrote:\n{json}"))
    }

    /// Guards the `default` marks: a field serde leaves out must be one this reader may miss.
    #[test]
    fn reads_what_serde_writes_with_the_fewest_fields_and_with_all() {
        for full in [false, true] {
            let dataset = dataset(full);
            assert_eq!(read::<Dataset>(&serde_json::to_string(&dataset).unwrap()), dataset);
            let index = PlanIndex::of(&dataset);
            assert_eq!(read::<PlanIndex>(&serde_json::to_string(&index).unwrap()), index);
            let (wards, _) = Wards::split(&index, 12);
            assert_eq!(read::<Wards>(&serde_json::to_string(&wards).unwrap()), wards);
        }
    }

    #[test]
    fn skips_unknown_fields_so_that_added_fields_stay_compatible() {
        let json = r#"{"schema_version": 1, "plans": [], "themes": [], "published": "2026-04-01", "extra": {"a": [1, {"b": null}]}}"#;
        assert_eq!(read::<Dataset>(json), Dataset { schema_version: 1, plans: vec![], themes: vec![] });
    }

    #[test]
    fn refuses_a_missing_required_field_a_wrong_type_and_an_unknown_variant() {
        let refused = |json: &str| miniserde::json::from_str::<Dataset>(json).is_err();
        assert!(refused(r#"{"plans": []}"#));
        assert!(refused(r#"{"schema_version": "1", "plans": []}"#));
        let mut dataset = serde_json::to_value(dataset(false)).unwrap();
        dataset["plans"][0]["measures"][0]["policies"][0]["role"] = "main".into();
        assert!(refused(&dataset.to_string()));
    }
}
