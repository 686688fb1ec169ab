//! The integration tests that need no binary of their own, one module per file, linked once:
//! each test binary links axum, tokio and the tables, so one binary instead of fourteen saves
//! most of the link time of `cargo test`. Every module invokes the macro on its own tables, so
//! no generated state (a table's current locale) is shared between modules.
//!
//! Three tests have binaries of their own, each for a reason this one cannot meet:
//! `no_alloc.rs` installs a counting global allocator, which is per binary; `ui.rs` runs the
//! compile-fail cases under trybuild; `compile_generated.rs` compiles generated tables on every
//! edition with cargo, and runs long.

/// Whether the long run is asked for (`STATUS_CODES_FULL_TESTS=1`, as CI sets it): the property
/// tests then run all their cases. Without it they run a tenth, so that `cargo test` stays
/// quick; what each case checks is the same.
fn full_run() -> bool {
    std::env::var_os("STATUS_CODES_FULL_TESTS").is_some_and(|value| value == "1")
}

/// `full` cases in the long run, a tenth of them otherwise.
fn scaled(full: u32) -> u32 {
    if full_run() { full } else { full.div_ceil(10) }
}

mod axum;
mod current_locale;
mod doc_examples;
mod icu_agreement;
mod integrations;
mod layering;
mod locale;
mod overlays;
mod problem;
mod problem_types;
mod shipped;
mod spellings;
mod standard;
mod vendor;
