//! The `axum` feature: in process, the `Locale` extractor, `IntoResponse` for `StatusCode` and
//! `Problem`, and `Locale::layer` under many concurrent requests on a multi-threaded runtime;
//! then on the wire, a server on a loopback port asked with raw HTTP/1.1 over a `TcpStream`:
//! reason phrases, `Content-Language`, `Vary`, `Accept-Language` field lines and the problem
//! layer, read from the bytes the server wrote.

// A panic is a failing test here.
#![allow(clippy::unwrap_used)]

use axum::Router;
use axum::body::Body;
use axum::http::{Request, Response};
use axum::response::IntoResponse;
use axum::routing::get;
use serde_json::{Value, json};
use status_core::Problem;
use tower::ServiceExt as _;

mod chinese {
    status_core::status_codes!("chinese.toml");
}

mod shipped {
    status_core::status_codes!("../codes.toml");
}

mod wire {
    status_core::status_codes!("wire.toml");
}

/// A response taken apart: status, the headers that matter, the body as text.
#[derive(Debug)]
struct Answer {
    status: u16,
    content_type: Option<String>,
    content_language: Option<String>,
    vary: Option<String>,
    body: String,
}

impl Answer {
    async fn of(response: Response<Body>) -> Answer {
        let (parts, body) = response.into_parts();
        let header = |name: &str| {
            parts
                .headers
                .get(name)
                .map(|value| value.to_str().unwrap().to_owned())
        };
        let content_type = header("content-type");
        let content_language = header("content-language");
        let vary = header("vary");
        let status = parts.status.as_u16();
        let bytes = axum::body::to_bytes(body, 1 << 20).await.unwrap();
        Answer {
            status,
            content_type,
            content_language,
            vary,
            body: String::from_utf8(bytes.to_vec()).unwrap(),
        }
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap()
    }
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(4)
        .enable_time()
        .enable_io()
        .build()
        .unwrap()
}

async fn get_with(app: Router, path: &str, accept_language: Option<&str>) -> Answer {
    let mut request = Request::get(path);
    if let Some(value) = accept_language {
        request = request.header("accept-language", value);
    }
    let response = app
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap();
    Answer::of(response).await
}

#[test]
fn every_code_answers_with_its_problem_in_the_current_locale() {
    use shipped::{Locale, StatusCode};
    runtime().block_on(async {
        for &code in StatusCode::ALL {
            for &locale in Locale::ALL {
                let response = Locale::with_current(locale, || code.into_response());
                let answer = Answer::of(response).await;
                assert_eq!(answer.vary.as_deref(), Some("Accept-Language"), "{code}");
                match code.code() {
                    100..=199 => {
                        // Never a final 1xx: the table's 500, in the same locale.
                        assert_eq!(answer.status, 500, "{code}");
                        let expected = StatusCode::InternalServerError.problem(locale);
                        assert_eq!(answer.json(), serde_json::to_value(expected).unwrap());
                        assert_eq!(answer.content_language.as_deref(), Some(locale.tag()));
                    }
                    204 | 205 | 304 => {
                        assert_eq!(answer.status, code.code());
                        assert_eq!(answer.body, "", "{code}");
                        assert_eq!(answer.content_type, None, "{code}");
                        assert_eq!(answer.content_language, None, "{code}");
                    }
                    _ => {
                        assert_eq!(answer.status, code.code());
                        assert_eq!(
                            answer.content_type.as_deref(),
                            Some("application/problem+json")
                        );
                        assert_eq!(answer.content_language.as_deref(), Some(locale.tag()));
                        assert_eq!(
                            answer.json(),
                            json!({
                                "type": "about:blank",
                                "title": code.reason(),
                                "status": code.code(),
                                "detail": code.message(locale),
                            }),
                            "{code} in {locale}"
                        );
                    }
                }
            }
        }
    });
}

