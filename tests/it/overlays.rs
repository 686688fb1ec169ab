//! The vendor overlays shipped in `overlays/`: each extends the standard table and restates
//! only what its vendor's document says differently. The tests pin both sides: the vendor's
//! own wordings, and that everything else is the standard's. `api-scenarios-en` adds the
//! situations its vendor lists as problem types.

use status_core::standard;

mod cloud_server {
    status_core::status_codes!("../overlays/cloud-server-zh.toml");
}

mod rest_api {
    status_core::status_codes!("../overlays/rest-api-en.toml");
}

mod operation_results {
    status_core::status_codes!("../overlays/operation-results-en.toml");
}

mod api_scenarios {
    status_core::status_codes!("../overlays/api-scenarios-en.toml");
}

/// The codes whose message in `locale` (a tag) differs from the standard's.
macro_rules! reworded {
    ($table:ident, $tag:literal) => {{
        let theirs: $table::Locale = $tag.parse().unwrap();
        let ours: standard::Locale = $tag.parse().unwrap();
        $table::StatusCode::ALL
            .iter()
            .filter(|code| {
                let base = standard::StatusCode::from_u16(code.code()).unwrap();
                code.message(theirs) != base.message(ours)
            })
            .map(|code| code.code())
            .collect::<Vec<u16>>()
    }};
}

/// Every overlay has exactly the standard's codes, under the same numbers.
macro_rules! same_codes {
    ($table:ident) => {{
        let codes: Vec<u16> = $table::StatusCode::ALL.iter().map(|c| c.code()).collect();
        let base: Vec<u16> = standard::StatusCode::ALL.iter().map(|c| c.code()).collect();
        assert_eq!(codes, base);
    }};
}

#[test]
fn cloud_server_gives_202_and_204_the_meaning_of_a_submitted_task() {
    use cloud_server::{Locale, StatusCode};
    same_codes!(cloud_server);
    // The document is Chinese: so is the default locale.
    assert_eq!(Locale::DEFAULT, Locale::ZhCn);
    assert_eq!(Locale::ALL, [Locale::ZhCn, Locale::En]);
    assert_eq!(
        StatusCode::Accepted.message(Locale::ZhCn),
        "任务提交成功，当前系统繁忙，下发的任务会延迟处理。"
    );
    assert_eq!(
        StatusCode::NoContent.message(Locale::ZhCn),
        "任务提交成功。"
    );
    assert_eq!(
        StatusCode::NoContent.message(Locale::En),
        "Task submitted successfully."
    );
    // Its own wordings of 400, 401 and 406, which the standard keeps only in their notes.
    assert_eq!(reworded!(cloud_server, "zh-CN"), [202, 204, 400, 401, 406]);
    assert_eq!(reworded!(cloud_server, "en"), [202, 204]);
    assert_eq!(
        StatusCode::Unauthorized.message(Locale::ZhCn),
        "被请求的页面需要用户名和密码。"
    );
    assert!(
        standard::StatusCode::Unauthorized
            .note(standard::Locale::ZhCn)
            .is_some_and(|note| note.contains("被请求的页面需要用户名和密码。"))
    );
    // The standard meaning is kept in the note; the names stay.
    assert_eq!(
        StatusCode::Accepted.note(Locale::ZhCn),
        Some("标准含义：请求已被接受，等待处理。")
    );
    assert_eq!(StatusCode::NoContent.to_string(), "204 No Content");
    // What the overlay does not mention is the standard's, scenario included.
    assert_eq!(
        StatusCode::NoContent.scenario(Locale::En),
        standard::StatusCode::NoContent.scenario(standard::Locale::En)
    );
}

#[test]
fn rest_api_names_413_request_entity_too_large_and_rewords_its_codes() {
    use rest_api::{Locale, StatusCode};
    same_codes!(rest_api);
    assert_eq!(Locale::DEFAULT, Locale::En);
    assert_eq!(
        StatusCode::RequestEntityTooLarge.to_string(),
        "413 Request Entity Too Large"
    );
    assert_eq!(
        standard::StatusCode::PayloadTooLarge.to_string(),
        "413 Payload Too Large"
    );
    for name in ["payload too large", "Content Too Large", "413"] {
        assert_eq!(
            name.parse(),
            Ok(StatusCode::RequestEntityTooLarge),
            "{name}"
        );
    }
    assert_eq!(
        reworded!(rest_api, "en"),
        [
            200, 202, 400, 401, 403, 404, 405, 409, 413, 415, 500, 501, 503
        ]
    );
    // Only the codes given another meaning change in Chinese.
    assert_eq!(reworded!(rest_api, "zh-CN"), [500, 503]);
    assert_eq!(
        StatusCode::InternalServerError.message(Locale::En),
        "The server is able to receive the request but it could not understand the request."
    );
    assert_eq!(
        StatusCode::ServiceUnavailable.message(Locale::ZhCn),
        "请求的服务无效。"
    );
    assert!(
        StatusCode::Conflict
            .scenario(Locale::En)
            .is_some_and(|text| text.starts_with("The resource that the client attempts"))
    );
    // The document's "should not repeat the request without modifications" is stricter than
    // the RFCs: the overlay says no where the standard says yes (503) or nothing (404, 405).
    for code in [400, 403, 404, 405, 503] {
        assert_eq!(
            StatusCode::from_u16(code).unwrap().retry_unchanged(),
            Some(false),
            "{code}"
        );
    }
    let standard_retry = |code| {
        standard::StatusCode::from_u16(code)
            .unwrap()
            .retry_unchanged()
    };
    assert_eq!(standard_retry(503), Some(true));
    assert_eq!(standard_retry(404), None);
    assert_eq!(standard_retry(405), None);
    // Codes the document does not mention keep the standard's facts.
    assert_eq!(StatusCode::TooManyRequests.retry_unchanged(), Some(true));
    assert_eq!(StatusCode::GatewayTimeout.retry_unchanged(), None);
    assert_eq!(
        StatusCode::UnprocessableEntity.aliases(),
        standard::StatusCode::UnprocessableEntity.aliases()
    );
}

