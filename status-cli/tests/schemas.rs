//! What `status-codes` prints for other tools, checked by a real JSON Schema validator: the
//! OpenAPI export against the official OpenAPI 3.1 schema (`tests/data/openapi-3.1/`), and
//! the table format's schema (`status-codes schema`) against the repository's tables and the
//! generator's verdicts.

// A panic in these helpers is a failing test, which is what is wanted.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// The repository's root: every file these tests read is in it.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Runs `status-codes` with no locale from the environment; returns stdout, after checking
/// that it succeeded.
fn run(args: &[&str]) -> String {
    let mut command = Command::new(env!("CARGO_BIN_EXE_status-codes"));
    command.args(args).current_dir(root());
    for name in ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(name);
    }
    let output = command.output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(output.status.success(), "{args:?}: {stderr}");
    String::from_utf8(output.stdout).unwrap()
}

/// A table as JSON, as an editor's TOML schema support sees it.
fn toml_as_json(text: &str) -> Result<Value, toml::de::Error> {
    toml::from_str(text)
}

// The OpenAPI export.

/// The OpenAPI Initiative's schema of OpenAPI 3.1 documents that also checks every Schema
/// Object against the OpenAPI dialect of JSON Schema (`schema-base.json`), with the schemas it
/// refers to by URI loaded from the repository: nothing is fetched.
fn openapi_validator() -> jsonschema::Validator {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/openapi-3.1");
    let read = |name: &str| -> Value {
        serde_json::from_str(&std::fs::read_to_string(dir.join(name)).unwrap()).unwrap()
    };
    let mut registry = jsonschema::Registry::new();
    for name in [
        "schema.json",
        "dialect-base.schema.json",
        "meta-base.schema.json",
    ] {
        let schema = read(name);
        let id = schema["$id"].as_str().unwrap().to_owned();
        registry = registry.add(id, schema).unwrap();
    }
    let registry = registry.prepare().unwrap();
    jsonschema::options()
        .with_registry(&registry)
        .build(&read("schema-base.json"))
        .unwrap()
}

fn openapi_errors(validator: &jsonschema::Validator, document: &Value) -> Vec<String> {
    validator
        .iter_errors(document)
        .take(5)
        .map(|error| format!("{}: {error}", error.instance_path()))
        .collect()
}

#[test]
fn the_openapi_export_is_a_valid_openapi_3_1_document() {
    let validator = openapi_validator();
    for args in [
        &["export", "--format", "openapi"][..],
        &["export", "--format", "openapi", "--lang", "zh-CN"],
        &[
            "export",
            "--format=openapi",
            "--lang=ja",
            "status-cli/tests/data/vendor.toml",
        ],
    ] {
        let document: Value = serde_json::from_str(&run(args)).unwrap();
        let errors = openapi_errors(&validator, &document);
        assert!(errors.is_empty(), "{args:?}: {errors:#?}");
    }
}

#[test]
fn the_openapi_validator_refuses_a_broken_document() {
    let validator = openapi_validator();
    let document: Value = serde_json::from_str(&run(&["export", "--format", "openapi"])).unwrap();
    assert!(validator.is_valid(&document));
    const NOT_FOUND: &str = "/components/responses/NotFound";
    type Mutation = fn(&mut Value);
    let broken: [(&str, Mutation); 5] = [
        ("a 3.0 version", |document| {
            document["openapi"] = "3.0.3".into();
        }),
        ("a response without a description", |document| {
            let response = document.pointer_mut(NOT_FOUND).unwrap();
            response.as_object_mut().unwrap().remove("description");
        }),
        ("a misspelt member", |document| {
            let response = document.pointer_mut(NOT_FOUND).unwrap();
            let content = response.as_object_mut().unwrap().remove("content").unwrap();
            response["contents"] = content;
        }),
        ("a component name with a space", |document| {
            let responses = document.pointer_mut("/components/responses").unwrap();
            let response = responses
                .as_object_mut()
                .unwrap()
                .remove("NotFound")
                .unwrap();
            responses["Not Found"] = response;
        }),
        ("a schema of an unknown type", |document| {
            document["components"]["schemas"]["Problem"]["type"] = "objekt".into();
        }),
    ];
    for (case, mutate) in broken {
        let mut copy = document.clone();
        mutate(&mut copy);
        assert!(!validator.is_valid(&copy), "{case}: accepted");
    }
}

