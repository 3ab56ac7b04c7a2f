//! The cited line of a seed, with some context, fetched on request: the seeds are not part of the first view.

use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::state::use_explorer;

#[derive(Clone)]
enum Seed {
    Reading,
    Read(Arc<str>),
    Failed,
}

thread_local! {
    /// Each seed's text, shared by every passage of it, and kept when a passage is drawn again. A page is
    /// drawn again when its data changes (the English of departments arriving, another plan, another tab's
    /// actuals), in place, so an open disclosure stays open: with the text held by the passage, it showed
    /// "loading" from then on (the CI run of 3005246).
    static SEEDS: RefCell<Vec<(String, ArcRwSignal<Option<Seed>>)>> = RefCell::default();
}

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
    let url = format!("data/sources/{file}");
    let seed = SEEDS.with(|seeds| {
        let mut seeds = seeds.borrow_mut();
        if let Some((_, seed)) = seeds.iter().find(|(u, _)| *u == url) {
            return seed.clone();
        }
        seeds.push((url.clone(), ArcRwSignal::new(None)));
        seeds[seeds.len() - 1].1.clone()
    });
    let reader = seed.clone();
    // `toggle` fires on closing too: a seed is asked for once, and again only after a failure.
    let toggle = move |_| {
        if matches!(reader.get_untracked(), None | Some(Seed::Failed)) {
            reader.set(Some(Seed::Reading));
            let (url, reader) = (url.clone(), reader.clone());
            spawn_local(async move {
                let text = crate::data::fetch_text(&url).await;
                reader.set(Some(text.map_or(Seed::Failed, |text| Seed::Read(text.into()))));
            });
        }
    };
    let label = (t.source_excerpt)(&file, line);
    view! {
        <details class="source-notes" on:toggle=toggle>
            <summary>{summary.unwrap_or(t.read_source)}</summary>
            {children.map(|c| c())}
            <p>{t.source}": "{format!("{} {}", file, (t.line)(line))}</p>
            {move || match seed.get() {
                None | Some(Seed::Reading) => view! { <p role="status">{t.source_loading}</p> }.into_any(),
                Some(Seed::Failed) => view! { <p role="alert">{t.source_failed}</p> }.into_any(),
                Some(Seed::Read(text)) => view! {
                    <figure class="source">
                        <figcaption>{label.clone()}</figcaption>
                        <pre lang="ja">
                            {around(&text, line).map(|(n, text)| {
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

/// The 16 lines from four before `line` (lines are numbered from 1), with their numbers.
fn around(text: &str, line: u32) -> impl Iterator<Item = (u32, &str)> {
    let first = line.saturating_sub(4).max(1);
    (first..).zip(text.lines().skip(first as usize - 1)).take(16)
}
