//! The answer the wards' record gives to "will this plan's measures be achieved?"
//! ([`plan_core::sim::outlook`]): one sentence first, then the records it rests on, each a tap away from
//! its source line; and the results a plan prints. Shown on the plan view and at the top of the simulation.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use plan_core::query::{Query, View};
use plan_core::sim::{self, Basis, Outlook, Past};
use plan_core::{IndexEntry, Plan, PlanIndex};

use crate::components::link::QueryLink;
use crate::components::source_passage::SourcePassage;
use crate::i18n::{Lang, Texts, fiscal_year, number, with_unit};
use crate::state::use_explorer;

/// `data/index.json` (which holds every plan's record), loading or failed.
pub type IndexState = Signal<Option<Result<Arc<PlanIndex>, ()>>>;

/// Fetches `data/index.json` (in English, `index.en.json`) once for every outlook on the page: a view of
/// one plan has only its own file. Across plans, `records.json`: only the plans that have a record, which is
/// all an outlook pools; [`PlanOutlook`] adds the plan it is about from the plan's own file.
pub fn fetch_index() -> IndexState {
    let state = RwSignal::new(None);
    let file = if use_explorer().parts.is_some() { "records" } else { "index" };
    let url = format!("data/{file}{}.json", crate::bundle::use_bundle().suffix());
    spawn_local(async move { state.set(Some(crate::data::fetch_index(&url).await.map_err(|_| ()))) });
    state.into()
}

/// A plan's outlook under its heading, as the simulation view opens with it: the staff bundle's with the
/// plan's evidence below (`children`), the resident bundle's, drawn while the staff one loads, without. One
/// markup for both, so the hand-over between them changes nothing on screen (`bundle::finish_handover`).
#[component]
pub fn OutlookSection(
    plan_id: String,
    /// The plan's label (`plan_core::format::plan_label`).
    heading: String,
    index: IndexState,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let heading_id = format!("sim-outlook-{plan_id}");
    let labelled_by = heading_id.clone();
    let plan = plan_id.clone();
    view! {
        <section class="sim-outlook" data-plan-id=plan aria-labelledby=labelled_by>
            <h3 id=heading_id>{heading}</h3>
            <PlanOutlook plan_id index/>
            {children.map(|children| children())}
        </section>
    }
}

/// The outlook of one plan: the sentence, its evidence, and (`to_sim`) a link to the simulation. The
/// caller gives it a heading.
#[component]
pub fn PlanOutlook(
    plan_id: String,
    index: IndexState,
    #[prop(optional)] to_sim: bool,
) -> impl IntoView {
    let explorer = use_explorer();
    let (t, lang) = (explorer.texts(), explorer.lang());
    move || match index.get() {
        None => view! { <p class="status" role="status">{t.outlook_loading}</p> }.into_any(),
        Some(Err(())) => view! { <p role="alert">{t.outlook_failed}</p> }.into_any(),
        Some(Ok(index)) => {
            // Across plans `index` has only the plans that have a record: the plan's line is made from its file.
            let dataset = explorer.dataset();
            let entry = index.plans.iter().find(|e| e.id == plan_id).cloned()
                .or_else(|| dataset.plans.iter().find(|p| p.id == plan_id).map(IndexEntry::of));
            match entry {
                Some(entry) => answer(&entry, &sim::outlook_of(&entry, &index), to_sim, t, lang).into_any(),
                None => ().into_any(),
            }
        }
    }
}

