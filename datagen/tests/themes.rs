//! Themes on the real seeds: every theme finds measures, the shared themes find them in several wards,
//! and the assignments a reader would check first (including the ones an exclude prevents) stay right.

use std::collections::BTreeSet;
use std::path::PathBuf;

use plan_core::Dataset;
use plan_core::themes::assign;
use unicode_normalization::UnicodeNormalization;

fn nfkc(s: &str) -> String {
    s.nfkc().collect()
}

fn dataset() -> Dataset {
    plan_data::load_seeds(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../seeds")).unwrap_or_else(|e| panic!("{}", e.join("\n")))
}

/// Every (municipality, measure id, theme id) the rules give.
fn assignments(dataset: &Dataset) -> Vec<(String, String, String)> {
    let themes = assign(dataset, &nfkc);
    let mut out = vec![];
    for (plan, per_measure) in dataset.plans.iter().zip(&themes) {
        for (measure, indexes) in plan.measures.iter().zip(per_measure) {
            for &i in indexes {
                out.push((plan.municipality.name.clone(), measure.id.clone(), dataset.themes[i].id.clone()));
            }
        }
    }
    out
}

#[test]
fn every_theme_matches_at_least_one_measure() {
    let dataset = dataset();
    let found = assignments(&dataset);
    for theme in &dataset.themes {
        assert!(found.iter().any(|(_, _, t)| *t == theme.id), "theme {} matches no measure: check its keywords", theme.id);
    }
}

#[test]
fn the_shared_themes_are_found_in_several_wards() {
    // 台東区's 中間のまとめ prints most 取組 by name only, so only themes its names carry can reach it.
    // None of its 取組 is about 窓口, マイナンバー, オープンデータ, セキュリティ or 防災: those themes are in
    // 板橋区 and 北区 only. Likewise 板橋区 has デジタルデバイド as a 基本方針 but no measure of it.
    let expected: [(&str, &[&str]); 12] = [
        ("online-application", &["板橋区", "北区", "台東区"]),
        ("cashless", &["板橋区", "北区", "台東区"]),
        ("service-counter", &["板橋区", "北区"]),
        ("rpa-ai", &["板橋区", "北区", "台東区"]),
        ("telework", &["板橋区", "北区", "台東区"]),
        ("digital-divide", &["北区", "台東区"]),
        ("my-number", &["板橋区", "北区"]),
        ("open-data", &["板橋区", "北区"]),
        ("security", &["板橋区", "北区"]),
        ("staff-skills", &["板橋区", "北区", "台東区"]),
        ("children-education", &["板橋区", "北区", "台東区"]),
        ("disaster", &["板橋区", "北区"]),
    ];
    let dataset = dataset();
    let found = assignments(&dataset);
    for (theme, wards) in expected {
        let actual: BTreeSet<&str> = found.iter().filter(|(_, _, t)| t == theme).map(|(w, _, _)| w.as_str()).collect();
        for ward in wards {
            assert!(actual.contains(ward), "theme {theme} finds no measure of {ward}; it finds {actual:?}");
        }
    }
}

#[test]
fn named_measures_get_exactly_the_themes_they_should() {
    // (measure, theme, has it): each row guards one keyword or exclude.
    let cases = [
        ("itabashi-ict2025.m11", "my-number", true),
        // Names 行政手続きのオンライン化 as its reason only: the exclude keeps it out.
        ("itabashi-ict2025.m11", "online-application", false),
        ("taito-dx2026.t21", "telework", true),
        // The spelling ディバイド, behind デジタル・.
        ("taito-dx2026.t03", "digital-divide", true),
        // ＲＰＡ・ＡＩ-ＯＣＲ style names fold to Latin lowercase.
        ("taito-dx2026.t14", "rpa-ai", true),
        ("taito-dx2026.t01", "online-application", true),
        ("kita-dx2025.m1-1-2-1", "service-counter", true),
        ("kita-dx2025.m1-2-5-1", "cashless", true),
        // 電子決裁 is an approval, not a payment (決済).
        ("itabashi-ict2020.m28", "cashless", false),
        ("itabashi-ict2020.m28", "paperless", true),
        // A library's anti-theft セキュリティゲート.
        ("itabashi-ict2020.m37", "security", false),
        // マイナンバー制度運用内部監査 is an audit: security, not the card.
        ("itabashi-ict2025.m22", "security", true),
        ("itabashi-ict2025.m22", "my-number", false),
        // The website's procedure guide mentions 窓口.
        ("kita-dx2025.m1-2-1-1", "service-counter", false),
        ("kita-dx2025.m1-2-1-1", "web-sns", true),
        // Children's 情報活用能力 vs the staff's 情報リテラシー(情報活用能力).
        ("taito-dx2026.t09", "children-education", true),
        ("itabashi-ict2020.m24", "staff-skills", true),
        ("itabashi-ict2020.m24", "children-education", false),
        // 民生・児童委員 are volunteers, not children.
        ("itabashi-dx2025.r7-2", "children-education", false),
        ("kita-dx2025.m1-2-6-2", "disaster", true),
        ("kita-dx2025.m2-1-2-1", "open-data", true),
        // Its printed summary is No3's GIS text by mistake.
        ("itabashi-ict2020.m10", "data-use", false),
        // Subsidies for businesses' cloud services are not the ward's systems.
        ("kita-dx2025.m1-2-2-1", "standard-systems-cloud", false),
    ];
    let dataset = dataset();
    let found = assignments(&dataset);
    for (measure, theme, expected) in cases {
        assert!(dataset.plans.iter().flat_map(|p| &p.measures).any(|m| m.id == measure), "no measure {measure}");
        assert!(dataset.themes.iter().any(|t| t.id == theme), "no theme {theme}");
        let has = found.iter().any(|(_, m, t)| m == measure && t == theme);
        assert_eq!(has, expected, "{measure} {} theme {theme}", if expected { "should have" } else { "should not have" });
    }
}
