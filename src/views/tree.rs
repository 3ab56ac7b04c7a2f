//! The plan view: each plan's policy tree with the number of (filtered) measures under every node,
//! and the summaries the plan prints next to the same figures recomputed from its measures; first, the
//! outlook the wards' record gives it and the results it prints.

use leptos::prelude::*;
use plan_core::format::plan_label;
use plan_core::query::{Query, View};
use plan_core::summary::compare_row;
use plan_core::{Plan, SummaryKind};

use crate::components::link::QueryLink;
use crate::components::source_passage::SourcePassage;
use crate::components::outlook::{IndexState, PlanOutlook, fetch_index, printed_results};
use crate::i18n::{Texts, fiscal_year};
use crate::parts::Level;
use crate::state::{Explorer, use_explorer};

/// Plans shown at once across plans, when each plan's file loads as it is shown ([`crate::parts`]): the
/// first view then loads two plans' files, not every plan's (README, Size).
const PLANS_PAGE: usize = 2;

#[component]
pub fn TreeView() -> impl IntoView {
    let index = fetch_index();
    let shown = RwSignal::new(PLANS_PAGE);
    move || {
        let explorer = use_explorer();
        let t = explorer.texts();
        let query = explorer.query.get();
        let dataset = explorer.dataset();
        let plans: Vec<usize> = (0..dataset.plans.len())
            .filter(|&i| query.plans.is_empty() || query.plans.contains(&dataset.plans[i].id))
            .collect();
        let limit = if explorer.parts.is_some() { shown.get().min(plans.len()) } else { plans.len() };
        // With the records too (preloaded by the start script, so a moment later): an outlook drawn after its
        // plan pushed the tree down as it was read (issue 14, a layout shift of 0.036).
        let ready = explorer.show(plans[..limit].iter().copied(), Level::Overview) && index.with(Option::is_some);
        let sections: Vec<AnyView> = plans[..limit]
            .iter()
            .filter(|_| ready)
            .map(|&i| plan_section(&explorer, &dataset.plans[i], i, &query, index).into_any())
            .collect();
        view! {
            <h2>{t.tree_heading}</h2>
            {(!ready).then(|| view! { <p class="status">{t.loading}</p> })}
            {sections}
            {(limit < plans.len()).then(|| view! {
                <button type="button" class="button more" on:click=move |_| shown.update(|n| *n += PLANS_PAGE)>
                    {(t.show_more_plans)(plans.len() - limit)}
                </button>
            })}
        }
    }
}

fn plan_section(
    explorer: &Explorer,
    plan: &Plan,
    index: usize,
    query: &Query,
    records: IndexState,
) -> impl IntoView {
    let t = explorer.texts();
    let lang = explorer.lang();
    let results = explorer.results.get();
    let heading_id = format!("tree-{}", plan.id);
    let labelled_by = heading_id.clone();
    let outlook_id = format!("outlook-{}", plan.id);
    let outlook_labelled_by = outlook_id.clone();
    let title = plan_label(&plan.municipality.name, &plan.title);
    let period = format!("{} – {}", fiscal_year(lang, plan.period.from), fiscal_year(lang, plan.period.to));
    let roots: Vec<AnyView> = plan
        .policies
        .iter()
        .filter(|p| p.parent.is_none())
        .map(|p| node(explorer, plan, &p.id, query, &results.policies))
        .collect();
    view! {
        <section class="plan-tree" aria-labelledby=labelled_by data-plan-id=plan.id.clone()>
            <h3 id=heading_id>{title}</h3>
            <p class="plan-meta">
                <span class="chip">{plan.status.clone()}</span>
                <span>{t.period}": "{period}</span>
                <span>{(t.measures_count)(results.plans[index])}</span>
            </p>
            <section class="outlook" aria-labelledby=outlook_labelled_by>
                <h4 id=outlook_id>{t.outlook_heading}</h4>
                <PlanOutlook plan_id=plan.id.clone() index=records to_sim=true/>
            </section>
            {printed_results(plan, t, lang)}
            <ul class="tree">{roots}</ul>
            {(!explorer.notes_left_out).then(|| summaries(plan, t))}
            {plan_notes(explorer, plan)}
        </section>
    }
}

