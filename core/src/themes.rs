//! Which measures have which theme. The rule is data (`seeds/themes.toml`, docs/DATA.md): a measure has a
//! theme when its text contains any of the theme's keywords and none of its excludes, compared after folding
//! ([`crate::text::fold`]), so that a new plan gets its themes without code changes.

use crate::model::{Dataset, Measure};
use crate::explore::FIELD_SEPARATOR;
use crate::text::{Normalizer, fold, fold_fields};

/// For each plan and each of its measures (same order as in `dataset`), the indexes into
/// `dataset.themes` of the themes the measure has, ascending.
///
/// The text matched is the measure's name, summary, schedule texts and indicator names, each NFKC-normalised
/// by `normalize` and folded.
///
/// ```
/// use plan_core::themes::assign;
///
/// let dataset = plan_core::load_dataset(r#"{
///   "schema_version": 1,
///   "themes": [{ "id": "my-number", "name": "マイナンバー", "name_en": "My Number card", "keywords": ["マイナンバー"] }],
///   "plans": [{
///     "id": "p", "municipality": { "name": "区", "code": "131199" }, "title": "計画",
///     "period": { "from": 2021, "to": 2023 }, "status": "策定", "source": "seed.txt", "source_line": 1,
///     "policies": [],
///     "measures": [{
///       "id": "p.m1", "code": "1", "name": "まいなんばーカードの普及", "summary": null, "departments": ["戸籍住民課"],
///       "policies": [], "schedule": [], "indicators": [], "evaluations": [], "is_new": false,
///       "source": { "file": "seed.txt", "line": 1 }
///     }]
///   }]
/// }"#).unwrap();
/// // The browser passes String.normalize("NFKC"); this text needs no normalising.
/// let themes = assign(&dataset, &|s: &str| s.to_string());
/// assert_eq!(themes, vec![vec![vec![0]]]);
/// ```
pub fn assign(dataset: &Dataset, normalize: Normalizer) -> Vec<Vec<Vec<usize>>> {
    // Fold every keyword once, not once per measure. An empty one would match every text, so it is dropped.
    let fold_all = |words: &[String]| -> Vec<String> {
        words.iter().map(|w| fold(&normalize(w))).filter(|w| !w.is_empty()).collect()
    };
    let themes: Vec<(Vec<String>, Vec<String>)> =
        dataset.themes.iter().map(|t| (fold_all(&t.keywords), fold_all(&t.exclude))).collect();
    dataset
        .plans
        .iter()
        .map(|plan| {
            plan.measures
                .iter()
                .map(|measure| {
                    let text = folded_text(measure, normalize);
                    let contains_any = |words: &[String]| words.iter().any(|w| text.contains(w.as_str()));
                    themes
                        .iter()
                        .enumerate()
                        .filter(|(_, (keywords, exclude))| contains_any(keywords) && !contains_any(exclude))
                        .map(|(i, _)| i)
                        .collect()
                })
                .collect()
        })
        .collect()
}

/// The fields are kept apart by a control character, which folded keywords never contain, so that no keyword
/// matches across the end of one field and the start of the next; normalised in one call ([`fold_fields`]).
fn folded_text(measure: &Measure, normalize: Normalizer) -> String {
    let fields = std::iter::once(&measure.name)
        .chain(&measure.summary)
        .chain(measure.schedule.iter().map(|s| &s.text))
        .chain(measure.indicators.iter().map(|i| &i.name));
    let mut text = String::new();
    for field in fields {
        text.push_str(field);
        text.push(FIELD_SEPARATOR);
    }
    fold_fields(&normalize(&text), Some(FIELD_SEPARATOR))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn nfkc(s: &str) -> String {
        use unicode_normalization::UnicodeNormalization;
        s.nfkc().collect()
    }

    fn theme(id: &str, keywords: &[&str], exclude: &[&str]) -> Theme {
        Theme {
            id: id.into(),
            name: id.into(),
            name_en: id.into(),
            keywords: keywords.iter().map(|k| k.to_string()).collect(),
            exclude: exclude.iter().map(|k| k.to_string()).collect(),
            note: None,
        }
    }

    fn measure(name: &str, summary: Option<&str>, schedule: &[&str]) -> Measure {
        Measure {
            id: format!("p.{name}"),
            code: "1".into(),
            name: name.into(),
            summary: summary.map(Into::into),
            departments: vec!["課".into()],
            policies: vec![],
            schedule: schedule.iter().map(|t| ScheduleEntry { fy: 2021, text: t.to_string(), line: 1 }).collect(),
            indicators: vec![],
            evaluations: vec![],
            is_new: false,
            not_stated: vec![],
            note: None,
            source: SourceRef { file: "seed.txt".into(), line: 1 },
        }
    }

    fn dataset(themes: Vec<Theme>, measures: Vec<Measure>) -> Dataset {
        let plan = Plan {
            id: "p".into(),
            municipality: Municipality { name: "区".into(), code: "131199".into() },
            title: "計画".into(),
            period: Period { from: 2021, to: 2023 },
            status: "策定".into(),
            source: "seed.txt".into(),
            source_line: 1,
            notes: vec![],
            grades: vec![],
            policies: vec![],
            measures,
            summaries: vec![],
        };
        Dataset { schema_version: 1, plans: vec![plan], themes }
    }

    #[test]
    fn any_keyword_in_any_field_gives_the_theme() {
        let data = dataset(
            vec![theme("cashless", &["キャッシュレス", "電子マネー"], &[]), theme("disaster", &["防災"], &[])],
            vec![
                measure("収納方法の拡大", Some("電子マネー収納を実装"), &[]),
                measure("避難所運営", None, &["防災訓練の実施"]),
                measure("文書管理", None, &[]),
            ],
        );
        assert_eq!(assign(&data, &nfkc), vec![vec![vec![0], vec![1], vec![]]]);
    }

    #[test]
    fn an_exclude_keyword_withholds_the_theme() {
        let data = dataset(
            vec![theme("security", &["セキュリティ"], &["セキュリティゲート"])],
            vec![measure("図書館の ICT 機器", Some("自動貸出機、セキュリティゲートを導入"), &[]), measure("セキュリティ監査", None, &[])],
        );
        assert_eq!(assign(&data, &nfkc), vec![vec![vec![], vec![0]]]);
    }

    #[test]
    fn katakana_keywords_match_hiragana_and_full_width_text() {
        let data = dataset(
            vec![theme("my-number", &["マイナンバー"], &[]), theme("rpa-ai", &["RPA"], &[])],
            vec![measure("まいなんばーカードの交付", None, &[]), measure("ＲＰＡ事業の拡大", None, &[]), measure("ﾏｲﾅﾝﾊﾞｰ", None, &[])],
        );
        assert_eq!(assign(&data, &nfkc), vec![vec![vec![0], vec![1], vec![0]]]);
    }

    #[test]
    fn a_keyword_never_spans_two_fields() {
        let data = dataset(vec![theme("online-application", &["オンライン申請"], &[])], vec![measure("オンライン", Some("申請"), &[])]);
        assert!(assign(&data, &nfkc)[0][0].is_empty());
    }

    #[test]
    fn an_empty_keyword_matches_nothing() {
        let data = dataset(vec![theme("blank", &[" "], &[])], vec![measure("何でも", None, &[])]);
        assert!(assign(&data, &nfkc)[0][0].is_empty());
    }
}
