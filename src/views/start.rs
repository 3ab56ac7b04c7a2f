//! The start page: the wards and their plans, and topics to start from. Needs only `index.json`.

use std::sync::Arc;

use leptos::prelude::*;
use plan_core::PlanIndex;
use plan_core::query::{Query, View};

use crate::components::link::QueryLink;
use crate::i18n::{fiscal_year, texts};
use crate::state::use_nav;

/// Topics residents ask about most (PRODUCT.md §1); each is a search.
const TOPICS: [&str; 6] = ["マイナンバー", "窓口", "オンライン申請", "子育て", "防災", "キャッシュレス"];

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
    let topics = TOPICS
        .iter()
        .map(|topic| {
            let to = Query { q: topic.to_string(), view: Some(View::List), ..base.clone() };
            view! { <li><QueryLink to class="chip topic">{*topic}</QueryLink></li> }
        })
        .collect_view();
    let ward_cards = wards
        .into_iter()
        .map(|(ward, plans)| {
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
            view! {
                <section class="ward-card">
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
            <div class="wards">{ward_cards}</div>
        </section>
    }
}
