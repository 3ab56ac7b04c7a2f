//! Importing actuals (実績値) that staff keep in Excel: a CSV or TSV in the shape of the published `plans.csv`,
//! or any sheet with the columns 施策ID, 指標名 (or 指標ID), 年度 and 実績値. Formats, statuses and limits:
//! docs/DATA.md, "Importing actuals".
//!
//! Two steps, so that staff see every change before it happens: [`preview`] gives each row a [`RowStatus`],
//! [`apply`] writes the `Apply` rows, and only when no row is an error. Imported values are marked
//! [`Actual::local`]; [`local_actuals`] and [`restore`] carry them across page loads (localStorage).
//!
//! ```
//! use plan_core::import::{apply, preview, RowStatus};
//! # let mut dataset = plan_core::load_dataset(r#"{"schema_version": 1, "plans": [{
//! #   "id": "p", "municipality": {"name": "区", "code": "131199"}, "title": "計画", "period": {"from": 2024, "to": 2025},
//! #   "status": "策定", "source": "seed.txt", "source_line": 1, "policies": [],
//! #   "measures": [{"id": "p.m1", "code": "1", "name": "オンライン申請の拡大", "summary": null, "departments": ["IT推進課"],
//! #     "policies": [], "schedule": [], "evaluations": [], "is_new": false, "source": {"file": "seed.txt", "line": 1},
//! #     "indicators": [{"id": "i1", "name": "オンライン申請件数", "unit": "件", "direction": "increase", "cumulative": false,
//! #       "targets": [], "actuals": [], "source": {"file": "seed.txt", "line": 2}}]}]}]}"#).unwrap();
//! // The browser passes String.normalize("NFKC"); this text needs none.
//! let text = "施策ID,指標名,年度,実績値\np.m1,オンライン申請件数,令和6年度,\"1,234\"\n";
//! let preview = preview(&dataset, text, &|s: &str| s.to_string()).unwrap();
//! assert!(matches!(preview.rows[0].status, RowStatus::Apply { value: 1234.0, previous: None, .. }));
//! assert!(apply(&mut dataset, &preview));
//! assert!(dataset.plans[0].measures[0].indicators[0].actuals[0].local);
//! ```

use std::collections::HashMap;
use std::collections::hash_map::Entry;


pub use crate::local::{LOCAL_ACTUALS_VERSION, LocalActual, LocalActuals};
use crate::model::{Actual, Dataset, FiscalYear, Indicator, Measure, Period, Plan};
use crate::text::Normalizer;

/// The most text [`preview`] reads, in UTF-8 bytes. The whole published export is about 50 KB, so a file
/// near this size is not a sheet of actuals.
pub const MAX_TEXT_BYTES: usize = 10 * 1024 * 1024;

/// What [`preview`] found: one [`Row`] per non-blank data row, in file order.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    pub rows: Vec<Row>,
    /// Header cells that are neither read nor part of the export, as written; the UI shows them as a warning.
    pub ignored_columns: Vec<String>,
}

impl Preview {
    /// True when no row is an error: applying is all or nothing.
    pub fn can_apply(&self) -> bool {
        !self.rows.iter().any(|r| matches!(r.status, RowStatus::Error { .. }))
    }

