//! The English of the plans, `seeds/translations/en/` (docs/DATA.md, "Translations"): one file per plan,
//! `<plan-id>.toml`, keyed by the plan file's local ids, each entry `{ src = "<hash>", en = "…" }`; and
//! `glossary.toml`, the words translated the same everywhere, keyed by the Japanese as printed.
//!
//! `src` is [`source_hash`] of the Japanese the entry was translated from, so an edit to the Japanese
//! makes the entry stale and the build says so. Every check names the file and line: a missing entry
//! (with the line to add), an empty one, a stale one, one that names an item the plan doesn't have,
//! one the glossary already translates, a glossary word no plan uses.

use std::collections::BTreeMap;
use std::path::Path;

use plan_core::translation::{Translation, key};
use plan_core::{Dataset, Indicator, Plan, SCHEMA_VERSION};
use serde::Deserialize;
use toml::Spanned;

use crate::locate::line_of_offset;

pub const LANG: &str = "en";

/// What the published whole says of itself (docs/DATA.md, "Translations").
pub const NOTICE: &str = "Unofficial English translation by plan-explorer, written by hand from the Japanese plans. The municipality's Japanese document prevails.";

/// FNV-1a (32 bits, hex) of the Japanese text an entry translates: short enough to write by hand, and
/// any edit to the text changes it.
///
/// ```
/// assert_eq!(plan_data::translate::source_hash("実施"), "fd7b556e");
/// ```
pub fn source_hash(japanese: &str) -> String {
    let hash = japanese.bytes().fold(0x811c_9dc5_u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193));
    format!("{hash:08x}")
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    src: String,
    en: String,
}

