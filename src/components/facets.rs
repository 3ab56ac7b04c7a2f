//! The filters, each choice with its live count (how many measures it would give with the other
//! filters kept), the active filters as removable chips, and one button that clears them all.

use leptos::prelude::*;
use plan_core::format::{html_escape, plan_label};
use plan_core::query::Query;

use crate::bundle::use_bundle;
use crate::i18n::{Lang, fiscal_year};
use crate::parts::Level;
use crate::state::{Explorer, use_explorer};

/// A choice of a filter: its value, its text and how many measures it would give.
type Choice = (String, String, usize);

/// Adds `choice` to the group named `label`, or to a new group at the end. The last group is looked at
/// first, so a run of one group's choices is one step each. Inlined: called, it measured 0.3 KB more of wasm.
#[inline(always)]
fn add_to_group(groups: &mut Vec<(String, Vec<Choice>)>, label: &str, choice: Choice) {
    match groups.iter_mut().rev().find(|(group, _)| group == label) {
        Some((_, choices)) => choices.push(choice),
        None => groups.push((label.to_string(), vec![choice])),
    }
}

/// One `<select>`: a label, "all", and the choices with counts, in groups when a group has a name. Choices
/// that would give nothing stay listed (disabled) so the reader sees that they exist. The options are one
/// string of HTML, escaped: a view per option and group cost 1.2 KB more of wasm (issue 13).
#[component]
fn FacetSelect(
    id: &'static str,
    label: &'static str,
    any: &'static str,
    groups: Vec<(String, Vec<Choice>)>,
    selected: Option<String>,
    on_pick: Callback<Option<String>>,
) -> impl IntoView {
    let t = use_explorer().texts();
    let option = |value: &str, text: &str, is_selected: bool, disabled: bool| {
        let flags = [(is_selected, " selected"), (disabled, " disabled")].map(|(on, flag)| if on { flag } else { "" });
        format!("<option value=\"{}\"{}{}>{}</option>", html_escape(value), flags[0], flags[1], html_escape(text))
    };
    let mut options = option("", any, selected.is_none(), false);
    for (group, choices) in groups {
        let grouped = !group.is_empty();
        if grouped {
            options += &format!("<optgroup label=\"{}\">", html_escape(&group));
        }
        for (value, text, count) in choices {
            let is_selected = selected.as_ref() == Some(&value);
            options += &option(&value, &(t.choice)(&text, count), is_selected, count == 0 && !is_selected);
        }
        if grouped {
            options += "</optgroup>";
        }
    }
    view! {
        <div class="facet">
            <label for=id>{label}</label>
            <select
                id=id
                inner_html=options
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    on_pick.run((!value.is_empty()).then_some(value));
                }
            >
            </select>
        </div>
    }
}

