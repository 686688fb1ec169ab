//! The typed model of one TOML file, as written: every key and value keeps its span, and nothing
//! is checked yet beyond its TOML type. [`crate::parse`] builds it; [`crate::valid`] checks it.

use crate::source::{FileId, Sp, Span};

/// One file of the table.
#[derive(Debug)]
pub struct Document {
    /// The file it was read from.
    pub file: FileId,
    /// The `[locales]` table, if present.
    pub locales: Option<LocalesDecl>,
    /// Every `[codes.N]` table, in file order.
    pub codes: Vec<CodeDecl>,
}

/// The `[locales]` table.
#[derive(Debug)]
pub struct LocalesDecl {
    /// The `locales` key.
    pub span: Span,
    /// `default = "en"`.
    pub default: Option<Sp<String>>,
}

/// One `[codes.N]` table.
#[derive(Debug)]
pub struct CodeDecl {
    /// The key as written (`404`, `0404`).
    pub key: Sp<String>,
    /// The key's number, if it is a number; range is checked later.
    pub code: Option<u64>,
    /// `name = "Not Found"`.
    pub name: Option<Sp<String>>,
    /// `variant = "NotFound"`.
    pub variant: Option<Sp<String>>,
    /// `aliases = [...]`.
    pub aliases: Vec<Sp<String>>,
    /// `message.<tag> = "..."`, in file order.
    pub message: Vec<LocalizedText>,
    /// `scenario.<tag> = "..."`: when an API typically returns the code.
    pub scenario: Vec<LocalizedText>,
    /// `note.<tag> = "..."`: where sources disagree, the other wording.
    pub note: Vec<LocalizedText>,
    /// `retry_unchanged = false`: whether repeating the same request can succeed.
    pub retry_unchanged: Option<Sp<bool>>,
}

/// `<field>.<tag> = "text"`.
#[derive(Debug)]
pub struct LocalizedText {
    /// The locale tag key (`zh-CN`).
    pub tag: Sp<String>,
    /// The text.
    pub text: Sp<String>,
}
