//! An axum service whose errors are RFC 9457 problems in the client's language:
//!
//! ```text
//! $ curl -i -H 'Accept-Language: zh-CN' http://127.0.0.1:3000/status/503
//! HTTP/1.1 503 Service Unavailable
//! content-type: application/problem+json
//! content-language: zh-CN
//! vary: Accept-Language
//!
//! {"type":"about:blank","title":"Service Unavailable","status":503,"detail":"请求未完成。系统暂时异常。"}
//! ```
//!
//! Routes:
//!
//! - `GET /status/{code}` answers with that code of the table: its problem, no content for
//!   204 and 304, and 500 for a 1xx, which cannot be a final answer (see `status_core::axum`);
//!   404 for one the table lacks.
//! - `GET /orders/{id}`: a 404 problem with an `instance` and an extension member, the way
//!   an API adds its own facts to the table's texts.
//! - Anything axum itself refuses is a problem too, by the problem layer: a code that is not
//!   a number (400), any other path (404), another method than `GET` (405, with `Allow`).
//!
//! Run it with `cargo run -p axum-service -- [ADDRESS]` (default `127.0.0.1:3000`); it prints
//! the address it bound, so `127.0.0.1:0` picks a free port.

use std::io::Write as _;
use std::process::ExitCode;

use axum::Router;
use axum::extract::Path;
use axum::response::IntoResponse;
use axum::routing::get;
use status_core::standard::{Locale, StatusCode};

/// The service's routes. `Locale::layer()` sets each request's locale from its
/// `Accept-Language`, so a `StatusCode` returned anywhere answers in it; the problem layer
/// answers axum's own errors (a path that does not parse, an unknown route, a wrong method)
/// with the table's problems in that language.
fn app() -> Router {
    Router::new()
        .route("/status/{code}", get(status_by_code))
        .route("/orders/{id}", get(order))
        .layer(StatusCode::problem_layer())
        .layer(Locale::layer())
}

/// `GET /status/{code}`: the code itself.
async fn status_by_code(Path(code): Path<u16>) -> StatusCode {
    StatusCode::from_u16(code).unwrap_or(StatusCode::NotFound)
}

/// `GET /orders/{id}`: no order exists, so a 404 saying which one, in the client's language
/// (the `Locale` extractor negotiates it; `Locale::current()` would give the same here).
async fn order(locale: Locale, Path(id): Path<String>) -> impl IntoResponse {
    StatusCode::NotFound
        .problem(locale)
        .with_instance(format!("/orders/{id}"))
        .with("order_id", id)
}

#[tokio::main]
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