fn node(explorer: &Explorer, plan: &Plan, id: &str, query: &Query, counts: &[usize]) -> AnyView {
    let Some(policy) = plan.policies.iter().find(|p| p.id == id) else { return ().into_any() };
    let count = explorer.catalog.policy_index(id).map(|i| counts[i]).unwrap_or(0);
    let children: Vec<AnyView> =
        plan.policies.iter().filter(|p| p.parent.as_deref() == Some(id)).map(|p| node(explorer, plan, &p.id, query, counts)).collect();
    let to = Query { plans: vec![plan.id.clone()], policy: Some(policy.id.clone()), view: Some(View::List), measure: None, ..query.clone() };
    let t = explorer.texts();
    let (code, name) = (policy.code.clone(), policy.name.clone());
    let indicators = crate::components::targets::policy_targets(policy, t, explorer.lang());
    view! {
        <li>
            <QueryLink to>
                <span class="code" lang="ja">{code}</span>" "{name}
            </QueryLink>
            " "<span class="count">{(t.measures_count)(count)}</span>
            {indicators}
            {(!children.is_empty()).then(|| view! { <ul>{children}</ul> })}
        </li>
    }
    .into_any()
}

fn summaries(plan: &Plan, t: &'static Texts) -> impl IntoView {
    if plan.summaries.is_empty() {
        return None;
    }
    Some(view! {
        <h4>{t.summaries_heading}</h4>
        <p class="hint">{t.summaries_intro}</p>
        {plan.summaries.iter().map(|summary| {
            let caption = format!("{}（{} {}）", summary.title, summary.source.file, (t.line)(summary.source.line));
            let region_label = caption.clone();
            view! {
                <div class="table-wrap" tabindex="0" role="region" aria-label=region_label>
                    <table class="stack summary-table" data-summary-id=summary.id.clone()>
                        <caption>{caption}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t.row}</th>
                                <th scope="col">{t.item}</th>
                                <th scope="col">{t.reported}</th>
                                <th scope="col">{t.computed}</th>
                                <th scope="col">{t.difference}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {summary.rows.iter().flat_map(|row| {
                                compare_row(plan, summary, row).into_iter().map(|c| {
                                    let item = match (summary.kind, c.key.as_str()) {
                                        (_, "total") => t.total.to_string(),
                                        (SummaryKind::ItemCounts, "policies") => t.count_policies.to_string(),
                                        (SummaryKind::ItemCounts, "measures") => t.count_measures.to_string(),
                                        (_, grade) => grade.to_string(),
                                    };
                                    let (computed, verdict, class) = match c.computed {
                                        Some(v) if v == c.reported => (v.to_string(), t.agrees.to_string(), "agrees"),
                                        Some(v) => (v.to_string(), (t.differs)(v - c.reported), "differs"),
                                        None => ("—".to_string(), t.computed_not_stated.to_string(), "unknown"),
                                    };
                                    view! {
                                        <tr class=class>
                                            <th scope="row">{row.label.clone()}</th>
                                            <td data-label=t.item>{item}</td>
                                            <td data-label=t.reported class="num">{c.reported}</td>
                                            <td data-label=t.computed class="num">{computed}</td>
                                            <td data-label=t.difference>{verdict}</td>
                                        </tr>
                                    }
                                }).collect::<Vec<_>>()
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                {summary.note.clone().map(|n| view! { <p class="note">{n}</p> })}
            }
        }).collect_view()}
    })
}

/// The plan's own notes and its source, in one 「出典と注記」 after the tree (issue 13). The overview leaves
/// the notes and the printed summaries out (`Dataset::overview`): then this is a link to the plan's own view,
/// which reads the plan's whole file.
fn plan_notes(explorer: &Explorer, plan: &Plan) -> AnyView {
    let t = explorer.texts();
    if explorer.notes_left_out {
        let to = Query { plans: vec![plan.id.clone()], view: Some(View::Tree), lang: explorer.lang(), ..Query::default() };
        return view! { <p class="plan-notes"><QueryLink to>{t.notes_in_plan_view}</QueryLink></p> }.into_any();
    }
    let notes = plan.notes.iter().map(|n| view! { <li lang="ja">{n.clone()}</li> }).collect_view();
    view! {
        <SourcePassage file=plan.source.clone() line=plan.source_line summary=t.notes>
            <ul class="plan-notes">{notes}</ul>
        </SourcePassage>
    }
    .into_any()
}
