//! Choosing the locale at run time through the generated API: `Accept-Language` headers as
//! browsers send them and as attackers might, the environment, the current locale, and fallbacks
//! declared in a table (`tests/chinese.toml`).

use std::fmt::Write as _;
use std::process::Command;

mod shipped {
    status_core::status_codes!("../codes.toml");
}

mod vendor {
    status_core::status_codes!("vendor.toml");
}

mod chinese {
    status_core::status_codes!("chinese.toml");
}

mod issue {
    status_core::status_codes!("matching/issue.toml");
}

mod regional {
    status_core::status_codes!("matching/regional.toml");
}

mod private {
    status_core::status_codes!("matching/private.toml");
}

use chinese::{Locale, StatusCode};

/// What Chrome, Firefox and Safari send for a reader of each language, with their default
/// settings (Safari sends the system language alone).
const BROWSERS: [(&str, &str, &str); 12] = [
    ("Chrome", "zh-TW", "zh-TW,zh;q=0.9,en-US;q=0.8,en;q=0.7"),
    ("Chrome", "zh-CN", "zh-CN,zh;q=0.9"),
    ("Chrome", "en-GB", "en-GB,en-US;q=0.9,en;q=0.8"),
    ("Chrome", "ja", "ja,en-US;q=0.9,en;q=0.8"),
    ("Firefox", "zh-TW", "zh-TW,zh;q=0.8,en-US;q=0.5,en;q=0.3"),
    (
        "Firefox",
        "zh-CN",
        "zh-CN,zh;q=0.8,zh-TW;q=0.7,zh-HK;q=0.5,en-US;q=0.3,en;q=0.2",
    ),
    ("Firefox", "en-GB", "en-GB,en;q=0.5"),
    ("Firefox", "ja", "ja,en-US;q=0.7,en;q=0.3"),
    ("Safari", "zh-TW", "zh-TW"),
    ("Safari", "zh-CN", "zh-CN"),
    ("Safari", "en-GB", "en-GB"),
    ("Safari", "ja", "ja-JP"),
];

/// Headers no browser sends: empty, huge, malformed weights, separators only, non-ASCII.
fn hostile_headers() -> Vec<String> {
    let mut headers: Vec<String> = [
        "",
        "   ",
        ",",
        ",,,,,,,,",
        " , , ;, ",
        "q=abc",
        "ja;q=abc",
        "ja;q=",
        "ja;q=1.5",
        "ja;=0.5",
        ";q=0.9",
        "*;q=x",
        "中文,日本語;q=0.9",
        "zh-\u{0301}TW",
        "ja\u{0000}",
        "\u{FEFF}ja",
        "ja-JP-toolongsubtag",
        "--ja",
    ]
    .map(String::from)
    .to_vec();
    headers.push(",".repeat(10 * 1024));
    headers.push("x".repeat(10 * 1024));
    headers.push("é".repeat(5 * 1024));
    headers.push("xx;q=abc,".repeat(1024 + 100));
    headers
}

#[test]
fn browsers_get_their_language_from_a_table_with_both_chinese_scripts() {
    for (browser, reader, header) in BROWSERS {
        let expected = match reader {
            "en-GB" => Locale::En,
            "ja" => Locale::Ja,
            tag => tag.parse().unwrap(),
        };
        assert_eq!(
            Locale::negotiate(header),
            expected,
            "{browser} {reader}: {header}"
        );
    }
    assert_eq!(Locale::negotiate("zh-HK,zh;q=0.9"), Locale::ZhHk);
    assert_eq!(Locale::negotiate("zh-MO"), Locale::ZhHk);
    assert_eq!(Locale::negotiate("zh-Hant"), Locale::ZhTw);
    assert_eq!(Locale::negotiate("zh-Hans-SG"), Locale::ZhCn);
    assert_eq!(Locale::negotiate("zh"), Locale::ZhCn);
}

#[test]
fn browsers_against_the_vendor_table() {
    use vendor::Locale;
    for (browser, reader, header) in BROWSERS {
        let expected = match reader {
            "ja" => Locale::Ja,
            "zh-CN" => Locale::ZhCn,
            "en-GB" => Locale::En,
            // The Chrome and Firefox headers name `zh`, which is Simplified; Safari's names
            // only Traditional, and Simplified is then better than the default.
            _ => Locale::ZhCn,
        };
        assert_eq!(
            Locale::negotiate(header),
            expected,
            "{browser} {reader}: {header}"
        );
    }
    assert_eq!(Locale::negotiate("zh-TW, en;q=0.1"), Locale::En);
    assert_eq!(Locale::negotiate("zh-TW, ja;q=0.1"), Locale::Ja);
}

