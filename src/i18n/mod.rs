//! UI text in Japanese (first) and English. Data stays as printed.
//! The staff tools' text is in `staff.rs`, so that only the staff bundle carries it.

pub mod staff;

pub use plan_core::query::Lang;

/// The UI text in `lang`, from the tables the running bundle carries ([`crate::bundle::Bundle::texts`]).
pub fn texts(lang: Lang) -> &'static Texts {
    CARRIED
        .with(|c| c.get())
        .expect("app::mount sets the bundle's texts")(lang)
}

thread_local! {
    static CARRIED: std::cell::Cell<Option<fn(Lang) -> &'static Texts>> = const { std::cell::Cell::new(None) };
}

/// Set once, by `app::mount`: a function that names one table is all a bundle links of them.
pub fn carry(tables: fn(Lang) -> &'static Texts) {
    CARRIED.with(|c| c.set(Some(tables)));
}

/// Only Japanese: the Japanese resident bundle (an English page is the English bundle's).
pub fn japanese(_: Lang) -> &'static Texts {
    &JA
}

/// Only English: the English resident bundle.
pub fn english(_: Lang) -> &'static Texts {
    &EN
}

/// `n` and the English noun for that many: "1 measure", "2 measures".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Both: the staff bundle, which switches language in place.
pub fn both(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Ja => &JA,
        Lang::En => &EN,
    }
}

pub fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "ja",
        Lang::En => "en",
    }
}

pub fn fiscal_year(lang: Lang, fy: i32) -> String {
    match lang {
        Lang::Ja => plan_core::format::fiscal_year_ja(fy),
        Lang::En => plan_core::format::fiscal_year_en(fy),
    }
}

pub use plan_core::format::number;

/// A value with its unit: 「122,609件」, "122,609 cases" (a space before a unit in Latin letters).
pub fn with_unit(value: f64, unit: &str) -> String {
    let space = if unit.starts_with(|c: char| c.is_ascii_alphabetic()) {
        " "
    } else {
        ""
    };
    format!("{}{space}{unit}", number(value))
}

