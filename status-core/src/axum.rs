//! axum 0.8 support, behind the `axum` feature: problem responses and the layer that sets the
//! current locale of a request.
//!
//! For every table, with this feature, the generated code adds:
//!
//! - `impl FromRequestParts for Locale`: the locale the request's `Accept-Language` asks for
//!   (the first such header field), as `Locale::negotiate` chooses it. It never rejects: a
//!   missing, malformed or non-UTF-8 header gives `Locale::DEFAULT`.
//! - `impl IntoResponse for StatusCode`: the code's [`Problem`] in [`Locale::current`], which
//!   [`Locale::layer`] sets per request.
//! - `Locale::layer()`: a [`LocaleLayer`] running each request with its negotiated locale as
//!   the current one, so `message_current()` works anywhere in the handler.
//!
//! [`Problem`] itself implements `IntoResponse`. What a response holds:
//!
//! - the status; `Vary: Accept-Language`, since the text depends on that header;
//! - with a body: `Content-Type: application/problem+json`, `Content-Language` with the
//!   problem's language, the problem as JSON;
//! - for 204, 205 and 304, which carry no content (RFC 9110, sections 15.3.5, 15.3.6 and
//!   15.4.5): no body and neither content header;
//! - for a 1xx code, which announces a final response and cannot be one (RFC 9110, section
//!   15.2): `500 Internal Server Error` instead, since a handler answering 1xx is a server bug.
//!   For a `StatusCode`, the body is the table's 500 problem in the current locale (when the
//!   table has 500); for a `Problem`, a plain `about:blank` 500 in English;
//! - a problem without `status`, or with one outside 100–999, also answers 500.
//!
//! Headers a status requires beyond these (`Location` for a redirect, `Allow` for 405,
//! `WWW-Authenticate` for 401, `Retry-After` where wanted) are the handler's to add, for
//! example as a tuple `(headers, problem)`.
//!
//! [`Locale::current`]: crate::standard::Locale::current
//! [`Locale::layer`]: crate::standard::Locale::layer

use core::task::{Context, Poll};

use ::axum::body::Body;
use ::axum::http::header::{ACCEPT_LANGUAGE, CONTENT_LANGUAGE, CONTENT_TYPE, VARY};
use ::axum::http::{HeaderMap, HeaderValue, Request, StatusCode as HttpStatus};
use ::axum::response::{IntoResponse, Response};

use crate::current::{CurrentLocale, LocaleScope};
use crate::problem::{Extensions, Problem};

/// The media type of a problem in JSON (RFC 9457, section 6.1).
pub const PROBLEM_JSON: &str = "application/problem+json";

/// The `Accept-Language` value to negotiate from: the first field, up to its first byte that is
/// not UTF-8; `""` (the default locale) without one. Only the first field is read, which is
/// what browsers send, so reading it needs no allocation.
#[doc(hidden)]
pub fn accept_language(headers: &HeaderMap) -> &str {
    let Some(value) = headers.get(ACCEPT_LANGUAGE) else {
        return "";
    };
    let bytes = value.as_bytes();
    match core::str::from_utf8(bytes) {
        Ok(text) => text,
        // Elements before the bad byte are still read; the element it cuts is skipped as
        // malformed by the negotiation.
        Err(error) => core::str::from_utf8(&bytes[..error.valid_up_to()]).unwrap_or(""),
    }
}

/// The response for a code of a table: the code's problem, or for a 1xx the table's 500
/// (`problem_of(500)`) or, without one, a plain 500. Called by the generated
/// `IntoResponse for StatusCode`.
#[doc(hidden)]
pub fn code_response(code: u16, problem_of: impl Fn(u16) -> Option<Problem<'static>>) -> Response {
    let problem = if HttpStatus::from_u16(code).is_ok_and(|status| status.is_informational()) {
        problem_of(500)
    } else {
        problem_of(code)
    };
    match problem {
        Some(problem) => problem.into_response(),
        None => internal_error(),
    }
}

