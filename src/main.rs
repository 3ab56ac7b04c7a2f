//! The resident bundle: every view but the simulation and the staff tools, which it hands over to the
//! staff bundle when asked for them (`bundle.rs`).

use plan_explorer::{app, bundle::Bundle, panic};

fn main() {
    panic::install();
    app::mount(Bundle::resident());
}
