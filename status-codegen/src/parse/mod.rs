//! TOML text → [`crate::ast::Document`]: syntax and shape (which keys exist, which TOML types they
//! hold). Every mistake is pushed to the collector and parsing goes on, so one build reports
//! them all. [`read`] turns the text into a spanned tree whose tables keep their keys in file
//! order; this module reads the table's fields out of it.

#[cfg(test)]
mod differential;
mod lines;
mod read;
mod tree;

use crate::ast::{
    CodeDecl, Document, FallbackDecl, Field, LocalesDecl, LocalizedText, ProblemDecl, Texts,
};
use crate::diag::{Diagnostic, Diagnostics, did_you_mean};
use crate::source::{FileId, Sources, Sp, Span};
use tree::{Key, Kind, Table, Value};

const TOP_KEYS: &[&str] = &["extends", "non_exhaustive", "locales", "codes", "problems"];
const PROBLEM_KEYS: &[&str] = &["status", "type", "title", "detail", "remove"];
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
    let (root, errors) = read::document(text);
    if !errors.is_empty() {
        for error in errors {
            let range = error
                .unexpected()
                .map_or(0..0, |span| span.start()..span.end());
            let mut label = toml_message(&error).trim_end().to_string();
            let help = match error.description() {
                "recursion limit" => Some("a dotted key may have at most 80 parts"),
                description if description.starts_with("cannot recurse further") => {
                    Some("arrays and inline tables may nest at most 80 deep")
                }
                // A second byte order mark, as when files are joined: only the first character
                // of a file may be one.
                _ if text
                    .get(range.start..)
                    .is_some_and(|rest| rest.starts_with('\u{FEFF}')) =>
                {
                    label = "a byte order mark (U+FEFF) here".to_string();
                    Some(
                        "only the first character of a file may be a byte order mark; remove this one",
                    )
                }
                _ => None,
            };
            let mut diagnostic =
                Diagnostic::new(Span::new(file, range), "invalid TOML").label(label);
            if let Some(help) = help {
                diagnostic = diagnostic.help(help);
            }
            diags.push(diagnostic);
        }
        return None;
    }
    let mut parser = Parser { file, text, diags };
    Some(parser.root(&root))
}

/// Whether a TOML text has a top-level table named `key` (a Cargo.toml's `[workspace]`), read
/// as tables are.
pub(crate) fn has_top_level_table(text: &str, key: &str) -> bool {
    let (root, _) = read::document(text);
    root.entries()
        .iter()
        .any(|entry| entry.key.text == key && matches!(entry.value.kind, Kind::Table(_)))
}

/// A syntax error in the words `toml` gives it: what is wrong, then what was expected
/// (`invalid basic string, expected `"``).
fn toml_message(error: &toml_parser::ParseError) -> String {
    let mut message = error.description().to_string();
    let Some(expected) = error.expected() else {
        return message;
    };
    message.push_str(", expected ");
    if expected.is_empty() {
        message.push_str("nothing");
    }
    for (index, item) in expected.iter().enumerate() {
        if index > 0 {
            message.push_str(", ");
        }
        match item {
            toml_parser::Expected::Literal("\n") => message.push_str("newline"),
            toml_parser::Expected::Literal("`") => message.push_str("'`'"),
            toml_parser::Expected::Literal(literal)
                if literal.chars().all(|c| c.is_ascii_control()) =>
            {
                message.push_str(&format!("`{}`", literal.escape_debug()));
            }
            toml_parser::Expected::Literal(literal) => message.push_str(&format!("`{literal}`")),
            toml_parser::Expected::Description(description) => message.push_str(description),
            _ => message.push_str("etc"),
        }
    }
    message
}

struct Parser<'d> {
    file: FileId,
    /// The file's text: an integer's value is read from it, as the tree keeps only its type.
    text: &'d str,
    diags: &'d mut Diagnostics,
}

