//! The tool's own words around a table's texts (field names, class names, yes and no), in
//! English, Simplified and Traditional Chinese. They follow the language the texts are shown
//! in, matched as a header would be; any other language gets English.

/// The words of one language.
#[derive(Debug)]
pub struct Labels {
    /// The language of these words, as a tag for HTML's `lang`.
    pub tag: &'static str,
    /// A document's title.
    pub title: &'static str,
    /// Column headings: code, name, aliases, message, scenario, note, retry.
    pub code: &'static str,
    /// See [`Labels::code`].
    pub name: &'static str,
    /// See [`Labels::code`].
    pub aliases: &'static str,
    /// The heading of each [`crate::table::Field`], in order.
    pub fields: [&'static str; 3],
    /// See [`Labels::code`].
    pub retry: &'static str,
    /// Short answers in a retry column: yes, no.
    pub yes_no: [&'static str; 2],
    /// The labels of the one-code view: class, message, scenario, note, aliases, retry.
    pub detail: [&'static str; 6],
    /// The retry line of the one-code view: may succeed later, must change.
    pub retry_lines: [&'static str; 2],
    /// The one-code view's class, by class (1xx to 5xx, then every other code).
    pub class_names: [&'static str; 6],
    /// A document's section heading per class.
    pub class_headings: [&'static str; 6],
    /// A sentence under each heading: what the class means.
    pub class_meanings: [&'static str; 6],
    /// Problem types: a document's heading, then the columns and the labels of the one-type
    /// view: problem type, type URI, title, detail, fields, status.
    pub problems: [&'static str; 7],
}

// The meanings of the classes 1xx to 5xx are RFC 9110 (June 2022), section 15, word for word
// in English, translated in Chinese.

const EN: Labels = Labels {
    tag: "en",
    title: "Status codes",
    code: "Status code",
    name: "Name",
    aliases: "Also known as",
    fields: ["Description", "Scenario", "Note"],
    retry: "Retry unchanged",
    yes_no: ["yes", "no"],
    detail: ["class", "message", "scenario", "note", "aliases", "retry"],
    retry_lines: [
        "yes: the same request may succeed later",
        "no: change the request before sending it again",
    ],
    class_names: [
        "informational (1xx)",
        "success (2xx)",
        "redirection (3xx)",
        "client error (4xx)",
        "server error (5xx)",
        "other (6xx–9xx)",
    ],
    class_headings: [
        "1xx Informational",
        "2xx Successful",
        "3xx Redirection",
        "4xx Client Error",
        "5xx Server Error",
        "6xx–9xx Other",
    ],
    class_meanings: [
        "The request was received, continuing process.",
        "The request was successfully received, understood, and accepted.",
        "Further action needs to be taken in order to complete the request.",
        "The request contains bad syntax or cannot be fulfilled.",
        "The server failed to fulfill an apparently valid request.",
        "Codes outside the classes of RFC 9110, defined by this table.",
    ],
    problems: [
        "Problem types",
        "Problem type",
        "Type",
        "Title",
        "Detail",
        "Fields",
        "Status",
    ],
};

const ZH_HANS: Labels = Labels {
    tag: "zh-Hans",
    title: "状态码",
    code: "状态码",
    name: "名称",
    aliases: "别名",
    fields: ["说明", "适用场景", "备注"],
    retry: "原样重试",
    yes_no: ["可以", "不可以"],
    detail: ["类别", "说明", "适用场景", "备注", "别名", "重试"],
    retry_lines: ["可以：同样的请求稍后可能成功", "不可以：修改请求后再发送"],
    class_names: [
        "信息（1xx）",
        "成功（2xx）",
        "重定向（3xx）",
        "客户端错误（4xx）",
        "服务器错误（5xx）",
        "其他（6xx–9xx）",
    ],
    class_headings: [
        "1xx 信息",
        "2xx 成功",
        "3xx 重定向",
        "4xx 客户端错误",
        "5xx 服务器错误",
        "6xx–9xx 其他",
    ],
    class_meanings: [
        "请求已被接收，继续处理。",
        "请求已被成功接收、理解并接受。",
        "需要进一步的操作才能完成请求。",
        "请求包含错误的语法或无法被满足。",
        "服务器未能满足一个看似有效的请求。",
        "RFC 9110 所定义类别之外的状态码，由本表定义。",
    ],
    problems: [
        "问题类型",
        "问题类型",
        "类型",
        "标题",
        "详情",
        "字段",
        "状态码",
    ],
};

const ZH_HANT: Labels = Labels {
    tag: "zh-Hant",
    title: "狀態碼",
    code: "狀態碼",
    name: "名稱",
    aliases: "別名",
    fields: ["說明", "適用場景", "備註"],
    retry: "原樣重試",
    yes_no: ["可以", "不可以"],
    detail: ["類別", "說明", "適用場景", "備註", "別名", "重試"],
    retry_lines: ["可以：同樣的請求稍後可能成功", "不可以：修改請求後再傳送"],
    class_names: [
        "資訊（1xx）",
        "成功（2xx）",
        "重新導向（3xx）",
        "用戶端錯誤（4xx）",
        "伺服器錯誤（5xx）",
        "其他（6xx–9xx）",
    ],
    class_headings: [
        "1xx 資訊",
        "2xx 成功",
        "3xx 重新導向",
        "4xx 用戶端錯誤",
        "5xx 伺服器錯誤",
        "6xx–9xx 其他",
    ],
    class_meanings: [
        "請求已被接收，繼續處理。",
        "請求已被成功接收、理解並接受。",
        "需要進一步的操作才能完成請求。",
        "請求包含錯誤的語法或無法被滿足。",
        "伺服器未能滿足一個看似有效的請求。",
        "RFC 9110 所定義類別之外的狀態碼，由本表定義。",
    ],
    problems: [
        "問題類型",
        "問題類型",
        "類型",
        "標題",
        "詳情",
        "欄位",
        "狀態碼",
    ],
};

/// Every language of the labels, English first: it is what any other language gets.
const ALL: [&Labels; 3] = [&EN, &ZH_HANS, &ZH_HANT];

impl Labels {
    /// The labels for texts shown in `tag`.
    pub fn for_tag(tag: &str) -> &'static Labels {
        let tags = ALL.map(|labels| labels.tag);
        let index = status_locale::data::rules_for(&tags, |rules| {
            status_core::locale::negotiate(tag, &tags, rules)
        });
        ALL[index.min(ALL.len() - 1)]
    }
}

/// The index of a code's class in the class arrays: 1xx to 5xx, then every other code.
pub fn class_index(code: u16) -> usize {
    match code / 100 {
        digit @ 1..=5 => usize::from(digit as u8 - 1),
        _ => 5,
    }
}

/// Columns a terminal gives `text`: East Asian wide characters take two, so that columns of
/// Chinese labels line up.
pub fn display_width(text: &str) -> usize {
    text.chars()
        .map(|c| match c {
            '\u{1100}'..='\u{115F}'
            | '\u{2E80}'..='\u{303E}'
            | '\u{3041}'..='\u{33FF}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{A000}'..='\u{A4CF}'
            | '\u{AC00}'..='\u{D7A3}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{FE30}'..='\u{FE4F}'
            | '\u{FF00}'..='\u{FF60}'
            | '\u{FFE0}'..='\u{FFE6}' => 2,
            _ => 1,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_follow_the_language_of_the_texts() {
        assert_eq!(Labels::for_tag("en").tag, "en");
        assert_eq!(Labels::for_tag("zh-CN").tag, "zh-Hans");
        assert_eq!(Labels::for_tag("zh").tag, "zh-Hans");
        assert_eq!(Labels::for_tag("zh-TW").tag, "zh-Hant");
        assert_eq!(Labels::for_tag("zh-Hant-HK").tag, "zh-Hant");
        assert_eq!(Labels::for_tag("ja").tag, "en");
        assert_eq!(Labels::for_tag("es-419").tag, "en");
    }

    #[test]
    fn classes_by_first_digit() {
        assert_eq!(class_index(100), 0);
        assert_eq!(class_index(451), 3);
        assert_eq!(class_index(599), 4);
        assert_eq!(class_index(600), 5);
        assert_eq!(class_index(999), 5);
    }

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(display_width("class"), 5);
        assert_eq!(display_width("适用场景"), 8);
        assert_eq!(display_width("信息（1xx）"), 11);
    }
}
