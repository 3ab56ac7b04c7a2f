//! The staff bundle: the whole app, with the simulation and the staff tools (export, embed code,
//! import of actuals). Loaded on demand by the resident bundle, or first for a link to the simulation.

use plan_explorer::{app, bundle::Bundle, panic};

fn main() {
    panic::install();
    app::mount(Bundle::staff());
}
