//! No input breaks the generator: whatever the bytes, it returns either diagnostics or tokens
//! that `syn` parses as a valid Rust file.
//!
//! Four generators, with `STATUS_CODES_FULL_TESTS=1` (as CI runs them; a plain `cargo test`
//! runs a tenth of each count, and `PROPTEST_CASES` sets every count):
//! arbitrary text (4,000 cases), TOML-shaped text built from the schema's keys and random values
//! (4,000 cases), structurally valid tables whose strings and names are hostile (3,000 cases),
//! tables of problem types with hostile keys, URIs and templates (2,000 cases),
//! each also checked for rendered diagnostics that cannot smuggle control or bidirectional
//! characters into a terminal; and, on Unix, sets of files on disk whose `extends` chains
//! loop, miss, climb out with `..`, take absolute paths and meet directories, links and
//! devices (500 cases), decoded as the `generate` fuzz target decodes its input.
//!
//! A failing case is reported shrunk and with its seed, which is also kept in
//! `target/tmp/no_panic-failures.txt` and tried first by every later run.

#[cfg(unix)]
mod file_set;

mod strategies;

use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};
use strategies::{code_key, scaled, table};

/// Runs the generator and checks the one property every input must have.
fn check(text: &str) -> Result<(), TestCaseError> {
    match status_codegen::generate_from_str("fuzz.toml", text) {
        Ok(tokens) => {
            let source = tokens.to_string();
            if let Err(error) = syn::parse2::<syn::File>(tokens) {
                return Err(TestCaseError::fail(format!(
                    "generated tokens do not parse: {error}\n{source}"
                )));
            }
        }
        Err(errors) => {
            prop_assert!(!errors.messages.is_empty(), "an error without a message");
            for message in &errors.messages {
                prop_assert!(!message.trim().is_empty(), "an empty message");
                let smuggled = message.chars().find(|&c| {
                    (c.is_control() && c != '\n')
                        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
                });
                prop_assert!(
                    smuggled.is_none(),
                    "raw {smuggled:?} in a diagnostic:\n{message}"
                );
            }
        }
    }
    Ok(())
}

/// Where a failing case's seed is kept (see [`cases`]).
const FAILURES: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/no_panic-failures.txt");

/// `full` cases in the long run (see [`strategies::full_run`]), unless `PROPTEST_CASES` says.
/// A failure reports its shrunk input and its seed, and the seed is appended to [`FAILURES`],
/// so that a rare failure can be replayed: every later run of these tests tries the kept
/// seeds first.
fn cases(full: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or_else(|| scaled(full));
    Config {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(FAILURES))),
        ..Config::default()
    }
}

/// Text shaped like the schema (headers, known and unknown keys) with random values, so that
/// inputs get past the TOML parser and into validation.
fn toml_shaped() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        Just("name"),
        Just("variant"),
        Just("aliases"),
        Just("message.en"),
        Just("message.zh-CN"),
        Just("message.ja"),
        Just("scenario.en"),
        Just("note.en"),
        Just("retry_unchanged"),
        Just("default"),
        Just("mesage"),
        Just("codes"),
    ];
    let value = prop_oneof![
        1 => Just("\"Not Found\"".to_string()),
        1 => Just("\"\"".to_string()),
        1 => Just("42".to_string()),
        1 => Just("-1".to_string()),
        1 => Just("true".to_string()),
        1 => Just("1979-05-27".to_string()),
        1 => Just("[\"a\", 1]".to_string()),
        1 => Just("[]".to_string()),
        1 => Just("{ en = \"x\" }".to_string()),
        1 => Just("{}".to_string()),
        8 => "\"[ !#-\\[\\]-~]{1,16}\"",
        1 => "[ -~]{0,8}",
    ];
    let header = prop_oneof![
        6 => code_key().prop_map(|code| format!("[codes.{code}]")),
        1 => code_key().prop_map(|code| format!("[codes.\"{code}\"]")),
        1 => Just("[codes]".to_string()),
        1 => Just("[[codes.404]]".to_string()),
        1 => "\\[[a-z.]{1,10}\\]",
    ];
    // Keys are unique within a section, so most inputs get past the TOML parser.
    let section = (
        header,
        proptest::collection::btree_map(key, value, 0..6),
        proptest::option::weighted(0.1, "[ -~]{0,20}"),
    )
        .prop_map(|(header, fields, junk)| {
            let mut lines = vec![header];
            lines.extend(fields.iter().map(|(key, value)| format!("{key} = {value}")));
            lines.extend(junk);
            lines.join("\n")
        });
    let locales = prop_oneof![
        Just("[locales]\ndefault = \"en\"".to_string()),
        Just("[locales]\ndefault = \"zh-CN\"".to_string()),
        Just("[locales]".to_string()),
        Just(String::new()),
    ];
    (locales, proptest::collection::vec(section, 0..5))
        .prop_map(|(locales, sections)| format!("{locales}\n{}", sections.join("\n")))
}

