//! End to end: the built binary on a loopback port, asked with a real HTTP client over TCP.

// A panic in these helpers is a failing test, which is what is wanted.
#![allow(clippy::unwrap_used)]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use serde_json::{Value, json};
use status_core::standard::{Locale, StatusCode};

/// The running service; killed when dropped, so a failing test leaves no process behind.
struct Service {
    child: Child,
    base: String,
    agent: ureq::Agent,
}

/// One answer: the status, the headers a problem response is about, the body as text.
#[derive(Debug)]
struct Answer {
    status: u16,
    content_type: Option<String>,
    content_language: Option<String>,
    vary: Option<String>,
    body: String,
}

impl Answer {
    /// The body parsed as a problem: JSON, and `type` is always there.
    fn problem(&self) -> Value {
        assert_eq!(
            self.content_type.as_deref(),
            Some("application/problem+json"),
            "{self:?}"
        );
        let problem: Value = serde_json::from_str(&self.body).unwrap();
        assert!(problem["type"].is_string(), "{self:?}");
        problem
    }
}

impl Service {
    fn start() -> Service {
        let mut child = Command::new(env!("CARGO_BIN_EXE_axum-service"))
            .arg("127.0.0.1:0")
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        // Owned from here on, so the process is killed even if reading its address fails.
        let mut service = Service {
            child,
            base: String::new(),
            // Every status as it comes: a 3xx is an answer to check, not a redirect to follow.
            agent: ureq::Agent::config_builder()
                .http_status_as_error(false)
                .max_redirects(0)
                .build()
                .into(),
        };
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).unwrap();
        let address = line
            .trim()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"));
        assert!(address.starts_with("http://127.0.0.1:"), "{address}");
        service.base = address.to_owned();
        service
    }

    /// `GET path` with an optional `Accept-Language`.
    fn get(&self, path: &str, accept_language: Option<&str>) -> Answer {
        let mut request = self.agent.get(format!("{}{path}", self.base));
        if let Some(value) = accept_language {
            request = request.header("Accept-Language", value);
        }
        let mut response = request.call().unwrap();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .map(|value| value.to_str().unwrap().to_owned())
        };
        let (content_type, content_language, vary) = (
            header("content-type"),
            header("content-language"),
            header("vary"),
        );
        Answer {
            status: response.status().as_u16(),
            content_type,
            content_language,
            vary,
            body: response.body_mut().read_to_string().unwrap(),
        }
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What `/status/{code}` must answer in `locale`, checked in full.
fn check_code(answer: &Answer, code: StatusCode, locale: Locale) {
    let context = format!("{code} in {locale}: {answer:?}");
    assert_eq!(answer.vary.as_deref(), Some("Accept-Language"), "{context}");
    match code.code() {
        // A 1xx cannot be the final answer: the service answers 500 instead.
        100..=199 => {
            assert_eq!(answer.status, 500, "{context}");
            assert_eq!(answer.content_language.as_deref(), Some(locale.tag()));
            assert_eq!(
                answer.problem(),
                json!({
                    "type": "about:blank",
                    "title": "Internal Server Error",
                    "status": 500,
                    "detail": StatusCode::InternalServerError.message(locale),
                }),
                "{context}"
            );
        }
        // No content, so no body and no content headers.
        204 | 205 | 304 => {
            assert_eq!(answer.status, code.code(), "{context}");
            assert_eq!(answer.body, "", "{context}");
            assert_eq!(answer.content_type, None, "{context}");
            assert_eq!(answer.content_language, None, "{context}");
        }
        _ => {
            assert_eq!(answer.status, code.code(), "{context}");
            assert_eq!(answer.content_language.as_deref(), Some(locale.tag()));
            assert_eq!(
                answer.problem(),
                json!({
                    "type": "about:blank",
                    "title": code.reason(),
                    "status": code.code(),
                    "detail": code.message(locale),
                }),
                "{context}"
            );
        }
    }
}