    /// The values [`apply`] would change, for the UI to save: a value equal to the current one changes
    /// nothing and is left out.
    pub fn changes(&self) -> Vec<LocalActual> {
        self.rows
            .iter()
            .filter_map(|row| match &row.status {
                RowStatus::Apply { measure, indicator, fy, value, previous } if *previous != Some(*value) => {
                    Some(LocalActual { measure: measure.clone(), indicator: indicator.clone(), fy: *fy, value: *value })
                }
                _ => None,
            })
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// As Excel numbers it: 1-based, the header is row 1, a cell with line breaks is still one row.
    pub number: usize,
    pub status: RowStatus,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RowStatus {
    /// The actual `value` for `fy` of indicator `indicator` (its id within the measure) of measure `measure`.
    /// `previous` is the value now in the dataset; applying an equal value changes nothing.
    Apply { measure: String, indicator: String, fy: FiscalYear, value: f64, previous: Option<f64> },
    Skip { reason: SkipReason },
    /// What is wrong with the row and what would be right, naming the row and the column.
    Error { message_ja: String, message_en: String },
}

/// Why a row changes nothing. A row that changes nothing is not checked any further.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    /// 実績値 is blank: no value (never 0).
    NoValue,
    /// A target over several years (年度 `2021-2023`), with 実績値 blank as it should be.
    TargetRange,
}

impl SkipReason {
    pub fn message_ja(self) -> &'static str {
        match self {
            SkipReason::NoValue => "実績値が空欄です（値なし）。変更しません。",
            SkipReason::TargetRange => "複数年度の目標の行です。実績値は単年度の行で取り込みます。",
        }
    }

    pub fn message_en(self) -> &'static str {
        match self {
            SkipReason::NoValue => "実績値 is blank (no value): nothing changes.",
            SkipReason::TargetRange => "A target over several years: actuals are imported on single-year rows.",
        }
    }
}

/// A file that cannot be read at all; no row is looked at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// No data row: the file is empty, blank, or a header alone.
    Empty,
    TooLarge { bytes: usize },
    /// U+FFFD in the header: the bytes were decoded with the wrong encoding (Shift_JIS read as UTF-8).
    Encoding,
    /// A cell opened with `"` in this row is never closed, so the rest of the file would be one cell.
    UnclosedQuote { row: usize },
    /// Required columns, by their Japanese name (指標名 stands for 指標名 or 指標ID).
    MissingColumns { missing: Vec<&'static str> },
    /// Two header cells name the same column (e.g. 実績値 and actual).
    DuplicateColumn { name: String },
}

impl FileError {
    /// ```
    /// use plan_core::import::FileError;
    /// assert!(FileError::Encoding.message_ja().contains("Shift_JIS"));
    /// ```
    pub fn message_ja(&self) -> String {
        match self {
            FileError::Empty => "データの行がありません（空のファイルか、見出し行だけです）。見出し行の下に実績値の行を入れてください。".into(),
            FileError::TooLarge { bytes } => format!(
                "ファイルが大きすぎます（{} MB、上限 {} MB）。取り込む行だけに絞って保存し直してください。",
                megabytes(*bytes),
                MAX_TEXT_BYTES / MEGABYTE
            ),
            FileError::Encoding => "見出し行に読めない文字があります。ファイルは UTF-8 でも Shift_JIS（CP932）でもない文字コードで保存されているようです。Excel の「名前を付けて保存」で「CSV UTF-8（コンマ区切り）」を選んで保存し直してください。".into(),
            FileError::UnclosedQuote { row } => format!("{row}行目で「\"」で始まるセルが閉じていません。セルの終わりに「\"」を足すか、先頭の「\"」を消してください。"),
            FileError::MissingColumns { missing } => format!(
                "必要な列がありません: {}。1行目（見出し行）に 施策ID、指標名（または指標ID）、年度、実績値 の列を入れてください（英語の見出し measure_id、indicator、fiscal_year、actual も使えます）。",
                missing.join("、")
            ),
            FileError::DuplicateColumn { name } => format!("列「{name}」が2つあります。どちらか一方を消してください。"),
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            FileError::Empty => "The file has no data rows (it is empty or a header alone). Put the actuals in rows below the header.".into(),
            FileError::TooLarge { bytes } => format!(
                "The file is too large ({} MB; the limit is {} MB). Keep only the rows to import and save it again.",
                megabytes(*bytes),
                MAX_TEXT_BYTES / MEGABYTE
            ),
            FileError::Encoding => "The header has unreadable characters: the file seems to be saved in an encoding other than UTF-8 or Shift_JIS (CP932). In Excel, use Save As and choose \"CSV UTF-8 (Comma delimited)\".".into(),
            FileError::UnclosedQuote { row } => format!("Row {row}: a cell starting with \" is never closed. Add a \" at the end of the cell or remove the one at its start."),
            FileError::MissingColumns { missing } => format!(
                "Required columns are missing: {}. Row 1 (the header) needs the columns 施策ID, 指標名 (or 指標ID), 年度 and 実績値 (or in English: measure_id, indicator, fiscal_year, actual).",
                missing.join(", ")
            ),
            FileError::DuplicateColumn { name } => format!("The column \"{name}\" appears twice. Delete one of them."),
        }
    }
}