pub struct Texts {
    pub app_title: &'static str,
    pub app_subtitle: &'static str,
    pub loading: &'static str,
    /// A search waits for the files of its words.
    pub searching: &'static str,
    /// Views across plans, at scale: the next plans or wards.
    pub show_more_plans: fn(usize) -> String,
    pub show_more_wards: fn(usize) -> String,
    pub switch_lang: &'static str,
    pub switch_lang_label: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub search_hint: &'static str,
    pub topics_heading: &'static str,
    /// Topics residents ask about (PRODUCT.md §1); each is a search, in the page's language.
    pub topics: [&'static str; 6],
    pub wards_heading: &'static str,
    pub find_ward: &'static str,
    /// Municipalities shown, of those whose name matches.
    pub wards_shown: fn(usize, usize) -> String,
    pub measures_count: fn(usize) -> String,
    pub results_count: fn(usize) -> String,
    pub period: &'static str,
    pub view_list: &'static str,
    pub view_tree: &'static str,
    pub view_timeline: &'static str,
    pub view_compare: &'static str,
    pub views_label: &'static str,
    pub filters: &'static str,
    pub facet_plan: &'static str,
    pub facet_policy: &'static str,
    pub facet_related: &'static str,
    pub choose_plan_first: &'static str,
    pub facet_dept: &'static str,
    /// Shows the departments the list leaves out, having no result (issue 13).
    pub departments_without_results: fn(usize) -> String,
    pub departments_with_results: &'static str,
    /// A filter's choice with the number of results it gives.
    pub choice: fn(&str, usize) -> String,
    pub facet_year: &'static str,
    pub facet_grade: &'static str,
    pub facet_new: &'static str,
    pub any: &'static str,
    pub clear_all: &'static str,
    /// What a removable filter's button says around the filter for a screen reader, before and after it: the
    /// filter is an element of its own, so that it can be marked Japanese in the English interface.
    pub remove_filter: [&'static str; 2],
    pub show_more: fn(usize) -> String,
    pub no_results: &'static str,
    pub no_results_hint: &'static str,
    pub departments: &'static str,
    pub not_stated: &'static str,
    /// A searched phrase, quoted as the language quotes.
    pub quoted: fn(&str) -> String,
    /// A result found through a policy above it, not its own text (issue 13): before and after the policy's
    /// code (kept as printed, in Japanese) and name.
    pub found_through: [&'static str; 2],
    /// The themes whose measures a search also shows (each quoted).
    pub also_searched: fn(&str) -> String,
    pub only_typed: &'static str,
    pub searched_typed_only: &'static str,
    pub with_synonyms: &'static str,
    /// Between the items of a list in running text: 「、」 or ", ".
    pub list_separator: &'static str,
    pub source: &'static str,
    pub line: fn(u32) -> String,
    pub new_badge: &'static str,
    pub back_to_list: &'static str,
    pub summary: &'static str,
    pub policies: &'static str,
    pub role_primary: &'static str,
    pub role_related: &'static str,
    pub schedule: &'static str,
    pub indicators: &'static str,
    pub unit: &'static str,
    pub baseline: &'static str,
    pub target: &'static str,
    pub actual: &'static str,
    pub attainment: &'static str,
    pub attainment_reported: &'static str,
    pub fiscal_year: &'static str,
    pub period_target: fn(String, String) -> String,
    pub evaluations: &'static str,
    pub grade_not_stated: &'static str,
    pub notes: &'static str,
    pub read_source: &'static str,
    pub source_loading: &'static str,
    pub source_failed: &'static str,
    pub source_excerpt: fn(&str, u32) -> String,
    pub cited_line: &'static str,
    pub measure_not_found: &'static str,
    pub tree_heading: &'static str,
    pub summaries_heading: &'static str,
    pub summaries_intro: &'static str,
    pub reported: &'static str,
    pub computed: &'static str,
    pub difference: &'static str,
    pub agrees: &'static str,
    pub differs: fn(i64) -> String,
    pub computed_not_stated: &'static str,
    pub row: &'static str,
    pub item: &'static str,
    pub total: &'static str,
    pub count_policies: &'static str,
    pub count_measures: &'static str,
    pub timeline_heading: &'static str,
    pub timeline_intro: &'static str,
    /// Says what the bands of the visual timeline show (issue 14).
    pub gantt_legend: &'static str,
    pub no_schedule: &'static str,
    pub compare_heading: &'static str,
    pub compare_intro: &'static str,
    pub no_measures: &'static str,
    /// The compare view under a filter or a search: it says so, and a ward without a match says why.
    pub compare_filtered: &'static str,
    pub compare_everything: &'static str,
    pub no_measures_filtered: &'static str,
    pub not_evaluated: &'static str,
    pub no_actuals: &'static str,
    /// An indicator with no target nor result recorded as a number.
    pub no_values: &'static str,
    /// The measure page's first line (issue 14): the latest result, and this fiscal year's plan.
    pub status_grade: fn(&str, &str) -> String,
    pub status_actual: fn(&str, &str, &str) -> String,
    pub status_no_record: &'static str,
    pub status_planned: fn(&str, &str) -> String,
    pub status_nothing_planned: fn(&str) -> String,
    pub print: &'static str,
    pub staff_tools: &'static str,
    pub staff_tools_help: &'static str,
    pub staff_loading: &'static str,
    /// The button under a plan's outlook that loads the what-if (the staff bundle), and what it does.
    pub whatif_open: &'static str,
    pub whatif_help: &'static str,
    /// The same on the simulation view, where a resident asked for the what-if, not for staff tools.
    pub whatif_loading: &'static str,
    pub staff_failed: &'static str,
    /// The same on the simulation view; either is followed by [`Texts::load_failed_hint`].
    pub whatif_failed: &'static str,
    /// Right after the sentence, as Japanese runs on; in English it begins with the space between them.
    pub load_failed_hint: &'static str,
    pub retry: &'static str,
    pub notes_in_plan_view: &'static str,
    pub open_full: &'static str,
    pub local_badge: &'static str,
    pub view_sim: &'static str,
    pub fields: fn(&str) -> &'static str,
    /// The simulation view's heading and its first paragraph, which the resident bundles show too while the
    /// staff bundle loads.
    pub sim_heading: &'static str,
    pub sim_evidence_intro: &'static str,
    pub outlook_heading: &'static str,
    /// (ward, plans, pooled measures, of which 未達成, this plan's measures, low, high, mean)
    pub outlook_own: fn(&str, usize, u32, u32, usize, usize, usize, String) -> String,
    /// (this ward, the lenders, plans, pooled measures, of which 未達成, this plan's measures, low, high, mean)
    pub outlook_borrowed: fn(&str, &str, usize, u32, u32, usize, usize, usize, String) -> String,
    /// (fiscal year, graded, of which 未達成)
    pub outlook_recorded: fn(String, u32, u32) -> String,
    pub outlook_no_measures: &'static str,
    pub outlook_no_evidence: &'static str,
    pub outlook_evidence: &'static str,
    pub outlook_record: fn(String, u32, u32) -> String,
    pub outlook_rule: &'static str,
    /// (a, b, the chance for one measure)
    pub outlook_method: fn(String, String, String) -> String,
    pub outlook_to_sim: &'static str,
    pub outlook_loading: &'static str,
    pub outlook_failed: &'static str,
    pub printed_results: &'static str,
    pub attainment_printed: fn(String) -> String,
}

pub static JA: Texts = Texts {
    app_title: "区のDX計画エクスプローラー",
    app_subtitle: "板橋区・北区・台東区のデジタル化計画を、施策・担当課・年度・目標から調べられます。",
    loading: "計画データを読み込んでいます…",
    searching: "検索しています…",
    show_more_plans: |n| format!("次の計画を表示（残り{n}計画）"),
    show_more_wards: |n| format!("次の自治体と比べる（残り{n}）"),
    switch_lang: "English",
    switch_lang_label: "Switch to English",
    search_label: "キーワードで探す",
    search_placeholder: "例：マイナンバー、窓口、子育て",
    search_hint: "ひらがな・カタカナ、全角・半角は区別しません。スペースで区切ると、すべての語を含む施策にしぼります。",
    topics_heading: "話題から探す",
    topics: [
        "マイナンバー",
        "窓口",
        "オンライン申請",
        "子育て",
        "防災",
        "キャッシュレス",
    ],
    wards_heading: "区と計画",
    find_ward: "自治体名で探す",
    wards_shown: |shown, total| match total {
        0 => "その名前の自治体はありません。".to_string(),
        _ if shown == total => format!("{total}の自治体を表示しています。"),
        _ => {
            format!("{total}の自治体のうち{shown}を表示しています。名前を入力すると絞り込めます。")
        }
    },
    measures_count: |n| format!("施策 {n}件"),
    results_count: |n| format!("{n}件の施策が見つかりました"),
    period: "計画期間",
    view_list: "一覧",
    view_tree: "計画の体系",
    view_timeline: "年度別",
    view_compare: "区の比較",
    views_label: "表示の切り替え",
    filters: "絞り込み",
    facet_plan: "計画",
    facet_policy: "方針・施策の分類",
    facet_related: "関連（○）として位置づけられた施策も含める",
    choose_plan_first: "計画を1つ選ぶと選べます",
    facet_dept: "担当課",
    departments_without_results: |n| format!("該当なしの担当課（{n}）も表示"),
    departments_with_results: "該当ありの担当課だけ表示",
    choice: |text, n| format!("{text}（{n}）"),
    facet_year: "年度",
    facet_grade: "評価",
    facet_new: "新規の施策のみ",
    any: "すべて",
    clear_all: "絞り込みをすべて解除",
    remove_filter: ["", " の条件を外す"],
    show_more: |n| format!("さらに表示（残り{n}件）"),
    no_results: "条件に合う施策はありません。",
    no_results_hint: "条件を減らすか、別のキーワードでお試しください。",
    departments: "担当",
    not_stated: "記載なし",
    list_separator: "、",
    quoted: |q| format!("「{q}」"),
    found_through: ["上位の方針「", "」に一致"],
    also_searched: |w| format!("同じテーマ{w}の施策も含めて表示しています。"),
    only_typed: "入力した語だけで探す",
    searched_typed_only: "入力した語だけで探しています。",
    with_synonyms: "同じテーマの施策も含める",
    source: "出典",
    line: |n| format!("{n}行目"),
    new_badge: "新規",
    back_to_list: "一覧に戻る",
    summary: "概要",
    policies: "位置づけ",
    role_primary: "主な方針（◎）",
    role_related: "関連（○）",
    schedule: "年度別の計画",
    indicators: "目標と実績",
    unit: "単位",
    baseline: "基準値",
    target: "目標",
    actual: "実績",
    attainment: "達成率（計算）",
    attainment_reported: "達成率（資料の記載）",
    fiscal_year: "年度",
    period_target: |from, to| format!("{from}〜{to}"),
    evaluations: "評価",
    grade_not_stated: "この施策の評価は資料に記載がありません",
    notes: "出典と注記",
    read_source: "原文を読む",
    source_loading: "原文を読み込んでいます…",
    source_failed: "原文を読み込めませんでした。",
    source_excerpt: |file, line| format!("{file} の {line}行目付近（PDFから抽出したテキスト）"),
    cited_line: "引用している行",
    measure_not_found: "指定された施策は見つかりませんでした。",
    tree_heading: "計画の体系と施策の数",
    summaries_heading: "資料に記載された集計と、施策ごとのデータからの再計算",
    summaries_intro: "資料の数字と、このサイトが施策ごとのデータから数え直した数字を並べています。違いがある場合はそのまま表示します。",
    reported: "資料の記載",
    computed: "再計算",
    difference: "差",
    agrees: "一致",
    differs: |d| format!("差 {d:+}"),
    computed_not_stated: "施策ごとの記載がないため計算できません",
    row: "区分",
    item: "項目",
    total: "計",
    count_policies: "施策の分類の数",
    count_measures: "施策の数",
    timeline_heading: "年度別の計画",
    timeline_intro: "絞り込んだ施策の年度別の計画です。",
    gantt_legend: "帯：予定のある年度（西暦の下2桁。選んだ年度は枠）。",
    no_schedule: "年度別の計画は資料に記載がありません。",
    compare_heading: "テーマ別に区を比べる",
    compare_intro: "同じテーマの施策を区ごとに並べています。テーマは施策名・概要などに含まれる語から自動で割り当てています。",
    no_measures: "該当なし",
    compare_filtered: "絞り込み条件に合う施策だけを比べています。",
    compare_everything: "すべての施策で比べる",
    no_measures_filtered: "条件に合う施策なし",
    not_evaluated: "評価なし",
    no_actuals: "実績の記録はまだありません（実績・達成率の列は省いています）。",
    no_values: "：数値として記録された目標・実績はありません。",
    status_grade: |fy, grade| format!("最新の評価：{fy} {grade}"),
    status_actual: |fy, indicator, value| format!("最新の実績：{fy} {indicator} {value}"),
    status_no_record: "評価・実績の記録はまだありません",
    status_planned: |fy, text| format!("今年度（{fy}）の予定：{text}"),
    status_nothing_planned: |fy| format!("今年度（{fy}）の予定は資料に記載がありません"),
    print: "印刷",
    staff_tools: "職員向けツール",
    staff_tools_help: "CSV・JSONでの保存、埋め込みコード、実績値の取り込みを使えるようにします（数百KBを追加で読み込みます）。",
    staff_loading: "職員向けツールを読み込んでいます…",
    whatif_open: "「もしも」の試算を開く",
    whatif_help: "進み具合などの前提を変えて、指標ごとに目標年度までの値と目標に届く確率を試算します（数百KBを追加で読み込みます）。",
    whatif_loading: "「もしも」の試算を読み込んでいます…",
    staff_failed: "職員向けツールを読み込めませんでした。",
    whatif_failed: "「もしも」の試算を読み込めませんでした。",
    load_failed_hint: "ネットワークの接続を確かめてから、もう一度お試しください。続けて失敗するときは、ページを再読み込みしてください（新しい版が公開された可能性があります）。",
    retry: "もう一度読み込む",
    notes_in_plan_view: "この計画の注記（データの読み取り方）と、資料に記載された集計を見る",
    open_full: "全体を見る",
    local_badge: "このブラウザで取り込んだ値",
    view_sim: "達成の見通し",
    fields: |f| match f {
        "summary" => "概要",
        "departments" => "担当課",
        "schedule" => "年度別の計画",
        "indicators" => "目標・指標",
        "evaluations" => "評価",
        _ => "その他",
    },
    sim_heading: "目標は達成できそうか",
    sim_evidence_intro: "まず、各区がこれまでに施策をどれだけ達成してきたかの記録から、計画ごとの見通しを示します。その下の「もしも」は、仮定を変えて試す計算で、見通しそのものではありません。",
    outlook_heading: "見通し（これまでの評価から）",
    outlook_own: |ward, plans, pooled, k, n, low, high, mean| {
        format!(
            "{ward}のこれまでの評価（{plans}計画の{pooled}施策のうち未達成{k}件）から見ると、この計画の{n}施策のうち未達成で終わるのは{low}〜{high}件と見込まれます（80%の確率でこの範囲、平均{mean}件）。"
        )
    },
    outlook_borrowed: |ward, lender, plans, pooled, k, n, low, high, mean| {
        format!(
            "このデータには{ward}の施策を評価した記録がありません。参考として{lender}の記録（{plans}計画の{pooled}施策のうち未達成{k}件）を当てはめると、この計画の{n}施策のうち未達成で終わるのは{low}〜{high}件です（80%の範囲、平均{mean}件）。{ward}自身の実績にもとづく値ではありません。"
        )
    },
    outlook_recorded: |fy, n, k| {
        format!(
            "この計画の結果は記録されています。{fy}の評価で、{n}施策のうち未達成は{k}件でした。"
        )
    },
    outlook_no_measures: "この計画には施策が記録されていないため、見通しは出せません。",
    outlook_no_evidence: "どの区にも施策を評価した記録がないため、見通しは出せません。",
    outlook_evidence: "根拠となった記録",
    outlook_record: |fy, n, k| format!("{fy}の評価：{n}施策のうち未達成{k}件"),
    outlook_rule: "「未達成」は、それぞれの計画の評語のうち最も低いものです（板橋区の計画では「未達成」）。それ以外の評語（完了・順調・概ね順調、達成+・達成など）は、未達成でないものとして数えています。",
    outlook_method: |a, b, rate| {
        format!(
            "計算：記録の件数から、施策が未達成で終わる割合をベータ分布 Beta({a}, {b})（何も知らない状態を一様分布として、記録で更新したもの）で表し、施策数に当てはめたベータ二項分布の10〜90パーセンタイルを範囲としています。1施策あたりの未達成の確率は{rate}です。"
        )
    },
    outlook_to_sim: "試算と、この方法の検証を見る",
    outlook_loading: "見通しを計算しています…",
    outlook_failed: "見通しの根拠（各計画の評価の記録）を読み込めませんでした。再読み込みしてください。",
    printed_results: "資料に記載された実績",
    attainment_printed: |rate| format!("（達成率{rate}%、資料の記載）"),
};

pub static EN: Texts = Texts {
    app_title: "Ward DX Plan Explorer",
    app_subtitle: "Explore the digital-transformation plans of Itabashi, Kita and Taito wards by measure, department, year and target.",
    loading: "Loading the plan data…",
    searching: "Searching…",
    show_more_plans: |n| if n == 1 { "Show the last plan".to_string() } else { format!("Show the next plans ({n} left)") },
    show_more_wards: |n| if n == 1 { "Compare the last municipality".to_string() } else { format!("Compare the next municipalities ({n} left)") },
    switch_lang: "日本語",
    switch_lang_label: "日本語に切り替える",
    search_label: "Search by keyword",
    search_placeholder: "e.g. My Number, counter, child",
    search_hint: "Hiragana and katakana match each other, as do full- and half-width characters. Words separated by spaces find the measures that contain all of them.",
    topics_heading: "Browse by topic",
    topics: [
        "My Number",
        "counter",
        "online application",
        "child",
        "disaster",
        "cashless",
    ],
    wards_heading: "Wards and plans",
    find_ward: "Find a municipality by name",
    wards_shown: |shown, total| match total {
        0 => "No municipality has that name.".to_string(),
        1 => "Showing 1 municipality.".to_string(),
        _ if shown == total => format!("Showing {total} municipalities."),
        _ => format!("Showing {shown} of {total} municipalities. Type a name to narrow them."),
    },
    measures_count: |n| count(n, "measure", "measures"),
    results_count: |n| format!("{} found", count(n, "measure", "measures")),
    period: "Period",
    view_list: "List",
    view_tree: "Plan structure",
    view_timeline: "By year",
    view_compare: "Compare wards",
    views_label: "Views",
    filters: "Filters",
    facet_plan: "Plan",
    facet_policy: "Policy",
    facet_related: "Also include measures linked as related (○)",
    choose_plan_first: "choose one plan first",
    facet_dept: "Department",
    departments_without_results: |n| format!("Also list the {} with no results", count(n, "department", "departments")),
    departments_with_results: "List only departments with results",
    choice: |text, n| format!("{text} ({n})"),
    facet_year: "Fiscal year",
    facet_grade: "Evaluation",
    facet_new: "New measures only",
    any: "All",
    clear_all: "Clear all filters",
    remove_filter: ["Remove filter ", ""],
    show_more: |n| format!("Show more ({n} left)"),
    no_results: "No measure matches these filters.",
    no_results_hint: "Remove a filter or try another keyword.",
    departments: "In charge",
    not_stated: "Not stated",
    list_separator: ", ",
    quoted: |q| format!("“{q}”"),
    found_through: ["Matched the policy above it: “", "”"],
    also_searched: |w| format!("Also showing the measures of the same theme: {w}."),
    only_typed: "Only the words typed",
    searched_typed_only: "Searching only for the words typed.",
    with_synonyms: "Include the measures of the same theme",
    source: "Source",
    line: |n| format!("line {n}"),
    new_badge: "New",
    back_to_list: "Back to the list",
    summary: "Summary",
    policies: "Place in the plan",
    role_primary: "Main policy (◎)",
    role_related: "Related (○)",
    schedule: "Plan by fiscal year",
    indicators: "Targets and results",
    unit: "Unit",
    baseline: "Baseline",
    target: "Target",
    actual: "Actual",
    attainment: "Attainment (computed)",
    attainment_reported: "Attainment (as reported)",
    fiscal_year: "Fiscal year",
    period_target: |from, to| format!("{from} – {to}"),
    evaluations: "Evaluation",
    grade_not_stated: "The documents do not state this measure's grade",
    notes: "Sources and notes",
    read_source: "Read the source",
    source_loading: "Loading the source…",
    source_failed: "The source could not be loaded.",
    source_excerpt: |file, line| {
        format!("{file}, around line {line} (text extracted from the PDF)")
    },
    cited_line: "cited line",
    measure_not_found: "The requested measure was not found.",
    tree_heading: "Plan structure and number of measures",
    summaries_heading: "Figures printed in the documents, recomputed from the measures",
    summaries_intro: "The documents' own figures next to the same figures counted from the per-measure data. Differences are shown, not hidden.",
    reported: "Reported",
    computed: "Recomputed",
    difference: "Difference",
    agrees: "Agrees",
    differs: |d| format!("Differs by {d:+}"),
    computed_not_stated: "Cannot be computed: not stated per measure",
    row: "Category",
    item: "Figure",
    total: "Total",
    count_policies: "Number of policy groups",
    count_measures: "Number of measures",
    timeline_heading: "Plan by fiscal year",
    timeline_intro: "The yearly plan of the filtered measures.",
    gantt_legend: "Bands: years with something planned (shown by their last two digits; the chosen year is outlined).",
    no_schedule: "The documents give no yearly plan.",
    compare_heading: "Compare wards by theme",
    compare_intro: "Measures on the same theme, ward by ward. Themes are assigned automatically from words in each measure's name, summary and other text.",
    no_measures: "None",
    compare_filtered: "Comparing only the measures that match the filters.",
    compare_everything: "Compare all measures",
    no_measures_filtered: "None match the filters",
    not_evaluated: "Not evaluated",
    no_actuals: "No actual has been recorded yet (the columns for actuals and attainment are left out).",
    no_values: ": no target or result is recorded as a number.",
    status_grade: |fy, grade| format!("Latest evaluation: {grade} ({fy})"),
    status_actual: |fy, indicator, value| format!("Latest actual: {indicator} {value} ({fy})"),
    status_no_record: "No evaluation or actual recorded yet",
    status_planned: |fy, text| format!("This fiscal year ({fy}): {text}"),
    status_nothing_planned: |fy| format!("This fiscal year ({fy}): nothing stated in the plan"),
    print: "Print",
    staff_tools: "Staff tools",
    staff_tools_help: "Adds saving as CSV or JSON, the embed code and importing actuals (loads a few hundred KB more).",
    staff_loading: "Loading the staff tools…",
    whatif_open: "Open the \"what if\" calculation",
    whatif_help: "Projects each indicator to its target year under assumptions you choose, with its chance of reaching the target (loads a few hundred KB more).",
    whatif_loading: "Loading the \"what if\" calculation…",
    staff_failed: "The staff tools could not be loaded.",
    whatif_failed: "The \"what if\" calculation could not be loaded.",
    load_failed_hint: " Check your network connection and try again. If it keeps failing, reload the page (a new version may have been published).",
    retry: "Try again",
    notes_in_plan_view: "See this plan's notes (how to read the data) and the totals printed in its documents",
    open_full: "Open the full explorer",
    local_badge: "imported in this browser",
    view_sim: "Will targets be met?",
    fields: |f| match f {
        "summary" => "summary",
        "departments" => "departments",
        "schedule" => "yearly plan",
        "indicators" => "targets",
        "evaluations" => "evaluation",
        _ => "other",
    },
    sim_heading: "Will the targets be met?",
    sim_evidence_intro: "First, each plan's outlook from the record of how well the wards have achieved their measures so far. The \"what if\" part below it tries assumptions; it is not the outlook.",
    outlook_heading: "Outlook (from past evaluations)",
    outlook_own: |ward, plans, pooled, k, n, low, high, mean| {
        format!(
            "Judging by {ward}'s past evaluations ({k} of {} in {} not achieved), {low} to {high} of this plan's {} are expected to end not achieved (80% likely within this range; mean {mean}).",
            count(pooled as usize, "measure", "measures"),
            count(plans, "plan", "plans"),
            count(n, "measure", "measures"),
        )
    },
    outlook_borrowed: |ward, lender, plans, pooled, k, n, low, high, mean| {
        format!(
            "This data has no record of how {ward}'s measures were evaluated. Borrowing {lender}'s record ({k} of {} in {} not achieved) as a reference, {low} to {high} of this plan's {} would end not achieved (80% range; mean {mean}). This is not based on {ward}'s own results.",
            count(pooled as usize, "measure", "measures"),
            count(plans, "plan", "plans"),
            count(n, "measure", "measures"),
        )
    },
    outlook_recorded: |fy, n, k| {
        format!(
            "This plan's outcome is recorded: in the {fy} evaluation, {k} of its {} {} not achieved.",
            count(n as usize, "measure", "measures"),
            if k == 1 { "was" } else { "were" },
        )
    },
    outlook_no_measures: "This plan has no measures in the data, so there is no outlook.",
    outlook_no_evidence: "No ward has a record of evaluated measures in the data, so there is no outlook.",
    outlook_evidence: "The records this rests on",
    outlook_record: |fy, n, k| format!("{fy} evaluation: {k} of {} not achieved", count(n as usize, "measure", "measures")),
    outlook_rule: "A measure counts as \"not achieved\" when it got its plan's lowest grade (未達成 in Itabashi City's plans); any other grade (完了, 順調, 概ね順調; 達成+, 達成 …) does not.",
    outlook_method: |a, b, rate| {
        format!(
            "How: the share of measures that end not achieved is a beta distribution Beta({a}, {b}) (a uniform prior updated with the records' counts); the range is the 10th to 90th percentile of the beta-binomial distribution for this plan's number of measures. The chance that any one measure ends not achieved is {rate}."
        )
    },
    outlook_to_sim: "See the simulation and how well this method has predicted",
    outlook_loading: "Working out the outlook…",
    outlook_failed: "The records the outlook rests on (each plan's evaluations) could not be loaded. Please reload the page.",
    printed_results: "Results printed in the plan",
    attainment_printed: |rate| format!(" (attainment {rate}%, as printed)"),
};