#[test]
fn openapi_responses_hold_what_the_generated_problem_says() {
    use status_core::standard::{Locale, StatusCode};

    for (tag, locale) in [("en", Locale::En), ("zh-CN", Locale::ZhCn)] {
        let document: Value =
            serde_json::from_str(&run(&["export", "--format", "openapi", "--lang", tag])).unwrap();
        let problem_schema = {
            let mut schema = document["components"]["schemas"]["Problem"].clone();
            schema["$schema"] = "https://json-schema.org/draft/2020-12/schema".into();
            jsonschema::validator_for(&schema).unwrap()
        };
        let responses = document["components"]["responses"].as_object().unwrap();
        assert_eq!(responses.len(), StatusCode::ALL.len());
        for &code in StatusCode::ALL {
            let response = &responses[&format!("{code:?}")];
            let problem = serde_json::to_value(code.problem(locale)).unwrap();
            let body = &response["content"]["application/problem+json"];
            assert_eq!(body["example"], problem, "{code:?} in {tag}");
            assert_eq!(
                response["description"],
                code.message(locale),
                "{code:?} in {tag}"
            );
            assert_eq!(body["schema"]["$ref"], "#/components/schemas/Problem");
            assert!(problem_schema.is_valid(&problem), "{code:?}: {problem}");
            // Key for key in the order the runtime writes them.
            assert_eq!(
                serde_json::to_string(&body["example"]).unwrap(),
                serde_json::to_string(&code.problem(locale)).unwrap()
            );
        }
    }
}

#[test]
fn openapi_examples_of_problem_types_are_what_their_problem_serializes_to() {
    mod table {
        status_core::status_codes!("../tests/problems.toml");
    }
    use table::{Locale, MaintenanceWindow, OutOfCredit, ProjectNotFound};

    let validator = openapi_validator();
    for (tag, locale) in [("en", Locale::En), ("zh-HK", Locale::ZhHk)] {
        let args = [
            "export",
            "--format=openapi",
            "--lang",
            tag,
            "tests/problems.toml",
        ];
        let document: Value = serde_json::from_str(&run(&args)).unwrap();
        let errors = openapi_errors(&validator, &document);
        assert!(errors.is_empty(), "{args:?}: {errors:#?}");
        let examples = |response: &str| {
            document["components"]["responses"][response]["content"]["application/problem+json"]
                ["examples"]
                .clone()
        };
        let forbidden = examples("Forbidden");
        let credit = OutOfCredit {
            balance: "{balance}",
            cost: "{cost}",
        };
        // Key for key, in the order the runtime writes them.
        assert_eq!(
            serde_json::to_string(&forbidden["out-of-credit"]["value"]).unwrap(),
            serde_json::to_string(&credit.problem(locale)).unwrap(),
            "{tag}"
        );
        assert_eq!(forbidden["about:blank"]["value"]["type"], "about:blank");
        let not_found = examples("NotFound");
        let missing = ProjectNotFound {
            project_id: "{project_id}",
        };
        assert_eq!(
            not_found["project-not-found"]["value"],
            serde_json::to_value(missing.problem(locale)).unwrap()
        );
        assert_eq!(
            not_found["maintenance-window"]["value"],
            serde_json::to_value(MaintenanceWindow.problem(locale)).unwrap()
        );
        assert_eq!(not_found.as_object().unwrap().len(), 3);
    }
}

// The table format's schema.

fn table_schema() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&run(&["schema"])).unwrap();
    jsonschema::meta::validate(&schema).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

/// Where the schema rejects a table: its first few errors, with their paths.
fn schema_errors(schema: &jsonschema::Validator, table: &Value) -> Vec<String> {
    schema
        .iter_errors(table)
        .take(5)
        .map(|error| format!("{}: {error}", error.instance_path()))
        .collect()
}

