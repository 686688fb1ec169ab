//! An axum service whose error responses carry a JSON body in the client's language:
//!
//! ```text
//! $ curl -H 'Accept-Language: zh-CN' http://127.0.0.1:3000/status/503
//! {"code":503,"locale":"zh-CN","message":"请求未完成。系统暂时异常。","reason":"Service Unavailable"}
//! ```
//!
//! Routes: `GET /status/{code}` answers with that code of the table (400 for a malformed code,
//! 404 for one the table lacks); every other path answers 404. Run it with
//! `cargo run -p axum-service -- [ADDRESS]` (default `127.0.0.1:3000`); it prints the address it
//! bound, so `127.0.0.1:0` picks a free port.

use std::io::Write as _;
use std::process::ExitCode;

use axum::Json;
use axum::Router;
use axum::extract::Path;
use axum::http::HeaderMap;
use axum::http::header::ACCEPT_LANGUAGE;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

mod status {
    status_core::status_codes!("codes.toml");
}

use status::{Locale, StatusCode};

/// The service's routes.
fn app() -> Router {
    Router::new()
        .route("/status/{code}", get(status_by_code))
        .fallback(not_found)
}

/// `GET /status/{code}`: the code itself, with its body.
async fn status_by_code(Path(code): Path<String>, headers: HeaderMap) -> Response {
    let locale = locale_for(&headers);
    match code.parse::<u16>() {
        Ok(number) => match StatusCode::from_u16(number) {
            Some(code) => error(code, locale),
            None => error(StatusCode::NotFound, locale),
        },
        Err(_) => error(StatusCode::BadRequest, locale),
    }
}

/// Any other path.
async fn not_found(headers: HeaderMap) -> Response {
    error(StatusCode::NotFound, locale_for(&headers))
}

/// A response with `code` and the body `{code, reason, message, locale}`; the body goes through
/// the generated enums' `serde` impls (code as a number, locale as its tag).
fn error(code: StatusCode, locale: Locale) -> Response {
    let body = serde_json::json!({
        "code": code,
        "reason": code.reason(),
        "message": code.message(locale),
        "locale": locale,
    });
    (axum::http::StatusCode::from(code), Json(body)).into_response()
}

/// The locale a request asks for in `Accept-Language`, or the table's default.
fn locale_for(headers: &HeaderMap) -> Locale {
    let header = headers
        .get(ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("");
    negotiate(header)
}

/// The best locale of the table for an `Accept-Language` header: the highest q-value that
/// matches, matched by RFC 4647 lookup (drop subtags from the end until a tag of the table
/// matches). Traditional Chinese (`zh-TW`, `zh-HK`, `zh-MO`, `zh-Hant…`) never falls to
/// Simplified `zh-CN`; `zh`, `zh-Hans…` and `zh-SG` do. Anything unreadable is skipped, and
/// with no match the answer is the default locale.
fn negotiate(header: &str) -> Locale {
    let mut best: Option<(u16, Locale)> = None;
    for range in header.split(',') {
        let mut parts = range.split(';');
        let tag = parts.next().unwrap_or_default().trim();
        let weight = match parts.find_map(|part| part.trim().strip_prefix("q=")) {
            Some(q) => match quality(q) {
                Some(weight) => weight,
                None => continue,
            },
            None => 1000,
        };
        if weight == 0 {
            continue;
        }
        let Some(locale) = lookup(tag) else { continue };
        // Ties go to the earlier range, as the client listed them.
        if best.is_none_or(|(best, _)| weight > best) {
            best = Some((weight, locale));
        }
    }
    best.map_or(Locale::DEFAULT, |(_, locale)| locale)
}

/// A q-value (`0`, `0.8`, `1.000`) in thousandths.
fn quality(text: &str) -> Option<u16> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if !matches!(whole, "0" | "1") || fraction.len() > 3 {
        return None;
    }
    let mut weight = if whole == "1" { 1000 } else { 0 };
    let mut scale = 100;
    for digit in fraction.bytes() {
        if !digit.is_ascii_digit() {
            return None;
        }
        weight += u16::from(digit - b'0') * scale;
        scale /= 10;
    }
    (weight <= 1000).then_some(weight)
}

/// The table's locale for one language range, if any.
fn lookup(range: &str) -> Option<Locale> {
    if range == "*" {
        return Some(Locale::DEFAULT);
    }
    let lower = range.to_ascii_lowercase();
    let traditional = ["zh-tw", "zh-hk", "zh-mo", "zh-hant"]
        .iter()
        .any(|prefix| lower == *prefix || lower.starts_with(&format!("{prefix}-")));
    let mut candidate = range;
    loop {
        let bare_chinese = candidate.eq_ignore_ascii_case("zh");
        // Traditional Chinese stops before the bare `zh`, which this table serves as `zh-CN`.
        if traditional && bare_chinese {
            return None;
        }
        if let Ok(locale) = candidate.parse() {
            return Some(locale);
        }
        if bare_chinese {
            return "zh-CN".parse().ok();
        }
        candidate = &candidate[..candidate.rfind('-')?];
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let address = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:3000".to_owned());
    let listener = match tokio::net::TcpListener::bind(&address).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("error: cannot listen on {address}: {error}");
            return ExitCode::FAILURE;
        }
    };
    match listener.local_addr() {
        Ok(bound) => {
            // Tests and scripts read this line to learn the port.
            println!("listening on http://{bound}");
            let _ = std::io::stdout().flush();
        }
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    }
    if let Err(error) = axum::serve(listener, app()).await {
        eprintln!("error: {error}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation_follows_q_values_and_lookup() {
        let cases = [
            ("", Locale::En),
            ("en", Locale::En),
            ("en-GB,en;q=0.9", Locale::En),
            ("zh-CN", Locale::ZhCn),
            ("zh", Locale::ZhCn),
            ("zh-Hans-CN", Locale::ZhCn),
            ("zh-SG", Locale::ZhCn),
            ("zh-TW", Locale::En),
            ("zh-Hant-HK", Locale::En),
            ("zh-TW,zh;q=0.9,en;q=0.8", Locale::ZhCn),
            ("fr-CH, fr;q=0.9, en;q=0.8, zh-CN;q=0.7", Locale::En),
            ("en;q=0.5, zh-CN;q=0.6", Locale::ZhCn),
            ("zh-CN;q=0, en;q=0.1", Locale::En),
            ("*", Locale::En),
            ("zh-CN;q=abc", Locale::En),
            (";;,,, ;q=", Locale::En),
            ("中文, 🙂;q=1", Locale::En),
        ];
        for (header, expected) in cases {
            assert_eq!(negotiate(header), expected, "{header:?}");
        }
    }

    #[test]
    fn q_values_are_read_in_thousandths() {
        assert_eq!(quality("1"), Some(1000));
        assert_eq!(quality("0.8"), Some(800));
        assert_eq!(quality("0.125"), Some(125));
        assert_eq!(quality("1.000"), Some(1000));
        assert_eq!(quality("1.5"), None);
        assert_eq!(quality("0.1234"), None);
        assert_eq!(quality("2"), None);
        assert_eq!(quality("-1"), None);
    }
}
