//! `Problem` against RFC 9457's own examples, and `StatusCode::problem` for every code and
//! locale of a table.

// A panic is a failing test here.
#![allow(clippy::unwrap_used)]

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde_json::{Value, json};
use status_core::Problem;
use status_core::problem::Member;

mod chinese {
    status_core::status_codes!("chinese.toml");
}

mod shipped {
    status_core::status_codes!("../codes.toml");
}

/// The JSON text a problem serializes to, and that text parsed.
fn to_json<T: serde::Serialize>(problem: &T) -> (String, Value) {
    let text = serde_json::to_string(problem).unwrap();
    let value = serde_json::from_str(&text).unwrap();
    (text, value)
}

/// The keys of a JSON object in the order the text wrote them (`serde_json::Value` sorts them).
fn member_order(text: &str) -> Vec<String> {
    struct Keys(Vec<String>);

    impl<'de> serde::Deserialize<'de> for Keys {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Keys, D::Error> {
            struct Visitor;

            impl<'de> serde::de::Visitor<'de> for Visitor {
                type Value = Keys;

                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("an object")
                }

                fn visit_map<A: serde::de::MapAccess<'de>>(
                    self,
                    mut map: A,
                ) -> Result<Keys, A::Error> {
                    let mut keys = Vec::new();
                    while let Some((key, serde::de::IgnoredAny)) = map.next_entry()? {
                        keys.push(key);
                    }
                    Ok(Keys(keys))
                }
            }

            deserializer.deserialize_map(Visitor)
        }
    }

    serde_json::from_str::<Keys>(text).unwrap().0
}

/// RFC 9457 (July 2023), section 3, the first example's body (with `status` as section 3.1.2
/// describes it; the RFC's example leaves it to the status line).
fn rfc_9457_example()
-> Problem<'static, Member<'static, Member<'static, (), i32>, [&'static str; 2]>> {
    Problem::new()
        .with_type("https://example.com/probs/out-of-credit")
        .with_title("You do not have enough credit.")
        .with_status(403)
        .with_detail("Your current balance is 30, but that costs 50.")
        .with_instance("/account/12345/msgs/abc")
        .with("balance", 30)
        .with("accounts", ["/account/12345", "/account/67890"])
}

#[test]
fn the_out_of_credit_example_of_rfc_9457() {
    let problem = rfc_9457_example();
    let (text, value) = to_json(&problem);
    assert_eq!(
        value,
        json!({
            "type": "https://example.com/probs/out-of-credit",
            "title": "You do not have enough credit.",
            "status": 403,
            "detail": "Your current balance is 30, but that costs 50.",
            "instance": "/account/12345/msgs/abc",
            "balance": 30,
            "accounts": ["/account/12345", "/account/67890"]
        })
    );
    assert_eq!(
        member_order(&text),
        [
            "type", "title", "status", "detail", "instance", "balance", "accounts"
        ]
    );

    // Exactly as the RFC prints it: no `status` member.
    let mut without_status = problem.clone();
    without_status.status = None;
    let (_, value) = to_json(&without_status);
    assert_eq!(value.get("status"), None);
    assert_eq!(value.as_object().unwrap().len(), 6);
}

#[test]
fn the_validation_example_of_rfc_9457() {
    // RFC 9457 (July 2023), section 3: more than one problem as an extension, `errors`.
    let errors = json!([
        {"detail": "must be a positive integer", "pointer": "#/age"},
        {"detail": "must be 'green', 'red' or 'blue'", "pointer": "#/profile/color"}
    ]);
    let problem = Problem::new()
        .with_type("https://example.net/validation-error")
        .with_title("Your request is not valid.")
        .with_extensions([("errors", errors.clone())]);
    let (text, value) = to_json(&problem);
    assert_eq!(
        value,
        json!({
            "type": "https://example.net/validation-error",
            "title": "Your request is not valid.",
            "errors": errors
        })
    );
    assert_eq!(member_order(&text), ["type", "title", "errors"]);
}

#[test]
fn about_blank_is_the_default_type_and_absent_members_are_left_out() {
    let (_, value) = to_json(&Problem::new());
    assert_eq!(value, json!({"type": "about:blank"}));
    let (_, value) = to_json(&Problem::default().with_status(404));
    assert_eq!(value, json!({"type": "about:blank", "status": 404}));
}

