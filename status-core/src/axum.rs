//! axum 0.8 support, behind the `axum` feature: problem responses, the layer that sets the
//! current locale of a request, and the layer that turns axum's own errors into problems.
//!
//! For every table, with this feature, the generated code adds:
//!
//! - `impl FromRequestParts for Locale`: the locale the request's `Accept-Language` asks for,
//!   as `Locale::negotiate` chooses it, reading every field line of the header combined in
//!   order (RFC 9110, section 5.3). It never rejects: a missing, malformed or non-UTF-8 header
//!   gives `Locale::DEFAULT`. An extractor cannot touch the response, so a handler that uses
//!   it without `Locale::layer()` sends `Vary` itself: a `Problem` does, and so does a body
//!   with [`ContentLanguage`].
//! - `impl IntoResponse for StatusCode`: the code's [`Problem`] in [`Locale::current`], which
//!   [`Locale::layer`] sets per request.
//! - `Locale::layer()`: a [`LocaleLayer`] running each request with its negotiated locale as
//!   the current one, so `message_current()` works anywhere in the handler, and adding
//!   `Accept-Language` to the `Vary` of every response ([`vary_accept_language`]).
//! - `StatusCode::problem_layer()`: a [`ProblemLayer`] answering the error responses that
//!   carry no problem (axum's rejections, the router's 404 and 405) with the table's problem.
//!
//! [`Problem`] itself implements `IntoResponse`. What a response holds:
//!
//! - the status; `Vary: Accept-Language`, since the text depends on that header;
//! - with a body: `Content-Type: application/problem+json`, `Content-Language` with the
//!   problem's language (for a table's problem, the locale its text came from after
//!   fallbacks), the problem as JSON;
//! - for a status the `http` crate has no reason phrase for, the problem's own (hyper's
//!   `ReasonPhrase`), so HTTP/1.1 reads `499 Client Closed Request` rather than `499 <none>`;
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
//! example as a tuple `(headers, problem)`. A body of one's own in a negotiated language gets
//! its `Content-Language` and `Vary` from [`ContentLanguage`].
//!
//! [`Locale::current`]: crate::standard::Locale::current
//! [`Locale::layer`]: crate::standard::Locale::layer

use core::convert::Infallible;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use ::axum::body::{Body, HttpBody as _};
use ::axum::http::header::{ACCEPT_LANGUAGE, CONTENT_LANGUAGE, CONTENT_LENGTH, CONTENT_TYPE, VARY};
use ::axum::http::{HeaderMap, HeaderValue, Request, StatusCode as HttpStatus};
use ::axum::response::{IntoResponse, IntoResponseParts, Response, ResponseParts};

use crate::current::{CurrentLocale, LocaleScope};
use crate::locale::{MAX_HEADER_BYTES, MAX_RANGES};
use crate::problem::{Extensions, Problem};

/// The media type of a problem in JSON (RFC 9457, section 6.1).
pub const PROBLEM_JSON: &str = "application/problem+json";

/// The `Accept-Language` value to negotiate from: every field line of the header, in order,
/// joined by `", "` as RFC 9110 (section 5.3) combines them; empty (the default locale)
/// without one. The value stays bytes, as HTTP carries it: an element that is not UTF-8 is
/// skipped by the negotiation alone, and the elements around it keep their meaning.
///
/// One line is returned as it is; several are joined into `buffer`, up to its size, which is
/// as much of a header as the negotiation reads anyway, and at most [`MAX_RANGES`] lines are
/// read (each non-empty one holds at least one element). No allocation either way.
#[doc(hidden)]
pub fn accept_language<'a>(
    headers: &'a HeaderMap,
    buffer: &'a mut [u8; MAX_HEADER_BYTES],
) -> &'a [u8] {
    let mut lines = headers.get_all(ACCEPT_LANGUAGE).iter();
    let Some(first) = lines.next() else {
        return b"";
    };
    let Some(second) = lines.next() else {
        return first.as_bytes();
    };
    let mut len = 0;
    'lines: for line in [first, second].into_iter().chain(lines).take(MAX_RANGES) {
        let text = line.as_bytes();
        if text.iter().all(|byte| matches!(byte, b' ' | b'\t')) {
            continue;
        }
        let separator: &[u8] = if len == 0 { b"" } else { b", " };
        for part in [separator, text] {
            let room = &mut buffer[len..];
            let take = part.len().min(room.len());
            room[..take].copy_from_slice(&part[..take]);
            len += take;
            if take < part.len() {
                break 'lines;
            }
        }
    }
    &buffer[..len]
}