#[component]
pub fn Facets() -> impl IntoView {
    // Departments with no result are left out of the list (about 40 across plans) until asked for.
    let every_department = RwSignal::new(false);
    // Each department's group: the wards that name it, and whether they are several. The page's catalog
    // and its plans' wards are fixed, so this is worked out once, not at every keystroke.
    let groups: Vec<(String, bool)> = {
        let explorer = use_explorer();
        let dataset = untrack(|| explorer.dataset());
        let wards = explorer.catalog.department_wards(&dataset);
        wards.iter().map(|w| (w.join(explorer.texts().list_separator), w.len() > 1)).collect()
    };
    move || {
        let explorer = use_explorer();
        let bundle = use_bundle();
        let t = explorer.texts();
        let lang = explorer.lang();
        let query = explorer.query.get();
        let results = explorer.results.get();
        // Untracked, as are the loading parts: the plans' names are in the index, and a card's arrival must
        // not draw the filters again (at 100x, 25 ms for each of a search's ten card files, issue 17).
        let dataset = untrack(|| explorer.dataset());
        let catalog = explorer.catalog.clone();

        // Grouped by municipality: one list of 96 plans at 16× (the 23 wards) was a long scroll to find one's
        // own (issue 17).
        let mut plan_choices = Vec::new();
        for (i, p) in dataset.plans.iter().enumerate() {
            let choice = (p.id.clone(), plan_label(&p.municipality.name, &p.title), results.plans[i]);
            add_to_group(&mut plan_choices, &p.municipality.name, choice);
        }
        let ungrouped = |choices: Vec<Choice>| vec![(String::new(), choices)];
        // A policy only means something within its plan: offered once one plan is chosen, indented by depth.
        let one_plan = (query.plans.len() == 1).then(|| catalog.plan_index(&query.plans[0])).flatten();
        // Across plans the policies' names come with the plan's file.
        // Until it is here, a plan's policies are the few a list's cards named (`crate::parts`).
        let named = one_plan.is_some_and(|plan| explorer.show([plan], Level::Overview));
        let policy_choices: Vec<Choice> = catalog
            .policies
            .iter()
            .enumerate()
            .filter(|(_, r)| named && Some(r.plan) == one_plan)
            .filter_map(|(i, r)| {
                let plan = &dataset.plans[r.plan];
                let policy = plan.policies.get(r.policy)?;
                let text = format!("{}{} {}", "　".repeat(depth_of(plan, &policy.id)), policy.code, policy.name);
                Some((policy.id.clone(), text, results.policies[i]))
            })
            .collect();
        // Grouped by ward, each in the order the plans name them, then the names several wards share: not
        // sorted, which cost 1.8 KB of wasm.
        let every = every_department.get();
        let mut listed = 0;
        let mut departments = Vec::new();
        for shared in [false, true] {
            for (d, name) in catalog.departments.iter().enumerate() {
                let count = results.departments[d];
                let (label, several) = &groups[d];
                if *several != shared || !(every || count > 0 || query.dept.as_ref() == Some(name)) {
                    continue;
                }
                listed += 1;
                add_to_group(&mut departments, label, (name.clone(), bundle.term(name), count));
            }
        }
        let left_out = catalog.departments.len() - listed;
        let years = catalog
            .years
            .iter()
            .enumerate()
            .map(|(i, y)| (y.to_string(), fiscal_year(lang, *y), results.years[i]))
            .collect();
        let grades: Vec<_> = catalog.grades.iter().enumerate().map(|(i, g)| (g.clone(), bundle.term(g), results.grades[i])).collect();

        let pick = |change: fn(&mut Query, Option<String>)| {
            Callback::new(move |value: Option<String>| use_explorer().update(|q| change(q, value)))
        };
        let has_grades = !grades.is_empty();
        // On a phone the filters start folded, so the results come first; on a wide screen they sit beside
        // them. Each choice renders the panel again: it stays as the reader left it (issue 13, three taps a
        // filter), read from the panel still on the page.
        let window = web_sys::window();
        let open = match window.as_ref().and_then(|w| w.document()?.query_selector(".facets-panel").ok().flatten()) {
            Some(panel) => panel.has_attribute("open"),
            None => window.and_then(|w| w.match_media("(min-width: 60rem)").ok().flatten()).is_none_or(|m| m.matches()),
        };
        view! {
            <section class="facets" aria-labelledby="facets-title">
                <h2 id="facets-title" class="visually-hidden">{t.filters}</h2>
                <details class="facets-panel" open=open>
                    <summary>{t.filters}</summary>
                    <div class="facet-grid">
                        <FacetSelect id="facet-plan" label=t.facet_plan any=t.any groups=plan_choices
                            selected=query.plans.first().cloned()
                            on_pick=pick(|q, v| q.plans = v.into_iter().collect())/>
                        {if policy_choices.is_empty() {
                            view! { <p class="facet hint">{t.facet_policy}": "{t.choose_plan_first}</p> }.into_any()
                        } else {
                            view! {
                                <FacetSelect id="facet-policy" label=t.facet_policy any=t.any groups=ungrouped(policy_choices)
                                    selected=query.policy.clone() on_pick=pick(|q, v| q.policy = v)/>
                            }.into_any()
                        }}
                        <FacetSelect id="facet-dept" label=t.facet_dept any=t.any groups=departments
                            selected=query.dept.clone() on_pick=pick(|q, v| q.dept = v)/>
                        {(every || left_out > 0).then(|| view! {
                            <button type="button" class="button small every-department" on:click=move |_| every_department.update(|e| *e = !*e)>
                                {if every { t.departments_with_results.to_string() } else { (t.departments_without_results)(left_out) }}
                            </button>
                        })}
                        <FacetSelect id="facet-year" label=t.facet_year any=t.any groups=ungrouped(years)
                            selected=query.year.map(|y| y.to_string())
                            on_pick=pick(|q, v| q.year = v.and_then(|y| y.parse().ok()))/>
                        {has_grades.then(|| view! {
                            <FacetSelect id="facet-grade" label=t.facet_grade any=t.any groups=ungrouped(grades)
                                selected=query.grade.clone() on_pick=pick(|q, v| q.grade = v)/>
                        })}
                    </div>
                    <div class="facet-checks">
                        <label class="check">
                            <input type="checkbox" prop:checked=query.related
                                on:change=move |ev| { let on = event_target_checked(&ev); use_explorer().update(|q| q.related = on) }/>
                            {t.facet_related}
                        </label>
                        <label class="check">
                            <input type="checkbox" prop:checked=query.new_only
                                on:change=move |ev| { let on = event_target_checked(&ev); use_explorer().update(|q| q.new_only = on) }/>
                            {(t.choice)(t.facet_new, results.new)}
                        </label>
                    </div>
                </details>
                <ActiveFilters explorer=explorer.clone() query/>
            </section>
        }
    }
}