const MEGABYTE: usize = 1024 * 1024;

/// Megabytes to one decimal, rounded up so that a file just over the limit never reads as the limit.
/// Integer arithmetic: float formatting would add its code to the wasm for this one message.
fn megabytes(bytes: usize) -> String {
    let tenths = (bytes * 10).div_ceil(MEGABYTE);
    format!("{}.{}", tenths / 10, tenths % 10)
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Column {
    Measure,
    IndicatorName,
    IndicatorId,
    Year,
    Actual,
}

/// The columns read, by every header that names them. Headers are compared after [`header_key`].
const COLUMNS: [(Column, &[&str]); 5] = [
    (Column::Measure, &["施策ID", "measure_id"]),
    (Column::IndicatorName, &["指標名", "indicator", "indicator_name"]),
    (Column::IndicatorId, &["指標ID", "indicator_id"]),
    (Column::Year, &["年度", "fiscal_year", "year", "fy"]),
    (Column::Actual, &["実績値", "実績", "actual", "actual_value"]),
];

/// The export's other columns: there for people, not read, and so not reported as ignored.
const EXPORT_CONTEXT: [&str; 10] =
    ["全国地方公共団体コード", "地方公共団体名", "計画ID", "計画名", "基本方針ID", "施策名", "担当課", "単位", "目標値", "目標（記載）"];

/// Reads `text` (the decoded file, BOM or not) and checks every row against `dataset`; changes nothing.
/// `normalize` is NFKC, so that ２０２４, １，２３４ and ＩＤ read as 2024, 1,234 and ID.
///
/// ```
/// use plan_core::import::{preview, FileError};
/// # let dataset = plan_core::Dataset { schema_version: 1, plans: vec![], themes: vec![] };
/// let err = preview(&dataset, "施策ID,年度\n", &|s: &str| s.to_string()).unwrap_err();
/// assert_eq!(err, FileError::MissingColumns { missing: vec!["指標名", "実績値"] });
/// ```
pub fn preview(dataset: &Dataset, text: &str, normalize: Normalizer) -> Result<Preview, FileError> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(FileError::TooLarge { bytes: text.len() });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let records = records(text, delimiter(text)).map_err(|index| FileError::UnclosedQuote { row: index + 1 })?;
    let mut numbered =
        records.iter().enumerate().map(|(i, cells)| (i + 1, cells)).filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()));
    let Some((_, header)) = numbered.next() else { return Err(FileError::Empty) };
    if header.iter().any(|h| h.contains('\u{fffd}')) {
        return Err(FileError::Encoding);
    }
    let (columns, ignored_columns) = Columns::find(header, normalize)?;
    let mut check = Check {
        columns,
        measures: dataset.plans.iter().flat_map(|p| p.measures.iter().map(move |m| (m.id.as_str(), (p, m)))).collect(),
        normalize,
        seen: HashMap::new(),
    };
    let rows: Vec<Row> = numbered.map(|(number, cells)| Row { number, status: check.row(number, cells) }).collect();
    if rows.is_empty() {
        return Err(FileError::Empty);
    }
    Ok(Preview { rows, ignored_columns })
}

