//! A panic anywhere shows a visible message instead of a frozen page.
//! The message goes into `#fatal`, a static element of index.html that needs no Leptos to show.

use wasm_bindgen::JsCast;

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        // Where, not what: the message's formatting (console_error_panic_hook) cost 0.7 KB gzip of wasm.
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        web_sys::console::error_1(&format!("plan-explorer panicked at {place}").into());
        show_fatal();
    }));
}

fn show_fatal() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(fatal) = document
        .get_element_by_id("fatal")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        fatal.set_hidden(false);
    }
    if let Some(app) = document.get_element_by_id("app") {
        app.set_attribute("aria-hidden", "true").ok();
    }
}
