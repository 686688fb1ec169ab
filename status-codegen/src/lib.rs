//! The generator behind `status_codes!`: a TOML table of status codes in, Rust tokens out.
//!
//! The pipeline runs one way: the files are read (`source`), each parsed into a spanned AST
//! (`parse`, `ast`), the `extends` chain folded into one document (`layer`), the rules checked
//! into a [`model::Table`] (`valid`), and the table expanded into tokens (`expand`). Every phase
//! reports into one collector whose only exit returns the table or the errors, so a build shows
//! every mistake at once and never fails without saying why.
//!
//! Two steps are public, so that tools can check a table without expanding it (the
//! `status-codes` command does) and tests can expand one they loaded. Only validation builds a
//! [`model::Table`] and the [`model::Ident`]s in it, and other crates can only read a table
//! (its fields are private), so [`expand()`] is only ever handed what validation checked:
//!
//! - [`load_path`] / [`load_str`]: read and check, giving the validated [`model::Table`] or
//!   the rendered [`Errors`];
//! - [`expand()`]: a table into the items `status_codes!` generates, with the invocation's
//!   [`Options`].
//!
//! ```
//! let table = status_codegen::load_str(
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
//! assert_eq!(table.codes()[0].variant(), "NotFound");
//! let tokens = status_codegen::expand(&table, &status_codegen::Options::default());
//! assert!(tokens.to_string().contains("NotFound = 404"));
//! ```

mod ast;
mod diag;
mod expand;
mod index;
mod layer;
pub mod model;
mod names;
mod order;
mod parse;
mod project;
mod source;
mod tag;
mod valid;

use std::path::Path;

use proc_macro2::TokenStream;

use crate::diag::{Diagnostic, Diagnostics};
use crate::layer::Files;
use crate::project::{Project, Start};
use crate::source::{SourceFile, Sources};

pub use crate::diag::{Errors, MAX_SHOWN, WINDOW};
pub use crate::expand::Options;
pub use crate::model::Table;
pub use crate::names::MAX_SPELLING;
pub use crate::source::MAX_FILE_SIZE;

/// Reads and checks the table at `relative` (resolved against `manifest_dir`, the invoking
/// crate's `CARGO_MANIFEST_DIR`) and every table it `extends`. Only regular files of at most
/// [`MAX_FILE_SIZE`] bytes are read, and a base table only inside the crate's Cargo workspace
/// (see the table format's `extends`).
pub fn load_path(manifest_dir: &Path, relative: &str) -> Result<Table, Errors> {
    let crate_dir = std::fs::canonicalize(manifest_dir).unwrap_or_else(|_| manifest_dir.into());
    let project =
        |_: &Path| Project::find(&crate_dir, Start::Crate, &mut project::manifest_on_disk);
    let mut files = Files {
        read: &mut source::read_file,
        resolve: &|path: &Path| std::fs::canonicalize(path),
        project: &project,
    };
    load_with(manifest_dir, relative, MANIFEST_HELP, &mut files)
}

/// Reads and checks the table at `path`, as a command-line tool is given it: relative to the
/// current directory, and named as given in diagnostics. A base table may be any `.toml` file
/// in the workspace of the root table's directory (or its crate, or that directory itself).
/// Otherwise as [`load_path`].
pub fn load_file(path: &str) -> Result<Table, Errors> {
    let help = "the path is relative to the current directory";
    let project = |dir: &Path| Project::find(dir, Start::Table, &mut project::manifest_on_disk);
    let mut files = Files {
        read: &mut source::read_file,
        resolve: &|path: &Path| std::fs::canonicalize(path),
        project: &project,
    };
    load_with(Path::new(""), path, help, &mut files)
}

/// Where the macro's path is resolved from, for the error on a root file that cannot be read.
/// No absolute path: the message reads the same on every machine and in every target directory
/// (trybuild builds its cases under the target directory).
const MANIFEST_HELP: &str = "the path is relative to the directory of the crate's Cargo.toml \
                             (CARGO_MANIFEST_DIR), not to the source file or the workspace root";

