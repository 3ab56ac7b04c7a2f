//! Targets and results: an indicator's table (the measure page), and the targets set on a policy itself
//! (台東区's 施策, 板橋区's 基本方針), folded wherever the policy appears: under it in the plan view, above
//! its filtered list (issue 13).


use leptos::prelude::*;
use plan_core::{Indicator, Policy, attainment_percent};

use crate::i18n::{Lang, Texts, fiscal_year, number, with_unit};

/// The policy's own indicators, folded, each note beside its table (台東区 施策9's printed figure is in its
/// note; a policy has no page with a 「出典と注記」 of its own). `None` without any.
pub fn policy_targets(policy: &Policy, t: &'static Texts, lang: Lang) -> Option<impl IntoView + use<>> {
    (!policy.indicators.is_empty()).then(|| {
        let tables = policy
            .indicators
            .iter()
            .map(|i| view! { {indicator_table(i, t, lang)} {i.note.clone().map(|n| view! { <p class="note" lang="ja">{n}</p> })} })
            .collect_view();
        view! { <details class="policy-indicators"><summary>{t.indicators}</summary>{tables}</details> }
    })
}

/// An indicator's targets and results, a measure's or a policy's.
pub fn indicator_table(indicator: &Indicator, t: &'static Texts, lang: Lang) -> impl IntoView + use<> {
    let unit = indicator.unit.clone().unwrap_or_default();
    let with_unit = |v: f64| with_unit(v, &unit);
    // One row per target span or year with an actual, in order.
    let mut rows = Vec::new();
    plan_core::sorted::extend(&mut rows, indicator.targets.iter().map(|t| (t.fy_from.unwrap_or(t.fy), t.fy)));
    plan_core::sorted::extend(&mut rows, indicator.actuals.iter().map(|a| (a.fy, a.fy)));
    let caption = match &indicator.unit {
        Some(unit) => format!("{}（{}: {unit}）", indicator.name, t.unit),
        None => indicator.name.clone(),
    };
    let region_label = caption.clone();
    // Without any recorded value the three columns of actuals would be "—" in every row: not drawn.
    let recorded = indicator.baseline.is_some() || !indicator.actuals.is_empty();
    // Nor a table of headers only (台東区's 施策 indicators: one printed figure, in the note).
    if !recorded && indicator.targets.is_empty() {
        return view! { <p><strong>{caption}</strong>{t.no_values}</p> }.into_any();
    }
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=region_label>
            <table class="stack" class:no-actuals=!recorded>
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t.fiscal_year}</th>
                        <th scope="col">{t.target}</th>
                        <th scope="col">{t.actual}</th>
                        <th scope="col">{t.attainment}</th>
                        <th scope="col">{t.attainment_reported}</th>
                    </tr>
                </thead>
                <tbody>
                    {indicator.baseline.as_ref().map(|b| view! {
                        <tr>
                            <th scope="row">{format!("{}（{}）", fiscal_year(lang, b.fy), t.baseline)}</th>
                            <td data-label=t.target>"—"</td>
                            <td data-label=t.actual>{with_unit(b.value)}</td>
                            <td data-label=t.attainment>"—"</td>
                            <td data-label=t.attainment_reported>"—"</td>
                        </tr>
                    })}
                    {rows.into_iter().map(|(from, to)| {
                        let year = if from == to { fiscal_year(lang, to) } else { (t.period_target)(fiscal_year(lang, from), fiscal_year(lang, to)) };
                        let target = indicator.targets.iter().find(|x| x.fy == to && x.fy_from.unwrap_or(x.fy) == from);
                        let actual = (from == to).then(|| indicator.actuals.iter().find(|a| a.fy == to)).flatten();
                        let target_text = target.map(|x| x.text.clone().unwrap_or_else(|| x.value.map(with_unit).unwrap_or_default())).unwrap_or_else(|| "—".into());
                        let computed = match (actual, target.and_then(|x| x.value)) {
                            (Some(a), Some(v)) => attainment_percent(indicator.direction, a.value, v).map(|p| format!("{}%", number(p))),
                            _ => None,
                        };
                        view! {
                            <tr>
                                <th scope="row">{year}</th>
                                <td data-label=t.target>{target_text}</td>
                                <td data-label=t.actual>
                                    {actual.map(|a| with_unit(a.value)).unwrap_or_else(|| "—".into())}
                                    {actual.filter(|a| a.local).map(|_| view! { " " <span class="chip local">{t.local_badge}</span> })}
                                </td>
                                <td data-label=t.attainment>{computed.unwrap_or_else(|| "—".into())}</td>
                                <td data-label=t.attainment_reported>{actual.and_then(|a| a.attainment_reported).map(|r| format!("{}%", number(r))).unwrap_or_else(|| "—".into())}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {(!recorded).then(|| view! { <p class="hint">{t.no_actuals}</p> })}
    }
    .into_any()
}
