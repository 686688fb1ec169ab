//! TOML text → [`crate::ast::Document`]: syntax and shape (which keys exist, which TOML types they
//! hold). Every mistake is pushed to the collector and parsing goes on, so one build reports
//! them all. Keys are visited in file order, taken from their spans, whatever map the TOML crate
//! keeps them in.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::ast::{CodeDecl, Document, FallbackDecl, Field, LocalesDecl, LocalizedText, Texts};
use crate::diag::{Diagnostic, Diagnostics, did_you_mean};
use crate::source::{FileId, Sources, Sp, Span};

const TOP_KEYS: &[&str] = &["extends", "non_exhaustive", "locales", "codes"];
const LOCALES_KEYS: &[&str] = &["default", "fallback"];
const CODE_KEYS: &[&str] = &[
    "name",
    "variant",
    "aliases",
    "message",
    "scenario",
    "note",
    "source",
    "retry_unchanged",
    "remove",
];

/// Parses one file. Returns `None` when its TOML syntax is broken: the shape checks would only
/// echo the same mistake.
pub(crate) fn document(
    sources: &Sources,
    file: FileId,
    diags: &mut Diagnostics,
) -> Option<Document> {
    let text = &sources.get(file).text;
    let (root, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        for error in errors {
            let range = error.span().unwrap_or(0..0);
            diags.push(
                Diagnostic::new(Span::new(file, range), "invalid TOML")
                    .label(error.message().trim_end().to_string()),
            );
        }
        return None;
    }
    let mut parser = Parser { file, diags };
    Some(parser.root(root.get_ref()))
}

/// A table's entries in the order they were written.
fn in_file_order<'t, 'i>(
    table: &'t DeTable<'i>,
) -> Vec<(
    &'t Spanned<std::borrow::Cow<'i, str>>,
    &'t Spanned<DeValue<'i>>,
)> {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    entries
}

struct Parser<'d> {
    file: FileId,
    diags: &'d mut Diagnostics,
}