#[test]
fn a_problem_answers_with_its_own_status_members_and_language() {
    runtime().block_on(async {
        let problem = Problem::new()
            .with_type("https://example.com/probs/out-of-credit")
            .with_title("You do not have enough credit.")
            .with_status(403)
            .with_language("en")
            .with("balance", 30);
        let answer = Answer::of(problem.into_response()).await;
        assert_eq!(answer.status, 403);
        assert_eq!(
            answer.content_type.as_deref(),
            Some("application/problem+json")
        );
        assert_eq!(answer.content_language.as_deref(), Some("en"));
        assert_eq!(answer.json()["balance"], 30);

        // No language: no `Content-Language`.
        let answer = Answer::of(Problem::new().with_status(409).into_response()).await;
        assert_eq!((answer.status, answer.content_language), (409, None));

        // No status, a 1xx, a number HTTP cannot send, or an extension that cannot be
        // written: a plain 500.
        let internal =
            json!({"type": "about:blank", "title": "Internal Server Error", "status": 500});
        for problem in [
            Problem::new(),
            Problem::new().with_status(101),
            Problem::new().with_status(1000),
        ] {
            let answer = Answer::of(problem.into_response()).await;
            assert_eq!((answer.status, answer.json()), (500, internal.clone()));
        }
        let answer = Answer::of(
            Problem::new()
                .with_status(400)
                .with("status", 1)
                .into_response(),
        )
        .await;
        assert_eq!((answer.status, answer.json()), (500, internal));
    });
}

#[test]
fn a_table_without_500_answers_a_1xx_with_the_plain_500() {
    use chinese::{Locale, StatusCode};
    assert_eq!(StatusCode::from_u16(500), None);
    // `chinese.toml` has no 1xx either, so build the response as the generated impl does.
    let response = status_core::__private::code_response(100, |code| {
        StatusCode::from_u16(code).map(|code| code.problem(Locale::Ja))
    });
    let answer = runtime().block_on(Answer::of(response));
    assert_eq!(answer.status, 500);
    assert_eq!(answer.json()["title"], "Internal Server Error");
}

#[test]
fn the_locale_extractor_never_rejects() {
    use chinese::Locale;
    async fn echo(locale: Locale) -> String {
        locale.tag().to_owned()
    }
    let app = Router::new().route("/", get(echo));
    let cases: [(Option<&[u8]>, &str); 9] = [
        (None, "en"),
        (Some(b"ja"), "ja"),
        (Some(b"zh-HK, zh;q=0.5"), "zh-HK"),
        (Some(b""), "en"),
        (Some(b";;q=zz,,, -;q=9"), "en"),
        // Non-ASCII text: the element is skipped, the rest still read.
        (Some("中文, ja;q=0.5".as_bytes()), "ja"),
        // Bytes that are not UTF-8: their element is skipped alone, the rest keeps its
        // meaning (a refusal cut short must not become a request).
        (Some(b"zh-TW, \xff\xfe, ja"), "zh-TW"),
        (Some(b"zh-HK\xff;q=0, ja"), "ja"),
        (Some(b"\xff"), "en"),
    ];
    runtime().block_on(async {
        for (header, expected) in cases {
            let mut request = Request::get("/");
            if let Some(value) = header {
                request = request.header(
                    "accept-language",
                    axum::http::HeaderValue::from_bytes(value).unwrap(),
                );
            }
            let response = app
                .clone()
                .oneshot(request.body(Body::empty()).unwrap())
                .await
                .unwrap();
            let answer = Answer::of(response).await;
            assert_eq!(
                (answer.status, answer.body.as_str()),
                (200, expected),
                "{header:?}"
            );
        }
    });
}

/// A handler that answers after several suspensions, with what it reads from the current
/// locale then, and a `StatusCode` error when asked.
async fn deep(
    axum::extract::Path(code): axum::extract::Path<u16>,
) -> Result<String, chinese::StatusCode> {
    use chinese::{Locale, StatusCode};
    let before = Locale::current();
    for _ in 0..5 {
        tokio::task::yield_now().await;
    }
    tokio::time::sleep(std::time::Duration::from_micros(u64::from(code % 7) * 40)).await;
    let after = Locale::current();
    if before != after {
        return Ok(format!("changed from {before} to {after}"));
    }
    match StatusCode::from_u16(code) {
        Some(StatusCode::Ok) | None => Ok(format!("{after}: {}", StatusCode::Ok.message_current())),
        Some(code) => Err(code),
    }
}

