//! [`crate::model::Table`] → Rust tokens. Nothing here can fail: the model is valid by construction.
//! Strings leave only as literals (`Literal::string`), names only as validated identifiers, and
//! every outside path is absolute so the user's own items cannot shadow it.

use std::collections::BTreeSet;

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use crate::model::{Code, Table};

/// Expands a table into the items `status_codes!` generates.
pub fn table(table: &Table) -> TokenStream {
    let status_code = status_code(table);
    let locale = locale(table);
    let runtime = runtime_locale(table);
    let integrations = integrations();
    let tracking = table.files.iter().filter_map(|path| {
        let path = path.to_str()?;
        Some(quote! { const _: &[u8] = ::core::include_bytes!(#path); })
    });
    quote! {
        #status_code
        #locale
        #runtime
        #integrations
        // Makes cargo rebuild this crate when a table file changes.
        #(#tracking)*
    }
}

/// Impls for other crates (serde, http); each macro expands to nothing unless `status-core` has
/// the matching feature, so the user's crate needs neither feature nor dependency.
fn integrations() -> TokenStream {
    quote! {
        ::status_core::__serde_impls!(StatusCode, Locale);
        ::status_core::__http_impls!(StatusCode);
    }
}

fn status_code(table: &Table) -> TokenStream {
    let codes = &table.codes;
    let variants: Vec<_> = codes
        .iter()
        .map(|code| format_ident!("{}", code.variant))
        .collect();
    let numbers: Vec<_> = codes
        .iter()
        .map(|code| Literal::u16_unsuffixed(code.code))
        .collect();
    let names: Vec<_> = codes.iter().map(|code| code.name.as_str()).collect();
    let lines: Vec<_> = codes
        .iter()
        .map(|code| format!("{} {}", code.code, code.name))
        .collect();
    let docs: Vec<_> = codes.iter().map(|code| variant_doc(table, code)).collect();
    let count = Literal::usize_unsuffixed(codes.len());
    let locale_count = Literal::usize_unsuffixed(table.locales.len());

    // The dense lookup tables cover the numbers from the first code to the last, except the
    // one of `from_u16`, which starts at 0 (codes are at most 999: at most 2 KiB).
    let first_code = codes.first().map_or(100, |code| code.code);
    let last_code = codes.last().map_or(100, |code| code.code);
    let span_len = usize::from(last_code - first_code) + 1;
    let first = Literal::usize_unsuffixed(usize::from(first_code));
    let span = Literal::usize_unsuffixed(span_len);
    let up_to_last = Literal::usize_unsuffixed(usize::from(last_code) + 1);
    // A `const` block laying one value per code out by number, from `origin` on (from 0 when
    // `None`), filled at compile time from `ALL`; `value` may use `row` (the index in `ALL`)
    // and `code`.
    let by_code =
        |origin: Option<&Literal>, len: &Literal, empty: TokenStream, value: TokenStream| {
            let slot = match origin {
                Some(origin) => quote! { code as usize - #origin },
                None => quote! { code as usize },
            };
            quote! {{
                let mut table = [#empty; #len];
                let mut row = 0;
                while row < #count {
                    let code = StatusCode::ALL[row];
                    table[#slot] = #value;
                    row += 1;
                }
                table
            }}
        };
    let codes_by_number = by_code(
        None,
        &up_to_last,
        quote! { ::core::option::Option::None },
        quote! { ::core::option::Option::Some(code) },
    );
    let rows_by_number = by_code(Some(&first), &span, quote! { 0 }, quote! { row as u16 });
    // `message` reads its text straight by code, one load fewer than through `index()`, while
    // that table stays small (at most 4096 cells, 64 KiB); sparse tables go through the rows.
    let message_lookup = if span_len * table.locales.len() <= 4096 {
        let messages_by_number = by_code(
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
        quote! { MESSAGES[self.index()][locale as usize] }
    };

    let messages = codes.iter().map(|code| {
        let texts = &code.message;
        quote! { [#(#texts),*] }
    });
    let optional_table = |select: fn(&Code) -> &Vec<Option<String>>| {
        let rows = codes.iter().map(|code| {
            let cells = select(code).iter().map(|text| match text {
                Some(text) => quote! { ::core::option::Option::Some(#text) },
                None => quote! { ::core::option::Option::None },
            });
            quote! { [#(#cells),*] }
        });
        quote! { [#(#rows),*] }
    };
    let scenarios = optional_table(|code| &code.scenario);
    let notes = optional_table(|code| &code.note);
    let retry = codes.iter().map(|code| match code.retry_unchanged {
        Some(flag) => quote! { ::core::option::Option::Some(#flag) },
        None => quote! { ::core::option::Option::None },
    });
    let aliases = codes.iter().map(|code| {
        let aliases = &code.aliases;
        quote! { &[#(#aliases),*] }
    });

    // `FromStr`: every accepted spelling, ASCII-lower-cased, matched as bytes.
    let spellings: Vec<BTreeSet<Vec<u8>>> = codes
        .iter()
        .zip(&lines)
        .map(|(code, line)| {
            std::iter::once(&code.name)
                .chain(&code.aliases)
                .chain([&code.variant, line])
                .map(|spelling| spelling.to_ascii_lowercase().into_bytes())
                .collect()
        })
        .collect();
    let longest = spellings.iter().flatten().map(Vec::len).max().unwrap_or(0);
    let patterns = spellings.iter().map(|set| {
        let literals = set.iter().map(|bytes| Literal::byte_string(bytes));
        quote! { #(#literals)|* }
    });

    let predicates = [
        ("is_informational", "Informational", "1xx"),
        ("is_success", "Success", "2xx"),
        ("is_redirection", "Redirection", "3xx"),
        ("is_client_error", "ClientError", "4xx"),
        ("is_server_error", "ServerError", "5xx"),
    ]
    .map(|(method, class, digits)| {
        let method = format_ident!("{method}");
        let class = format_ident!("{class}");
        let doc = format!("`true` for {digits} codes.");
        quote! {
            #[doc = #doc]
            #[inline]
            pub const fn #method(self) -> bool {
                ::core::matches!(self.class(), ::status_core::StatusClass::#class)
            }
        }
    });

    let enum_doc = format!(
        "The status codes of the table, one variant per code; the discriminant is the code.\n\n\
         Generated by `status_codes!`: {} codes in {} locales.",
        codes.len(),
        table.locales.len(),
    );

    quote! {
        #[doc = #enum_doc]
        #[derive(
            ::core::clone::Clone,
            ::core::marker::Copy,
            ::core::fmt::Debug,
            ::core::cmp::PartialEq,
            ::core::cmp::Eq,
            ::core::hash::Hash,
            ::core::cmp::PartialOrd,
            ::core::cmp::Ord,
        )]
        #[repr(u16)]
        pub enum StatusCode {
            #( #[doc = #docs] #variants = #numbers, )*
        }

        impl StatusCode {
            /// Every code of the table, in ascending order.
            pub const ALL: [StatusCode; #count] = [#(StatusCode::#variants),*];

            /// The numeric code, such as `404`.
            #[inline]
            pub const fn code(self) -> u16 {
                self as u16
            }

            /// The code with this number, if the table has it.
            #[inline]
            pub const fn from_u16(code: u16) -> ::core::option::Option<StatusCode> {
                // One comparison and one load from a table indexed by the number itself, where
                // a `match` compiled to a tree of branches and a table starting at the first
                // code paid a subtraction and a zero extension (BENCHMARKS.md has the timings).
                const CODES: [::core::option::Option<StatusCode>; #up_to_last] = #codes_by_number;
                let number = code as usize;
                if number < #up_to_last {
                    CODES[number]
                } else {
                    ::core::option::Option::None
                }
            }

            /// The reason phrase, such as `Not Found`: plain ASCII, as it goes on the wire.
            #[inline]
            pub const fn reason(self) -> &'static str {
                match self {
                    #( StatusCode::#variants => #names, )*
                }
            }

            /// The description in `locale`, or in the nearest locale down its fallback chain.
            #[inline]
            pub const fn message(self, locale: Locale) -> &'static str {
                const MESSAGES: [[&str; #locale_count]; #count] = [#(#messages),*];
                #message_lookup
            }

            /// Typical situations in which an API returns this code, if the table says.
            #[inline]
            pub const fn scenario(self, locale: Locale) -> ::core::option::Option<&'static str> {
                const SCENARIOS: [[::core::option::Option<&str>; #locale_count]; #count] = #scenarios;
                SCENARIOS[self.index()][locale as usize]
            }

            /// Where sources disagree about this code, the other name or wording, if any.
            #[inline]
            pub const fn note(self, locale: Locale) -> ::core::option::Option<&'static str> {
                const NOTES: [[::core::option::Option<&str>; #locale_count]; #count] = #notes;
                NOTES[self.index()][locale as usize]
            }

            /// Whether repeating the same request unchanged can succeed, where the table says.
            #[inline]
            pub const fn retry_unchanged(self) -> ::core::option::Option<bool> {
                const RETRY: [::core::option::Option<bool>; #count] = [#(#retry),*];
                RETRY[self.index()]
            }

            /// The other names `FromStr` accepts for this code.
            #[inline]
            pub const fn aliases(self) -> &'static [&'static str] {
                const ALIASES: [&[&str]; #count] = [#(#aliases),*];
                ALIASES[self.index()]
            }

            /// The class of the code, from its first digit.
            #[inline]
            pub const fn class(self) -> ::status_core::StatusClass {
                ::status_core::StatusClass::of(self.code())
            }

            #(#predicates)*

            /// The position of the code in [`StatusCode::ALL`], which indexes the text tables.
            #[inline]
            const fn index(self) -> usize {
                // Rows by code, from the first code on.
                const ROWS: [u16; #span] = #rows_by_number;
                ROWS[self as usize - #first] as usize
            }

            /// `404 Not Found`.
            #[inline]
            const fn status_line(self) -> &'static str {
                match self {
                    #( StatusCode::#variants => #lines, )*
                }
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Display for StatusCode {
            /// Writes `404 Not Found`: the code and its reason phrase, in English as on the wire.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.pad(self.status_line())
            }
        }

        #[automatically_derived]
        impl ::core::str::FromStr for StatusCode {
            type Err = ::status_core::ParseStatusCodeError;

            /// Accepts the number (`404`), the reason phrase in any case (`not found`), an
            /// alias, the variant name (`NotFound`) or the whole status line (`404 Not Found`).
            fn from_str(text: &str) -> ::core::result::Result<StatusCode, Self::Err> {
                let bytes = text.as_bytes();
                if !bytes.is_empty() && bytes.len() <= 5 && bytes.iter().all(u8::is_ascii_digit) {
                    // Five digits fit a `u32`; `u16` would overflow on `99999`.
                    let mut number: u32 = 0;
                    for digit in bytes {
                        number = number * 10 + (*digit - b'0') as u32;
                    }
                    let code = if number <= 999 {
                        StatusCode::from_u16(number as u16)
                    } else {
                        ::core::option::Option::None
                    };
                    // The error keeps an excerpt of the text: build it only on failure.
                    return match code {
                        ::core::option::Option::Some(code) => ::core::result::Result::Ok(code),
                        ::core::option::Option::None => ::core::result::Result::Err(
                            ::status_core::ParseStatusCodeError::new(text),
                        ),
                    };
                }
                const LONGEST: usize = #longest;
                if bytes.len() > LONGEST {
                    return ::core::result::Result::Err(::status_core::ParseStatusCodeError::new(text));
                }
                let mut buffer = [0u8; LONGEST];
                let folded = &mut buffer[..bytes.len()];
                folded.copy_from_slice(bytes);
                folded.make_ascii_lowercase();
                match &*folded {
                    #( #patterns => ::core::result::Result::Ok(StatusCode::#variants), )*
                    _ => ::core::result::Result::Err(::status_core::ParseStatusCodeError::new(text)),
                }
            }
        }

        #[automatically_derived]
        impl ::core::convert::TryFrom<u16> for StatusCode {
            type Error = ::status_core::UnknownStatusCode;

            fn try_from(code: u16) -> ::core::result::Result<StatusCode, Self::Error> {
                StatusCode::from_u16(code).ok_or(::status_core::UnknownStatusCode::new(code))
            }
        }

        #[automatically_derived]
        impl ::core::convert::From<StatusCode> for u16 {
            #[inline]
            fn from(code: StatusCode) -> u16 {
                code.code()
            }
        }
    }
}

/// A variant's rustdoc: its status line, then its message in every locale.
fn variant_doc(table: &Table, code: &Code) -> String {
    let mut doc = format!("`{}` {}", code.code, code.name);
    for (locale, message) in table.locales.iter().zip(&code.message) {
        doc.push_str(&format!(
            "\n\n- `{}`: {}",
            locale.tag,
            markdown_text(message)
        ));
    }
    if !code.aliases.is_empty() {
        let aliases: Vec<String> = code
            .aliases
            .iter()
            .map(|alias| markdown_text(alias))
            .collect();
        doc.push_str(&format!("\n\nAlso known as: {}.", aliases.join(", ")));
    }
    doc
}

/// Text shown verbatim in rustdoc: Markdown and HTML characters escaped, one line.
fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn locale(table: &Table) -> TokenStream {
    let locales = &table.locales;
    let variants: Vec<_> = locales
        .iter()
        .map(|locale| format_ident!("{}", locale.variant))
        .collect();
    let tags: Vec<_> = locales.iter().map(|locale| locale.tag.as_str()).collect();
    let docs = locales.iter().map(|locale| format!("`{}`", locale.tag));
    let count = Literal::usize_unsuffixed(locales.len());
    let default = &variants[0];
    // `FromStr` folds case and `_` to `-`, then matches the folded tag as bytes.
    let folded: Vec<_> = tags
        .iter()
        .map(|tag| Literal::byte_string(tag.to_ascii_lowercase().as_bytes()))
        .collect();
    let longest = tags.iter().map(|tag| tag.len()).max().unwrap_or(0);

    quote! {
        /// The locales of the table: one variant per BCP 47 tag used in it.
        #[derive(
            ::core::clone::Clone,
            ::core::marker::Copy,
            ::core::fmt::Debug,
            ::core::cmp::PartialEq,
            ::core::cmp::Eq,
            ::core::hash::Hash,
            ::core::cmp::PartialOrd,
            ::core::cmp::Ord,
        )]
        pub enum Locale {
            #( #[doc = #docs] #variants, )*
        }

        impl Locale {
            /// Every locale of the table, the default first.
            pub const ALL: [Locale; #count] = [#(Locale::#variants),*];

            /// The locale every code has a message in.
            pub const DEFAULT: Locale = Locale::#default;

            /// The BCP 47 tag, such as `zh-CN`.
            #[inline]
            pub const fn tag(self) -> &'static str {
                match self {
                    #( Locale::#variants => #tags, )*
                }
            }
        }

        #[automatically_derived]
        impl ::core::default::Default for Locale {
            #[inline]
            fn default() -> Locale {
                Locale::DEFAULT
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Display for Locale {
            /// Writes the tag, such as `zh-CN`.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.pad(self.tag())
            }
        }

        #[automatically_derived]
        impl ::core::str::FromStr for Locale {
            type Err = ::status_core::ParseLocaleError;

            /// Accepts a tag of the table ignoring case, with `_` for `-` (`zh_cn`).
            fn from_str(text: &str) -> ::core::result::Result<Locale, Self::Err> {
                const LONGEST: usize = #longest;
                let bytes = text.as_bytes();
                if bytes.len() > LONGEST {
                    return ::core::result::Result::Err(::status_core::ParseLocaleError::new(text));
                }
                let mut buffer = [0u8; LONGEST];
                let folded = &mut buffer[..bytes.len()];
                for (out, byte) in folded.iter_mut().zip(bytes) {
                    *out = if *byte == b'_' { b'-' } else { byte.to_ascii_lowercase() };
                }
                match &*folded {
                    #( #folded => ::core::result::Result::Ok(Locale::#variants), )*
                    _ => ::core::result::Result::Err(::status_core::ParseLocaleError::new(text)),
                }
            }
        }
    }
}

/// Choosing the locale at run time: negotiation, the environment, the current locale, and
/// messages in it. The matching itself lives in `::status_core::locale`; this passes it the
/// tags and keeps the current locale, per table, in statics local to these functions.
fn runtime_locale(table: &Table) -> TokenStream {
    let variants: Vec<_> = table
        .locales
        .iter()
        .map(|locale| format_ident!("{}", locale.variant))
        .collect();
    let tags = table.locales.iter().map(|locale| locale.tag.as_str());
    let indices = (0..variants.len()).map(Literal::usize_unsuffixed);
    let count = Literal::usize_unsuffixed(variants.len());
    let tag_list: Vec<&str> = table
        .locales
        .iter()
        .map(|locale| locale.tag.as_str())
        .collect();
    let rules = crate::cldr::emit::locale_data(&tag_list);

    quote! {
        impl Locale {
            /// The tags of [`Locale::ALL`], in its order, as the matcher takes them.
            const TAGS: [&'static str; #count] = [#(#tags),*];

            /// The CLDR rows for this table's languages, as the matcher takes them.
            #[doc(hidden)]
            pub const MATCHING_RULES: ::status_core::locale::Rules<'static> = #rules;

            /// The locale an HTTP `Accept-Language` header asks for, or [`Locale::DEFAULT`].
            ///
            /// Weights (`q`), `*`, whitespace and case are read as RFC 9110 says; tags match by
            /// CLDR's language matching (`en-AU` finds `en-GB`, `es-MX` finds `es-419`, `iw`
            /// finds `he`), the header's weights and order first; Simplified and Traditional
            /// Chinese reach each other only when nothing else fits. A malformed header never
            /// fails; it falls back to the default. Reads at most the header's first 32
            /// elements and 4 KB. Allocates nothing. See `status_core::locale` for the rules.
            pub fn negotiate(accept_language: &str) -> Locale {
                Locale::from_index(::status_core::locale::negotiate(
                    accept_language,
                    &Locale::TAGS,
                    &Locale::MATCHING_RULES,
                ))
            }

            /// The locale of the table that best fits one tag, by the rules of
            /// [`Locale::negotiate`]: `zh-Hans` finds `zh-CN`, `en-US` finds `en`, and a POSIX
            /// locale name such as `zh_TW.UTF-8` is read too. `None` when nothing fits.
            pub fn parse_lenient(tag: &str) -> ::core::option::Option<Locale> {
                ::core::option::Option::map(
                    ::status_core::locale::lookup(tag, &Locale::TAGS, &Locale::MATCHING_RULES),
                    Locale::from_index,
                )
            }

            /// The locale the environment asks for: `LANGUAGE` (a colon-separated list), then
            /// the first non-empty one of `LC_ALL`, `LC_MESSAGES` and `LANG`, as gettext reads
            /// them; `C` and `POSIX` mean [`Locale::DEFAULT`]. Where all four are empty
            /// (Windows, macOS applications), the operating system's preferred languages are
            /// read instead (status-core's default `os-locale` feature). Reading the environment copies
            /// it, so call this once at start-up, for example into [`Locale::set_current`].
            pub fn from_env() -> Locale {
                Locale::from_index(::status_core::locale::from_env(
                    &Locale::TAGS,
                    &Locale::MATCHING_RULES,
                ))
            }

            /// Sets the locale of the whole process, which [`Locale::current`] returns where no
            /// [`Locale::with_current`] scope says otherwise. Lock-free.
            pub fn set_current(locale: Locale) {
                Locale::process_current()
                    .store(locale as usize, ::core::sync::atomic::Ordering::Relaxed);
            }

            /// The current locale: the innermost [`Locale::with_current`] of this thread, else
            /// the one given to [`Locale::set_current`], else [`Locale::DEFAULT`]. Lock-free.
            pub fn current() -> Locale {
                let scoped = Locale::thread_current()
                    .try_with(::core::cell::Cell::get)
                    .ok()
                    .flatten();
                match scoped {
                    ::core::option::Option::Some(locale) => locale,
                    ::core::option::Option::None => Locale::from_index(
                        Locale::process_current().load(::core::sync::atomic::Ordering::Relaxed),
                    ),
                }
            }

            /// Runs `f` with [`Locale::current`] returning `locale` on this thread, then puts
            /// the previous one back, also when `f` panics. Scopes nest.
            pub fn with_current<R>(locale: Locale, f: impl ::core::ops::FnOnce() -> R) -> R {
                struct Restore(::core::option::Option<Locale>);
                #[automatically_derived]
                impl ::core::ops::Drop for Restore {
                    fn drop(&mut self) {
                        let previous = self.0;
                        // During thread teardown there is nothing left to restore.
                        let _ = Locale::thread_current().try_with(|scoped| scoped.set(previous));
                    }
                }
                let previous = Locale::thread_current()
                    .try_with(|scoped| scoped.replace(::core::option::Option::Some(locale)))
                    .ok()
                    .flatten();
                let _restore = Restore(previous);
                f()
            }

            /// The process-wide locale, as an index into [`Locale::ALL`].
            fn process_current() -> &'static ::core::sync::atomic::AtomicUsize {
                // Relaxed is enough: the index is the only data it publishes.
                static CURRENT: ::core::sync::atomic::AtomicUsize =
                    ::core::sync::atomic::AtomicUsize::new(0);
                &CURRENT
            }

            /// This thread's override, if a `with_current` scope is active.
            fn thread_current(
            ) -> &'static ::std::thread::LocalKey<::core::cell::Cell<::core::option::Option<Locale>>>
            {
                ::std::thread_local! {
                    static SCOPED: ::core::cell::Cell<::core::option::Option<Locale>> =
                        const { ::core::cell::Cell::new(::core::option::Option::None) };
                }
                &SCOPED
            }

            /// The locale at `index` in [`Locale::ALL`]; the default for any other number.
            const fn from_index(index: usize) -> Locale {
                match index {
                    #( #indices => Locale::#variants, )*
                    _ => Locale::DEFAULT,
                }
            }
        }

        impl StatusCode {
            /// The message in `locale`, as a value that prints it: for `write!` and
            /// `format_args!` without an intermediate `String`. Width and alignment apply.
            #[inline]
            pub const fn localized(self, locale: Locale) -> ::status_core::locale::Localized {
                ::status_core::locale::Localized::new(self.message(locale))
            }

            /// The message in [`Locale::current`].
            #[inline]
            pub fn message_current(self) -> &'static str {
                self.message(Locale::current())
            }
        }
    }
}
