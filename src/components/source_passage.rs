//! The cited line of a seed, with some context, fetched on request: the seeds are not part of the first view.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::state::use_explorer;

/// A disclosure, `summary` (「原文を読む」 unless given), holding `children` (a page's notes, issue 13), then
/// `file` and line `line`, and the lines around it, fetched the first time it opens: one tap shows the passage.
///
/// ```ignore
/// view! { <SourcePassage file line summary=t.notes><p lang="ja">{note}</p></SourcePassage> }
/// ```
#[component]
pub fn SourcePassage(
    file: String,
    line: u32,
    #[prop(optional)] summary: Option<&'static str>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let explorer = use_explorer();
    let t = explorer.texts();
    let excerpt: RwSignal<Option<Result<Vec<(u32, String)>, ()>>> = RwSignal::new(None);
    let url = format!("data/sources/{file}");
    // `toggle` fires on closing too; the excerpt is asked for once.
    let asked = StoredValue::new(false);
    let toggle = move |_| {
        if !asked.get_value() {
            asked.set_value(true);
            let url = url.clone();
            spawn_local(async move {
                let text = crate::data::fetch_text(&url).await.ok();
                let lines = text.map(|text| {
                    let first = line.saturating_sub(4).max(1);
                    text.lines()
                        .enumerate()
                        .map(|(i, l)| (i as u32 + 1, l.to_string()))
                        .filter(|(n, _)| (first..first + 16).contains(n))
                        .collect()
                });
                excerpt.set(Some(lines.ok_or(())));
            });
        }
    };
    let label = (t.source_excerpt)(&file, line);
    view! {
        <details class="source-notes" on:toggle=toggle>
            <summary>{summary.unwrap_or(t.read_source)}</summary>
            {children.map(|c| c())}
            <p>{t.source}": "{format!("{} {}", file, (t.line)(line))}</p>
            {move || match excerpt.get() {
                None => view! { <p role="status">{t.source_loading}</p> }.into_any(),
                Some(Err(())) => view! { <p role="alert">{t.source_failed}</p> }.into_any(),
                Some(Ok(lines)) => view! {
                    <figure class="source">
                        <figcaption>{label.clone()}</figcaption>
                        <pre lang="ja">
                            {lines.into_iter().map(|(n, text)| {
                                let cited = n == line;
                                let content = format!("{n:>5}  {text}\n");
                                if cited {
                                    view! { <mark aria-label=t.cited_line>{content}</mark> }.into_any()
                                } else {
                                    view! { <span>{content}</span> }.into_any()
                                }
                            }).collect_view()}
                        </pre>
                    </figure>
                }.into_any(),
            }}
        </details>
    }
}
