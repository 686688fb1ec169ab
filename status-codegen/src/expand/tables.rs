//! The texts and facts of each code as `const` tables: `message`, `scenario`, `note`,
//! `retry_unchanged`, `aliases`, and the lookup tables by number they are read through.
//!
//! Texts are plain `&str` cells, the absent ones empty (validation refuses empty texts, so an
//! empty cell can mean only "none"): one token a cell, where `Some("...")` took four.

use super::text::RustText;
use crate::model::{Code, Table};

/// A `const` block laying one value per code out by number, from `origin` on (from 0 when
/// `None`), filled at compile time from `StatusCode::ALL`: `len` cells of what `empty` writes,
/// then `value` (which may use `row`, the index in `ALL`, and `code`) in each code's cell.
pub(super) fn by_number(
    out: &mut RustText,
    origin: Option<usize>,
    len: usize,
    empty: impl FnOnce(&mut RustText),
    value: &'static str,
) {
    out.code("{ let mut table = [");
    empty(out);
    out.code("; ")
        .number(len)
        .code("]; let mut row = 0; while row < StatusCode::ALL.len() { ")
        .code("let code = StatusCode::ALL[row]; table[code as usize");
    if let Some(origin) = origin {
        out.code(" - ").number(origin);
    }
    out.code("] = ").code(value).code("; row += 1; } table }");
}