/// The tables of the repository that are meant to be good, by path from the root: every
/// `.toml` under these places but the build manifests, the compile-fail cases and the CLI's
/// tables of mistakes.
fn good_tables() -> Vec<PathBuf> {
    fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_str().unwrap();
            if path.is_dir() {
                if name != "ui" && name != "target" && !name.starts_with('.') {
                    walk(&path, found);
                }
            } else if name.ends_with(".toml")
                && !["Cargo.toml", "broken.toml", "mistakes.toml"].contains(&name)
            {
                found.push(path);
            }
        }
    }
    let root = root();
    let mut found = vec![root.join("codes.toml")];
    for dir in [
        "overlays",
        "tests",
        "status-core",
        "status-codegen/tests",
        "status-cli/tests/data",
        "benches/tests",
    ] {
        walk(&root.join(dir), &mut found);
    }
    found.sort();
    found
}

#[test]
fn the_committed_schema_is_what_the_command_prints() {
    let printed = run(&["schema"]);
    let committed = std::fs::read_to_string(root().join("status-codes.schema.json")).unwrap();
    assert!(
        printed == committed,
        "status-codes.schema.json is out of date; run \
         `cargo run -q -p status-cli -- schema > status-codes.schema.json`"
    );
}

#[test]
fn every_table_of_the_repository_validates() {
    let schema = table_schema();
    let tables = good_tables();
    // The shipped table, the integration tests' tables, the overlays, at the least.
    assert!(tables.len() >= 15, "{tables:?}");
    for path in tables {
        let text = std::fs::read_to_string(&path).unwrap();
        let table = toml_as_json(&text).unwrap();
        let errors = schema_errors(&schema, &table);
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
    }
}

/// The ```toml blocks of a Markdown file.
fn toml_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match (&mut current, line.trim_start()) {
            (None, "```toml") => current = Some(String::new()),
            (Some(block), "```") => {
                blocks.push(std::mem::take(block));
                current = None;
            }
            (Some(block), _) => {
                block.push_str(line);
                block.push('\n');
            }
            (None, _) => {}
        }
    }
    blocks
}

#[test]
fn the_documentations_examples_validate() {
    let schema = table_schema();
    for file in ["README.md", "status-core/src/format.md"] {
        let markdown = std::fs::read_to_string(root().join(file)).unwrap();
        // Cargo manifests are TOML too.
        let blocks: Vec<String> = toml_blocks(&markdown)
            .into_iter()
            .filter(|block| !block.starts_with("# Cargo.toml"))
            .collect();
        assert!(blocks.len() >= 4, "{file}: {} blocks", blocks.len());
        for block in blocks {
            // A part of a table is checked as written into one that extends the standard, as
            // the documents say.
            let whole = block
                .lines()
                .any(|line| line.starts_with("extends") || line.starts_with("[locales"));
            let text = if whole {
                block.clone()
            } else {
                format!("extends = \"standard\"\n{block}")
            };
            let table = toml_as_json(&text).unwrap();
            let errors = schema_errors(&schema, &table);
            assert!(errors.is_empty(), "{file}:\n{block}\n{errors:#?}");
        }
    }
}

/// A small good table that the cases below change in one place each.
const GOOD: &str = r#"
[locales]
default = "en"
fallback = { "zh-HK" = "zh-TW", "zh-MO" = ["zh-HK", "zh-TW"] }

[codes.404]
name = "Not Found"
variant = "NotFound"
aliases = ["Missing"]
message.en = "Nothing here."
message.zh-TW = "找不到。"
scenario.zh-HK = "查無此項。"
note.zh-MO = "備註。"
source.en = "RFC 9110"
retry_unchanged = false
"#;

/// Problem types for [`GOOD`]: a base, one with fields and one without.
const PROBLEMS: &str = r#"
[problems]
base = "https://example.com/probs/"

[problems.no-such-order]
status = 404
title.en = "No such order."
title.zh-TW = "沒有這筆訂單。"
detail.en = "No order has the number {order}; {{braces}} are literal."
detail.zh-TW = "沒有編號為 {order} 的訂單。"

[problems.gone]
status = 404
type = "https://example.com/probs/gone"
title.en = "Gone."
detail.en = "It is gone."
"#;

/// Whether the generator accepts a table, read as the file `name` in a scratch directory (so
/// that `extends = "standard"` and relative paths read as they do in a build).
fn generator_accepts(name: &str, text: &str) -> Result<(), String> {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("schema-cases");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    status_codegen::load_file(path.to_str().unwrap())
        .map(drop)
        .map_err(|errors| errors.to_string())
}

