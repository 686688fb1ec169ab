//! The texts and facts of each code as `const` tables: `message`, `scenario`, `note`,
//! `retry_unchanged`, `aliases`, and the lookup tables by number they are read through, which
//! `status_core::__private`'s `const fn`s fill from the table's numbers.
//!
//! Texts are plain `&str` cells, the absent ones empty (validation refuses empty texts, so an
//! empty cell can mean only "none"): one token a cell, where `Some("...")` took four.

use super::text::RustText;
use crate::model::{Code, Table};

/// The numbers from the first code to the last: the first, and how many the tables by number
/// span.
fn span(codes: &[Code]) -> (usize, usize) {
    let first = usize::from(codes.first().map_or(100, |code| code.code));
    let last = usize::from(codes.last().map_or(100, |code| code.code));
    (first, last - first + 1)
}

/// The text methods of `StatusCode`, each whole, inside its `impl`.
pub(super) fn methods(table: &Table, out: &mut RustText) {
    let codes = &table.codes;
    let locale_count = table.locales.len();
    out.block(
        "/// The description in `locale`, or in the nearest locale down its fallback chain.
        #[inline]
        pub const fn message(self, locale: Locale) -> &'static str",
        |out| message(out, codes, locale_count),
    );
    out.block(
        "/// The locale `message(locale)` is actually written in: `locale` itself, or the one
        /// down its fallback chain whose text it shows. What `Content-Language` should name.
        #[inline]
        pub const fn message_locale(self, locale: Locale) -> Locale",
        |out| message_locale(out, table),
    );
    out.block(
        "/// Typical situations in which an API returns this code, if the table says.
        #[inline]
        pub const fn scenario(self, locale: Locale) -> Option<&'static str>",
        |out| optional_texts(out, codes, locale_count, "SCENARIOS", |code| &code.scenario),
    );
    out.block(
        "/// Where sources disagree about this code, the other name or wording, if any.
        #[inline]
        pub const fn note(self, locale: Locale) -> Option<&'static str>",
        |out| optional_texts(out, codes, locale_count, "NOTES", |code| &code.note),
    );
    out.block(
        "/// Whether repeating the same request unchanged can succeed, where the table says.
        #[inline]
        pub const fn retry_unchanged(self) -> Option<bool>",
        |out| {
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
        },
    );
    out.block(
        "/// The other names `FromStr` accepts for this code.
        #[inline]
        pub const fn aliases(self) -> &'static [&'static str]",
        |out| {
            column(
                out,
                codes,
                ("ALIASES", "&[&str]", "&[]"),
                |code| !code.aliases.is_empty(),
                |out, code| {
                    out.code("&").array(&code.aliases, |out, alias| {
                        out.str(alias);
                    });
                },
            );
        },
    );
}

/// `row_of`: the position of a code in `StatusCode::ALL`, which indexes the text tables, read
/// from a table by number.
pub(super) fn row_of(codes: &[Code], out: &mut RustText) {
    let (first, span) = span(codes);
    out.block(
        "/// The position of `code` in `StatusCode::ALL`, which indexes the text tables.
        #[inline]
        const fn row_of(code: StatusCode) -> usize",
        |out| {
            out.code("const ROWS: [u16; ")
                .number(span)
                .code("] = private::rows_by_number(&NUMBERS, ")
                .number(first)
                .code(");\nROWS[code as usize - ")
                .number(first)
                .code("] as usize\n");
        },
    );
}

/// The body of `message`: the texts by row, read straight by code where the table by number
/// stays small.
fn message(out: &mut RustText, codes: &[Code], locale_count: usize) {
    let (first, span) = span(codes);
    out.code("const MESSAGES: [[&str; ")
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
            .code("] = private::by_number(&NUMBERS, ")
            .number(first)
            .code(", &MESSAGES, [\"\"; ")
            .number(locale_count)
            .code("]);\nBY_CODE[self as usize - ")
            .number(first)
            .code("][locale as usize]\n");
    } else {
        out.code("MESSAGES[row_of(self)][locale as usize]\n");
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
        .code("] = ")
        .array(&sources, |out, cells| {
            out.array(cells, |out, &source| {
                out.number(source);
            });
        })
        .code(";\nLocale::ALL[MESSAGE_LOCALES[row_of(self)][locale as usize] as usize]\n");
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
        .code("] = ")
        .array(codes, cell)
        .code(";\n")
        .code(name)
        .code("[row_of(self)]\n");
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
    out.code(";\nprivate::non_empty(")
        .code(name)
        .code("[row_of(self)][locale as usize])\n");
}

/// `[[text; locales]; codes]`, with `""` for a text the code lacks.
fn text_table<'c, I>(out: &mut RustText, codes: &'c [Code], texts: impl Fn(&'c Code) -> I)
where
    I: Iterator<Item = Option<&'c String>>,
{
    out.array(codes, |out, code| {
        out.array(texts(code), |out, text| {
            out.str(text.map_or("", String::as_str));
        });
    });
}