#[test]
fn status_code_problem_is_the_code_its_reason_and_its_message_in_the_locale() {
    use chinese::{Locale, StatusCode};
    for code in StatusCode::ALL {
        for locale in Locale::ALL {
            let problem = code.problem(locale);
            let (text, value) = to_json(&problem);
            assert_eq!(
                value,
                json!({
                    "type": "about:blank",
                    "title": code.reason(),
                    "status": code.code(),
                    "detail": code.message(locale),
                }),
                "{code} in {locale}"
            );
            assert_eq!(member_order(&text), ["type", "title", "status", "detail"]);
            assert_eq!(
                problem.language.as_deref(),
                Some(code.message_locale(locale).tag())
            );
            // Every text borrows the table: building the problem allocated nothing.
            for text in [
                Some(&problem.r#type),
                problem.title.as_ref(),
                problem.detail.as_ref(),
                problem.language.as_ref(),
            ] {
                assert!(matches!(text, Some(Cow::Borrowed(_))), "{code} in {locale}");
            }
        }
    }
    // Fallbacks apply as in `message`, and the language is the one the detail is written in:
    // `zh-HK` has no 404 text of its own and falls back to zh-TW's; 503 has English and
    // zh-CN only, so zh-TW, zh-HK (by way of zh-TW) and ja get English.
    let problem = StatusCode::NotFound.problem(Locale::ZhHk);
    assert_eq!(problem.detail.as_deref(), Some("找不到網頁。"));
    assert_eq!(problem.language.as_deref(), Some("zh-TW"));
    for locale in [Locale::ZhTw, Locale::ZhHk, Locale::Ja] {
        let problem = StatusCode::ServiceUnavailable.problem(locale);
        assert_eq!(problem.detail.as_deref(), Some("Try again later."));
        assert_eq!(problem.language.as_deref(), Some("en"), "{locale}");
    }
    assert_eq!(
        StatusCode::ServiceUnavailable
            .problem(Locale::ZhCn)
            .language
            .as_deref(),
        Some("zh-CN")
    );
    // Every text the table writes in the locale itself keeps it.
    assert_eq!(StatusCode::Ok.message_locale(Locale::ZhHk), Locale::ZhHk);
    assert_eq!(StatusCode::NotFound.message_locale(Locale::Ja), Locale::Ja);
}

#[test]
fn message_locale_is_the_locale_itself_in_a_table_without_fallbacks() {
    use shipped::{Locale, StatusCode};
    // The shipped table writes every message in both its locales.
    for &code in StatusCode::ALL {
        for &locale in Locale::ALL {
            assert_eq!(code.message_locale(locale), locale, "{code}");
        }
    }
    const IN_CONST: shipped::Locale = StatusCode::NotFound.message_locale(Locale::ZhCn);
    assert_eq!(IN_CONST, Locale::ZhCn);
}

#[test]
fn the_shipped_table_gives_the_texts_of_the_readme() {
    use shipped::{Locale, StatusCode};
    let (_, value) = to_json(&StatusCode::ServiceUnavailable.problem(Locale::ZhCn));
    assert_eq!(
        value,
        json!({
            "type": "about:blank",
            "title": "Service Unavailable",
            "status": 503,
            "detail": "请求未完成。系统暂时异常。",
        })
    );
}

#[test]
fn a_caller_adds_an_instance_and_extensions_to_a_table_problem() {
    use shipped::{Locale, StatusCode};
    let path = String::from("/orders/17");
    let problem = StatusCode::NotFound
        .problem(Locale::En)
        .with_instance(path.as_str())
        .with("order_id", 17);
    let (_, value) = to_json(&problem);
    assert_eq!(value["instance"], "/orders/17");
    assert_eq!(value["order_id"], 17);
    assert_eq!(value["detail"], StatusCode::NotFound.message(Locale::En));
}

#[test]
fn maps_and_lists_of_pairs_are_extensions_in_their_order() {
    let map = BTreeMap::from([("zeta", 1), ("alpha", 2)]);
    let (text, _) = to_json(&Problem::new().with_extensions(map));
    assert_eq!(member_order(&text), ["type", "alpha", "zeta"]);

    let list = vec![(String::from("zeta"), true), (String::from("alpha"), false)];
    let (text, value) = to_json(&Problem::new().with_extensions(&list[..]));
    assert_eq!(member_order(&text), ["type", "zeta", "alpha"]);
    assert_eq!(value["alpha"], false);
    let (owned, _) = to_json(&Problem::new().with_extensions(list));
    assert_eq!(owned, text);
}

#[test]
fn an_extension_with_a_standard_members_name_fails_to_serialize() {
    for name in ["type", "title", "status", "detail", "instance"] {
        let problem = Problem::new().with(name, 1);
        let error = serde_json::to_string(&problem).unwrap_err().to_string();
        assert!(
            error.contains(&format!("the extension member `{name}` repeats a member")),
            "{error}"
        );
    }
    // Names that only resemble them are extensions like any other.
    let (_, value) = to_json(&Problem::new().with("Status", 1).with("types", 2));
    assert_eq!(
        value,
        json!({"type": "about:blank", "Status": 1, "types": 2})
    );
}

/// A received problem with its extension members kept as JSON values.
type Received<'a> = Problem<'a, BTreeMap<Cow<'a, str>, Value>>;

#[test]
fn a_problem_reads_back_what_it_wrote_borrowing_its_strings() {
    let problem = rfc_9457_example();
    let text = serde_json::to_string(&problem).unwrap();
    let read: Received<'_> = serde_json::from_str(&text).unwrap();
    assert_eq!(read.r#type, "https://example.com/probs/out-of-credit");
    assert_eq!(
        read.title.as_deref(),
        Some("You do not have enough credit.")
    );
    assert_eq!(read.status, Some(403));
    assert_eq!(
        read.detail.as_deref(),
        Some("Your current balance is 30, but that costs 50.")
    );
    assert_eq!(read.instance.as_deref(), Some("/account/12345/msgs/abc"));
    assert_eq!((&read.language, &read.reason), (&None, &None));
    assert_eq!(read.extensions.len(), 2);
    assert_eq!(read.extensions["balance"], 30);
    assert_eq!(
        read.extensions["accounts"],
        json!(["/account/12345", "/account/67890"])
    );
    // Nothing was escaped, so every string points into `text`.
    for member in [
        Some(&read.r#type),
        read.title.as_ref(),
        read.detail.as_ref(),
        read.instance.as_ref(),
    ] {
        assert!(matches!(member, Some(Cow::Borrowed(_))), "{member:?}");
    }
    assert!(
        read.extensions
            .keys()
            .all(|name| matches!(name, Cow::Borrowed(_)))
    );
    // Read into a list, it writes the same text again, members in the same order.
    let in_order: Problem<'_, Vec<(Cow<'_, str>, Value)>> = serde_json::from_str(&text).unwrap();
    assert_eq!(serde_json::to_string(&in_order).unwrap(), text);
}

#[test]
fn escaped_strings_are_read_owned() {
    let text = r#"{"title":"Say \"hi\"","detail":"\u4e2d\u6587","caf\u00e9":1}"#;
    let read: Received<'_> = serde_json::from_str(text).unwrap();
    assert_eq!(read.title, Some(Cow::Owned("Say \"hi\"".to_owned())));
    assert_eq!(read.detail.as_deref(), Some("中文"));
    assert_eq!(read.extensions["café"], 1);
    // No `type`: about:blank (RFC 9457, section 3.1.1).
    assert_eq!(read.r#type, "about:blank");
}

#[test]
fn a_standard_member_of_the_wrong_type_is_ignored() {
    // RFC 9457, section 3.1: "If a member's value type does not match the specified type,
    // the member MUST be ignored".
    let text = r#"{"type":5,"title":["x"],"status":"404","detail":{"a":[1,2]},"instance":null}"#;
    let read: Problem<'_> = serde_json::from_str(text).unwrap();
    assert_eq!(read, Problem::new());
    for (status, expected) in [
        ("404", Some(404)),
        ("-1", None),
        ("70000", None),
        ("4.5", None),
    ] {
        let text = format!(r#"{{"status":{status}}}"#);
        let read: Problem<'_> = serde_json::from_str(&text).unwrap();
        assert_eq!(read.status, expected, "{status}");
    }
}

#[test]
fn a_standard_member_named_twice_is_an_error() {
    let error = serde_json::from_str::<Problem<'_>>(r#"{"status":404,"status":500}"#).unwrap_err();
    assert!(
        error.to_string().contains("duplicate field `status`"),
        "{error}"
    );
    assert!(serde_json::from_str::<Problem<'_>>("[1]").is_err());
}

#[test]
fn extensions_are_skipped_kept_in_a_map_or_kept_in_order() {
    let text = r#"{"type":"about:blank","zeta":1,"alpha":{"nested":true},"status":409}"#;
    let skipped: Problem<'_> = serde_json::from_str(text).unwrap();
    assert_eq!(skipped.status, Some(409));
    let in_order: Problem<'_, Vec<(Cow<'_, str>, Value)>> = serde_json::from_str(text).unwrap();
    let names: Vec<&str> = in_order
        .extensions
        .iter()
        .map(|(name, _)| &**name)
        .collect();
    assert_eq!(names, ["zeta", "alpha"]);
    assert_eq!(in_order.extensions[1].1, json!({"nested": true}));
    let hashed: Problem<'_, std::collections::HashMap<Cow<'_, str>, u8>> =
        serde_json::from_str(r#"{"zeta":1,"alpha":2}"#).unwrap();
    assert_eq!(hashed.extensions["alpha"], 2);
}

#[test]
fn a_received_problem_gives_the_tables_code_for_its_own_text() {
    use chinese::{Locale, StatusCode};
    let read: Problem<'_> =
        serde_json::from_str(r#"{"title":"Not Found","status":404,"detail":"Nothing here."}"#)
            .unwrap();
    let code: StatusCode = read.status_code().unwrap();
    assert_eq!(code, StatusCode::NotFound);
    assert_eq!(code.message(Locale::ZhTw), "找不到網頁。");
    // A code the table lacks, or no status at all.
    let read: Problem<'_> = serde_json::from_str(r#"{"status":418}"#).unwrap();
    assert_eq!(read.status_code::<StatusCode>(), None);
    assert_eq!(Problem::new().status_code::<StatusCode>(), None);
}