#[test]
fn browsers_against_the_shipped_table() {
    use shipped::Locale;
    for (browser, reader, header) in BROWSERS {
        // For zh-TW readers: Chrome and Firefox name `zh`, which is Simplified; Safari names
        // only Traditional, and with no Traditional text Simplified beats the default.
        let expected = match reader {
            "zh-CN" | "zh-TW" => Locale::ZhCn,
            _ => Locale::En,
        };
        assert_eq!(
            Locale::negotiate(header),
            expected,
            "{browser} {reader}: {header}"
        );
    }
    assert_eq!(Locale::negotiate("zh-TW,en-US;q=0.8"), Locale::En);
    assert_eq!(Locale::negotiate("zh-HK;q=0.9, zh-CN;q=0"), Locale::En);
}

#[test]
fn hostile_headers_fall_back_to_the_default_without_panicking() {
    for header in hostile_headers() {
        let shown = header.chars().take(24).collect::<String>();
        assert_eq!(Locale::negotiate(&header), Locale::DEFAULT, "{shown:?}");
        assert_eq!(
            vendor::Locale::negotiate(&header),
            vendor::Locale::DEFAULT,
            "{shown:?}"
        );
        assert_eq!(
            shipped::Locale::negotiate(&header),
            shipped::Locale::DEFAULT,
            "{shown:?}"
        );
    }
    // A good range survives its bad neighbours within the bound read
    // (`status_core::locale::MAX_HEADER_BYTES`); past it, nothing is read.
    let noisy = format!("{},ja;q=0.2,{}", ",".repeat(4000), "q=abc;".repeat(500));
    assert_eq!(Locale::negotiate(&noisy), Locale::Ja);
    let beyond = format!(
        "{},ja;q=0.2",
        ",".repeat(status_core::locale::MAX_HEADER_BYTES)
    );
    assert_eq!(Locale::negotiate(&beyond), Locale::DEFAULT);
}

#[test]
fn header_bytes_that_are_not_utf8_drop_their_element_alone() {
    // The refusal of zh-CN is malformed, not a refusal of the rest: ja is served.
    assert_eq!(Locale::negotiate_bytes(b"zh-CN\xff;q=0, ja"), Locale::Ja);
    assert_eq!(Locale::negotiate_bytes(b"zh-CN;q=0, ja"), Locale::Ja);
    assert_eq!(Locale::negotiate_bytes(b"\xff, zh-CN;q=0.5"), Locale::ZhCn);
    assert_eq!(Locale::negotiate_bytes(b"ja\xc3"), Locale::DEFAULT);
    for header in hostile_headers() {
        assert_eq!(
            Locale::negotiate_bytes(header.as_bytes()),
            Locale::negotiate(&header)
        );
    }
}

#[test]
fn declared_fallbacks_come_before_the_default() {
    // zh-HK has only 200 itself; 404 comes from zh-TW, as the table declares, and 503 (no
    // Traditional text at all) from the default, never from zh-CN.
    assert_eq!(StatusCode::Ok.message(Locale::ZhHk), "搞掂。");
    assert_eq!(StatusCode::NotFound.message(Locale::ZhHk), "找不到網頁。");
    assert_eq!(
        StatusCode::NotFound.scenario(Locale::ZhHk),
        Some("路徑錯誤。")
    );
    assert_eq!(
        StatusCode::ServiceUnavailable.message(Locale::ZhHk),
        "Try again later."
    );
    assert_eq!(
        StatusCode::ServiceUnavailable.message(Locale::ZhTw),
        "Try again later."
    );
    assert_eq!(
        StatusCode::NotFound.scenario(Locale::ZhCn),
        Some("A wrong path.")
    );
}

#[test]
fn localized_prints_the_message() {
    let mut out = String::new();
    write!(out, "{}", StatusCode::NotFound.localized(Locale::ZhTw)).unwrap();
    assert_eq!(out, "找不到網頁。");
    assert_eq!(
        format!("[{:>8}]", StatusCode::Ok.localized(Locale::Ja)),
        "[ 成功しました。]"
    );
    assert_eq!(
        format!("[{:<7}]", StatusCode::Ok.localized(Locale::En)),
        "[Fine.  ]"
    );
    let copied = StatusCode::Ok.localized(Locale::ZhHk);
    let again = copied;
    assert_eq!(
        (copied.as_str(), again.to_string()),
        ("搞掂。", "搞掂。".to_string())
    );
}