/// The locale `negotiate` finds for every `Accept-Language` field line of `headers`
/// ([`accept_language`]). What the generated extractor and layers call, with the table's
/// `Locale::negotiate_bytes`.
#[doc(hidden)]
pub fn negotiate_headers<L>(headers: &HeaderMap, negotiate: fn(&[u8]) -> L) -> L {
    let mut lines = headers.get_all(ACCEPT_LANGUAGE).iter();
    match (lines.next(), lines.next()) {
        (None, _) => negotiate(b""),
        // The usual case reads the line in place, without clearing a buffer for it.
        (Some(only), None) => negotiate(only.as_bytes()),
        (Some(_), Some(_)) => {
            let mut buffer = [0; MAX_HEADER_BYTES];
            negotiate(accept_language(headers, &mut buffer))
        }
    }
}

/// Adds `Accept-Language` to the response's `Vary`, merged with what is there: appended to a
/// `Vary` the handler set (`Accept-Encoding` becomes `Accept-Encoding, Accept-Language`), left
/// alone where it is already named (in any case) or where `Vary` is `*`.
///
/// Every response whose content was chosen by `Accept-Language` needs it, so that a shared
/// cache does not give one reader's language to another (RFC 9110, section 12.5.5).
/// [`Locale::layer`] calls it on every response it passes, [`StatusCode::problem_layer`] on
/// every problem it makes, and [`ContentLanguage`] on the responses it is part of.
///
/// ```
/// use axum::http::{HeaderMap, HeaderValue, header::VARY};
///
/// let mut headers = HeaderMap::new();
/// headers.insert(VARY, HeaderValue::from_static("Accept-Encoding"));
/// status_core::axum::vary_accept_language(&mut headers);
/// status_core::axum::vary_accept_language(&mut headers);
/// assert_eq!(headers[VARY], "Accept-Encoding, Accept-Language");
/// ```
///
/// [`Locale::layer`]: crate::standard::Locale::layer
/// [`StatusCode::problem_layer`]: crate::standard::StatusCode::problem_layer
pub fn vary_accept_language(headers: &mut HeaderMap) {
    const ACCEPT_LANGUAGE_NAME: &str = "Accept-Language";
    let mut lines = 0;
    for value in headers.get_all(VARY) {
        lines += 1;
        for member in value.as_bytes().split(|&byte| byte == b',') {
            let member = member.trim_ascii();
            if member == b"*" || member.eq_ignore_ascii_case(ACCEPT_LANGUAGE_NAME.as_bytes()) {
                return;
            }
        }
    }
    let only = match headers.get(VARY) {
        Some(only) if lines == 1 && !only.as_bytes().trim_ascii().is_empty() => only,
        // Several lines: one more, which RFC 9110 (section 5.3) reads as one list with them.
        _ if lines > 1 => {
            headers.append(VARY, HeaderValue::from_static(ACCEPT_LANGUAGE_NAME));
            return;
        }
        _ => {
            headers.insert(VARY, HeaderValue::from_static(ACCEPT_LANGUAGE_NAME));
            return;
        }
    };
    let mut merged = Vec::with_capacity(only.len() + 2 + ACCEPT_LANGUAGE_NAME.len());
    merged.extend_from_slice(only.as_bytes().trim_ascii_end());
    merged.extend_from_slice(b", ");
    merged.extend_from_slice(ACCEPT_LANGUAGE_NAME.as_bytes());
    // The bytes of a valid value, a comma and a token: valid too.
    if let Ok(merged) = HeaderValue::from_bytes(&merged) {
        headers.insert(VARY, merged);
    }
}

