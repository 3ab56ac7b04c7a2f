//! The start page: the wards and their plans, and topics to start from. Needs only `wards.json` and the
//! files of the plans it shows ([`plan_core::wards`]): with many municipalities (other cities adding their
//! plans, issue 17) it shows the first few and a box that finds the others by typing a name; the finding
//! hides cards in the page rather than rendering again, and reads the plans of the cards it shows.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use plan_core::query::{Lang, Query, View};
use plan_core::wards::Wards;
use plan_core::{LoadError, PlanIndex};

use crate::components::error_panel::ErrorPanel;
use crate::components::link::QueryLink;
use crate::data::LoadFailure;
use crate::i18n::{fiscal_year, texts};
use crate::state::use_nav;

/// Municipalities shown before any name is typed, and at most while typing.
const WARDS_AT_ONCE: usize = 12;

/// One file of plans: not asked for (`None`), on its way, here, or failed.
type File = RwSignal<Option<Result<Arc<PlanIndex>, Option<LoadFailure>>>>;

/// `plans`: the listing when every plan's line is already loaded (the search index has it), else each
/// file of plans is read when one of its municipalities shows; `first`, the first file, when the app read it
/// with the names.
#[component]
pub fn StartView(
    wards: Arc<Wards>,
    #[prop(optional)] plans: Option<Arc<PlanIndex>>,
    first: Option<Arc<PlanIndex>>,
) -> impl IntoView {
    let nav = use_nav();
    let base = nav.query.get_untracked();
    let lang = base.lang;
    let t = texts(lang);
    let files: Arc<Vec<File>> = Arc::new(
        (0..wards.files())
            .map(|k| RwSignal::new(plans.clone().or_else(|| first.clone().filter(|_| k == 0)).map(Ok)))
            .collect(),
    );
    let topics = t
        .topics
        .iter()
        .map(|topic| {
            let to = Query { q: topic.to_string(), view: Some(View::List), ..base.clone() };
            view! { <li><QueryLink to class="chip topic">{*topic}</QueryLink></li> }
        })
        .collect_view();
    let total = wards.names.len();
    let ward_cards = wards
        .names
        .iter()
        .enumerate()
        .map(|(at, ward)| {
            let file = files[at / wards.per_file];
            let (heading, ward, base) = (ward.clone(), ward.clone(), base.clone());
            let folded = plan_core::text::fold(&crate::url::nfkc(&ward));
            let plans = move || match file.get() {
                Some(Ok(file)) => plan_items(&file, &ward, &base, lang).into_any(),
                // Said once, above the cards.
                Some(Err(Some(_))) => ().into_any(),
                _ => view! { <p class="status" role="status">{t.loading}</p> }.into_any(),
            };
            view! {
                <section class="ward-card" id=format!("ward-{at}") data-ward=folded hidden={at >= WARDS_AT_ONCE}>
                    <h3>{heading}</h3>
                    {plans}
                </section>
            }
        })
        .collect_view();
    read_files(&wards, &files, &(0..total.min(WARDS_AT_ONCE)).collect::<Vec<_>>());
    let failure = {
        let (wards, files) = (wards.clone(), files.clone());
        move || {
            let failure = files.iter().find_map(|file| file.with(|f| f.clone()?.err()?))?;
            let (wards, files) = (wards.clone(), files.clone());
            let on_retry = Callback::new(move |()| {
                // A failed file's first municipality stands for it.
                let failed: Vec<usize> = (0..files.len()).filter(|&k| files[k].with_untracked(|f| matches!(f, Some(Err(Some(_)))))).map(|k| k * wards.per_file).collect();
                read_files(&wards, &files, &failed);
            });
            Some(view! { <ErrorPanel failure on_retry/> })
        }
    };
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
                    <input id="ward-finder" type="search" autocomplete="off" on:input=move |ev| {
                        let shown = show_wards(&event_target_value(&ev), total, lang);
                        read_files(&wards, &files, &shown);
                    }/>
                    <p class="hint" id="ward-finder-status" role="status">{(t.wards_shown)(WARDS_AT_ONCE, total)}</p>
                </div>
            })}
            {failure}
            <div class="wards">{ward_cards}</div>
        </section>
    }
}

/// Shows the first [`WARDS_AT_ONCE`] municipalities whose name has every typed word (folded as a search
/// is), hides the others, says how many match, and gives the ones shown.
fn show_wards(typed: &str, total: usize, lang: Lang) -> Vec<usize> {
    let mut shown = Vec::new();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return shown };
    let words = plan_core::text::terms(typed, &crate::url::nfkc);
    let mut matching = 0;
    for at in 0..total {
        let Some(card) = document.get_element_by_id(&format!("ward-{at}")) else { continue };
        let name = card.get_attribute("data-ward").unwrap_or_default();
        let matches = words.iter().all(|w| name.contains(w.as_str()));
        if matches && matching < WARDS_AT_ONCE {
            card.remove_attribute("hidden").ok();
            shown.push(at);
        } else {
            card.set_attribute("hidden", "").ok();
        }
        matching += usize::from(matches);
    }
    if let Some(status) = document.get_element_by_id("ward-finder-status") {
        status.set_text_content(Some(&(texts(lang).wards_shown)(matching.min(WARDS_AT_ONCE), matching)));
    }
    shown
}

/// Reads the files of plans of the municipalities `shown` that are not here or on their way; a failed one again.
fn read_files(wards: &Arc<Wards>, files: &Arc<Vec<File>>, shown: &[usize]) {
    let suffix = crate::bundle::use_bundle().suffix();
    for k in shown.iter().map(|at| at / wards.per_file) {
        let file = &files[k];
        if file.with_untracked(|f| matches!(f, None | Some(Err(Some(_))))) {
            file.set(Some(Err(None)));
            let (wards, file) = (wards.clone(), *file);
            spawn_local(async move {
                file.try_set(Some(read_file(&wards, k, suffix).await.map_err(Some)));
            });
        }
    }
}

/// File `k` of plans (in English with `suffix` `.en`), checked against the names.
pub async fn read_file(wards: &Wards, k: usize, suffix: &str) -> Result<Arc<PlanIndex>, LoadFailure> {
    let url = format!("data/wards/{k}{suffix}.json");
    let plans = crate::data::fetch_index(&url).await?;
    wards.check(k, &plans).map_err(|problem| does_not_fit(&url, problem))?;
    Ok(plans)
}

/// The plans of municipality `name` in `file`, each linked to its plan view.
fn plan_items(file: &PlanIndex, name: &str, base: &Query, lang: Lang) -> impl IntoView + use<> {
    let t = texts(lang);
    let items = file
        .plans
        .iter()
        .filter(|plan| plan.municipality.name == name)
        .map(|plan| {
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
    view! { <ul class="plan-list">{items}</ul> }
}

/// A file of plans that is not the one `wards.json` describes: files of two builds published together.
fn does_not_fit(url: &str, problem: String) -> LoadFailure {
    let error = LoadError::Invalid(vec![plan_core::Issue {
        plan: String::new(),
        item: url.to_string(),
        field: "plans".into(),
        problem,
        fix: "Publish the data files of one build together.".into(),
    }]);
    LoadFailure::Malformed { error, syntax: None }
}
