//! Integration tests of status-codes live beside this file. The library holds one public
//! invocation of the macro so that the generated items' documentation is checked: building it
//! fails if any public item the macro generates lacks rustdoc, and `cargo doc` shows them.

#![deny(missing_docs)]

/// The shipped table, generated as a user's crate would.
pub mod shipped {
    status_core::status_codes!("../codes.toml");
}
