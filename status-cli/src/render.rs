//! Lookups → text: an aligned list, a detailed view of one code, or JSON.

use std::fmt::Write as _;

use status_codegen::model::{Code, Problem, Table};

use crate::labels::{Labels, class_index, display_width};
use crate::output::acts_on_terminal;
use crate::table::{Field, problems_of, tag_of, text};

/// One line per code: number, reason phrase, message; the reason column is aligned. Under a
/// code, a line per problem type of it: its key and title.
pub fn list(table: &Table, codes: &[&Code], locale: usize) -> String {
    let width = codes
        .iter()
        .map(|code| code.name().len())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for code in codes {
        let message = text(code, Field::Message, locale).unwrap_or_default();
        let _ = writeln!(out, "{}  {:width$}  {message}", code.code(), code.name());
        problem_lines(table, code, locale, &mut out);
    }
    out
}

/// `     out-of-credit  You do not have enough credit.` per problem type of `code`.
fn problem_lines(table: &Table, code: &Code, locale: usize, out: &mut String) {
    let problems: Vec<&Problem> = problems_of(table, code.code()).collect();
    let width = problems
        .iter()
        .map(|problem| problem.key().len())
        .max()
        .unwrap_or(0);
    for problem in problems {
        let title = problem.title().get(locale).map_or("", String::as_str);
        let _ = writeln!(out, "     {:width$}  {title}", problem.key());
    }
}

