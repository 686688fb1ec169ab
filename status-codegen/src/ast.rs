//! The typed model of one TOML file, as written: every key and value keeps its span, and nothing
//! is checked yet beyond its TOML type. [`crate::parse`] builds it; [`crate::valid`] checks it.

use crate::source::{FileId, Sp, Span};

/// One file of the table.
#[derive(Debug)]
pub struct Document {
    /// The file it was read from.
    pub file: FileId,
    /// `extends = "standard"` or `extends = "base.toml"`: the table this file layers on.
    pub extends: Option<Sp<String>>,
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
    /// `fallback = { "zh-HK" = "zh-TW" }`, in file order.
    pub fallback: Vec<FallbackDecl>,
}

/// One entry of `[locales.fallback]`: where a locale's missing texts come from, before the
/// default locale.
#[derive(Debug)]
pub struct FallbackDecl {
    /// The locale that falls back (`zh-HK`).
    pub tag: Sp<String>,
    /// The locales it falls back to, in order (`"zh-TW"` or `["zh-TW", "zh-CN"]`).
    pub targets: Vec<Sp<String>>,
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
    /// `remove = true`: drop the code a base table defines.
    pub remove: Option<Sp<bool>>,
    /// Every key written in the table, dotted (`name`, `message.en`), valid or not: a key that
    /// was written with the wrong type is reported as such, not again as missing.
    pub written: Vec<String>,
}

impl CodeDecl {
    /// Whether the table wrote `key` at all, even with a value of the wrong type.
    pub fn wrote(&self, key: &str) -> bool {
        self.written.iter().any(|written| written == key)
    }

    /// Whether the table has, or tried to write, a message in `tag`.
    pub fn mentions_message(&self, tag: &str) -> bool {
        let own = self.message.iter().any(|message| message.tag.value == tag);
        let tried = self.wrote(&format!("message.{tag}"));
        // `message = "..."` (not a table): its locales are unknown, so assume the best.
        let untyped =
            self.wrote("message") && !self.written.iter().any(|key| key.starts_with("message."));
        own || tried || untyped
    }
}

/// `<field>.<tag> = "text"`.
#[derive(Debug)]
pub struct LocalizedText {
    /// The locale tag key (`zh-CN`).
    pub tag: Sp<String>,
    /// The text.
    pub text: Sp<String>,
}
