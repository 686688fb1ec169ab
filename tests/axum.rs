//! The `axum` feature in process: the `Locale` extractor, `IntoResponse` for `StatusCode` and
//! `Problem`, and `Locale::layer` under many concurrent requests on a multi-threaded runtime.
//! (`examples/axum-service` tests the same over real TCP.)

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
    let cases: [(Option<&[u8]>, &str); 8] = [
        (None, "en"),
        (Some(b"ja"), "ja"),
        (Some(b"zh-HK, zh;q=0.5"), "zh-HK"),
        (Some(b""), "en"),
        (Some(b";;q=zz,,, -;q=9"), "en"),
        // Non-ASCII text: the element is skipped, the rest still read.
        (Some("中文, ja;q=0.5".as_bytes()), "ja"),
        // Bytes that are not UTF-8: read up to them.
        (Some(b"zh-TW, \xff\xfe, ja"), "zh-TW"),
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
