//! The generator behind `status_codes!`: a TOML table of status codes in, Rust tokens out.
//!
//! The pipeline runs one way: [`source`] (the files read) → [`parse`] (TOML into a spanned
//! [`ast`], once per file of an `extends` chain) → [`layer`] (the chain folded into one document)
//! → [`valid`] (rules checked, into a [`model`]) → [`expand`] (tokens). Every phase reports into
//! one [`diag::Diagnostics`] collector, so a build shows every mistake at once.
//! It works on `proc_macro2`, so tests and fuzzers call it directly.
//!
//! ```
//! let tokens = status_codegen::generate_from_str(
//!     "codes.toml",
//!     r#"
//!         [locales]
//!         default = "en"
//!
//!         [codes.404]
//!         name = "Not Found"
//!         message.en = "Nothing here."
//!     "#,
//! )
//! .unwrap();
//! assert!(tokens.to_string().contains("NotFound = 404"));
//! ```

pub mod ast;
mod cldr;
pub mod diag;
pub mod expand;
pub mod layer;
pub mod model;
pub mod names;
pub mod parse;
pub mod source;
pub mod tag;
pub mod valid;

use std::path::Path;

use proc_macro2::TokenStream;

use crate::diag::{Diagnostic, Diagnostics};
use crate::source::{SourceFile, Sources};

/// Why a table could not be generated: every mistake found, rendered and in file order.
#[derive(Debug)]
pub struct Errors {
    /// Each mistake as rustc-style text, without the leading `error: `.
    pub messages: Vec<String>,
}

impl std::fmt::Display for Errors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (index, message) in self.messages.iter().enumerate() {
            if index > 0 {
                f.write_str("\n\n")?;
            }
            write!(f, "error: {message}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Errors {}

/// Reads the table at `relative` (resolved against `manifest_dir`, the invoking crate's
/// `CARGO_MANIFEST_DIR`) and every table it `extends`, and generates the items, including an
/// `include_bytes!` of each file read so that cargo rebuilds when one changes.
pub fn generate_from_path(manifest_dir: &Path, relative: &str) -> Result<TokenStream, Errors> {
    let path = manifest_dir.join(relative);
    let text = std::fs::read_to_string(&path).map_err(|error| {
        let reason = layer::read_failure(&error);
        Errors {
            messages: vec![
                Diagnostic::global(format!("cannot read `{relative}`: {reason}"))
                    .help(format!(
                        "the path is relative to the crate's manifest directory; it resolved to `{}`",
                        path.display()
                    ))
                    .render(&Sources::new()),
            ],
        }
    })?;
    let mut sources = Sources::new();
    let root = sources.add(SourceFile::new(relative, Some(path), text));
    generate(sources, root, &mut |path| std::fs::read_to_string(path))
}

/// Generates the items for a table given as text. `display` names it in diagnostics. No
/// `include_bytes!` is emitted: there is no file to track. The text may extend `"standard"`,
/// but no file, as it has no directory to resolve a path against.
pub fn generate_from_str(display: &str, text: &str) -> Result<TokenStream, Errors> {
    let mut sources = Sources::new();
    let root = sources.add(SourceFile::new(display, None, text));
    generate(sources, root, &mut |_| {
        Err(std::io::Error::from(std::io::ErrorKind::Unsupported))
    })
}

fn generate(
    mut sources: Sources,
    root: source::FileId,
    read: &mut layer::Read<'_>,
) -> Result<TokenStream, Errors> {
    let mut diags = Diagnostics::default();
    let table = layer::chain(&mut sources, root, read, &mut diags)
        .and_then(|documents| layer::merge(documents, &mut diags))
        .and_then(|document| valid::table(&sources, &document, &mut diags));
    match table {
        Some(table) if diags.is_empty() => Ok(expand::table(&table)),
        _ => Err(Errors {
            messages: diags
                .into_sorted()
                .iter()
                .map(|diagnostic| diagnostic.render(&sources))
                .collect(),
        }),
    }
}
