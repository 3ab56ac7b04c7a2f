//! The start page: the wards and their plans, and topics to start from. Needs only `index.json`.
//! With many municipalities (other cities adding their plans, issue 17) it shows the first few and a box
//! that finds one by typing its name; the filtering hides cards in the page rather than rendering again.

use std::sync::Arc;

use leptos::prelude::*;
use plan_core::PlanIndex;
use plan_core::query::{Query, View};

use crate::components::link::QueryLink;
use crate::i18n::{fiscal_year, texts};
use crate::state::use_nav;

/// Municipalities shown before any name is typed, when there are more.
const WARDS_AT_ONCE: usize = 12;

#[component]
pub fn StartView(index: Arc<PlanIndex>) -> impl IntoView {
    let nav = use_nav();
    let base = nav.query.get_untracked();
    let lang = base.lang;
    let t = texts(lang);
    let mut wards: Vec<(String, Vec<usize>)> = Vec::new();
    for (i, plan) in index.plans.iter().enumerate() {
        match wards.iter_mut().find(|(name, _)| *name == plan.municipality.name) {
            Some((_, plans)) => plans.push(i),
            None => wards.push((plan.municipality.name.clone(), vec![i])),
        }
    }
    let topics = t
        .topics
        .iter()
        .map(|topic| {
            let to = Query { q: topic.to_string(), view: Some(View::List), ..base.clone() };
            view! { <li><QueryLink to class="chip topic">{*topic}</QueryLink></li> }
        })
        .collect_view();
    let total = wards.len();
    let ward_cards = wards
        .into_iter()
        .enumerate()
        .map(|(at, (ward, plans))| {
            let items = plans
                .into_iter()
                .map(|i| {
                    let plan = &index.plans[i];
                    let period = format!("{} – {}", fiscal_year(lang, plan.period.from), fiscal_year(lang, plan.period.to));
                    let to = Query { plans: vec![plan.id.clone()], view: Some(View::Tree), ..base.clone() };
                    let title = plan.title.clone();
                    view! {
                        <li data-plan-id=plan.id.clone()>
                            <QueryLink to class="plan-link">{title}</QueryLink>
                            <p class="plan-meta">
                                <span class="chip">{plan.status.clone()}</span>
                                <span>{t.period}": "{period}</span>
                                <span>{(t.measures_count)(plan.measures)}</span>
                            </p>
                        </li>
                    }
                })
                .collect_view();
            let folded = plan_core::text::fold(&crate::url::nfkc(&ward));
            let beyond = at >= WARDS_AT_ONCE;
            view! {
                <section class="ward-card" id=format!("ward-{at}") data-ward=folded hidden=beyond>
                    <h3>{ward}</h3>
                    <ul class="plan-list">{items}</ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="topics-title">
            <h2 id="topics-title">{t.topics_heading}</h2>
            <ul class="topics">{topics}</ul>
        </section>
        <section aria-labelledby="wards-title">
            <h2 id="wards-title">{t.wards_heading}</h2>
            {(total > WARDS_AT_ONCE).then(|| view! {
                <div class="ward-finder">
                    <label for="ward-finder">{t.find_ward}</label>
                    <input id="ward-finder" type="search" autocomplete="off" on:input=move |ev| show_wards(&event_target_value(&ev), total, lang)/>
                    <p class="hint" id="ward-finder-status" role="status">{(t.wards_shown)(WARDS_AT_ONCE, total)}</p>
                </div>
            })}
            <div class="wards">{ward_cards}</div>
        </section>
    }
}

/// Shows the first [`WARDS_AT_ONCE`] municipalities whose name has every typed word (folded as a search
/// is), hides the others, and says how many match.
fn show_wards(typed: &str, total: usize, lang: plan_core::query::Lang) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let words = plan_core::text::terms(typed, &crate::url::nfkc);
    let mut matching = 0;
    for at in 0..total {
        let Some(card) = document.get_element_by_id(&format!("ward-{at}")) else { continue };
        let name = card.get_attribute("data-ward").unwrap_or_default();
        let matches = words.iter().all(|w| name.contains(w.as_str()));
        if matches && matching < WARDS_AT_ONCE {
            card.remove_attribute("hidden").ok();
        } else {
            card.set_attribute("hidden", "").ok();
        }
        matching += usize::from(matches);
    }
    if let Some(status) = document.get_element_by_id("ward-finder-status") {
        status.set_text_content(Some(&(texts(lang).wards_shown)(matching.min(WARDS_AT_ONCE), matching)));
    }
}
