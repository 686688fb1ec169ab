//! Every table the generator accepts compiles: 240 tables drawn from the property-test
//! strategies (hostile names such as `Err`, `Error`, `Some`, keywords, locale tags such as `err`)
//! are expanded by the real macro in crates that make it as hard as they can:
//!
//! - editions 2015, 2018, 2021 and 2024;
//! - `#![no_implicit_prelude]`, `#![deny(warnings)]` and `#![warn(missing_docs)]` at the root;
//! - one crate `#![no_std]` (status-core itself needs std, but the crate using it need not);
//! - in every module, user items named like the generated code's locals (`code`, `text`...),
//!   like the primitive types (`u16`, `str`...) and like the prelude (`Some`, `Option`...);
//! - status-core renamed (`sc = { package = "status-core" }`), and in one crate reached only
//!   through another crate that re-exports its macro;
//! - a third of the tables with problem types, their fields named like those user items;
//! - with status-core's `serde`, `http` and `axum` features on, half the tables with the
//!   invocation options turning them off again, and a second build with the features off.
//!
//! A plain `cargo test` compiles the first 48 of the tables, on every edition and in every kind of
//! crate above; `STATUS_CODES_FULL_TESTS=1` (as CI runs it) compiles all 240.
//!
//! The crates are written under cargo's temporary directory and built with cargo, offline, on the
//! workspace's lock file; their target directory is kept there, so later runs are incremental.

#[path = "../status-codegen/tests/strategies/mod.rs"]
mod strategies;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;

/// How many accepted tables the test compiles: a multiple of 12, so that each edition gets
/// tables of both integration settings and with problem types.
fn table_count() -> usize {
    if strategies::full_run() { 240 } else { 48 }
}

const EDITIONS: [&str; 4] = ["2015", "2018", "2021", "2024"];

/// Items a user's module may hold that the generated code must not be captured by.
const USER_ITEMS: &str = r#"
    #![allow(dead_code, non_camel_case_types, non_upper_case_globals, unused_imports)]
    const code: () = ();
    const number: () = ();
    const bytes: () = ();
    const text: () = ();
    const folded: () = ();
    const locale: () = ();
    const future: () = ();
    const row: () = ();
    const table: () = ();
    const index: () = ();
    const status: () = ();
    const f: () = ();
    const previous: () = ();
    const accept_language: () = ();
    const serializer: () = ();
    const deserializer: () = ();
    const parts: () = ();
    const header: () = ();
    const other: () = ();
    const state: () = ();
    const tag: () = ();
    const _state: () = ();
    struct u8;
    struct u16;
    struct u32;
    struct u64;
    struct i64;
    struct isize;
    struct usize;
    struct str;
    struct bool;
    struct Option;
    struct Some;
    struct None;
    struct Result;
    struct Ok;
    struct Err;
    struct Default;
    struct Iterator;
    mod core {}
    mod std {}
    mod private {}
"#;

/// Tables the generator accepts, drawn deterministically from the property-test strategy.
fn accepted_tables() -> Vec<String> {
    let strategy = strategies::table();
    let mut runner = TestRunner::deterministic();
    let count = table_count();
    let mut tables = Vec::new();
    for _ in 0..20 * count {
        if tables.len() == count {
            break;
        }
        let Ok(tree) = strategy.new_tree(&mut runner) else {
            continue;
        };
        let mut text = tree.current();
        if let Ok(table) = status_codegen::load_str("t.toml", &text) {
            if tables.len() % 3 == 0 {
                text.push_str(&problem_types(&table));
                if let Err(errors) = status_codegen::load_str("t.toml", &text) {
                    panic!("{text}\n{errors}");
                }
            }
            tables.push(text);
        }
    }
    assert_eq!(
        tables.len(),
        count,
        "the strategy gave too few valid tables"
    );
    tables
}

