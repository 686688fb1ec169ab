//! The validated table: what checking a table gives ([`crate::load_path`], [`crate::load_str`])
//! and what [`crate::expand()`] turns into tokens. Everything here is known to be well-formed, so
//! expansion cannot fail. Tools that read a table at run time (the `status-codes` command) read
//! this model through its accessors; its fields are private, so nothing outside this crate can
//! change a table after validation.

use std::path::{Path, PathBuf};

use crate::ast::{CodeDecl, Texts};

pub use crate::valid::Ident;

/// A whole table, ready to expand. Only validation builds one (`#[non_exhaustive]`, private
/// fields), and its names are [`Ident`]s, which only validation makes. Outside this crate it is
/// read through its accessors and cannot be changed, so a table handed to [`crate::expand()`]
/// holds what validation checked:
///
/// ```compile_fail,E0616
/// let mut table = status_codegen::load_str(
///     "t.toml",
///     "[locales]\ndefault = \"en\"\n[codes.404]\nname = \"Not Found\"\nmessage.en = \"No.\"\n",
/// )
/// .unwrap();
/// table.codes = Vec::new();
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub struct Table {
    pub(crate) locales: Vec<Locale>,
    pub(crate) codes: Vec<Code>,
    pub(crate) problems: Vec<Problem>,
    pub(crate) files: Vec<TableFile>,
    pub(crate) non_exhaustive: bool,
}

impl Table {
    /// Every locale, the default first, then in order of first use; never empty, tags unique.
    pub fn locales(&self) -> &[Locale] {
        &self.locales
    }

    /// Every code, in ascending order of number, each number once.
    pub fn codes(&self) -> &[Code] {
        &self.codes
    }

    /// Every problem type (`[problems.<key>]`), in order of their keys.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// The files read from disk for the table, in the order read, for rebuild tracking (a
    /// table given as text has none of its own).
    pub fn files(&self) -> &[TableFile] {
        &self.files
    }

    /// `non_exhaustive = true`: the enums are `#[non_exhaustive]` and `ALL` is a slice, so a
    /// later version of the table may add codes and locales without breaking users.
    pub fn non_exhaustive(&self) -> bool {
        self.non_exhaustive
    }
}

/// A file a table was read from, as the generator read it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TableFile {
    pub(crate) path: PathBuf,
    pub(crate) display: String,
    pub(crate) len: usize,
}

impl TableFile {
    /// Its path on disk, which the generated code `include_str!`s.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Its name in diagnostics.
    pub fn display(&self) -> &str {
        &self.display
    }

    /// How many bytes the generator read, which the generated code checks against what the
    /// compiler includes.
    #[allow(clippy::len_without_is_empty)] // a byte count of a file, not a collection
    pub fn len(&self) -> usize {
        self.len
    }
}

/// One locale.
#[derive(Debug)]
#[non_exhaustive]
pub struct Locale {
    pub(crate) tag: String,
    pub(crate) variant: Ident,
    pub(crate) fallback_chain: Vec<usize>,
}

impl Locale {
    /// Its BCP 47 tag, canonical case (`zh-CN`).
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// Its enum variant (`ZhCn`).
    pub fn variant(&self) -> &Ident {
        &self.variant
    }

    /// Where its missing texts come from, in order, ending with the default locale (indices
    /// into [`Table::locales`]; empty for the default itself).
    pub fn fallback_chain(&self) -> &[usize] {
        &self.fallback_chain
    }
}

/// One status code. Its per-locale lists hold one entry per locale, indexed like
/// [`Table::locales`].
#[derive(Debug)]
#[non_exhaustive]
pub struct Code {
    pub(crate) code: u16,
    pub(crate) name: String,
    pub(crate) variant: Ident,
    pub(crate) aliases: Vec<String>,
    pub(crate) message: Vec<String>,
    pub(crate) scenario: Vec<Option<String>>,
    pub(crate) note: Vec<Option<String>>,
    pub(crate) source: Vec<Option<String>>,
    pub(crate) written: Vec<Written>,
    pub(crate) retry_unchanged: Option<bool>,
}

