//! Integration tests of status-codes live beside this file. The library holds one public
//! invocation of the macro so that the generated items' documentation is checked: building it
//! fails if any public item the macro generates lacks rustdoc, and `cargo doc` shows them.

#![deny(missing_docs)]

/// The shipped table, generated as a user's crate would.
pub mod shipped {
    status_core::status_codes!("../codes.toml");
}

/// The README's Rust blocks, as doc-tests: they compile and run with `cargo test --workspace`.
/// What they read lies beside this file: `codes.toml` (the shipped table), and
/// `vendor-codes.toml` and `status.rs`, which `it/doc_examples.rs` checks against the README's own
/// blocks.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct Readme;