/// Problem types for a table, their fields named like the user items and the generated
/// code's locals: one with fields, one without.
fn problem_types(table: &status_codegen::Table) -> String {
    let status = table.codes()[0].code();
    let tag = toml_string(table.locales()[0].tag());
    format!(
        "\n[problems]\nbase = \"https://example.com/probs/\"\n\
         [problems.self-test]\nstatus = {status}\ntitle.{tag} = \"Title\"\n\
         detail.{tag} = \"{{code}} {{text}} {{locale}} {{f}} {{serializer}} {{index}} {{row}} {{{{}}}}\"\n\
         [problems.no-fields]\nstatus = {status}\ntype = \"x\"\ntitle.{tag} = \"T\"\ndetail.{tag} = \"D\"\n"
    )
}

fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// A crate whose `lib.rs` invokes `invoke` on each of `tables` (by index), each in a module of
/// its own with the user items; odd tables turn the integrations off.
fn write_crate(
    dir: &Path,
    name: &str,
    edition: &str,
    dependency: &str,
    invoke: &str,
    tables: &[usize],
) {
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"{edition}\"\npublish = false\n\n\
             [lib]\npath = \"src/lib.rs\"\n\n[dependencies]\n{dependency}\n"
        ),
    )
    .unwrap();
    let mut lib = String::from(
        "//! Generated tables.\n#![no_implicit_prelude]\n#![deny(warnings)]\n#![warn(missing_docs)]\n\n",
    );
    for &index in tables {
        let options = if index % 2 == 1 {
            ", serde = false, http = false, axum = false"
        } else {
            ""
        };
        let _ = write!(
            lib,
            "/// Table {index}.\npub mod t{index} {{\n{USER_ITEMS}\n    {invoke}!(\"../tables/t{index}.toml\"{options});\n}}\n\n"
        );
    }
    std::fs::write(dir.join("src/lib.rs"), lib).unwrap();
}

/// Builds the workspace at `dir`; on failure, the start of what cargo said.
fn build(dir: &Path, target: &Path) -> Result<(), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let output = Command::new(cargo)
        .args(["build", "--offline", "--quiet"])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs");
    if output.status.success() {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    let shown: String = stderr.chars().take(20_000).collect();
    Err(format!("cargo build in {} failed:\n{shown}", dir.display()))
}

fn workspace(dir: &Path, members: &[&str]) {
    std::fs::create_dir_all(dir).unwrap();
    let members: Vec<String> = members
        .iter()
        .map(|member| format!("\"{member}\""))
        .collect();
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[workspace]\nresolver = \"2\"\nmembers = [{}]\n",
            members.join(", ")
        ),
    )
    .unwrap();
    // The workspace's own lock file: the same versions, all already downloaded.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    std::fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
}