/// Writes every `Apply` row into `dataset` and returns true, or changes nothing and returns false when the
/// preview has an error. A new value replaces the actual whole: it is marked `local`, and a printed
/// `attainment_reported` is dropped because it described the old value. An equal value changes nothing, so
/// re-importing the export keeps the published actuals as they are.
///
/// ```
/// use plan_core::import::{apply, Preview};
/// # let mut dataset = plan_core::Dataset { schema_version: 1, plans: vec![], themes: vec![] };
/// assert!(apply(&mut dataset, &Preview { rows: vec![], ignored_columns: vec![] }));
/// ```
#[must_use]
pub fn apply(dataset: &mut Dataset, preview: &Preview) -> bool {
    if !preview.can_apply() {
        return false;
    }
    for row in &preview.rows {
        if let RowStatus::Apply { measure, indicator, fy, value, .. } = &row.status
            && let Some((_, indicator)) = indicator_mut(dataset, measure, indicator)
        {
            set_actual(indicator, *fy, *value);
        }
    }
    true
}

/// The imported (`local`) actuals of `dataset`, for the UI to save (serde, e.g. JSON in localStorage).
///
/// ```
/// # let dataset = plan_core::Dataset { schema_version: 1, plans: vec![], themes: vec![] };
/// let saved = plan_core::import::local_actuals(&dataset);
/// assert_eq!(saved.version, plan_core::import::LOCAL_ACTUALS_VERSION);
/// assert!(saved.actuals.is_empty());
/// ```
pub fn local_actuals(dataset: &Dataset) -> LocalActuals {
    let actuals = dataset
        .plans
        .iter()
        .flat_map(|p| &p.measures)
        .flat_map(|m| m.indicators.iter().map(move |i| (m, i)))
        .flat_map(|(m, i)| i.actuals.iter().filter(|a| a.local).map(move |a| (m, i, a)))
        .map(|(m, i, a)| LocalActual { measure: m.id.clone(), indicator: i.id.clone(), fy: a.fy, value: a.value })
        .collect();
    LocalActuals { version: LOCAL_ACTUALS_VERSION, actuals }
}

/// Applies saved actuals to a freshly loaded dataset, checked as an import is. Returns the values that
/// no longer fit, none of them applied: the measure or indicator is gone, the year left the plan period,
/// the indicator is no longer numeric, or the values were saved in another `version`. The caller keeps
/// them (they are the staff's data) and shows them.
///
/// ```
/// use plan_core::import::{restore, LocalActual, LocalActuals, LOCAL_ACTUALS_VERSION};
/// # let mut dataset = plan_core::Dataset { schema_version: 1, plans: vec![], themes: vec![] };
/// let gone = LocalActual { measure: "gone.m1".into(), indicator: "i1".into(), fy: 2024, value: 5.0 };
/// let saved = LocalActuals { version: LOCAL_ACTUALS_VERSION, actuals: vec![gone.clone()] };
/// assert_eq!(restore(&mut dataset, &saved), vec![gone]);
/// ```
pub fn restore(dataset: &mut Dataset, saved: &LocalActuals) -> Vec<LocalActual> {
    if saved.version != LOCAL_ACTUALS_VERSION {
        return saved.actuals.clone();
    }
    let mut unfit = Vec::new();
    for actual in &saved.actuals {
        match indicator_mut(dataset, &actual.measure, &actual.indicator) {
            Some((period, indicator))
                if period.contains(actual.fy) && actual.value.is_finite() && numeric_unit(indicator).is_some() =>
            {
                set_actual(indicator, actual.fy, actual.value);
            }
            _ => unfit.push(actual.clone()),
        }
    }
    unfit
}

fn indicator_mut<'a>(dataset: &'a mut Dataset, measure: &str, indicator: &str) -> Option<(Period, &'a mut Indicator)> {
    let plan = dataset.plans.iter_mut().find(|p| p.measures.iter().any(|m| m.id == measure))?;
    let period = plan.period;
    let measure = plan.measures.iter_mut().find(|m| m.id == measure)?;
    Some((period, measure.indicators.iter_mut().find(|i| i.id == indicator)?))
}

