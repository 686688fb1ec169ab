//! The codes of a table: numbers, reason phrases, variants, the spellings `FromStr` accepts,
//! and the texts.

use std::borrow::Cow;

use super::{Checker, Ident};
use crate::ast::{CodeDecl, Document, Field};
use crate::diag::Diagnostic;
use crate::index::TextIndex;
use crate::model::{Code, Locale, LocaleIndex};
use crate::names::{self, MAX_SPELLING, Reading, variant_from_name, variant_problem};
use crate::parse::escape;
use crate::source::{Sp, Span};

/// What makes two spellings read alike, for the help of an error that refuses one.
const READ_ALIKE: &str = "names are read ignoring case, runs of spaces, invisible characters (U+200B, U+00AD, U+FEFF...), full-width and other compatibility forms, and letters that look alike (Cyrillic `о` for Latin `o`, `0` for `O`)";

/// One code's parts that passed their own checks, before the checks across codes.
struct Parts<'d> {
    decl: &'d CodeDecl,
    number: Option<u16>,
    name: Option<Sp<String>>,
    variant: Option<Sp<String>>,
    aliases: Vec<Sp<String>>,
}

impl Parts<'_> {
    /// Every spelling `FromStr` accepts for the code, with what it is: the name, the aliases,
    /// the variant. A status line is the number followed by any of them.
    fn spellings(&self) -> impl Iterator<Item = (&'static str, &Sp<String>)> {
        let name = self.name.as_ref().map(|name| ("name", name));
        let aliases = self.aliases.iter().map(|alias| ("alias", alias));
        let variant = self.variant.as_ref().map(|variant| ("variant", variant));
        names::spellings(name, aliases, variant)
    }
}

