//! Text as printed, with the search words marked.

use leptos::prelude::*;
use plan_core::text::highlight_ranges;

#[component]
pub fn Highlight(text: String, terms: Vec<String>) -> impl IntoView {
    let ranges = highlight_ranges(&text, &terms);
    let mut parts = Vec::new();
    let mut at = 0;
    for (start, end) in ranges {
        parts.push(view! { {text[at..start].to_string()} }.into_any());
        parts.push(view! { <mark>{text[start..end].to_string()}</mark> }.into_any());
        at = end;
    }
    parts.push(view! { {text[at..].to_string()} }.into_any());
    parts.collect_view()
}
