//! [`crate::model::Table`] → Rust tokens. Nothing here fails on input: the model is valid by
//! construction. Strings leave only as escaped literals, names only as validated identifiers.
//!
//! The output is the table's data and short forwards: what every table shares (filling the
//! tables by number, the class tests, parsing, negotiation, the current locale) is ordinary
//! Rust in `status_core::__private`, `const fn`s over the data where the API is `const`,
//! compiled once there rather than in every user's crate. Each item is written whole by one
//! function ([`text::RustText::block`] opens and closes it), never opened in one piece of text
//! and closed in another.
//!
//! Most of the output is written as source text and lexed once ([`text`]), not built token by
//! token with `quote!`: inside rustc each token built is a call across the proc-macro bridge, in
//! a generator that runs unoptimized, and for large tables that was most of the expansion's
//! time. Text that does not lex would be a bug here; it becomes a compile error, not a panic.
//!
//! What makes the output compile wherever it lands (editions 2015 to 2024,
//! `#![no_implicit_prelude]`, user items named `u16`, `str` or `code`):
//!
//! - the enums are the only items at the module's level; everything else sits in an anonymous
//!   `const _: () = { ... };` block that imports, explicitly, each name it uses from
//!   `status_core::__private` (the core library, the primitive types, the run-time helpers), so
//!   nothing depends on the prelude or on what the user's module holds;
//! - status-core is reached through the path the invocation passes (`$crate` from the
//!   `status_core::status_codes!` wrapper), which survives a renamed dependency;
//! - every name the generated code binds (a parameter, a `let`) is also imported into the
//!   const block, as a dummy `fn` of `status_core::__private::bound`, so a user's
//!   `const code: u16` cannot turn that binding into a constant pattern: hygiene does not stop
//!   that, and generated function bodies cannot see a user's locals anyway, so no span tricks
//!   are needed;
//! - the generated code never writes `Self::Err` or `Self::Error`, so a variant may be named
//!   `Err` or `Error`.

mod locale;
mod problems;
mod rules;
mod status_code;
mod tables;
mod text;

use proc_macro2::TokenStream;
use quote::quote;

use self::text::RustText;

use crate::model::{Ident, Table};

/// How `status_codes!` was invoked: the path to status-core, and which integrations to
/// generate.
#[derive(Clone, Debug)]
pub struct Options {
    /// The path the generated code reaches status-core by: `$crate` from the
    /// `status_core::status_codes!` wrapper, `::status_core` when the generator is called
    /// directly.
    pub krate: TokenStream,
    /// `Serialize`/`Deserialize` impls, when status-core has its `serde` feature
    /// (`serde = false` in the invocation turns them off).
    pub serde: bool,
    /// `http::StatusCode` conversions, when status-core has its `http` feature
    /// (`http = false` turns them off).
    pub http: bool,
    /// axum's `FromRequestParts` for `Locale` and `IntoResponse` for `StatusCode`, when
    /// status-core has its `axum` feature (`axum = false` turns them off).
    pub axum: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            krate: quote!(::status_core),
            serde: true,
            http: true,
            axum: true,
        }
    }
}

/// Every name the expansion, and the integration macros of status-core expanded into it, bind
/// as a local or a parameter; status-core's `__private::bound` has a `fn` of each name, which
/// the expansion imports. `tests/compile_generated.rs` defines a constant of each name in the
/// user's module; a unit test below checks the three lists against the code.
const LOCALS: &[&str] = &[
    "accept_language",
    "code",
    "deserializer",
    "f",
    "folded",
    "future",
    "header",
    "locale",
    "number",
    "other",
    "parts",
    "serializer",
    "state",
    "status",
    "tag",
    "text",
];