#[test]
fn tables_the_generator_accepts_validate() {
    let schema = table_schema();
    let cases = [
        ("good", GOOD.to_owned()),
        ("leading zero", GOOD.replace("[codes.404]", "[codes.0404]")),
        ("a teapot", GOOD.replace("Not Found", "I'm a teapot")),
        ("no variant", GOOD.replace("variant = \"NotFound\"\n", "")),
        ("a variant with digits", GOOD.replace("\"NotFound\"", "\"Http404\"")),
        ("retry unknown", GOOD.replace("retry_unchanged = false\n", "")),
        ("Hant", GOOD.replace("zh-TW", "zh-Hant-TW")),
        ("a region by number", GOOD.replace("zh-TW", "es-419")),
        ("a variant subtag", GOOD.replace("zh-TW", "de-CH-1996")),
        ("private use", GOOD.replace("zh-TW", "x-pirate")),
        ("private use after a tag", GOOD.replace("zh-TW", "en-x-legal")),
        ("an alias with digits", GOOD.replace("\"Missing\"", "\"Missing 2\"")),
        ("no aliases", GOOD.replace("[\"Missing\"]", "[]")),
        (
            "non_exhaustive",
            format!("non_exhaustive = true\n{GOOD}"),
        ),
        (
            "fallback as a table",
            GOOD.replace(
                "fallback = { \"zh-HK\" = \"zh-TW\", \"zh-MO\" = [\"zh-HK\", \"zh-TW\"] }",
                "[locales.fallback]\nzh-HK = \"zh-TW\"\n",
            ),
        ),
        (
            "a layer",
            "extends = \"standard\"\n[codes.102]\nremove = true\n[codes.404]\nmessage.ja = \"ない。\"\n"
                .to_owned(),
        ),
        (
            "a layer that removes nothing",
            "extends = \"standard\"\n[codes.404]\nremove = false\n".to_owned(),
        ),
        (
            "a layer with a new default",
            "extends = \"standard\"\n[locales]\ndefault = \"zh-CN\"\n".to_owned(),
        ),
        ("problem types", format!("{GOOD}{PROBLEMS}")),
        (
            "a problem type with a relative type",
            format!("{GOOD}{PROBLEMS}").replace("type = \"https://example.com/probs/gone\"", "type = \"gone\""),
        ),
        (
            "problem types over the standard table",
            format!("extends = \"standard\"\n{PROBLEMS}").replace("zh-TW", "zh-CN"),
        ),
    ];
    for (case, text) in cases {
        assert_eq!(
            generator_accepts("good.toml", &text),
            Ok(()),
            "{case}: the generator refuses it"
        );
        let table = toml_as_json(&text).unwrap();
        let errors = schema_errors(&schema, &table);
        assert!(errors.is_empty(), "{case}: {errors:#?}");
    }
}