#[test]
fn the_layer_gives_each_of_many_concurrent_requests_its_own_locale() {
    use chinese::{Locale, StatusCode};
    let app = Router::new()
        .route("/status/{code}", get(deep))
        .layer(Locale::layer());
    let headers = [
        ("en-GB", Locale::En),
        ("zh-CN", Locale::ZhCn),
        ("zh-TW", Locale::ZhTw),
        ("zh-HK", Locale::ZhHk),
        ("ja-JP", Locale::Ja),
        ("fr, zh-Hant;q=0.8", Locale::ZhTw),
    ];
    runtime().block_on(async {
        let mut tasks = Vec::new();
        for index in 0..600usize {
            let (header, locale) = headers[index % headers.len()];
            let code = [200u16, 404, 503][index % 3];
            let app = app.clone();
            tasks.push(tokio::spawn(async move {
                let answer = get_with(app, &format!("/status/{code}"), Some(header)).await;
                (locale, code, answer)
            }));
        }
        for task in tasks {
            let (locale, code, answer) = task.await.unwrap();
            if code == 200 {
                assert_eq!(answer.status, 200);
                assert_eq!(
                    answer.body,
                    format!("{locale}: {}", StatusCode::Ok.message(locale))
                );
            } else {
                let code = StatusCode::from_u16(code).unwrap();
                assert_eq!(answer.status, code.code());
                // The language the detail is in: zh-HK's 404 is zh-TW's text, 503 has only
                // English and zh-CN.
                let language = code.message_locale(locale).tag();
                assert_eq!(answer.content_language.as_deref(), Some(language));
                assert_eq!(answer.json()["detail"], code.message(locale));
            }
        }
    });
}

/// A server on a free loopback port, serving until dropped (with its runtime).
struct Server {
    address: std::net::SocketAddr,
    _runtime: tokio::runtime::Runtime,
}

impl Server {
    fn start(app: Router) -> Server {
        let runtime = runtime();
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .unwrap();
        let address = listener.local_addr().unwrap();
        runtime.spawn(async move { axum::serve(listener, app).await });
        Server {
            address,
            _runtime: runtime,
        }
    }

    /// Sends `method path` with `headers` (each a whole field line) and reads the raw answer.
    fn ask(&self, method: &str, path: &str, headers: &[&str], body: &str) -> Raw {
        let mut request =
            format!("{method} {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n");
        for line in headers {
            request.push_str(line);
            request.push_str("\r\n");
        }
        if !body.is_empty() {
            request.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        request.push_str("\r\n");
        request.push_str(body);
        self.send(request.as_bytes())
    }

    /// Writes `request` as it is and reads the whole answer.
    fn send(&self, request: &[u8]) -> Raw {
        use std::io::{Read as _, Write as _};
        let timeout = Some(std::time::Duration::from_secs(10));
        let mut stream = std::net::TcpStream::connect(self.address).unwrap();
        stream.set_read_timeout(timeout).unwrap();
        stream.set_write_timeout(timeout).unwrap();
        stream.write_all(request).unwrap();
        let mut bytes = Vec::new();
        stream.read_to_end(&mut bytes).unwrap();
        Raw::parse(&bytes)
    }

    fn get(&self, path: &str, headers: &[&str]) -> Raw {
        self.ask("GET", path, headers, "")
    }
}

/// A response as the server wrote it.
#[derive(Debug)]
struct Raw {
    status_line: String,
    /// Every field line in order, names lower-cased.
    headers: Vec<(String, String)>,
    body: String,
}

impl Raw {
    fn parse(bytes: &[u8]) -> Raw {
        let text = String::from_utf8(bytes.to_vec()).unwrap();
        let (head, body) = text.split_once("\r\n\r\n").unwrap();
        let mut lines = head.split("\r\n");
        let status_line = lines.next().unwrap().to_owned();
        let headers: Vec<(String, String)> = lines
            .map(|line| {
                let (name, value) = line.split_once(':').unwrap();
                (name.to_ascii_lowercase(), value.trim().to_owned())
            })
            .collect();
        let chunked = headers
            .iter()
            .any(|(name, value)| name == "transfer-encoding" && value == "chunked");
        let body = if chunked {
            dechunk(body)
        } else {
            body.to_owned()
        };
        Raw {
            status_line,
            headers,
            body,
        }
    }

