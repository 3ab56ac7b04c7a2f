pub mod error_panel;
pub mod facets;
pub mod highlight;
pub mod link;
pub mod loading;
pub mod measure_card;
pub mod search_box;
pub mod view_tabs;
