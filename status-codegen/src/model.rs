//! The validated table: what checking a table gives ([`crate::load_path`], [`crate::load_str`])
//! and what [`crate::expand()`] turns into tokens. Everything here is known to be well-formed, so
//! expansion cannot fail. Tools that read a table at run time (the `status-codes` command) use
//! this model as it is.

use std::path::PathBuf;

use crate::ast::{CodeDecl, Texts};

/// A whole table, ready to expand.
#[derive(Debug)]
pub struct Table {
    /// Every locale, the default first, then in order of first use.
    pub locales: Vec<Locale>,
    /// Every code, in ascending order.
    pub codes: Vec<Code>,
    /// The files the table was read from, for rebuild tracking.
    pub files: Vec<PathBuf>,
    /// `non_exhaustive = true`: the enums are `#[non_exhaustive]` and `ALL` is a slice, so a
    /// later version of the table may add codes and locales without breaking users.
    pub non_exhaustive: bool,
}

/// One locale.
#[derive(Debug)]
pub struct Locale {
    /// Its BCP 47 tag, canonical case (`zh-CN`).
    pub tag: String,
    /// Its enum variant (`ZhCn`).
    pub variant: String,
    /// Where its missing texts come from, in order, ending with the default locale (indices
    /// into [`Table::locales`]; empty for the default itself).
    pub fallback_chain: Vec<usize>,
}

/// One status code.
#[derive(Debug)]
pub struct Code {
    /// The number, 100..=999.
    pub code: u16,
    /// The reason phrase.
    pub name: String,
    /// The enum variant.
    pub variant: String,
    /// Other names `FromStr` accepts.
    pub aliases: Vec<String>,
    /// The message in each locale (indexed like [`Table::locales`]), fallbacks applied.
    pub message: Vec<String>,
    /// Typical situations, per locale, fallbacks applied.
    pub scenario: Vec<Option<String>>,
    /// Other sources' wordings, per locale, fallbacks applied.
    pub note: Vec<Option<String>>,
    /// Where the texts in each locale come from, per locale, as written (no fallback).
    pub source: Vec<Option<String>>,
    /// Per locale, which of `message`, `scenario` and `note` the table writes in that locale
    /// itself, rather than showing its fallback's.
    pub written: Vec<Written>,
    /// Whether the same request can succeed if repeated unchanged, where the table says.
    pub retry_unchanged: Option<bool>,
}

/// Which texts a table writes for a code in one locale.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Written {
    /// `message.<tag>`.
    pub message: bool,
    /// `scenario.<tag>`.
    pub scenario: bool,
    /// `note.<tag>`.
    pub note: bool,
}

impl Code {
    /// A checked code: its identity (number, name, variant, aliases) as validation accepted
    /// it, and the rest of its declaration, with texts resolved per locale. A new per-code key
    /// is parsed into [`CodeDecl`], layered there, and carried over here.
    pub(crate) fn from_decl(
        (code, name, variant, aliases): (u16, String, String, Vec<String>),
        decl: &CodeDecl,
        locales: &[Locale],
    ) -> Code {
        Code {
            code,
            name,
            variant,
            aliases,
            message: resolve(locales, &decl.message)
                .into_iter()
                .map(Option::unwrap_or_default)
                .collect(),
            scenario: resolve(locales, &decl.scenario),
            note: resolve(locales, &decl.note),
            source: own_texts(locales, &decl.source),
            written: locales
                .iter()
                .map(|locale| Written {
                    message: own_text(&decl.message, &locale.tag).is_some(),
                    scenario: own_text(&decl.scenario, &locale.tag).is_some(),
                    note: own_text(&decl.note, &locale.tag).is_some(),
                })
                .collect(),
            retry_unchanged: decl.retry_unchanged.as_ref().value().map(|flag| flag.value),
        }
    }
}

/// Per locale, the text in that locale or else the first one down its fallback chain.
fn resolve(locales: &[Locale], texts: &Texts) -> Vec<Option<String>> {
    (0..locales.len())
        .map(|index| {
            std::iter::once(index)
                .chain(locales[index].fallback_chain.iter().copied())
                .find_map(|locale| own_text(texts, &locales[locale].tag))
        })
        .collect()
}

/// Per locale, the code's own text in that locale: for `source`, which describes the texts
/// written in a locale and so never falls back.
fn own_texts(locales: &[Locale], texts: &Texts) -> Vec<Option<String>> {
    locales
        .iter()
        .map(|locale| own_text(texts, &locale.tag))
        .collect()
}

fn own_text(texts: &Texts, tag: &str) -> Option<String> {
    texts
        .valid()
        .find(|(written, _)| *written == tag)
        .map(|(_, text)| text.to_string())
}
