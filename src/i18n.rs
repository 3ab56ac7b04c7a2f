//! UI text in Japanese (first) and English. Data stays as printed.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Ja,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Ja => &JA,
            Lang::En => &EN,
        }
    }

    pub fn fiscal_year(self, fy: i32) -> String {
        match self {
            Lang::Ja => plan_core::fiscal::label_ja(fy),
            Lang::En => plan_core::fiscal::label_en(fy),
        }
    }
}

pub struct Texts {
    pub app_title: &'static str,
    pub app_subtitle: &'static str,
    pub loading: &'static str,
    pub measures_count: fn(usize) -> String,
    pub departments: &'static str,
    pub not_stated: &'static str,
    pub source: &'static str,
    pub line: fn(u32) -> String,
    pub period: &'static str,
    pub new_badge: &'static str,
    pub switch_lang: &'static str,
    pub switch_lang_label: &'static str,
}

pub static JA: Texts = Texts {
    app_title: "区のDX計画エクスプローラー",
    app_subtitle: "板橋区・北区・台東区のデジタル化計画を、施策・担当課・年度・目標から調べられます。",
    loading: "計画データを読み込んでいます…",
    measures_count: |n| format!("{n}件の施策"),
    departments: "担当",
    not_stated: "記載なし",
    source: "出典",
    line: |n| format!("{n}行目"),
    period: "計画期間",
    new_badge: "新規",
    switch_lang: "English",
    switch_lang_label: "Switch to English",
};

pub static EN: Texts = Texts {
    app_title: "Ward DX Plan Explorer",
    app_subtitle: "Explore the digital-transformation plans of Itabashi, Kita and Taito wards by measure, department, year and target.",
    loading: "Loading the plan data…",
    measures_count: |n| format!("{n} measures"),
    departments: "Responsible",
    not_stated: "Not stated",
    source: "Source",
    line: |n| format!("line {n}"),
    period: "Period",
    new_badge: "New",
    switch_lang: "日本語",
    switch_lang_label: "日本語に切り替える",
};
