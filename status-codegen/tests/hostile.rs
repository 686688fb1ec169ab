//! Hostile and unlucky input through the public API: each case here once made the generator
//! hang, exhaust memory, overflow the stack or print raw terminal controls. Each test asserts
//! the bounded, named error that replaced that behaviour.

// The helpers are test code too: a panic in one is a failing test.
#![allow(clippy::unwrap_used)]

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use status_codegen::{Errors, MAX_SHOWN, WINDOW};

/// A fresh directory for one test under cargo's temporary directory for this package.
fn scratch_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("hostile")
        .join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `work` on its own thread and fails if it has not returned within a minute: the cases
/// here used to hang the build, and a hung test would say nothing.
fn within_a_minute<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> T {
    let (sender, receiver) = mpsc::channel();
    thread::spawn(move || {
        let _ = sender.send(work());
    });
    receiver
        .recv_timeout(Duration::from_secs(60))
        .expect("still running after a minute, or panicked")
}

/// The errors of a table that must be refused.
fn refused(result: Result<status_codegen::Table, Errors>) -> Errors {
    match result {
        Ok(_) => panic!("the table was accepted"),
        Err(errors) => errors,
    }
}

/// The number in "N more mistakes not shown", if the last message is that count.
fn hidden_count(errors: &Errors) -> Option<usize> {
    let last = errors.messages.last()?;
    last.strip_suffix(" more mistakes not shown; fix these first")?
        .parse()
        .ok()
}

// Item 3 of the hostile-input issue: output grew with the square of a line's length.

/// One line of at least `bytes` bytes: a `codes` inline table whose every entry is a mistake
/// (a key that is not a number, and no `name`).
fn one_line_of_mistakes(bytes: usize) -> String {
    let mut line = String::from("codes = {");
    let mut entry = 0;
    while line.len() < bytes {
        write!(line, "c{entry} = {{}}, ").unwrap();
        entry += 1;
    }
    line.push('}');
    line
}

/// Checks the bounds every rendering of many mistakes on one long line must keep.
fn assert_bounded(errors: &Errors, at_least: usize) {
    let rendered = errors.to_string();
    assert!(
        rendered.len() < 1_000_000,
        "{} bytes of diagnostics",
        rendered.len()
    );
    assert_eq!(errors.messages.len(), MAX_SHOWN + 1);
    let hidden = hidden_count(errors).expect("the last message counts the rest");
    assert!(
        MAX_SHOWN + hidden >= at_least,
        "only {} mistakes counted",
        MAX_SHOWN + hidden
    );
    // Each snippet line is the window, plus an ellipsis at each end where it was cut.
    for line in rendered.lines().filter(|line| line.starts_with("1 | ")) {
        let shown = line["1 | ".len()..].chars().count();
        assert!(shown <= WINDOW + 2, "a snippet line of {shown} characters");
    }
}

#[test]
fn thousands_of_mistakes_on_a_39_kb_line_print_a_bounded_report() {
    let line = one_line_of_mistakes(39_000);
    let errors = within_a_minute(move || refused(status_codegen::load_str("long.toml", &line)));
    assert_bounded(&errors, 5_000);
    // The first mistake is at column 10, so its window starts at the line's start.
    assert!(
        errors.messages[1].contains(" --> long.toml:1:10\n  |\n1 | codes = {c0 = {}, c1 = {}, "),
        "{}",
        errors.messages[1]
    );
}

#[test]
fn a_169_kb_line_of_mistakes_prints_a_bounded_report() {
    let line = one_line_of_mistakes(169_000);
    let errors = within_a_minute(move || refused(status_codegen::load_str("long.toml", &line)));
    assert_bounded(&errors, 20_000);
    // A mistake far along the line is shown cut on both sides, its carets under it.
    let last_shown = &errors.messages[MAX_SHOWN - 1];
    let snippet = last_shown
        .lines()
        .find(|line| line.starts_with("1 | "))
        .unwrap();
    assert!(
        snippet.starts_with("1 | …") && snippet.ends_with('…'),
        "{snippet}"
    );
}

