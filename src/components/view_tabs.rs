//! Switches between the views of the same filtered measures. Links, so each view has its own URL.

use leptos::prelude::*;
use plan_core::query::{Query, View};

use crate::components::link::QueryLink;
use crate::state::use_explorer;

#[component]
pub fn ViewTabs() -> impl IntoView {
    move || {
        let explorer = use_explorer();
        let t = explorer.texts();
        let current = explorer.query.get();
        let active = current.effective_view().unwrap_or(View::List);
        let tabs = [
            (View::List, t.view_list),
            (View::Tree, t.view_tree),
            (View::Timeline, t.view_timeline),
            (View::Compare, t.view_compare),
            (View::Sim, t.view_sim),
        ];
        view! {
            <nav class="tabs" aria-label=t.views_label>
                <ul>
                    {tabs
                        .into_iter()
                        .map(|(view, label)| {
                            let to = Query { view: Some(view), measure: None, ..current.clone() };
                            view! { <li><QueryLink to current=view == active>{label}</QueryLink></li> }
                        })
                        .collect_view()}
                </ul>
            </nav>
        }
    }
}
