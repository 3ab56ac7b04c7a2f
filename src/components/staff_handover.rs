//! What the resident bundle shows where the staff bundle has its tools: a toolbar with print and a
//! button that loads the staff tools, and, for the simulation view, the loading of the staff bundle
//! itself. Either way the page is handed over to the staff bundle (`bundle.rs`), or stays as it was
//! with a message and a retry when the bundle can't be fetched.

use leptos::prelude::*;
use leptos::task::spawn_local;

use plan_core::format::plan_label;

use crate::bundle::{self, hand_over_to_staff};
use crate::components::outlook::{OutlookSection, fetch_index};
use crate::state::use_explorer;

#[derive(Clone, PartialEq)]
enum Handover {
    Idle,
    Loading,
    Failed(String),
}

/// Starts the hand-over; `status` follows it while this app is still there.
fn start(status: RwSignal<Handover>, focus_after: &'static str) {
    if status.get_untracked() == Handover::Loading {
        return;
    }
    status.set(Handover::Loading);
    bundle::request_focus(focus_after);
    spawn_local(async move {
        if let Err(detail) = hand_over_to_staff().await {
            // The app may already be gone if the bundle failed after taking over; then there is no one to tell.
            status.try_set(Handover::Failed(detail));
        }
    });
}

#[component]
fn HandoverStatus(status: RwSignal<Handover>, on_retry: Callback<()>, loading: &'static str, failed: &'static str) -> impl IntoView {
    let t = use_explorer().texts();
    move || match status.get() {
        Handover::Idle => ().into_any(),
        Handover::Loading => view! { <p class="status" role="status">{loading}</p> }.into_any(),
        Handover::Failed(detail) => view! {
            <div class="error-panel" role="alert">
                <p>{failed}{t.load_failed_hint}</p>
                <details><summary>"詳しい情報 / Details"</summary><pre>{detail}</pre></details>
                <button type="button" class="button primary" on:click=move |_| on_retry.run(())>{t.retry}</button>
            </div>
        }
        .into_any(),
    }
}

/// A button that starts the hand-over, with what it brings in (`help`, the id of its description); busy while
/// the staff bundle loads.
#[component]
fn HandoverButton(class: &'static str, help: &'static str, status: RwSignal<Handover>, load: Callback<()>, label: &'static str) -> impl IntoView {
    view! {
        <button type="button" class=class aria-describedby=help
            aria-busy=move || (status.get() == Handover::Loading).then_some("true")
            on:click=move |_| load.run(())>{label}</button>
    }
}

/// The toolbar of the resident bundle: print, and the button that brings in the staff tools.
#[component]
pub fn HandoverToolbar() -> impl IntoView {
    let t = use_explorer().texts();
    let status = RwSignal::new(Handover::Idle);
    let open = Callback::new(move |()| start(status, ".toolbar .button"));
    view! {
        <div class="toolbar">
            <button type="button" class="button small" on:click=|_| { web_sys::window().map(|w| w.print()); }>{t.print}</button>
            <HandoverButton class="button small" help="staff-tools-help" status load=open label=t.staff_tools/>
            <p id="staff-tools-help" class="hint">{t.staff_tools_help}</p>
        </div>
        <HandoverStatus status on_retry=open loading=t.staff_loading failed=t.staff_failed/>
    }
}

/// The simulation view in the resident bundle. For one plan, the answer from the record, as the staff bundle
/// draws it first: its heading and the plan's outlook (the plan view's); the what-if, which is the staff
/// bundle, loads when asked for (a resident on a phone need not wait for it: Lighthouse 82–83 when it loaded
/// at once, 96–98 since, README, Speed). It loads at once for a link that carries a scenario (an assumption in
/// the URL, which asks for the what-if) and across plans, where the staff bundle draws every plan's outlook.
#[component]
pub fn HandoverView() -> impl IntoView {
    let status = RwSignal::new(Handover::Idle);
    let explorer = use_explorer();
    let t = explorer.texts();
    let (chosen, scenario) = explorer.query.with_untracked(|q| (q.plans.clone(), !q.sim.is_empty()));
    let outlook = match chosen.as_slice() {
        [id] => explorer.dataset().plans.iter().find(|p| &p.id == id).map(|plan| {
            let heading = plan_label(&plan.municipality.name, &plan.title);
            view! { <OutlookSection plan_id=plan.id.clone() heading index=fetch_index()/> }
        }),
        _ => None,
    };
    let on_request = outlook.is_some() && !scenario;
    let load = Callback::new(move |()| start(status, if on_request { ".sim-form :is(input, select)" } else { ".tabs [aria-current]" }));
    if !on_request {
        load.run(());
    }
    view! {
        <h2>{t.sim_heading}</h2>
        <p class="lead">{t.sim_evidence_intro}</p>
        {outlook}
        {on_request.then(|| view! {
            <p><HandoverButton class="button" help="whatif-help" status load label=t.whatif_open/></p>
            <p id="whatif-help" class="hint">{t.whatif_help}</p>
        })}
        <HandoverStatus status on_retry=load loading=t.whatif_loading failed=t.whatif_failed/>
    }
}
