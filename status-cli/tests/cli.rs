//! The `status-codes` binary, run as a user runs it: arguments in; stdout, stderr and the exit
//! status out. The environment's locale variables are cleared unless a test sets them. Tables
//! of one's own are the files in `tests/data/`, run from that directory.

// A panic in these helpers is a failing test, which is what is wanted.
#![allow(clippy::unwrap_used)]

use std::fs::{File, OpenOptions};
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use status_core::standard::{Locale, StatusCode};

struct Outcome {
    status: i32,
    stdout: String,
    stderr: String,
}

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data")
}

fn command(args: &[&str], env: &[(&str, &str)]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_status-codes"));
    command.args(args).current_dir(data_dir());
    for name in ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(name);
    }
    command.envs(env.iter().copied());
    command
}

fn outcome(output: std::process::Output) -> Outcome {
    Outcome {
        status: output.status.code().unwrap(),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

fn run_with_env(args: &[&str], env: &[(&str, &str)]) -> Outcome {
    outcome(command(args, env).output().unwrap())
}

fn run(args: &[&str]) -> Outcome {
    run_with_env(args, &[])
}

/// A fresh directory for files a test makes.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The codes at the start of each line of a list.
fn listed_codes(stdout: &str) -> Vec<u16> {
    stdout
        .lines()
        .map(|line| line.split_whitespace().next().unwrap().parse().unwrap())
        .collect()
}

fn codes_of(codes: impl IntoIterator<Item = StatusCode>) -> Vec<u16> {
    codes.into_iter().map(StatusCode::code).collect()
}

const NOT_FOUND_EN: &str = "The server could not find the requested page.";

// The shipped table, which the tool reads through the generator as the macro does: its
// answers must be those of `status_core::standard`.

/// What the one-code view shows, written from the generated `status_core::standard` API.
fn expected_detail(code: StatusCode) -> String {
    let class = match code.code() / 100 {
        1 => "informational (1xx)",
        2 => "success (2xx)",
        3 => "redirection (3xx)",
        4 => "client error (4xx)",
        5 => "server error (5xx)",
        _ => "other (6xx–9xx)",
    };
    let mut text = format!(
        "{code}\n  class      {class}\n  message    {}\n",
        code.message(Locale::En)
    );
    if let Some(scenario) = code.scenario(Locale::En) {
        text += &format!("  scenario   {scenario}\n");
    }
    if let Some(note) = code.note(Locale::En) {
        text += &format!("  note       {note}\n");
    }
    if !code.aliases().is_empty() {
        text += &format!("  aliases    {}\n", code.aliases().join(", "));
    }
    match code.retry_unchanged() {
        Some(true) => text += "  retry      yes: the same request may succeed later\n",
        Some(false) => text += "  retry      no: change the request before sending it again\n",
        None => {}
    }
    text
}

#[test]
fn looks_every_code_up_by_number_as_the_generated_code_has_it() {
    for &code in StatusCode::ALL {
        let out = run(&[&code.code().to_string()]);
        assert_eq!(out.status, 0, "{code}: {}", out.stderr);
        assert!(out.stderr.is_empty());
        assert_eq!(out.stdout, expected_detail(code));
    }
}

#[test]
fn looks_a_code_up_by_name_alias_variant_or_status_line() {
    let by_number = run(&["413"]).stdout;
    for args in [
        &["payload", "too", "large"][..],
        &["PAYLOAD TOO LARGE"],
        &["Request Entity Too Large"],
        &["content too large"],
        &["PayloadTooLarge"],
        &["413 Payload Too Large"],
    ] {
        let out = run(args);
        assert_eq!(out.status, 0, "{args:?}: {}", out.stderr);
        assert_eq!(out.stdout, by_number, "{args:?}");
    }
    assert_eq!(by_number, expected_detail(StatusCode::PayloadTooLarge));
    let wrong = run(&["404 Payload Too Large"]);
    assert_eq!(wrong.status, 1);
    assert!(
        wrong.stderr.starts_with(
            "error: status line \"404 Payload Too Large\" has the wrong name: 404 is \"Not Found\"\n"
        ),
        "{}",
        wrong.stderr
    );
}

#[test]
fn lists_a_class_and_every_code_as_the_generated_table_has_them() {
    let out = run(&["4xx"]);
    assert_eq!(out.status, 0);
    assert_eq!(
        listed_codes(&out.stdout),
        codes_of(
            StatusCode::ALL
                .iter()
                .copied()
                .filter(|code| code.is_client_error())
        )
    );
    let width = StatusCode::ALL
        .iter()
        .filter(|code| code.is_client_error())
        .map(|code| code.reason().len())
        .max()
        .unwrap();
    let line = out
        .stdout
        .lines()
        .find(|line| line.starts_with("404"))
        .unwrap();
    assert_eq!(line, format!("404  {:width$}  {NOT_FOUND_EN}", "Not Found"));
    assert_eq!(
        listed_codes(&run(&["1XX"]).stdout),
        codes_of(
            StatusCode::ALL
                .iter()
                .copied()
                .filter(|code| code.is_informational())
        )
    );
    let all = run(&[]);
    assert_eq!(all.status, 0);
    assert_eq!(
        listed_codes(&all.stdout),
        codes_of(StatusCode::ALL.iter().copied())
    );
}

#[test]
fn searches_the_descriptions_in_every_language() {
    let out = run(&["--search", "TIMEOUT"]);
    assert_eq!(out.status, 0);
    assert!(listed_codes(&out.stdout).contains(&504));
    // Chinese text finds the codes; they are shown in the language asked for.
    let out = run(&["--search", "被请求的页面"]);
    assert!(listed_codes(&out.stdout).contains(&404));
    assert!(out.stdout.contains(NOT_FOUND_EN));
    let out = run(&["-s", "被请求的页面", "--lang", "zh-CN"]);
    assert!(
        out.stdout
            .contains(StatusCode::NotFound.message(Locale::ZhCn))
    );
    assert!(listed_codes(&run(&["--search", "超时"]).stdout).contains(&504));
    // Aliases are searched too.
    assert_eq!(
        listed_codes(&run(&["--search", "unprocessable content"]).stdout),
        [422]
    );
}

#[test]
fn language_comes_from_the_flag_then_the_environment() {
    let zh = run(&["--lang", "zh-CN", "404"]);
    assert!(zh.stdout.contains(&format!(
        "  说明       {}\n",
        StatusCode::NotFound.message(Locale::ZhCn)
    )));
    assert!(
        zh.stdout.contains("  类别       客户端错误（4xx）\n"),
        "{}",
        zh.stdout
    );
    assert!(zh.stderr.is_empty());
    for (args, env) in [
        (&["404"][..], &[("LANG", "zh_CN.UTF-8")][..]),
        (&["--lang=zh_CN.UTF-8", "404"], &[]),
        (&["--lang", "ZH-cn", "404"], &[]),
        (
            &["--lang", "zh-Hans-SG", "404"],
            &[("LC_ALL", "en_US.UTF-8")],
        ),
        // LANGUAGE, a list in order of preference, comes before the locale.
        (
            &["404"],
            &[("LANG", "en_US.UTF-8"), ("LANGUAGE", "fr:zh_CN")],
        ),
    ] {
        let out = run_with_env(args, env);
        assert_eq!(out.stdout, zh.stdout, "{args:?} {env:?}");
        assert!(out.stderr.is_empty(), "{args:?} {env:?}: {}", out.stderr);
    }
    // LC_ALL wins over LANG; the flag wins over both; C is untranslated.
    for (args, env) in [
        (
            &["404"][..],
            &[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "en_US.UTF-8")][..],
        ),
        (&["--lang=en", "404"], &[("LC_ALL", "zh_CN.UTF-8")]),
        (&["--lang=C", "404"], &[("LC_ALL", "zh_CN.UTF-8")]),
        (&["--lang=en-GB", "404"], &[]),
        (&["404"], &[("LANG", "fr_FR.UTF-8")]),
    ] {
        let out = run_with_env(args, env);
        assert_eq!(out.status, 0);
        assert!(out.stdout.contains(NOT_FOUND_EN), "{args:?} {env:?}");
        assert!(out.stderr.is_empty(), "{args:?} {env:?}: {}", out.stderr);
    }
}

#[test]
fn any_tag_finds_the_closest_language_and_says_so() {
    let ja = run(&["--lang", "ja", "404"]);
    assert_eq!(ja.status, 0);
    assert!(ja.stdout.contains(NOT_FOUND_EN));
    assert_eq!(
        ja.stderr,
        "note: the table has no texts in ja; showing en, its default language\n"
    );
    // Traditional Chinese is not silently Simplified.
    let tw = run(&["--lang", "zh-TW", "404"]);
    assert_eq!(tw.status, 0);
    assert!(
        tw.stdout
            .contains(StatusCode::NotFound.message(Locale::ZhCn))
    );
    assert_eq!(
        tw.stderr,
        "note: the table has no texts in zh-TW; showing zh-CN, the closest language it has\n"
    );
    let bad = run(&["--lang", "zh CN", "404"]);
    assert_eq!(bad.status, 2);
    assert!(bad.stderr.starts_with(
        "error: --lang needs a language tag such as en, zh-CN or zh_CN.UTF-8, not \"zh CN\"\n"
    ));
}

#[test]
fn prints_json() {
    let out = run(&["--json", "--lang", "zh-CN", "not found"]);
    assert_eq!(out.status, 0);
    assert!(
        out.stdout.starts_with("{\n  \"code\": 404,"),
        "{}",
        out.stdout
    );
    let value: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(value["reason"], "Not Found");
    assert_eq!(value["class"], "4xx");
    assert_eq!(value["locale"], "zh-CN");
    assert_eq!(value["message"], StatusCode::NotFound.message(Locale::ZhCn));
    assert_eq!(
        value["retry_unchanged"],
        serde_json::json!(StatusCode::NotFound.retry_unchanged())
    );

    let value: serde_json::Value = serde_json::from_str(&run(&["5xx", "--json"]).stdout).unwrap();
    let codes: Vec<u16> = value
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["code"].as_u64().unwrap() as u16)
        .collect();
    assert_eq!(
        codes,
        codes_of(
            StatusCode::ALL
                .iter()
                .copied()
                .filter(|code| code.is_server_error())
        )
    );
    for (entry, code) in value.as_array().unwrap().iter().zip(codes) {
        let code = StatusCode::from_u16(code).unwrap();
        assert_eq!(entry["note"].as_str(), code.note(Locale::En));
    }
}

