//! The integration tests that need no binary of their own, one module per file, linked once:
//! each test binary links axum, tokio and the tables, so one binary instead of fourteen saves
//! most of the link time of `cargo test`. Every module invokes the macro on its own tables, so
//! no generated state (a table's current locale) is shared between modules.
//!
//! Three tests have binaries of their own, each for a reason this one cannot meet:
//! `no_alloc.rs` installs a counting global allocator, which is per binary; `ui.rs` runs the
//! compile-fail cases under trybuild; `compile_generated.rs` compiles generated tables on every
//! edition with cargo, and runs long.

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
