//! `status_core::standard` against the sources it claims to follow: the `http` crate, the IANA
//! registry snapshot and Python's phrases in `tests/data/`, the RFC sentences behind each retry
//! fact, and the Chinese vendor document's rows in `tests/data/`.

use std::collections::{BTreeSet, HashMap};

use status_core::standard::{Locale, StatusCode};

fn read(path: &str) -> String {
    let path = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// Whether `phrase` is the code's reason phrase or one of its aliases, exactly.
fn is_named(code: StatusCode, phrase: &str) -> bool {
    code.reason() == phrase || code.aliases().contains(&phrase)
}

#[test]
fn every_code_the_http_crate_knows_converts_both_ways_with_its_reason_and_class() {
    let mut known = 0;
    for number in 100..=999 {
        let Ok(theirs) = http::StatusCode::from_u16(number) else {
            continue;
        };
        let Some(reason) = theirs.canonical_reason() else {
            continue;
        };
        known += 1;
        let ours = StatusCode::try_from(theirs)
            .unwrap_or_else(|_| panic!("{number} {reason} is missing from the standard table"));
        assert_eq!(ours.code(), number);
        assert_eq!(http::StatusCode::from(ours), theirs);
        assert!(
            is_named(ours, reason),
            "{number}: {reason:?} is not a name of {ours}"
        );
        assert_eq!(reason.parse(), Ok(ours), "{reason}");
        let classes = |informational, success, redirection, client, server| {
            [informational, success, redirection, client, server]
        };
        assert_eq!(
            classes(
                ours.is_informational(),
                ours.is_success(),
                ours.is_redirection(),
                ours.is_client_error(),
                ours.is_server_error()
            ),
            classes(
                theirs.is_informational(),
                theirs.is_success(),
                theirs.is_redirection(),
                theirs.is_client_error(),
                theirs.is_server_error()
            ),
            "{number}"
        );
    }
    // http 1.x names 62 codes; a much smaller count means the loop above checked little.
    assert!(known >= 62, "the http crate knows {known} codes");
    // And the other way: the standard table holds no code the http crate cannot name.
    for &code in StatusCode::ALL {
        let theirs = http::StatusCode::from(code);
        assert!(theirs.canonical_reason().is_some(), "{code}");
    }
}

/// The fields of one CSV record: commas separate, double quotes enclose, `""` is a quote.
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().unwrap().push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(String::new()),
            _ => fields.last_mut().unwrap().push(c),
        }
    }
    fields
}

/// The registry's named codes: (code, name, reference). Ranges, `Unassigned`, `(Unused)` and
/// temporary registrations are not names; `(OBSOLETED)` marks a name, it is not part of it.
fn iana_named_codes() -> Vec<(u16, String, String)> {
    let text = read("data/iana-http-status-codes.csv");
    let mut lines = text.lines().filter(|line| !line.starts_with('#'));
    assert_eq!(lines.next(), Some("Value,Description,Reference"));
    lines
        .map(csv_fields)
        .filter_map(|fields| {
            let [value, description, reference] = <[String; 3]>::try_from(fields).unwrap();
            let code = value.parse().ok()?;
            let unnamed = ["Unassigned", "(Unused)"].contains(&description.as_str())
                || description.contains("TEMPORARY");
            let name = description.trim_end_matches(" (OBSOLETED)").to_owned();
            (!unnamed).then_some((code, name, reference))
        })
        .collect()
}

#[test]
fn every_named_code_of_the_iana_registry_is_in_the_table_under_its_registry_name() {
    let text = read("data/iana-http-status-codes.csv");
    assert!(
        text.contains("last updated 2025-09-15"),
        "the snapshot states its date"
    );
    let registry = iana_named_codes();
    assert_eq!(registry.len(), 61);
    for (number, name, reference) in &registry {
        let code = StatusCode::from_u16(*number)
            .unwrap_or_else(|| panic!("{number} {name} ({reference}) is missing"));
        assert!(
            is_named(code, name),
            "{number}: {name:?} is not a name of {code}"
        );
        assert_eq!(name.parse(), Ok(code), "{name}");
    }
    // The table holds those codes and 418, which the registry lists as unused but the `http`
    // crate and Python carry; nothing else.
    let mut expected: BTreeSet<u16> = registry.iter().map(|(code, ..)| *code).collect();
    expected.insert(418);
    let ours: BTreeSet<u16> = StatusCode::ALL.iter().map(|code| code.code()).collect();
    assert_eq!(ours, expected);
}