#[test]
fn nothing_found_is_an_error_on_stderr() {
    for (args, message) in [
        (
            &["kettle"][..],
            "error: no status code matches \"kettle\"\n",
        ),
        (&["999"], "error: no status code matches \"999\"\n"),
        (&["7xx"], "error: the table has no 7xx codes\n"),
        (
            &["--search", "kettle"],
            "error: no status code mentions \"kettle\"\n",
        ),
    ] {
        let out = run(args);
        assert_eq!(out.status, 1, "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(out.stderr.starts_with(message), "{args:?}: {}", out.stderr);
    }
    assert!(
        run(&["kettle"])
            .stderr
            .contains("run `status-codes --search \"kettle\"`")
    );
}

#[test]
fn usage_mistakes_exit_with_2() {
    for (args, message) in [
        (&["--lang"][..], "--lang needs a value"),
        (&["--colour"], "unknown option \"--colour\""),
        (
            &["--search", "x", "404"],
            "give either --search or a code, not both",
        ),
        (&["--json=1", "404"], "--json takes no value (got \"1\")"),
        (&["--help=x"], "--help takes no value (got \"x\")"),
        (
            &["check", "--json"],
            "--json does not apply to `status-codes check`",
        ),
        (
            &["export", "--format", "pdf"],
            "unknown format \"pdf\" for --format",
        ),
    ] {
        let out = run(args);
        assert_eq!(out.status, 2, "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(
            out.stderr.starts_with(&format!("error: {message}")),
            "{args:?}: {}",
            out.stderr
        );
        assert!(
            out.stderr
                .ends_with("Run `status-codes --help` for usage.\n")
        );
    }
}

#[test]
fn an_error_quotes_a_huge_argument_in_part() {
    // One argument may be up to 128 KiB on Linux; several make up 1.5 MB.
    let huge = "\u{202E}x".repeat(25_000);
    let many: Vec<String> = std::iter::repeat_n(huge.clone(), 15).collect();
    for args in [
        [&["--search".to_owned(), "x".to_owned()][..], &many].concat(),
        vec![format!("--{huge}")],
        vec!["--lang".into(), huge.clone()],
        vec![huge.clone()],
        vec!["--search".into(), huge.clone()],
        vec!["--table".into(), huge.clone(), "404".into()],
    ] {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = run(&args);
        assert!(matches!(out.status, 1 | 2), "{}", out.status);
        assert!(
            out.stderr.len() < 1000,
            "{} bytes of errors",
            out.stderr.len()
        );
        // The right-to-left override is shown escaped, never as itself.
        assert!(!out.stderr.contains('\u{202E}'));
    }
}

#[test]
fn help_and_version() {
    let help = run(&["--help"]);
    assert_eq!(help.status, 0);
    assert!(
        help.stdout
            .starts_with("Look up HTTP and vendor status codes")
    );
    for option in [
        "--search TEXT",
        "--table FILE",
        "--format FORMAT",
        "check [FILE]",
        "status-codes schema",
        "csv or openapi",
        "#:schema ./status-codes.schema.json",
    ] {
        assert!(help.stdout.contains(option), "{option}");
    }
    let version = run(&["-V"]);
    assert_eq!(
        version.stdout,
        format!("status-codes {}\n", env!("CARGO_PKG_VERSION"))
    );
}

// A table of one's own, read at run time: `vendor.toml` extends `base.toml`.

#[test]
fn every_lookup_mode_reads_the_table_given() {
    let one = run(&["--table", "vendor.toml", "499"]);
    assert_eq!(one.status, 0, "{}", one.stderr);
    assert_eq!(
        one.stdout,
        "499 Client Closed Request\n\
         \x20 class      client error (4xx)\n\
         \x20 message    The client closed the connection <early> & left.\n\
         \x20 note       Not in RFC 9110.\n"
    );
    // From the base: a name, an alias.
    assert_eq!(
        run(&["--table=vendor.toml", "missing"]).stdout,
        run(&["-t", "vendor.toml", "404"]).stdout
    );
    let class = run(&["--table", "vendor.toml", "4xx"]);
    assert_eq!(
        class.stdout,
        "404  Not Found              Nothing is here.\n\
         499  Client Closed Request  The client closed the connection <early> & left.\n"
    );
    let search = run(&["--table", "vendor.toml", "--search", "接続"]);
    assert_eq!(listed_codes(&search.stdout), [499]);
    let json = run(&["--table", "vendor.toml", "--lang", "ja", "--json", "5xx"]);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    // 503 has no Japanese text: the default's, as `message(Locale::Ja)` would give.
    assert_eq!(value[0]["locale"], "ja");
    assert_eq!(value[0]["message"], "The service is down for maintenance.");
    let all = run(&["--table", "vendor.toml"]);
    assert_eq!(listed_codes(&all.stdout), [200, 404, 499, 503]);
    // A code the shipped table has but this one lacks.
    assert_eq!(run(&["--table", "vendor.toml", "413"]).status, 1);
    // The table's own languages: ja is there, and labels stay English for it.
    let ja = run(&["--table", "vendor.toml", "--lang", "ja-JP", "404"]);
    assert!(
        ja.stdout.contains("  message    見つかりません。\n"),
        "{}",
        ja.stdout
    );
    assert!(ja.stderr.is_empty());
}

#[test]
fn a_lookup_in_a_bad_table_shows_its_mistakes_and_exits_with_2() {
    let out = run(&["--table", "mistakes.toml", "404"]);
    assert_eq!(out.status, 2);
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr
            .starts_with("error: code 404 has no `name`\n --> mistakes.toml:4:8\n")
    );
}

