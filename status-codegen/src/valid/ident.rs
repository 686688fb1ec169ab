//! [`Ident`]: a name validation accepted as a Rust identifier. Only this module's parent,
//! validation, can make one, so a name reaches the generated code only once it was checked.

use std::fmt;
use std::ops::Deref;

/// A Rust identifier that validation accepted: a `StatusCode` or `Locale` variant, a problem
/// type's struct, or one of its fields. Valid in every edition, never a keyword and never raw
/// (`r#...`). Only validation builds one; read it as a `&str`:
///
/// ```
/// let table = status_codegen::load_str(
///     "t.toml",
///     "[locales]\ndefault = \"en\"\n[codes.404]\nname = \"Not Found\"\nmessage.en = \"No.\"\n",
/// )
/// .unwrap();
/// assert_eq!(table.codes()[0].variant().as_str(), "NotFound");
/// ```
///
/// Code outside validation cannot make one, nor a table that holds one:
///
/// ```compile_fail,E0423
/// let variant = status_codegen::model::Ident(String::from("A } fn x() {"));
/// ```
///
/// ```compile_fail,E0639
/// let table = status_codegen::model::Table {
///     locales: Vec::new(),
///     codes: Vec::new(),
///     problems: Vec::new(),
///     files: Vec::new(),
///     non_exhaustive: false,
/// };
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ident(String);

impl Ident {
    /// A name the caller, a rule of validation, has checked.
    pub(super) fn checked(name: String) -> Ident {
        Ident(name)
    }

    /// The identifier as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Ident {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Ident {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Ident {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<str> for Ident {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Ident {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl From<Ident> for String {
    fn from(ident: Ident) -> String {
        ident.0
    }
}
