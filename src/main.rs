//! plan-explorer in the browser: only mounts. The app lives in `app.rs`, pages in `views/`,
//! shared pieces in `components/`, and all logic that can be plain Rust in the `plan-core` crate.

mod app;
mod components;
mod data;
mod i18n;
mod local;
mod panic;
mod state;
mod url;
mod views;

fn main() {
    panic::install();
    app::mount();
}