#[test]
fn check_summarizes_a_good_table_in_one_line() {
    let out = run(&["check", "vendor.toml"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "vendor.toml: 4 codes, 3 locales (en, zh-CN, ja); texts missing: \
         zh-CN 1 scenario, 1 note; ja 2 messages, 1 scenario, 1 note\n"
    );
    assert!(out.stderr.is_empty());
    // Several files, as a pre-commit hook passes them.
    let two = run(&["check", "base.toml", "vendor.toml"]);
    assert_eq!(two.status, 0);
    assert_eq!(two.stdout.lines().count(), 2);
    assert!(two.stdout.starts_with(
        "base.toml: 3 codes, 2 locales (en, zh-CN); texts missing: zh-CN 1 scenario\n"
    ));
}

#[test]
fn check_reads_codes_toml_in_the_current_directory_by_default() {
    let dir = scratch("check-default");
    std::fs::copy(data_dir().join("base.toml"), dir.join("codes.toml")).unwrap();
    let out = outcome(command(&["check"], &[]).current_dir(&dir).output().unwrap());
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .starts_with("codes.toml: 3 codes, 2 locales (en, zh-CN)")
    );
    let empty = scratch("check-default-missing");
    let out = outcome(
        command(&["check"], &[])
            .current_dir(&empty)
            .output()
            .unwrap(),
    );
    assert_eq!(out.status, 1);
    assert_eq!(
        out.stderr,
        "error: cannot read `codes.toml`: no such file\n  \
         = help: the path is relative to the current directory\n"
    );
}

#[test]
fn check_reports_every_mistake_as_the_macro_does() {
    let out = run(&["check", "mistakes.toml"]);
    assert_eq!(out.status, 1);
    assert!(out.stdout.is_empty());
    // The generator's own rendering, the text the macro raises as a compile error.
    let macro_text = status_codegen::load_path(&data_dir(), "mistakes.toml")
        .unwrap_err()
        .to_string();
    assert_eq!(out.stderr, format!("{macro_text}\n"));
    assert_eq!(out.stderr.matches("error: ").count(), 3, "{}", out.stderr);
    assert!(out.stderr.contains(
        "error: unknown key `nmae` in `[codes.404]`\n --> mistakes.toml:5:1\n  |\n5 | nmae = \"Not Found\"\n  | ^^^^ unknown key\n  |\n  = help: did you mean `name`?\n"
    ), "{}", out.stderr);
    assert!(
        out.stderr
            .contains("error: code 1000 is out of range\n --> mistakes.toml:8:8\n")
    );
}

