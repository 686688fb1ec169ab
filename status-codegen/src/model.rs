//! The validated table: what checking a table gives ([`crate::load_path`], [`crate::load_str`])
//! and what [`crate::expand()`] turns into tokens. Everything here is known to be well-formed, so
//! expansion cannot fail. Tools that read a table at run time (the `status-codes` command) use
//! this model as it is.

use std::path::PathBuf;

use crate::ast::{CodeDecl, Texts};

pub use crate::valid::Ident;

/// A whole table, ready to expand. Only validation builds one (`#[non_exhaustive]`), and its
/// names are [`Ident`]s, which only validation makes.
#[derive(Debug)]
#[non_exhaustive]
pub struct Table {
    /// Every locale, the default first, then in order of first use.
    pub locales: Vec<Locale>,
    /// Every code, in ascending order.
    pub codes: Vec<Code>,
    /// Every problem type (`[problems.<key>]`), in order of their keys.
    pub problems: Vec<Problem>,
    /// The files the table was read from, for rebuild tracking.
    pub files: Vec<TableFile>,
    /// `non_exhaustive = true`: the enums are `#[non_exhaustive]` and `ALL` is a slice, so a
    /// later version of the table may add codes and locales without breaking users.
    pub non_exhaustive: bool,
}

/// A file a table was read from, as the generator read it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TableFile {
    /// Its path on disk, which the generated code `include_str!`s.
    pub path: PathBuf,
    /// Its name in diagnostics.
    pub display: String,
    /// How many bytes the generator read, which the generated code checks against what the
    /// compiler includes.
    pub len: usize,
}

/// One locale.
#[derive(Debug)]
#[non_exhaustive]
pub struct Locale {
    /// Its BCP 47 tag, canonical case (`zh-CN`).
    pub tag: String,
    /// Its enum variant (`ZhCn`).
    pub variant: Ident,
    /// Where its missing texts come from, in order, ending with the default locale (indices
    /// into [`Table::locales`]; empty for the default itself).
    pub fallback_chain: Vec<usize>,
}

/// One status code.
#[derive(Debug)]
#[non_exhaustive]
pub struct Code {
    /// The number, 100..=999.
    pub code: u16,
    /// The reason phrase.
    pub name: String,
    /// The enum variant.
    pub variant: Ident,
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
        (code, name, variant, aliases): (u16, String, Ident, Vec<String>),
        decl: &CodeDecl,
        locales: &[Locale],
        index: &LocaleIndex<'_>,
    ) -> Code {
        let message = index.own_texts(&decl.message);
        let scenario = index.own_texts(&decl.scenario);
        let note = index.own_texts(&decl.note);
        let mut written = Vec::with_capacity(locales.len());
        for locale in 0..locales.len() {
            written.push(Written {
                message: message[locale].is_some(),
                scenario: scenario[locale].is_some(),
                note: note[locale].is_some(),
            });
        }
        let mut resolved_message = Vec::with_capacity(locales.len());
        for text in resolve(locales, &message) {
            resolved_message.push(text.unwrap_or_default());
        }
        Code {
            code,
            name,
            variant,
            aliases,
            message: resolved_message,
            scenario: lines(resolve(locales, &scenario)),
            note: lines(resolve(locales, &note)),
            source: owned(&index.own_texts(&decl.source)),
            written,
            retry_unchanged: decl.retry_unchanged.as_ref().value().map(|flag| flag.value),
        }
    }
}

/// One problem type (RFC 9457): a kind of occurrence of one of the table's codes, with a
/// `type` URI of its own, a localized title and a detail template whose placeholders become
/// the generated struct's fields.
#[derive(Debug)]
#[non_exhaustive]
pub struct Problem {
    /// The key of `[problems.<key>]` (`out-of-credit`).
    pub key: String,
    /// The generated struct: the key in UpperCamelCase (`OutOfCredit`).
    pub ident: Ident,
    /// The status code it is returned with; a code of the table.
    pub status: u16,
    /// Its `type`: an absolute URI, relative ones resolved against `[problems] base`.
    pub r#type: String,
    /// The placeholders of the default locale's detail, in order of first use: the struct's
    /// fields and the problem's extension members.
    pub fields: Vec<Ident>,
    /// The title in each locale (indexed like [`Table::locales`]), fallbacks applied.
    pub title: Vec<String>,
    /// Per locale, the locale whose title it shows.
    pub title_locale: Vec<usize>,
    /// The detail template in each locale, fallbacks applied.
    pub detail: Vec<Template>,
    /// Per locale, the locale whose detail it shows: what `Content-Language` names.
    pub detail_locale: Vec<usize>,
}

