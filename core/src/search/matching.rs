//! Which measures a search finds, through what, and in what order (issue 13).
//!
//! A search word is looked for in *documents*: each measure's text in three zones (its code and name,
//! its summary, the rest: departments, schedule, indicator names) and each policy's code, name and
//! indicator names. With `M` measures and `P` policies, zone `z` of measure `m` is document `z·M + m`
//! and policy `p` is document `3·M + p` ([`doc_count`]); the gram and word files are built over these
//! documents, so both the browser (from the files) and a catalog with the text give each word the same
//! ascending list of documents.
//!
//! A measure matches a word when one of its zones has it ([`Zone::Name`], [`Zone::Summary`],
//! [`Zone::Rest`]) or, failing that, one of the policies above it does ([`Zone::Structure`]: 「子育て」 finds
//! the measures under 「子育て・教育DX」 that don't repeat the word). A word that is a theme's name or
//! keyword (`seeds/themes.toml`) also finds the measures of that theme ([`Synonyms`]: 「オンライン申請」
//! finds 北区's 電子申請の推進), unless the query asks for the words as typed (`exact=1`). The themes are
//! the compare view's, already in the search index, so widening a word downloads nothing more (looking
//! up each of a theme's keywords read 44 gram files more for 「子育て」). A measure matches a search when
//! it matches every word.
//!
//! Results are ranked: found by the words as typed before found only through a synonym; then by the
//! worst zone any word needed (name, summary, rest, structure); then current plans (whose period has
//! not ended before this fiscal year) before finished ones; then in document order.
//!
//! ```
//! use plan_core::search::matching::{Zone, doc_count, zone_of};
//! assert_eq!(doc_count(10, 4), 34);
//! assert_eq!(zone_of(13, 10), Some((Zone::Summary, 3)));
//! assert_eq!(zone_of(31, 10), None); // policy 1
//! ```

use crate::model::Theme;
use crate::text::{Normalizer, fold};

/// Where in a measure's reach a word was found; earlier is a better match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Zone {
    Name,
    Summary,
    Rest,
    /// Only in a policy above the measure (its primary policies and their ancestors).
    Structure,
}

/// The three zones a measure's own text is split into.
pub const OWN_ZONES: usize = 3;

/// How many documents a search covers: three zones per measure, and one per policy.
pub fn doc_count(measures: usize, policies: usize) -> usize {
    OWN_ZONES * measures + policies
}

/// The zone and measure ordinal of a document, or `None` for a policy's (`doc - 3·M`).
pub fn zone_of(doc: u32, measures: usize) -> Option<(Zone, usize)> {
    let doc = doc as usize;
    let zone = match doc.checked_div(measures)? {
        0 => Zone::Name,
        1 => Zone::Summary,
        2 => Zone::Rest,
        _ => return None,
    };
    Some((zone, doc % measures))
}

/// Each theme's name and keywords, folded: which themes a search word stands for.
#[derive(Debug, Clone, Default)]
pub struct Synonyms {
    /// Per theme: its folded name and keywords.
    groups: Vec<Vec<String>>,
}

impl Synonyms {
    pub fn new(themes: &[Theme], normalize: Normalizer) -> Synonyms {
        let groups = themes
            .iter()
            .map(|t| {
                std::iter::once(&t.name)
                    .chain(&t.keywords)
                    .map(|w| fold(&normalize(w)))
                    .collect()
            })
            .collect();
        Synonyms { groups }
    }

    /// The themes (indexes) a folded search word is the name or a keyword of.
    pub fn of(&self, term: &str) -> Vec<usize> {
        (0..self.groups.len())
            .filter(|&g| self.groups[g].iter().any(|w| w == term))
            .collect()
    }
}

/// The ranks [`rank`] gives: 2 (typed / theme) × 4 zones × 2 (current / finished).
pub(crate) const RANKS: usize = 16;

/// Where one search word is: per measure (by ordinal) the best of its own zones that has it, and per
/// policy whether it has it.
pub(crate) struct WordHits {
    zones: Vec<Option<Zone>>,
    policies: Vec<bool>,
}

impl WordHits {
    /// From the word's documents.
    pub(crate) fn new(docs: &[u32], measures: usize, policies: usize) -> WordHits {
        let mut hits = WordHits {
            zones: vec![None; measures],
            policies: vec![false; policies],
        };
        for &doc in docs {
            match zone_of(doc, measures) {
                Some((zone, m)) => {
                    hits.zones[m] = Some(hits.zones[m].map_or(zone, |z| z.min(zone)))
                }
                None => {
                    if let Some(has) = hits.policies.get_mut(doc as usize - OWN_ZONES * measures) {
                        *has = true;
                    }
                }
            }
        }
        hits
    }
}