/// The only test that sets this table's process-wide locale, so that no other test races it.
#[test]
fn current_locale_is_process_wide_and_scopes_override_it_per_thread() {
    assert_eq!(Locale::current(), Locale::DEFAULT);
    Locale::set_current(Locale::ZhTw);
    assert_eq!(Locale::current(), Locale::ZhTw);
    assert_eq!(StatusCode::NotFound.message_current(), "找不到網頁。");
    // Another thread sees the process-wide locale.
    let other = std::thread::spawn(Locale::current).join().unwrap();
    assert_eq!(other, Locale::ZhTw);

    let inner = Locale::with_current(Locale::Ja, || {
        assert_eq!(StatusCode::NotFound.message_current(), "見つかりません。");
        // Only this thread is overridden.
        assert_eq!(
            std::thread::spawn(Locale::current).join().unwrap(),
            Locale::ZhTw
        );
        let nested = Locale::with_current(Locale::ZhHk, Locale::current);
        assert_eq!(Locale::current(), Locale::Ja);
        nested
    });
    assert_eq!(inner, Locale::ZhHk);
    assert_eq!(Locale::current(), Locale::ZhTw);

    // A panic inside the scope still restores the locale.
    let unwound = std::panic::catch_unwind(|| {
        Locale::with_current(Locale::Ja, || panic!("inside the scope"));
    });
    assert!(unwound.is_err());
    assert_eq!(Locale::current(), Locale::ZhTw);

    // A scope wins over a later process-wide change on its own thread.
    Locale::with_current(Locale::ZhCn, || {
        Locale::set_current(Locale::Ja);
        assert_eq!(Locale::current(), Locale::ZhCn);
    });
    assert_eq!(Locale::current(), Locale::Ja);
    Locale::set_current(Locale::DEFAULT);
}

#[test]
fn tables_keep_separate_current_locales() {
    // The vendor table's locale is never set anywhere in this binary.
    chinese::Locale::with_current(chinese::Locale::Ja, || {
        assert_eq!(vendor::Locale::current(), vendor::Locale::En);
        vendor::Locale::with_current(vendor::Locale::ZhCn, || {
            assert_eq!(chinese::Locale::current(), chinese::Locale::Ja);
            assert_eq!(vendor::StatusCode::Ok.message_current(), "成功。");
        });
    });
}

const CHILD: &str = "STATUS_TESTS_EXPECT_LOCALE";

/// The child test's name as the harness knows it: its module path inside the test binary
/// (`locale::from_env_child`), which follows this file wherever it is linked. A name that
/// matched nothing would run no test and succeed, so the parent also checks what the child
/// printed.
fn child_test() -> &'static str {
    let path = concat!(module_path!(), "::from_env_child");
    // Past the crate's name.
    path.split_once("::").map_or(path, |(_, name)| name)
}

/// Run by [`from_env_reads_the_environment`] in a child process with a prepared environment;
/// ignored in a plain run, where it would have nothing to check.
#[test]
#[ignore = "run by from_env_reads_the_environment in a child process with a prepared environment"]
fn from_env_child() {
    let Ok(expected) = std::env::var(CHILD) else {
        panic!("{CHILD} is unset: from_env_reads_the_environment runs this test, setting it");
    };
    assert_eq!(Locale::from_env().tag(), expected);
    println!("checked {expected}");
}