/// Checks a table given as text; `display` names it in diagnostics. It may extend
/// `"standard"`, but no file, as it has no directory to resolve a path against.
pub fn load_str(display: &str, text: &str) -> Result<Table, Errors> {
    let mut sources = Sources::new();
    let root = sources.add(SourceFile::new(display, None, text));
    let mut diags = Diagnostics::default();
    let unsupported = || std::io::Error::from(std::io::ErrorKind::Unsupported);
    let mut files = Files {
        read: &mut |_: &Path| Err(unsupported()),
        resolve: &|_: &Path| Err(unsupported()),
        project: &|dir: &Path| Project::find(dir, Start::Table, &mut |_| project::Manifest::None),
    };
    let table = check(&mut sources, root, &mut files, &mut diags);
    diags.finish(table, &sources)
}

/// Expands a checked table into the items `status_codes!` generates, including an
/// `include_str!` of each file read so that cargo rebuilds when one changes.
pub fn expand(table: &Table, options: &Options) -> TokenStream {
    expand::table(table, options)
}

/// [`load_path`], then [`expand()`] with the default [`Options`].
pub fn generate_from_path(manifest_dir: &Path, relative: &str) -> Result<TokenStream, Errors> {
    load_path(manifest_dir, relative).map(|table| expand(&table, &Options::default()))
}

/// [`load_str`], then [`expand()`] with the default [`Options`].
pub fn generate_from_str(display: &str, text: &str) -> Result<TokenStream, Errors> {
    load_str(display, text).map(|table| expand(&table, &Options::default()))
}

/// [`load_path`] with the help for an unreadable root file given, and the file system replaced
/// by `files` in tests.
fn load_with(
    manifest_dir: &Path,
    relative: &str,
    root_help: &str,
    files: &mut Files<'_>,
) -> Result<Table, Errors> {
    let mut sources = Sources::new();
    let mut diags = Diagnostics::default();
    let path = manifest_dir.join(relative);
    let root = match (files.read)(&path) {
        Ok(text) => Some(sources.add(SourceFile::new(relative, Some(path), text))),
        Err(error) => {
            let diagnostic = Diagnostic::global(format!(
                "cannot read `{}`: {}",
                diag::escape_name(relative),
                source::read_failure(&error)
            ));
            // The file was found when its text is the trouble.
            diags.push(match error.kind() {
                std::io::ErrorKind::InvalidData => diagnostic,
                _ => diagnostic.help(root_help),
            });
            None
        }
    };
    let table = root.and_then(|root| check(&mut sources, root, files, &mut diags));
    diags.finish(table, &sources)
}

/// The phases after reading, each reporting into `diags`.
fn check(
    sources: &mut Sources,
    root: source::FileId,
    files: &mut Files<'_>,
    diags: &mut Diagnostics,
) -> Option<Table> {
    let documents = layer::chain(sources, root, files, diags)?;
    let document = layer::merge(documents, diags)?;
    valid::table(sources, &document, diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_root_file_is_one_error_without_the_machine_path() {
        let errors = load_path(Path::new("/nowhere"), "codes.toml").unwrap_err();
        assert_eq!(errors.messages.len(), 1);
        assert!(
            errors.messages[0].starts_with("cannot read `codes.toml`: no such file"),
            "{errors}"
        );
        assert!(!errors.messages[0].contains("/nowhere"), "{errors}");
    }

    #[test]
    fn very_many_mistakes_are_cut_to_the_first_hundred_and_counted() {
        let mut text = String::from("[locales]\ndefault = \"en\"\n");
        for n in 0..250 {
            text.push_str(&format!("[codes.{}]\nnmae = \"x\"\n", 100 + n));
        }
        let errors = load_str("many.toml", &text).unwrap_err();
        assert_eq!(errors.messages.len(), MAX_SHOWN + 1);
        let last = errors.messages.last().unwrap();
        // Each of the 250 codes has an unknown key and no name, and no code has a message in
        // the default locale: 501 mistakes, 100 shown.
        assert_eq!(last, "401 more mistakes not shown; fix these first");
    }
}