fn answer(
    entry: &IndexEntry,
    outlook: &Outlook,
    to_sim: bool,
    t: &'static Texts,
    lang: Lang,
) -> impl IntoView + use<> {
    let own = entry.municipality.name.clone();
    let sentence = match outlook {
        Outlook::NoMeasures => t.outlook_no_measures.to_string(),
        Outlook::NoEvidence => t.outlook_no_evidence.to_string(),
        Outlook::Recorded(past) => (t.outlook_recorded)(
            fiscal_year(lang, past.record.fy),
            past.record.graded,
            past.record.not_met,
        ),
        Outlook::Forecast(f) => {
            let (pooled, k) = f.evidence();
            // In pool order, without sorting: a sort would bring its own code into the bundle.
            let (mut plans, mut lenders) = (vec![], vec![]);
            for p in &f.pool {
                if !plans.contains(&&p.plan) {
                    plans.push(&p.plan);
                }
                if !lenders.contains(&&p.municipality) {
                    lenders.push(&p.municipality);
                }
            }
            let (plans, lenders) = (
                plans.len(),
                lenders
                    .iter()
                    .map(|m| m.as_str())
                    .collect::<Vec<_>>()
                    .join("・"),
            );
            let (n, low, high, mean) = (
                f.measures,
                f.not_met.low,
                f.not_met.high,
                number((f.not_met.mean * 10.0).round() / 10.0),
            );
            match f.basis {
                Basis::Own => (t.outlook_own)(&own, plans, pooled, k, n, low, high, mean),
                Basis::Borrowed => {
                    (t.outlook_borrowed)(&own, &lenders, plans, pooled, k, n, low, high, mean)
                }
            }
        }
    };
    let (records, method) = match outlook {
        Outlook::Recorded(past) => (vec![past.clone()], None),
        Outlook::Forecast(f) => {
            let rate = format!("{}%", number((f.rate() * 1000.0).round() / 10.0));
            (
                f.pool.clone(),
                Some((t.outlook_method)(number(f.a), number(f.b), rate)),
            )
        }
        _ => (vec![], None),
    };
    let evidence = (!records.is_empty()).then(|| {
        view! {
            <details class="outlook-evidence">
                <summary>{t.outlook_evidence}</summary>
                <p>{t.outlook_rule}</p>
                <ul>{records.into_iter().map(|past| record(past, t, lang)).collect_view()}</ul>
                {method.map(|m| view! { <p class="hint">{m}</p> })}
            </details>
        }
    });
    let sim_link = to_sim.then(|| {
        // The link promises the what-if and its backtest, so it carries a scenario (the default model), which
        // loads the what-if at once rather than when asked for (`HandoverView`).
        let to = Query {
            plans: vec![entry.id.clone()],
            view: Some(View::Sim),
            lang,
            sim: vec![("model".into(), "pace".into())],
            ..Query::default()
        };
        view! { <p><QueryLink to>{t.outlook_to_sim}</QueryLink></p> }
    });
    view! {
        <p class="outlook-answer">{sentence}</p>
        {evidence}
        {sim_link}
    }
}

fn record(past: Past, t: &'static Texts, lang: Lang) -> impl IntoView {
    let to = Query {
        plans: vec![past.plan.clone()],
        view: Some(View::Tree),
        lang,
        ..Query::default()
    };
    let r = past.record;
    view! {
        <li>
            <QueryLink to>{past.title}</QueryLink>
            " "{record_text(&r, t, lang)}
            <SourcePassage file=r.source.file line=r.source.line/>
        </li>
    }
}

/// "令和2年度の評価：41施策のうち未達成1件".
pub fn record_text(r: &plan_core::Record, t: &Texts, lang: Lang) -> String {
    (t.outlook_record)(fiscal_year(lang, r.fy), r.graded, r.not_met)
}

/// The actuals a plan prints (not those staff imported), on its policies and measures, with their printed
/// attainment rates.
pub fn printed_results(plan: &Plan, t: &'static Texts, lang: Lang) -> impl IntoView + use<> {
    let mut items = vec![];
    for (owner, i) in plan.indicators_by_owner() {
        let unit = i.unit.as_deref().unwrap_or_default();
        for a in i.actuals.iter().filter(|a| !a.local) {
            let rate = a.attainment_reported.map(|r| (t.attainment_printed)(number(r))).unwrap_or_default();
            items.push(format!("{owner} / {}: {} {}{rate}", i.name, fiscal_year(lang, a.fy), with_unit(a.value, unit)));
        }
    }
    (!items.is_empty()).then(|| {
        view! {
            <div class="printed-results">
                <h4>{t.printed_results}</h4>
                <ul>{items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}</ul>
            </div>
        }
    })
}