/// Expands a table into the items `status_codes!` generates.
///
/// A table file rewritten in place while a build reads it (an editor or a script that
/// truncates the file, then writes it) must not compile as the half it held at that moment.
/// What happens: the generator reads each file once ([`crate::source::read_file`], which
/// retries and then fails when the file's size or time changes during its own read); the
/// expansion then `include_str!`s each file, which is how rustc's dep-info, and so cargo,
/// learn of it (as text, since the generator only accepts UTF-8: an expanded crate then shows
/// the file's characters, where a byte string shows four bytes of escape per non-ASCII byte). Cargo stamps the dep-info with the time the compilation started, so a file
/// written after that rebuilds the crate at the next build; but this build would have used
/// what the generator read. So the expansion also checks, at compile time, that the file
/// rustc includes has the length the generator read: a file truncated and then written
/// again has another length, and the build fails saying the file changed while it was read.
/// A rewrite of the same length, finished before the generator's read or after rustc's, is
/// a whole version of the file either way, never a part. What no reader can tell is a writer
/// that stopped half-way for the whole of the compilation: the file is then, for as long,
/// a shorter table, and cargo rebuilds once it is written. Only the length is compared, as
/// hashing the file in const evaluation would cost every build time in proportion to it.
///
/// The bulk is written as Rust source text and lexed once per piece ([`text`]); only what
/// names status-core through `options.krate` (which may be `$crate`, which no text can spell)
/// is built as tokens, and the lexed pieces are spliced into it whole.
pub(crate) fn table(table: &Table, options: &Options) -> TokenStream {
    let krate = &options.krate;
    let written = Pieces::write(table).and_then(|pieces| {
        let structs = problems::definitions(table, krate)?;
        let problem_impls = if options.serde {
            problems::integrations(table, krate)?
        } else {
            TokenStream::new()
        };
        Ok((pieces, structs, problem_impls))
    });
    let (pieces, problem_structs, problem_impls) = match written {
        Ok(written) => written,
        Err(error) => {
            let message = format!(
                "status_codes!: internal error, please report it: {error}; the table itself \
                 may be fine"
            );
            return quote! { #krate::__private::core::compile_error!(#message); };
        }
    };
    let enums = [
        status_code::definition(table, krate, pieces.status_code_variants),
        locale::definition(table, krate, pieces.locale_variants),
    ];
    let Pieces {
        impls, tracking, ..
    } = pieces;
    let integrations = integrations(options);
    let shadowed = LOCALS
        .iter()
        .map(|name| proc_macro2::Ident::new(name, proc_macro2::Span::call_site()));
    quote! {
        #(#enums)*
        #problem_structs

        #[allow(unused_imports, dead_code, clippy::all)]
        const _: () = {
            // A user's `const code` (or unit struct) named like a local of the code below would
            // turn that local's binding into a constant pattern, hygiene or not; these imported
            // functions, nearer in scope, make every such name bind afresh.
            use #krate::__private::bound::{#(#shadowed),*};
            // Every path from the crate root, as edition 2015 reads `use` paths.
            use #krate::__private as private;
            use #krate::__private::core;
            use #krate::__private::core::primitive::{bool, i64, isize, str, u16, u32, u64, u8, usize};
            use #krate::__private::core::option::Option::{self, None, Some};
            use #krate::__private::core::result::Result::{self, Err, Ok};
            use #krate::__private::core::matches;

            #impls
            #integrations
            #problem_impls
            // Makes cargo rebuild this crate when a table file changes, and fails this build
            // when one changed after the generator read it.
            #tracking
        };
    }
}

/// The parts of the expansion written as text, each lexed once.
struct Pieces {
    /// `{ ... }`: the variants of `StatusCode`.
    status_code_variants: TokenStream,
    /// `{ ... }`: the variants of `Locale`.
    locale_variants: TokenStream,
    /// The impls of both enums and their tables.
    impls: TokenStream,
    /// `include_str!` of each table file read, with its length checked (see [`table`]).
    tracking: TokenStream,
}

impl Pieces {
    /// Writes and lexes each piece; an `Err` is a bug of this crate.
    fn write(table: &Table) -> Result<Pieces, String> {
        let codes = table.codes.len();
        let mut variants = RustText::with_capacity(codes * 160);
        status_code::variants(table, &mut variants);
        let status_code_variants = variants.parse()?;

        let mut variants = RustText::with_capacity(table.locales.len() * 32);
        locale::variants(table, &mut variants);
        let locale_variants = variants.parse()?;

        let mut impls = RustText::with_capacity(impls_capacity(table));
        status_code::impls(table, &mut impls);
        locale::impls(table, &mut impls);
        problems::impls(table, &mut impls);
        let impls = impls.parse()?;

        let mut tracking = RustText::with_capacity(table.files.len() * 160);
        for file in &table.files {
            if let Some(path) = file.path.to_str() {
                let message = format!(
                    "the table file `{}` changed while status_codes! read it; build again once it is saved",
                    file.display
                );
                tracking
                    .code("const _: () = private::unchanged(core::include_str!(")
                    .str(path)
                    .code("), ")
                    .number(file.len)
                    .code(", ")
                    .str(&message)
                    .code(");\n");
            }
        }
        let tracking = tracking.parse()?;

        Ok(Pieces {
            status_code_variants,
            locale_variants,
            impls,
            tracking,
        })
    }
}

/// `pub const ALL` of the enum `ty`: every variant, in `variants`' order. A fixed-size array,
/// or a slice when the table is non-exhaustive so that a later version may add variants
/// without changing the constant's type.
fn all_const<'v>(
    out: &mut RustText,
    ty: &'static str,
    doc: &'static str,
    non_exhaustive: bool,
    variants: impl ExactSizeIterator<Item = &'v Ident>,
) {
    out.code(doc);
    if non_exhaustive {
        out.code(
            " A slice: the table is
            /// non-exhaustive, so a later version may hold more.
            pub const ALL: &'static [",
        )
        .code(ty)
        .code("] = &");
    } else {
        out.code("\npub const ALL: [")
            .code(ty)
            .code("; ")
            .number(variants.len())
            .code("] = ");
    }
    out.array(variants, |out, variant| {
        out.code(ty).code("::").ident(variant);
    })
    .code(";\n");
}