#[test]
fn operation_results_describe_success_by_operation_and_502_as_an_invalid_request() {
    use operation_results::{Locale, StatusCode};
    same_codes!(operation_results);
    assert_eq!(
        reworded!(operation_results, "en"),
        [
            200, 201, 204, 400, 401, 403, 405, 406, 407, 408, 409, 500, 502, 504
        ]
    );
    assert_eq!(reworded!(operation_results, "zh-CN"), [502]);
    assert_eq!(
        StatusCode::Ok.message(Locale::En),
        "The results of GET and PUT operations are returned as expected."
    );
    assert_eq!(
        StatusCode::BadGateway.message(Locale::En),
        "The request is not completed because the request is invalid."
    );
    assert_eq!(
        StatusCode::GatewayTimeout.message(Locale::En),
        "Gateway times out."
    );
    assert!(
        StatusCode::BadGateway
            .note(Locale::En)
            .is_some_and(|note| note.contains("invalid response from an upstream server"))
    );
}

#[test]
fn overlays_and_the_standard_convert_by_code() {
    for &code in standard::StatusCode::ALL {
        let vendor = rest_api::StatusCode::try_from(code.code()).unwrap();
        assert_eq!(standard::StatusCode::try_from(vendor.code()), Ok(code));
    }
    let vendor = rest_api::StatusCode::RequestEntityTooLarge;
    assert_eq!(
        standard::StatusCode::try_from(u16::from(vendor)),
        Ok(standard::StatusCode::PayloadTooLarge)
    );
}

#[test]
fn api_scenarios_turn_each_situation_into_a_problem_type() {
    use api_scenarios::{
        EcsInstanceAlreadyBound, Locale, MethodNotSupported, ProjectNotFound, StatusCode,
        TaskNotFound, TokenExpired,
    };
    same_codes!(api_scenarios);
    let problem = ProjectNotFound { project_id: "p-42" }.problem(Locale::En);
    assert_eq!(
        serde_json::to_value(&problem).unwrap(),
        serde_json::json!({
            "type": "https://api.example.com/problems/project-not-found",
            "title": "Resource does not exist",
            "status": 404,
            "detail": "Querying non-existent project ID: p-42.",
            "project_id": "p-42",
        })
    );
    let task = TaskNotFound { task_id: 7 };
    assert_eq!(task.status(), StatusCode::NotFound);
    assert_eq!(task.detail(Locale::ZhCn), "查询的任务 ID 不存在：7。");
    assert_eq!(task.title(Locale::ZhCn), "资源不存在");
    let method = MethodNotSupported {
        method: "GET",
        allowed: "POST",
    };
    assert_eq!(
        method.detail(Locale::En),
        "Using GET to request a POST interface."
    );
    assert_eq!(
        TokenExpired.problem(Locale::ZhCn).language.as_deref(),
        Some("zh-CN")
    );
    let bound = EcsInstanceAlreadyBound {
        ecs_id: "ecs-1",
        project_id: "p-1",
    };
    assert_eq!(bound.status(), StatusCode::Conflict);
    // The vendor's words: each title is the heading of a scenario the shipped table keeps.
    for (code, title) in [
        (StatusCode::BadRequest, "Invalid request parameters"),
        (StatusCode::Unauthorized, "Unauthenticated"),
        (StatusCode::Forbidden, "Insufficient permissions"),
        (StatusCode::NotFound, "Resource does not exist"),
        (StatusCode::MethodNotAllowed, "Request method not supported"),
        (StatusCode::Conflict, "Resource conflict"),
    ] {
        let scenario = code.scenario(Locale::En).unwrap();
        assert!(scenario.starts_with(title), "{code}: {scenario}");
    }
}