impl Parser<'_> {
    fn span<T>(&self, spanned: &Spanned<T>) -> Span {
        Span::new(self.file, spanned.span())
    }

    fn root(&mut self, table: &DeTable<'_>) -> Document {
        let mut document = Document {
            file: self.file,
            extends: Field::Absent,
            non_exhaustive: Field::Absent,
            locales: None,
            codes: Vec::new(),
        };
        for (key, value) in in_file_order(table) {
            match key.get_ref().as_ref() {
                "extends" => document.extends = self.string(value, "extends"),
                "non_exhaustive" => {
                    document.non_exhaustive = self.boolean(value, "non_exhaustive");
                }
                "locales" => {
                    if let Some(table) = self.table(value, "locales", "a table, like `[locales]`") {
                        document.locales = Some(self.locales(self.span(key), table));
                    }
                }
                "codes" => {
                    if let Some(table) =
                        self.table(value, "codes", "a table of codes, like `[codes.404]`")
                    {
                        for (key, value) in in_file_order(table) {
                            if let Some(code) = self.code(key, value) {
                                document.codes.push(code);
                            }
                        }
                    }
                }
                _ => self.unknown_key(key, TOP_KEYS, "at the top level"),
            }
        }
        document
    }

    fn locales(&mut self, span: Span, table: &DeTable<'_>) -> LocalesDecl {
        let mut locales = LocalesDecl {
            span,
            default: Field::Absent,
            fallback: Vec::new(),
        };
        for (key, value) in in_file_order(table) {
            match key.get_ref().as_ref() {
                "default" => locales.default = self.string(value, "default"),
                "fallback" => locales.fallback = self.fallback(value),
                _ => self.unknown_key(key, LOCALES_KEYS, "in `[locales]`"),
            }
        }
        locales
    }

    /// `fallback = { "zh-HK" = "zh-TW", "zh-MO" = ["zh-HK", "zh-TW"] }`.
    fn fallback(&mut self, value: &Spanned<DeValue<'_>>) -> Vec<FallbackDecl> {
        let expected = "a table of locales, like `fallback = { \"zh-HK\" = \"zh-TW\" }`";
        let Some(table) = self.table(value, "fallback", expected) else {
            return Vec::new();
        };
        let mut entries = Vec::new();
        for (tag, targets) in in_file_order(table) {
            let key = format!("fallback.{}", escape(tag.get_ref()));
            let targets = match targets.get_ref() {
                DeValue::String(target) => vec![Sp::new(target.to_string(), self.span(targets))],
                DeValue::Array(items) => {
                    let list = self.string_items(items, &key);
                    if items.is_empty() {
                        self.diags.push(
                            Diagnostic::new(self.span(targets), format!("`{key}` is empty"))
                                .label("no locale here")
                                .help("name the locales to fall back to, or remove the entry"),
                        );
                    }
                    list
                }
                other => {
                    let expected = "a locale tag or an array of them, like `\"zh-TW\"`";
                    self.wrong_type(targets, other, &format!("`{key}`"), expected);
                    Vec::new()
                }
            };
            if !targets.is_empty() {
                entries.push(FallbackDecl {
                    tag: Sp::new(tag.get_ref().to_string(), self.span(tag)),
                    targets,
                });
            }
        }
        entries
    }

    fn code(
        &mut self,
        key: &Spanned<std::borrow::Cow<'_, str>>,
        value: &Spanned<DeValue<'_>>,
    ) -> Option<CodeDecl> {
        let key_text = key.get_ref().to_string();
        let key_span = self.span(key);
        let code = parse_code(&key_text);
        if code.is_none() {
            self.diags.push(
                Diagnostic::new(
                    key_span.clone(),
                    format!("code `{}` is not a number", escape(&key_text)),
                )
                .label("expected digits")
                .help("codes are written as numbers from 100 to 999, like `[codes.404]`"),
            );
        }
        let table = self.table(
            value,
            &format!("codes.{}", escape(&key_text)),
            "a table with at least `name` and a default-locale `message`",
        )?;
        let mut decl = CodeDecl {
            key: Sp::new(key_text, key_span),
            code,
            name: Field::Absent,
            variant: Field::Absent,
            aliases: Field::Absent,
            message: Texts::default(),
            scenario: Texts::default(),
            note: Texts::default(),
            source: Texts::default(),
            retry_unchanged: Field::Absent,
            remove: Field::Absent,
        };
        for (field, value) in in_file_order(table) {
            match field.get_ref().as_ref() {
                "name" => decl.name = self.string(value, "name"),
                "variant" => decl.variant = self.string(value, "variant"),
                "aliases" => decl.aliases = self.strings(value, "aliases"),
                "message" => decl.message = self.localized(value, "message"),
                "scenario" => decl.scenario = self.localized(value, "scenario"),
                "note" => decl.note = self.localized(value, "note"),
                "source" => decl.source = self.localized(value, "source"),
                "retry_unchanged" => decl.retry_unchanged = self.boolean(value, "retry_unchanged"),
                "remove" => decl.remove = self.boolean(value, "remove"),
                _ => self.unknown_key(
                    field,
                    CODE_KEYS,
                    &format!("in `[codes.{}]`", escape(&decl.key.value)),
                ),
            }
        }
        Some(decl)
    }

    fn localized(&mut self, value: &Spanned<DeValue<'_>>, field: &str) -> Texts {
        let expected = format!("a table of texts by locale, like `{field}.en = \"...\"`");
        let Some(table) = self.table(value, field, &expected) else {
            return Texts {
                invalid: true,
                entries: Vec::new(),
            };
        };
        let mut texts = Texts::default();
        for (tag, text) in in_file_order(table) {
            let key = format!("{field}.{}", escape(tag.get_ref()));
            texts.entries.push(LocalizedText {
                tag: Sp::new(tag.get_ref().to_string(), self.span(tag)),
                text: self.string(text, &key),
            });
        }
        texts
    }

    fn table<'v, 'i>(
        &mut self,
        value: &'v Spanned<DeValue<'i>>,
        key: &str,
        expected: &str,
    ) -> Option<&'v DeTable<'i>> {
        match value.get_ref() {
            DeValue::Table(table) => Some(table),
            other => {
                self.wrong_type(value, other, &format!("`{key}`"), expected);
                None
            }
        }
    }

    fn string(&mut self, value: &Spanned<DeValue<'_>>, key: &str) -> Field<Sp<String>> {
        match value.get_ref() {
            DeValue::String(text) => Field::Present(Sp::new(text.to_string(), self.span(value))),
            other => {
                self.wrong_type(value, other, &format!("`{key}`"), "a string");
                Field::Invalid
            }
        }
    }

    fn boolean(&mut self, value: &Spanned<DeValue<'_>>, key: &str) -> Field<Sp<bool>> {
        match value.get_ref() {
            DeValue::Boolean(flag) => Field::Present(Sp::new(*flag, self.span(value))),
            other => {
                self.wrong_type(value, other, &format!("`{key}`"), "`true` or `false`");
                Field::Invalid
            }
        }
    }

    fn strings(&mut self, value: &Spanned<DeValue<'_>>, key: &str) -> Field<Vec<Sp<String>>> {
        match value.get_ref() {
            DeValue::Array(items) => Field::Present(self.string_items(items, key)),
            other => {
                let expected = "an array of strings, like `[\"...\"]`";
                self.wrong_type(value, other, &format!("`{key}`"), expected);
                Field::Invalid
            }
        }
    }

    /// The strings of an array; items of another type are reported and left out.
    fn string_items(&mut self, items: &[Spanned<DeValue<'_>>], key: &str) -> Vec<Sp<String>> {
        items
            .iter()
            .filter_map(|item| match item.get_ref() {
                DeValue::String(text) => Some(Sp::new(text.to_string(), self.span(item))),
                other => {
                    let place = format!("each item of `{key}`");
                    self.wrong_type(item, other, &place, "a string");
                    None
                }
            })
            .collect()
    }

    /// `what` names the place (`` `name` ``, ``each item of `aliases` ``).
    fn wrong_type(
        &mut self,
        value: &Spanned<DeValue<'_>>,
        found: &DeValue<'_>,
        what: &str,
        expected: &str,
    ) {
        let found = type_name(found);
        self.diags.push(
            Diagnostic::new(
                self.span(value),
                format!("{what} must be {expected}, found {found}"),
            )
            .label(format!("this is {found}")),
        );
    }

    fn unknown_key(
        &mut self,
        key: &Spanned<std::borrow::Cow<'_, str>>,
        known: &[&str],
        place: &str,
    ) {
        let name = key.get_ref();
        let help = match did_you_mean(name, known) {
            Some(suggestion) => format!("did you mean `{suggestion}`?"),
            None => format!("the keys allowed here are {}", list(known)),
        };
        self.diags.push(
            Diagnostic::new(
                self.span(key),
                format!("unknown key `{}` {place}", escape(name)),
            )
            .label("unknown key")
            .help(help),
        );
    }
}

