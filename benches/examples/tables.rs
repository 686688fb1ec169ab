//! Writes the inputs of the benchmarks to standard output:
//!
//! - `tables table CODES LOCALES`: a generated table of that size, as TOML;
//! - `tables i18n TABLE.toml`: the rust-i18n locale file with the same messages;
//! - `tables expand DIR RELATIVE`: what `status_codes!(RELATIVE)` expands to in a crate whose
//!   manifest directory is DIR, as Rust source;
//! - `tables thiserror TABLE.toml` / `tables strum TABLE.toml`: a `src/lib.rs` declaring the
//!   same codes with that crate's derives, for `cold-build.sh`.
//!
//! The committed `locales/codes.json` is `tables i18n ../codes.toml`.

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["table", codes, locales] => match (codes.parse(), locales.parse()) {
            (Ok(codes), Ok(locales)) => Ok(status_bench::synthetic_table(codes, locales)),
            _ => Err("CODES and LOCALES must be numbers".to_string()),
        },
        ["i18n", path] => std::fs::read_to_string(path)
            .map_err(|error| format!("cannot read {path}: {error}"))
            .and_then(|text| status_bench::table_model(path, &text))
            .map(|table| status_bench::i18n_locale_file(&table)),
        [probe @ ("thiserror" | "strum"), path] => std::fs::read_to_string(path)
            .map_err(|error| format!("cannot read {path}: {error}"))
            .and_then(|text| status_bench::table_model(path, &text))
            .map(|table| match *probe {
                "thiserror" => status_bench::thiserror_source(&table),
                _ => status_bench::strum_source(&table),
            }),
        ["expand", dir, relative] => status_codegen::generate_from_path(Path::new(dir), relative)
            .map(|tokens| format!("{tokens}\n"))
            .map_err(|errors| errors.to_string()),
        _ => Err(
            "usage: tables table CODES LOCALES | i18n TABLE.toml | expand DIR RELATIVE \
             | thiserror TABLE.toml | strum TABLE.toml"
                .into(),
        ),
    };
    match result {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}