#[test]
fn every_python_phrase_is_a_name_of_its_code() {
    let text = read("data/python-httpstatus.tsv");
    let mut rows = 0;
    let mut versions = BTreeSet::new();
    for line in text.lines().filter(|line| !line.starts_with('#')) {
        let [number, phrase, pythons] = <[&str; 3]>::try_from(line.split('\t').collect::<Vec<_>>())
            .unwrap_or_else(|_| panic!("not code, phrase, versions: {line:?}"));
        let number: u16 = number.parse().unwrap();
        let code = StatusCode::from_u16(number)
            .unwrap_or_else(|| panic!("{number} {phrase} (Python {pythons}) is missing"));
        // Python writes "I'm a Teapot"; names match ignoring ASCII case, as `FromStr` does.
        let named = std::iter::once(code.reason())
            .chain(code.aliases().iter().copied())
            .any(|name| name.eq_ignore_ascii_case(phrase));
        assert!(
            named,
            "{number}: {phrase:?} (Python {pythons}) is not a name of {code}"
        );
        assert_eq!(phrase.parse(), Ok(code), "{phrase}");
        versions.extend(pythons.split(','));
        rows += 1;
    }
    assert!(rows >= 62, "{rows} phrases");
    // The snapshot spans the renaming of 413, 414, 416 and 422 in 3.13.
    assert!(
        versions.contains("3.12") && versions.contains("3.13"),
        "{versions:?}"
    );
}

#[test]
fn older_and_newer_names_parse_to_the_same_code() {
    for (name, number) in [
        ("Request Entity Too Large", 413), // RFC 2616
        ("Payload Too Large", 413),        // RFC 7231
        ("Content Too Large", 413),        // RFC 9110
        ("Request-URI Too Long", 414),     // RFC 2616, section 10.4.15
        ("Request-URI Too Large", 414),    // RFC 2616, section 6.1.1
        ("URI Too Long", 414),             // RFC 7231, RFC 9110
        ("Requested Range Not Satisfiable", 416),
        ("Range Not Satisfiable", 416),
        ("Unprocessable Entity", 422),
        ("Unprocessable Content", 422),
        ("Request Time-out", 408),
        ("Gateway Time-out", 504),
        ("Moved Temporarily", 302), // RFC 1945, RFC 2068
        ("Non Authoritative Information", 203),
    ] {
        assert_eq!(
            name.parse::<StatusCode>().map(|c| c.code()),
            Ok(number),
            "{name}"
        );
    }
}

#[test]
fn every_message_is_non_empty_and_distinct_in_each_locale() {
    for &locale in Locale::ALL {
        let mut seen: HashMap<&str, StatusCode> = HashMap::new();
        for &code in StatusCode::ALL {
            let message = code.message(locale);
            assert!(!message.trim().is_empty(), "{code} in {locale}");
            if let Some(other) = seen.insert(message, code) {
                panic!("{other} and {code} share the {locale} message {message:?}");
            }
            for text in [code.scenario(locale), code.note(locale)]
                .into_iter()
                .flatten()
            {
                assert!(!text.trim().is_empty(), "{code} in {locale}");
            }
        }
        assert_eq!(seen.len(), StatusCode::ALL.len());
    }
}

