//! plan-explorer in the browser. Two bundles are built from this library (ARCHITECTURE.md, Bundles):
//! the resident bundle (`src/main.rs`), which every first view loads, and the staff bundle
//! (`src/bin/staff.rs`), which adds the simulation and the staff tools and is loaded on demand.
//! The app lives in `app.rs`, pages in `views/`, shared pieces in `components/`, and all logic that
//! can be plain Rust in the `plan-core` crate.

pub mod app;
pub mod bundle;
mod components;
mod data;
mod english;
mod i18n;
mod local;
pub mod panic;
mod parts;
mod place;
mod state;
mod tasks;
mod url;
mod views;
