//! `enum Locale`: its definition, its tags, `Display`/`FromStr`, and choosing it at run time
//! (negotiation, the environment, the current locale). The matching itself lives in
//! `status_core::locale`; this passes it the table's tags.

use proc_macro2::TokenStream;
use quote::quote;

use super::text::RustText;
use crate::model::Table;

/// The enum, at the module's level. Its derives name status-core through `krate`; its
/// variants, `{ ... }`, are `variants`.
pub(super) fn definition(table: &Table, krate: &TokenStream, variants: TokenStream) -> TokenStream {
    let non_exhaustive = table.non_exhaustive.then(|| quote! { #[non_exhaustive] });
    let core = quote! { #krate::__private::core };
    quote! {
        /// The locales of the table: one variant per BCP 47 tag used in it.
        #[derive(
            #core::clone::Clone,
            #core::marker::Copy,
            #core::cmp::PartialEq,
            #core::cmp::Eq,
        )]
        #non_exhaustive
        pub enum Locale #variants
    }
}

/// The body of the enum: `{ #[doc = "`zh-CN`"] ZhCn, ... }`.
pub(super) fn variants(table: &Table, out: &mut RustText) {
    out.block("", |out| {
        let mut doc = String::new();
        for locale in &table.locales {
            doc.clear();
            doc.push('`');
            doc.push_str(&locale.tag);
            doc.push('`');
            out.doc(&doc).code(" ").ident(&locale.variant).code(", ");
        }
    });
}

/// The impls, inside the expansion's `const _` block: the tags, the CLDR rows and the lookups,
/// and forwards into `status_core::__private` for negotiation and the current locale.
pub(super) fn impls(table: &Table, out: &mut RustText) {
    let locales = &table.locales;
    let mut tags: Vec<&str> = Vec::with_capacity(locales.len());
    for locale in locales {
        tags.push(&locale.tag);
    }
    out.code("/// The tags of `Locale::ALL`, in its order, as the matcher takes them.\n")
        .code("const TAGS: [&str; ")
        .number(locales.len())
        .code("] = ")
        .array(&tags, |out, tag| {
            out.str(tag);
        })
        .code(";\n");
    out.block("impl Locale", |out| {
        super::all_const(
            out,
            "Locale",
            "/// Every locale of the table, the default first.",
            table.non_exhaustive,
            locales.iter().map(|locale| &locale.variant),
        );
        // Validation guarantees a default locale, the first.
        if let Some(default) = locales.first() {
            out.code(
                "/// The locale every code has a message in.\npub const DEFAULT: Locale = Locale::",
            )
            .ident(&default.variant)
            .code(";\n");
        }
        out.code(
            "/// The CLDR rows for this table's languages, as the matcher takes them.
            #[doc(hidden)]
            pub const MATCHING_RULES: private::locale::Rules<'static> = ",
        );
        status_locale::data::rules_for(&tags, |rules| super::rules::rules(rules, out));
        out.code(";\n").code(METHODS).code(CURRENT);
    });
    out.code(CURRENT_STATIC).code(TRAIT_IMPLS);
    // Without a `repr`, the derives read the discriminant as an `isize`.
    super::forwarded_traits(
        out,
        "Locale",
        "LOCALE_NAMES",
        locales.iter().map(|locale| &locale.variant),
        "*self as usize",
        "isize",
    );
}

/// The rest of `impl Locale`: the tag, negotiation, lookup and the environment.
const METHODS: &str = "
    /// The BCP 47 tag, such as `zh-CN`.
    #[inline]
    pub const fn tag(self) -> &'static str {
        TAGS[self as usize]
    }
    /// The locale an HTTP `Accept-Language` header asks for, or [`Locale::DEFAULT`].
    ///
    /// Weights (`q`), `*`, whitespace and case are read as RFC 9110 says; tags match by
    /// CLDR's language matching (`en-AU` finds `en-GB`, `es-MX` finds `es-419`, `iw`
    /// finds `he`), the header's weights and order first; Simplified and Traditional
    /// Chinese reach each other only when nothing else fits. A malformed header never
    /// fails; it falls back to the default. Reads at most the header's first 32
    /// elements and 4 KB. Allocates nothing. See `status_core::locale` for the rules.
    pub fn negotiate(accept_language: &str) -> Locale {
        private::negotiate(accept_language.as_bytes(), &Locale::ALL, &TAGS, &Locale::MATCHING_RULES)
    }
    /// [`Locale::negotiate`] for a header value as bytes, as HTTP carries it: an element that
    /// is not UTF-8 is skipped alone, so `zh-CN\\xff;q=0, en` still asks for `en`.
    pub fn negotiate_bytes(accept_language: &[u8]) -> Locale {
        private::negotiate(accept_language, &Locale::ALL, &TAGS, &Locale::MATCHING_RULES)
    }
    /// The locale of the table that best fits one tag, by the rules of
    /// [`Locale::negotiate`]: `zh-Hans` finds `zh-CN`, `en-US` finds `en`, and a POSIX
    /// locale name such as `zh_TW.UTF-8` is read too. `None` when nothing fits.
    pub fn parse_lenient(tag: &str) -> Option<Locale> {
        private::lookup(tag, &Locale::ALL, &TAGS, &Locale::MATCHING_RULES)
    }
    /// The locale the environment asks for: `LANGUAGE` (a colon-separated list), then
    /// the first non-empty one of `LC_ALL`, `LC_MESSAGES` and `LANG`, as gettext reads
    /// them; `C` and `POSIX` mean [`Locale::DEFAULT`]. Where all four are empty
    /// (Windows, macOS applications), the operating system's preferred languages are
    /// read instead (status-core's default `os-locale` feature). Reading the
    /// environment copies it, so call this once at start-up, for example into
    /// [`Locale::set_current`].
    pub fn from_env() -> Locale {
        private::from_env(&Locale::ALL, &TAGS, &Locale::MATCHING_RULES)
    }
