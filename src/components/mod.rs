pub mod error_panel;
pub mod loading;
