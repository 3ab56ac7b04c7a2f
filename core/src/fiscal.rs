//! Fiscal years (年度) for people: 「令和6年度（2024年度）」, "FY2024 (Reiwa 6)".
//!
//! ```
//! assert_eq!(plan_core::fiscal::label_ja(2024), "令和6年度（2024年度）");
//! assert_eq!(plan_core::fiscal::label_ja(2019), "令和元年度（2019年度）");
//! assert_eq!(plan_core::fiscal::label_en(2016), "FY2016 (Heisei 28)");
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

pub fn label_ja(fy: FiscalYear) -> String {
    let (name, _, n) = era(fy);
    let n = if n == 1 { "元".to_string() } else { n.to_string() };
    format!("{name}{n}年度（{fy}年度）")
}

pub fn label_en(fy: FiscalYear) -> String {
    let (_, name, n) = era(fy);
    format!("FY{fy} ({name} {n})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heisei_to_reiwa_boundary() {
        assert_eq!(label_ja(2018), "平成30年度（2018年度）");
        assert_eq!(label_ja(2020), "令和2年度（2020年度）");
        assert_eq!(label_en(2028), "FY2028 (Reiwa 10)");
    }
}