type Entries = BTreeMap<String, Spanned<Entry>>;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanEntries {
    title: Option<Spanned<Entry>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemEntries {
    name: Option<Spanned<Entry>>,
    summary: Option<Spanned<Entry>>,
    #[serde(default)]
    schedule: Entries,
    #[serde(default)]
    indicators: BTreeMap<String, IndicatorEntries>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct IndicatorEntries {
    name: Option<Spanned<Entry>>,
    #[serde(default)]
    targets: Entries,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanTranslationFile {
    #[serde(default)]
    plan: PlanEntries,
    #[serde(default)]
    grades: Entries,
    #[serde(default)]
    policies: BTreeMap<String, ItemEntries>,
    #[serde(default)]
    measures: BTreeMap<String, ItemEntries>,
}

type Words = BTreeMap<String, Spanned<String>>;

/// `glossary.toml`: a table per kind of word, so a reader sees what each is.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Glossary {
    #[serde(default)]
    municipalities: Words,
    #[serde(default)]
    statuses: Words,
    #[serde(default)]
    kinds: Words,
    #[serde(default)]
    grades: Words,
    #[serde(default)]
    units: Words,
    #[serde(default)]
    departments: Words,
    /// Worded targets and schedule entries that recur; a plan's file does not repeat them.
    #[serde(default)]
    phrases: Words,
}

impl Glossary {
    fn tables(&self) -> [(&'static str, &Words); 7] {
        [
            ("municipalities", &self.municipalities),
            ("statuses", &self.statuses),
            ("kinds", &self.kinds),
            ("grades", &self.grades),
            ("units", &self.units),
            ("departments", &self.departments),
            ("phrases", &self.phrases),
        ]
    }
}

/// Reads `glossary.toml` and every plan's `<id>.toml` in `folder`, checks them against `dataset`, and
/// returns the whole translation. All or nothing: every mistake of every file is reported.
pub fn load(folder: &Path, dataset: &Dataset) -> Result<Translation, Vec<String>> {
    let read = |file: &str| {
        let path = folder.join(file);
        let name = path.display().to_string();
        std::fs::read_to_string(&path).map(|text| (name.clone(), text)).map_err(|e| {
            format!("{name}: cannot read: {e}. Every plan needs its English (docs/DATA.md, \"Translations\"): write it, starting from the entries this tool asks for")
        })
    };
    let (glossary_name, glossary_text) = read("glossary.toml").map_err(|e| vec![e])?;
    let files = dataset.plans.iter().map(|plan| read(&format!("{}.toml", plan.id)).map(|file| (plan, file))).collect::<Result<Vec<_>, _>>();
    check(&glossary_name, &glossary_text, &files.map_err(|e| vec![e])?)
}

/// The checks of [`load`] on texts in memory: the glossary, and each plan with its file (name, text).
pub fn check(glossary_name: &str, glossary_text: &str, plans: &[(&Plan, (String, String))]) -> Result<Translation, Vec<String>> {
    let glossary: Glossary = toml::from_str(glossary_text).map_err(|e| vec![crate::toml_error(glossary_name, glossary_text, &e)])?;
    let mut errors = Vec::new();
    let mut texts = BTreeMap::new();
    for (plan, (name, text)) in plans {
        match plan_texts(plan, name, text, &glossary) {
            Ok(plan_texts) => texts.extend(plan_texts),
            Err(e) => errors.extend(e),
        }
    }
    let terms = glossary_terms(glossary_name, glossary_text, &glossary, plans.iter().map(|(plan, _)| *plan), &mut errors);
    if errors.is_empty() {
        Ok(Translation { schema_version: SCHEMA_VERSION, lang: LANG.into(), notice: Some(NOTICE.into()), texts: texts.into(), terms: terms.into() })
    } else {
        Err(errors)
    }
}

/// Every glossary word that the plans use, each with its English; errors for an empty one, for a word
/// used but not in the glossary, and for one no plan uses.
fn glossary_terms<'a>(name: &str, text: &str, glossary: &Glossary, plans: impl Iterator<Item = &'a Plan>, errors: &mut Vec<String>) -> BTreeMap<String, String> {
    let mut used: BTreeMap<&str, (&'static str, &str)> = BTreeMap::new();
    let mut phrases = std::collections::BTreeSet::new();
    for plan in plans {
        phrases.extend(plan.measures.iter().flat_map(|m| m.schedule.iter().map(|s| s.text.as_str())));
        let mut need = |table: &'static str, word: &'a str, owner: &'a str| {
            used.entry(word).or_insert((table, owner));
        };
        need("municipalities", &plan.municipality.name, &plan.id);
        need("statuses", &plan.status, &plan.id);
        plan.grades.iter().for_each(|g| need("grades", &g.grade, &plan.id));
        plan.policies.iter().for_each(|p| need("kinds", &p.kind, &p.id));
        for measure in &plan.measures {
            measure.departments.iter().for_each(|d| need("departments", d, &measure.id));
        }
        let indicators = plan.policies.iter().flat_map(|p| &p.indicators).chain(plan.measures.iter().flat_map(|m| &m.indicators));
        for indicator in indicators {
            indicator.unit.iter().for_each(|u| need("units", u, &plan.id));
            phrases.extend(indicator.targets.iter().filter_map(|t| t.text.as_deref()));
        }
    }
    let mut terms = BTreeMap::new();
    for (word, (table, owner)) in &used {
        match glossary.tables().iter().find(|(t, _)| t == table).and_then(|(_, words)| words.get(*word)) {
            Some(english) if english.get_ref().trim().is_empty() => {
                errors.push(format!("{name}:{}: [{table}] 「{word}」 has no English: write it", line_of_offset(text, english.span().start)))
            }
            Some(english) => {
                terms.insert(word.to_string(), english.get_ref().clone());
            }
            None => errors.push(format!(
                "{name}:{}: [{table}] has no 「{word}」 (used by {owner}): add \"{word}\" = \"<English>\"",
                line_of_table(text, &format!("[{table}]"))
            )),
        }
    }
    for (word, english) in &glossary.phrases {
        if !phrases.contains(word.as_str()) {
            continue;
        }
        if english.get_ref().trim().is_empty() {
            errors.push(format!("{name}:{}: [phrases] 「{word}」 has no English: write it", line_of_offset(text, english.span().start)));
        }
        if let Some(other) = terms.insert(word.clone(), english.get_ref().clone()).filter(|other| other != english.get_ref()) {
            errors.push(format!(
                "{name}:{}: [phrases] 「{word}」 is also in another table as \"{other}\": a word reads the same everywhere in the app, so translate it in the plan files instead",
                line_of_offset(text, english.span().start)
            ));
        }
    }
    for (table, words) in glossary.tables() {
        for (word, english) in words {
            let is_used = if table == "phrases" { phrases.contains(word.as_str()) } else { used.get(word.as_str()).is_some_and(|(t, _)| *t == table) };
            if !is_used {
                errors.push(format!(
                    "{name}:{}: [{table}] 「{word}」 is used by no plan: remove it (or correct it to the word as printed)",
                    line_of_offset(text, english.span().start)
                ));
            }
        }
    }
    terms
}

/// The texts of one plan, or every mistake of its file.
fn plan_texts(plan: &Plan, name: &str, text: &str, glossary: &Glossary) -> Result<BTreeMap<String, String>, Vec<String>> {
    let mut file: PlanTranslationFile = toml::from_str(text).map_err(|e| vec![crate::toml_error(name, text, &e)])?;
    let mut check = Check { name, text, phrases: &glossary.phrases, texts: BTreeMap::new(), errors: Vec::new() };
    check.entry(file.plan.title.take(), "[plan]", "title", &plan.title, key::title(&plan.id));
    for grade in &plan.grades {
        let entry = file.grades.remove(&grade.grade);
        check.entry(entry, "[grades]", &format!("\"{}\"", grade.grade), &grade.meaning, key::grade(&plan.id, &grade.grade));
    }
    let local = |id: &str| id.strip_prefix(plan.id.as_str()).and_then(|s| s.strip_prefix('.')).unwrap_or(id).to_string();
    for policy in &plan.policies {
        let table = format!("[policies.\"{}\"]", local(&policy.id));
        let mut entries = file.policies.remove(&local(&policy.id)).unwrap_or_default();
        check.item(&mut entries, &table, &policy.id, &policy.name, policy.summary.as_deref());
        check.indicators(&mut entries, &table, &policy.id, &policy.indicators);
        check.leftovers(entries, &table);
    }
    for measure in &plan.measures {
        let table = format!("[measures.\"{}\"]", local(&measure.id));
        let mut entries = file.measures.remove(&local(&measure.id)).unwrap_or_default();
        check.item(&mut entries, &table, &measure.id, &measure.name, measure.summary.as_deref());
        for entry in &measure.schedule {
            let found = entries.schedule.remove(&entry.fy.to_string());
            let table = format!("{}.schedule]", table.trim_end_matches(']'));
            check.phrase(found, &table, &format!("\"{}\"", entry.fy), &entry.text, key::schedule(&measure.id, entry.fy));
        }
        check.indicators(&mut entries, &table, &measure.id, &measure.indicators);
        check.leftovers(entries, &table);
    }
    for (grade, entry) in file.grades {
        check.unknown(entry.span().start, &format!("[grades] \"{grade}\""), "grade");
    }
    for (kind, items) in [("policies", file.policies), ("measures", file.measures)] {
        for id in items.keys() {
            let table = format!("[{kind}.\"{id}\"]");
            check.unknown_table(&table, &format!("{}.{id}", plan.id));
        }
    }
    if check.errors.is_empty() { Ok(check.texts) } else { Err(check.errors) }
}

struct Check<'a> {
    name: &'a str,
    text: &'a str,
    phrases: &'a Words,
    texts: BTreeMap<String, String>,
    errors: Vec<String>,
}

impl Check<'_> {
    /// One entry, which must be there, filled in, and made from the Japanese as it is now.
    fn entry(&mut self, entry: Option<Spanned<Entry>>, table: &str, field: &str, japanese: &str, key: String) {
        let hash = source_hash(japanese);
        let Some(entry) = entry else {
            let line = line_of_table(self.text, table);
            self.errors.push(format!(
                "{}:{line}: {table} {field}: no English for 「{japanese}」: add {field} = {{ src = \"{hash}\", en = \"<English>\" }}",
                self.name
            ));
            return;
        };
        let line = line_of_offset(self.text, entry.span().start);
        let entry = entry.into_inner();
        if entry.en.trim().is_empty() {
            self.errors.push(format!("{}:{line}: {table} {field}: the English of 「{japanese}」 is empty: write it", self.name));
        } else if entry.src != hash {
            self.errors.push(format!(
                "{}:{line}: {table} {field}: stale: the Japanese changed after it was translated (src is \"{}\", the Japanese now hashes to \"{hash}\"): it now reads 「{japanese}」; check the English, then set src = \"{hash}\"",
                self.name, entry.src
            ));
        } else {
            self.texts.insert(key, entry.en);
        }
    }

    /// A worded target or a schedule entry: the glossary's, or else the plan file's own.
    fn phrase(&mut self, entry: Option<Spanned<Entry>>, table: &str, field: &str, japanese: &str, key: String) {
        match (self.phrases.contains_key(japanese), entry) {
            (true, None) => {}
            (true, Some(entry)) => {
                let line = line_of_offset(self.text, entry.span().start);
                self.errors.push(format!(
                    "{}:{line}: {table} {field}: 「{japanese}」 is translated by the glossary ([phrases]), so that it reads the same everywhere: remove this entry",
                    self.name
                ));
            }
            (false, entry) => self.entry(entry, table, field, japanese, key),
        }
    }

    fn item(&mut self, entries: &mut ItemEntries, table: &str, id: &str, name: &str, summary: Option<&str>) {
        self.entry(entries.name.take(), table, "name", name, key::name(id));
        match (summary, entries.summary.take()) {
            (Some(summary), entry) => self.entry(entry, table, "summary", summary, key::summary(id)),
            (None, Some(entry)) => self.unknown(entry.span().start, &format!("{table} summary"), "summary"),
            (None, None) => {}
        }
    }

    fn indicators(&mut self, entries: &mut ItemEntries, table: &str, owner: &str, indicators: &[Indicator]) {
        for indicator in indicators {
            let table = format!("{}.indicators.\"{}\"]", table.trim_end_matches(']'), indicator.id);
            let mut found = entries.indicators.remove(&indicator.id).unwrap_or_default();
            self.entry(found.name.take(), &table, "name", &indicator.name, key::indicator(owner, &indicator.id));
            for target in &indicator.targets {
                let Some(japanese) = target.text.as_deref() else { continue };
                let key = key::target(owner, &indicator.id, target);
                let field = format!("\"{}\"", key.rsplit('/').next().unwrap_or_default());
                let entry = found.targets.remove(field.trim_matches('"'));
                let targets = format!("{}.targets]", table.trim_end_matches(']'));
                self.phrase(entry, &targets, &field, japanese, key);
            }
            for (year, entry) in found.targets {
                self.unknown(entry.span().start, &format!("{table} targets \"{year}\""), "target");
            }
        }
    }

    /// What is left of an item's entries once its fields are taken: names of things it doesn't have.
    fn leftovers(&mut self, entries: ItemEntries, table: &str) {
        for (year, entry) in entries.schedule {
            self.unknown(entry.span().start, &format!("{table} schedule \"{year}\""), "schedule entry");
        }
        for id in entries.indicators.keys() {
            let indicator = format!("{}.indicators.\"{id}\"]", table.trim_end_matches(']'));
            self.unknown_table(&indicator, id);
        }
    }

    fn unknown(&mut self, offset: usize, what: &str, kind: &str) {
        let line = line_of_offset(self.text, offset);
        self.errors.push(format!("{}:{line}: {what}: the plan has no such {kind}: remove it, or correct its id", self.name));
    }

    fn unknown_table(&mut self, table: &str, id: &str) {
        let line = line_of_table(self.text, table);
        self.errors.push(format!("{}:{line}: {table}: the plan has no item {id}: remove it, or correct its id", self.name));
    }
}

