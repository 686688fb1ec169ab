//! Codes → text: an aligned table, a detailed view of one code, or JSON.

use std::fmt::Write as _;

use status_core::StatusClass;

use crate::table::{Locale, StatusCode};

/// One line per code: number, reason phrase, message; the reason column is aligned.
pub fn list(codes: &[StatusCode], locale: Locale) -> String {
    let width = codes
        .iter()
        .map(|code| code.reason().len())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for code in codes {
        let _ = writeln!(
            out,
            "{}  {:width$}  {}",
            code.code(),
            code.reason(),
            code.message(locale)
        );
    }
    out
}

/// Everything the table says about one code.
pub fn detail(code: StatusCode, locale: Locale) -> String {
    let mut out = format!("{code}\n");
    let mut field = |label: &str, text: &str| {
        let _ = writeln!(out, "  {label:<10} {text}");
    };
    field("class", class_name(code.class()));
    field("message", code.message(locale));
    if let Some(scenario) = code.scenario(locale) {
        field("scenario", scenario);
    }
    if let Some(note) = code.note(locale) {
        field("note", note);
    }
    if !code.aliases().is_empty() {
        field("aliases", &code.aliases().join(", "));
    }
    if let Some(retry) = code.retry_unchanged() {
        let retry = if retry {
            "yes: the same request may succeed later"
        } else {
            "no: change the request before sending it again"
        };
        field("retry", retry);
    }
    out
}

/// One code as a JSON object, its class as in a query (`4xx`); absent optional texts are
/// `null`.
pub fn json_value(code: StatusCode, locale: Locale) -> serde_json::Value {
    serde_json::json!({
        "code": code.code(),
        "reason": code.reason(),
        "class": format!("{}xx", code.code() / 100),
        "locale": locale.tag(),
        "message": code.message(locale),
        "scenario": code.scenario(locale),
        "note": code.note(locale),
        "aliases": code.aliases(),
        "retry_unchanged": code.retry_unchanged(),
    })
}

/// Pretty JSON with a final newline.
pub fn json(value: &serde_json::Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

/// The class in words, with its digit pattern.
fn class_name(class: StatusClass) -> &'static str {
    match class {
        StatusClass::Informational => "informational (1xx)",
        StatusClass::Success => "success (2xx)",
        StatusClass::Redirection => "redirection (3xx)",
        StatusClass::ClientError => "client error (4xx)",
        StatusClass::ServerError => "server error (5xx)",
        StatusClass::Other => "other (6xx-9xx)",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_aligns_the_reason_column() {
        let text = list(
            &[StatusCode::Ok, StatusCode::NotFound, StatusCode::Accepted],
            Locale::En,
        );
        assert_eq!(
            text,
            "200  OK         The request succeeded.\n\
             404  Not Found  The server could not find the requested page.\n\
             202  Accepted   The request has been accepted for processing.\n"
        );
    }

    #[test]
    fn detail_shows_only_what_the_table_has() {
        let text = detail(StatusCode::Continue, Locale::ZhCn);
        assert_eq!(
            text,
            "100 Continue\n  class      informational (1xx)\n  message    客户端可以继续发送请求的消息体。\n"
        );
    }
}
