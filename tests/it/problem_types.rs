//! Problem types (`[problems.<key>]`): the generated structs, their texts in every locale with
//! the table's fallbacks, and the RFC 9457 problems they give.

// A panic is a failing test here.
#![allow(clippy::unwrap_used)]

use serde_json::json;

mod table {
    status_core::status_codes!("problems.toml");
}

use table::{Locale, MaintenanceWindow, OutOfCredit, ProjectNotFound, StatusCode};

#[test]
fn the_issue_example_serializes_to_rfc_9457_json_in_chinese() {
    let problem = OutOfCredit {
        balance: 30,
        cost: 50,
    }
    .problem(Locale::ZhCn);
    assert_eq!(
        serde_json::to_value(&problem).unwrap(),
        json!({
            "type": "https://example.com/probs/out-of-credit",
            "title": "您的余额不足。",
            "status": 403,
            "detail": "您当前的余额为 30，但该操作需要 50。",
            "balance": 30,
            "cost": 50,
        })
    );
    assert_eq!(problem.language.as_deref(), Some("zh-CN"));
    assert_eq!(problem.reason.as_deref(), Some("Forbidden"));
    // The members in RFC 9457's order, the extensions after, in the template's order.
    assert_eq!(
        serde_json::to_string(&problem).unwrap(),
        r#"{"type":"https://example.com/probs/out-of-credit","title":"您的余额不足。","status":403,"detail":"您当前的余额为 30，但该操作需要 50。","balance":30,"cost":50}"#
    );
}

#[test]
fn texts_fall_back_down_the_chain_and_the_language_says_which_was_used() {
    let credit = OutOfCredit {
        balance: "€30",
        cost: 50.5,
    };
    assert_eq!(
        credit.detail(Locale::En),
        "Your current balance is €30, but that costs 50.5."
    );
    // zh-HK has no texts: zh-TW's, its declared fallback, title and detail together.
    assert_eq!(
        credit.detail(Locale::ZhHk),
        "您目前的餘額為 €30，但該操作需要 50.5。"
    );
    assert_eq!(credit.language(Locale::ZhHk), Locale::ZhTw);
    assert_eq!(credit.title(Locale::ZhHk), "您的餘額不足。");
    assert_eq!(credit.title(Locale::ZhCn), "您的余额不足。");
    assert_eq!(credit.status(), StatusCode::Forbidden);

    let missing = ProjectNotFound { project_id: "p-1" };
    assert_eq!(
        missing.detail(Locale::En),
        "No project has the ID p-1; braces stay as written: {id}."
    );
    assert_eq!(missing.language(Locale::ZhTw), Locale::En);
    let problem = missing.problem(Locale::ZhTw);
    assert_eq!(problem.language.as_deref(), Some("en"));
    assert_eq!(
        problem.detail.as_deref(),
        Some("No project has the ID p-1; braces stay as written: {id}.")
    );
}

#[test]
fn types_are_resolved_against_the_base() {
    assert_eq!(
        ProjectNotFound { project_id: 1 }.type_uri(),
        "https://example.com/probs/project-not-found"
    );
    assert_eq!(
        MaintenanceWindow.type_uri(),
        "https://example.com/probs/maintenance"
    );
    let problem = MaintenanceWindow.problem(Locale::ZhCn);
    assert_eq!(
        serde_json::to_value(&problem).unwrap(),
        json!({
            "type": "https://example.com/probs/maintenance",
            "title": "Down for maintenance.",
            "status": 404,
            "detail": "Come back later.",
        })
    );
}

#[test]
fn with_axum_a_problem_type_is_a_response() {
    use axum::response::IntoResponse;

    let response = OutOfCredit {
        balance: 30,
        cost: 50,
    }
    .problem(Locale::ZhHk)
    .into_response();
    assert_eq!(response.status(), 403);
    let header = |name: &str| response.headers()[name].to_str().unwrap().to_string();
    assert_eq!(header("content-type"), "application/problem+json");
    // The detail is zh-TW's, which zh-HK falls back to.
    assert_eq!(header("content-language"), "zh-TW");
}
