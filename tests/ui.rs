//! Compile-time behaviour: every kind of mistake in a table is a compile error that names the
//! file, line and column (`tests/ui/*.rs` with their `.stderr`), and a very large table
//! compiles (`tests/ui-pass/`).
//!
//! trybuild compiles each case in its own crate under `target/tests/trybuild/status-tests/`,
//! and the macro resolves paths against that crate's manifest directory. So the harness first
//! copies the fixtures to `ui/` there: the cases then name `ui/<case>.toml`, which is also what
//! the diagnostics show, the same on every machine. No diagnostic prints an absolute path, so the
//! snapshots hold wherever the target directory is.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

const LOCALES: [&str; 10] = [
    "en", "zh-CN", "zh-TW", "ja", "ko", "de", "fr", "es", "pt-BR", "ru",
];

/// Where trybuild builds the cases: `<target>/tests/trybuild/<package>/`.
fn trybuild_project_dir() -> PathBuf {
    let target = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("CARGO_TARGET_TMPDIR is inside the target directory");
    target.join("tests/trybuild").join(env!("CARGO_PKG_NAME"))
}

/// 900 codes (100..=999) in 10 locales.
fn big_table() -> String {
    let mut toml = String::from("[locales]\ndefault = \"en\"\n");
    for code in 100..=999 {
        write!(toml, "\n[codes.{code}]\nname = \"Code {code}\"\n").unwrap();
        for tag in LOCALES {
            writeln!(toml, "message.{tag} = \"{tag} message {code}\"").unwrap();
        }
    }
    toml
}

#[test]
fn ui() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui");
    let staged = trybuild_project_dir().join("ui");
    fs::create_dir_all(&staged).unwrap();
    for entry in fs::read_dir(&fixtures).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|ext| ext == "toml") {
            fs::copy(&path, staged.join(path.file_name().unwrap())).unwrap();
        }
    }
    fs::write(staged.join("big_table.toml"), big_table()).unwrap();

    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/*.rs");
    cases.pass("ui-pass/*.rs");
}

/// trybuild writes `$WORKSPACE` for a path inside the workspace only: with the target directory
/// elsewhere (a shared `CARGO_TARGET_DIR`) the same line shows the real path, so a snapshot
/// holding `$WORKSPACE` passes in one setup and fails in the other.
#[test]
fn snapshots_hold_wherever_the_target_directory_is() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui");
    let mut checked = 0;
    for entry in fs::read_dir(&fixtures).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|ext| ext == "stderr") {
            let stderr = fs::read_to_string(&path).unwrap();
            assert!(
                !stderr.contains("$WORKSPACE"),
                "{} names a path under the workspace:\n{stderr}",
                path.display()
            );
            checked += 1;
        }
    }
    assert!(
        checked > 20,
        "only {checked} snapshots found in {}",
        fixtures.display()
    );
}