/// Everything the table says about one problem type, labelled in the language of its texts:
/// its status, type, title, detail template and fields.
pub fn problem_detail(table: &Table, problem: &Problem, locale: usize) -> String {
    let labels = Labels::for_tag(tag_of(table, locale));
    let [_, _, r#type, title, detail, fields, status] = labels.problems;
    let mut out = format!("{} ({})\n", problem.key(), problem.ident());
    let mut field = |label: &str, text: &str| {
        let pad = 10usize.saturating_sub(display_width(label));
        let _ = writeln!(out, "  {label}{} {text}", " ".repeat(pad));
    };
    let reason = table
        .codes()
        .iter()
        .find(|code| code.code() == problem.status())
        .map_or("", |code| code.name());
    field(status, &format!("{} {reason}", problem.status()));
    field(r#type, problem.r#type());
    field(
        title,
        problem.title().get(locale).map_or("", String::as_str),
    );
    let template = problem
        .detail()
        .get(locale)
        .map(|template| template.source(problem.fields()))
        .unwrap_or_default();
    field(detail, &template);
    if !problem.fields().is_empty() {
        field(fields, &crate::export::fields(problem).join(", "));
    }
    out
}

/// One problem type as a JSON object: its detail is the template, placeholders as written.
pub fn problem_json(table: &Table, problem: &Problem, locale: usize) -> serde_json::Value {
    let tag = |index: usize| table.locales().get(index).map(|locale| locale.tag());
    serde_json::json!({
        "problem": problem.key(),
        "struct": problem.ident().as_str(),
        "status": problem.status(),
        "type": problem.r#type(),
        "locale": tag(locale),
        "title": problem.title().get(locale),
        "detail": problem.detail().get(locale).map(|template| template.source(problem.fields())),
        "fields": crate::export::fields(problem),
    })
}

/// Everything the table says about one code, labelled in the language of its texts.
pub fn detail(table: &Table, code: &Code, locale: usize) -> String {
    let labels = Labels::for_tag(tag_of(table, locale));
    let [class, message, scenario, note, aliases, retry] = labels.detail;
    let mut out = format!("{} {}\n", code.code(), code.name());
    let mut field = |label: &str, text: &str| {
        // Labels are padded by display width, so Chinese ones line up too.
        let pad = 10usize.saturating_sub(display_width(label));
        let _ = writeln!(out, "  {label}{} {text}", " ".repeat(pad));
    };
    field(class, labels.class_names[class_index(code.code())]);
    field(
        message,
        text(code, Field::Message, locale).unwrap_or_default(),
    );
    if let Some(text) = text(code, Field::Scenario, locale) {
        field(scenario, text);
    }
    if let Some(text) = text(code, Field::Note, locale) {
        field(note, text);
    }
    if !code.aliases().is_empty() {
        field(aliases, &code.aliases().join(", "));
    }
    if let Some(retry_unchanged) = code.retry_unchanged() {
        field(retry, labels.retry_lines[usize::from(!retry_unchanged)]);
    }
    if problems_of(table, code.code()).next().is_some() {
        let _ = writeln!(out, "  {}", labels.problems[0]);
        problem_lines(table, code, locale, &mut out);
    }
    out
}

/// One code as a JSON object, its class as in a query (`4xx`); absent optional texts are
/// `null`.
pub fn json_value(table: &Table, code: &Code, locale: usize) -> serde_json::Value {
    let tag = table.locales().get(locale).map(|locale| locale.tag());
    serde_json::json!({
        "code": code.code(),
        "reason": code.name(),
        "class": format!("{}xx", code.code() / 100),
        "locale": tag,
        "message": text(code, Field::Message, locale),
        "scenario": text(code, Field::Scenario, locale),
        "note": text(code, Field::Note, locale),
        "aliases": code.aliases(),
        "retry_unchanged": code.retry_unchanged(),
        "problems": problems_of(table, code.code()).map(|problem| problem.key()).collect::<Vec<_>>(),
    })
}

/// Pretty JSON with a final newline. serde_json escapes C0 controls itself but writes DEL, C1,
/// the bidi controls and U+2028/U+2029 raw: those are written as `\uXXXX` escapes here (all
/// are in the BMP), the same JSON value for any reader, inert in a terminal, and safe in
/// JavaScript source, where U+2028 and U+2029 end a line.
pub fn json(value: &serde_json::Value) -> String {
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    let mut out = String::with_capacity(text.len() + 1);
    for c in text.chars() {
        // Outside strings the pretty printer writes only ASCII punctuation, spaces and line
        // feeds, so every other such character is inside a string.
        if c != '\n' && acts_on_terminal(c) {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = r#"
        [locales]
        default = "en"

        [codes.100]
        name = "Continue"
        message.en = "Go on."
        message.zh-CN = "继续。"

        [codes.404]
        name = "Not Found"
        aliases = ["Missing"]
        message.en = "Nothing here."
        message.zh-CN = "这里没有。"
        scenario.en = "A wrong ID."
        retry_unchanged = false

        [codes.503]
        name = "Service Unavailable"
        message.en = "Try later."
        retry_unchanged = true
    "#;

    #[test]
    fn json_escapes_what_serde_json_leaves_raw() {
        let text = "\u{1b}[2J \u{7f}\u{9b}\u{202E}\u{2066}\u{2028}\u{2029} خطأ 页面";
        let written = json(&serde_json::json!({ "message": text }));
        assert_eq!(
            written,
            "{\n  \"message\": \"\\u001b[2J \\u007f\\u009b\\u202e\\u2066\\u2028\\u2029 خطأ 页面\"\n}\n"
        );
        let read: serde_json::Value = serde_json::from_str(&written).unwrap();
        assert_eq!(read["message"], text);
    }

    #[test]
    fn list_aligns_the_reason_column() {
        let table = status_codegen::load_str("t.toml", TABLE).unwrap();
        let codes: Vec<&Code> = table.codes().iter().collect();
        assert_eq!(
            list(&table, &codes, 1),
            "100  Continue             继续。\n\
             404  Not Found            这里没有。\n\
             503  Service Unavailable  Try later.\n"
        );
    }

    #[test]
    fn detail_shows_what_the_table_has_labelled_in_its_language() {
        let table = status_codegen::load_str("t.toml", TABLE).unwrap();
        assert_eq!(
            detail(&table, &table.codes()[0], 1),
            "100 Continue\n  类别       信息（1xx）\n  说明       继续。\n"
        );
        assert_eq!(
            detail(&table, &table.codes()[1], 0),
            "404 Not Found\n\
             \x20 class      client error (4xx)\n\
             \x20 message    Nothing here.\n\
             \x20 scenario   A wrong ID.\n\
             \x20 aliases    Missing\n\
             \x20 retry      no: change the request before sending it again\n"
        );
        // zh-CN has no scenario of its own: it shows the default's, as `scenario()` does.
        assert_eq!(
            detail(&table, &table.codes()[1], 1),
            "404 Not Found\n\
             \x20 类别       客户端错误（4xx）\n\
             \x20 说明       这里没有。\n\
             \x20 适用场景   A wrong ID.\n\
             \x20 别名       Missing\n\
             \x20 重试       不可以：修改请求后再发送\n"
        );
        assert!(
            detail(&table, &table.codes()[2], 0)
                .ends_with("  retry      yes: the same request may succeed later\n")
        );
    }
}
