//! The whole generator under libFuzzer: each input is decoded into a set of files (a root table
//! and the bases it extends, with directories and links among them), written to a directory of
//! this process, and loaded as the macro loads a table. The decoding and the property checked
//! are the ones `tests/no_panic.rs` runs on stable.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/file_set/mod.rs"]
mod file_set;

fuzz_target!(|input: &[u8]| {
    let case = std::env::temp_dir().join(format!("status-codegen-fuzz-{}", std::process::id()));
    if let Err(problem) = file_set::run(input, &case) {
        panic!("{problem}");
    }
});
