//! A long table drawn a group of rows at a time, each group in a task of its own, so that no one task runs
//! long (issue 14): drawn at once, the simulation's indicator table (49 rows) was one task, and a tap in
//! that time waits. Each group is drawn once, where [`crate::tasks::grow`] draws the list again at each
//! step: better for a table in a view that is made again at each change anyway, but a use of it measured
//! about 2 KB of wasm (gzip), which the resident bundle's timeline can't spare (README, Size).
//!
//! ```ignore
//! let (rows, drawing) = in_groups(items, 8, move |group: &[Item]| view! { <tbody>…</tbody> }.into_any());
//! view! { <table aria-busy=move || drawing().then_some("true")>{rows}</table> }
//! ```

use leptos::prelude::*;

use crate::tasks::next_task;

/// `items` drawn by `draw`, `per_task` at a time; with whether groups are still to come (tracked).
pub fn in_groups<T, D>(items: Vec<T>, per_task: usize, draw: D) -> (impl IntoView + use<T, D>, impl Fn() -> bool + Copy + Send + Sync + 'static)
where
    T: Clone + Send + Sync + 'static,
    D: Fn(&[T]) -> AnyView + Clone + Send + Sync + 'static,
{
    let groups = items.len().div_ceil(per_task);
    let drawn = RwSignal::new(groups.min(1));
    leptos::task::spawn_local(async move {
        for more in 2..=groups {
            next_task().await;
            // The list was drawn again or taken off: its groups are another call's now.
            if drawn.try_set(more).is_some() {
                return;
            }
        }
    });
    let view = items
        .chunks(per_task)
        .enumerate()
        .map(|(group, chunk)| {
            let (chunk, draw) = (chunk.to_vec(), draw.clone());
            move || (group < drawn.get()).then(|| draw(&chunk))
        })
        .collect_view();
    (view, move || drawn.get() < groups)
}