#[test]
fn mistakes_of_shape_are_refused_as_the_generator_refuses_them() {
    let schema = table_schema();
    let cases = [
        ("an unknown key", GOOD.replace("message.en", "mesage.en")),
        ("an unknown top-level key", format!("version = 2\n{GOOD}")),
        (
            "an unknown key in [locales]",
            GOOD.replace("default =", "defualt ="),
        ),
        (
            "a name that is a number",
            GOOD.replace("\"Not Found\"", "404"),
        ),
        (
            "aliases as a string",
            GOOD.replace("[\"Missing\"]", "\"Missing\""),
        ),
        (
            "retry as text",
            GOOD.replace("retry_unchanged = false", "retry_unchanged = \"no\""),
        ),
        (
            "a message as a string",
            GOOD.replace("message.en =", "message =")
                .replace("message.zh-TW = \"找不到。\"\n", ""),
        ),
        (
            "a code that is not a number",
            GOOD.replace("[codes.404]", "[codes.4xx]"),
        ),
        (
            "a code out of range",
            GOOD.replace("[codes.404]", "[codes.1404]"),
        ),
        (
            "a two-digit code",
            GOOD.replace("[codes.404]", "[codes.99]"),
        ),
        ("an empty name", GOOD.replace("\"Not Found\"", "\"\"")),
        (
            "a name with spaces at its end",
            GOOD.replace("\"Not Found\"", "\"Not Found \""),
        ),
        (
            "a name not in ASCII",
            GOOD.replace("\"Not Found\"", "\"Nicht gefunden ü\""),
        ),
        (
            "a name that reads as a status line",
            GOOD.replace("\"Not Found\"", "\"404 Not Found\""),
        ),
        (
            "a lower-case variant",
            GOOD.replace("\"NotFound\"", "\"notFound\""),
        ),
        (
            "a keyword variant",
            GOOD.replace("\"NotFound\"", "\"Self\""),
        ),
        (
            "a reserved variant",
            GOOD.replace("\"NotFound\"", "\"ALL\""),
        ),
        (
            "an alias that is a number",
            GOOD.replace("\"Missing\"", "\"500\""),
        ),
        ("an empty alias", GOOD.replace("\"Missing\"", "\" \"")),
        (
            "an alias with a control character",
            GOOD.replace("\"Missing\"", "\"Miss\\ting\""),
        ),
        (
            "a tag with _",
            GOOD.replace("message.zh-TW", "message.zh_TW"),
        ),
        (
            "a tag in the wrong case",
            GOOD.replace("message.zh-TW", "message.zh-tw"),
        ),
        (
            "a tag that is a word",
            GOOD.replace("message.zh-TW", "message.english-language-x"),
        ),
        (
            "a bad default",
            GOOD.replace("default = \"en\"", "default = \"EN\""),
        ),
        ("an empty text", GOOD.replace("\"Nothing here.\"", "\"  \"")),
        (
            "an empty fallback",
            GOOD.replace("[\"zh-HK\", \"zh-TW\"]", "[]"),
        ),
        (
            "a fallback that is a number",
            GOOD.replace("\"zh-HK\" = \"zh-TW\"", "\"zh-HK\" = 1"),
        ),
        (
            "no [locales]",
            format!("[codes.404]{}", GOOD.split_once("[codes.404]").unwrap().1),
        ),
        ("no default", GOOD.replace("default = \"en\"\n", "")),
        ("no codes", "[locales]\ndefault = \"en\"\n".to_owned()),
        (
            "an empty extends",
            "extends = \"\"\n[codes.404]\nmessage.ja = \"ない。\"\n".to_owned(),
        ),
        (
            "a problem type with an unknown key",
            format!("{GOOD}{PROBLEMS}").replace("title.en = \"Gone.\"", "titel.en = \"Gone.\""),
        ),
        (
            "a problem type with a status as text",
            format!("{GOOD}{PROBLEMS}").replace("status = 404", "status = \"404\""),
        ),
        (
            "a problem type of about:blank",
            format!("{GOOD}{PROBLEMS}").replace("https://example.com/probs/gone", "about:blank"),
        ),
        (
            "a problem type whose key is not words",
            format!("{GOOD}{PROBLEMS}").replace("[problems.gone]", "[problems.\"gone away\"]"),
        ),
        (
            "a relative base",
            format!("{GOOD}{PROBLEMS}").replace("\"https://example.com/probs/\"", "\"probs/\""),
        ),
        (
            "a removed problem type with keys",
            "extends = \"standard\"\n[problems.x]\nremove = true\nstatus = 404\n".to_owned(),
        ),
        (
            "a removed code with keys",
            "extends = \"standard\"\n[codes.102]\nremove = true\nname = \"Processing\"\n"
                .to_owned(),
        ),
    ];
    for (case, text) in cases {
        assert!(
            generator_accepts("mistake.toml", &text).is_err(),
            "{case}: the generator accepts it, so the schema must too:\n{text}"
        );
        let table = toml_as_json(&text).unwrap();
        assert!(
            !schema.is_valid(&table),
            "{case}: the schema accepts it:\n{text}"
        );
    }
}

#[test]
fn the_compile_fail_cases_of_shape_are_refused() {
    let schema = table_schema();
    for case in [
        "unknown_key",
        "wrong_types",
        "code_not_a_number",
        "code_out_of_range",
        "empty_name",
        "keyword_variant",
        "bad_locale_tag",
        "alias_reads_as_code",
        "missing_locales",
        "problem_about_blank",
    ] {
        let path = root().join(format!("tests/ui/{case}.toml"));
        let text = std::fs::read_to_string(&path).unwrap();
        let table = toml_as_json(&text).unwrap();
        assert!(!schema.is_valid(&table), "{}", path.display());
    }
}