    /// The values of every line of the field `name`.
    fn all(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(field, _)| field == name)
            .map(|(_, value)| value.as_str())
            .collect()
    }

    /// The value of the field `name`, which must have at most one line.
    fn header(&self, name: &str) -> Option<&str> {
        let values = self.all(name);
        assert!(
            values.len() <= 1,
            "{name} sent {} times: {self:?}",
            values.len()
        );
        values.first().copied()
    }

    /// The body as a problem: the media type says so, and it parses.
    fn problem(&self) -> Value {
        assert_eq!(
            self.header("content-type"),
            Some("application/problem+json"),
            "{self:?}"
        );
        serde_json::from_str(&self.body).unwrap()
    }
}

/// A chunked body's data.
fn dechunk(mut body: &str) -> String {
    let mut data = String::new();
    loop {
        let (size, rest) = body.split_once("\r\n").unwrap();
        let size = usize::from_str_radix(size, 16).unwrap();
        if size == 0 {
            return data;
        }
        data.push_str(&rest[..size]);
        body = &rest[size + 2..];
    }
}

mod handlers {
    use axum::Json;
    use axum::extract::{Form, Path, Query};
    use axum::http::HeaderValue;
    use axum::http::header::VARY;
    use axum::response::IntoResponse;
    use status_core::axum::ContentLanguage;

    use super::wire::{Locale, StatusCode};

    #[derive(serde::Deserialize)]
    pub struct Order {
        #[allow(dead_code)]
        pub id: u32,
    }

    /// The table's code, answered by `IntoResponse for StatusCode` in `Locale::current()`.
    pub async fn status(Path(code): Path<u16>) -> StatusCode {
        StatusCode::from_u16(code).unwrap_or(StatusCode::NotFound)
    }

    /// The code's problem in the extractor's locale, with a type of the handler's own.
    pub async fn typed(locale: Locale, Path(code): Path<u16>) -> impl IntoResponse {
        let code = StatusCode::from_u16(code).unwrap_or(StatusCode::NotFound);
        code.problem(locale)
            .with_type("https://example.com/probs/typed")
            .with_title("A problem of the handler's own")
    }

    pub async fn order(Path(id): Path<u32>) -> String {
        format!("order {id}")
    }

    pub async fn search(Query(order): Query<Order>) -> String {
        format!("order {}", order.id)
    }

    pub async fn create(Json(order): Json<Order>) -> String {
        format!("order {}", order.id)
    }

    pub async fn submit(Form(order): Form<Order>) -> String {
        format!("order {}", order.id)
    }

    /// Its text in the current locale, with `Content-Language` from the helper and a `Vary`
    /// of its own, given as `?vary=`.
    pub async fn message(
        locale: Locale,
        Query(vary): Query<std::collections::HashMap<String, String>>,
    ) -> impl IntoResponse {
        let code = StatusCode::BadGateway;
        let mut own = axum::http::HeaderMap::new();
        if let Some(vary) = vary.get("vary") {
            own.insert(VARY, HeaderValue::from_str(vary).unwrap());
        }
        // Parts apply in order: the handler's own `Vary` first, then the helper merges.
        (
            own,
            ContentLanguage(code.message_locale(locale).tag()),
            code.message_current(),
        )
    }

    /// A plain-text error of the handler's own, which the problem layer replaces, and a JSON
    /// one, which it leaves.
    pub async fn plain_error() -> impl IntoResponse {
        (axum::http::StatusCode::CONFLICT, "taken")
    }

