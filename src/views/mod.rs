//! One page per module. Each renders from the shared `Explorer` state.

pub mod compare;
pub mod list;
pub mod measure;
pub mod sim;
pub mod start;
pub mod timeline;
pub mod tree;