fn set_actual(indicator: &mut Indicator, fy: FiscalYear, value: f64) {
    // Line 0: an imported value is printed nowhere in the seed.
    let local = Actual { fy, value, attainment_reported: None, line: 0, local: true };
    match indicator.actuals.iter_mut().find(|a| a.fy == fy) {
        Some(actual) if actual.value == value => {}
        Some(actual) => *actual = local,
        // Before the first later year, keeping them in order: not a sort, whose code the wasm would carry (1 KB).
        None => {
            let at = indicator.actuals.iter().position(|a| a.fy > fy).unwrap_or(indicator.actuals.len());
            indicator.actuals.insert(at, local);
        }
    }
}

/// The unit of an indicator that takes numbers; validation requires one for any numeric value.
fn numeric_unit(indicator: &Indicator) -> Option<&str> {
    indicator.unit.as_deref().filter(|u| !u.trim().is_empty())
}

/// Tab when the first line has more tabs than commas (Excel's "Unicode text"), else comma.
fn delimiter(text: &str) -> char {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    if first.matches('\t').count() > first.matches(',').count() { '\t' } else { ',' }
}

/// RFC 4180 records: a cell that starts with `"` may hold the delimiter, line breaks and `""` for a quote.
/// Records end at CRLF, LF or CR. An unclosed quote is an error with the index of its record.
fn records(text: &str, delimiter: char) -> Result<Vec<Vec<String>>, usize> {
    let mut records = vec![];
    let mut record = vec![];
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            '"' if quoted => quoted = false,
            '"' if cell.is_empty() => quoted = true,
            c if quoted => cell.push(c),
            c if c == delimiter => record.push(std::mem::take(&mut cell)),
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                record.push(std::mem::take(&mut cell));
                records.push(std::mem::take(&mut record));
            }
            c => cell.push(c),
        }
    }
    if quoted {
        return Err(records.len());
    }
    if !cell.is_empty() || !record.is_empty() {
        record.push(cell);
        records.push(record);
    }
    Ok(records)
}

/// NFKC, trimmed, ASCII lowercase, spaces as `_`: ＩＤ = ID = id, "Fiscal Year" = fiscal_year.
fn header_key(header: &str, normalize: Normalizer) -> String {
    normalize(header).trim().to_ascii_lowercase().replace(' ', "_")
}

/// Where the read columns are, and every header as written, for messages.
struct Columns {
    measure: usize,
    indicator_name: Option<usize>,
    indicator_id: Option<usize>,
    /// The indicator column that messages name: 指標名 where there is one, else 指標ID.
    indicator: usize,
    year: usize,
    actual: usize,
    names: Vec<String>,
}

impl Columns {
    fn find(header: &[String], normalize: Normalizer) -> Result<(Columns, Vec<String>), FileError> {
        let known: Vec<(Column, String)> =
            COLUMNS.iter().flat_map(|(column, names)| names.iter().map(move |n| (*column, header_key(n, normalize)))).collect();
        let context: Vec<String> = EXPORT_CONTEXT.iter().map(|n| header_key(n, normalize)).collect();
        let mut found: Vec<(Column, usize)> = vec![];
        let mut ignored = vec![];
        for (index, cell) in header.iter().enumerate() {
            let key = header_key(cell, normalize);
            match known.iter().find(|(_, k)| *k == key) {
                Some((column, _)) if found.iter().any(|(c, _)| c == column) => {
                    return Err(FileError::DuplicateColumn { name: cell.trim().to_string() });
                }
                Some((column, _)) => found.push((*column, index)),
                None if key.is_empty() || context.contains(&key) => {}
                None => ignored.push(cell.trim().to_string()),
            }
        }
        let at = |column: Column| found.iter().find(|(c, _)| *c == column).map(|(_, i)| *i);
        let (indicator_name, indicator_id) = (at(Column::IndicatorName), at(Column::IndicatorId));
        match (at(Column::Measure), indicator_name.or(indicator_id), at(Column::Year), at(Column::Actual)) {
            (Some(measure), Some(indicator), Some(year), Some(actual)) => {
                let names = header.iter().map(|h| h.trim().to_string()).collect();
                Ok((Columns { measure, indicator_name, indicator_id, indicator, year, actual, names }, ignored))
            }
            (measure, indicator, year, actual) => {
                let required = [("施策ID", measure), ("指標名", indicator), ("年度", year), ("実績値", actual)];
                Err(FileError::MissingColumns { missing: required.into_iter().filter(|(_, at)| at.is_none()).map(|(name, _)| name).collect() })
            }
        }
    }
}

