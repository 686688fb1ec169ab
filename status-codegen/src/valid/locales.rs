//! The locales of a table: the default, and every tag a text uses, each checked.

use std::borrow::Cow;

use super::{Checker, Ident};
use crate::ast::{Document, Field};
use crate::diag::Diagnostic;
use crate::index::TextIndex;
use crate::model::Locale;
use crate::names::{MAX_SPELLING, variant_from_tag};
use crate::parse::{escape, list};
use crate::source::{Sp, Span};
use crate::tag;

/// The most locales one table may have: every locale multiplies the text tables.
pub(crate) const MAX_LOCALES: usize = 1024;

/// The tags met so far. Every text names one, so this is asked once per text: a binary search
/// of the first [`MAX_LOCALES`] + 1 tags (all a valid table has) costs far less than hashing
/// each tag in an unoptimized build; the rest, only in a table refused for having too many,
/// go to a hash set so that no input makes the search quadratic.
#[derive(Default)]
struct Known<'d> {
    sorted: Vec<&'d str>,
    overflow: TextIndex<'d>,
}

impl<'d> Known<'d> {
    /// Adds `tag`; whether it is new.
    fn insert(&mut self, tag: &'d str) -> bool {
        match self.sorted.binary_search(&tag) {
            Ok(_) => false,
            Err(at) if self.sorted.len() <= MAX_LOCALES => {
                self.sorted.insert(at, tag);
                true
            }
            Err(_) => self.overflow.insert(Cow::Borrowed(tag), 0).is_none(),
        }
    }
}

impl Checker<'_> {
    pub(super) fn default_locale(&mut self, document: &Document) -> Option<Sp<String>> {
        let Some(locales) = &document.locales else {
            self.error(
                Diagnostic::new(Span::new(document.file, 0..0), "missing `[locales]` table")
                    .help("add `[locales]` with `default = \"en\"`: the locale every code has a message in"),
            );
            return None;
        };
        let default = match &locales.default {
            Field::Present(default) => default,
            // Reported by the parser as a wrong type.
            Field::Invalid => return None,
            Field::Absent => {
                self.error(
                    Diagnostic::new(locales.span.clone(), "missing `default` in `[locales]`")
                        .help("add `default = \"en\"`: the locale every code has a message in"),
                );
                return None;
            }
        };
        self.tag(default).then(|| default.clone())
    }

    /// Checks a locale tag; reports and returns `false` if it is malformed.
    pub(super) fn tag(&mut self, tag: &Sp<String>) -> bool {
        // `Locale::from_str` folds into the same fixed buffer as names: a longer tag could
        // never be parsed back.
        if tag.value.len() > MAX_SPELLING {
            self.error(
                Diagnostic::new(
                    tag.span.clone(),
                    format!(
                        "locale tag `{}` is longer than {MAX_SPELLING} bytes",
                        escape(&tag.value)
                    ),
                )
                .label("too long to be parsed back")
                .help("BCP 47 tags in use are a few subtags long; shorten it"),
            );
            return false;
        }
        match tag::check(&tag.value) {
            Ok(()) => true,
            Err((problem, suggestion)) => {
                let mut diagnostic = Diagnostic::new(
                    tag.span.clone(),
                    format!("bad locale tag `{}`", escape(&tag.value)),
                )
                .label(problem);
                if let Some(suggestion) = suggestion {
                    diagnostic = diagnostic.help(format!("write `{suggestion}`"));
                }
                self.error(diagnostic);
                false
            }
        }
    }

    /// Every locale used anywhere, the default first, then in order of first use.
    pub(super) fn locales(
        &mut self,
        document: &Document,
        default: Option<&Sp<String>>,
    ) -> Option<Vec<Locale>> {
        let mut tags: Vec<Sp<String>> = Vec::new();
        if let Some(default) = default {
            tags.push(default.clone());
        }
        let mut known = Known::default();
        if let Some(default) = default {
            known.insert(&default.value);
        }
        let mut ok = default.is_some();
        for code in &document.codes {
            for text in code.texts() {
                if known.insert(&text.tag.value) {
                    if self.tag(&text.tag) {
                        tags.push(text.tag.clone());
                    } else {
                        ok = false;
                    }
                }
            }
        }
        if tags.len() > MAX_LOCALES {
            self.error(
                Diagnostic::new(
                    tags[MAX_LOCALES].span.clone(),
                    format!(
                        "the table has {} locales; at most {MAX_LOCALES} are allowed",
                        tags.len()
                    ),
                )
                .label("one locale too many")
                .help("every locale multiplies the text tables; split the table"),
            );
            return None;
        }
        ok &= self.locale_variants(&tags);
        if let Some(default) = default {
            ok &= self.default_is_used(document, default, &tags);
        }
        let mut values = Vec::with_capacity(tags.len());
        for tag in tags {
            values.push(tag.value);
        }
        let chains = default.and_then(|_| self.fallback_chains(document, &values));
        let chains = chains.filter(|_| ok)?;
        let mut locales = Vec::with_capacity(values.len());
        for (tag, fallback_chain) in values.into_iter().zip(chains) {
            locales.push(Locale {
                // `locale_variants` checked that every tag gives a distinct identifier.
                variant: Ident::checked(variant_from_tag(&tag)),
                tag,
                fallback_chain,
            });
        }
        Some(locales)
    }

    /// Two tags that give one `Locale` variant (`es-419-1234`, `es-4191234`) are an error
    /// naming both. Returns whether there was none.
    fn locale_variants(&mut self, tags: &[Sp<String>]) -> bool {
        // Each variant's first tag, by its index in `tags`.
        let mut by_variant = TextIndex::new();
        let mut ok = true;
        for (at, tag) in tags.iter().enumerate() {
            let variant = variant_from_tag(&tag.value);
            if let Some(&first) = by_variant.get(variant.as_str()) {
                let first = &tags[first];
                self.error(
                    Diagnostic::new(
                        tag.span.clone(),
                        format!(
                            "locales `{}` and `{}` would both be the variant `Locale::{variant}`",
                            escape(&first.value),
                            escape(&tag.value),
                        ),
                    )
                    .label("this tag")
                    .related(first.span.clone(), "and this one")
                    .help("use one of the two tags only"),
                );
                ok = false;
            } else {
                by_variant.insert(Cow::Owned(variant), at);
            }
        }
        ok
    }

    /// A default locale that no code has a message in is one error, on `default`.
    fn default_is_used(
        &mut self,
        document: &Document,
        default: &Sp<String>,
        tags: &[Sp<String>],
    ) -> bool {
        for code in &document.codes {
            if code.message.mentions(&default.value) {
                return true;
            }
        }
        if document.codes.is_empty() {
            return true;
        }
        let mut others: Vec<&str> = Vec::with_capacity(tags.len());
        for tag in &tags[1..] {
            others.push(&tag.value);
        }
        let help = if others.is_empty() {
            "add `message.<tag> = \"...\"` to each code".to_string()
        } else {
            format!(
                "the messages in this file are in {}; make one of them the default",
                list(&others)
            )
        };
        self.error(
            Diagnostic::new(
                default.span.clone(),
                format!(
                    "no code has a message in the default locale `{}`",
                    escape(&default.value)
                ),
            )
            .label("default locale")
            .help(help),
        );
        false
    }
}