/// Terminal columns of text as the diagnostics count them: CJK characters take two.
fn columns(text: &str) -> usize {
    text.chars()
        .map(|c| {
            if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
                2
            } else {
                1
            }
        })
        .sum()
}

#[test]
fn a_window_into_a_line_of_wide_characters_keeps_the_carets_under_the_span() {
    let wide = "服务器无法找到被请求的页面".repeat(30);
    let text = format!(
        "locales = {{ default = \"zh-CN\" }}\ncodes = {{ 404 = {{ name = \"Not Found\", message = {{ zh-CN = \"{wide}\" }}, nmae = \"{wide}\" }} }}\n"
    );
    let errors = refused(status_codegen::load_str("wide.toml", &text));
    let message = errors
        .messages
        .iter()
        .find(|message| message.starts_with("unknown key `nmae`"))
        .unwrap_or_else(|| panic!("{errors}"));
    let lines: Vec<&str> = message.lines().collect();
    let snippet = lines
        .iter()
        .position(|line| line.starts_with("2 | "))
        .unwrap();
    let shown = &lines[snippet]["2 | ".len()..];
    let carets = &lines[snippet + 1]["  | ".len()..];
    // The line was cut to a window, with wide characters on both sides of the span.
    assert!(shown.starts_with('…') && shown.ends_with('…'), "{message}");
    assert!(shown.chars().count() <= WINDOW + 2, "{message}");
    let before = &shown[..shown.find("nmae").unwrap()];
    assert!(before.contains('页'), "{message}");
    assert_eq!(
        carets,
        format!("{}^^^^ unknown key", " ".repeat(columns(before))),
        "{message}"
    );
}

// Item 4: files were read whatever their type, so a FIFO hung the build and a device
// exhausted its memory.

/// The one error of a table whose `extends` names `target`, which is refused before any read.
fn extends_error(dir: &Path, target: &str) -> String {
    fs::write(dir.join("codes.toml"), format!("extends = \"{target}\"\n")).unwrap();
    let dir = dir.to_path_buf();
    let errors = within_a_minute(move || refused(status_codegen::load_path(&dir, "codes.toml")));
    assert_eq!(errors.messages.len(), 1, "{errors}");
    errors.messages[0].clone()
}