impl<E: Extensions> IntoResponse for Problem<'_, E> {
    /// The status, `Vary: Accept-Language`, and unless the status carries no content, the
    /// problem as `application/problem+json` with `Content-Language`. See the [module
    /// docs](crate::axum) for 1xx and missing statuses.
    fn into_response(self) -> Response {
        let status = match self.status.map(HttpStatus::from_u16) {
            Some(Ok(status)) if !status.is_informational() => status,
            _ => return internal_error(),
        };
        let mut response = if matches!(status.as_u16(), 204 | 205 | 304) {
            Response::new(Body::empty())
        } else {
            let Ok(body) = serde_json::to_vec(&self) else {
                // Only an extension can fail to serialize, or repeat a standard member.
                return internal_error();
            };
            let mut response = Response::new(Body::from(body));
            let headers = response.headers_mut();
            headers.insert(CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
            let language = self.language.as_deref().map(HeaderValue::from_str);
            if let Some(Ok(language)) = language {
                headers.insert(CONTENT_LANGUAGE, language);
            }
            response
        };
        *response.status_mut() = status;
        response
            .headers_mut()
            .insert(VARY, HeaderValue::from_static("Accept-Language"));
        response
    }
}

/// `500 Internal Server Error` as an `about:blank` problem in English, for when nothing better
/// can be said.
fn internal_error() -> Response {
    const BODY: &str = r#"{"type":"about:blank","title":"Internal Server Error","status":500}"#;
    let mut response = Response::new(Body::from(BODY));
    *response.status_mut() = HttpStatus::INTERNAL_SERVER_ERROR;
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
    headers.insert(CONTENT_LANGUAGE, HeaderValue::from_static("en"));
    headers.insert(VARY, HeaderValue::from_static("Accept-Language"));
    response
}

/// A tower layer that runs each request with the locale its `Accept-Language` asks for as the
/// current locale of its table: what the generated `Locale::layer()` returns.
///
/// The inner service's `call` and every poll of its future run inside
/// [`LocaleScope`], so `Locale::current()`, `message_current()` and a `StatusCode` returned
/// as a response all use the request's locale, whichever worker thread polls it, and no other
/// request sees it.
///
/// ```
/// # async fn doc() {
/// use axum::{Router, routing::get};
/// use status_core::standard::{Locale, StatusCode};
///
/// async fn order() -> Result<String, StatusCode> {
///     // `Err` answers 404 with the problem in the request's language.
///     Err(StatusCode::NotFound)
/// }
///
/// let app: Router = Router::new().route("/order", get(order)).layer(Locale::layer());
/// # }
/// ```
pub struct LocaleLayer<L: 'static> {
    negotiate: fn(&str) -> L,
    current: &'static CurrentLocale<L>,
}

impl<L: 'static> LocaleLayer<L> {
    /// A layer choosing the locale with `negotiate` and setting it in `current`.
    #[doc(hidden)]
    pub const fn new(negotiate: fn(&str) -> L, current: &'static CurrentLocale<L>) -> Self {
        LocaleLayer { negotiate, current }
    }
}

impl<L: 'static> Clone for LocaleLayer<L> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<L: 'static> Copy for LocaleLayer<L> {}

impl<L: 'static> core::fmt::Debug for LocaleLayer<L> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("LocaleLayer").finish_non_exhaustive()
    }
}

impl<S, L: 'static> tower_layer::Layer<S> for LocaleLayer<L> {
    type Service = LocaleService<S, L>;

    fn layer(&self, inner: S) -> LocaleService<S, L> {
        LocaleService {
            inner,
            negotiate: self.negotiate,
            current: self.current,
        }
    }
}

/// The service [`LocaleLayer`] wraps around another.
pub struct LocaleService<S, L: 'static> {
    inner: S,
    negotiate: fn(&str) -> L,
    current: &'static CurrentLocale<L>,
}

impl<S: Clone, L: 'static> Clone for LocaleService<S, L> {
    fn clone(&self) -> Self {
        LocaleService {
            inner: self.inner.clone(),
            negotiate: self.negotiate,
            current: self.current,
        }
    }
}

impl<S: core::fmt::Debug, L: 'static> core::fmt::Debug for LocaleService<S, L> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("LocaleService")
            .field("inner", &self.inner)
            .finish_non_exhaustive()
    }
}

impl<S, L, B> tower_service::Service<Request<B>> for LocaleService<S, L>
where
    S: tower_service::Service<Request<B>>,
    L: Copy + 'static,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = LocaleScope<L, S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<B>) -> Self::Future {
        let locale = (self.negotiate)(accept_language(request.headers()));
        // `call` may already do work before returning its future: give it the locale too.
        let inner = &mut self.inner;
        let future = self.current.with(locale, || inner.call(request));
        self.current.scope(locale, future)
    }
}