/// `Debug`, `Hash`, `PartialOrd` and `Ord` of the enum `ty`, written by hand where the derives
/// expand to a `match` arm per variant and several lines per trait. They behave as the derives
/// do: `Debug` writes the variant's name (`names`, in the constant `table` indexed by `index`, an expression of
/// `*self`) unpadded, and `Hash` and the order use the discriminant, of type `repr`, as the
/// derives read it. `Clone`, `Copy`, `PartialEq` and `Eq` stay derived: they are short, and a
/// derived `PartialEq` is what lets a constant of the enum be a pattern. `Debug` and `Hash` go
/// without `#[inline]`: formatting calls `fmt` through a pointer, and `hash`, being generic, is
/// compiled in each crate that uses it anyway.
fn forwarded_traits<'v>(
    out: &mut RustText,
    ty: &'static str,
    table: &'static str,
    names: impl ExactSizeIterator<Item = &'v Ident>,
    index: &'static str,
    repr: &'static str,
) {
    out.code("const ")
        .code(table)
        .code(": [&str; ")
        .number(names.len())
        .code("] = ")
        .array(names, |out, name| {
            out.str(name.as_str());
        })
        .code(
            ";
",
        );
    out.code("#[automatically_derived]\nimpl core::fmt::Debug for ")
        .code(ty)
        .code(" {\nfn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {\nf.write_str(")
        .code(table)
        .code("[")
        .code(index)
        .code("])\n}\n}\n#[automatically_derived]\nimpl core::hash::Hash for ")
        .code(ty)
        .code(" {\nfn hash<H: core::hash::Hasher>(&self, state: &mut H) {\ncore::hash::Hash::hash(&(*self as ")
        .code(repr)
        .code("), state)\n}\n}\n#[automatically_derived]\nimpl core::cmp::PartialOrd for ")
        .code(ty)
        .code(" {\n#[inline]\nfn partial_cmp(&self, other: &Self) -> Option<core::cmp::Ordering> {\nSome(core::cmp::Ord::cmp(self, other))\n}\n}\n#[automatically_derived]\nimpl core::cmp::Ord for ")
        .code(ty)
        .code(" {\n#[inline]\nfn cmp(&self, other: &Self) -> core::cmp::Ordering {\ncore::cmp::Ord::cmp(&(*self as ")
        .code(repr)
        .code("), &(*other as ")
        .code(repr)
        .code("))\n}\n}\n");
}

/// Room for the impls' text, so that writing it does not reallocate: the texts, a few bytes
/// of syntax a cell, a few hundred a code (its spellings, its rows) and a fixed part (the
/// methods, the CLDR rows).
fn impls_capacity(table: &Table) -> usize {
    let mut texts = 0;
    for code in &table.codes {
        for message in &code.message {
            texts += message.len();
        }
        for cells in &[&code.scenario, &code.note] {
            for cell in cells.iter().flatten() {
                texts += cell.len();
            }
        }
    }
    for problem in &table.problems {
        for title in &problem.title {
            texts += title.len();
        }
        for detail in &problem.detail {
            texts += detail.literal_len() + detail.pieces.len() * 32;
        }
        texts += 1024;
    }
    let cells = table.codes.len() * table.locales.len() * 3;
    texts + texts / 16 + cells * 4 + table.codes.len() * 320 + 64 * 1024
}

