//! Where the reader was in a list (issue 13): Back and 「一覧に戻る」 return to the same scroll position
//! with as many results shown. One place, in memory for this page: a link that leaves a list records it
//! ([`leave`]), and a list made again at that URL returns to it ([`find`]) until the reader leaves a list
//! again. Kept, not taken: the list may be made twice on the way back (once more when its data has loaded).
//!
//! ```ignore
//! place::leave();                         // components/link.rs, before moving
//! let back = place::find();               // views/list.rs, when the list is made
//! ```

use std::cell::RefCell;

use wasm_bindgen::JsCast;

thread_local! {
    /// (the list's URL, scroll position, results shown).
    static PLACE: RefCell<Option<(String, f64, u32)>> = const { RefCell::new(None) };
}

/// Records where the reader is, if a list of measures is on the page: called before a link moves elsewhere.
pub fn leave() {
    let Some(window) = web_sys::window() else { return };
    let Some(list) = window.document().and_then(|d| d.query_selector("ul.measures").ok().flatten()) else { return };
    let here = window.location().search().unwrap_or_default();
    let place = (here, window.scroll_y().unwrap_or_default(), list.child_element_count());
    PLACE.with(|p| *p.borrow_mut() = Some(place));
}

/// The place recorded for the list at this URL: (scroll position, results shown).
pub fn find() -> Option<(f64, usize)> {
    let here = web_sys::window()?.location().search().ok()?;
    PLACE.with(|p| p.borrow().as_ref().filter(|(url, ..)| *url == here).map(|&(_, y, shown)| (y, shown as usize)))
}

/// Scrolls to `y` once the page has laid out the list.
pub fn scroll_to(y: f64) {
    let Some(window) = web_sys::window() else { return };
    let later = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, y);
        }
    });
    let _ = window.request_animation_frame(later.unchecked_ref());
}