    pub async fn json_error() -> impl IntoResponse {
        (
            axum::http::StatusCode::CONFLICT,
            Json(serde_json::json!({"error": "taken"})),
        )
    }

    /// A success with an empty body: not an error, left alone.
    pub async fn empty() -> axum::http::StatusCode {
        axum::http::StatusCode::NO_CONTENT
    }
}

/// The service the wire tests ask: both layers, as the README puts them.
fn wire_app() -> Router {
    use axum::routing::post;
    use handlers::*;
    use wire::{Locale, StatusCode};
    Router::new()
        .route("/status/{code}", get(status))
        .route("/typed/{code}", get(typed))
        .route("/orders/{id}", get(order))
        .route("/search", get(search))
        .route("/orders", post(create))
        .route("/form", post(submit))
        .route("/message", get(message))
        .route("/plain-error", get(plain_error))
        .route("/json-error", get(json_error))
        .route("/empty", get(empty))
        .layer(StatusCode::problem_layer())
        .layer(Locale::layer())
}

#[test]
fn the_status_line_carries_the_tables_phrase_for_a_code_http_does_not_name() {
    let server = Server::start(wire_app());
    for path in ["/status/499", "/typed/499"] {
        let raw = server.get(path, &["Accept-Language: zh-CN"]);
        assert_eq!(
            raw.status_line, "HTTP/1.1 499 Client Closed Request",
            "{path}"
        );
        assert_eq!(raw.problem()["status"], 499);
    }
    // Codes the `http` crate names keep its phrase.
    let raw = server.get("/status/404", &[]);
    assert_eq!(raw.status_line, "HTTP/1.1 404 Not Found");
    // Through the problem layer too: a bare 499 of a handler becomes the table's problem.
    let server = Server::start(
        Router::new()
            .route(
                "/",
                get(|| async { axum::http::StatusCode::from_u16(499).unwrap() }),
            )
            .layer(wire::StatusCode::problem_layer()),
    );
    let raw = server.get("/", &[]);
    assert_eq!(raw.status_line, "HTTP/1.1 499 Client Closed Request");
    assert_eq!(
        raw.problem()["detail"],
        "The client closed the connection before the server answered."
    );
}

#[test]
fn content_language_names_the_language_the_body_is_in() {
    let server = Server::start(wire_app());
    // 404 has Japanese; 502 does not, and answers in English.
    let raw = server.get("/status/404", &["Accept-Language: ja"]);
    assert_eq!(raw.header("content-language"), Some("ja"));
    assert_eq!(
        raw.problem()["detail"],
        "要求されたページが見つかりません。"
    );
    let raw = server.get("/status/502", &["Accept-Language: ja"]);
    assert_eq!(raw.status_line, "HTTP/1.1 502 Bad Gateway");
    assert_eq!(raw.header("content-language"), Some("en"));
    assert_eq!(
        raw.problem()["detail"],
        wire::StatusCode::BadGateway.message(wire::Locale::En)
    );
    // A body of the handler's own, with the helper.
    let raw = server.get("/message", &["Accept-Language: ja"]);
    assert_eq!(raw.header("content-language"), Some("en"));
    assert_eq!(
        raw.body,
        wire::StatusCode::BadGateway.message(wire::Locale::En)
    );
    let raw = server.get("/message", &["Accept-Language: zh-CN"]);
    assert_eq!(raw.header("content-language"), Some("zh-CN"));
}

