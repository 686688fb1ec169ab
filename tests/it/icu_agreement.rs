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
//!
//! Then ICU's own data-driven `LocaleMatcher` suite (`data/localeMatcherTest.txt`, see
//! `data/README.md`), every case run with default settings, each `@supported` list as a table
//! built at run time as the `status-codes` command builds one. Tags a table refuses and answers
//! we give otherwise on purpose are each listed once, with the reason; any other difference fails.

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

/// CLDR (41, as 48) puts Simplified and Traditional Chinese at the default script distance, so
/// ICU finds no match and answers the default; a Chinese reader gets Chinese in the other script here, as
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
    for line in include_str!("../matching/headers.txt").lines() {
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
    let answers = include_str!("../matching/icu-answers.tsv");
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
    let lines: Vec<&str> = include_str!("../matching/headers.txt").lines().collect();
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

/// Every header of the corpus gets the same answer with `*;q=0` added at its end. That refuses
/// only tags no other range fits, which cannot be the answer, so it changes nothing; but it
/// makes the matcher read and rank every range, where it may otherwise stop ranking after a
/// first range that fits a tag closely.
#[test]
fn stopping_after_the_first_range_changes_no_answer() {
    for (header, _) in corpus() {
        // Also with the elements reversed: later ones then weigh more than the first.
        let reversed: Vec<&str> = header.split(',').rev().collect();
        for header in [header.to_string(), reversed.join(",")] {
            let read_whole = format!("{header}, *;q=0");
            for table in TABLES {
                assert_eq!(
                    ours(table, &header),
                    ours(table, &read_whole),
                    "{table}: {header}"
                );
            }
        }
    }
}

/// Whether a comment line names a commit: " @ " and then 40 hexadecimal digits.
fn names_commit(line: &str) -> bool {
    line.starts_with('#')
        && line.split(" @ ").skip(1).any(|after| {
            after.len() >= 40 && after.as_bytes()[..40].iter().all(u8::is_ascii_hexdigit)
        })
}

/// The rules built at run time for a table's tags (as the `status-codes` command builds them)
/// are the ones the macro writes for the same tags, which it writes partly as text decoded at
/// compile time: every field, for tables of few and of many languages.
#[test]
fn rules_built_at_run_time_are_the_generated_ones() {
    macro_rules! tables {
        ($($table:path),*) => {
            [$({
                use $table as table;
                let tags: Vec<&str> = table::Locale::ALL.iter().map(|locale| locale.tag()).collect();
                (tags, table::Locale::MATCHING_RULES)
            }),*]
        };
    }
    let tables = tables!(
        status_core::standard,
        shipped,
        chinese,
        issue,
        regional,
        wide
    );
    for (tags, generated) in tables {
        status_locale::data::rules_for(&tags, |built| {
            assert_eq!(format!("{built:?}"), format!("{generated:?}"), "{tags:?}");
            for header in [
                "zh-TW",
                "en-GB,en;q=0.5",
                "zh-Hans-SG",
                "fr, *;q=0.1",
                "iw",
                "es-MX",
            ] {
                assert_eq!(
                    status_core::locale::negotiate(header, &tags, built),
                    status_core::locale::negotiate(header, &tags, &generated),
                    "{header}"
                );
            }
        });
    }
}

/// Supported tags of ICU's suite that a table of ours refuses, and why. A case that expects one
/// of these as its answer is not run; the others run against the table without the tag.
const REFUSED_TAGS: &[(&str, &str)] = &[
    ("root", "CLDR's root locale is not a language tag"),
    ("91", NOT_A_TAG),
    ("50", NOT_A_TAG),
    ("en-PSCRACK", PSEUDO),
    ("de-PSCRACK", PSEUDO),
    ("fr-PSCRACK", PSEUDO),
    ("pt-PT-PSCRACK", PSEUDO),
    ("zh-Hans-PSCRACK", PSEUDO),
    ("ar-PSCRACK", PSEUDO),
    ("en-PSACCENT", PSEUDO),
    ("ar-PSBIDI", PSEUDO),
    (
        "en-US-POSIX",
        "`posix` is not a variant in the IANA registry",
    ),
    ("en-GB-u-sd-gbsct", "a table's tags carry no extensions"),
];

const NOT_A_TAG: &str = "a region code alone is not a language tag";
const PSEUDO: &str = "Google's pseudo-locale variants are not in the IANA registry";

/// Supported tags a table writes otherwise, and the answers with them: deprecated codes and
/// legacy tags become what the registry prefers, variants take canonical (lower) case.
const REPLACED_TAGS: &[(&str, &str)] = &[
    ("iw", "he"),
    ("mo", "ro"),
    ("i-klingon", "tlh"),
    ("iw-Latn", "he-Latn"),
    ("iw-Cyrl", "he-Cyrl"),
    ("ca-ES-VALENCIA", "ca-ES-valencia"),
    ("sl-NEDIS", "sl-nedis"),
];

/// The default of a table for a group whose `@default` is not one of its `@supported` tags: ICU
/// answers such a default only when nothing matches, so here it is a tag no case names (a
/// language reserved for private use), and the answer ICU's default stands for "nothing matched".
const NOTHING_MATCHED: &str = "qaa";

/// A case of ICU's suite where we answer otherwise, on purpose: the file's line, our answer, and
/// why. Several follow from CLDR 48's rows where the file expects another release's answer (it
/// still expects CLDR's former `af` → `nl` row); for the `en-CA`, Catalan and Nynorsk cases ICU
/// itself, as installed here, answers as we do ([`FILE_NOT_ICU`]).
const SUITE_ON_PURPOSE: &[(usize, &str, &str)] = &[
    (422, "mul", AF),
    (407, "en", EN_CA),
    (840, "en", EN_CA),
    (1309, "en-US", EN_CA),
    (1880, "en", EN_CA),
    (1132, "es", CATALAN),
    (1218, "es", CATALAN),
    (1393, "sr", SERBO_CROATIAN),
    (1432, "tl", TAGALOG),
    (1469, "en-GB", NYNORSK),
    (1470, "en-GB", NYNORSK),
];

const AF: &str = "CLDR 48 has no row from `af` to `nl` (it has `af` → `en`): nothing fits";
const EN_CA: &str = "CLDR 48's `$enUS` holds CA: `en-CA` is 4 from `en` (US), 5 from `en-GB`";
const CATALAN: &str = "CLDR 48 offers Spanish to Catalan readers (`ca` → `es`, 20, one way)";
const SERBO_CROATIAN: &str =
    "CLDR 48 reads `sh` as `sr-Latn`, 5 from `sr-Cyrl` (and `sh` → `sr` is 4): Serbian fits";
const TAGALOG: &str = "a table may hold both `tl` and `fil` (the registry deprecates neither): \
     a request for `tl` gets the tag it names, where ICU reads the two as one locale";
const NYNORSK: &str = "a related language of the first range (CLDR 48: `nb`, `no` → `nn`, 20) \
     ranks below a close fit of a later one (`en-US` → `en-GB`): tiers before order";

/// One `>>` line of `data/localeMatcherTest.txt` run with default settings.
#[derive(Debug)]
struct SuiteCase {
    line: usize,
    supported: Vec<&'static str>,
    default: Option<&'static str>,
    desired: &'static str,
    expected: &'static str,
}

/// The cases of ICU's suite that run with default settings: not under `@favor=script` or a
/// `@threshold`; the expected match only (not the desired or `combine` columns).
fn suite() -> (Vec<SuiteCase>, usize) {
    let text = include_str!("../data/localeMatcherTest.txt");
    let (mut supported, mut default, mut favor, mut threshold) = (Vec::new(), None, "", "");
    let (mut cases, mut other_settings) = (Vec::new(), 0);
    for (index, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("");
        if line.starts_with("** test:") {
            (supported, default, favor, threshold) = (Vec::new(), None, "", "");
        } else if let Some(list) = line.strip_prefix("@supported=") {
            supported = list.split(',').map(str::trim).collect();
        } else if let Some(tag) = line.strip_prefix("@default=") {
            default = Some(tag.trim()).filter(|tag| !tag.is_empty());
        } else if let Some(value) = line.strip_prefix("@favor=") {
            favor = value.trim();
        } else if let Some(value) = line.strip_prefix("@threshold=") {
            threshold = value.trim();
        } else if let Some((desired, expected)) = line.split_once(">>") {
            let expected = expected.split('|').next().unwrap_or("").trim();
            if expected.is_empty() {
                continue;
            }
            if !favor.is_empty() || !threshold.is_empty() {
                other_settings += 1;
                continue;
            }
            cases.push(SuiteCase {
                line: index + 1,
                supported: supported.clone(),
                default,
                desired: desired.trim(),
                expected,
            });
        } else {
            assert!(
                line.trim().is_empty() || line.starts_with("##"),
                "line {}: {line:?} is not understood",
                index + 1
            );
        }
    }
    (cases, other_settings)
}

/// A supported tag as a table writes it.
fn as_table_writes(tag: &'static str) -> &'static str {
    REPLACED_TAGS
        .iter()
        .find(|(from, _)| *from == tag)
        .map_or(tag, |(_, to)| to)
}

fn refused(tag: &str) -> Option<&'static str> {
    REFUSED_TAGS
        .iter()
        .find(|(refused, _)| *refused == tag)
        .map(|(_, why)| *why)
}

/// ICU's data-driven `LocaleMatcher` suite, every case run with default settings: each
/// `@supported` list becomes a table, with ICU's default first (`@default`, else the list's first
/// tag), and the desired list is read as an `Accept-Language` header.
#[test]
fn icus_locale_matcher_suite_passes() {
    let (cases, other_settings) = suite();
    assert!(
        cases.len() > 400 && other_settings > 300,
        "{} cases",
        cases.len()
    );
    let (mut passed, mut refused_cases, mut explained) = (0, 0, 0);
    let mut failures = Vec::new();
    for case in &cases {
        let mut expected = as_table_writes(case.expected);
        let mut default = case.default.or(case.supported.first().copied());
        if let Some(outside) = default.filter(|tag| !case.supported.contains(tag)) {
            default = Some(NOTHING_MATCHED);
            if outside == case.expected {
                expected = NOTHING_MATCHED;
            }
        }
        let mut tags: Vec<&str> = Vec::new();
        for tag in default.into_iter().chain(case.supported.iter().copied()) {
            let tag = as_table_writes(tag);
            if refused(tag).is_none() && !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        if expected == "null" || refused(expected).is_some() || tags.is_empty() {
            refused_cases += 1;
            continue;
        }
        let index = status_locale::data::rules_for(&tags, |rules| {
            status_core::locale::negotiate(case.desired, &tags, rules)
        });
        let ours = tags[index];
        let on_purpose = SUITE_ON_PURPOSE
            .iter()
            .find(|(line, _, _)| *line == case.line);
        match on_purpose {
            Some((_, answer, _)) => {
                assert_ne!(expected, *answer, "line {}: ICU agrees now", case.line);
                assert_eq!(ours, *answer, "line {}: {case:?}", case.line);
                explained += 1;
            }
            None if ours == expected => passed += 1,
            None => failures.push(format!(
                "line {}: [{}] {:?} >> ours {ours}, ICU {expected}",
                case.line,
                tags.join(", "),
                case.desired
            )),
        }
    }
    assert_eq!(
        explained,
        SUITE_ON_PURPOSE.len(),
        "a SUITE_ON_PURPOSE line names no case"
    );
    assert!(
        failures.is_empty(),
        "{} passed, {refused_cases} refused, {} failed:\n{}",
        passed,
        failures.len(),
        failures.join("\n")
    );
}

/// ICU's own answers to the suite (`data/icu-suite-answers.tsv`, by `scripts/cldr/icu_answers.py`
/// with the newest ICU installable here, 72.1 with CLDR 42): the file expects answers that ICU
/// itself no longer gives. Each reason marked here as the file's is one where that ICU answers as we
/// do; the other cases of [`SUITE_ON_PURPOSE`] follow from rows CLDR changed after 42.
const FILE_NOT_ICU: [&str; 3] = [EN_CA, CATALAN, NYNORSK];

#[test]
fn icu_itself_answers_the_files_cases_as_we_do() {
    let answers = include_str!("../data/icu-suite-answers.tsv");
    let version = answers.lines().next().unwrap_or("");
    assert!(version.starts_with("# ICU 72.1 "), "{version}");
    let icu = |line: usize| {
        answers
            .lines()
            .filter_map(|row| row.split_once('\t'))
            .find(|(number, _)| number.parse() == Ok(line))
            .map(|(_, answer)| answer)
    };
    let (cases, _) = suite();
    for case in cases.iter().filter(|case| !case.supported.is_empty()) {
        assert!(
            icu(case.line).is_some(),
            "line {} has no answer of ICU's",
            case.line
        );
    }
    // That ICU departs from the file also where CLDR 48 agrees with the file (CLDR 42 kept
    // Traditional Chinese readers from Simplified Chinese).
    let zh_tw = cases
        .iter()
        .find(|case| case.desired == "zh-TW" && case.expected == "zh-Hans-CN");
    let zh_tw = zh_tw.expect("the file's zh-TW case");
    assert_eq!(icu(zh_tw.line), Some("fr"), "line {}", zh_tw.line);
    for (line, ours, why) in SUITE_ON_PURPOSE {
        if FILE_NOT_ICU.contains(why) {
            assert_eq!(icu(*line), Some(*ours), "line {line}: {why}");
        } else {
            assert_ne!(
                icu(*line),
                Some(*ours),
                "line {line}: ICU 72.1 answers as we do"
            );
        }
    }
}

/// The refusals above are the generator's: each refused tag fails to load as a table's locale,
/// each replacement loads, and so does every other supported tag of the suite.
#[test]
fn the_suites_refused_tags_are_refused_by_tables() {
    let loads = |tag: &str| {
        let table = format!(
            "[locales]\ndefault = \"{tag}\"\n\n[codes.404]\nname = \"Not Found\"\nmessage.\"{tag}\" = \"x\"\n"
        );
        status_codegen::load_str("t.toml", &table).is_ok()
    };
    for (tag, _) in REFUSED_TAGS {
        assert!(!loads(tag), "{tag} is accepted");
    }
    for (tag, replacement) in REPLACED_TAGS {
        assert!(!loads(tag), "{tag} is accepted");
        assert!(loads(replacement), "{replacement} is refused");
    }
    let (cases, _) = suite();
    let mut seen: Vec<&str> = vec![NOTHING_MATCHED];
    for case in &cases {
        assert!(!case.supported.contains(&NOTHING_MATCHED) && !case.desired.contains("qaa"));
        for tag in &case.supported {
            if !seen.contains(tag) && refused(tag).is_none() && as_table_writes(tag) == *tag {
                seen.push(tag);
                assert!(loads(tag), "line {}: {tag} is refused", case.line);
            }
        }
    }
}