proptest! {
    #![proptest_config(cases(4_000))]
    #[test]
    fn arbitrary_text(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        check(&String::from_utf8_lossy(&bytes))?;
    }
}

proptest! {
    #![proptest_config(cases(4_000))]
    #[test]
    fn toml_shaped_text(text in toml_shaped()) {
        check(&text)?;
    }
}

proptest! {
    #![proptest_config(cases(3_000))]
    #[test]
    fn valid_shape_hostile_contents(text in table()) {
        check(&text)?;
    }
}

/// A good table with problem types whose keys, statuses, types and templates are hostile:
/// stray and doubled braces, placeholders valid and not, texts from [`hostile_string`].
fn problem_types() -> impl Strategy<Value = String> {
    use strategies::hostile_string;
    let quoted = |text: String| toml::Value::String(text).to_string();
    let piece = prop_oneof![
        4 => "[a-z ]{0,6}",
        3 => "\\{[a-z_][a-z0-9_]{0,3}\\}",
        1 => Just("{{".to_string()),
        1 => Just("}}".to_string()),
        1 => Just("{".to_string()),
        1 => Just("}".to_string()),
        1 => "\\{[ -~]{0,4}\\}",
        1 => hostile_string(),
    ];
    let clean = prop_oneof![
        3 => "[a-z ]{0,6}",
        2 => "\\{[a-z][a-z0-9_]{0,3}\\}",
        1 => Just("{{}}".to_string()),
    ];
    let template = prop_oneof![
        3 => proptest::collection::vec(clean, 0..5).prop_map(|pieces| pieces.concat()),
        1 => proptest::collection::vec(piece, 0..6).prop_map(|pieces| pieces.concat()),
    ];
    // Mostly the same template, so that most tables get past the placeholder checks.
    let translated = proptest::option::weighted(0.3, template.clone());
    let key = prop_oneof![
        20 => "[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,6}){0,2}",
        1 => Just("status-code".to_string()),
        1 => Just("t0".to_string()),
        1 => "[ -~]{0,8}",
    ];
    let status = prop_oneof![
        12 => Just("404"),
        1 => Just("499"),
        1 => Just("0x194"),
        1 => Just("\"404\""),
    ];
    let r#type = prop_oneof![
        4 => Just(None),
        8 => Just(Some("https://example.com/p".to_string())),
        1 => Just(Some("about:blank".to_string())),
        1 => hostile_string().prop_map(Some),
    ];
    let problem = (key, status, r#type, hostile_string(), template, translated).prop_map(
        move |(key, status, r#type, title, detail, translated)| {
            let translated = translated.unwrap_or_else(|| detail.clone());
            let mut text = format!("\n[problems.{}]\nstatus = {status}\n", quoted(key));
            if let Some(r#type) = r#type {
                text.push_str(&format!("type = {}\n", quoted(r#type)));
            }
            text.push_str(&format!(
                "title.en = {}\ntitle.zh-CN = \"T\"\ndetail.en = {}\ndetail.zh-CN = {}\n",
                quoted(title),
                quoted(detail),
                quoted(translated)
            ));
            text
        },
    );
    let base = prop_oneof![
        2 => Just(String::new()),
        6 => Just("[problems]\nbase = \"https://example.com/probs/\"\n".to_string()),
        1 => hostile_string().prop_map(move |base| format!("[problems]\nbase = {}\n", quoted(base))),
    ];
    (base, proptest::collection::vec(problem, 1..3)).prop_map(|(base, problems)| {
        format!(
            "[locales]\ndefault = \"en\"\n[codes.404]\nname = \"Not Found\"\n\
             message.en = \"Nothing.\"\nmessage.zh-CN = \"没有。\"\n{base}{}",
            problems.concat()
        )
    })
}

proptest! {
    #![proptest_config(cases(2_000))]
    #[test]
    fn hostile_problem_types(text in problem_types()) {
        check(&text)?;
    }
}

/// Tables `problem_types` made that once broke the property, less what played no part.
#[test]
fn hostile_problem_types_that_failed() {
    let head = "[locales]\ndefault = \"en\"\n[codes.404]\nname = \"Not Found\"\n\
                message.en = \"Nothing.\"\nmessage.zh-CN = \"没有。\"\n";
    // A placeholder name of terminal controls in the default detail, missing from the
    // translation, came back raw in the message that the translation lacks it.
    let controls = "[problems.\"od42-k-oo\"]\nstatus = 404\ntype = \"https://example.com/p\"\n\
                    title.en = \"*/ panic!() /*\"\ntitle.zh-CN = \"T\"\n\
                    detail.en = \"{\\u0000\\u0007\\u001B[31mred}{{{\"\ndetail.zh-CN = \"y s z\"\n";
    // The same with bidirectional overrides, in a literal string.
    let bidi = "[problems]\nbase = \"https://example.com/probs/\"\n\
                [problems.\"f088-ub\"]\nstatus = 499\ntype = \"https://example.com/p\"\n\
                title.en = \"z6/=\"\ntitle.zh-CN = \"T\"\n\
                detail.en = '\"# {\u{202e}txet desrever\u{202c}}'\ndetail.zh-CN = \"{b} {{}}\"\n";
    // As proptest shrank it (`PROPTEST_RNG_SEED=59`, full count, before the fix): a line
    // break and a carriage return.
    let shrunk = "\n[problems.\"a\"]\nstatus = 404\ntitle.en = \"a\"\ntitle.zh-CN = \"T\"\n\
                  detail.en = \"\"\"\n{line\nbreak\\r\n}}\"\"\"\ndetail.zh-CN = \"\"\n";
    for problems in [controls, bidi, shrunk] {
        if let Err(error) = check(&format!("{head}{problems}")) {
            panic!("{error}");
        }
    }
}

/// How 500 inputs from `strategy` fare: (expanded, rejected by the TOML parser, rejected by
/// validation).
fn outcomes(strategy: impl Strategy<Value = String>) -> (usize, usize, usize) {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;

    let mut runner = TestRunner::deterministic();
    let (mut expanded, mut syntax, mut semantic) = (0, 0, 0);
    for _ in 0..500 {
        let Ok(tree) = strategy.new_tree(&mut runner) else {
            continue;
        };
        match status_codegen::generate_from_str("fuzz.toml", &tree.current()) {
            Ok(_) => expanded += 1,
            Err(errors) if errors.messages[0].starts_with("invalid TOML") => syntax += 1,
            Err(_) => semantic += 1,
        }
    }
    (expanded, syntax, semantic)
}

/// The strategies reach every phase: a property over inputs that all fail at the parser would
/// prove little about validation and expansion.
#[test]
fn strategies_reach_every_phase() {
    let (expanded, _, semantic) = outcomes(table());
    assert!(expanded >= 75, "only {expanded} of 500 tables expanded");
    assert!(
        semantic >= 75,
        "only {semantic} of 500 tables failed validation"
    );

    let (expanded, _, semantic) = outcomes(problem_types());
    assert!(
        expanded >= 50,
        "only {expanded} of 500 problem tables expanded"
    );
    assert!(
        semantic >= 50,
        "only {semantic} of 500 problem tables failed validation"
    );

    let (_, syntax, semantic) = outcomes(toml_shaped());
    assert!(
        syntax >= 50,
        "only {syntax} of 500 TOML-shaped texts were not TOML"
    );
    assert!(
        semantic >= 150,
        "only {semantic} of 500 TOML-shaped texts reached validation"
    );
}

/// Bytes in `file_set`'s encoding: most selectors pick something, most of the text is snippets
/// of a table, with some raw bytes between them (never `0xFF`, which separates files).
#[cfg(unix)]
fn file_set_input() -> impl Strategy<Value = Vec<u8>> {
    use file_set::{EXTENDS, NAMES, SNIPPETS};
    let count = |items: &[&str]| u8::try_from(items.len()).unwrap_or(u8::MAX);
    let (names, targets, snippets) = (count(NAMES), count(EXTENDS), count(SNIPPETS));
    let body = proptest::collection::vec(prop_oneof![24 => 1..=snippets, 1 => 0u8..0xFF], 0..6);
    // Mostly the shipped table or a name a base is often given, so that chains form.
    let extends = prop_oneof![2 => Just(0u8), 3 => Just(1u8), 3 => Just(2u8), 2 => Just(3u8), 6 => 1..=targets];
    // A table, a directory, a link to a name, a link elsewhere (see `file_set::decode`).
    let kind = prop_oneof![
        6 => Just(0u8),
        1 => Just(5u8),
        1 => (0..names).prop_map(|name| name * 8 + 6),
        1 => (0u8..3).prop_map(|target| target * 8 + 7),
    ];
    let root =
        (extends.clone(), body.clone()).prop_map(|(extends, body)| [vec![extends], body].concat());
    let name = prop_oneof![3 => Just(0u8), 2 => Just(1u8), 4 => 0..names];
    let base = (name, kind, extends, body)
        .prop_map(|(name, kind, extends, body)| [vec![name, kind, extends], body].concat());
    (root, proptest::collection::vec(base, 0..4)).prop_map(|(root, bases)| {
        let mut input = root;
        for base in bases {
            input.push(0xFF);
            input.extend(base);
        }
        input
    })
}

/// A directory of its own for each test that writes file sets.
#[cfg(unix)]
fn case_dir(test: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("no_panic")
        .join(test)
}

#[cfg(unix)]
proptest! {
    #![proptest_config(cases(500))]
    #[test]
    fn chains_of_files_on_disk(input in file_set_input()) {
        let case = case_dir("chains_of_files_on_disk");
        if let Err(problem) = file_set::run(&input, &case) {
            return Err(TestCaseError::fail(problem));
        }
    }
}

/// The file-set inputs reach every outcome of a chain: tables that expand, cycles, bases that
/// cannot be read, and mistakes reported inside a base.
#[cfg(unix)]
#[test]
fn file_sets_reach_every_outcome() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;

    let case = case_dir("file_sets_reach_every_outcome");
    let mut runner = TestRunner::deterministic();
    let (mut expanded, mut cycles, mut unread, mut in_a_base) = (0, 0, 0, 0);
    for _ in 0..300 {
        let input = file_set_input().new_tree(&mut runner).unwrap().current();
        let set = file_set::decode(&input);
        let krate = file_set::write(&set, &case).unwrap();
        match status_codegen::load_path(&krate, file_set::ROOT) {
            Ok(_) => expanded += 1,
            Err(errors) => {
                let all = errors.to_string();
                cycles += usize::from(all.contains("`extends` makes a cycle"));
                unread += usize::from(all.contains("cannot read `"));
                in_a_base += usize::from(
                    all.lines()
                        .any(|line| line.contains("--> ") && !line.contains("--> codes.toml:")),
                );
            }
        }
    }
    let _ = std::fs::remove_dir_all(&case);
    for (outcome, count) in [
        ("expanded", expanded),
        ("made a cycle", cycles),
        ("could not read a base", unread),
        ("had a mistake in a base", in_a_base),
    ] {
        assert!(count >= 15, "only {count} of 300 file sets {outcome}");
    }
}
