//! Finds the line of a plan file, or of the themes file, that an issue is about, so that errors name
//! `file:line`. Plan files declare every item with `id = "<local id>"`, and every dated value with
//! `fy = <year>`; themes declare `id = "<theme id>"`. The search walks from the item's declaration down to
//! the field.

pub fn line_of_offset(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// The best line for `field` of `item` (a dataset id) in plan `plan`; 1 when nothing matches.
pub fn line_of_issue(text: &str, plan: &str, item: &str, field: &str) -> usize {
    let lines: Vec<&str> = text.lines().collect();
    let local = item.strip_prefix(plan).and_then(|s| s.strip_prefix('.')).unwrap_or(item);
    let mut at = find(&lines, 0, &format!("id = \"{local}\"")).unwrap_or(0);
    for segment in field.split('.') {
        let (name, key) = match segment.split_once('[') {
            Some((name, key)) => (name, Some(key.trim_end_matches(']'))),
            None => (segment, None),
        };
        let declarations = [format!("{name} ="), format!("{name}]]"), format!("{name}.")];
        if let Some(found) = declarations.iter().filter_map(|d| find(&lines, at, d)).min() {
            at = found;
        }
        if let Some(key) = key {
            let needles = [format!("id = \"{key}\""), format!("fy = {key}"), format!("label = \"{key}\""), format!("grade = \"{key}\"")];
            if let Some(found) = needles.iter().filter_map(|n| find(&lines, at, n)).min() {
                at = found;
            }
        }
    }
    at + 1
}

fn find(lines: &[&str], from: usize, needle: &str) -> Option<usize> {
    lines.iter().enumerate().skip(from).find(|(_, l)| l.contains(needle)).map(|(i, _)| i)
}
