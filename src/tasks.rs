//! Letting the browser run its other tasks (drawing, input) before going on, so that no one task of ours
//! runs long: a task over 50 ms keeps a tap from being answered, and counts as blocking time in
//! Lighthouse. Used before the app is mounted and between a view's data arriving and its drawing
//! (`app.rs`), and between the simulation's slices (`views/sim.rs`).
//!
//! ```ignore
//! tasks::next_task().await;
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