/// A detail template, split at its placeholders; `{{` and `}}` are already single braces.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Template {
    /// Literal text and fields, in order.
    pub pieces: Vec<Piece>,
}

/// A piece of a [`Template`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Text written as is.
    Text(String),
    /// The field at this index of [`Problem::fields`].
    Field(usize),
}

impl Template {
    /// The text with each field replaced by `values[index]`.
    pub fn render(&self, values: &[&str]) -> String {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Field(index) => out.push_str(values.get(*index).copied().unwrap_or("")),
            }
        }
        out
    }

    /// The template as the table writes it: `{field}` for each field, braces doubled.
    pub fn source(&self, fields: &[Ident]) -> String {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text(text) => {
                    for c in text.chars() {
                        out.push(c);
                        if c == '{' || c == '}' {
                            out.push(c);
                        }
                    }
                }
                Piece::Field(index) => {
                    out.push('{');
                    out.push_str(fields.get(*index).map_or("", Ident::as_str));
                    out.push('}');
                }
            }
        }
        out
    }

    /// The bytes of literal text: what a rendering holds besides its fields.
    pub fn literal_len(&self) -> usize {
        let mut len = 0;
        for piece in &self.pieces {
            if let Piece::Text(text) = piece {
                len += text.len();
            }
        }
        len
    }
}

/// Each locale's index in [`Table::locales`] by its tag, sorted for a binary search: built once
/// per table, so that a code's texts find their locale without comparing every tag.
pub(crate) struct LocaleIndex<'t> {
    sorted: Vec<(&'t str, usize)>,
}

impl<'t> LocaleIndex<'t> {
    pub(crate) fn new(locales: &'t [Locale]) -> Self {
        let mut sorted = Vec::with_capacity(locales.len());
        for (index, locale) in locales.iter().enumerate() {
            sorted.push((locale.tag.as_str(), index));
        }
        crate::order::sort(&mut sorted);
        LocaleIndex { sorted }
    }

    /// Every tag, in sorted order.
    pub(crate) fn tags(&self) -> impl Iterator<Item = &'t str> + '_ {
        self.sorted.iter().map(|(tag, _)| *tag)
    }

    /// The index of the locale `tag`, if the table has it.
    pub(crate) fn get(&self, tag: &str) -> Option<usize> {
        let found = self.sorted.binary_search_by(|(known, _)| (*known).cmp(tag));
        found.ok().map(|at| self.sorted[at].1)
    }

    /// Per locale, the field's own valid text in it (the first, were a tag written twice).
    pub(crate) fn own_texts<'d>(&self, texts: &'d Texts) -> Vec<Option<&'d str>> {
        let mut own = vec![None; self.sorted.len()];
        for (tag, text) in texts.valid() {
            if let Some(locale) = self.get(tag) {
                own[locale].get_or_insert(text);
            }
        }
        own
    }
}

/// Per locale, the index of the locale whose text it shows: its own, or the first one down its
/// fallback chain that has one.
pub(crate) fn resolve_index(locales: &[Locale], has: &[bool]) -> Vec<Option<usize>> {
    let mut resolved = Vec::with_capacity(locales.len());
    for (index, locale) in locales.iter().enumerate() {
        let mut found = has[index].then_some(index);
        for &fallback in &locale.fallback_chain {
            if found.is_some() {
                break;
            }
            found = has[fallback].then_some(fallback);
        }
        resolved.push(found);
    }
    resolved
}

/// Per locale, its own text or else the first one down its fallback chain.
fn resolve(locales: &[Locale], own: &[Option<&str>]) -> Vec<Option<String>> {
    let mut resolved = Vec::with_capacity(locales.len());
    for (locale, text) in locales.iter().zip(own) {
        let mut found = *text;
        for &fallback in &locale.fallback_chain {
            if found.is_some() {
                break;
            }
            found = own[fallback];
        }
        resolved.push(found.map(str::to_string));
    }
    resolved
}

/// Texts whose lines end in `\n` whatever the file's line endings, so that the same table gives
/// the same texts on every checkout (validation allows `\r` only before `\n`).
fn lines(texts: Vec<Option<String>>) -> Vec<Option<String>> {
    let mut out = Vec::with_capacity(texts.len());
    for text in texts {
        out.push(text.map(|text| match text.contains('\r') {
            true => text.replace("\r\n", "\n"),
            false => text,
        }));
    }
    out
}

/// The texts as owned: `source` describes the texts written in a locale, so never falls back.
fn owned(own: &[Option<&str>]) -> Vec<Option<String>> {
    let mut texts = Vec::with_capacity(own.len());
    for text in own {
        texts.push(text.map(str::to_string));
    }
    texts
}
