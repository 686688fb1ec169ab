//! The texts and facts of each code as `const` tables: `message`, `scenario`, `note`,
//! `retry_unchanged`, `aliases`, and the lookup tables by number they are read through.
//!
//! Texts are plain `&str` cells, the absent ones empty (validation refuses empty texts, so an
//! empty cell can mean only "none"): one token a cell, where `Some("...")` took four.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::usize_literal;
use crate::model::{Code, Table};

/// A `const` block laying one value per code out by number, from `origin` on (from 0 when
/// `None`), filled at compile time from `StatusCode::ALL`; `value` may use `row` (the index in
/// `ALL`) and `code`.
pub(super) fn by_number(
    origin: Option<&Literal>,
    len: &Literal,
    empty: TokenStream,
    value: TokenStream,
) -> TokenStream {
    let slot = match origin {
        Some(origin) => quote! { code as usize - #origin },
        None => quote! { code as usize },
    };
    quote! {{
        let mut table = [#empty; #len];
        let mut row = 0;
        while row < StatusCode::ALL.len() {
            let code = StatusCode::ALL[row];
            table[#slot] = #value;
            row += 1;
        }
        table
    }}
}

/// The text methods of `StatusCode`, and the row lookup they share.
pub(super) fn impls(table: &Table) -> TokenStream {
    let codes = &table.codes;
    let count = usize_literal(codes.len());
    let locale_count = usize_literal(table.locales.len());

    // The tables by number span the numbers from the first code to the last.
    let first_code = codes.first().map_or(100, |code| code.code);
    let last_code = codes.last().map_or(100, |code| code.code);
    let span_len = usize::from(last_code - first_code) + 1;
    let first = usize_literal(usize::from(first_code));
    let span = usize_literal(span_len);
    let rows_by_number = by_number(Some(&first), &span, quote! { 0 }, quote! { row as u16 });
    // `message` reads its text straight by code, one load fewer than through the row table,
    // while that table stays small (at most 4096 cells, 64 KiB); sparse tables go by row.
    let message_lookup = if span_len * table.locales.len() <= 4096 {
        let messages_by_number = by_number(
            Some(&first),
            &span,
            quote! { [""; #locale_count] },
            quote! { MESSAGES[row] },
        );
        quote! {
            const BY_CODE: [[&str; #locale_count]; #span] = #messages_by_number;
            BY_CODE[self as usize - #first][locale as usize]
        }
    } else {
        quote! { MESSAGES[row_of(self)][locale as usize] }
    };

    let messages = text_table(codes, |code| code.message.iter().map(Some));
    let scenarios = text_table(codes, |code| code.scenario.iter().map(Option::as_ref));
    let notes = text_table(codes, |code| code.note.iter().map(Option::as_ref));
    let retry = codes.iter().map(|code| match code.retry_unchanged {
        Some(flag) => quote! { Some(#flag) },
        None => quote! { None },
    });
    let aliases = codes.iter().map(|code| {
        let aliases = &code.aliases;
        quote! { &[#(#aliases),*] }
    });

    quote! {
        impl StatusCode {
            /// The description in `locale`, or in the nearest locale down its fallback chain.
            #[inline]
            pub const fn message(self, locale: Locale) -> &'static str {
                const MESSAGES: [[&str; #locale_count]; #count] = #messages;
                #message_lookup
            }

            /// Typical situations in which an API returns this code, if the table says.
            #[inline]
            pub const fn scenario(self, locale: Locale) -> Option<&'static str> {
                const SCENARIOS: [[&str; #locale_count]; #count] = #scenarios;
                private::non_empty(SCENARIOS[row_of(self)][locale as usize])
            }

            /// Where sources disagree about this code, the other name or wording, if any.
            #[inline]
            pub const fn note(self, locale: Locale) -> Option<&'static str> {
                const NOTES: [[&str; #locale_count]; #count] = #notes;
                private::non_empty(NOTES[row_of(self)][locale as usize])
            }

            /// Whether repeating the same request unchanged can succeed, where the table says.
            #[inline]
            pub const fn retry_unchanged(self) -> Option<bool> {
                const RETRY: [Option<bool>; #count] = [#(#retry),*];
                RETRY[row_of(self)]
            }

            /// The other names `FromStr` accepts for this code.
            #[inline]
            pub const fn aliases(self) -> &'static [&'static str] {
                const ALIASES: [&[&str]; #count] = [#(#aliases),*];
                ALIASES[row_of(self)]
            }
        }

        /// The position of `code` in `StatusCode::ALL`, which indexes the text tables.
        #[inline]
        const fn row_of(code: StatusCode) -> usize {
            const ROWS: [u16; #span] = #rows_by_number;
            ROWS[code as usize - #first] as usize
        }
    }
}

/// `[[text; locales]; codes]`, with `""` for a text the code lacks.
fn text_table<'c, I>(codes: &'c [Code], texts: impl Fn(&'c Code) -> I) -> TokenStream
where
    I: Iterator<Item = Option<&'c String>>,
{
    let rows = codes.iter().map(|code| {
        let cells = texts(code).map(|text| text.map_or("", String::as_str));
        quote! { [#(#cells),*] }
    });
    quote! { [#(#rows),*] }
}