/// The state of checking rows: the dataset's measures by id, and the keys of the rows with a value so far.
struct Check<'a> {
    columns: Columns,
    measures: HashMap<&'a str, (&'a Plan, &'a Measure)>,
    normalize: Normalizer<'a>,
    seen: HashMap<(&'a str, &'a str, FiscalYear), usize>,
}

enum Year {
    Single(FiscalYear),
    Range,
}

impl<'a> Check<'a> {
    /// The cell of `column` in NFKC, trimmed; blank where the row is short.
    fn cell(&self, cells: &[String], column: usize) -> String {
        (self.normalize)(cells.get(column).map_or("", String::as_str)).trim().to_string()
    }

    fn row(&mut self, row: usize, cells: &[String]) -> RowStatus {
        let Columns { measure: measure_col, indicator: indicator_col, year: year_col, actual: actual_col, .. } = self.columns;
        let error = |column: &str, ja: String, en: String| RowStatus::Error {
            message_ja: format!("{row}行目「{column}」: {ja}"),
            message_en: format!("Row {row}, column {column}: {en}"),
        };
        let name = |column: usize| self.columns.names[column].as_str();
        let actual_text = self.cell(cells, actual_col);
        let year_text = self.cell(cells, year_col);
        if actual_text.is_empty() {
            let reason = if matches!(parse_year(&year_text), Some(Year::Range)) { SkipReason::TargetRange } else { SkipReason::NoValue };
            return RowStatus::Skip { reason };
        }

        let measure_id = self.cell(cells, measure_col);
        let Some(&(plan, measure)) = self.measures.get(measure_id.as_str()) else {
            return if measure_id.is_empty() {
                error(name(measure_col), "空欄です。施策ID（書き出した plans.csv の施策ID）を入れてください。".into(), "blank. Give the 施策ID as in the exported plans.csv.".into())
            } else {
                error(
                    name(measure_col),
                    format!("施策「{measure_id}」はありません。書き出した plans.csv の施策IDのとおりに書いてください。"),
                    format!("there is no measure \"{measure_id}\". Copy the 施策ID from the exported plans.csv."),
                )
            };
        };
        let indicator = match self.indicator(measure, cells) {
            Ok(indicator) => indicator,
            Err((column, ja, en)) => return error(name(column), ja, en),
        };
        let Some(unit) = numeric_unit(indicator) else {
            return error(
                name(actual_col),
                format!("指標「{}」は数値の指標ではありません（単位がありません）。実績値を空欄にしてください。", indicator.name),
                format!("the indicator \"{}\" takes no numbers (it has no unit). Leave 実績値 blank.", indicator.name),
            );
        };

        let period = plan.period;
        let fy = match parse_year(&year_text) {
            Some(Year::Single(fy)) if period.contains(fy) => fy,
            Some(Year::Single(fy)) => {
                return error(
                    name(year_col),
                    format!("{fy}年度は計画「{}」の期間（{}〜{}年度）の外です。期間内の年度を書いてください。", plan.title, period.from, period.to),
                    format!("FY{fy} is outside the period of \"{}\" (FY{}–{}). Give a year inside it.", plan.title, period.from, period.to),
                );
            }
            Some(Year::Range) => {
                return error(
                    name(year_col),
                    format!("複数年度（{year_text}）の行は目標だけです。実績値は単年度の行（例: {}）に書き、この行の実績値は空欄にしてください。", period.to),
                    format!("a row over several years ({year_text}) holds targets only. Put the actual on a single-year row (e.g. {}) and leave this one blank.", period.to),
                );
            }
            None => {
                return error(
                    name(year_col),
                    format!("「{year_text}」は年度として読めません。2024、令和6年度、R6 のように書いてください。"),
                    format!("\"{year_text}\" is not a fiscal year. Write it as 2024, 令和6年度 or R6."),
                );
            }
        };

        let Some(value) = parse_number(&actual_text, &(self.normalize)(unit)) else {
            return error(
                name(actual_col),
                format!("「{actual_text}」は数値として読めません。1234、1,234、12.5 のように書いてください（単位「{unit}」は付けてもかまいません）。値がなければ空欄にしてください。"),
                format!("\"{actual_text}\" is not a number. Write it as 1234, 1,234 or 12.5 (the unit \"{unit}\" may follow). Leave it blank if there is no value."),
            );
        };

        match self.seen.entry((measure.id.as_str(), indicator.id.as_str(), fy)) {
            Entry::Occupied(first) => {
                let columns = [measure_col, indicator_col, year_col].map(name).join("・");
                error(
                    &columns,
                    format!("{}行目と同じ施策・指標・年度です。どちらか一方の行を消してください。", first.get()),
                    format!("the same measure, indicator and year as row {}. Delete one of the two rows.", first.get()),
                )
            }
            Entry::Vacant(slot) => {
                slot.insert(row);
                let previous = indicator.actuals.iter().find(|a| a.fy == fy).map(|a| a.value);
                RowStatus::Apply { measure: measure.id.clone(), indicator: indicator.id.clone(), fy, value, previous }
            }
        }
    }