/// Comment text of `codes.toml` as one line: the `#` and line breaks dropped, so a sentence
/// quoted over several comment lines can be found.
fn table_comments() -> String {
    read("../codes.toml")
        .lines()
        .filter_map(|line| line.trim().strip_prefix('#'))
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn retry_facts_are_what_the_rfcs_say() {
    let comments = table_comments();
    for (number, expected, source, sentence) in [
        (
            400,
            Some(false),
            "RFC 9110, section 15.5.1",
            "perceived to be a client error",
        ),
        (
            401,
            Some(false),
            "RFC 9110, section 15.5.2",
            "MAY repeat the request with a new or replaced Authorization header field",
        ),
        (
            403,
            Some(false),
            "RFC 9110, section 15.5.4",
            "The client SHOULD NOT automatically repeat the request with the same credentials.",
        ),
        (
            404,
            None,
            "RFC 9110, section 15.5.5",
            "A 404 status code does not indicate whether this lack of representation is temporary or permanent",
        ),
        (
            408,
            Some(true),
            "RFC 9110, section 15.5.9",
            "If the client has an outstanding request in transit, it MAY repeat that request.",
        ),
        (
            429,
            Some(true),
            "RFC 6585, section 4",
            "MAY include a Retry-After header indicating how long to wait before making a new request.",
        ),
        (
            500,
            None,
            "RFC 9110, section 15.6.1",
            "the server encountered an unexpected condition that prevented it from fulfilling the request",
        ),
        (
            502,
            None,
            "RFC 9110, section 15.6.3",
            "received an invalid response from an inbound server",
        ),
        (
            503,
            Some(true),
            "RFC 9110, section 15.6.4",
            "a temporary overload or scheduled maintenance, which will likely be alleviated after some delay",
        ),
        (
            504,
            None,
            "RFC 9110, section 15.6.5",
            "did not receive a timely response from an upstream server",
        ),
    ] {
        let code = StatusCode::from_u16(number).unwrap();
        assert_eq!(
            code.retry_unchanged(),
            expected,
            "{number}: {source}: {sentence}"
        );
        // The table quotes the sentence it relies on, next to the fact.
        assert!(
            comments.contains(source) && comments.contains(sentence),
            "codes.toml does not quote {source} for {number}: {sentence:?}"
        );
    }
}

#[test]
fn every_code_says_where_its_texts_come_from_in_both_locales() {
    let table: toml::Table = read("../codes.toml").parse().unwrap();
    let codes = table["codes"].as_table().unwrap();
    assert_eq!(codes.len(), StatusCode::ALL.len());
    for (number, code) in codes {
        for tag in ["en", "zh-CN"] {
            let source = code
                .get("source")
                .and_then(|source| source.get(tag))
                .and_then(toml::Value::as_str);
            let source = source.unwrap_or_else(|| panic!("{number} has no source.{tag}"));
            // Each names an RFC, a vendor document, or the text it was translated from.
            assert!(
                ["RFC ", "transcribed: ", "translated from "]
                    .iter()
                    .any(|kind| source.contains(kind)),
                "{number}: source.{tag} = {source:?}"
            );
        }
    }
    assert_eq!(
        codes["408"]["source"]["zh-CN"].as_str(),
        Some("message transcribed: cloud-server-zh; scenario translated from en")
    );
}

/// The (code, text) rows of the Chinese vendor document, as `tests/data/` holds them: a
/// number, the code cell and the description cell, tab-separated, after `#` comment lines.
fn chinese_seed_rows() -> Vec<(u16, String)> {
    read("data/cloud-server-zh-return-values.tsv")
        .lines()
        .filter(|line| !line.starts_with('#'))
        .map(|line| {
            let columns: Vec<&str> = line.split('\t').collect();
            let [number, code, text] = columns[..] else {
                panic!("not three columns: {line:?}")
            };
            let number: u16 = number.parse().unwrap();
            assert!(code.starts_with(&number.to_string()), "{line:?}");
            (number, text.to_owned())
        })
        .collect()
}

#[test]
fn the_chinese_seed_document_is_kept_verbatim() {
    let rows = chinese_seed_rows();
    let numbers: Vec<u16> = rows.iter().map(|(number, _)| *number).collect();
    assert_eq!(
        numbers,
        [
            200, 202, 204, 300, 400, 401, 403, 404, 405, 406, 407, 408, 409, 500, 501, 502, 503,
            504
        ]
    );
    for (number, text) in rows {
        let code = StatusCode::from_u16(number).unwrap();
        let locale = Locale::ZhCn;
        let texts = [
            Some(code.message(locale)),
            code.scenario(locale),
            code.note(locale),
        ];
        assert!(
            texts.into_iter().flatten().any(|kept| kept.contains(&text)),
            "{number}: {text:?} is not in the table"
        );
    }
}

#[test]
fn the_chinese_text_uses_one_term_for_one_thing() {
    for code in StatusCode::ALL {
        let locale = Locale::ZhCn;
        for text in [Some(code.message(locale)), code.scenario(locale)]
            .into_iter()
            .flatten()
        {
            assert!(
                !text.contains("请求体"),
                "{code}: 消息体, not 请求体: {text}"
            );
            assert!(
                !text.contains("媒体格式"),
                "{code}: 媒体类型, not 媒体格式: {text}"
            );
        }
    }
    // `--search 超时` finds 408 as well as 504.
    let timeout = StatusCode::RequestTimeout;
    assert!(
        [
            Some(timeout.message(Locale::ZhCn)),
            timeout.scenario(Locale::ZhCn)
        ]
        .into_iter()
        .flatten()
        .any(|text| text.contains("超时"))
    );
}
