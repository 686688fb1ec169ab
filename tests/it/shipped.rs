//! The shipped `codes.toml`, used as a user uses it: every code and locale of the generated
//! enums is checked against the file itself, read independently with the `toml` crate.

use std::collections::HashSet;
use std::str::FromStr;

use status_core::StatusClass;

mod table {
    status_core::status_codes!("../codes.toml");
}

use table::{Locale, StatusCode};

/// The shipped table, read at test time.
fn table() -> toml::Table {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../codes.toml")).unwrap();
    text.parse().unwrap()
}

fn entry(table: &toml::Table, code: u16) -> &toml::Table {
    table["codes"][&code.to_string()].as_table().unwrap()
}

fn text<'t>(entry: &'t toml::Table, field: &str, tag: &str) -> Option<&'t str> {
    entry.get(field)?.get(tag)?.as_str()
}

/// Every code of the shipped table, in order: the IANA registry's named codes and 418.
const CODES: [u16; 62] = [
    100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304,
    305, 307, 308, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415,
    416, 417, 418, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451, 500, 501, 502, 503, 504, 505,
    506, 507, 508, 510, 511,
];

#[test]
fn all_holds_every_code_of_the_file_in_order() {
    let codes: Vec<u16> = StatusCode::ALL.iter().map(|code| code.code()).collect();
    assert_eq!(codes, CODES);
    let in_file: HashSet<u16> = table()["codes"]
        .as_table()
        .unwrap()
        .keys()
        .map(|key| key.parse().unwrap())
        .collect();
    assert_eq!(in_file, CODES.into_iter().collect());
}

#[test]
fn every_code_matches_the_file() {
    let table = table();
    for &code in StatusCode::ALL {
        let entry = entry(&table, code.code());
        let name = entry["name"].as_str().unwrap();
        assert_eq!(code.reason(), name);
        assert_eq!(code.to_string(), format!("{} {name}", code.code()));
        for &locale in Locale::ALL {
            let message = text(entry, "message", locale.tag()).unwrap_or_else(|| {
                panic!("the shipped table has {} in {}", code.code(), locale.tag())
            });
            assert_eq!(code.message(locale), message);
            assert_eq!(code.scenario(locale), text(entry, "scenario", locale.tag()));
            assert_eq!(code.note(locale), text(entry, "note", locale.tag()));
        }
        assert_eq!(
            code.retry_unchanged(),
            entry.get("retry_unchanged").and_then(|v| v.as_bool())
        );
        let aliases: Vec<&str> = entry
            .get("aliases")
            .and_then(|v| v.as_array())
            .map(|a| a.iter().map(|v| v.as_str().unwrap()).collect())
            .unwrap_or_default();
        assert_eq!(code.aliases(), aliases.as_slice());
    }
}

#[test]
fn every_code_has_english_and_chinese_text_that_differ() {
    for code in StatusCode::ALL {
        let en = code.message(Locale::En);
        let zh = code.message(Locale::ZhCn);
        assert!(en.is_ascii() && en.ends_with('.'), "{code:?}: {en}");
        assert!(
            zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{code:?}: {zh}"
        );
        assert!(zh.ends_with('。'), "{code:?}: {zh}");
    }
}

#[test]
fn the_chinese_document_is_kept_verbatim() {
    assert_eq!(
        StatusCode::NotFound.message(Locale::ZhCn),
        "服务器无法找到被请求的页面。"
    );
    assert_eq!(
        StatusCode::ProxyAuthenticationRequired.message(Locale::ZhCn),
        "用户必须首先使用代理服务器进行验证，这样请求才会被处理。"
    );
    assert_eq!(
        StatusCode::GatewayTimeout.message(Locale::ZhCn),
        "网关超时。"
    );
}

#[test]
fn disagreements_between_sources_stay_visible() {
    // 413 and 422 have other names in some documents: they parse as aliases.
    for name in [
        "Request Entity Too Large",
        "Content Too Large",
        "payload too large",
    ] {
        assert_eq!(name.parse(), Ok(StatusCode::PayloadTooLarge), "{name}");
    }
    assert_eq!(
        "Unprocessable Content".parse(),
        Ok(StatusCode::UnprocessableEntity)
    );
    assert!(StatusCode::PayloadTooLarge.note(Locale::En).is_some());
    assert!(StatusCode::UnprocessableEntity.note(Locale::En).is_some());
    // The Chinese document gives 202/204 a vendor meaning; it is kept as a note.
    assert!(
        StatusCode::Accepted
            .note(Locale::ZhCn)
            .unwrap()
            .contains("任务提交成功，当前系统繁忙，下发的任务会延迟处理。")
    );
    assert!(
        StatusCode::NoContent
            .note(Locale::ZhCn)
            .unwrap()
            .contains("任务提交成功。")
    );
}

#[test]
fn locales() {
    assert_eq!(Locale::ALL, [Locale::En, Locale::ZhCn]);
    assert_eq!(Locale::DEFAULT, Locale::En);
    assert_eq!(Locale::default(), Locale::En);
    assert_eq!(Locale::ZhCn.tag(), "zh-CN");
    assert_eq!(Locale::ZhCn.to_string(), "zh-CN");
    assert_eq!(format!("[{:>6}]", Locale::En), "[    en]");
    for text in ["zh-CN", "zh-cn", "ZH-CN", "zh_CN", "zh_cn"] {
        assert_eq!(text.parse(), Ok(Locale::ZhCn), "{text}");
    }
    for text in ["", "zh", "zh-CN ", "zh-TW", "fr", "en-", "zh--cn"] {
        let error = Locale::from_str(text).unwrap_err();
        assert_eq!(error.input(), text);
        assert_eq!(error.to_string(), format!("no locale matches {text:?}"));
    }
}

