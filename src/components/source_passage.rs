//! The cited line of a seed, with some context, fetched on request: the seeds are not part of the first view.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::state::use_explorer;

/// `file`, line `line`, and a button that shows the lines around it.
#[component]
pub fn SourcePassage(file: String, line: u32) -> impl IntoView {
    let explorer = use_explorer();
    let t = explorer.texts();
    let excerpt: RwSignal<Option<Result<Vec<(u32, String)>, ()>>> = RwSignal::new(None);
    let open = RwSignal::new(false);
    let url = format!("data/sources/{file}");
    // Several passages can be on one page (the evidence of a forecast).
    let id = format!(
        "source-{}-{line}",
        file.split('.').next().unwrap_or_default()
    );
    let toggle = move |_| {
        open.update(|o| *o = !*o);
        if open.get_untracked() && excerpt.get_untracked().is_none() {
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
        <p>
            {format!("{} {}", file, (t.line)(line))}" "
            <button type="button" class="button small" aria-expanded=move || open.get().to_string() aria-controls=id.clone() on:click=toggle>
                {move || if open.get() { t.hide_source } else { t.read_source }}
            </button>
        </p>
        <div id=id.clone() hidden=move || !open.get()>
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
        </div>
    }
}
