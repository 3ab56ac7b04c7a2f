//! Numbers and fiscal years (年度) for people: 「令和6年度（2024年度）」, "FY2024 (Reiwa 6)", 122,609.
//!
//! ```
//! use plan_core::format::{fiscal_year_en, fiscal_year_ja, number};
//! assert_eq!(fiscal_year_ja(2024), "令和6年度（2024年度）");
//! assert_eq!(fiscal_year_ja(2019), "令和元年度（2019年度）");
//! assert_eq!(fiscal_year_en(2016), "FY2016 (Heisei 28)");
//! assert_eq!(number(122609.0), "122,609");
//! ```

use crate::model::FiscalYear;

/// The Japanese era a fiscal year starts in, and the year within it (1 = 元年).
/// Fiscal years start in April, after both era changes of the period these plans cover.
pub fn era(fy: FiscalYear) -> (&'static str, &'static str, i32) {
    if fy >= 2019 {
        ("令和", "Reiwa", fy - 2018)
    } else if fy >= 1989 {
        ("平成", "Heisei", fy - 1988)
    } else {
        ("昭和", "Showa", fy - 1925)
    }
}

pub fn fiscal_year_ja(fy: FiscalYear) -> String {
    let (name, _, n) = era(fy);
    let n = if n == 1 { "元".to_string() } else { n.to_string() };
    format!("{name}{n}年度（{fy}年度）")
}

pub fn fiscal_year_en(fy: FiscalYear) -> String {
    let (_, name, n) = era(fy);
    format!("FY{fy} ({name} {n})")
}

/// A number with thousands separators and at most two decimals: 122609 → 122,609; 0.5 → 0.5.
/// Written without `f64`'s `Display`, whose float-printing code would add ~10 KB to the wasm.
pub fn number(value: f64) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    let hundredths = (value.abs() * 100.0).round() as u64;
    let (int, frac) = (hundredths / 100, hundredths % 100);
    let digits = int.to_string();
    let mut text = String::from(if value < 0.0 && hundredths > 0 { "-" } else { "" });
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            text.push(',');
        }
        text.push(c);
    }
    match frac {
        0 => {}
        f if f % 10 == 0 => text.push_str(&format!(".{}", f / 10)),
        f => text.push_str(&format!(".{f:02}")),
    }
    text
}

/// Text made safe to put in HTML, as an element's text or a quoted attribute's value: the embed code, a
/// filter's options.
///
/// ```
/// assert_eq!(plan_core::format::html_escape(r#"<a href="x">&</a>"#), "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
/// ```
pub fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// How a plan is named to people: its title, after its municipality's name unless the title says it
/// already, as every plan published so far does.
///
/// ```
/// use plan_core::format::plan_label;
/// assert_eq!(plan_label("板橋区", "板橋区DX推進計画2025"), "板橋区DX推進計画2025");
/// assert_eq!(plan_label("Kita City", "Tokyo Kita City DX Promotion Plan 2025 (draft)"), "Tokyo Kita City DX Promotion Plan 2025 (draft)");
/// assert_eq!(plan_label("板橋区", "DX推進計画"), "板橋区 DX推進計画");
/// ```
pub fn plan_label(municipality: &str, title: &str) -> String {
    if title.contains(municipality) { title.to_string() } else { format!("{municipality} {title}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heisei_to_reiwa_boundary() {
        assert_eq!(fiscal_year_ja(2018), "平成30年度（2018年度）");
        assert_eq!(fiscal_year_ja(2020), "令和2年度（2020年度）");
        assert_eq!(fiscal_year_en(2028), "FY2028 (Reiwa 10)");
    }

    #[test]
    fn numbers_are_grouped() {
        assert_eq!(number(-1234.5), "-1,234.5");
        assert_eq!(number(12.0), "12");
        assert_eq!(number(999.0), "999");
        assert_eq!(number(0.05), "0.05");
        assert_eq!(number(1.005 * 100.0), "100.5");
        assert_eq!(number(-0.001), "0");
    }
}