impl Code {
    /// The number, 100..=999.
    pub fn code(&self) -> u16 {
        self.code
    }

    /// The reason phrase.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The enum variant.
    pub fn variant(&self) -> &Ident {
        &self.variant
    }

    /// Other names `FromStr` accepts, as the table writes them.
    pub fn aliases(&self) -> &[String] {
        &self.aliases
    }

    /// The message in each locale, fallbacks applied; none is empty.
    pub fn message(&self) -> &[String] {
        &self.message
    }

    /// Typical situations, per locale, fallbacks applied; lines end in `\n`, never `\r\n`.
    pub fn scenario(&self) -> &[Option<String>] {
        &self.scenario
    }

    /// Other sources' wordings, per locale, fallbacks applied; lines end in `\n`, never `\r\n`.
    pub fn note(&self) -> &[Option<String>] {
        &self.note
    }

    /// Where the texts in each locale come from, per locale, as written (no fallback).
    pub fn source(&self) -> &[Option<String>] {
        &self.source
    }

    /// Per locale, which of `message`, `scenario` and `note` the table writes in that locale
    /// itself, rather than showing its fallback's.
    pub fn written(&self) -> &[Written] {
        &self.written
    }

    /// Whether the same request can succeed if repeated unchanged, where the table says.
    pub fn retry_unchanged(&self) -> Option<bool> {
        self.retry_unchanged
    }
}

/// Which texts a table writes for a code in one locale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Written {
    pub(crate) message: bool,
    pub(crate) scenario: bool,
    pub(crate) note: bool,
}

impl Written {
    /// Whether the table writes `message.<tag>`.
    pub fn message(&self) -> bool {
        self.message
    }

    /// Whether the table writes `scenario.<tag>`.
    pub fn scenario(&self) -> bool {
        self.scenario
    }

    /// Whether the table writes `note.<tag>`.
    pub fn note(&self) -> bool {
        self.note
    }
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
/// the generated struct's fields. Its per-locale lists hold one entry per locale, indexed like
/// [`Table::locales`].
#[derive(Debug)]
#[non_exhaustive]
pub struct Problem {
    pub(crate) key: String,
    pub(crate) ident: Ident,
    pub(crate) status: u16,
    pub(crate) r#type: String,
    pub(crate) fields: Vec<Ident>,
    pub(crate) title: Vec<String>,
    pub(crate) title_locale: Vec<usize>,
    pub(crate) detail: Vec<Template>,
    pub(crate) detail_locale: Vec<usize>,
}

impl Problem {
    /// The key of `[problems.<key>]` (`out-of-credit`).
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The generated struct: the key in UpperCamelCase (`OutOfCredit`).
    pub fn ident(&self) -> &Ident {
        &self.ident
    }

    /// The status code it is returned with; a code of the table.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// Its `type`: an absolute URI, relative ones resolved against `[problems] base`.
    pub fn r#type(&self) -> &str {
        &self.r#type
    }

    /// The placeholders of the default locale's detail, in order of first use, each once: the
    /// struct's fields and the problem's extension members.
    pub fn fields(&self) -> &[Ident] {
        &self.fields
    }

    /// The title in each locale, fallbacks applied.
    pub fn title(&self) -> &[String] {
        &self.title
    }

    /// Per locale, the index of the locale whose title it shows.
    pub fn title_locale(&self) -> &[usize] {
        &self.title_locale
    }

    /// The detail template in each locale, fallbacks applied.
    pub fn detail(&self) -> &[Template] {
        &self.detail
    }

    /// Per locale, the index of the locale whose detail it shows: what `Content-Language`
    /// names.
    pub fn detail_locale(&self) -> &[usize] {
        &self.detail_locale
    }
}

/// A detail template, split at its placeholders; `{{` and `}}` are already single braces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Template {
    pub(crate) pieces: Vec<Piece>,
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
    /// Literal text and fields, in order; a field's index is into [`Problem::fields`].
    pub fn pieces(&self) -> &[Piece] {
        &self.pieces
    }

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