    /// The row's indicator within `measure`: by 指標ID where given (then 指標名, if given too, must agree),
    /// else by 指標名. An error names its column and says, in Japanese and English, what would be right.
    fn indicator(&self, measure: &'a Measure, cells: &[String]) -> Result<&'a Indicator, (usize, String, String)> {
        let given = |column: Option<usize>| column.map(|c| (c, self.cell(cells, c))).filter(|(_, text)| !text.is_empty());
        // The export puts ' before a name starting with = + - @, so that Excel never runs it as a formula.
        let unguard = |(c, text): (usize, String)| match text.strip_prefix('\'') {
            Some(rest) if rest.starts_with(['=', '+', '-', '@']) => (c, rest.to_string()),
            _ => (c, text),
        };
        let by_name = given(self.columns.indicator_name).map(unguard);
        let same_name = |i: &Indicator, name: &str| (self.normalize)(&i.name).trim() == name;
        let list = |ids: bool| {
            let names: Vec<&str> = measure.indicators.iter().map(|i| if ids { i.id.as_str() } else { i.name.as_str() }).collect();
            if names.is_empty() { ("なし".to_string(), "none".to_string()) } else { (names.join("、"), names.join(", ")) }
        };
        if let Some((column, id)) = given(self.columns.indicator_id) {
            let Some(indicator) = measure.indicators.iter().find(|i| i.id == id) else {
                let (ja, en) = list(true);
                return Err((
                    column,
                    format!("施策「{}」に指標ID「{id}」はありません（この施策の指標ID: {ja}）。", measure.name),
                    format!("measure \"{}\" has no indicator id \"{id}\" (its indicator ids: {en}).", measure.name),
                ));
            };
            return match by_name {
                Some((column, name)) if !same_name(indicator, &name) => Err((
                    column,
                    format!("指標ID「{id}」の指標は「{}」で、「{name}」ではありません。指標名か指標IDを直してください。", indicator.name),
                    format!("indicator id \"{id}\" is \"{}\", not \"{name}\". Correct the 指標名 or the 指標ID.", indicator.name),
                )),
                _ => Ok(indicator),
            };
        }
        let Some((column, name)) = by_name else {
            return Err((self.columns.indicator, "空欄です。指標名（または指標ID）を入れてください。".into(), "blank. Give the 指標名 (or the 指標ID).".into()));
        };
        let matching: Vec<&Indicator> = measure.indicators.iter().filter(|i| same_name(i, &name)).collect();
        match matching.as_slice() {
            [indicator] => Ok(indicator),
            [] => {
                let (ja, en) = list(false);
                Err((
                    column,
                    format!("施策「{}」に指標「{name}」はありません。plans.csv の指標名のとおりに書いてください（この施策の指標: {ja}）。", measure.name),
                    format!("measure \"{}\" has no indicator \"{name}\". Write the 指標名 as in plans.csv (its indicators: {en}).", measure.name),
                ))
            }
            several => {
                let ids: Vec<&str> = several.iter().map(|i| i.id.as_str()).collect();
                Err((
                    column,
                    format!("施策「{}」には「{name}」という指標が複数あります。指標ID列を足して {} のどれかを書いてください。", measure.name, ids.join("、")),
                    format!("measure \"{}\" has several indicators named \"{name}\". Add a 指標ID column with one of {}.", measure.name, ids.join(", ")),
                ))
            }
        }
    }
}

/// 2024, 2024年度, FY2024, 令和6年度, 令和元年度, R6, 平成28年度, H28 (after NFKC), or a range of two of them
/// joined by `-`, `~`, `〜` or `–`, which holds targets only.
fn parse_year(text: &str) -> Option<Year> {
    match text.split_once(['-', '~', '〜', '–']) {
        Some((from, to)) => (single_year(from.trim())? <= single_year(to.trim())?).then_some(Year::Range),
        None => single_year(text).map(Year::Single),
    }
}

fn single_year(text: &str) -> Option<FiscalYear> {
    let text = text.strip_suffix("年度").or_else(|| text.strip_suffix('年')).unwrap_or(text).trim().to_ascii_uppercase();
    let text = text.strip_prefix("FY").unwrap_or(&text).trim();
    let number = |n: &str, lengths: std::ops::RangeInclusive<usize>| {
        (lengths.contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit())).then(|| n.parse::<FiscalYear>().ok()).flatten()
    };
    let era = |n: &str| if n.trim() == "元" { Some(1) } else { number(n.trim(), 1..=2) };
    // Fiscal years start in April, after both era changes: 平成31年度 and 令和元年度 are both 2019.
    if let Some(n) = text.strip_prefix("令和").or(text.strip_prefix('R')) {
        era(n).map(|n| 2018 + n)
    } else if let Some(n) = text.strip_prefix("平成").or(text.strip_prefix('H')) {
        era(n).map(|n| 1988 + n)
    } else {
        number(text, 4..=4)
    }
}

/// A plain decimal after NFKC: optional `-`, digits with or without thousands separators (1,234 but not
/// 1,23), optional decimals, optionally followed by the indicator's own `unit` (120件); nothing else.
fn parse_number(text: &str, unit: &str) -> Option<f64> {
    let text = text.strip_suffix(unit.trim()).unwrap_or(text).trim_end();
    let (sign, digits) = text.strip_prefix('-').map_or(("", text), |d| ("-", d));
    let (int, frac) = digits.split_once('.').map_or((digits, None), |(i, f)| (i, Some(f)));
    let groups: Vec<&str> = int.split(',').collect();
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let grouped = groups.len() == 1 || (groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3));
    if !grouped || !groups.iter().all(|g| all_digits(g)) || frac.is_some_and(|f| !all_digits(f)) {
        return None;
    }
    let plain = format!("{sign}{}.{}", groups.concat(), frac.unwrap_or("0"));
    plain.parse::<f64>().ok().filter(|v| v.is_finite())
}
