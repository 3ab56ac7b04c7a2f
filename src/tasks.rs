//! Letting the browser run its other tasks (drawing, input) before going on, so that no one task of ours
//! runs long: a task over 50 ms keeps a tap from being answered, and counts as blocking time in
//! Lighthouse. Used before the app is mounted and between a view's data arriving and its drawing
//! (`app.rs`), between the simulation's slices (`views/sim.rs`), and to draw a long list a few items at a
//! time ([`grow`]).
//!
//! ```ignore
//! tasks::next_task().await;
//! tasks::grow(shown, 50, 10); // views/timeline.rs: from 10 cards drawn, 20, … 50, a task each
//! ```

/// Resolves in a task of its own. A message to itself, not a zero-delay timer: browsers hold back by 4 ms
/// a timer set from a timer's task, which made the results at 10,000 draws come 258 ms after a change
/// instead of 161 (scripts/bench-sim.mjs).
pub async fn next_task() {
    let Ok(channel) = web_sys::MessageChannel::new() else { return };
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        channel.port1().set_onmessage(Some(&resolve));
        let _ = channel.port2().post_message(&wasm_bindgen::JsValue::NULL);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Draws a list `step` more items at a time, a task each, by raising `shown` (how many its view draws) until
/// `full` (issue 14): a plan's timeline, drawn at once, blocked a phone for a median 110–157 ms as it started
/// (scripts/bench-start.mjs), 59–76 ms drawn so and laid out as it comes near (`style/app.css`).
pub fn grow(shown: leptos::prelude::RwSignal<usize>, full: usize, step: usize) {
    use leptos::prelude::*;
    leptos::task::spawn_local(async move {
        loop {
            next_task().await;
            // Done, or the view is gone, or the reader's 「もっと見る」 has already drawn more.
            match shown.try_get_untracked() {
                Some(now) if now < full => shown.set((now + step).min(full)),
                _ => return,
            }
        }
    });
}
