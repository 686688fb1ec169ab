//! The `status-codes` binary, run as a user runs it: arguments in, stdout, stderr and the exit

// A panic in these helpers is a failing test, which is what is wanted.
#![allow(clippy::unwrap_used)]
//! status out. The environment's locale variables are cleared unless a test sets them.

use std::process::Command;

struct Outcome {
    status: i32,
    stdout: String,
    stderr: String,
}

fn run_with_env(args: &[&str], env: &[(&str, &str)]) -> Outcome {
    let mut command = Command::new(env!("CARGO_BIN_EXE_status-codes"));
    command.args(args);
    for name in ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(name);
    }
    command.envs(env.iter().copied());
    let output = command.output().unwrap();
    Outcome {
        status: output.status.code().unwrap(),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

fn run(args: &[&str]) -> Outcome {
    run_with_env(args, &[])
}

/// The codes at the start of each line of a list.
fn listed_codes(stdout: &str) -> Vec<u16> {
    stdout
        .lines()
        .map(|line| line.split_whitespace().next().unwrap().parse().unwrap())
        .collect()
}

const NOT_FOUND_EN: &str = "The server could not find the requested page.";
const NOT_FOUND_ZH: &str = "服务器无法找到被请求的页面。";

#[test]
fn looks_a_code_up_by_number() {
    let out = run(&["404"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(out.stderr.is_empty());
    let expected = format!(
        "404 Not Found\n\
         \x20 class      client error (4xx)\n\
         \x20 message    {NOT_FOUND_EN}\n\
         \x20 scenario   Resource does not exist (querying non-existent project ID, ECS ID, task ID)\n"
    );
    assert!(out.stdout.starts_with(&expected), "{}", out.stdout);
    // RFC 9110 does not say whether a 404 lasts: the table gives no retry fact for it.
    assert!(!out.stdout.contains("  retry "), "{}", out.stdout);
    let unavailable = run(&["503"]).stdout;
    assert!(
        unavailable.ends_with("  retry      yes: the same request may succeed later\n"),
        "{unavailable}"
    );
}

#[test]
fn looks_a_code_up_by_name_alias_or_variant() {
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
    assert!(by_number.contains("  aliases    Request Entity Too Large, Content Too Large\n"));
}

#[test]
fn lists_a_class() {
    let out = run(&["4xx"]);
    assert_eq!(out.status, 0);
    assert_eq!(
        listed_codes(&out.stdout),
        [
            400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416,
            417, 418, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451
        ]
    );
    let line = out
        .stdout
        .lines()
        .find(|line| line.starts_with("404"))
        .unwrap();
    assert_eq!(
        line,
        format!("404  Not Found                        {NOT_FOUND_EN}")
    );
    assert_eq!(listed_codes(&run(&["1XX"]).stdout), [100, 101, 102, 103]);
}

#[test]
fn without_a_query_lists_every_code() {
    let out = run(&[]);
    assert_eq!(out.status, 0);
    let codes = listed_codes(&out.stdout);
    assert_eq!(codes.len(), 62);
    assert!(codes.is_sorted());
}

#[test]
fn searches_the_descriptions_in_every_language() {
    // English text, shown in English.
    let out = run(&["--search", "TIMEOUT"]);
    assert_eq!(out.status, 0);
    assert_eq!(listed_codes(&out.stdout), [408, 504]);
    let out = run(&["--search", "timed out"]);
    assert_eq!(listed_codes(&out.stdout), [408, 504]);
    // Chinese text finds the codes; it is shown in the language asked for.
    let out = run(&["--search", "被请求的页面"]);
    assert_eq!(listed_codes(&out.stdout), [401, 404]);
    assert!(out.stdout.contains(NOT_FOUND_EN));
    let out = run(&["-s", "被请求的页面", "--lang", "zh-CN"]);
    assert!(out.stdout.contains(NOT_FOUND_ZH));
    let out = run(&["--search", "超时"]);
    assert_eq!(listed_codes(&out.stdout), [408, 504]);
    // Aliases and notes are searched too.
    assert_eq!(
        listed_codes(&run(&["--search", "unprocessable content"]).stdout),
        [422]
    );
}

#[test]
fn language_comes_from_the_flag_then_the_environment() {
    let zh = run(&["--lang", "zh-CN", "404"]);
    assert!(
        zh.stdout
            .contains(&format!("  message    {NOT_FOUND_ZH}\n"))
    );
    let from_lang = run_with_env(&["404"], &[("LANG", "zh_CN.UTF-8")]);
    assert_eq!(from_lang.stdout, zh.stdout);
    // LC_ALL wins over LANG; the flag wins over both.
    let lc_all = run_with_env(
        &["404"],
        &[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "en_US.UTF-8")],
    );
    assert!(lc_all.stdout.contains(NOT_FOUND_EN));
    let flag = run_with_env(&["--lang=en", "404"], &[("LC_ALL", "zh_CN.UTF-8")]);
    assert!(flag.stdout.contains(NOT_FOUND_EN));
    // LANGUAGE, a list in order of preference, comes before the locale.
    let language = run_with_env(
        &["404"],
        &[("LANG", "en_US.UTF-8"), ("LANGUAGE", "fr:zh_CN")],
    );
    assert_eq!(language.stdout, zh.stdout);
    // A locale the table lacks falls back to the default rather than failing.
    let other = run_with_env(&["404"], &[("LANG", "fr_FR.UTF-8")]);
    assert_eq!(other.status, 0);
    assert!(other.stdout.contains(NOT_FOUND_EN));
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
    assert_eq!(value["message"], NOT_FOUND_ZH);
    assert_eq!(value["retry_unchanged"], serde_json::Value::Null);
    assert_eq!(value["aliases"], serde_json::json!([]));

    let value: serde_json::Value = serde_json::from_str(&run(&["5xx", "--json"]).stdout).unwrap();
    let codes: Vec<u64> = value
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["code"].as_u64().unwrap())
        .collect();
    assert_eq!(
        codes,
        [500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511]
    );
    assert!(value[0]["note"].is_string());
    assert!(value[1]["note"].is_null());
}

#[test]
fn nothing_found_is_an_error_on_stderr() {
    for (args, message) in [
        (
            &["kettle"][..],
            "error: no status code matches \"kettle\"\n",
        ),
        (&["499"], "error: no status code matches \"499\"\n"),
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
            .contains("status-codes --search \"kettle\"")
    );
}

#[test]
fn usage_mistakes_exit_with_2() {
    for (args, message) in [
        (
            &["--lang", "fr", "404"][..],
            "unknown language \"fr\" for --lang; the table has en, zh-CN",
        ),
        (&["--lang"], "missing argument for option '--lang'"),
        (&["--colour"], "invalid option '--colour'"),
        (
            &["--search", "x", "404"],
            "give either --search or a code, not both",
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
        assert!(out.stderr.contains("status-codes --help"));
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
    assert!(help.stdout.contains("--search TEXT"));
    let version = run(&["-V"]);
    assert_eq!(
        version.stdout,
        format!("status-codes {}\n", env!("CARGO_PKG_VERSION"))
    );
}
