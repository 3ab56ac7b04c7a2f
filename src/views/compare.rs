//! The same themes across wards, side by side (stacked on a phone). Themes and their rules are data
//! (`seeds/themes.toml`); the core assigns them, so a new plan gets themes without code.

use leptos::prelude::*;
use plan_core::query::Query;

use crate::components::link::QueryLink;
use crate::parts::Level;
use crate::state::use_explorer;

/// Wards compared at once across plans, when each plan's names load as they are shown ([`crate::parts`]).
/// Three: the real data's three wards on one page, and on a phone three stacked columns per theme. With
/// four, the English compare view at 16 times the plans read 252.7 KB (README, Size).
const WARDS_PAGE: usize = 3;

#[component]
pub fn CompareView() -> impl IntoView {
    let shown = RwSignal::new(WARDS_PAGE);
    move || {
        let explorer = use_explorer();
        let t = explorer.texts();
        let lang = explorer.lang();
        let query = explorer.query.get();
        let results = explorer.results.get();
        let dataset = explorer.dataset();
        let mut wards: Vec<&str> = Vec::new();
        for plan in &dataset.plans {
            if !wards.contains(&plan.municipality.name.as_str()) {
                wards.push(&plan.municipality.name);
            }
        }
        let all_wards = wards.len();
        if explorer.parts.is_some() {
            wards.truncate(shown.get());
        }
        let filtered = query.is_filtered();
        let in_view = |plan: usize| wards.contains(&dataset.plans[plan].municipality.name.as_str());
        let ready = explorer.show(results.matches.iter().map(|m| m.plan).filter(|&p| in_view(p)), Level::Names);
        view! {
            <h2>{t.compare_heading}</h2>
            <p class="hint">{t.compare_intro}</p>
            {query.is_filtered().then(|| view! {
                <p class="compare-filtered" role="status">
                    {t.compare_filtered}" "<QueryLink to=query.cleared()>{t.compare_everything}</QueryLink>
                </p>
            })}
            {(!ready).then(|| view! { <p class="status">{t.loading}</p> })}
            {dataset.themes.iter().enumerate().filter(|_| ready).map(|(theme_at, theme)| {
                let name = match lang {
                    plan_core::query::Lang::Ja => theme.name.clone(),
                    plan_core::query::Lang::En => theme.name_en.clone(),
                };
                let heading_id = format!("theme-{}", theme.id);
                let labelled_by = heading_id.clone();
                view! {
                    <section class="theme" aria-labelledby=labelled_by data-theme-id=theme.id.clone()>
                        <h3 id=heading_id>{name}</h3>
                        <div class="ward-columns">
                            {wards.iter().map(|ward| {
                                let measures: Vec<_> = results.matches.iter()
                                    .filter(|m| dataset.plans[m.plan].municipality.name == *ward)
                                    .filter(|m| explorer.themes[m.plan][m.measure].contains(&theme_at))
                                    .collect();
                                view! {
                                    <div class="ward-column">
                                        <h4>{ward.to_string()}" "<span class="count">{(t.measures_count)(measures.len())}</span></h4>
                                        {if measures.is_empty() {
                                            view! { <p class="hint">{if filtered { t.no_measures_filtered } else { t.no_measures }}</p> }.into_any()
                                        } else {
                                            view! {
                                                <ul class="plain">
                                                    {measures.into_iter().map(|m| {
                                                        let measure = &dataset.plans[m.plan].measures[m.measure];
                                                        let to = Query { measure: Some(measure.id.clone()), ..query.clone() };
                                                        let name = measure.name.clone();
                                                        view! { <li data-measure-id=measure.id.clone()><QueryLink to>{name}</QueryLink></li> }
                                                    }).collect_view()}
                                                </ul>
                                            }.into_any()
                                        }}
                                    </div>
                                }
                            }).collect_view()}
                        </div>
                    </section>
                }
            }).collect_view()}
            {(wards.len() < all_wards).then(|| view! {
                <button type="button" class="button more" on:click=move |_| shown.update(|n| *n += WARDS_PAGE)>
                    {(t.show_more_wards)(all_wards - wards.len())}
                </button>
            })}
        }
    }
}