#[test]
fn every_accepted_table_compiles_everywhere() {
    let tables = accepted_tables();
    let base = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("compile-generated");
    let core_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../status-core");
    let core_path = toml_string(&core_path.display().to_string());
    let target = base.join("target");

    // With every feature of status-core on.
    let on = base.join("features-on");
    let _ = std::fs::remove_dir_all(on.join("tables"));
    std::fs::create_dir_all(on.join("tables")).unwrap();
    for (index, text) in tables.iter().enumerate() {
        std::fs::write(on.join(format!("tables/t{index}.toml")), text).unwrap();
    }
    let features = r#"features = ["serde", "http", "axum"]"#;
    let renamed = format!("sc = {{ package = \"status-core\", path = {core_path}, {features} }}");
    let mut members = Vec::new();
    for (slot, edition) in EDITIONS.iter().enumerate() {
        let share: Vec<usize> = (slot..tables.len()).step_by(EDITIONS.len()).collect();
        let name = format!("e{edition}");
        if *edition == "2021" {
            // Reached through a crate that re-exports the macro, not through status-core.
            write_crate(
                &on.join(&name),
                &name,
                edition,
                "facade = { path = \"../facade\" }",
                "::facade::status_codes",
                &share,
            );
        } else {
            write_crate(
                &on.join(&name),
                &name,
                edition,
                &renamed,
                "::sc::status_codes",
                &share,
            );
            let lib = on.join(&name).join("src/lib.rs");
            // `::sc` names the crate root's `sc` in edition 2015.
            let mut text = std::fs::read_to_string(&lib).unwrap().replacen(
                "\n\n",
                "\n\nextern crate sc;\n\n",
                1,
            );
            if *edition == "2018" {
                // A `no_std` crate: the generated code reaches std only through status-core.
                text = text.replacen(
                    "#![no_implicit_prelude]",
                    "#![no_std]\n#![no_implicit_prelude]",
                    1,
                );
            }
            std::fs::write(&lib, text).unwrap();
        }
        members.push(name);
    }
    std::fs::create_dir_all(on.join("facade/src")).unwrap();
    std::fs::write(
        on.join("facade/Cargo.toml"),
        format!("[package]\nname = \"facade\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\n{renamed}\n"),
    )
    .unwrap();
    std::fs::write(
        on.join("facade/src/lib.rs"),
        "//! Re-exports the macro.\npub use sc::status_codes;\n",
    )
    .unwrap();
    members.push("facade".to_string());
    let members: Vec<&str> = members.iter().map(String::as_str).collect();
    workspace(&on, &members);
    build(&on, &target).unwrap_or_else(|error| panic!("{error}"));

    // With status-core's features off: a quarter of the tables, on the oldest edition.
    let off = base.join("features-off");
    let _ = std::fs::remove_dir_all(off.join("tables"));
    std::fs::create_dir_all(off.join("tables")).unwrap();
    let share: Vec<usize> = (0..tables.len()).step_by(4).collect();
    for &index in &share {
        std::fs::write(off.join(format!("tables/t{index}.toml")), &tables[index]).unwrap();
    }
    let plain = format!("sc = {{ package = \"status-core\", path = {core_path} }}");
    write_crate(
        &off.join("plain"),
        "plain",
        "2015",
        &plain,
        "::sc::status_codes",
        &share,
    );
    let lib = off.join("plain/src/lib.rs");
    let text = std::fs::read_to_string(&lib).unwrap();
    std::fs::write(&lib, text.replacen("\n\n", "\n\nextern crate sc;\n\n", 1)).unwrap();
    workspace(&off, &["plain"]);
    build(&off, &target.join("off")).unwrap_or_else(|error| panic!("{error}"));
}

/// A table rewritten between the generator's read and the compiler's: the generator's tokens
/// for one version of the file, compiled against another, as when a table is saved (truncated,
/// then written) while `status_codes!` runs. The build fails saying so, instead of compiling
/// the table the generator saw; the same tokens compile against the file they were made from.
#[test]
fn a_table_changed_after_it_was_read_fails_the_build() {
    let base = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("compile-generated");
    let dir = base.join("changed");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("user/src")).unwrap();
    let table = dir.join("user/codes.toml");
    let whole = "[locales]\ndefault = \"en\"\n\n[codes.404]\nname = \"Not Found\"\nmessage.en = \"Nothing here.\"\n\n[codes.410]\nname = \"Gone\"\nmessage.en = \"It was here.\"\n";
    // What the generator read: the file cut after its first code.
    let part = &whole[..whole.find("[codes.410]").unwrap()];
    std::fs::write(&table, part).unwrap();
    let tokens = status_codegen::generate_from_path(&dir.join("user"), "codes.toml").unwrap();
    let core_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../status-core");
    let core_path = toml_string(&core_path.display().to_string());
    std::fs::write(
        dir.join("user/Cargo.toml"),
        format!(
            "[package]\nname = \"user\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
             [dependencies]\nstatus-core = {{ path = {core_path} }}\n"
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("user/src/lib.rs"),
        format!("//! The expansion of a table read in part.\n#![allow(missing_docs)]\n{tokens}\n"),
    )
    .unwrap();
    workspace(&dir, &["user"]);
    let target = base.join("target");
    build(&dir, &target).unwrap_or_else(|error| panic!("the file as read: {error}"));

    std::fs::write(&table, whole).unwrap();
    let error = build(&dir, &target).expect_err("the build fails once the file has changed");
    assert!(
        error.contains(
            "the table file `codes.toml` changed while status_codes! read it; build again once it is saved"
        ),
        "{error}"
    );
}
