//! Folding Japanese text for search, so that ＲＰＡ finds rpa and マイナンバー finds まいなんばー.
//!
//! Unicode NFKC (full-width ↔ half-width, ｶﾀｶﾅ → カタカナ, ① → 1) is the caller's job, because the browser
//! has it built in (`String.prototype.normalize`) and bundling its tables would cost tens of kilobytes.
//! Callers pass it in as a [`Normalizer`]; native tests use the `unicode-normalization` crate.
//! After NFKC, [`fold`] lowercases, maps katakana to hiragana and drops white space and control characters.
//!
//! ```
//! use plan_core::text::fold;
//! assert_eq!(fold("RPA の 活用"), "rpaの活用");
//! assert_eq!(fold("マイナンバーカード"), "まいなんばーかーど");
//! ```

/// Unicode NFKC normalisation, supplied by the caller (the browser's `String.normalize("NFKC")`).
pub type Normalizer<'a> = &'a dyn Fn(&str) -> String;

/// Lowercase, katakana → hiragana, no white space and no control characters. Expects NFKC-normalised input.
pub fn fold(normalized: &str) -> String {
    fold_fields(normalized, None)
}

/// [`fold`] for several fields in one text, split by `separator`, which stays (one loop for both: fewer
/// bytes of wasm).
///
/// Through the browser, each call of a [`Normalizer`] copies its text into JavaScript and back: called
/// for each field, about 2,000 for 北区's plan, the copies took half of the catalog's start-up
/// (ARCHITECTURE.md, Decisions, Use the browser). So a measure's fields are joined by a control character, normalised in one
/// call, and folded here: NFKC never changes, reorders or composes across a control character.
///
/// ```
/// use plan_core::text::{fold, fold_fields};
/// assert_eq!(fold_fields("ＲＰＡ\u{1}マイナンバー", Some('\u{1}')), format!("{}\u{1}{}", fold("ＲＰＡ"), fold("マイナンバー")));
/// ```
pub fn fold_fields(normalized: &str, separator: Option<char>) -> String {
    let mut folded = String::new();
    for c in normalized.chars() {
        if Some(c) == separator {
            folded.push(c);
        } else {
            folded.extend(fold_char(c));
        }
    }
    folded
}

/// One character folded: the per-character half of [`fold`], for mapping matches back onto the
/// text as printed (highlighting). White space folds to nothing, and so do control characters: nobody
/// types them, and the searchable text separates its fields with one (`explore`), which a query must not
/// match across.
pub fn fold_char(c: char) -> impl Iterator<Item = char> {
    let kana = match c {
        // Katakana ァ..ヶ and ヽヾ sit 0x60 above their hiragana.
        'ァ'..='ヶ' | 'ヽ' | 'ヾ' => char::from_u32(c as u32 - 0x60),
        // Full-width ASCII, for text that was not NFKC-normalised (highlighting the printed text).
        '！'..='～' => char::from_u32(c as u32 - 0xFEE0),
        _ => None,
    };
    let base = if c.is_whitespace() || c.is_control() { None } else { Some(kana.unwrap_or(c)) };
    // ASCII only: after NFKC, Latin letters are ASCII, and full Unicode case tables cost ~10 KB of wasm.
    base.into_iter().map(|c| c.to_ascii_lowercase())
}

/// The words of a query, each normalised and folded; several words narrow the result.
pub fn terms(query: &str, normalize: Normalizer) -> Vec<String> {
    normalize(query).split_whitespace().map(fold).filter(|t| !t.is_empty()).collect()
}

/// Byte ranges of `printed` where any of the folded `terms` occur, merged and in order: for `<mark>`.
pub fn highlight_ranges(printed: &str, terms: &[String]) -> Vec<(usize, usize)> {
    if terms.is_empty() {
        return vec![];
    }
    // The folded text, and for each of its chars the byte range of the printed char it came from.
    let mut folded = String::new();
    let mut origin: Vec<(usize, usize)> = vec![];
    for (start, c) in printed.char_indices() {
        let end = start + c.len_utf8();
        for f in fold_char(c) {
            folded.push(f);
            origin.extend(std::iter::repeat_n((start, end), f.len_utf8()));
        }
    }
    // Each printed byte marked or not, then read in order: no sort, whose code the wasm would carry (1 KB).
    let mut marked = vec![false; printed.len()];
    for term in terms {
        for (i, m) in folded.match_indices(term.as_str()) {
            marked[origin[i].0..origin[i + m.len() - 1].1].fill(true);
        }
    }
    let mut merged: Vec<(usize, usize)> = vec![];
    for (at, _) in marked.iter().enumerate().filter(|(_, on)| **on) {
        match merged.last_mut() {
            Some(last) if last.1 == at => last.1 = at + 1,
            _ => merged.push((at, at + 1)),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nfkc(s: &str) -> String {
        use unicode_normalization::UnicodeNormalization;
        s.nfkc().collect()
    }

    #[test]
    fn full_width_latin_matches_half_width_any_case() {
        assert_eq!(terms("ＲＰＡ", &nfkc), terms("rpa", &nfkc));
    }

    #[test]
    fn katakana_matches_hiragana_and_half_width_katakana() {
        assert_eq!(terms("マイナンバー", &nfkc), terms("まいなんばー", &nfkc));
        assert_eq!(terms("ﾏｲﾅﾝﾊﾞｰ", &nfkc), terms("まいなんばー", &nfkc));
    }

    #[test]
    fn ideographic_space_separates_words() {
        assert_eq!(terms("窓口　キャッシュレス", &nfkc), vec!["窓口".to_string(), "きゃっしゅれす".to_string()]);
    }

    #[test]
    fn highlight_maps_back_to_the_printed_text() {
        let printed = "ＲＰＡ事業の拡大";
        let ranges = highlight_ranges(printed, &terms("rpa", &nfkc));
        assert_eq!(ranges.len(), 1);
        assert_eq!(&printed[ranges[0].0..ranges[0].1], "ＲＰＡ");
        let kana = "マイナンバーカードの交付";
        let r = highlight_ranges(kana, &terms("まいなんばー", &nfkc));
        assert_eq!(&kana[r[0].0..r[0].1], "マイナンバー");
    }

    proptest::proptest! {
        /// Guards the catalog's start-up, which normalises a measure's fields in one call: the same text as
        /// normalising and folding each alone, whatever they hold (combining marks at either end, the
        /// characters NFKC changes).
        #[test]
        fn fields_normalised_together_fold_as_each_alone(parts in proptest::collection::vec("(\\PC|[\u{3099}\u{301}ｶﾞ①　])*", 1..6)) {
            let each: Vec<String> = parts.iter().map(|p| fold(&nfkc(p))).collect();
            proptest::prop_assert_eq!(fold_fields(&nfkc(&parts.join("\u{1}")), Some('\u{1}')), each.join("\u{1}"));
        }
    }

    #[test]
    fn overlapping_matches_merge() {
        let printed = "オンライン申請";
        let r = highlight_ranges(printed, &["おんら".to_string(), "らいん".to_string()]);
        assert_eq!(r, vec![(0, "オンライン".len())]);
    }
}
