//! [`crate::ast::Document`] → [`crate::model::Table`]: the rules a table must follow, each mistake reported on
//! the span of what is wrong, all of them collected before giving up.

use std::collections::HashMap;

use crate::ast::{CodeDecl, Document, LocalizedText};
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{Code, Locale, Table};
use crate::names::{variant_from_name, variant_from_tag, variant_problem};
use crate::parse::{escape, list};
use crate::source::{Sources, Sp, Span};
use crate::tag;

/// Checks a parsed document and builds the table, or returns `None` with every mistake pushed
/// to `diags`.
pub fn table(sources: &Sources, document: &Document, diags: &mut Diagnostics) -> Option<Table> {
    let start = diags.len();
    let mut checker = Checker { diags };
    let default = checker.default_locale(document);
    let locales = checker.locales(document, default.as_ref());
    let codes = checker.codes(document, &locales, default.as_ref());
    if checker.diags.len() != start {
        return None;
    }
    let (locales, codes) = (locales?, codes?);
    let files = sources
        .iter()
        .filter_map(|file| file.path.clone())
        .collect();
    Some(Table {
        locales,
        codes,
        files,
    })
}

struct Checker<'d> {
    diags: &'d mut Diagnostics,
}

impl Checker<'_> {
    fn error(&mut self, diagnostic: Diagnostic) {
        self.diags.push(diagnostic);
    }

    fn default_locale(&mut self, document: &Document) -> Option<Sp<String>> {
        let Some(locales) = &document.locales else {
            self.error(
                Diagnostic::new(Span::new(document.file, 0..0), "missing `[locales]` table")
                    .help("add `[locales]` with `default = \"en\"`: the locale every code has a message in"),
            );
            return None;
        };
        let Some(default) = &locales.default else {
            self.error(
                Diagnostic::new(locales.span.clone(), "missing `default` in `[locales]`")
                    .help("add `default = \"en\"`: the locale every code has a message in"),
            );
            return None;
        };
        self.tag(default).then(|| default.clone())
    }

    /// Checks a locale tag; reports and returns `false` if it is malformed.
    fn tag(&mut self, tag: &Sp<String>) -> bool {
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

    /// Every locale used anywhere, the default first.
    fn locales(
        &mut self,
        document: &Document,
        default: Option<&Sp<String>>,
    ) -> Option<Vec<Locale>> {
        let mut tags: Vec<String> = default.iter().map(|tag| tag.value.clone()).collect();
        let mut ok = default.is_some();
        for code in &document.codes {
            for text in texts(code) {
                if !tags.contains(&text.tag.value) {
                    if self.tag(&text.tag) {
                        tags.push(text.tag.value.clone());
                    } else {
                        ok = false;
                    }
                }
            }
        }
        if let Some(default) = default {
            let used = document
                .codes
                .iter()
                .any(|code| code.mentions_message(&default.value));
            if !used && !document.codes.is_empty() {
                let others: Vec<&str> = tags[1..].iter().map(String::as_str).collect();
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
                ok = false;
            }
        }
        let chains = default.and_then(|_| self.fallback_chains(document, &tags));
        let chains = chains.filter(|_| ok)?;
        Some(
            tags.iter()
                .zip(chains)
                .map(|(tag, fallback_chain)| Locale {
                    tag: tag.clone(),
                    variant: variant_from_tag(tag),
                    fallback_chain,
                })
                .collect(),
        )
    }

    /// Each locale's fallback chain (indices into `tags`, the default first): the locales its
    /// `[locales.fallback]` entry names, in order, each followed by its own chain, then the
    /// default. Reports unknown locales, a locale falling back to itself, and cycles.
    fn fallback_chains(&mut self, document: &Document, tags: &[String]) -> Option<Vec<Vec<usize>>> {
        let entries = document
            .locales
            .as_ref()
            .map_or(&[][..], |locales| &locales.fallback[..]);
        let mut ok = true;
        // Per locale, the locales it falls back to and where each was written.
        let mut edges: Vec<Vec<(usize, Span)>> = vec![Vec::new(); tags.len()];
        for entry in entries {
            let mut from = self.fallback_locale(&entry.tag, tags);
            if from == Some(0) {
                from = None;
                self.error(
                    Diagnostic::new(
                        entry.tag.span.clone(),
                        format!("the default locale `{}` needs no fallback", tags[0]),
                    )
                    .label("default locale")
                    .help("it has every message; remove this entry"),
                );
                ok = false;
            }
            for target in &entry.targets {
                let to = self.fallback_locale(target, tags);
                let (Some(from), Some(to)) = (from, to) else {
                    ok = false;
                    continue;
                };
                if from == to {
                    self.error(
                        Diagnostic::new(
                            target.span.clone(),
                            format!("locale `{}` falls back to itself", tags[from]),
                        )
                        .label("the same locale")
                        .help("name another locale here, or remove it"),
                    );
                    ok = false;
                } else if let Some((_, first)) = edges[from].iter().find(|(seen, _)| *seen == to) {
                    self.error(
                        Diagnostic::new(
                            target.span.clone(),
                            format!(
                                "`{}` is named twice as a fallback of `{}`",
                                tags[to], tags[from]
                            ),
                        )
                        .label("named again here")
                        .related(first.clone(), "first named here")
                        .help("remove one of them"),
                    );
                    ok = false;
                } else {
                    edges[from].push((to, target.span.clone()));
                }
            }
        }
        ok &= self.fallback_cycles(tags, &edges);
        ok.then(|| {
            (0..tags.len())
                .map(|index| {
                    if index == 0 {
                        return Vec::new();
                    }
                    let mut chain = Vec::new();
                    follow(index, &edges, &mut chain);
                    chain.retain(|&locale| locale != index);
                    if !chain.contains(&0) {
                        chain.push(0);
                    }
                    chain
                })
                .collect()
        })
    }

    /// The index of a locale named in `[locales.fallback]`; reports a malformed or unknown tag.
    fn fallback_locale(&mut self, tag: &Sp<String>, tags: &[String]) -> Option<usize> {
        if !self.tag(tag) {
            return None;
        }
        if let Some(index) = tags.iter().position(|known| *known == tag.value) {
            return Some(index);
        }
        let known: Vec<&str> = tags.iter().map(String::as_str).collect();
        let help = match crate::diag::did_you_mean(&tag.value, &known) {
            Some(suggestion) => format!("did you mean `{suggestion}`?"),
            None => format!(
                "the locales of this table are {}; a locale exists once a code has a text in it",
                list(&known)
            ),
        };
        self.error(
            Diagnostic::new(
                tag.span.clone(),
                format!("unknown locale `{}` in `fallback`", escape(&tag.value)),
            )
            .label("no code has a text in this locale")
            .help(help),
        );
        None
    }

    /// Reports every cycle among the fallbacks, each once, starting at the entry written
    /// first. Returns whether there was none.
    fn fallback_cycles(&mut self, tags: &[String], edges: &[Vec<(usize, Span)>]) -> bool {
        #[derive(Clone, Copy, PartialEq)]
        enum Visit {
            New,
            Open,
            Done,
        }
        // Depth first, without recursion: the path holds (locale, next edge to try).
        let mut state = vec![Visit::New; tags.len()];
        let mut cycles: Vec<Vec<(usize, Span)>> = Vec::new();
        for start in 0..tags.len() {
            if state[start] != Visit::New {
                continue;
            }
            let mut path: Vec<(usize, usize)> = vec![(start, 0)];
            state[start] = Visit::Open;
            while let Some(&mut (locale, ref mut next)) = path.last_mut() {
                let Some((to, _)) = edges[locale].get(*next) else {
                    state[locale] = Visit::Done;
                    path.pop();
                    continue;
                };
                *next += 1;
                match state[*to] {
                    Visit::New => {
                        state[*to] = Visit::Open;
                        path.push((*to, 0));
                    }
                    Visit::Open => {
                        // The path from `to` back to `to`: each step's edge and its span.
                        let from = path.iter().position(|(on, _)| on == to).unwrap_or(0);
                        let cycle = path[from..]
                            .iter()
                            .map(|&(on, taken)| edges[on][taken - 1].clone())
                            .collect();
                        cycles.push(cycle);
                    }
                    Visit::Done => {}
                }
            }
        }
        for mut cycle in cycles.iter().cloned() {
            let first = (0..cycle.len())
                .min_by_key(|&step| cycle[step].1.range.start)
                .unwrap_or(0);
            cycle.rotate_left(first);
            // Each step's source is the previous step's target.
            let source = |step: usize| cycle[(step + cycle.len() - 1) % cycle.len()].0;
            let names: Vec<String> = std::iter::once(source(0))
                .chain(cycle.iter().map(|(to, _)| *to))
                .map(|locale| format!("`{}`", tags[locale]))
                .collect();
            let mut diagnostic = Diagnostic::new(
                cycle[0].1.clone(),
                format!("locale fallbacks form a cycle: {}", names.join(" → ")),
            )
            .label(format!(
                "`{}` falls back to `{}`",
                tags[source(0)],
                tags[cycle[0].0]
            ));
            for step in 1..cycle.len() {
                diagnostic = diagnostic.related(
                    cycle[step].1.clone(),
                    format!(
                        "then `{}` falls back to `{}`",
                        tags[source(step)],
                        tags[cycle[step].0]
                    ),
                );
            }
            self.error(diagnostic.help(
                "a fallback chain must end at the default locale; remove one of these fallbacks",
            ));
        }
        cycles.is_empty()
    }

    fn codes(
        &mut self,
        document: &Document,
        locales: &Option<Vec<Locale>>,
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
        let mut by_number: HashMap<u16, &Sp<String>> = HashMap::new();
        let mut by_variant: HashMap<String, Span> = HashMap::new();
        // Lower-cased names, aliases and variants, for `FromStr`: each must mean one code.
        let mut by_spelling: HashMap<String, (u16, Span)> = HashMap::new();
        let mut codes = Vec::new();
        let default_used = default.is_some_and(|default| {
            document
                .codes
                .iter()
                .any(|code| code.mentions_message(&default.value))
        });
        for decl in &document.codes {
            let number = self.number(decl);
            if let Some(number) = number {
                if let Some(first) = by_number.get(&number) {
                    self.error(
                        Diagnostic::new(decl.key.span.clone(), format!("duplicate code {number}"))
                            .label("defined again here")
                            .related(first.span.clone(), "first defined here")
                            .help("each code may be defined once; merge the two tables"),
                    );
                } else {
                    by_number.insert(number, &decl.key);
                }
            }
            let name = self.name(decl);
            let mut variant = self.variant(decl, name.as_ref());
            if let Some(taken) = &variant {
                if let Some(first) = by_variant.get(&taken.value) {
                    self.error(
                        Diagnostic::new(
                            taken.span.clone(),
                            format!("two codes would both be the variant `{}`", taken.value),
                        )
                        .label("gives this variant")
                        .related(first.clone(), "and so does this")
                        .help("give one of them another `variant = \"...\"`"),
                    );
                    variant = None;
                } else {
                    by_variant.insert(taken.value.clone(), taken.span.clone());
                }
            }
            let aliases = self.aliases(decl, name.as_ref());
            if let (Some(number), Some(name), Some(variant)) = (number, &name, &variant) {
                let spellings = std::iter::once(name)
                    .chain(&aliases)
                    .chain(std::iter::once(variant));
                for spelling in spellings {
                    let key = spelling.value.to_lowercase();
                    match by_spelling.get(&key) {
                        Some((other, first)) if *other != number => self.error(
                            Diagnostic::new(
                                spelling.span.clone(),
                                format!("`{}` already names code {other}", escape(&spelling.value)),
                            )
                            .label(format!("would also name {number}"))
                            .related(first.clone(), format!("names {other} here"))
                            .help("names, aliases and variants are matched ignoring case, so each must belong to one code"),
                        ),
                        Some(_) => {}
                        None => {
                            by_spelling.insert(key, (number, spelling.span.clone()));
                        }
                    }
                }
            }
            let texts = self.texts(decl, default, default_used);
            if let (
                Some(number),
                Some(name),
                Some(variant),
                Some(locales),
                Some((message, scenario, note)),
            ) = (number, name, variant, locales, texts)
            {
                codes.push(Code {
                    code: number,
                    name: name.value,
                    variant: variant.value,
                    aliases: aliases.into_iter().map(|alias| alias.value).collect(),
                    message: resolve(locales, &message)
                        .into_iter()
                        .map(|m| m.unwrap_or_default())
                        .collect(),
                    scenario: resolve(locales, &scenario),
                    note: resolve(locales, &note),
                    retry_unchanged: decl.retry_unchanged.as_ref().map(|flag| flag.value),
                });
            }
        }
        codes.sort_by_key(|code| code.code);
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
        let Some(name) = &decl.name else {
            if decl.wrote("name") {
                return None; // Reported by the parser as a wrong type.
            }
            self.error(
                Diagnostic::new(
                    decl.key.span.clone(),
                    format!("code {} has no `name`", escape(&decl.key.value)),
                )
                .help("add its reason phrase, like `name = \"Not Found\"`"),
            );
            return None;
        };
        let problem = if name.value.trim().is_empty() {
            Some("the name is empty")
        } else if name.value.trim() != name.value {
            Some("the name has spaces at its ends")
        } else if !name.value.bytes().all(|b| (b' '..=b'~').contains(&b)) {
            Some("a reason phrase is printable ASCII: it goes on the wire")
        } else if name.value.bytes().all(|b| b.is_ascii_digit()) {
            Some("a name made of digits would read as a code")
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
            (Some(variant), _) => (variant.clone(), true),
            (None, Some(name)) => (
                Sp::new(variant_from_name(&name.value), name.span.clone()),
                false,
            ),
            (None, None) => return None,
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

    fn aliases(&mut self, decl: &CodeDecl, name: Option<&Sp<String>>) -> Vec<Sp<String>> {
        let mut seen: Vec<String> = name.iter().map(|name| name.value.to_lowercase()).collect();
        let mut aliases = Vec::new();
        for alias in &decl.aliases {
            let key = alias.value.to_lowercase();
            if alias.value.trim().is_empty() {
                self.error(Diagnostic::new(alias.span.clone(), "empty alias").help("remove it"));
            } else if alias.value.chars().any(crate::diag::is_invisible) {
                self.error(
                    Diagnostic::new(
                        alias.span.clone(),
                        "alias holds a control or direction character",
                    )
                    .help("aliases are names a user types; remove the character"),
                );
            } else if seen.contains(&key) {
                self.error(
                    Diagnostic::new(
                        alias.span.clone(),
                        format!(
                            "alias `{}` repeats a name of this code",
                            escape(&alias.value)
                        ),
                    )
                    .help("remove it: names are matched ignoring case"),
                );
            } else {
                seen.push(key);
                aliases.push(alias.clone());
            }
        }
        aliases
    }

    /// The code's texts by tag, checked: no empty text, no tag twice, and a message in the
    /// default locale.
    #[allow(clippy::type_complexity)]
    fn texts(
        &mut self,
        decl: &CodeDecl,
        default: Option<&Sp<String>>,
        default_used: bool,
    ) -> Option<(
        Vec<(String, String)>,
        Vec<(String, String)>,
        Vec<(String, String)>,
    )> {
        let mut ok = true;
        for text in texts(decl) {
            if text.text.value.trim().is_empty() {
                self.error(
                    Diagnostic::new(text.text.span.clone(), "empty text")
                        .label(format!("for `{}`", escape(&text.tag.value)))
                        .help(
                            "write the text, or remove the key to fall back to the default locale",
                        ),
                );
                ok = false;
            }
        }
        if let Some(default) = default {
            let has_default = decl.mentions_message(&default.value);
            // When no code has one, a single error on `default` says it better.
            if !has_default && default_used {
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
        let pairs = |texts: &[LocalizedText]| -> Vec<(String, String)> {
            texts
                .iter()
                .map(|text| (text.tag.value.clone(), text.text.value.clone()))
                .collect()
        };
        ok.then(|| {
            (
                pairs(&decl.message),
                pairs(&decl.scenario),
                pairs(&decl.note),
            )
        })
    }
}

fn texts(code: &CodeDecl) -> impl Iterator<Item = &LocalizedText> {
    code.message.iter().chain(&code.scenario).chain(&code.note)
}

/// `locale`'s fallbacks depth first, each followed by its own, skipping those already in `chain`.
fn follow(locale: usize, edges: &[Vec<(usize, Span)>], chain: &mut Vec<usize>) {
    for (to, _) in &edges[locale] {
        if !chain.contains(to) {
            chain.push(*to);
            follow(*to, edges, chain);
        }
    }
}

/// Per locale, the text in that locale or else the first one down its fallback chain.
fn resolve(locales: &[Locale], texts: &[(String, String)]) -> Vec<Option<String>> {
    let own = |index: usize| {
        texts
            .iter()
            .find(|(tag, _)| *tag == locales[index].tag)
            .map(|(_, text)| text.clone())
    };
    (0..locales.len())
        .map(|index| {
            std::iter::once(index)
                .chain(locales[index].fallback_chain.iter().copied())
                .find_map(own)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    /// Five locales, and a code whose texts exist only in some of them.
    const LOCALES: &str = r#"
[codes.404]
name = "Not Found"
message.en = "en"
message.zh-CN = "zh-CN"
message.zh-TW = "zh-TW"
scenario.zh-TW = "scenario zh-TW"
note.zh-CN = "note zh-CN"

[codes.500]
name = "Internal Server Error"
message.en = "en 500"
message.zh-HK = "zh-HK 500"
message.zh-MO = "zh-MO 500"
"#;

    fn check(locales: &str) -> Result<Table, Vec<String>> {
        let mut sources = Sources::new();
        let file = sources.add(SourceFile::new(
            "codes.toml",
            None,
            format!("[locales]\ndefault = \"en\"\n{locales}\n{LOCALES}"),
        ));
        let mut diags = Diagnostics::default();
        let document = crate::parse::document(&sources, file, &mut diags);
        let table = document.and_then(|document| table(&sources, &document, &mut diags));
        match table {
            Some(table) if diags.is_empty() => Ok(table),
            _ => Err(diags
                .into_sorted()
                .iter()
                .map(|diagnostic| diagnostic.render(&sources))
                .collect()),
        }
    }

    /// Each locale's chain, as tags.
    fn chains(table: &Table) -> Vec<(&str, Vec<&str>)> {
        table
            .locales
            .iter()
            .map(|locale| {
                let chain = locale
                    .fallback_chain
                    .iter()
                    .map(|&index| table.locales[index].tag.as_str())
                    .collect();
                (locale.tag.as_str(), chain)
            })
            .collect()
    }

    fn errors(locales: &str) -> String {
        check(locales).expect_err("an error").join("\n\n")
    }

    #[test]
    fn without_fallbacks_every_locale_falls_back_to_the_default() {
        let table = check("").unwrap();
        assert_eq!(
            chains(&table),
            [
                ("en", vec![]),
                ("zh-CN", vec!["en"]),
                ("zh-TW", vec!["en"]),
                ("zh-HK", vec!["en"]),
                ("zh-MO", vec!["en"]),
            ]
        );
        let not_found = &table.codes[0];
        assert_eq!(not_found.message, ["en", "zh-CN", "zh-TW", "en", "en"]);
    }

    #[test]
    fn declared_fallbacks_come_before_the_default() {
        let table = check(
            "fallback = { \"zh-HK\" = \"zh-TW\", \"zh-MO\" = [\"zh-HK\", \"zh-CN\"], \"zh-TW\" = \"en\" }",
        )
        .unwrap();
        assert_eq!(
            chains(&table),
            [
                ("en", vec![]),
                ("zh-CN", vec!["en"]),
                ("zh-TW", vec!["en"]),
                ("zh-HK", vec!["zh-TW", "en"]),
                ("zh-MO", vec!["zh-HK", "zh-TW", "en", "zh-CN"]),
            ]
        );
        let (not_found, error) = (&table.codes[0], &table.codes[1]);
        assert_eq!(
            not_found.message,
            ["en", "zh-CN", "zh-TW", "zh-TW", "zh-TW"]
        );
        assert_eq!(
            error.message,
            ["en 500", "en 500", "en 500", "zh-HK 500", "zh-MO 500"]
        );
        let scenario = |index: usize| not_found.scenario[index].as_deref();
        assert_eq!(scenario(3), Some("scenario zh-TW"));
        assert_eq!(scenario(1), None);
        assert_eq!(not_found.note[4].as_deref(), Some("note zh-CN"));
        assert_eq!(not_found.note[3].as_deref(), None);
    }

    #[test]
    fn a_fallbacks_table_is_the_same_as_an_inline_one() {
        let table = check("[locales.fallback]\nzh-HK = [\"zh-TW\"]\nzh-MO = \"zh-HK\"").unwrap();
        assert_eq!(chains(&table)[4], ("zh-MO", vec!["zh-HK", "zh-TW", "en"]));
    }

    #[test]
    fn cycles_are_errors_that_name_the_chain() {
        let text = errors(
            "[locales.fallback]\nzh-HK = \"zh-TW\"\nzh-MO = \"zh-CN\"\nzh-TW = [\"zh-CN\", \"zh-HK\"]",
        );
        assert!(
            text.starts_with(
                "locale fallbacks form a cycle: `zh-HK` → `zh-TW` → `zh-HK`\n --> codes.toml:4:9"
            ),
            "{text}"
        );
        assert!(
            text.contains("then `zh-TW` falls back to `zh-HK`"),
            "{text}"
        );
        assert_eq!(text.matches("cycle").count(), 1, "{text}");
        let text = errors("fallback = { zh-HK = \"zh-TW\", zh-TW = \"zh-MO\", zh-MO = \"zh-HK\" }");
        assert!(
            text.contains("cycle: `zh-HK` → `zh-TW` → `zh-MO` → `zh-HK`"),
            "{text}"
        );
    }

    #[test]
    fn fallback_mistakes_are_reported_where_written() {
        let text = errors("fallback = { zh-HK = \"zh-HK\" }");
        assert!(
            text.starts_with("locale `zh-HK` falls back to itself"),
            "{text}"
        );
        // A registered tag (Tuvalu) the table lacks; an unregistered one is a bad tag.
        let text = errors("fallback = { zh-HK = \"zh-TV\" }");
        assert!(
            text.contains("unknown locale `zh-TV` in `fallback`"),
            "{text}"
        );
        assert!(text.contains("did you mean `zh-TW`?"), "{text}");
        let text = errors("fallback = { fr = \"en\" }");
        assert!(text.contains("unknown locale `fr`"), "{text}");
        assert!(
            text.contains("`en`, `zh-CN`, `zh-TW`, `zh-HK` and `zh-MO`"),
            "{text}"
        );
        let text = errors("fallback = { zh_HK = \"zh-TW\" }");
        assert!(text.contains("bad locale tag `zh_HK`"), "{text}");
        assert!(text.contains("write `zh-HK`"), "{text}");
        let text = errors("fallback = { en = \"zh-CN\" }");
        assert!(
            text.contains("the default locale `en` needs no fallback"),
            "{text}"
        );
        let text = errors("fallback = { zh-HK = [\"zh-TW\", \"zh-TW\"] }");
        assert!(
            text.contains("`zh-TW` is named twice as a fallback of `zh-HK`"),
            "{text}"
        );
        let text = errors("fallback = { zh-HK = [] }");
        assert!(text.contains("`fallback.zh-HK` is empty"), "{text}");
        let text = errors("fallback = { zh-HK = 1 }");
        assert!(
            text.contains("`fallback.zh-HK` must be a locale tag or an array of them"),
            "{text}"
        );
        let text = errors("fallback = \"zh-TW\"");
        assert!(
            text.contains("`fallback` must be a table of locales"),
            "{text}"
        );
        let text = errors("fallbacks = {}");
        assert!(text.contains("did you mean `fallback`?"), "{text}");
    }
}