/// Asserts `message` names `name` as a file that is not read, for `why`, at the `extends`.
fn assert_not_read(message: &str, name: &str, why: &str) {
    let expected = format!("cannot read `{name}`: {why}");
    assert!(message.starts_with(&expected), "{message}");
    assert!(message.contains("\n --> codes.toml:1:11\n"), "{message}");
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_by_type_without_blocking() {
    let dir = scratch_dir("fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(dir.join("pipe.toml"))
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    // Opening a FIFO with no writer blocks, so finishing at all shows it was never opened.
    let message = extends_error(&dir, "pipe.toml");
    assert_not_read(&message, "pipe.toml", "it is not a regular file");
    // The same as the root file.
    let root = within_a_minute(move || refused(status_codegen::load_path(&dir, "pipe.toml")));
    assert!(
        root.messages[0].starts_with("cannot read `pipe.toml`: it is not a regular file"),
        "{root}"
    );
}

#[cfg(unix)]
#[test]
fn devices_and_links_to_them_are_refused_by_type() {
    let dir = scratch_dir("devices");
    // `/dev/zero` is endless: read, it would fill the size bound and be called too large.
    let root = within_a_minute(|| refused(status_codegen::load_path(Path::new("/"), "dev/zero")));
    assert!(
        root.messages[0].starts_with("cannot read `dev/zero`: it is not a regular file"),
        "{root}"
    );
    // As a base, a device is outside the project, and refused before it is looked at.
    let message = extends_error(&dir, "/dev/zero");
    assert!(
        message.starts_with("`extends` may not name `/dev/zero`: it is an absolute path"),
        "{message}"
    );
    std::os::unix::fs::symlink("/dev/urandom", dir.join("random.toml")).unwrap();
    let message = extends_error(&dir, "random.toml");
    assert!(
        message.starts_with(
            "`extends` may not name `random.toml`: it is a link to a file outside the project"
        ),
        "{message}"
    );
}

#[test]
fn a_directory_is_refused_by_type() {
    let dir = scratch_dir("directory");
    fs::create_dir_all(dir.join("base.toml")).unwrap();
    let message = extends_error(&dir, "base.toml");
    assert_not_read(&message, "base.toml", "it is a directory, not a file");
    let errors = refused(status_codegen::load_path(&dir, "base.toml"));
    assert!(
        errors.messages[0].starts_with("cannot read `base.toml`: it is a directory, not a file"),
        "{errors}"
    );
}

// Item 7: a long fallback chain took cubic time and overflowed the stack.

/// The `index`th of a million distinct private-use tags (`x-l000001`), which the registry
/// check lets through.
fn tag(index: usize) -> String {
    format!("x-l{index:06}")
}

/// A table whose locales 1..=`length` each fall back to the next one. Code 404 has a message in
/// every locale; code 500 only in the default and the last locale of the chain.
fn chain_table(length: usize) -> String {
    let fallback: Vec<String> = (1..length)
        .map(|index| format!("{}=\"{}\"", tag(index), tag(index + 1)))
        .collect();
    let messages: Vec<String> = (1..=length)
        .map(|index| format!("{}=\"m{index}\"", tag(index)))
        .collect();
    format!(
        "[locales]\ndefault = \"en\"\nfallback = {{ {} }}\n[codes.404]\nname = \"Not Found\"\nmessage = {{ en = \"m0\", {} }}\n[codes.500]\nname = \"Internal Server Error\"\nmessage = {{ en = \"default\", {} = \"end\" }}\n",
        fallback.join(", "),
        messages.join(", "),
        tag(length)
    )
}

#[test]
fn a_chain_of_200_000_locales_is_refused_over_the_cap() {
    // The test thread's stack is the default 2 MiB, on which the recursive walk overflowed.
    let text = chain_table(200_000);
    let errors = within_a_minute(move || refused(status_codegen::load_str("chain.toml", &text)));
    assert_eq!(errors.messages.len(), 1, "{errors}");
    assert!(
        errors.messages[0].starts_with(
            "the table has 200001 locales; at most 1024 are allowed\n --> chain.toml:6:"
        ),
        "{errors}"
    );
}

#[test]
fn a_chain_of_1000_locales_is_followed_to_its_end() {
    let table = status_codegen::load_str("chain.toml", &chain_table(1_000)).unwrap();
    assert_eq!(table.locales().len(), 1_001);
    for (index, locale) in table.locales().iter().enumerate().skip(1) {
        assert_eq!(locale.tag(), tag(index));
        // Each locale falls back along the rest of the chain, then to the default.
        let expected: Vec<usize> = (index + 1..=1_000).chain([0]).collect();
        assert_eq!(locale.fallback_chain(), expected, "{}", locale.tag());
    }
    // Every locale has its own message for 404, and finds 500's at the end of its chain.
    assert_eq!(table.codes()[0].message()[1_000], "m1000");
    assert_eq!(table.codes()[1].message()[0], "default");
    assert!(
        table.codes()[1].message()[1..]
            .iter()
            .all(|text| text == "end")
    );
}

// Item 8: raw control and bidirectional characters from a path reached the diagnostics.

/// A file name a hostile repository could hold: a terminal escape, a bidirectional override,
/// a carriage return and a line break.
#[cfg(unix)]
const HOSTILE_NAME: &str = "a\u{1b}[2J\u{202e}lmot.\r\nb.toml";

/// Asserts no message holds a character that would act on a terminal instead of showing.
fn assert_inert(errors: &Errors) {
    for message in &errors.messages {
        let raw = message.chars().find(|&c| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        });
        assert!(raw.is_none(), "raw {raw:?} in:\n{message}");
        // A line break from the name would fake a line of the compiler's own output.
        assert!(
            !message.contains("\nb.toml"),
            "a raw line break:\n{message}"
        );
    }
}

#[cfg(unix)]
#[test]
fn control_characters_in_a_missing_root_file_name_are_escaped() {
    let dir = scratch_dir("hostile-missing-root");
    let errors = refused(status_codegen::load_path(&dir, HOSTILE_NAME));
    assert_inert(&errors);
    assert!(
        errors.messages[0]
            .starts_with("cannot read `a\\u{1b}[2J\\u{202e}lmot.\\u{d}\\u{a}b.toml`: no such file"),
        "{errors}"
    );
}

#[cfg(unix)]
#[test]
fn control_characters_in_a_root_file_name_are_escaped_in_its_snippets() {
    let dir = scratch_dir("hostile-root");
    fs::write(dir.join(HOSTILE_NAME), "[locales]\ndefault = \"en\"\n").unwrap();
    let errors = refused(status_codegen::load_path(&dir, HOSTILE_NAME));
    assert_inert(&errors);
    assert!(
        errors.messages[0].contains("\n --> a\\u{1b}[2J\\u{202e}lmot.\\u{d}\\u{a}b.toml:1:1\n"),
        "{errors}"
    );
}

#[cfg(unix)]
#[test]
fn a_base_named_with_control_characters_is_refused_unread_and_escaped() {
    let dir = scratch_dir("hostile-base");
    fs::write(
        dir.join("codes.toml"),
        "extends = \"a\\u001b[2J\\u202elmot.\\r\\nb.toml\"\n",
    )
    .unwrap();
    for exists in [false, true] {
        if exists {
            fs::write(
                dir.join(HOSTILE_NAME),
                "[locales]\ndefault = \"en\"\nnmae = 1\n",
            )
            .unwrap();
        }
        let errors = refused(status_codegen::load_path(&dir, "codes.toml"));
        assert_inert(&errors);
        assert_eq!(errors.messages.len(), 1, "{errors}");
        assert!(
            errors.messages[0].starts_with(
                "`extends` may not name `a\\u{1b}[2J\\u{202e}lmot.\\u{d}\\u{a}b.toml`: it holds a control"
            ),
            "{errors}"
        );
    }
}

/// A cycle through a hostile root file name, closed by a link, names the root escaped.
#[cfg(unix)]
#[test]
fn control_characters_in_a_cycle_are_escaped() {
    let dir = scratch_dir("hostile-cycle");
    fs::write(dir.join(HOSTILE_NAME), "extends = \"b.toml\"\n").unwrap();
    fs::write(dir.join("b.toml"), "extends = \"root.toml\"\n").unwrap();
    std::os::unix::fs::symlink(dir.join(HOSTILE_NAME), dir.join("root.toml")).unwrap();
    let errors = refused(status_codegen::load_path(&dir, HOSTILE_NAME));
    assert_inert(&errors);
    assert!(
        errors.messages[0].starts_with(
            "`extends` makes a cycle: a\\u{1b}[2J\\u{202e}lmot.\\u{d}\\u{a}b.toml → b.toml → a\\u{1b}[2J\\u{202e}lmot.\\u{d}\\u{a}b.toml\n"
        ),
        "{errors}"
    );
}

#[test]
fn a_long_base_path_keeps_its_file_name_in_the_error() {
    let dir = scratch_dir("long-base");
    let base = format!("{}base.toml", "nested-directory/".repeat(20));
    let message = extends_error(&dir, &base);
    let named = message.lines().next().unwrap();
    assert!(
        named.ends_with("directory/nested-directory/base.toml`: no such file"),
        "{named}"
    );
    assert!(named.chars().count() < 250, "{named}");
}

/// The pair, `es-419-1234` and `es-4191234`, is now refused earlier (`1234` is no
/// registered variant); private-use subtags give the same collision with tags that pass.
#[test]
fn locale_tags_that_give_one_variant_are_an_error_naming_both() {
    let errors = refused(status_codegen::load_str(
        "codes.toml",
        "[locales]\ndefault = \"en\"\n[codes.404]\nname = \"Not Found\"\nmessage.en = \"x\"\nmessage.es-x-419-1234 = \"x\"\nmessage.es-x-4191234 = \"x\"\n",
    ));
    assert_eq!(errors.messages.len(), 1, "{errors}");
    let expected =
        "locales `es-x-419-1234` and `es-x-4191234` would both be the variant `Locale::EsX4191234`
 --> codes.toml:7:9
  |
7 | message.es-x-4191234 = \"x\"
  |         ^^^^^^^^^^^^ this tag
 ::: codes.toml:6:9
  |
6 | message.es-x-419-1234 = \"x\"
  |         ------------- and this one
  |
  = help: use one of the two tags only";
    assert_eq!(errors.messages[0], expected);
}

// `extends` read any file and quoted it: `extends = "/proc/self/environ"` printed the build's
// environment as the snippet of a TOML error.

/// A workspace with a crate, a shared table beside the crate, and a secret outside: the
/// directory of the workspace, and the secret's file.
fn project_with_a_secret_outside(name: &str) -> (PathBuf, PathBuf) {
    let dir = scratch_dir(name);
    let workspace = dir.join("workspace");
    fs::create_dir_all(workspace.join("crate")).unwrap();
    fs::create_dir_all(workspace.join("shared")).unwrap();
    fs::write(
        workspace.join("Cargo.toml"),
        "[workspace]\nmembers = [\"crate\"]\n",
    )
    .unwrap();
    fs::write(
        workspace.join("crate/Cargo.toml"),
        "[package]\nname = \"c\"\n",
    )
    .unwrap();
    fs::write(
        workspace.join("shared/base.toml"),
        "extends = \"standard\"\n[codes.499]\nname = \"Client Closed Request\"\nmessage.en = \"Gone.\"\n",
    )
    .unwrap();
    fs::write(workspace.join("shared/.env"), "TOKEN=hunter2\n").unwrap();
    // Broken TOML: read, its line would be quoted in the error.
    let secret = dir.join("secret.toml");
    fs::write(&secret, "TOKEN=hunter2 !\n").unwrap();
    (workspace, secret)
}

/// The one error of the crate's `codes.toml` extending `target`; it quotes nothing read from
/// outside.
fn refused_extends(workspace: &Path, target: &str) -> String {
    let root = workspace.join("crate");
    fs::write(root.join("codes.toml"), format!("extends = \"{target}\"\n")).unwrap();
    let errors = refused(status_codegen::load_path(&root, "codes.toml"));
    assert_eq!(errors.messages.len(), 1, "{errors}");
    assert!(!errors.to_string().contains("hunter2"), "{errors}");
    errors.messages[0].clone()
}

#[test]
fn extends_reaches_only_toml_files_inside_the_workspace() {
    let (workspace, secret) = project_with_a_secret_outside("extends-project");
    // Beside the crate, inside the workspace: read.
    fs::write(
        workspace.join("crate/codes.toml"),
        "extends = \"../shared/base.toml\"\n",
    )
    .unwrap();
    let table = status_codegen::load_path(&workspace.join("crate"), "codes.toml").unwrap();
    assert!(table.codes().iter().any(|code| code.code() == 499));

    let absolute = secret.to_str().unwrap().to_string();
    let cases = [
        (absolute.as_str(), "it is an absolute path"),
        ("../../secret.toml", "it leads outside the project"),
        (
            "../../../../../../../../../../etc/passwd",
            "it is not a `.toml` file",
        ),
        ("../shared/.env", "it is not a `.toml` file"),
    ];
    for (target, why) in cases {
        let message = refused_extends(&workspace, target);
        let expected = format!("`extends` may not name `{target}`: {why}\n --> codes.toml:1:11");
        assert!(message.starts_with(&expected), "{message}");
        assert!(
            message.contains(
                "a `.toml` file inside the directory tree of the crate's Cargo workspace"
            ),
            "{message}"
        );
    }
}

#[cfg(unix)]
#[test]
fn extends_refuses_links_that_lead_outside_or_to_other_files() {
    let (workspace, secret) = project_with_a_secret_outside("extends-links");
    let link = |name: &str, target: &Path| {
        std::os::unix::fs::symlink(target, workspace.join("crate").join(name)).unwrap();
    };
    link("base.toml", &secret);
    link("env.toml", &workspace.join("shared/.env"));
    link("dir", secret.parent().unwrap());
    link("shared.toml", &workspace.join("shared/base.toml"));
    let outside = "it is a link to a file outside the project";
    for (target, why) in [
        ("base.toml", outside),
        ("dir/secret.toml", outside),
        (
            "env.toml",
            "it is a link to a file that is not a `.toml` file",
        ),
    ] {
        let message = refused_extends(&workspace, target);
        let expected = format!("`extends` may not name `{target}`: {why}\n");
        assert!(message.starts_with(&expected), "{message}");
    }
    // A link inside the project is followed.
    fs::write(
        workspace.join("crate/codes.toml"),
        "extends = \"shared.toml\"\n",
    )
    .unwrap();
    assert!(status_codegen::load_path(&workspace.join("crate"), "codes.toml").is_ok());
}

/// The command-line tool applies the rule from the table's own directory.
#[test]
fn a_table_given_to_the_tool_extends_only_inside_its_workspace() {
    let (workspace, _) = project_with_a_secret_outside("extends-tool");
    let table = workspace.join("crate/tool.toml");
    fs::write(&table, "extends = \"../../secret.toml\"\n").unwrap();
    let errors = refused(status_codegen::load_file(table.to_str().unwrap()));
    assert!(!errors.to_string().contains("hunter2"), "{errors}");
    assert!(
        errors.messages[0].starts_with(
            "`extends` may not name `../../secret.toml`: it leads outside the project"
        ),
        "{errors}"
    );
    assert!(
        errors.messages[0].contains("the table's Cargo workspace"),
        "{errors}"
    );
    fs::write(&table, "extends = \"../shared/base.toml\"\n").unwrap();
    assert!(status_codegen::load_file(table.to_str().unwrap()).is_ok());
}

// Some errors had no position: a dotted key too long reported "recursion limit" at 1:1, a file
// not UTF-8 said so without saying where, and a second byte order mark was shown raw.

#[test]
fn a_dotted_key_too_long_is_shown_where_it_passes_the_limit() {
    let key = vec!["a"; 127].join(".");
    let text = format!("[locales]\ndefault = \"en\"\n\n{key} = 1\n");
    let errors = refused(status_codegen::load_str("deep.toml", &text));
    assert_eq!(errors.messages.len(), 1, "{errors}");
    // The 81st part, at column 161 of line 4.
    assert!(
        errors.messages[0].starts_with("invalid TOML\n --> deep.toml:4:161\n"),
        "{errors}"
    );
    assert!(
        errors.messages[0].contains("^ recursion limit\n"),
        "{errors}"
    );
    assert!(
        errors.messages[0].contains("help: a dotted key may have at most 80 parts"),
        "{errors}"
    );
}

#[test]
fn a_file_not_utf8_is_refused_at_its_first_bad_byte() {
    let dir = scratch_dir("not-utf8");
    fs::write(
        dir.join("base.toml"),
        b"[locales]\ndefault = \"en\"\n[codes.404]\nname = \"Caf\xe9\"\n",
    )
    .unwrap();
    fs::write(dir.join("codes.toml"), "extends = \"base.toml\"\n").unwrap();
    let expected = "byte 0xE9 at line 4, column 12 is not part of a UTF-8 character";
    let errors = refused(status_codegen::load_path(&dir, "codes.toml"));
    assert!(
        errors.messages[0].starts_with(&format!(
            "cannot read `base.toml`: it is not UTF-8 text: {expected}"
        )),
        "{errors}"
    );
    assert!(
        errors.messages[0].contains("\n --> codes.toml:1:11\n"),
        "{errors}"
    );
    let errors = refused(status_codegen::load_path(&dir, "base.toml"));
    assert!(errors.messages[0].contains(expected), "{errors}");
}

#[test]
fn a_second_byte_order_mark_is_shown_escaped_and_named() {
    let text = "\u{feff}[locales]\ndefault = \"en\"\n\u{feff}[codes.404]\n";
    let errors = refused(status_codegen::load_str("joined.toml", text));
    let first = &errors.messages[0];
    assert!(
        first.starts_with("invalid TOML\n --> joined.toml:3:1\n"),
        "{errors}"
    );
    assert!(first.contains("3 | \\u{feff}[codes.404]\n"), "{errors}");
    assert!(
        first.contains("^^^^^^^^ a byte order mark (U+FEFF) here"),
        "{errors}"
    );
    assert!(!errors.to_string().contains('\u{feff}'), "{errors}");
}