#[test]
fn vary_names_accept_language_once_merged_with_the_handlers() {
    let server = Server::start(wire_app());
    // Every kind of response under the layers: a problem, a success, a rejection, a 404.
    for path in [
        "/status/503",
        "/orders/7",
        "/orders/abc",
        "/nowhere",
        "/empty",
    ] {
        let raw = server.get(path, &["Accept-Language: zh-CN"]);
        assert_eq!(raw.all("vary"), ["Accept-Language"], "{path}: {raw:?}");
    }
    let cases = [
        ("Accept-Encoding", "Accept-Encoding, Accept-Language"),
        ("*", "*"),
        ("accept-language", "accept-language"),
        ("Origin,ACCEPT-LANGUAGE", "Origin,ACCEPT-LANGUAGE"),
    ];
    for (own, expected) in cases {
        let raw = server.get(&format!("/message?vary={own}"), &[]);
        assert_eq!(raw.all("vary"), [expected], "{own}");
    }
    // Without the layers, the helper alone adds it.
    let server = Server::start(Router::new().route("/", get(handlers::message)));
    let raw = server.get("/?vary=Accept-Encoding", &["Accept-Language: zh-CN"]);
    assert_eq!(raw.all("vary"), ["Accept-Encoding, Accept-Language"]);
    assert_eq!(raw.header("content-language"), Some("zh-CN"));
}

#[test]
fn every_accept_language_field_line_is_read_in_order() {
    let server = Server::start(wire_app());
    // `fr` then `ja` reads as `fr, ja`: the table has no French, so Japanese.
    let two_lines = ["Accept-Language: fr", "Accept-Language: ja"];
    // Through the layer (`StatusCode` in `Locale::current()`), the problem layer (a
    // rejection) and the extractor (`/typed`).
    for path in ["/status/404", "/nowhere", "/typed/404"] {
        let raw = server.get(path, &two_lines);
        assert_eq!(raw.header("content-language"), Some("ja"), "{path}");
    }
    // Order and weights across lines: the later line's higher weight wins.
    let raw = server.get(
        "/status/404",
        &["Accept-Language: ja;q=0.5", "Accept-Language: zh-CN"],
    );
    assert_eq!(raw.header("content-language"), Some("zh-CN"));
    // Empty lines, non-ASCII text and bytes that are not UTF-8 leave the other lines readable.
    let raw = server.get(
        "/status/404",
        &[
            "Accept-Language:",
            "Accept-Language: de-\u{ff}",
            "Accept-Language: ja",
        ],
    );
    assert_eq!(raw.header("content-language"), Some("ja"));
    let raw = server.send(
        b"GET /status/404 HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\
          Accept-Language: fr, \xff\xfe\r\nAccept-Language: ja\r\n\r\n",
    );
    assert_eq!(raw.status_line, "HTTP/1.1 404 Not Found");
    assert_eq!(raw.header("content-language"), Some("ja"));
    // A refusal whose element holds a byte that is not UTF-8 is skipped alone: it is no
    // request for the language it refused.
    let raw = server.send(
        b"GET /status/404 HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\
          Accept-Language: zh-CN\xff;q=0, en\r\n\r\n",
    );
    assert_eq!(raw.header("content-language"), Some("en"));
}