#[test]
fn check_reports_bad_files() {
    let dir = scratch("check-bad-files");
    std::fs::write(
        dir.join("latin1.toml"),
        b"[locales]\ndefault = \"en\"\n# caf\xe9\n",
    )
    .unwrap();
    std::fs::create_dir(dir.join("folder.toml")).unwrap();
    let data = data_dir();
    for (dir, file, expected) in [
        (
            &data,
            "broken.toml",
            "error: invalid TOML\n --> broken.toml:4:11\n  |\n4 | [codes.404\n  |           ^ unclosed table, expected `]`\n",
        ),
        (
            &data,
            "extends-missing.toml",
            "error: cannot read `no-such-base.toml`: no such file\n --> extends-missing.toml:1:11\n",
        ),
        (
            &dir,
            "absent.toml",
            "error: cannot read `absent.toml`: no such file\n  = help: the path is relative to the current directory\n",
        ),
        (
            &dir,
            "latin1.toml",
            "error: cannot read `latin1.toml`: it is not UTF-8 text: byte 0xE9 at line 3, column 6 is not part of a UTF-8 character; save the file as UTF-8\n",
        ),
        (
            &dir,
            "folder.toml",
            "error: cannot read `folder.toml`: it is a directory, not a file\n",
        ),
    ] {
        let out = outcome(
            command(&["check", file], &[])
                .current_dir(dir)
                .output()
                .unwrap(),
        );
        assert_eq!(out.status, 1, "{file}");
        assert!(out.stdout.is_empty(), "{file}");
        assert!(out.stderr.starts_with(expected), "{file}: {}", out.stderr);
    }
    // A good file after a bad one is still checked and summarized.
    let out = run(&["check", "broken.toml", "base.toml"]);
    assert_eq!(out.status, 1);
    assert!(out.stdout.starts_with("base.toml: 3 codes"));
}