/// The chosen filters as chips, each removable, and "clear all".
#[component]
fn ActiveFilters(explorer: Explorer, query: Query) -> impl IntoView {
    let bundle = use_bundle();
    let t = explorer.texts();
    let lang = explorer.lang();
    let dataset = untrack(|| explorer.dataset());
    // Each chip: its label, and the query without it.
    let mut chips: Vec<(String, Query)> = Vec::new();
    let without = |change: &dyn Fn(&mut Query)| {
        let mut next = query.clone();
        change(&mut next);
        next
    };
    for id in &query.plans {
        if let Some(plan) = dataset.plans.iter().find(|p| &p.id == id) {
            chips.push((plan_label(&plan.municipality.name, &plan.title), without(&|q| q.plans.retain(|p| p != id))));
        }
    }
    if let Some(id) = &query.policy {
        // Across plans the policies' names load with their plans; until then the chip shows the id.
        let label = match dataset.plans.iter().flat_map(|p| &p.policies).find(|p| &p.id == id) {
            Some(policy) => format!("{} {}", policy.code, policy.name),
            None => id.clone(),
        };
        chips.push((label, without(&|q| q.policy = None)));
    }
    if let Some(dept) = &query.dept {
        chips.push((bundle.term(dept), without(&|q| q.dept = None)));
    }
    if let Some(year) = query.year {
        chips.push((fiscal_year(lang, year), without(&|q| q.year = None)));
    }
    if let Some(grade) = &query.grade {
        chips.push((bundle.term(grade), without(&|q| q.grade = None)));
    }
    if query.new_only {
        chips.push((t.new_badge.to_string(), without(&|q| q.new_only = false)));
    }
    if !query.q.trim().is_empty() {
        chips.push(((t.quoted)(query.q.trim()), without(&|q| q.q.clear())));
    }
    if chips.is_empty() {
        return None;
    }
    Some(view! {
        <div class="active-filters">
            <ul>
                {chips
                    .into_iter()
                    .map(|(label, next)| {
                        // In English, a department or grade without its English yet, or a search in Japanese:
                        // read in a Japanese voice (JIS X 8341-3, language of parts).
                        let japanese = lang == Lang::En && label.chars().any(|c| ('\u{3040}'..='\u{9fff}').contains(&c));
                        view! {
                            <li>
                                <button type="button" class="chip removable"
                                    on:click=move |_| use_explorer().navigate(next.clone(), crate::url::History::Replace)>
                                    <span class="visually-hidden">{t.remove_filter[0]}</span>
                                    <span lang=japanese.then_some("ja")>{label}</span>
                                    <span class="visually-hidden">{t.remove_filter[1]}</span>
                                    <span aria-hidden="true">" ×"</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <button type="button" class="button" on:click=move |_| {
                let explorer = use_explorer();
                let cleared = explorer.query.get_untracked().cleared();
                explorer.navigate(cleared, crate::url::History::Replace);
            }>{t.clear_all}</button>
        </div>
    })
}

fn depth_of(plan: &plan_core::Plan, id: &str) -> usize {
    let mut depth = 0;
    let mut at = plan.policies.iter().find(|p| p.id == id).and_then(|p| p.parent.clone());
    while let Some(parent) = at {
        depth += 1;
        if depth > plan.policies.len() {
            break;
        }
        at = plan.policies.iter().find(|p| p.id == parent).and_then(|p| p.parent.clone());
    }
    depth
}