/// The line of the table `header`, or else of the nearest table above it (`[a.b.c]`, `[a.b]`, …), or 1.
fn line_of_table(text: &str, header: &str) -> usize {
    let mut header = header.trim_end_matches(']').to_string();
    loop {
        let exact = format!("{header}]");
        if let Some(i) = text.lines().position(|l| l.trim() == exact) {
            return i + 1;
        }
        match header.rfind('.') {
            Some(dot) => header.truncate(dot),
            None => return 1,
        }
    }
}

/// The plan in English, for the app's English files (docs/DATA.md, "Files for the app"): every
/// translated field in English, and what is not translated left out or kept as a value. Kept in Japanese:
/// departments and grade words, which are values of the URL's `dept` and `grade` (PRODUCT.md §5; the app
/// shows them through `terms.en.json`), codes, and the printed tables (`summaries`). Left out: the notes,
/// written for specialists and not translated (the Japanese view has them).
pub fn apply(plan: &Plan, english: &Translation) -> Plan {
    let text = |key: String, japanese: &str| english.text(&key).or_else(|| english.term(japanese)).unwrap_or(japanese).to_string();
    let term = |japanese: &str| english.term(japanese).unwrap_or(japanese).to_string();
    let indicators = |owner: &str, list: &[Indicator]| -> Vec<Indicator> {
        list.iter()
            .map(|i| Indicator {
                name: text(key::indicator(owner, &i.id), &i.name),
                unit: i.unit.as_deref().map(term),
                targets: i
                    .targets
                    .iter()
                    .map(|t| plan_core::Target { text: t.text.as_deref().map(|x| text(key::target(owner, &i.id, t), x)), ..t.clone() })
                    .collect(),
                note: None,
                ..i.clone()
            })
            .collect()
    };
    let mut out = plan.clone();
    out.title = text(key::title(&plan.id), &plan.title);
    out.municipality.name = term(&plan.municipality.name);
    out.status = term(&plan.status);
    out.notes.clear();
    for grade in &mut out.grades {
        grade.meaning = text(key::grade(&plan.id, &grade.grade), &grade.meaning);
    }
    for policy in &mut out.policies {
        policy.kind = term(&policy.kind);
        policy.name = text(key::name(&policy.id), &policy.name);
        policy.summary = policy.summary.as_deref().map(|s| text(key::summary(&policy.id), s));
        policy.indicators = indicators(&policy.id, &policy.indicators);
        policy.note = None;
    }
    for measure in &mut out.measures {
        measure.name = text(key::name(&measure.id), &measure.name);
        measure.summary = measure.summary.as_deref().map(|s| text(key::summary(&measure.id), s));
        for entry in &mut measure.schedule {
            entry.text = text(key::schedule(&measure.id, entry.fy), &entry.text);
        }
        measure.indicators = indicators(&measure.id, &measure.indicators);
        measure.note = None;
    }
    out
}
