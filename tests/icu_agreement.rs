//! Negotiation against ICU's `LocaleMatcher`, the reference implementation of CLDR's language
//! matching: every header of `matching/headers.txt` against five tables, ICU's answers written by
//! `scripts/cldr/icu_answers.py` into `matching/icu-answers.tsv`. Where the answers differ, the
//! difference is listed in [`ON_PURPOSE`] with the reason; any other difference fails.
//!
//! The corpus is 275 headers. 206 (203 ignoring letter case) are real headers, each with its
//! source on the comment line above it: the default headers of Firefox in 109 locales and of
//! Chromium in 53 UI languages (the file and commit each comes from), the examples of MDN and the
//! HTTP RFCs, and the defaults of crawlers and download tools. The other 69, after the
//! `# == Uncited ==` line, are forms browsers and iOS apps send and the cases of the
//! locale-matching issue, with no individual source.

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

mod wide {
    status_core::status_codes!("matching/wide.toml");
}

/// The tables ICU answered for, as `scripts/cldr/icu_answers.py` names them.
const TABLES: [&str; 5] = ["shipped", "chinese", "issue", "regional", "wide"];

/// Where the corpus ends its cited headers; what follows has no individual source.
const UNCITED: &str = "# == Uncited ==";

/// CLDR 41 puts Simplified and Traditional Chinese at the default script distance, so ICU finds
/// no match and answers the default; a Chinese reader gets Chinese in the other script here, as
/// a last resort (only when nothing else the header names fits; see `status_core::locale`).
const TRADITIONAL: &str = "a Traditional Chinese reader gets Simplified before the default";
const SIMPLIFIED: &str = "a Simplified Chinese reader gets Traditional before the default";

/// Between two languages the matcher reads CLDR's row for the languages and not its rows for their
/// scripts (`status_core::locale::matching::distance`: a second language is read in any script),
/// so a reader of Uzbek or Azerbaijani in Arabic script gets Russian, their second language in
/// CLDR; ICU adds the distance from Arabic to Cyrillic and finds nothing.
const SECOND_LANGUAGE: &str = "a second language is offered whatever the script of the first";

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
    ("wide", "uz-AF", "ru", "en", SECOND_LANGUAGE),
    ("wide", "az-IR", "ru", "en", SECOND_LANGUAGE),
];

fn ours(table: &str, header: &str) -> &'static str {
    match table {
        "shipped" => shipped::Locale::negotiate(header).tag(),
        "chinese" => chinese::Locale::negotiate(header).tag(),
        "issue" => issue::Locale::negotiate(header).tag(),
        "regional" => regional::Locale::negotiate(header).tag(),
        "wide" => wide::Locale::negotiate(header).tag(),
        other => panic!("no table {other}"),
    }
}

/// The headers of `matching/headers.txt`, each once, with whether it comes before [`UNCITED`].
fn corpus() -> Vec<(&'static str, bool)> {
    let mut cited = true;
    let mut headers: Vec<(&'static str, bool)> = Vec::new();
    for line in include_str!("matching/headers.txt").lines() {
        if line == UNCITED {
            cited = false;
        } else if !line.is_empty()
            && !line.starts_with('#')
            && !headers.iter().any(|(h, _)| *h == line)
        {
            headers.push((line, cited));
        }
    }
    headers
}

#[test]
fn negotiation_agrees_with_icu_or_says_why_not() {
    let answers = include_str!("matching/icu-answers.tsv");
    let mut answered = Vec::new();
    let mut unexplained = Vec::new();
    let mut explained_seen = 0;
    for line in answers.lines().filter(|line| !line.starts_with('#')) {
        let mut fields = line.splitn(3, '\t');
        let (Some(table), Some(icu), Some(header)) = (fields.next(), fields.next(), fields.next())
        else {
            panic!("malformed line {line:?}");
        };
        let ours = ours(table, header);
        answered.push((table, header));
        let explained = ON_PURPOSE
            .iter()
            .find(|(t, h, _, _, _)| *t == table && *h == header);
        match explained {
            Some((_, _, expected, icu_said, _)) => {
                assert_eq!((ours, icu), (*expected, *icu_said), "{table}: {header}");
                explained_seen += 1;
            }
            None if ours != icu => {
                unexplained.push(format!("{table}\t{header}\tours {ours}\tICU {icu}"))
            }
            None => {}
        }
    }
    // ICU answered every header of the corpus for every table, once: the answers are not stale.
    let expected: Vec<(&str, &str)> = TABLES
        .iter()
        .flat_map(|table| {
            corpus()
                .into_iter()
                .map(move |(header, _)| (*table, header))
        })
        .collect();
    assert_eq!(answered, expected, "rerun scripts/cldr/icu_answers.py");
    assert!(unexplained.is_empty(), "{}", unexplained.join("\n"));
    assert_eq!(
        explained_seen,
        ON_PURPOSE.len(),
        "an ON_PURPOSE row names no answer"
    );
}

#[test]
fn corpus_headers_name_their_sources() {
    let lines: Vec<&str> = include_str!("matching/headers.txt").lines().collect();
    let end = lines
        .iter()
        .position(|line| *line == UNCITED)
        .expect("headers.txt has its uncited marker");
    for (i, line) in lines[..end].iter().enumerate() {
        if !line.is_empty() && !line.starts_with('#') {
            assert!(
                i > 0 && names_commit(lines[i - 1]),
                "headers.txt line {}: {line:?} has no commit on the line above",
                i + 1
            );
        }
    }
    // Counted without letter case: "en-US,en;q=0.5" and "en-us,en;q=0.5" are one header.
    let mut cited: Vec<String> = corpus()
        .into_iter()
        .filter(|(_, cited)| *cited)
        .map(|(header, _)| header.to_ascii_lowercase())
        .collect();
    cited.sort();
    cited.dedup();
    assert!(cited.len() >= 200, "only {} cited headers", cited.len());
}

/// Whether a comment line names a commit: " @ " and then 40 hexadecimal digits.
fn names_commit(line: &str) -> bool {
    line.starts_with('#')
        && line.split(" @ ").skip(1).any(|after| {
            after.len() >= 40 && after.as_bytes()[..40].iter().all(u8::is_ascii_hexdigit)
        })
}