/// The text methods of `StatusCode`, and the row lookup they share.
pub(super) fn impls(table: &Table, out: &mut RustText) {
    let codes = &table.codes;
    let locale_count = table.locales.len();

    // The tables by number span the numbers from the first code to the last.
    let first = usize::from(codes.first().map_or(100, |code| code.code));
    let last = usize::from(codes.last().map_or(100, |code| code.code));
    let span = last - first + 1;

    out.code("impl StatusCode {");
    message(out, codes, locale_count, first, span);
    out.code(
        " }
        /// The locale `message(locale)` is actually written in: `locale` itself, or the one
        /// down its fallback chain whose text it shows. What `Content-Language` should name.
        #[inline]
        pub const fn message_locale(self, locale: Locale) -> Locale {",
    );
    message_locale(out, table);
    out.code(
        " }
        /// Typical situations in which an API returns this code, if the table says.
        #[inline]
        pub const fn scenario(self, locale: Locale) -> Option<&'static str> {",
    );
    optional_texts(out, codes, locale_count, "SCENARIOS", |code| &code.scenario);
    out.code(
        " }
        /// Where sources disagree about this code, the other name or wording, if any.
        #[inline]
        pub const fn note(self, locale: Locale) -> Option<&'static str> {",
    );
    optional_texts(out, codes, locale_count, "NOTES", |code| &code.note);
    out.code(
        " }
        /// Whether repeating the same request unchanged can succeed, where the table says.
        #[inline]
        pub const fn retry_unchanged(self) -> Option<bool> {",
    );
    column(
        out,
        codes,
        ("RETRY", "Option<bool>", "None"),
        |code| code.retry_unchanged.is_some(),
        |out, code| {
            match code.retry_unchanged {
                Some(flag) => out.code("Some(").bool(flag).code(")"),
                None => out.code("None"),
            };
        },
    );
    out.code(
        " }
        /// The other names `FromStr` accepts for this code.
        #[inline]
        pub const fn aliases(self) -> &'static [&'static str] {",
    );
    column(
        out,
        codes,
        ("ALIASES", "&[&str]", "&[]"),
        |code| !code.aliases.is_empty(),
        |out, code| {
            out.code("&[");
            for (index, alias) in code.aliases.iter().enumerate() {
                if index > 0 {
                    out.code(", ");
                }
                out.str(alias);
            }
            out.code("]");
        },
    );
    out.code(
        " }
        }
        /// The position of `code` in `StatusCode::ALL`, which indexes the text tables.
        #[inline]
        const fn row_of(code: StatusCode) -> usize {
        const ROWS: [u16; ",
    )
    .number(span)
    .code("] = ");
    by_number(
        out,
        Some(first),
        span,
        |out| {
            out.code("0");
        },
        "row as u16",
    );
    out.code("; ROWS[code as usize - ")
        .number(first)
        .code("] as usize }\n");
}

/// The `message` method but for its closing brace: the texts by row, read straight by code where
/// the table by number stays small.
fn message(out: &mut RustText, codes: &[Code], locale_count: usize, first: usize, span: usize) {
    out.code(
        "
        /// The description in `locale`, or in the nearest locale down its fallback chain.
        #[inline]
        pub const fn message(self, locale: Locale) -> &'static str {
        const MESSAGES: [[&str; ",
    )
    .number(locale_count)
    .code("]; ")
    .number(codes.len())
    .code("] = ");
    text_table(out, codes, |code| code.message.iter().map(Some));
    out.code(";\n");
    // `message` reads its text straight by code, one load fewer than through the row table,
    // while that table stays small (at most 4096 cells, 64 KiB); sparse tables go by row.
    if span * locale_count <= 4096 {
        out.code("const BY_CODE: [[&str; ")
            .number(locale_count)
            .code("]; ")
            .number(span)
            .code("] = ");
        by_number(
            out,
            Some(first),
            span,
            |out| {
                out.code("[\"\"; ").number(locale_count).code("]");
            },
            "MESSAGES[row]",
        );
        out.code("; BY_CODE[self as usize - ")
            .number(first)
            .code("][locale as usize]");
    } else {
        out.code("MESSAGES[row_of(self)][locale as usize]");
    }
}

/// The body of `message_locale`: per code and locale, the index of the locale whose text
/// `message` shows, or just `locale` where every code writes its message in every locale.
fn message_locale(out: &mut RustText, table: &Table) {
    let mut sources = Vec::with_capacity(table.codes.len());
    let mut any_fallback = false;
    for code in &table.codes {
        let mut row = Vec::with_capacity(table.locales.len());
        for (index, locale) in table.locales.iter().enumerate() {
            let written = |at: usize| code.written.get(at).is_some_and(|written| written.message);
            // Every chain ends at the default locale, which has every message.
            let source = if written(index) {
                index
            } else {
                let chain = &locale.fallback_chain;
                chain.iter().copied().find(|&at| written(at)).unwrap_or(0)
            };
            any_fallback |= source != index;
            row.push(source);
        }
        sources.push(row);
    }
    if !any_fallback {
        out.code("let _ = self; locale");
        return;
    }
    let ty = if table.locales.len() <= 256 {
        "u8"
    } else {
        "u16"
    };
    out.code("const MESSAGE_LOCALES: [[")
        .code(ty)
        .code("; ")
        .number(table.locales.len())
        .code("]; ")
        .number(table.codes.len())
        .code("] = [");
    for (row, cells) in sources.iter().enumerate() {
        if row > 0 {
            out.code(", ");
        }
        out.code("[");
        for (cell, &source) in cells.iter().enumerate() {
            if cell > 0 {
                out.code(", ");
            }
            out.number(source);
        }
        out.code("]");
    }
    out.code("]; Locale::ALL[MESSAGE_LOCALES[row_of(self)][locale as usize] as usize]");
}

/// The body of a method reading one value per code: `const NAME: [TYPE; codes]` read by row, or,
/// where no code `has` a value, just the `absent` value, as for `scenario` and `note` below.
fn column(
    out: &mut RustText,
    codes: &[Code],
    (name, ty, absent): (&'static str, &'static str, &'static str),
    has: fn(&Code) -> bool,
    cell: fn(&mut RustText, &Code),
) {
    let mut any = false;
    for code in codes {
        any |= has(code);
    }
    if !any {
        out.code(absent);
        return;
    }
    out.code("const ")
        .code(name)
        .code(": [")
        .code(ty)
        .code("; ")
        .number(codes.len())
        .code("] = [");
    for (index, code) in codes.iter().enumerate() {
        if index > 0 {
            out.code(", ");
        }
        cell(out, code);
    }
    out.code("]; ").code(name).code("[row_of(self)]");
}

/// The body of `scenario` or `note`: a `[[text; locales]; codes]` table read by row, or, where
/// no code has the text in any locale (a table of messages only), just `None`, so that such a
/// table does not cost rustc one empty string a cell.
fn optional_texts(
    out: &mut RustText,
    codes: &[Code],
    locale_count: usize,
    name: &'static str,
    texts: fn(&Code) -> &Vec<Option<String>>,
) {
    let mut any = false;
    for code in codes {
        for text in texts(code) {
            any |= text.is_some();
        }
    }
    if !any {
        out.code("let _ = locale; None");
        return;
    }
    out.code("const ")
        .code(name)
        .code(": [[&str; ")
        .number(locale_count)
        .code("]; ")
        .number(codes.len())
        .code("] = ");
    text_table(out, codes, |code| texts(code).iter().map(Option::as_ref));
    out.code("; private::non_empty(")
        .code(name)
        .code("[row_of(self)][locale as usize])");
}

/// `[[text; locales]; codes]`, with `""` for a text the code lacks.
fn text_table<'c, I>(out: &mut RustText, codes: &'c [Code], texts: impl Fn(&'c Code) -> I)
where
    I: Iterator<Item = Option<&'c String>>,
{
    out.code("[");
    for (row, code) in codes.iter().enumerate() {
        if row > 0 {
            out.code(", ");
        }
        out.code("[");
        for (cell, text) in texts(code).enumerate() {
            if cell > 0 {
                out.code(", ");
            }
            out.str(text.map_or("", String::as_str));
        }
        out.code("]");
    }
    out.code("]");
}
