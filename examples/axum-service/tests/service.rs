//! End to end: the built binary on a loopback port, asked with a real HTTP client.

// A panic in these helpers is a failing test, which is what is wanted.
#![allow(clippy::unwrap_used)]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

/// The running service; killed when dropped, so a failing test leaves no process behind.
struct Service {
    child: Child,
    base: String,
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

    /// `GET path` with an optional `Accept-Language`: the status and the parsed JSON body.
    fn get(&self, path: &str, accept_language: Option<&str>) -> (u16, serde_json::Value) {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        let mut request = agent.get(format!("{}{path}", self.base));
        if let Some(value) = accept_language {
            request = request.header("Accept-Language", value);
        }
        let mut response = request.call().unwrap();
        let status = response.status().as_u16();
        let content_type = response.headers()["content-type"].to_str().unwrap();
        assert_eq!(content_type, "application/json");
        let body = response.body_mut().read_to_string().unwrap();
        (status, serde_json::from_str(&body).unwrap())
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

const NOT_FOUND_EN: &str = "The server could not find the requested page.";
const NOT_FOUND_ZH: &str = "服务器无法找到被请求的页面。";

#[test]
fn errors_answer_in_the_negotiated_language() {
    let service = Service::start();
    let cases = [
        (Some("en"), "en", NOT_FOUND_EN),
        (Some("zh-CN"), "zh-CN", NOT_FOUND_ZH),
        // Traditional Chinese gets Simplified text only as a last resort: anything else the
        // reader accepts wins.
        (Some("zh-TW"), "zh-CN", NOT_FOUND_ZH),
        (Some("zh-TW, en;q=0.1"), "en", NOT_FOUND_EN),
        (None, "en", NOT_FOUND_EN),
        // Garbage, and non-ASCII bytes the server cannot even read as text.
        (Some(";;q=zz,,, -;q=9, zh-CN;q=1.5"), "en", NOT_FOUND_EN),
        (Some("zh-CN, 中文"), "en", NOT_FOUND_EN),
        (
            Some("fr-CH, fr;q=0.9, zh;q=0.8, en;q=0.7"),
            "zh-CN",
            NOT_FOUND_ZH,
        ),
    ];
    for (header, locale, message) in cases {
        let (status, body) = service.get("/no/such/page", header);
        assert_eq!(status, 404, "{header:?}");
        assert_eq!(
            body,
            serde_json::json!({
                "code": 404,
                "reason": "Not Found",
                "message": message,
                "locale": locale,
            }),
            "{header:?}"
        );
    }
}

#[test]
fn any_code_of_the_table_can_be_asked_for() {
    let service = Service::start();
    let (status, body) = service.get("/status/503", Some("zh-CN,en;q=0.5"));
    assert_eq!(status, 503);
    assert_eq!(body["reason"], "Service Unavailable");
    assert_eq!(body["message"], "请求未完成。系统暂时异常。");
    assert_eq!(body["locale"], "zh-CN");

    let (status, body) = service.get("/status/429", Some("en-GB"));
    assert_eq!(status, 429);
    assert_eq!(body["code"], 429);
    assert_eq!(body["locale"], "en");

    // A number the table lacks is not found; something else is a bad request.
    let (status, body) = service.get("/status/499", None);
    assert_eq!((status, &body["code"]), (404, &serde_json::json!(404)));
    let (status, body) = service.get("/status/four-oh-four", Some("zh-CN"));
    assert_eq!(status, 400);
    assert_eq!(body["reason"], "Bad Request");
    assert_eq!(body["locale"], "zh-CN");
}
