//! The page shown when the dataset cannot be loaded: what happened, what to do, and a retry.
//! Always Japanese with the English below it: the reader may not have chosen a language yet.

use leptos::prelude::*;

use crate::data::LoadFailure;

#[component]
pub fn ErrorPanel(failure: LoadFailure, on_retry: Callback<()>) -> impl IntoView {
    let (ja, en, detail) = match &failure {
        LoadFailure::Missing { url, status: status @ (404 | 410) } => (
            format!("計画データ（{url}）が見つかりませんでした（HTTP {status}）。"),
            format!("The plan data ({url}) was not found (HTTP {status})."),
            None,
        ),
        // A server error, an overload or a refusal is not a missing file: it may pass.
        LoadFailure::Missing { url, status } => (
            format!("計画データ（{url}）を求めたところ、サーバーがエラーを返しました（HTTP {status}）。しばらくしてから、もう一度お試しください。"),
            format!("The server answered with an error (HTTP {status}) when asked for the plan data ({url}). Please try again in a while."),
            None,
        ),
        LoadFailure::Unreachable { detail } => (
            "計画データを取得できませんでした。ネットワークの接続を確かめてから、もう一度お試しください。".to_string(),
            "The plan data could not be fetched. Check your network connection and try again.".to_string(),
            Some(detail.clone()),
        ),
        LoadFailure::Malformed { error, syntax } => (
            "計画データの形式に誤りがあるため、表示できません。サイトの管理者にお知らせください。".to_string(),
            "The plan data is malformed and cannot be shown. Please tell the site's administrator.".to_string(),
            Some(match syntax {
                Some(syntax) => format!("not JSON: {syntax}"),
                None => error.to_string(),
            }),
        ),
    };
    view! {
        <section class="error-panel" role="alert" aria-labelledby="error-title">
            <h2 id="error-title">"データを読み込めませんでした"</h2>
            <p>{ja}</p>
            <p lang="en">{en}</p>
            {detail.map(|d| view! {
                <details>
                    <summary>"詳しい情報 / Details"</summary>
                    <pre>{d}</pre>
                </details>
            })}
            <button type="button" class="button primary" on:click=move |_| on_retry.run(())>
                "もう一度読み込む"<span lang="en">" / Retry"</span>
            </button>
        </section>
    }
}