/// A measure's rank for a search (lower first, below [`RANKS`]), or `None` when a word does not match
/// it; and the policy (a `Catalog::policies` index) it was found through, when a word was only there.
/// `words[t]` is where term `t` is and `widened[t]` the themes it stands for; the measure is `m`, under
/// `scope` (its primary policies and those above them), with `themes`, of a plan that is `current` or not.
pub(crate) fn rank(
    words: &[WordHits],
    widened: &[Vec<usize>],
    m: usize,
    scope: &[usize],
    themes: &[usize],
    current: bool,
) -> Option<(u8, Option<usize>)> {
    // Without a search, document order.
    if words.is_empty() {
        return Some((0, None));
    }
    let (mut theme_only, mut worst, mut via) = (0, Zone::Name, None);
    for (word, stands_for) in words.iter().zip(widened) {
        let zone = match word.zones[m] {
            Some(zone) => zone,
            None => match scope.iter().find(|&&p| word.policies.get(p) == Some(&true)) {
                Some(&p) => {
                    via = via.or(Some(p));
                    Zone::Structure
                }
                // Only through its theme: ranked as a match in the rest of its text.
                None if themes.iter().any(|t| stands_for.contains(t)) => {
                    theme_only = 1;
                    Zone::Rest
                }
                None => return None,
            },
        };
        worst = worst.max(zone);
    }
    Some((theme_only * 8 + worst as u8 * 2 + u8::from(!current), via))
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLICIES: usize = 2;

    /// Three measures; measure 0 and 1 under policy 0, measure 2 under policy 1.
    const SCOPES: [&[usize]; 3] = [&[0], &[0], &[1]];
    /// Measure 2 has theme 0.
    const THEMES: [&[usize]; 3] = [&[], &[], &[0]];

    fn find(
        hits: &[Vec<u32>],
        widened: &[Vec<usize>],
        current: &[bool],
    ) -> Vec<Option<(u8, Option<usize>)>> {
        let words: Vec<WordHits> = hits
            .iter()
            .map(|docs| WordHits::new(docs, 3, POLICIES))
            .collect();
        (0..3)
            .map(|m| rank(&words, widened, m, SCOPES[m], THEMES[m], current[m]))
            .collect()
    }

    fn ranks(hits: &[Vec<u32>], widened: &[Vec<usize>], current: &[bool]) -> Vec<Option<u8>> {
        find(hits, widened, current)
            .into_iter()
            .map(|r| r.map(|(rank, _)| rank))
            .collect()
    }

    #[test]
    fn a_policy_word_finds_the_measures_under_it_after_their_own_matches() {
        // The word is in measure 2's summary (doc 3 + 2) and in policy 0's name (doc 9 + 0).
        assert_eq!(
            find(&[vec![5, 9]], &[vec![]], &[true; 3]),
            vec![Some((6, Some(0))), Some((6, Some(0))), Some((2, None))]
        );
    }

    #[test]
    fn name_before_summary_before_rest_and_current_plans_first() {
        let hits = [vec![0, 4, 8]];
        assert_eq!(
            ranks(&hits, &[vec![]], &[true; 3]),
            vec![Some(0), Some(2), Some(4)]
        );
        assert_eq!(
            ranks(&hits, &[vec![]], &[false, true, true]),
            vec![Some(1), Some(2), Some(4)]
        );
    }

    #[test]
    fn every_word_must_match_and_the_worst_zone_counts() {
        // Word 1 only in measure 0's rest; word 2 in measures 0 and 1's names.
        assert_eq!(
            ranks(&[vec![6], vec![0, 1]], &[vec![], vec![]], &[true; 3]),
            vec![Some(4), None, None]
        );
    }

    #[test]
    fn a_theme_word_finds_the_themes_measures_after_the_typed_word() {
        // The word in measure 0's name; measure 2 has the theme it stands for.
        assert_eq!(
            ranks(&[vec![0]], &[vec![0]], &[true; 3]),
            vec![Some(0), None, Some(12)]
        );
        assert_eq!(
            ranks(&[vec![0]], &[vec![]], &[true; 3]),
            vec![Some(0), None, None]
        );
    }

    #[test]
    fn a_document_past_every_policy_is_ignored_not_a_panic() {
        assert_eq!(
            ranks(&[vec![0, 11, u32::MAX]], &[vec![]], &[true; 3]),
            vec![Some(0), None, None]
        );
    }

    #[test]
    fn a_word_stands_for_the_themes_it_names() {
        let theme = |name: &str, keywords: &[&str]| Theme {
            id: name.into(),
            name: name.into(),
            name_en: String::new(),
            keywords: keywords.iter().map(|k| k.to_string()).collect(),
            exclude: vec![],
            note: None,
        };
        let identity = |s: &str| s.to_string();
        let synonyms = Synonyms::new(
            &[
                theme("オンライン申請", &["電子申請"]),
                theme("RPA・AI", &["RPA", "AI"]),
            ],
            &identity,
        );
        assert_eq!(synonyms.of(&fold("電子申請")), vec![0]);
        assert_eq!(synonyms.of(&fold("オンライン申請")), vec![0], "its name");
        assert_eq!(synonyms.of("ai"), vec![1]);
        assert!(
            synonyms.of(&fold("申請")).is_empty(),
            "a part of a keyword is not the keyword"
        );
    }
}