/// Impls for other crates (serde, http, axum): macros of status-core that expand to nothing unless
/// status-core has the feature, so the user's crate needs neither feature nor dependency. Called
/// with braces, which leave no empty statement behind when they expand to nothing.
fn integrations(options: &Options) -> TokenStream {
    let krate = &options.krate;
    let mut tokens = TokenStream::new();
    if options.serde {
        tokens.extend(quote! { #krate::__serde_impls! { StatusCode, Locale } });
    }
    if options.http {
        tokens.extend(quote! { #krate::__http_impls! { StatusCode } });
    }
    if options.axum {
        tokens.extend(quote! { #krate::__axum_impls! { StatusCode, Locale } });
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;
    use syn::visit::Visit;

    /// Every name a pattern of the expansion binds: `let` bindings, parameters, closure arguments.
    /// A capitalized identifier in a pattern (`None`) names a variant or constant, not a binding.
    struct Bound(Vec<String>);

    impl<'ast> Visit<'ast> for Bound {
        fn visit_pat_ident(&mut self, pat: &'ast syn::PatIdent) {
            let name = pat.ident.to_string();
            if !name.starts_with(|first: char| first.is_ascii_uppercase()) {
                self.0.push(name);
            }
            syn::visit::visit_pat_ident(self, pat);
        }
    }

    /// A name the expansion binds that is missing from `LOCALS` is not shadowed, so a user's
    /// `const` of that name turns the binding into a pattern that fails to compile; and a name of
    /// `LOCALS` missing from `tests/compile_generated.rs` is not tried there. The same holds for
    /// status-core's integration macros, which are expanded inside the generated `const _`.
    #[test]
    fn every_name_the_expansion_binds_is_shadowed_and_tried() {
        let messages_only = "[locales]\ndefault = \"en\"\n[codes.404]\nname = \"Not Found\"\n\
                             message.en = \"Nothing here.\"\n";
        let problems = "[locales]\ndefault = \"en\"\n[codes.403]\nname = \"Forbidden\"\n\
                        message.en = \"No.\"\nmessage.ja = \"いいえ。\"\n\
                        [problems.out-of-credit]\nstatus = 403\ntype = \"https://e.com/p\"\n\
                        title.en = \"T\"\ndetail.en = \"{balance} {cost}\"\n\
                        [problems.gone]\nstatus = 403\ntype = \"https://e.com/g\"\n\
                        title.en = \"T\"\ntitle.ja = \"T\"\ndetail.en = \"D\"\ndetail.ja = \"D\"\n";
        for text in [
            include_str!("../../tests/golden/table.toml"),
            messages_only,
            problems,
        ] {
            let table = crate::load_str("t.toml", text).unwrap();
            let tokens = crate::expand(&table, &Options::default());
            let mut bound = Bound(Vec::new());
            bound.visit_file(&syn::parse2(tokens).unwrap());
            assert!(bound.0.contains(&"locale".to_string()), "{:?}", bound.0);
            for name in &bound.0 {
                assert!(LOCALS.contains(&name.as_str()), "`{name}` is not in LOCALS");
            }
        }
        // What status-core's integration macros bind: each macro's one non-empty arm, with the
        // macro's own variables spelled out so that it parses as items.
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../status-core/src/integrations.rs"
        );
        let source = std::fs::read_to_string(path).unwrap();
        let mut arms = 0;
        for (at, _) in source.match_indices(":ident) => {\n") {
            let body = &source[at + ":ident) => {".len()..];
            let end = body.find("\n    };\n").unwrap();
            let items = body[..end]
                .replace("$crate", "crate")
                .replace("$status_code", "StatusCode")
                .replace("$locale", "Locale");
            let mut bound = Bound(Vec::new());
            bound.visit_file(&syn::parse_file(&items).unwrap());
            for name in &bound.0 {
                assert!(LOCALS.contains(&name.as_str()), "`{name}` is not in LOCALS");
            }
            arms += 1;
        }
        assert_eq!(arms, 3, "the serde, http and axum macros");

        // status-core's dummy functions, which the expansion imports: exactly these names.
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../status-core/src/private.rs");
        let source = std::fs::read_to_string(path).unwrap();
        let start = source.find("    bound! {\n").unwrap() + "    bound! {\n".len();
        let end = start + source[start..].find('}').unwrap();
        let mut defined: Vec<&str> = source[start..end].split_whitespace().collect();
        defined.sort_unstable();
        assert_eq!(defined, LOCALS, "status_core::__private::bound");

        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/compile_generated.rs");
        let tried = std::fs::read_to_string(path).unwrap();
        for name in LOCALS {
            let item = format!("const {name}: () = ();");
            assert!(
                tried.contains(&item),
                "tests/compile_generated.rs lacks `{item}`"
            );
        }
    }
}