";

/// The current locale: forwards to the table's `CURRENT_LOCALE`, a
/// `status_core::__private::CurrentLocale` static, written after `impl Locale`. It stays here,
/// not in status-core, because each table has its own process-wide locale; the per-thread
/// overrides of every table share one thread-local in status-core, where its address tells
/// the tables' overrides apart.
const CURRENT: &str = "
    /// Sets the locale of the whole process, which [`Locale::current`] returns where no
    /// [`Locale::with_current`] or [`Locale::scope`] says otherwise. Lock-free.
    pub fn set_current(locale: Locale) {
        CURRENT_LOCALE.set(locale as usize)
    }

    /// The current locale: the innermost [`Locale::with_current`] or [`Locale::scope`]
    /// running on this thread, else the one given to [`Locale::set_current`], else
    /// [`Locale::DEFAULT`]. Lock-free.
    pub fn current() -> Locale {
        CURRENT_LOCALE.get()
    }

    /// Runs `f` with [`Locale::current`] returning `locale` on this thread, then puts
    /// the previous one back, also when `f` panics. Scopes nest. For async code, whose
    /// futures run after this returns, use [`Locale::scope`].
    pub fn with_current<R>(locale: Locale, f: impl core::ops::FnOnce() -> R) -> R {
        CURRENT_LOCALE.with(locale as usize, f)
    }

    /// Wraps `future` so that [`Locale::current`] returns `locale` inside it: on every
    /// poll, across `.await`s and moves between threads, and nowhere else. Needs no
    /// particular runtime; allocates nothing.
    pub fn scope<F: core::future::Future>(
        locale: Locale,
        future: F,
    ) -> private::LocaleScope<Locale, F> {
        CURRENT_LOCALE.scope(locale as usize, future)
    }
";

/// The static [`CURRENT`] forwards to.
const CURRENT_STATIC: &str = "
    /// This table's process-wide locale; its per-thread overrides live in status-core.
    static CURRENT_LOCALE: private::CurrentLocale<Locale> =
        private::CurrentLocale::new(&Locale::ALL);
";

/// `Default`, `Display` and `FromStr`.
const TRAIT_IMPLS: &str = "
    #[automatically_derived]
    impl core::default::Default for Locale {
        #[inline]
        fn default() -> Locale {
            Locale::DEFAULT
        }
    }

    #[automatically_derived]
    impl core::fmt::Display for Locale {
        /// Writes the tag, such as `zh-CN`.
        fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            f.pad(TAGS[*self as usize])
        }
    }

    #[automatically_derived]
    impl core::str::FromStr for Locale {
        type Err = private::ParseLocaleError;

        /// Accepts a tag of the table ignoring case, with `_` for `-` (`zh_cn`).
        #[inline]
        fn from_str(text: &str) -> Result<Locale, private::ParseLocaleError> {
            private::parse_locale(text, &Locale::ALL, &TAGS)
        }
    }
";