#[test]
fn from_env_reads_the_environment() {
    // LANGUAGE, LC_ALL, LC_MESSAGES, LANG; expected tag.
    let cases = [
        (None, None, None, None, "en"),
        (None, None, None, Some("zh_TW.UTF-8"), "zh-TW"),
        (None, None, Some("ja_JP.UTF-8"), Some("zh_TW.UTF-8"), "ja"),
        (
            None,
            Some("zh_HK.UTF-8@stroke"),
            Some("ja_JP"),
            Some("zh_TW"),
            "zh-HK",
        ),
        (
            Some("fr:zh_CN:ja"),
            None,
            None,
            Some("zh_TW.UTF-8"),
            "zh-CN",
        ),
        (Some(""), Some(""), Some(""), Some("ja_JP.eucJP"), "ja"),
        (Some("ja"), Some("C.UTF-8"), None, Some("zh_TW"), "en"),
        (Some("ja"), None, None, Some("POSIX"), "en"),
        (None, None, None, Some("de_DE.UTF-8"), "en"),
    ];
    for (language, lc_all, lc_messages, lang, expected) in cases {
        // With none of the variables set, `from_env` asks the operating system, whose answer on
        // Windows and macOS is the machine's own language: only elsewhere is it none.
        let asks_the_system = cfg!(any(windows, target_vendor = "apple"));
        if asks_the_system
            && [language, lc_all, lc_messages, lang]
                .iter()
                .all(Option::is_none)
        {
            continue;
        }
        let mut child = Command::new(std::env::current_exe().unwrap());
        child.args([
            "--exact",
            child_test(),
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ]);
        for (name, value) in [
            ("LANGUAGE", language),
            ("LC_ALL", lc_all),
            ("LC_MESSAGES", lc_messages),
            ("LANG", lang),
        ] {
            match value {
                Some(value) => child.env(name, value),
                None => child.env_remove(name),
            };
        }
        let output = child.env(CHILD, expected).output().unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success() && stdout.contains(&format!("checked {expected}")),
            "{language:?} {lc_all:?} {lc_messages:?} {lang:?}: {stdout}{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

#[test]
fn cldr_answers_the_cases_of_the_issue() {
    use issue::Locale;
    let cases = [
        // Firefox's default American header: en-US is `en` itself, en-GB a sibling.
        ("en-US,en;q=0.5", Locale::En),
        ("en-US", Locale::En),
        // en-AU's CLDR parent is en-001, which en-GB shares.
        ("en-AU", Locale::EnGb),
        ("en-IN,en;q=0.9", Locale::EnGb),
        ("en-CA", Locale::En),
        ("zh-TW", Locale::ZhHant),
        ("zh-HK", Locale::ZhHant),
        ("zh", Locale::ZhCn),
        ("zh-SG", Locale::ZhCn),
        ("ja-JP", Locale::Ja),
        ("fr-FR", Locale::En),
    ];
    for (header, expected) in cases {
        assert_eq!(Locale::negotiate(header), expected, "{header}");
    }
}

#[test]
fn cldr_parent_locales_scripts_and_aliases() {
    use regional::Locale;
    let cases = [
        ("sr-Latn-RS", Locale::SrLatn),
        ("sr-RS", Locale::Sr),
        ("sr-ME", Locale::SrLatn),
        ("sr", Locale::Sr),
        ("es-MX", Locale::Es419),
        ("es-AR,es;q=0.9", Locale::Es419),
        ("es-ES", Locale::Es),
        ("pt-AO", Locale::PtPt),
        ("pt-MZ", Locale::PtPt),
        ("pt", Locale::PtBr),
        ("pt-BR", Locale::PtBr),
        ("uz-AF", Locale::UzArab),
        ("uz-UZ", Locale::Uz),
        ("az-IR", Locale::AzArab),
        ("pa-PK", Locale::PaArab),
        ("pa-IN", Locale::Pa),
        ("iw-IL", Locale::He),
        ("iw", Locale::He),
        ("no-NO", Locale::Nb),
        ("no", Locale::Nb),
        ("in", Locale::Id),
        ("tl", Locale::Fil),
        ("sh", Locale::SrLatn),
        ("zh-MO", Locale::ZhHantHk),
        ("zh-Hant", Locale::ZhTw),
        ("zh", Locale::ZhTw), // Simplified asked, only Traditional here: the last resort
        // CLDR's related languages: Swiss German reads German, Nynorsk reads Bokmål.
        ("gsw-CH", Locale::De),
        ("nn-NO", Locale::Nb),
        // ... but below anything close the reader also names, whatever its weight.
        ("nn-NO, en;q=0.1", Locale::En),
        ("fr, de;q=0.2", Locale::De),
    ];
    for (header, expected) in cases {
        assert_eq!(Locale::negotiate(header), expected, "{header}");
    }
}

#[test]
fn parse_lenient_finds_the_best_locale_for_one_tag() {
    use issue::Locale;
    assert_eq!(Locale::parse_lenient("zh-Hans"), Some(Locale::ZhCn));
    assert_eq!(Locale::parse_lenient("en-US"), Some(Locale::En));
    assert_eq!(Locale::parse_lenient("en_AU"), Some(Locale::EnGb));
    assert_eq!(Locale::parse_lenient("zh_TW.UTF-8"), Some(Locale::ZhHant));
    assert_eq!(
        Locale::parse_lenient("ja_JP.eucJP@modifier"),
        Some(Locale::Ja)
    );
    assert_eq!(Locale::parse_lenient(" ZH-cn "), Some(Locale::ZhCn));
    assert_eq!(Locale::parse_lenient("fr"), None);
    assert_eq!(Locale::parse_lenient(""), None);
    assert_eq!(Locale::parse_lenient("*"), None);
    assert_eq!(Locale::parse_lenient("en, ja"), None);
    // `FromStr` stays exact: only a tag of the table, in any case.
    assert!("zh-Hans".parse::<Locale>().is_err());
}

#[test]
fn private_use_tags_are_locales_too() {
    use private::Locale;
    assert_eq!(Locale::negotiate("x-pirate"), Locale::XPirate);
    assert_eq!(Locale::negotiate("en-x-legal, en;q=0.5"), Locale::EnXLegal);
    assert_eq!(Locale::negotiate("qaa"), Locale::Qaa);
    assert_eq!(Locale::negotiate("en-GB"), Locale::En);
    assert_eq!(Locale::parse_lenient("X-Pirate"), Some(Locale::XPirate));
}