/// A part of a response whose body is in a language chosen from the request's
/// `Accept-Language`: sets `Content-Language` to the tag and adds `Accept-Language` to `Vary`
/// ([`vary_accept_language`]).
///
/// Set `Content-Language` on a body of one's own when it holds text for people to read in a
/// language the request chose: the tag of the language the text is *in*, which after
/// fallbacks may differ from the locale asked for, so for a table's text use
/// `code.message_locale(locale)`, not `locale`. Leave it out for a body with no natural
/// language (ids, numbers, machine data), which RFC 9110 (section 8.5) reads as meant for
/// every audience. Problems built from a table get it already.
///
/// ```
/// use axum::Json;
/// use axum::response::IntoResponse;
/// use status_core::axum::ContentLanguage;
/// use status_core::standard::{Locale, StatusCode};
///
/// async fn status(locale: Locale) -> impl IntoResponse {
///     let code = StatusCode::TooManyRequests;
///     let text = code.message(locale);
///     (ContentLanguage(code.message_locale(locale).tag()), Json([text]))
/// }
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ContentLanguage<'a>(pub &'a str);

impl IntoResponseParts for ContentLanguage<'_> {
    type Error = Infallible;

    /// A tag that cannot be a header value is no BCP 47 tag: it is left out, `Vary` is not.
    fn into_response_parts(self, mut parts: ResponseParts) -> Result<ResponseParts, Infallible> {
        if let Ok(tag) = HeaderValue::from_str(self.0) {
            parts.headers_mut().insert(CONTENT_LANGUAGE, tag);
        }
        vary_accept_language(parts.headers_mut());
        Ok(parts)
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
    /// problem as `application/problem+json` with `Content-Language`. A status the `http`
    /// crate has no reason phrase for gets the problem's own ([`Problem::reason`], else the
    /// `title` of an `about:blank` problem) on HTTP/1.1's status line. See the [module
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
        let reason = match (&self.reason, &self.title) {
            (Some(reason), _) => Some(reason),
            (None, Some(title)) if self.r#type == crate::problem::ABOUT_BLANK => Some(title),
            _ => None,
        };
        reason_phrase(&mut response, reason.map(|reason| &**reason));
        response
            .headers_mut()
            .insert(VARY, HeaderValue::from_static("Accept-Language"));
        response
    }
}

/// Puts `reason` on the status line (hyper's `ReasonPhrase`) where the `http` crate knows no
/// phrase for the response's status, which hyper would write as `<none>`. A phrase with a byte
/// a status line cannot carry is left out.
fn reason_phrase<B>(response: &mut Response<B>, reason: Option<&str>) {
    if response.status().canonical_reason().is_some() {
        return;
    }
    let Some(reason) = reason else {
        return;
    };
    if let Ok(phrase) = hyper::ext::ReasonPhrase::try_from(reason.as_bytes()) {
        response.extensions_mut().insert(phrase);
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
    /// The table's negotiation, answering a locale's index in `Locale::ALL`.
    negotiate: fn(&[u8]) -> usize,
    current: &'static CurrentLocale<L>,
}

impl<L: 'static> LocaleLayer<L> {
    /// A layer choosing the locale with `negotiate`, as its index in `Locale::ALL`, and setting
    /// it in `current`.
    #[doc(hidden)]
    pub const fn new(negotiate: fn(&[u8]) -> usize, current: &'static CurrentLocale<L>) -> Self {
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
    negotiate: fn(&[u8]) -> usize,
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

impl<S, L, B, R> tower_service::Service<Request<B>> for LocaleService<S, L>
where
    S: tower_service::Service<Request<B>, Response = Response<R>>,
    L: Copy + 'static,
{
    type Response = Response<R>;
    type Error = S::Error;
    type Future = LocaleFuture<L, S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<B>) -> Self::Future {
        let index = negotiate_headers(request.headers(), self.negotiate);
        // `call` may already do work before returning its future: give it the locale too.
        let inner = &mut self.inner;
        let future = self.current.with(index, || inner.call(request));
        LocaleFuture {
            scope: self.current.scope(index, future),
        }
    }
}

pin_project_lite::pin_project! {
    /// The future of a [`LocaleService`]: the inner service's future run in the request's
    /// locale ([`LocaleScope`]), whose response gets `Accept-Language` in its `Vary`.
    pub struct LocaleFuture<L: 'static, F> {
        #[pin]
        scope: LocaleScope<L, F>,
    }
}