impl Parser<'_> {
    fn span(&self, range: &std::ops::Range<usize>) -> Span {
        Span::new(self.file, range.clone())
    }

    fn root(&mut self, table: &Table<'_>) -> Document {
        let mut document = Document {
            file: self.file,
            extends: Field::Absent,
            non_exhaustive: Field::Absent,
            locales: None,
            codes: Vec::new(),
            problems_base: Field::Absent,
            problems: Vec::new(),
        };
        for entry in table.entries() {
            let value = &entry.value;
            match entry.key.text.as_ref() {
                "extends" => document.extends = self.string(value, &|| "extends".to_string()),
                "non_exhaustive" => {
                    document.non_exhaustive = self.boolean(value, "non_exhaustive");
                }
                "locales" => {
                    if let Some(table) = self.table(value, "locales", "a table, like `[locales]`") {
                        document.locales = Some(self.locales(self.span(&entry.key.span), table));
                    }
                }
                "codes" => {
                    if let Some(table) =
                        self.table(value, "codes", "a table of codes, like `[codes.404]`")
                    {
                        for code in table.entries() {
                            if let Some(code) = self.code(&code.key, &code.value) {
                                document.codes.push(code);
                            }
                        }
                    }
                }
                "problems" => {
                    let expected = "a table of problem types, like `[problems.out-of-credit]`";
                    if let Some(table) = self.table(value, "problems", expected) {
                        self.problems(table, &mut document);
                    }
                }
                _ => self.unknown_key(&entry.key, TOP_KEYS, "at the top level"),
            }
        }
        document
    }

    fn locales(&mut self, span: Span, table: &Table<'_>) -> LocalesDecl {
        let mut locales = LocalesDecl {
            span,
            default: Field::Absent,
            fallback: Vec::new(),
        };
        for entry in table.entries() {
            match entry.key.text.as_ref() {
                "default" => locales.default = self.string(&entry.value, &|| "default".to_string()),
                "fallback" => locales.fallback = self.fallback(&entry.value),
                _ => self.unknown_key(&entry.key, LOCALES_KEYS, "in `[locales]`"),
            }
        }
        locales
    }

    /// `fallback = { "zh-HK" = "zh-TW", "zh-MO" = ["zh-HK", "zh-TW"] }`.
    fn fallback(&mut self, value: &Value<'_>) -> Vec<FallbackDecl> {
        let expected = "a table of locales, like `fallback = { \"zh-HK\" = \"zh-TW\" }`";
        let Some(table) = self.table(value, "fallback", expected) else {
            return Vec::new();
        };
        let mut entries = Vec::new();
        for entry in table.entries() {
            let (tag, targets) = (&entry.key, &entry.value);
            let key = || format!("fallback.{}", escape(&tag.text));
            let targets = match &targets.kind {
                Kind::String(target) => vec![Sp::new(target.to_string(), self.span(&targets.span))],
                Kind::Array(array) => {
                    let list = self.string_items(&array.items, &key);
                    if array.items.is_empty() {
                        self.diags.push(
                            Diagnostic::new(
                                self.span(&targets.span),
                                format!("`{}` is empty", key()),
                            )
                            .label("no locale here")
                            .help("name the locales to fall back to, or remove the entry"),
                        );
                    }
                    list
                }
                _ => {
                    let expected = "a locale tag or an array of them, like `\"zh-TW\"`";
                    self.wrong_type(targets, &format!("`{}`", key()), expected);
                    Vec::new()
                }
            };
            if !targets.is_empty() {
                entries.push(FallbackDecl {
                    tag: Sp::new(tag.text.to_string(), self.span(&tag.span)),
                    targets,
                });
            }
        }
        entries
    }

    fn code(&mut self, key: &Key<'_>, value: &Value<'_>) -> Option<CodeDecl> {
        let key_text = key.text.to_string();
        let key_span = self.span(&key.span);
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
        let Kind::Table(table) = &value.kind else {
            let what = format!("`codes.{}`", escape(&key_text));
            let expected = "a table with at least `name` and a default-locale `message`";
            self.wrong_type(value, &what, expected);
            return None;
        };
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
        for entry in table.entries() {
            let value = &entry.value;
            match entry.key.text.as_ref() {
                "name" => decl.name = self.string(value, &|| "name".to_string()),
                "variant" => decl.variant = self.string(value, &|| "variant".to_string()),
                "aliases" => decl.aliases = self.strings(value, "aliases"),
                "message" => decl.message = self.localized(value, "message"),
                "scenario" => decl.scenario = self.localized(value, "scenario"),
                "note" => decl.note = self.localized(value, "note"),
                "source" => decl.source = self.localized(value, "source"),
                "retry_unchanged" => decl.retry_unchanged = self.boolean(value, "retry_unchanged"),
                "remove" => decl.remove = self.boolean(value, "remove"),
                _ => self.unknown_key(
                    &entry.key,
                    CODE_KEYS,
                    &format!("in `[codes.{}]`", escape(&decl.key.value)),
                ),
            }
        }
        Some(decl)
    }

    /// `[problems]`: `base`, and a table per problem type.
    fn problems(&mut self, table: &Table<'_>, document: &mut Document) {
        for entry in table.entries() {
            let (key, value) = (&entry.key, &entry.value);
            match (key.text.as_ref(), &value.kind) {
                // A table named `base` is a problem type of that name.
                ("base", kind) if !matches!(kind, Kind::Table(_)) => {
                    document.problems_base = self.string(value, &|| "problems.base".to_string());
                }
                (_, Kind::Table(problem)) => {
                    document.problems.push(self.problem(key, problem));
                }
                _ => {
                    let what = format!("`problems.{}`", escape(&key.text));
                    let expected =
                        "a table with `status`, `title` and `detail` (only `base` is a string)";
                    self.wrong_type(value, &what, expected);
                }
            }
        }
    }

    fn problem(&mut self, key: &Key<'_>, table: &Table<'_>) -> ProblemDecl {
        let mut decl = ProblemDecl {
            key: Sp::new(key.text.to_string(), self.span(&key.span)),
            status: Field::Absent,
            r#type: Field::Absent,
            title: Texts::default(),
            detail: Texts::default(),
            remove: Field::Absent,
        };
        for entry in table.entries() {
            let value = &entry.value;
            match entry.key.text.as_ref() {
                "status" => decl.status = self.integer(value, "status"),
                "type" => decl.r#type = self.string(value, &|| "type".to_string()),
                "title" => decl.title = self.localized(value, "title"),
                "detail" => decl.detail = self.localized(value, "detail"),
                "remove" => decl.remove = self.boolean(value, "remove"),
                _ => self.unknown_key(
                    &entry.key,
                    PROBLEM_KEYS,
                    &format!("in `[problems.{}]`", escape(&decl.key.value)),
                ),
            }
        }
        decl
    }

    /// An integer, its value read from the file's text: `None` for one written other than in
    /// plain decimal digits (`0x193`, `+403`), which no status needs.
    fn integer(&mut self, value: &Value<'_>, key: &str) -> Field<Sp<Option<u64>>> {
        match &value.kind {
            Kind::Integer => {
                let written = self.text.get(value.span.clone()).unwrap_or_default();
                let digits: String = written.chars().filter(|&c| c != '_').collect();
                Field::Present(Sp::new(parse_code(&digits), self.span(&value.span)))
            }
            _ => {
                self.wrong_type(value, &format!("`{key}`"), "an integer, like `403`");
                Field::Invalid
            }
        }
    }

    fn localized(&mut self, value: &Value<'_>, field: &str) -> Texts {
        let Kind::Table(table) = &value.kind else {
            let expected = format!("a table of texts by locale, like `{field}.en = \"...\"`");
            self.wrong_type(value, &format!("`{field}`"), &expected);
            return Texts {
                invalid: true,
                entries: Vec::new(),
            };
        };
        let mut texts = Texts::default();
        texts.entries.reserve(table.entries().len());
        for entry in table.entries() {
            let tag = &entry.key;
            texts.entries.push(LocalizedText {
                tag: Sp::new(tag.text.to_string(), self.span(&tag.span)),
                text: self.string(&entry.value, &|| format!("{field}.{}", escape(&tag.text))),
            });
        }
        texts
    }

    fn table<'v, 'i>(
        &mut self,
        value: &'v Value<'i>,
        key: &str,
        expected: &str,
    ) -> Option<&'v Table<'i>> {
        match &value.kind {
            Kind::Table(table) => Some(table),
            _ => {
                self.wrong_type(value, &format!("`{key}`"), expected);
                None
            }
        }
    }

    /// `key` names the key in an error, and is only called for one.
    fn string(&mut self, value: &Value<'_>, key: &dyn Fn() -> String) -> Field<Sp<String>> {
        match &value.kind {
            Kind::String(text) => Field::Present(Sp::new(text.to_string(), self.span(&value.span))),
            _ => {
                self.wrong_type(value, &format!("`{}`", key()), "a string");
                Field::Invalid
            }
        }
    }

    fn boolean(&mut self, value: &Value<'_>, key: &str) -> Field<Sp<bool>> {
        match &value.kind {
            Kind::Boolean(flag) => Field::Present(Sp::new(*flag, self.span(&value.span))),
            _ => {
                self.wrong_type(value, &format!("`{key}`"), "`true` or `false`");
                Field::Invalid
            }
        }
    }

    fn strings(&mut self, value: &Value<'_>, key: &str) -> Field<Vec<Sp<String>>> {
        match &value.kind {
            Kind::Array(array) => {
                Field::Present(self.string_items(&array.items, &|| key.to_string()))
            }
            _ => {
                let expected = "an array of strings, like `[\"...\"]`";
                self.wrong_type(value, &format!("`{key}`"), expected);
                Field::Invalid
            }
        }
    }

    /// The strings of an array; items of another type are reported and left out.
    fn string_items(&mut self, items: &[Value<'_>], key: &dyn Fn() -> String) -> Vec<Sp<String>> {
        let mut strings = Vec::with_capacity(items.len());
        for item in items {
            match &item.kind {
                Kind::String(text) => {
                    strings.push(Sp::new(text.to_string(), self.span(&item.span)))
                }
                _ => {
                    let place = format!("each item of `{}`", key());
                    self.wrong_type(item, &place, "a string");
                }
            }
        }
        strings
    }

    /// `what` names the place (`` `name` ``, ``each item of `aliases` ``).
    fn wrong_type(&mut self, value: &Value<'_>, what: &str, expected: &str) {
        let found = type_name(&value.kind);
        self.diags.push(
            Diagnostic::new(
                self.span(&value.span),
                format!("{what} must be {expected}, found {found}"),
            )
            .label(format!("this is {found}")),
        );
    }

    fn unknown_key(&mut self, key: &Key<'_>, known: &[&str], place: &str) {
        let name = key.text.as_ref();
        let help = match did_you_mean(name, known) {
            Some(suggestion) => format!("did you mean `{suggestion}`?"),
            None => format!("the keys allowed here are {}", list(known)),
        };
        self.diags.push(
            Diagnostic::new(
                self.span(&key.span),
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

fn type_name(kind: &Kind<'_>) -> &'static str {
    match kind {
        Kind::String(_) => "a string",
        Kind::Integer => "an integer",
        Kind::Float => "a float",
        Kind::Boolean(_) => "a boolean",
        Kind::Datetime => "a datetime",
        Kind::Array(_) => "an array",
        Kind::Table(_) => "a table",
    }
}

/// `a`, `b` and `c`.
pub(crate) fn list(items: &[&str]) -> String {
    let mut out = String::new();
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            out.push_str(if index + 1 == items.len() {
                " and "
            } else {
                ", "
            });
        }
        out.push('`');
        out.push_str(item);
        out.push('`');
    }
    out
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
