//! The English resident bundle: the resident bundle with the UI in English and the plans' English
//! (`english.rs`). The start script starts it for `lang=en`; the language switch loads the Japanese one.

use plan_explorer::{app, bundle::Bundle, panic};

fn main() {
    panic::install();
    app::mount(Bundle::resident_english());
}