impl<L: Copy + 'static, F> LocaleFuture<L, F> {
    /// The locale the request runs with.
    pub fn locale(&self) -> L {
        self.scope.locale()
    }
}

impl<L: Copy + 'static, F, R, E> Future for LocaleFuture<L, F>
where
    F: Future<Output = Result<Response<R>, E>>,
{
    type Output = Result<Response<R>, E>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut response = core::task::ready!(self.project().scope.poll(cx))?;
        // Whatever the handler wrote may depend on the locale the layer set.
        vary_accept_language(response.headers_mut());
        Poll::Ready(Ok(response))
    }
}

impl<L: Copy + core::fmt::Debug + 'static, F> core::fmt::Debug for LocaleFuture<L, F> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("LocaleFuture")
            .field("scope", &self.scope)
            .finish()
    }
}

/// A tower layer that turns the error responses a service sends without a problem into the
/// table's problem for their status, in the locale the request's `Accept-Language` asks
/// for: what the generated `StatusCode::problem_layer()` returns.
///
/// An error response (4xx or 5xx) is turned into a problem when its body is empty and it has
/// no `Content-Type` (the router's 404 and 405, a bare `StatusCode`), or its `Content-Type`
/// is `text/plain` (axum's rejections: a path, query, JSON or form that does not parse, a
/// missing `Content-Type`, a body too large). The status and every header but the content
/// ones (`Allow` of a 405, `WWW-Authenticate`, `Retry-After`...) are kept; the body becomes
/// the table's problem for the status, or where the table lacks that code, an `about:blank`
/// problem with the `http` crate's reason phrase. Every other response passes untouched:
/// successes, and errors with a body of another type, such as a problem or JSON of the
/// handler's own. A response turned into a problem gets `Accept-Language` in its `Vary`
/// (merged with the one it had), since its body now depends on that header.
///
/// A handler's own plain-text error is replaced too: a service that answers problems
/// answers with a `Problem`, whose `detail` holds its own text.
///
/// ```
/// use axum::{Router, extract::Path, routing::get};
/// use status_core::standard::{Locale, StatusCode};
///
/// async fn order(Path(id): Path<u32>) -> String {
///     format!("order {id}")
/// }
///
/// // `/orders/abc` answers 400, `/nowhere` 404 and `POST /orders/1` 405 (with `Allow`), each
/// // as a problem in the request's language.
/// let app: Router = Router::new()
///     .route("/orders/{id}", get(order))
///     .layer(StatusCode::problem_layer());
/// ```
pub struct ProblemLayer<L: 'static> {
    negotiate: fn(&[u8]) -> L,
    problem_of: fn(u16, L) -> Option<Problem<'static>>,
}

impl<L: 'static> ProblemLayer<L> {
    /// A layer choosing the locale with `negotiate` and the problem of a status in a locale
    /// with `problem_of`.
    #[doc(hidden)]
    pub const fn new(
        negotiate: fn(&[u8]) -> L,
        problem_of: fn(u16, L) -> Option<Problem<'static>>,
    ) -> Self {
        ProblemLayer {
            negotiate,
            problem_of,
        }
    }
}

impl<L: 'static> Clone for ProblemLayer<L> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<L: 'static> Copy for ProblemLayer<L> {}

impl<L: 'static> core::fmt::Debug for ProblemLayer<L> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("ProblemLayer").finish_non_exhaustive()
    }
}

impl<S, L: 'static> tower_layer::Layer<S> for ProblemLayer<L> {
    type Service = ProblemService<S, L>;

    fn layer(&self, inner: S) -> ProblemService<S, L> {
        ProblemService {
            inner,
            layer: *self,
        }
    }
}

/// The service [`ProblemLayer`] wraps around another.
pub struct ProblemService<S, L: 'static> {
    inner: S,
    layer: ProblemLayer<L>,
}

impl<S: Clone, L: 'static> Clone for ProblemService<S, L> {
    fn clone(&self) -> Self {
        ProblemService {
            inner: self.inner.clone(),
            layer: self.layer,
        }
    }
}

impl<S: core::fmt::Debug, L: 'static> core::fmt::Debug for ProblemService<S, L> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("ProblemService")
            .field("inner", &self.inner)
            .finish_non_exhaustive()
    }
}

