//! Negotiation against ICU's `LocaleMatcher`, the reference implementation of CLDR's language
//! matching: every header of `matching/headers.txt` (152 headers: the default headers of 51
//! Chromium and 17 Firefox UI languages, each with its source, and the forms browsers send and
//! the cases of the matching rules) against four tables, ICU's answers written by
//! `scripts/cldr/icu_answers.py` into `matching/icu-answers.tsv`. Where the answers differ, the
//! difference is listed in [`ON_PURPOSE`] with the reason; any other difference fails.

mod shipped {
    status_core::status_codes!("../codes.toml");
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

/// CLDR 41 puts Simplified and Traditional Chinese at the default script distance, so ICU finds
/// no match and answers the default; a Chinese reader gets Chinese in the other script here, as
/// a last resort (only when nothing else the header names fits; see `status_core::locale`).
const TRADITIONAL: &str = "a Traditional Chinese reader gets Simplified before the default";
const SIMPLIFIED: &str = "a Simplified Chinese reader gets Traditional before the default";

/// Where we answer otherwise than ICU, on purpose: table, header, our answer, ICU's, why.
const ON_PURPOSE: &[(&str, &str, &str, &str, &str)] = &[
    ("shipped", "zh-TW", "zh-CN", "en", TRADITIONAL),
    ("shipped", "zh-HK", "zh-CN", "en", TRADITIONAL),
    ("shipped", "zh-MO", "zh-CN", "en", TRADITIONAL),
    ("shipped", "zh-Hant", "zh-CN", "en", TRADITIONAL),
    ("regional", "zh-CN,zh;q=0.9", "zh-TW", "en", SIMPLIFIED),
    ("regional", "zh-CN", "zh-TW", "en", SIMPLIFIED),
    ("regional", "zh-SG", "zh-TW", "en", SIMPLIFIED),
    ("regional", "zh", "zh-TW", "en", SIMPLIFIED),
    ("regional", "zh-Hans", "zh-TW", "en", SIMPLIFIED),
    ("regional", "zh-cn,zh;q=0.5", "zh-TW", "en", SIMPLIFIED),
];

fn ours(table: &str, header: &str) -> &'static str {
    match table {
        "shipped" => shipped::Locale::negotiate(header).tag(),
        "chinese" => chinese::Locale::negotiate(header).tag(),
        "issue" => issue::Locale::negotiate(header).tag(),
        "regional" => regional::Locale::negotiate(header).tag(),
        other => panic!("no table {other}"),
    }
}

#[test]
fn negotiation_agrees_with_icu_or_says_why_not() {
    let answers = include_str!("matching/icu-answers.tsv");
    let mut checked = 0;
    let mut unexplained = Vec::new();
    for line in answers.lines().filter(|line| !line.starts_with('#')) {
        let mut fields = line.splitn(3, '\t');
        let (Some(table), Some(icu), Some(header)) = (fields.next(), fields.next(), fields.next())
        else {
            panic!("malformed line {line:?}");
        };
        let ours = ours(table, header);
        checked += 1;
        let explained = ON_PURPOSE
            .iter()
            .find(|(t, h, _, _, _)| *t == table && *h == header);
        match explained {
            Some((_, _, expected, icu_said, _)) => {
                assert_eq!((ours, icu), (*expected, *icu_said), "{table}: {header}");
            }
            None if ours != icu => {
                unexplained.push(format!("{table}\t{header}\tours {ours}\tICU {icu}"))
            }
            None => {}
        }
    }
    assert!(checked >= 600, "only {checked} answers compared");
    assert!(unexplained.is_empty(), "{}", unexplained.join("\n"));
}
