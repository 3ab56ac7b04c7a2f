//! A real link to another view state: it works with a middle click, "open in new tab" and without
//! JavaScript's help, and a plain click moves within the page (pushing a history entry).

use leptos::prelude::*;
use plan_core::query::Query;

use crate::state::use_nav;
use crate::url::{self, History};

#[component]
pub fn QueryLink(
    to: Query,
    children: Children,
    #[prop(optional, into)] class: String,
    #[prop(optional)] current: bool,
) -> impl IntoView {
    let nav = use_nav();
    let href = url::href(&to);
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
            return;
        }
        ev.prevent_default();
        crate::place::leave();
        nav.navigate(to.clone(), History::Push);
        if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
    };
    view! {
        <a href=href class=class aria-current=current.then_some("page") on:click=on_click>{children()}</a>
    }
}