impl Checker<'_> {
    pub(super) fn codes(
        &mut self,
        document: &Document,
        locales: Option<&[Locale]>,
        default: Option<&Sp<String>>,
    ) -> Option<Vec<Code>> {
        if document.codes.is_empty() {
            self.error(
                Diagnostic::new(Span::new(document.file, 0..0), "the table has no codes").help(
                    "add a table like `[codes.404]` with a `name` and a default-locale `message`",
                ),
            );
            return None;
        }
        // By number, which `number` keeps in 100..=999.
        let mut by_number: [Option<&Sp<String>>; 1000] = [None; 1000];
        // Sized once: growing a map rehashes every key, slow in an unoptimized build.
        let mut by_variant = TextIndex::with_capacity(document.codes.len());
        let mut variant_spans: Vec<Span> = Vec::with_capacity(document.codes.len());
        let mut parts = Vec::with_capacity(document.codes.len());
        for decl in &document.codes {
            let number = self.number(decl);
            let slot = number.and_then(|number| by_number.get_mut(usize::from(number)));
            if let (Some(number), Some(slot)) = (number, slot) {
                if let Some(first) = slot {
                    self.error(
                        Diagnostic::new(decl.key.span.clone(), format!("duplicate code {number}"))
                            .label("defined again here")
                            .related(first.span.clone(), "first defined here")
                            .help("each code may be defined once; merge the two tables"),
                    );
                } else {
                    *slot = Some(&decl.key);
                }
            }
            let name = self.name(decl);
            let mut variant = self.variant(decl, name.as_ref());
            if let Some(taken) = &variant {
                if let Some(&first) = by_variant.get(taken.value.as_str()) {
                    self.error(
                        Diagnostic::new(
                            taken.span.clone(),
                            format!("two codes would both be the variant `{}`", taken.value),
                        )
                        .label("gives this variant")
                        .related(variant_spans[first].clone(), "and so does this")
                        .help("give one of them another `variant = \"...\"`"),
                    );
                    variant = None;
                } else {
                    by_variant.insert(Cow::Owned(taken.value.clone()), variant_spans.len());
                    variant_spans.push(taken.span.clone());
                }
            }
            let aliases = self.aliases(decl, name.as_ref());
            parts.push(Parts {
                decl,
                number,
                name,
                variant,
                aliases,
            });
        }
        self.spellings(&parts, &by_number);

        let mut default_used = false;
        if let Some(default) = default {
            for code in &document.codes {
                if code.message.mentions(&default.value) {
                    default_used = true;
                    break;
                }
            }
        }
        let index = locales.map(LocaleIndex::new);
        let mut codes = Vec::with_capacity(parts.len());
        for part in parts {
            let texts_ok = self.texts(part.decl, default, default_used, index.as_ref());
            if let (Some(number), Some(name), Some(variant), Some(locales), Some(index), true) = (
                part.number,
                part.name,
                part.variant,
                locales,
                &index,
                texts_ok,
            ) {
                let mut aliases = Vec::with_capacity(part.aliases.len());
                for alias in part.aliases {
                    aliases.push(alias.value);
                }
                let identity = (number, name.value, Ident::checked(variant.value), aliases);
                codes.push(Code::from_decl(identity, part.decl, locales, index));
            }
        }
        crate::order::sort_by(&mut codes, &|a, b| a.code.cmp(&b.code));
        Some(codes)
    }

    fn number(&mut self, decl: &CodeDecl) -> Option<u16> {
        let number = decl.code?;
        match u16::try_from(number) {
            Ok(code @ 100..=999) => Some(code),
            _ => {
                self.error(
                    Diagnostic::new(
                        decl.key.span.clone(),
                        format!("code {} is out of range", escape(&decl.key.value)),
                    )
                    .label("not in 100..=999")
                    .help("codes must be 100..=999: three digits, as HTTP status codes are"),
                );
                None
            }
        }
    }

    fn name(&mut self, decl: &CodeDecl) -> Option<Sp<String>> {
        let name = match &decl.name {
            Field::Present(name) => name,
            // Reported by the parser as a wrong type.
            Field::Invalid => return None,
            Field::Absent => {
                self.error(
                    Diagnostic::new(
                        decl.key.span.clone(),
                        format!("code {} has no `name`", escape(&decl.key.value)),
                    )
                    .help("add its reason phrase, like `name = \"Not Found\"`"),
                );
                return None;
            }
        };
        let what = || format!("the name of code {}", escape(&decl.key.value));
        if !self.plain_text(name, &what, false) {
            return None;
        }
        let problem = if name.value.trim().is_empty() {
            Some("the name is empty")
        } else if name.value.trim() != name.value {
            Some("the name has spaces at its ends")
        } else if !name.value.bytes().all(|b| (b' '..=b'~').contains(&b)) {
            Some("a reason phrase is printable ASCII: it goes on the wire")
        } else {
            None
        };
        if let Some(problem) = problem {
            self.error(
                Diagnostic::new(name.span.clone(), format!("bad name for code {}", escape(&decl.key.value)))
                    .label(problem)
                    .help("write the reason phrase, like `name = \"Not Found\"`; translated text belongs in `message`"),
            );
            return None;
        }
        Some(name.clone())
    }

    fn variant(&mut self, decl: &CodeDecl, name: Option<&Sp<String>>) -> Option<Sp<String>> {
        let (variant, explicit) = match (&decl.variant, name) {
            (Field::Present(variant), _) => (variant.clone(), true),
            (Field::Invalid, _) => return None,
            (Field::Absent, Some(name)) => (
                Sp::new(variant_from_name(&name.value), name.span.clone()),
                false,
            ),
            (Field::Absent, None) => return None,
        };
        let Some(problem) = variant_problem(&variant.value) else {
            return Some(variant);
        };
        let message = if explicit {
            format!("`{}` cannot be a variant", escape(&variant.value))
        } else {
            format!(
                "the name gives the variant `{}`, which cannot be used",
                escape(&variant.value)
            )
        };
        self.error(
            Diagnostic::new(variant.span.clone(), message)
                .label(problem)
                .help(
                    "set `variant` to an UpperCamelCase ASCII name, like `variant = \"NotFound\"`",
                ),
        );
        None
    }

    /// The code's own aliases: none empty, none with invisible characters, none that folds
    /// to another name of the same code.
    fn aliases(&mut self, decl: &CodeDecl, name: Option<&Sp<String>>) -> Vec<Sp<String>> {
        let Field::Present(written) = &decl.aliases else {
            return Vec::new();
        };
        // As a reader sees them; a set, not a list: one code may have a hundred thousand.
        let mut seen = TextIndex::with_capacity(written.len() + 1);
        let mut firsts: Vec<&Sp<String>> = Vec::with_capacity(written.len() + 1);
        let mut read = String::new();
        if let Some(name) = name {
            names::as_read_into(&name.value, &mut read);
            seen.insert(Cow::Owned(read.clone()), 0);
            firsts.push(name);
        }
        let mut aliases = Vec::new();
        for alias in written {
            let folded = names::fold(&alias.value);
            let what = || {
                format!(
                    "alias `{}` of code {}",
                    escape(&alias.value),
                    escape(&decl.key.value)
                )
            };
            if !self.plain_text(alias, &what, false) {
                continue;
            }
            names::as_read_into(&alias.value, &mut read);
            if folded.is_empty() {
                self.error(Diagnostic::new(alias.span.clone(), "empty alias").help("remove it"));
            } else if let Some(&first) = seen.get(read.as_str()) {
                let first = firsts[first];
                self.error(
                    Diagnostic::new(
                        alias.span.clone(),
                        format!(
                            "alias `{}` repeats `{}`, a name of this code",
                            escape(&alias.value),
                            escape(&first.value)
                        ),
                    )
                    .label(format!("`{}`", escape(&names::reveal(&alias.value))))
                    .related(first.span.clone(), "first here")
                    .help(format!("remove it: {READ_ALIKE}")),
                );
            } else {
                seen.insert(Cow::Owned(read.clone()), firsts.len());
                firsts.push(alias);
                aliases.push(alias.clone());
            }
        }
        aliases
    }

    /// The checks across codes, on every spelling `FromStr` accepts: each reads as a name (not
    /// as a number or a status line), fits the run-time buffer, and belongs to one code, also
    /// as a reader sees it: an alias may not look like another code's name or alias, nor hold
    /// an invisible character.
    fn spellings(&mut self, parts: &[Parts<'_>], by_number: &[Option<&Sp<String>>]) {
        // Each spelling's first code and place, in `firsts`; as read, in `read_firsts`.
        let mut by_spelling = TextIndex::with_capacity(3 * parts.len());
        let mut firsts: Vec<(u16, Span)> = Vec::with_capacity(3 * parts.len());
        let mut by_reading = TextIndex::with_capacity(3 * parts.len());
        let mut read_firsts: Vec<(u16, &Sp<String>, &'static str)> =
            Vec::with_capacity(3 * parts.len());
        // One buffer for every fold: a spelling is copied only when it is new.
        let (mut folded, mut read) = (String::new(), String::new());
        for part in parts {
            let Some(number) = part.number else { continue };
            for (kind, spelling) in part.spellings() {
                names::fold_into(&spelling.value, &mut folded);
                if !self.reads_as_name(spelling, &folded, number, by_number) {
                    continue;
                }
                match by_spelling.get(folded.as_str()).map(|&at| &firsts[at]) {
                    Some((other, first)) if *other != number => {
                        self.error(
                            Diagnostic::new(
                                spelling.span.clone(),
                                format!("`{}` already names code {other}", escape(&spelling.value)),
                            )
                            .label(format!("would also name {number}"))
                            .related(first.clone(), format!("names {other} here"))
                            .help("names, aliases and variants are matched ignoring ASCII case and runs of spaces, so each must belong to one code"),
                        );
                        continue;
                    }
                    Some(_) => {}
                    None => {
                        by_spelling.insert(Cow::Owned(folded.clone()), firsts.len());
                        firsts.push((number, spelling.span.clone()));
                    }
                }
                names::as_read_into(&spelling.value, &mut read);
                let alike = by_reading.get(read.as_str()).map(|&at| read_firsts[at]);
                match alike {
                    // Names and variants are plain ASCII and told apart by `FromStr` alone;
                    // an alias is what may be written to impersonate one.
                    Some((other, first, first_kind))
                        if other != number && (kind == "alias" || first_kind == "alias") =>
                    {
                        self.error(
                            Diagnostic::new(
                                spelling.span.clone(),
                                format!(
                                    "{kind} `{}` of code {number} reads as {first_kind} `{}` of code {other}",
                                    escape(&spelling.value),
                                    escape(&first.value)
                                ),
                            )
                            .label(format!(
                                "`{}` looks like a name of {other}",
                                escape(&names::reveal(&spelling.value))
                            ))
                            .related(first.span.clone(), format!("names {other} here"))
                            .help(format!("a reader cannot tell the two apart; remove one: {READ_ALIKE}")),
                        );
                        continue;
                    }
                    Some(_) => {}
                    None => {
                        by_reading.insert(Cow::Owned(read.clone()), read_firsts.len());
                        read_firsts.push((number, spelling, kind));
                    }
                }
                if let (Some(c), "alias") = (names::first_invisible(&spelling.value), kind) {
                    let file = self.sources.get(spelling.span.file);
                    let raw = file
                        .text
                        .get(spelling.span.range.clone())
                        .unwrap_or_default();
                    let span =
                        super::text::written_at(raw, c).map_or(spelling.span.clone(), |range| {
                            Span::new(
                                spelling.span.file,
                                spelling.span.range.start + range.start
                                    ..spelling.span.range.start + range.end,
                            )
                        });
                    self.error(
                        Diagnostic::new(
                            span,
                            format!(
                                "alias `{}` of code {number} holds {}, an invisible character",
                                escape(&spelling.value),
                                super::text::describe(c)
                            ),
                        )
                        .label("not seen by a reader")
                        .help("an alias is a name a user types and reads; remove the character"),
                    );
                }
            }
        }
    }

    /// Whether `FromStr` would read `spelling` (`folded` once folded) as a name; reports it
    /// where it would read a number or a status line instead, or where it is too long to match.
    fn reads_as_name(
        &mut self,
        spelling: &Sp<String>,
        folded: &str,
        number: u16,
        by_number: &[Option<&Sp<String>>],
    ) -> bool {
        let reading = names::reading(folded);
        if reading == Reading::Name && folded.len() <= MAX_SPELLING {
            return true;
        }
        let text = escape(&spelling.value);
        let (problem, other) = match reading {
            Reading::Name => {
                let message = format!("`{text}` is longer than {MAX_SPELLING} bytes");
                self.error(
                    Diagnostic::new(spelling.span.clone(), message)
                        .label("too long to be a name")
                        .help("names are what a user types; shorten it"),
                );
                return false;
            }
            Reading::Number(read) => (format!("`{text}` reads as the number {read}"), read),
            Reading::StatusLine(read, _) => {
                (format!("`{text}` reads as a status line of {read}"), read)
            }
        };
        let mut diagnostic = Diagnostic::new(spelling.span.clone(), problem)
            .label(format!("a name of {number}"))
            .help("`FromStr` reads leading digits as the code; remove the digits, or this name");
        let target = usize::try_from(other)
            .ok()
            .and_then(|other| by_number.get(other).copied().flatten());
        if let (Some(target), true) = (target, other != u64::from(number)) {
            diagnostic = diagnostic.related(target.span.clone(), format!("code {other} is here"));
        }
        self.error(diagnostic);
        false
    }

    /// The code's texts, checked: none empty, a message in the default locale, and a `source`
    /// only for a locale the table has. Returns whether all is well.
    fn texts(
        &mut self,
        decl: &CodeDecl,
        default: Option<&Sp<String>>,
        default_used: bool,
        locales: Option<&LocaleIndex<'_>>,
    ) -> bool {
        let mut ok = true;
        let fields = [
            ("message", &decl.message),
            ("scenario", &decl.scenario),
            ("note", &decl.note),
            ("source", &decl.source),
        ];
        for (field, texts) in fields {
            for text in texts.entries() {
                let Field::Present(written) = &text.text else {
                    continue;
                };
                let what = || {
                    format!(
                        "`{field}.{}` of code {}",
                        escape(&text.tag.value),
                        escape(&decl.key.value)
                    )
                };
                ok &= self.plain_text(written, &what, matches!(field, "scenario" | "note"));
            }
        }
        let every = decl.texts().chain(decl.source.entries());
        for text in every {
            let Field::Present(written) = &text.text else {
                continue;
            };
            if written.value.trim().is_empty() {
                self.error(
                    Diagnostic::new(written.span.clone(), "empty text")
                        .label(format!("for `{}`", escape(&text.tag.value)))
                        .help(
                            "write the text, or remove the key to fall back to the default locale",
                        ),
                );
                ok = false;
            }
        }
        if let Some(locales) = locales {
            for source in decl.source.entries() {
                if locales.get(&source.tag.value).is_none() {
                    self.error(
                        Diagnostic::new(
                            source.tag.span.clone(),
                            format!(
                                "`source.{}` describes a locale the table has no text in",
                                escape(&source.tag.value)
                            ),
                        )
                        .help("a source says where the texts of a locale come from; write the texts, or remove it"),
                    );
                    ok = false;
                }
            }
        }
        if let Some(default) = default {
            // When no code has one, a single error on `default` says it better.
            if !decl.message.mentions(&default.value) && default_used {
                self.error(
                    Diagnostic::new(
                        decl.key.span.clone(),
                        format!(
                            "code {} has no message in the default locale `{}`",
                            escape(&decl.key.value),
                            default.value
                        ),
                    )
                    .help(format!("add `message.{} = \"...\"`", default.value)),
                );
                ok = false;
            }
        }
        ok
    }
}