#[test]
fn the_problem_layer_answers_axums_own_errors_as_localized_problems() {
    let server = Server::start(wire_app());
    let zh = ["Accept-Language: zh-CN"];
    let problem_of = |code: u16| {
        let code = wire::StatusCode::from_u16(code).unwrap();
        serde_json::to_value(code.problem(wire::Locale::ZhCn)).unwrap()
    };
    // A path, a query, a JSON body and a form that do not parse; an unknown route.
    let json = ["Accept-Language: zh-CN", "Content-Type: application/json"];
    let form = [
        "Accept-Language: zh-CN",
        "Content-Type: application/x-www-form-urlencoded",
    ];
    let cases: [(&str, &str, &[&str], &str, u16); 8] = [
        ("GET", "/orders/abc", &zh, "", 400),
        ("GET", "/search?id=x", &zh, "", 400),
        ("POST", "/orders", &json, "{", 400),
        ("POST", "/orders", &json, r#"{"id":"x"}"#, 422),
        ("POST", "/orders", &zh, r#"{"id":1}"#, 415),
        ("POST", "/form", &form, "id=x", 422),
        ("GET", "/nowhere", &zh, "", 404),
        ("GET", "/plain-error", &zh, "", 409),
    ];
    for (method, path, headers, body, status) in cases {
        let raw = server.ask(method, path, headers, body);
        let code = wire::StatusCode::from_u16(status).unwrap();
        assert_eq!(
            raw.status_line,
            format!("HTTP/1.1 {status} {}", code.reason()),
            "{method} {path} {body}"
        );
        assert_eq!(raw.problem(), problem_of(status), "{method} {path} {body}");
        assert_eq!(raw.header("content-language"), Some("zh-CN"));
        assert_eq!(raw.all("vary"), ["Accept-Language"]);
    }
    // A method the route lacks: 405, with the router's `Allow` kept.
    let raw = server.ask("DELETE", "/orders/7", &zh, "");
    assert_eq!(raw.status_line, "HTTP/1.1 405 Method Not Allowed");
    assert_eq!(raw.header("allow"), Some("GET,HEAD"));
    assert_eq!(raw.problem(), problem_of(405));
    // What the layer leaves: a handler's own problem, its own JSON error, a success.
    let raw = server.get("/typed/503", &zh);
    let problem = raw.problem();
    assert_eq!(problem["type"], "https://example.com/probs/typed");
    assert_eq!(problem["title"], "A problem of the handler's own");
    let raw = server.get("/json-error", &zh);
    assert_eq!(raw.header("content-type"), Some("application/json"));
    assert_eq!(raw.body, r#"{"error":"taken"}"#);
    let raw = server.get("/orders/7", &zh);
    assert_eq!(
        (raw.status_line.as_str(), raw.body.as_str()),
        ("HTTP/1.1 200 OK", "order 7")
    );
    assert_eq!(raw.header("content-language"), None);
}

#[test]
fn the_problem_layer_reads_back_as_a_problem_of_the_table() {
    // A client of the service: the body read as a `Problem`, its status as the table's code.
    let server = Server::start(wire_app());
    let raw = server.get("/orders/abc", &["Accept-Language: ja"]);
    let problem: Problem<'_> = serde_json::from_str(&raw.body).unwrap();
    let code: wire::StatusCode = problem.status_code().unwrap();
    assert_eq!(code, wire::StatusCode::BadRequest);
    // 400 has no Japanese: English, and the header says so.
    assert_eq!(raw.header("content-language"), Some("en"));
    assert_eq!(
        problem.detail.as_deref(),
        Some(code.message(wire::Locale::En))
    );
    assert_eq!(
        code.message(wire::Locale::ZhCn),
        code.message(wire::Locale::ZhCn)
    );
}

#[test]
fn the_problem_layer_answers_a_code_the_table_lacks_with_a_plain_problem() {
    use chinese::{Locale, StatusCode};
    // `chinese.toml` has 200, 404 and 503 only: a 405 gets the `http` crate's phrase, in
    // English, and the router's `Allow`; a 404 the table's Japanese.
    let app = Router::new()
        .route("/", get(|| async { "here" }))
        .layer(StatusCode::problem_layer());
    runtime().block_on(async {
        let request = Request::post("/")
            .header("accept-language", "ja")
            .body(Body::empty())
            .unwrap();
        let response = app.clone().oneshot(request).await.unwrap();
        assert_eq!(response.headers()["allow"], "GET,HEAD");
        let answer = Answer::of(response).await;
        assert_eq!(answer.status, 405);
        assert_eq!(
            answer.json(),
            json!({"type": "about:blank", "title": "Method Not Allowed", "status": 405})
        );
        assert_eq!(answer.content_language.as_deref(), Some("en"));
        assert_eq!(answer.vary.as_deref(), Some("Accept-Language"));
        // A success passes as it was: the layer changed nothing that could vary.
        let answer = get_with(app.clone(), "/", Some("ja")).await;
        assert_eq!((answer.status, answer.body.as_str()), (200, "here"));
        assert_eq!(answer.vary, None);
        let answer = get_with(app, "/nowhere", Some("ja")).await;
        assert_eq!(answer.status, 404);
        assert_eq!(
            answer.json()["detail"],
            StatusCode::NotFound.message(Locale::Ja)
        );
        assert_eq!(answer.content_language.as_deref(), Some("ja"));
    });
}
