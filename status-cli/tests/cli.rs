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
