//! Notes are written in Japanese (issue 13, PRODUCT.md §8): the Japanese view shows them, and the English
//! view shows them as the Japanese they are, marked `lang="ja"`. Notes once written in English, in whole or in
//! part, were shown in English inside the Japanese view; this check finds any that come back.
//!
//! A note is English when it has four Latin words in a row outside its 「」 quotations: field names
//! (`cumulative = false`), codes (No32, ICT) and the odd word (AI, Web) never run to four.

/// `file:line` errors for each note (`note = "…"`, or an entry of `notes = […]`) of a plan or themes file
/// that has a sentence in English.
///
/// ```
/// let text = "notes = [\"施策は推定。\"]\n[[measures]]\nnote = \"Summary: the paragraph at line 197.\"\n";
/// assert_eq!(
///     plan_data::notes::english_notes("p.toml", text),
///     ["p.toml:3: note: 「Summary: the paragraph at line 197.」 has a sentence in English (\"Summary: the paragraph at\"). \
///       Notes are shown in the Japanese view: write it in Japanese, keeping field names, codes and quotations as they are (docs/DATA.md, Notes)."],
/// );
/// ```
pub fn english_notes(name: &str, text: &str) -> Vec<String> {
    let Ok(file) = text.parse::<toml::Table>().map(toml::Value::Table) else {
        return Vec::new();
    };
    let mut notes = Vec::new();
    collect(&file, &mut notes);
    notes
        .into_iter()
        .filter_map(|note| {
            let words = english_run(note)?;
            let escaped = note.replace('\\', "\\\\").replace('"', "\\\"");
            let line = text.find(&escaped).map_or(1, |at| crate::locate::line_of_offset(text, at));
            Some(format!(
                "{name}:{line}: note: 「{note}」 has a sentence in English (\"{words}\"). Notes are shown in the Japanese \
                 view: write it in Japanese, keeping field names, codes and quotations as they are (docs/DATA.md, Notes)."
            ))
        })
        .collect()
}

fn collect<'a>(value: &'a toml::Value, notes: &mut Vec<&'a str>) {
    match value {
        toml::Value::Table(table) => {
            for (key, value) in table {
                match (key.as_str(), value) {
                    ("note", toml::Value::String(note)) => notes.push(note),
                    ("notes", toml::Value::Array(list)) => notes.extend(list.iter().filter_map(toml::Value::as_str)),
                    _ => collect(value, notes),
                }
            }
        }
        toml::Value::Array(list) => list.iter().for_each(|v| collect(v, notes)),
        _ => {}
    }
}

/// The first four Latin words in a row outside 「」, if there are.
fn english_run(note: &str) -> Option<String> {
    const RUN: usize = 4;
    let mut depth = 0usize;
    let mut run = String::new();
    let mut words = 0;
    let mut in_word = false;
    for c in note.chars() {
        match c {
            '「' => depth += 1,
            '」' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > 0 || c == '」' {
            (words, in_word) = (0, false);
            run.clear();
        } else if c.is_ascii_alphabetic() || (in_word && matches!(c, '\'' | '’' | '-')) {
            if !in_word {
                words += 1;
                in_word = true;
            }
            run.push(c);
        } else if matches!(c, ' ' | ',' | ';' | ':' | '(' | ')') && words > 0 {
            in_word = false;
            run.push(c);
        } else {
            (words, in_word) = (0, false);
            run.clear();
        }
        if words == RUN && !in_word {
            return Some(run.trim_end_matches([' ', ',', ';', ':', '(', ')']).to_string());
        }
    }
    (words >= RUN).then(|| run.trim_end_matches([' ', ',', ';', ':', '(', ')']).to_string())
}

#[cfg(test)]
mod tests {
    use super::english_run;

    #[test]
    fn field_names_codes_and_quotations_are_not_english() {
        assert_eq!(english_run("年度別の値は各年度の回数で累計ではない（cumulative = false）。"), None);
        assert_eq!(english_run("summary は152・154〜155行目。"), None);
        assert_eq!(english_run("AI という新技術の庁内導入として、No40（RPA）と同じ⑤とした。"), None);
        assert_eq!(english_run("印字は「Plan Do Check Act」のとおり。"), None);
    }

    #[test]
    fn an_english_sentence_is_found_after_japanese_too() {
        assert_eq!(english_run("推定。The name is broken over lines 4285-4295.").as_deref(), Some("The name is broken"));
        assert_eq!(english_run("主管課 is printed as 「会計管理室ほか」").as_deref(), None);
        assert_eq!(english_run("The trailing 「ほか」 is not a department name").as_deref(), Some("is not a department"));
    }
}