impl<S, L, B> tower_service::Service<Request<B>> for ProblemService<S, L>
where
    S: tower_service::Service<Request<B>, Response = Response>,
    L: Copy + 'static,
{
    type Response = Response;
    type Error = S::Error;
    type Future = ProblemFuture<L, S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<B>) -> Self::Future {
        let locale = negotiate_headers(request.headers(), self.layer.negotiate);
        ProblemFuture {
            future: self.inner.call(request),
            locale,
            problem_of: self.layer.problem_of,
        }
    }
}

pin_project_lite::pin_project! {
    /// The future of a [`ProblemService`].
    pub struct ProblemFuture<L, F> {
        #[pin]
        future: F,
        locale: L,
        problem_of: fn(u16, L) -> Option<Problem<'static>>,
    }
}

impl<L: core::fmt::Debug, F> core::fmt::Debug for ProblemFuture<L, F> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("ProblemFuture")
            .field("locale", &self.locale)
            .finish_non_exhaustive()
    }
}

impl<L: Copy, F, E> Future for ProblemFuture<L, F>
where
    F: Future<Output = Result<Response, E>>,
{
    type Output = Result<Response, E>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let response = core::task::ready!(this.future.poll(cx))?;
        if !wants_problem(&response) {
            return Poll::Ready(Ok(response));
        }
        let mut response = as_problem(response, *this.locale, *this.problem_of);
        vary_accept_language(response.headers_mut());
        Poll::Ready(Ok(response))
    }
}

/// Whether a response is an error without a problem: empty with no `Content-Type`, or plain
/// text.
fn wants_problem(response: &Response) -> bool {
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return false;
    }
    match response.headers().get(CONTENT_TYPE) {
        None => response.body().size_hint().exact() == Some(0),
        // `text/plain`, with or without parameters (`; charset=utf-8`), in any case.
        Some(media_type) => match media_type.as_bytes().split_at_checked(10) {
            Some((name, rest)) => {
                name.eq_ignore_ascii_case(b"text/plain")
                    && matches!(rest.first(), None | Some(b';' | b' ' | b'\t'))
            }
            None => false,
        },
    }
}