#[test]
fn parsing_accepts_numbers_names_aliases_variants_and_status_lines() {
    for text in [
        "404",
        "0404",
        "Not Found",
        "not found",
        "NOT FOUND",
        "NotFound",
        "notfound",
        "404 Not Found",
        "404 not found",
        // White space is squeezed and trimmed, as in a status line copied from a log.
        "Not  Found",
        " 404",
        "Not Found ",
        "404  not\tfound",
        "404 NotFound",
    ] {
        assert_eq!(text.parse(), Ok(StatusCode::NotFound), "{text}");
    }
    for &code in StatusCode::ALL {
        assert_eq!(code.to_string().parse(), Ok(code));
        assert_eq!(code.reason().parse(), Ok(code));
        assert_eq!(format!("{code:?}").parse(), Ok(code));
        assert_eq!(code.code().to_string().parse(), Ok(code));
    }
    for text in [
        "",
        "499",
        "4040",
        "40",
        "499 Not Found",
        "-404",
        "+404",
        "六",
    ] {
        let error = StatusCode::from_str(text).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!("no status code matches {text:?}")
        );
    }
    // A number with a name that is not its own says which name the number has.
    for text in ["404 Bad Request", "404 Nothing"] {
        let error = StatusCode::from_str(text).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!("status line {text:?} has the wrong name: 404 is \"Not Found\"")
        );
        assert_eq!(error.expected_reason(), Some("Not Found"));
    }
}

#[test]
fn conversions_round_trip() {
    for &code in StatusCode::ALL {
        let number = u16::from(code);
        assert_eq!(code as u16, number);
        assert_eq!(StatusCode::from_u16(number), Some(code));
        assert_eq!(StatusCode::try_from(number), Ok(code));
    }
    let known: HashSet<u16> = CODES.into_iter().collect();
    for number in 0..=u16::MAX {
        assert_eq!(
            StatusCode::from_u16(number).is_some(),
            known.contains(&number),
            "{number}"
        );
    }
    let error = StatusCode::try_from(499).unwrap_err();
    assert_eq!(error.code(), 499);
    assert_eq!(error.to_string(), "unknown status code 499");
    let _: &dyn std::error::Error = &error;
}

#[test]
fn classes_follow_the_first_digit() {
    for code in StatusCode::ALL {
        let expected = match code.code() / 100 {
            1 => StatusClass::Informational,
            2 => StatusClass::Success,
            3 => StatusClass::Redirection,
            4 => StatusClass::ClientError,
            _ => StatusClass::ServerError,
        };
        assert_eq!(code.class(), expected, "{code}");
        let flags = [
            code.is_informational(),
            code.is_success(),
            code.is_redirection(),
            code.is_client_error(),
            code.is_server_error(),
        ];
        assert_eq!(flags.iter().filter(|f| **f).count(), 1, "{code}");
    }
}

#[test]
fn display_honours_width_and_alignment() {
    assert_eq!(format!("{:<16}|", StatusCode::Ok), "200 OK          |");
    assert_eq!(format!("{:>16}", StatusCode::Ok), "          200 OK");
}

#[test]
fn enums_are_small_copy_values_ordered_by_code() {
    assert_eq!(std::mem::size_of::<StatusCode>(), 2);
    assert!(StatusCode::Continue < StatusCode::NotFound);
    let mut sorted = StatusCode::ALL.to_vec();
    sorted.sort();
    assert_eq!(sorted, StatusCode::ALL);
}

/// `Debug`, `Hash` and the order of the enums are written by the generator rather than
/// derived; they must give what the derives give, which two enums derived here show.
#[test]
fn debug_hash_and_order_are_those_of_the_derives() {
    use std::cmp::Ordering;
    use std::hash::{DefaultHasher, Hash, Hasher};

    #[derive(Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    #[repr(u16)]
    enum Codes {
        Continue = 100,
        NotFound = 404,
    }
    #[derive(Debug, Hash)]
    enum Locales {
        En,
        ZhCn,
    }
    fn hash<T: Hash>(value: &T) -> u64 {
        let mut hasher = DefaultHasher::new();
        value.hash(&mut hasher);
        hasher.finish()
    }
    let pairs = [
        (StatusCode::Continue, Codes::Continue),
        (StatusCode::NotFound, Codes::NotFound),
    ];
    for (ours, derived) in &pairs {
        assert_eq!(format!("{ours:?}"), format!("{derived:?}"));
        assert_eq!(format!("{ours:>20?}|"), format!("{derived:>20?}|"));
        assert_eq!(format!("{ours:#?}"), format!("{derived:#?}"));
        assert_eq!(hash(ours), hash(derived));
        for (other, other_derived) in &pairs {
            assert_eq!(ours.cmp(other), derived.cmp(other_derived));
            assert_eq!(ours.partial_cmp(other), derived.partial_cmp(other_derived));
        }
    }
    assert_eq!(
        StatusCode::NotFound.cmp(&StatusCode::Continue),
        Ordering::Greater
    );
    for (ours, derived) in [(Locale::En, Locales::En), (Locale::ZhCn, Locales::ZhCn)] {
        assert_eq!(format!("{ours:>9?}|"), format!("{derived:>9?}|"));
        assert_eq!(hash(&ours), hash(&derived));
    }
    assert!(Locale::En < Locale::ZhCn);
    assert_eq!(Locale::ALL.iter().max(), Locale::ALL.last());
}