#[test]
fn check_refuses_a_pipe_without_reading_it() {
    let dir = scratch("check-fifo");
    let fifo = dir.join("codes.toml");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    // Nothing ever writes to the pipe: reading it would wait for ever.
    let mut child = command(&["check"], &[])
        .current_dir(&dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(20) {
            child.kill().unwrap();
            panic!("check hung on a pipe");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = outcome(child.wait_with_output().unwrap());
    assert_eq!(out.status, 1);
    assert!(out.stderr.starts_with(
        "error: cannot read `codes.toml`: it is not a regular file (a device, a pipe or a socket)\n"
    ));
}

// One default table: lookups and export read ./codes.toml when there is one, as check does.

const LOCAL_NOTE: &str = "note: reading ./codes.toml, the table in the current directory; \
                          `--table standard` reads the shipped one\n";

fn run_in(dir: &Path, args: &[&str]) -> Outcome {
    outcome(command(args, &[]).current_dir(dir).output().unwrap())
}

#[test]
fn lookups_and_export_read_codes_toml_in_the_current_directory_as_check_does() {
    let dir = scratch("lookup-default");
    std::fs::copy(data_dir().join("base.toml"), dir.join("codes.toml")).unwrap();
    let found = run_in(&dir, &["404"]);
    assert_eq!(found.status, 0, "{}", found.stderr);
    assert_eq!(found.stderr, LOCAL_NOTE);
    assert!(found.stdout.contains("  message    Nothing is here.\n"));
    let class = run_in(&dir, &["5xx"]);
    assert_eq!(listed_codes(&class.stdout), [503]);
    assert_eq!(class.stderr, LOCAL_NOTE);
    // Named, the table is read without a note.
    let named = run_in(&dir, &["--table", "codes.toml", "404"]);
    assert_eq!((named.stdout, named.stderr), (found.stdout, String::new()));
    let export = run_in(&dir, &["export", "--format", "csv"]);
    assert_eq!(export.status, 0);
    assert!(
        export.stdout.contains(",Nothing is here.,"),
        "{}",
        export.stdout
    );
    assert_eq!(export.stderr, LOCAL_NOTE);
}

#[test]
fn a_miss_points_to_the_table_that_has_the_code() {
    let dir = scratch("lookup-default-miss");
    std::fs::copy(data_dir().join("base.toml"), dir.join("codes.toml")).unwrap();
    // 410 is in the shipped table only.
    let gone = run_in(&dir, &["410"]);
    assert_eq!(gone.status, 1);
    assert!(gone.stdout.is_empty());
    assert_eq!(
        gone.stderr,
        format!(
            "{LOCAL_NOTE}error: no status code matches \"410\"\n\
             help: the shipped table has 410 Gone: run `status-codes --table standard \"410\"`\n"
        )
    );
    let shipped = run_in(&dir, &["--table", "standard", "410"]);
    assert_eq!(shipped.status, 0);
    assert_eq!(shipped.stderr, "");
    assert_eq!(shipped.stdout, expected_detail(StatusCode::Gone));
    // By name too.
    assert!(run_in(&dir, &["gone"]).stderr.ends_with(
        "help: the shipped table has 410 Gone: run `status-codes --table standard \"gone\"`\n"
    ));
    // In neither table: a number may be in a table of one's own.
    assert!(run_in(&dir, &["499"]).stderr.ends_with(
        "error: no status code matches \"499\"\n\
         help: 499 is not in \"codes.toml\"; to look in another table, run `status-codes --table FILE \"499\"`\n"
    ));
    assert_eq!(
        run(&["499"]).stderr,
        "error: no status code matches \"499\"\n\
         help: 499 is not in the shipped table; to look in another table, run `status-codes --table FILE \"499\"`\n"
    );
    // Classes and searches too.
    assert_eq!(
        run_in(&dir, &["1xx"]).stderr,
        format!(
            "{LOCAL_NOTE}error: the table has no 1xx codes\n\
             help: the shipped table has 1xx codes: run `status-codes --table standard 1xx`\n"
        )
    );
    assert_eq!(
        run(&["7xx"]).stderr,
        "error: the table has no 7xx codes\n\
         help: the shipped table has no 7xx codes; to look in another table, run `status-codes --table FILE 7xx`\n"
    );
    assert_eq!(
        run_in(&dir, &["--search", "teapot"]).stderr,
        format!(
            "{LOCAL_NOTE}error: no status code mentions \"teapot\"\n\
             help: the shipped table has codes that mention it: run `status-codes --table standard --search \"teapot\"`\n"
        )
    );
    assert_eq!(
        run(&["--search", "kettle"]).stderr,
        "error: no status code mentions \"kettle\"\n"
    );
    // A status line whose number is in the table has the wrong name; no other table helps.
    assert_eq!(
        run(&["404 Gone"]).stderr,
        "error: status line \"404 Gone\" has the wrong name: 404 is \"Not Found\"\n"
    );
}

#[test]
fn a_codes_toml_that_is_no_file_leaves_the_shipped_table() {
    let dir = scratch("lookup-default-folder");
    std::fs::create_dir(dir.join("codes.toml")).unwrap();
    let out = run_in(&dir, &["410"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert_eq!(out.stderr, "");
    assert_eq!(out.stdout, expected_detail(StatusCode::Gone));
}

#[test]
fn a_default_table_with_mistakes_says_which_table_it_is() {
    let dir = scratch("lookup-default-broken");
    std::fs::copy(data_dir().join("mistakes.toml"), dir.join("codes.toml")).unwrap();
    let out = run_in(&dir, &["404"]);
    assert_eq!(out.status, 2);
    assert!(
        out.stderr
            .starts_with(&format!("{LOCAL_NOTE}error: code 404 has no `name`\n")),
        "{}",
        out.stderr
    );
}

// Export.

#[test]
fn export_writes_the_shipped_table_as_a_vendor_style_markdown_page() {
    let out = run(&["export", "--format", "markdown", "--lang", "zh-CN"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(out.stderr.is_empty());
    let page = &out.stdout;
    assert!(page.starts_with("# 状态码\n\n## 1xx 信息\n\n请求已被接收，继续处理。\n\n"));
    for heading in [
        "## 2xx 成功\n",
        "## 3xx 重定向\n",
        "## 4xx 客户端错误\n",
        "## 5xx 服务器错误\n",
    ] {
        assert!(page.contains(heading), "{heading}");
    }
    // One row per code, in order, with its Chinese texts.
    let rows: Vec<&str> = page
        .lines()
        .filter(|line| {
            line.starts_with("| ") && !line.starts_with("| 状态码") && !line.starts_with("| ---")
        })
        .collect();
    let numbers: Vec<u16> = rows
        .iter()
        .map(|row| row[2..].split(' ').next().unwrap().parse().unwrap())
        .collect();
    assert_eq!(numbers, codes_of(StatusCode::ALL.iter().copied()));
    let not_found = rows.iter().find(|row| row.starts_with("| 404 |")).unwrap();
    let code = StatusCode::NotFound;
    assert!(
        not_found.starts_with(&format!(
            "| 404 | Not Found |  | {} | {} |",
            code.message(Locale::ZhCn),
            code.scenario(Locale::ZhCn).unwrap()
        )),
        "{not_found}"
    );
    assert!(page.contains("| 状态码 | 名称 | 别名 | 说明 |"), "{page}");
}

#[test]
fn export_side_by_side_without_lang() {
    let out = run(&["export", "vendor.toml"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(out.stdout.contains(
        "| Status code | Name | Also known as | Description (en) | Description (zh-CN) | Description (ja) \
         | Scenario (en) | Note (en) | Retry unchanged |\n"
    ), "{}", out.stdout);
    assert!(out.stdout.contains(
        "| 499 | Client Closed Request |  | The client closed the connection \\<early\\> \\& left. \
         | 客户端提前关闭了连接。 | クライアントが接続を閉じました。 |  | Not in RFC 9110. |  |\n"
    ), "{}", out.stdout);
    // The page's own words follow the environment.
    let zh = run_with_env(&["export", "vendor.toml"], &[("LANG", "zh_CN.UTF-8")]);
    assert!(zh.stdout.starts_with("# 状态码\n"));
    assert!(
        zh.stdout
            .contains("| 状态码 | 名称 | 说明 (en) | 说明 (zh-CN) |"),
        "{}",
        zh.stdout
    );
}

#[test]
fn export_html_is_a_whole_escaped_page() {
    let out = run(&[
        "export",
        "--format=html",
        "--table",
        "vendor.toml",
        "--lang",
        "en",
    ]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let page = &out.stdout;
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Status codes</title>\n"));
    assert!(page.ends_with("</table>\n</section>\n</body>\n</html>\n"));
    assert!(
        page.contains(
            "<tr id=\"code-499\"><td>499</td><td>Client Closed Request</td><td></td>\
         <td>The client closed the connection &lt;early&gt; &amp; left.</td><td></td>\
         <td>Not in RFC 9110.</td><td></td></tr>"
        ),
        "{page}"
    );
    assert!(!page.contains("<early>"));
    let zh = run(&["export", "--format=html", "vendor.toml", "--lang", "zh-CN"]);
    assert!(zh.stdout.contains("<html lang=\"zh-CN\">"));
    assert!(zh.stdout.contains("<h2>4xx 客户端错误</h2>"));
}

#[test]
fn export_html_names_the_language_of_each_text_it_shows() {
    let out = run(&["export", "--format=html", "vendor.toml", "--lang", "ja"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let page = &out.stdout;
    // The texts are Japanese where the table has them; the rest says what it is in.
    assert!(
        page.starts_with("<!DOCTYPE html>\n<html lang=\"ja\">\n"),
        "{page}"
    );
    assert!(
        page.contains(
            "<tr id=\"code-404\"><td>404</td><td lang=\"en\">Not Found</td>\
             <td lang=\"en\">Missing</td><td>見つかりません。</td>\
             <td lang=\"en\">A wrong ID | or a deleted one</td><td></td><td lang=\"en\">no</td></tr>"
        ),
        "{page}"
    );
    // 503 has no Japanese text: its message is the English fallback's, and says so.
    assert!(
        page.contains(
            "<tr id=\"code-503\"><td>503</td><td lang=\"en\">Service Unavailable</td>\
             <td lang=\"en\">The service is down for maintenance.</td>"
        ),
        "{page}"
    );
    // The tool has no Japanese words of its own: its headings are English, marked.
    assert!(page.contains("<title lang=\"en\">Status codes</title>"));
    assert!(page.contains("<h2 lang=\"en\">4xx Client Error</h2>"));
    assert!(page.contains("<thead>\n<tr lang=\"en\"><th scope=\"col\">Status code</th>"));
    // Every element with a text the page's language does not cover says its own.
    for line in page.lines().filter(|line| line.starts_with("<tr id=")) {
        let unmarked = line
            .split("<td>")
            .skip(1)
            .map(|cell| cell.split("</td>").next().unwrap())
            .filter(|text| !text.is_empty() && !text.bytes().all(|b| b.is_ascii_digit()));
        for text in unmarked {
            assert!(!text.is_ascii(), "{text:?} is not Japanese: {line}");
        }
    }

    // Side by side, the page is in the language of its headings; zh-CN texts are marked.
    let both = run_with_env(
        &["export", "--format=html", "vendor.toml"],
        &[("LANG", "ja_JP.UTF-8")],
    );
    assert!(
        both.stdout
            .starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n")
    );
    assert!(both.stdout.contains("<h2>4xx Client Error</h2>"));
    assert!(
        both.stdout
            .contains("<td lang=\"ja\">見つかりません。</td>")
    );

    // Markdown names no language per text on a page of one language: its headings say
    // "Description", not "Description (ja)", since a fallback text is not Japanese.
    let markdown = run(&["export", "vendor.toml", "--lang", "ja"]);
    assert!(
        markdown
            .stdout
            .contains("| Status code | Name | Description |\n"),
        "{}",
        markdown.stdout
    );
    assert!(!markdown.stdout.contains("(ja)"), "{}", markdown.stdout);
}

#[test]
fn export_json_and_csv_hold_every_text() {
    let out = run(&["export", "--format", "json", "vendor.toml"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let value: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(value["locales"], serde_json::json!(["en", "zh-CN", "ja"]));
    assert_eq!(value["default"], "en");
    let codes = value["codes"].as_array().unwrap();
    assert_eq!(codes.len(), 4);
    assert_eq!(codes[1]["code"], 404);
    assert_eq!(codes[1]["aliases"], serde_json::json!(["Missing"]));
    assert_eq!(codes[1]["message"]["ja"], "見つかりません。");
    assert_eq!(codes[2]["note"]["en"], "Not in RFC 9110.");
    // 503 has no Japanese text: its `ja` message is the English one, and it says so.
    assert_eq!(
        codes[3]["message"]["ja"],
        "The service is down for maintenance."
    );
    assert_eq!(
        codes[3]["fallback"],
        serde_json::json!({"message": {"ja": "en"}})
    );
    assert_eq!(
        codes[2]["fallback"],
        serde_json::json!({"note": {"zh-CN": "en", "ja": "en"}})
    );

    let out = run(&[
        "export",
        "--format",
        "csv",
        "--lang",
        "zh-CN",
        "vendor.toml",
    ]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "code,class,name,aliases,retry_unchanged,message.zh-CN,scenario.zh-CN,note.zh-CN\r\n\
         200,2xx,OK,,,请求成功。,,\r\n\
         404,4xx,Not Found,Missing,false,这里什么都没有。,A wrong ID | or a deleted one,\r\n\
         499,4xx,Client Closed Request,,,客户端提前关闭了连接。,,Not in RFC 9110.\r\n\
         503,5xx,Service Unavailable,,true,服务正在维护。,,\r\n"
    );
}

#[test]
fn export_of_a_bad_table_shows_its_mistakes() {
    let out = run(&["export", "extends-missing.toml"]);
    assert_eq!(out.status, 2);
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr
            .starts_with("error: cannot read `no-such-base.toml`: no such file\n")
    );
}

// Output that cannot be written.

fn dev_full() -> File {
    OpenOptions::new().write(true).open("/dev/full").unwrap()
}

#[test]
fn a_full_stdout_is_an_error() {
    let out = outcome(command(&["404"], &[]).stdout(dev_full()).output().unwrap());
    assert_eq!(out.status, 2);
    assert_eq!(
        out.stderr,
        "error: cannot write the output: no space left on device\n"
    );
}

#[test]
fn a_full_stderr_is_an_error_but_no_panic() {
    // A usage mistake whose message cannot be written.
    let out = outcome(
        command(&["--lang"], &[])
            .stderr(dev_full())
            .output()
            .unwrap(),
    );
    assert_eq!(out.status, 2);
    // A lookup whose note cannot be written: the answer is still printed.
    let out = outcome(
        command(&["--lang", "ja", "404"], &[])
            .stderr(dev_full())
            .output()
            .unwrap(),
    );
    assert_eq!(out.status, 2);
    assert!(out.stdout.contains(NOT_FOUND_EN));
    // Nothing matched, and the error cannot be said: still 1 or worse, never a panic's 101.
    let out = outcome(
        command(&["kettle"], &[])
            .stderr(dev_full())
            .output()
            .unwrap(),
    );
    assert_eq!(out.status, 2);
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    // A table big enough that its page overflows any pipe buffer, so the write must fail.
    let dir = scratch("closed-pipe");
    let mut table = String::from("[locales]\ndefault = \"en\"\n");
    for code in 100..1000 {
        table.push_str(&format!(
            "[codes.{code}]\nname = \"Code {code}\"\nmessage.en = \"{}\"\n",
            "A long description. ".repeat(20)
        ));
    }
    std::fs::write(dir.join("codes.toml"), table).unwrap();
    let mut child = command(&["export", "--format", "html", "codes.toml"], &[])
        .current_dir(&dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read a little, as `head -c 100` would, then close the pipe.
    let mut stdout = child.stdout.take().unwrap();
    let mut start = [0; 100];
    stdout.read_exact(&mut start).unwrap();
    drop(stdout);
    let out = outcome(child.wait_with_output().unwrap());
    assert!(String::from_utf8_lossy(&start).starts_with("<!DOCTYPE html>"));
    assert_eq!(out.status, 0);
    assert_eq!(out.stderr, "");
}

// Text from a table is data: nothing in it may act on the terminal. Validation may refuse some
// of these tables outright; then the refusal, quoting the table, must be just as inert.

/// Whether a terminal acts on `c` (C0 but LF, DEL, C1, the bidi controls, U+2028/U+2029),
/// written here independently of the tool's own list.
fn acts(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{9}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
        || matches!(
            c,
            '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
        || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Panics when `text` holds a character a terminal acts on; a CR is allowed only before an LF.
fn assert_inert(text: &str, what: &str) {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() == Some(&'\n') {
            continue;
        }
        assert!(!acts(c), "{what}: raw {c:?} in {text:?}");
    }
}

/// Runs the tool in `dir` and checks that neither stream holds anything a terminal acts on.
fn run_inert(dir: &Path, args: &[&str]) -> Outcome {
    let out = outcome(command(args, &[]).current_dir(dir).output().unwrap());
    assert_inert(&out.stdout, &format!("stdout of {args:?}"));
    assert_inert(&out.stderr, &format!("stderr of {args:?}"));
    out
}

/// A table whose texts hold what a terminal would act on, as TOML escapes.
const HOSTILE: &str = r#"[locales]
default = "en"

[codes.404]
name = "Not Found"
message.en = "clear\u001b[2J screen"
message.ar = "لم يتم العثور على الصفحة"
message.he = "הדף לא נמצא"
scenario.en = "\u001b]8;;https://evil.example/\u0007a link\u001b]8;;\u0007"
note.en = "C1 \u009b2J, \u202edesrever, NUL \u0000, lone\rCR, DEL \u007f"

[codes.499]
name = "Client Closed Request"
message.en = "isolated \u2067בדיקה\u2069 and \u2028 separated"
message.zh-CN = "客户端关闭了连接。"
"#;

#[test]
fn a_hostile_tables_texts_never_reach_the_terminal_raw() {
    let dir = scratch("hostile");
    std::fs::write(dir.join("hostile.toml"), HOSTILE).unwrap();
    let runs: [&[&str]; 12] = [
        &["-t", "hostile.toml", "404"],
        &["-t", "hostile.toml", "499"],
        &["-t", "hostile.toml", "4xx"],
        &["-t", "hostile.toml"],
        &["-t", "hostile.toml", "--search", "link"],
        &["-t", "hostile.toml", "--json", "4xx"],
        &["-t", "hostile.toml", "--lang", "he", "404"],
        &["check", "hostile.toml"],
        &["export", "--format", "markdown", "hostile.toml"],
        &["export", "--format", "html", "hostile.toml"],
        &["export", "--format", "csv", "hostile.toml"],
        &["export", "--format", "json", "hostile.toml"],
    ];
    for args in runs {
        let out = run_inert(&dir, args);
        if out.status != 0 {
            // Refused by validation: the mistakes are said, escaped, and nothing is printed.
            assert!(matches!(out.status, 1 | 2), "{args:?}: {}", out.status);
            assert!(out.stderr.contains("error: "), "{args:?}: {}", out.stderr);
            assert!(out.stdout.is_empty(), "{args:?}");
        }
    }
    // Where the table is accepted, the texts show escaped, right-to-left and Chinese text as
    // itself.
    let one = run_inert(&dir, &["-t", "hostile.toml", "404"]);
    if one.status == 0 {
        assert!(
            one.stdout.contains("clear\\u{1b}[2J screen"),
            "{}",
            one.stdout
        );
        assert!(
            one.stdout
                .contains("\\u{1b}]8;;https://evil.example/\\u{7}a link")
        );
        assert!(
            one.stdout
                .contains("C1 \\u{9b}2J, \\u{202e}desrever, NUL \\u{0}, lone\\u{d}CR, DEL \\u{7f}")
        );
        let he = run_inert(&dir, &["-t", "hostile.toml", "--lang", "he", "404"]);
        assert!(
            he.stdout.contains("  message    הדף לא נמצא\n"),
            "{}",
            he.stdout
        );
        let ar = run_inert(&dir, &["-t", "hostile.toml", "--lang", "ar", "404"]);
        assert!(
            ar.stdout
                .contains("  message    لم يتم العثور على الصفحة\n")
        );
        let json = run_inert(&dir, &["-t", "hostile.toml", "--json", "404"]);
        let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
        assert_eq!(value["message"], "clear\u{1b}[2J screen");
    }
    let isolates = run_inert(&dir, &["-t", "hostile.toml", "499"]);
    if isolates.status == 0 {
        assert!(
            isolates
                .stdout
                .contains("isolated \\u{2067}בדיקה\\u{2069} and \\u{2028} separated")
        );
        let json = run_inert(&dir, &["export", "--format", "json", "hostile.toml"]);
        assert!(
            json.stdout
                .contains("\\u2067בדיקה\\u2069 and \\u2028 separated")
        );
        let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
        assert_eq!(
            value["codes"][1]["message"]["en"],
            "isolated \u{2067}בדיקה\u{2069} and \u{2028} separated"
        );
    }
}

#[test]
fn mistakes_quoting_a_table_and_file_names_are_escaped() {
    let dir = scratch("hostile-mistakes");
    // Raw controls are not TOML: the error quotes the line that holds them.
    std::fs::write(
        dir.join("raw.toml"),
        "[locales]\ndefault = \"en\"\n[codes.404]\nname = \"Not Found\"\nmessage.en = \"a\u{1b}[2J\u{9b}\u{202e}b\"\n",
    )
    .unwrap();
    let out = run_inert(&dir, &["check", "raw.toml"]);
    assert_eq!(out.status, 1);
    assert!(out.stderr.contains("raw.toml:5:"), "{}", out.stderr);
    let out = run_inert(&dir, &["-t", "raw.toml", "404"]);
    assert_eq!(out.status, 2);
    // A file name is text from outside too.
    let name = "\u{1b}[31mred\u{202e}.toml";
    let out = run_inert(&dir, &["check", name]);
    assert_eq!(out.status, 1);
    assert!(
        out.stderr.contains("\\u{1b}[31mred\\u{202e}.toml"),
        "{}",
        out.stderr
    );
}

#[test]
fn csv_cells_never_start_a_formula() {
    let dir = scratch("csv-formulas");
    std::fs::write(
        dir.join("formulas.toml"),
        r#"[locales]
default = "en"

[codes.404]
name = "Not Found"
message.en = "=HYPERLINK(""https://evil.example/"",""click"")"
scenario.en = "+1 or more"
note.en = "-2+3"

[codes.499]
name = "Client Closed Request"
message.en = "@SUM(A1:A9)"
scenario.en = "a = b, not a formula"
"#
        .replace("\"\"", "\\\""),
    )
    .unwrap();
    let out = run_inert(&dir, &["export", "--format", "csv", "formulas.toml"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "code,class,name,aliases,retry_unchanged,message.en,scenario.en,note.en\r\n\
         404,4xx,Not Found,,,\"'=HYPERLINK(\"\"https://evil.example/\"\",\"\"click\"\")\",'+1 or more,'-2+3\r\n\
         499,4xx,Client Closed Request,,,'@SUM(A1:A9),\"a = b, not a formula\",\r\n"
    );
}

// Problem types.

/// The integration tests' table of problem types, from `tests/data`.
const PROBLEMS: &str = "../../../tests/problems.toml";

#[test]
fn looks_a_problem_type_up_by_key_or_struct_and_lists_it_under_its_code() {
    let outcome = run(&["--table", PROBLEMS, "out-of-credit", "--lang", "zh-CN"]);
    assert_eq!(outcome.status, 0, "{}", outcome.stderr);
    assert_eq!(
        outcome.stdout,
        "out-of-credit (OutOfCredit)\n\
         \x20 状态码     403 Forbidden\n\
         \x20 类型       https://example.com/probs/out-of-credit\n\
         \x20 标题       您的余额不足。\n\
         \x20 详情       您当前的余额为 {balance}，但该操作需要 {cost}。\n\
         \x20 字段       balance, cost\n"
    );
    let by_struct = run(&["--table", PROBLEMS, "ProjectNotFound", "--json"]);
    let value: serde_json::Value = serde_json::from_str(&by_struct.stdout).unwrap();
    assert_eq!(value["problem"], "project-not-found");
    assert_eq!(value["status"], 404);
    assert_eq!(
        value["detail"],
        "No project has the ID {project_id}; braces stay as written: {{id}}."
    );
    assert_eq!(value["fields"], serde_json::json!(["project_id"]));

    let listed = run(&["--table", PROBLEMS, "4xx"]);
    assert_eq!(
        listed.stdout,
        "403  Forbidden  You may not do this.\n\
         \x20    out-of-credit  You do not have enough credit.\n\
         404  Not Found  Nothing here.\n\
         \x20    maintenance-window  Down for maintenance.\n\
         \x20    project-not-found   The project does not exist.\n"
    );
    let code = run(&["--table", PROBLEMS, "404"]);
    assert!(
        code.stdout.ends_with(
            "  Problem types\n\
             \x20    maintenance-window  Down for maintenance.\n\
             \x20    project-not-found   The project does not exist.\n"
        ),
        "{}",
        code.stdout
    );
    let code = run(&["--table", PROBLEMS, "404", "--json"]);
    let value: serde_json::Value = serde_json::from_str(&code.stdout).unwrap();
    assert_eq!(
        value["problems"],
        serde_json::json!(["maintenance-window", "project-not-found"])
    );
    let unknown = run(&["--table", PROBLEMS, "out-of-credits"]);
    assert_eq!(unknown.status, 1, "{}", unknown.stdout);
}

#[test]
fn check_counts_problem_types_and_their_missing_texts() {
    let outcome = run(&["check", PROBLEMS]);
    assert_eq!(outcome.status, 0, "{}", outcome.stderr);
    assert_eq!(
        outcome.stdout,
        "../../../tests/problems.toml: 2 codes, 4 locales (en, zh-CN, zh-TW, zh-HK), 3 problem types; \
         texts missing: zh-CN 1 problem type; zh-TW 1 message, 2 problem types; \
         zh-HK 1 message, 3 problem types\n"
    );
}

#[test]
fn every_export_holds_the_problem_types() {
    let export = |format: &str, lang: Option<&str>| {
        let mut args = vec!["export", "--format", format, PROBLEMS];
        if let Some(lang) = lang {
            args.extend(["--lang", lang]);
        }
        let outcome = run(&args);
        assert_eq!(outcome.status, 0, "{}", outcome.stderr);
        outcome.stdout
    };
    let markdown = export("markdown", Some("en"));
    assert!(
        markdown.contains(
            "\n## Problem types\n\n### 403 Forbidden\n\n\
             | Problem type | Type | Title | Detail |\n\
             | --- | --- | --- | --- |\n\
             | out-of-credit | https://example.com/probs/out-of-credit | You do not have enough credit. \
             | Your current balance is {balance}, but that costs {cost}. |\n"
        ),
        "{markdown}"
    );
    // Side by side, a locale's column holds only its own texts.
    let side_by_side = export("markdown", None);
    assert!(
        side_by_side.contains(
            "| Problem type | Type | Title (en) | Title (zh-CN) | Title (zh-TW) | Detail (en) \
             | Detail (zh-CN) | Detail (zh-TW) |\n"
        ),
        "{side_by_side}"
    );
    let html = export("html", Some("zh-HK"));
    assert!(
        html.contains("<section id=\"problems\">\n<h2>問題類型</h2>\n<section id=\"problems-403\">\n<h3 lang=\"en\">403 Forbidden</h3>"),
        "{html}"
    );
    // zh-HK shows zh-TW's texts, and the default's where zh-TW has none, each marked.
    assert!(
        html.contains(
            "<tr id=\"problem-out-of-credit\"><td>out-of-credit</td>\
             <td>https://example.com/probs/out-of-credit</td>\
             <td lang=\"zh-TW\">您的餘額不足。</td>\
             <td lang=\"zh-TW\">您目前的餘額為 {balance}，但該操作需要 {cost}。</td></tr>"
        ),
        "{html}"
    );
    assert!(
        html.contains("<td lang=\"en\">The project does not exist.</td>"),
        "{html}"
    );
    let json: serde_json::Value = serde_json::from_str(&export("json", None)).unwrap();
    let credit = &json["problems"][1];
    assert_eq!(credit["problem"], "out-of-credit");
    assert_eq!(credit["struct"], "OutOfCredit");
    assert_eq!(credit["title"]["zh-CN"], "您的余额不足。");
    assert_eq!(credit["language"]["zh-HK"], "zh-TW");
    let csv = export("csv", Some("zh-CN"));
    assert!(
        csv.contains(
            "\r\n\r\nproblem,struct,status,type,fields,title.zh-CN,detail.zh-CN\r\n\
             maintenance-window,MaintenanceWindow,404,https://example.com/probs/maintenance,,\
             Down for maintenance.,Come back later.\r\n"
        ),
        "{csv}"
    );
    // A table without problem types exports as before: no key, no records.
    let plain = run(&["export", "--format", "json", "vendor.toml"]).stdout;
    assert!(!plain.contains("\"problems\""), "{plain}");
}