/// The problem response for `response`'s status in `locale`, with its status, extensions and
/// every header but the content ones.
fn as_problem<L>(
    response: Response,
    locale: L,
    problem_of: fn(u16, L) -> Option<Problem<'static>>,
) -> Response {
    let (mut parts, _) = response.into_parts();
    let status = parts.status;
    let problem = problem_of(status.as_u16(), locale).unwrap_or_else(|| {
        let problem = Problem::new().with_status(status.as_u16());
        match status.canonical_reason() {
            Some(reason) => problem.with_title(reason).with_language("en"),
            None => problem,
        }
    });
    let (problem_parts, body) = problem.into_response().into_parts();
    for name in [CONTENT_TYPE, CONTENT_LENGTH, CONTENT_LANGUAGE] {
        parts.headers.remove(name);
    }
    for (name, value) in &problem_parts.headers {
        if *name != VARY {
            parts.headers.insert(name, value.clone());
        }
    }
    parts.extensions.extend(problem_parts.extensions);
    Response::from_parts(parts, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(lines: &[&[u8]]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for line in lines {
            let value = HeaderValue::from_bytes(line).unwrap_or_else(|_| panic!("{line:?}"));
            headers.append(ACCEPT_LANGUAGE, value);
        }
        headers
    }

    fn combined(lines: &[&[u8]]) -> String {
        let mut buffer = [0; MAX_HEADER_BYTES];
        String::from_utf8_lossy(accept_language(&headers(lines), &mut buffer)).into_owned()
    }

    #[test]
    fn accept_language_lines_are_joined_in_order() {
        assert_eq!(combined(&[]), "");
        assert_eq!(combined(&[b"fr, de;q=0.5"]), "fr, de;q=0.5");
        assert_eq!(combined(&[b"fr", b"ja;q=0.5"]), "fr, ja;q=0.5");
        // Empty lines add nothing; bytes that are not UTF-8 are kept for the negotiation to
        // skip with their element alone.
        assert_eq!(combined(&[b"", b"fr", b"  ", b"ja"]), "fr, ja");
        let mut buffer = [0; MAX_HEADER_BYTES];
        let lines: [&[u8]; 2] = [b"de-\xff, it", b"ja"];
        assert_eq!(
            accept_language(&headers(&lines), &mut buffer),
            b"de-\xff, it, ja"
        );
    }

    #[test]
    fn accept_language_lines_stay_within_the_bounds_of_one_header() {
        // Lines past the size the negotiation reads are cut there; an element cut inside a
        // character is one that is not UTF-8, which the negotiation skips.
        let long = "zh-Hant-TW;q=0.5, ".repeat(300);
        let chinese = "中文".repeat(2000);
        let mut buffer = [0; MAX_HEADER_BYTES];
        let map = headers(&[long.as_bytes(), chinese.as_bytes()]);
        let joined = accept_language(&map, &mut buffer);
        assert_eq!(joined.len(), MAX_HEADER_BYTES);
        assert!(joined.starts_with(b"zh-Hant-TW;q=0.5, "));
        // At most MAX_RANGES lines are read.
        let many: Vec<Vec<u8>> = (0..MAX_RANGES + 5)
            .map(|n| format!("x{n}").into_bytes())
            .collect();
        let lines: Vec<&[u8]> = many.iter().map(Vec::as_slice).collect();
        let joined = combined(&lines);
        assert_eq!(joined.split(", ").count(), MAX_RANGES);
        assert!(joined.ends_with(&format!("x{}", MAX_RANGES - 1)));
    }

    fn wants(status: u16, media_type: Option<&'static str>, body: &'static str) -> bool {
        let mut response = Response::new(Body::from(body));
        *response.status_mut() = HttpStatus::from_u16(status).unwrap();
        if let Some(media_type) = media_type {
            let value = HeaderValue::from_static(media_type);
            response.headers_mut().insert(CONTENT_TYPE, value);
        }
        wants_problem(&response)
    }

    #[test]
    fn only_errors_without_a_problem_become_problems() {
        assert!(wants(404, None, ""));
        assert!(wants(503, None, ""));
        assert!(wants(400, Some("text/plain; charset=utf-8"), "Invalid URL"));
        assert!(wants(422, Some("TEXT/PLAIN"), "x"));
        // Not an error, not empty, or a body of another kind.
        assert!(!wants(200, None, ""));
        assert!(!wants(304, None, ""));
        assert!(!wants(404, None, "gone"));
        assert!(!wants(404, Some(PROBLEM_JSON), "{}"));
        assert!(!wants(409, Some("application/json"), "{}"));
        assert!(!wants(409, Some("text/plainly"), "x"));
        assert!(!wants(409, Some("text/html"), "<p>x</p>"));
    }

    fn vary(lines: &[&str]) -> Vec<String> {
        let mut headers = HeaderMap::new();
        for line in lines {
            headers.append(VARY, HeaderValue::from_str(line).unwrap());
        }
        vary_accept_language(&mut headers);
        vary_accept_language(&mut headers);
        let values = headers.get_all(VARY).iter();
        values
            .map(|value| value.to_str().unwrap().to_owned())
            .collect()
    }

    #[test]
    fn vary_gets_accept_language_once() {
        assert_eq!(vary(&[]), ["Accept-Language"]);
        assert_eq!(vary(&[""]), ["Accept-Language"]);
        assert_eq!(
            vary(&["Accept-Encoding"]),
            ["Accept-Encoding, Accept-Language"]
        );
        assert_eq!(
            vary(&["Origin, Accept-Encoding "]),
            ["Origin, Accept-Encoding, Accept-Language"]
        );
        assert_eq!(vary(&["*"]), ["*"]);
        assert_eq!(vary(&["Origin, *"]), ["Origin, *"]);
        assert_eq!(
            vary(&["origin,accept-LANGUAGE"]),
            ["origin,accept-LANGUAGE"]
        );
        assert_eq!(
            vary(&["Origin", "Cookie"]),
            ["Origin", "Cookie", "Accept-Language"]
        );
        assert_eq!(
            vary(&["Origin", " Accept-Language"]),
            ["Origin", " Accept-Language"]
        );
        // A name that only contains it is another name.
        assert_eq!(
            vary(&["X-Accept-Language"]),
            ["X-Accept-Language, Accept-Language"]
        );
    }
}