#[test]
fn every_code_of_the_table_in_both_languages() {
    let service = Service::start();
    for &code in StatusCode::ALL {
        for (header, locale) in [("en-US,en;q=0.9", Locale::En), ("zh-CN", Locale::ZhCn)] {
            let answer = service.get(&format!("/status/{}", code.code()), Some(header));
            check_code(&answer, code, locale);
        }
    }
}

#[test]
fn errors_answer_in_the_negotiated_language() {
    let service = Service::start();
    let cases = [
        (Some("en"), Locale::En),
        (Some("zh-CN"), Locale::ZhCn),
        // Traditional Chinese gets Simplified text only as a last resort: anything else the
        // reader accepts wins.
        (Some("zh-TW"), Locale::ZhCn),
        (Some("zh-TW, en;q=0.1"), Locale::En),
        (None, Locale::En),
        (Some(";;q=zz,,, -;q=9, zh-CN;q=1.5"), Locale::En),
        // A non-ASCII element is skipped alone; the rest of the header still counts.
        (Some("zh-CN, 中文"), Locale::ZhCn),
        (Some("fr-CH, fr;q=0.9, zh;q=0.8, en;q=0.7"), Locale::ZhCn),
    ];
    for (header, locale) in cases {
        let answer = service.get("/no/such/page", header);
        check_code(&answer, StatusCode::NotFound, locale);
    }
}

#[test]
fn malformed_and_unknown_codes_and_a_problem_with_members_of_its_own() {
    let service = Service::start();
    check_code(
        &service.get("/status/four-oh-four", Some("zh-CN")),
        StatusCode::BadRequest,
        Locale::ZhCn,
    );
    check_code(
        &service.get("/status/499", None),
        StatusCode::NotFound,
        Locale::En,
    );

    let answer = service.get("/orders/17", Some("zh-CN"));
    assert_eq!(answer.status, 404);
    assert_eq!(answer.content_language.as_deref(), Some("zh-CN"));
    assert_eq!(
        answer.problem(),
        json!({
            "type": "about:blank",
            "title": "Not Found",
            "status": 404,
            "detail": StatusCode::NotFound.message(Locale::ZhCn),
            "instance": "/orders/17",
            "order_id": "17",
        })
    );
}

#[test]
fn a_wrong_method_answers_405_with_allow() {
    let service = Service::start();
    let mut response = service
        .agent
        .delete(format!("{}/status/404", service.base))
        .header("Accept-Language", "zh-CN")
        .call()
        .unwrap();
    assert_eq!(response.status().as_u16(), 405);
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
    };
    assert_eq!(header("allow").as_deref(), Some("GET,HEAD"));
    assert_eq!(header("content-language").as_deref(), Some("zh-CN"));
    assert_eq!(header("vary").as_deref(), Some("Accept-Language"));
    let body: Value = serde_json::from_str(&response.body_mut().read_to_string().unwrap()).unwrap();
    assert_eq!(
        body["detail"],
        StatusCode::MethodNotAllowed.message(Locale::ZhCn)
    );
}

#[test]
fn concurrent_requests_in_mixed_languages() {
    let service = Service::start();
    let headers = [
        ("zh-CN", Locale::ZhCn),
        ("en-GB", Locale::En),
        ("zh-TW", Locale::ZhCn),
        ("zh-TW, en;q=0.1", Locale::En),
        ("zh-Hans-SG", Locale::ZhCn),
        ("de", Locale::En),
    ];
    let codes = [
        StatusCode::NotFound,
        StatusCode::TooManyRequests,
        StatusCode::ServiceUnavailable,
        StatusCode::NotModified,
        StatusCode::Ok,
    ];
    std::thread::scope(|scope| {
        for thread in 0..8 {
            let service = &service;
            scope.spawn(move || {
                for round in 0..40 {
                    let (header, locale) = headers[(thread + round) % headers.len()];
                    let code = codes[(thread * 3 + round) % codes.len()];
                    let answer = service.get(&format!("/status/{}", code.code()), Some(header));
                    check_code(&answer, code, locale);
                }
            });
        }
    });
}