/// `404` and `0404` both mean 404; anything but ASCII digits is not a code. Values too large for
/// `u64` saturate, and are rejected by the range check with the rest.
fn parse_code(key: &str) -> Option<u64> {
    if key.is_empty() || !key.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(key.bytes().fold(0u64, |n, b| {
        n.saturating_mul(10).saturating_add(u64::from(b - b'0'))
    }))
}

fn type_name(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a datetime",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

/// `a`, `b` and `c`.
pub(crate) fn list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|item| format!("`{item}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => quoted.concat(),
    }
}

/// User text quoted inside a diagnostic: control and bidirectional characters escaped, and very
/// long text shortened, so the message stays one readable line.
pub(crate) fn escape(text: &str) -> String {
    const MAX: usize = 40;
    let mut out = String::new();
    for (count, c) in text.chars().enumerate() {
        if count == MAX {
            out.push('…');
            break;
        }
        if crate::diag::is_invisible(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_digits_only() {
        assert_eq!(parse_code("404"), Some(404));
        assert_eq!(parse_code("0404"), Some(404));
        assert_eq!(parse_code("99999999999999999999999"), Some(u64::MAX));
        assert_eq!(parse_code("4o4"), None);
        assert_eq!(parse_code("-404"), None);
        assert_eq!(parse_code(""), None);
    }

    #[test]
    fn lists_read_as_english() {
        assert_eq!(list(&["a"]), "`a`");
        assert_eq!(list(&["a", "b", "c"]), "`a`, `b` and `c`");
    }

    #[test]
    fn escaped_text_is_one_safe_line() {
        assert_eq!(escape("a\nb\u{202E}"), "a\\u{a}b\\u{202e}");
        assert_eq!(escape(&"x".repeat(100)).chars().count(), 41);
    }
}
