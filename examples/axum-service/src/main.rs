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

use status_core::standard::{Locale, StatusCode};

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
    Locale::negotiate(header)
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
