//! The problem types of a table (`[problems.<key>]`): each key a struct name, `status` a code
//! of the table, `type` a URI of its own, a title and a detail in the default locale, and
//! every translation of the detail with exactly the default's placeholders.

use std::collections::{HashMap, HashSet};

use super::{Checker, Ident};
use crate::ast::{Document, Field, LocalizedText, ProblemDecl, Texts};
use crate::diag::{Diagnostic, did_you_mean, is_invisible};
use crate::model::{self, Locale, LocaleIndex, Piece, Problem, Template};
use crate::names::variant_from_tag;
use crate::parse::{escape, list};
use crate::source::{Sources, Sp, Span};

/// Names the generated code gives items in scope of a problem type's impls: a struct of the
/// same name would clash with them or be shadowed by them.
const RESERVED: &[&str] = &[
    "StatusCode",
    "Locale",
    "Option",
    "Result",
    "Some",
    "None",
    "Ok",
    "Err",
    "Self",
];

/// Rust's keywords in every edition, strict and reserved: none can be a field's name.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// The members RFC 9457 defines: an extension member may not take their names.
const STANDARD_MEMBERS: &[&str] = &["type", "title", "status", "detail", "instance"];

/// RFC 9457's default `type`, which a problem type may not have.
const ABOUT_BLANK: &str = "about:blank";

/// What placeholder names may be, for the help of every error about one.
const NAME_RULE: &str = "a placeholder names a field of the generated struct: a lower-case \
                         ASCII letter, then lower-case ASCII letters, digits or `_`";

/// A detail template as written: literal text and placeholders with where they are.
struct Parsed {
    pieces: Vec<RawPiece>,
}

enum RawPiece {
    Text(String),
    /// A placeholder's name and the byte range of `{name}` in the text.
    Field(String, std::ops::Range<usize>),
}

impl Parsed {
    /// Each placeholder's name and place, in order.
    fn fields(&self) -> impl Iterator<Item = (&str, &std::ops::Range<usize>)> {
        self.pieces.iter().filter_map(|piece| match piece {
            RawPiece::Field(name, at) => Some((name.as_str(), at)),
            RawPiece::Text(_) => None,
        })
    }
}

/// A mistake in a template: where (bytes of the text), what, and what to do.
struct TemplateError {
    at: std::ops::Range<usize>,
    message: String,
    help: String,
}

/// Splits a template at its placeholders. `{{` and `}}` are literal braces; any other brace
/// must open or close a placeholder whose name is a valid field name.
fn parse_template(text: &str) -> (Parsed, Vec<TemplateError>) {
    let bytes = text.as_bytes();
    let mut pieces = Vec::new();
    let mut errors = Vec::new();
    let mut literal = String::new();
    let mut at = 0;
    let mut start = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'{' | b'}' if bytes.get(at + 1) == Some(&bytes[at]) => {
                literal.push_str(&text[start..=at]);
                at += 2;
                start = at;
            }
            b'{' => {
                literal.push_str(&text[start..at]);
                let rest = &bytes[at + 1..];
                let close = rest.iter().position(|&b| b == b'}' || b == b'{');
                match close.filter(|&end| rest[end] == b'}') {
                    Some(end) => {
                        let name = &text[at + 1..at + 1 + end];
                        let range = at..at + end + 2;
                        if let Some((message, help)) = name_problem(name) {
                            errors.push(TemplateError {
                                at: range.clone(),
                                message,
                                help,
                            });
                        }
                        if !literal.is_empty() {
                            pieces.push(RawPiece::Text(std::mem::take(&mut literal)));
                        }
                        pieces.push(RawPiece::Field(name.to_string(), range.clone()));
                        at = range.end;
                    }
                    None => {
                        errors.push(TemplateError {
                            at: at..at + 1,
                            message: "`{` opens no placeholder".to_string(),
                            help: "close the placeholder with `}`, or write `{{` for a literal `{`"
                                .to_string(),
                        });
                        literal.push('{');
                        at += 1;
                    }
                }
                start = at;
            }
            b'}' => {
                literal.push_str(&text[start..at]);
                errors.push(TemplateError {
                    at: at..at + 1,
                    message: "`}` closes no placeholder".to_string(),
                    help: "write `}}` for a literal `}`".to_string(),
                });
                literal.push('}');
                at += 1;
                start = at;
            }
            _ => at += 1,
        }
    }
    literal.push_str(&text[start..]);
    if !literal.is_empty() {
        pieces.push(RawPiece::Text(literal));
    }
    (Parsed { pieces }, errors)
}

/// Why `name` cannot be a placeholder, as a message and a help.
fn name_problem(name: &str) -> Option<(String, String)> {
    let shown = escape(name);
    if name.is_empty() {
        return Some((
            "empty placeholder `{}`".to_string(),
            "name the field, like `{balance}`, or write `{{}}` for literal braces".to_string(),
        ));
    }
    let mut chars = name.chars();
    let starts_well = chars.next().is_some_and(|c| c.is_ascii_lowercase());
    if !starts_well || !chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
        let help = format!("{NAME_RULE}; write `{{{{` and `}}}}` for literal braces");
        return Some((format!("`{{{shown}}}` is not a placeholder name"), help));
    }
    if STANDARD_MEMBERS.contains(&name) {
        return Some((
            format!("placeholder `{{{name}}}` takes the name of a member RFC 9457 defines"),
            "each placeholder is also an extension member of the problem; rename it".to_string(),
        ));
    }
    if KEYWORDS.contains(&name) {
        return Some((
            format!("placeholder `{{{name}}}` is a Rust keyword"),
            "it would be a field of the generated struct; rename it".to_string(),
        ));
    }
    None
}

/// Where bytes `at` of a text written at `text.span` are in the file: exact when the text is
/// written without escapes, else the whole value.
fn locate(sources: &Sources, text: &Sp<String>, at: &std::ops::Range<usize>) -> Span {
    let file = sources.get(text.span.file);
    let raw = file.text.get(text.span.range.clone()).unwrap_or_default();
    let quotes = if raw.starts_with("\"\"\"") || raw.starts_with("'''") {
        3
    } else {
        1
    };
    let body = raw.get(quotes..quotes + text.value.len());
    if body == Some(text.value.as_str()) {
        let start = text.span.range.start + quotes;
        return Span::new(text.span.file, start + at.start..start + at.end);
    }
    text.span.clone()
}

/// Whether `uri` starts with a scheme (`https:`, `urn:`, `tag:`): an absolute URI.
fn is_absolute(uri: &str) -> bool {
    let Some(colon) = uri.find(':') else {
        return false;
    };
    let scheme = &uri[..colon];
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// A relative reference resolved against an absolute base: the base's path up to its last
/// `/`, then the reference (RFC 3986, section 5.2, for references without `..` or a scheme);
/// one that starts with `/` replaces the base's path.
fn resolve(base: &str, reference: &str) -> String {
    let Some(scheme_end) = base.find("://") else {
        // `urn:example:` and other URIs without an authority: the reference is appended.
        return format!("{base}{reference}");
    };
    let authority_end = base[scheme_end + 3..]
        .find('/')
        .map_or(base.len(), |end| scheme_end + 3 + end);
    if reference.starts_with('/') {
        return format!("{}{reference}", &base[..authority_end]);
    }
    let path_end = base[authority_end..]
        .rfind('/')
        .map_or(authority_end, |at| authority_end + at + 1);
    if path_end == authority_end && authority_end == base.len() {
        return format!("{base}/{reference}");
    }
    format!("{}{reference}", &base[..path_end])
}

/// Why `uri` cannot be a `type`, if it cannot.
fn uri_problem(uri: &str) -> Option<&'static str> {
    if uri.is_empty() {
        Some("it is empty")
    } else if uri.chars().any(|c| c.is_whitespace() || is_invisible(c)) {
        Some("a URI holds no spaces or control characters")
    } else {
        None
    }
}

impl Checker<'_> {
    /// Checks every problem type and builds them, sorted by key; `None` when one is wrong.
    pub(super) fn problems(
        &mut self,
        document: &Document,
        locales: Option<&[Locale]>,
        default: Option<&Sp<String>>,
    ) -> Option<Vec<Problem>> {
        let base = self.problems_base(document);
        let index = locales.map(LocaleIndex::new);
        let mut problems = Vec::with_capacity(document.problems.len());
        // By struct name, the key that first gave it; and every code's number: looked up once
        // per problem type, so that checking stays linear in the table's size.
        let mut idents: HashMap<String, &Sp<String>> =
            HashMap::with_capacity(document.problems.len());
        let numbers: HashSet<u64> = document.codes.iter().filter_map(|code| code.code).collect();
        let mut ok = true;
        for decl in &document.problems {
            let ident = self.problem_ident(decl, &mut idents);
            let status = self.problem_status(decl, &numbers);
            let r#type = self.problem_type(decl, base.as_ref());
            let texts = match (locales, &index, default) {
                (Some(locales), Some(index), Some(default)) => {
                    self.problem_texts(decl, locales, index, default)
                }
                _ => None,
            };
            match (ident, status, r#type, texts) {
                (Some(ident), Some(status), Some(r#type), Some((fields, titles, detail))) => {
                    let title_locale = titles.iter().map(|(locale, _)| *locale).collect();
                    let title = titles.into_iter().map(|(_, title)| title).collect();
                    let detail_locale = detail.iter().map(|(locale, _)| *locale).collect();
                    let detail = detail.into_iter().map(|(_, template)| template).collect();
                    problems.push(Problem {
                        key: decl.key.value.clone(),
                        ident: Ident::checked(ident),
                        status,
                        r#type,
                        fields: fields.into_iter().map(Ident::checked).collect(),
                        title,
                        title_locale,
                        detail,
                        detail_locale,
                    });
                }
                _ => ok = false,
            }
        }
        crate::order::sort_by(&mut problems, &|a, b| a.key.cmp(&b.key));
        ok.then_some(problems)
    }

    /// `[problems] base`, checked: an absolute URI.
    fn problems_base(&mut self, document: &Document) -> Option<String> {
        let base = document.problems_base.as_ref().value()?;
        if !self.plain_text(base, &|| "`problems.base`".to_string(), false) {
            return None;
        }
        let problem = uri_problem(&base.value).or_else(|| {
            (!is_absolute(&base.value)).then_some("not an absolute URI: it has no scheme")
        });
        if let Some(problem) = problem {
            self.error(
                Diagnostic::new(base.span.clone(), "bad `base` for problem types")
                    .label(problem)
                    .help("write an absolute URI, like `base = \"https://example.com/probs/\"`"),
            );
            return None;
        }
        Some(base.value.clone())
    }

    /// The struct the key names, if it can be one and no other item has its name.
    fn problem_ident<'d>(
        &mut self,
        decl: &'d ProblemDecl,
        idents: &mut HashMap<String, &'d Sp<String>>,
    ) -> Option<String> {
        let key = &decl.key;
        let mut chars = key.value.chars();
        let well_formed = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !well_formed {
            self.error(
                Diagnostic::new(
                    key.span.clone(),
                    format!("problem type `{}` cannot name a struct", escape(&key.value)),
                )
                .label("not ASCII words joined by `-` or `_`")
                .help("write the key like `out-of-credit`: it gives the struct `OutOfCredit`"),
            );
            return None;
        }
        let ident = variant_from_tag(&key.value);
        let is_parameter = ident.len() > 1
            && ident.starts_with('T')
            && ident[1..].bytes().all(|b| b.is_ascii_digit());
        if RESERVED.contains(&ident.as_str()) || is_parameter {
            let what = if is_parameter {
                "the generated code's type parameters are named so"
            } else {
                "the generated code uses that name"
            };
            self.error(
                Diagnostic::new(
                    key.span.clone(),
                    format!(
                        "problem type `{}` would be the struct `{ident}`, which clashes with a generated item",
                        escape(&key.value)
                    ),
                )
                .label(what)
                .help("rename the key"),
            );
            return None;
        }
        if let Some(first) = idents.get(&ident) {
            self.error(
                Diagnostic::new(
                    key.span.clone(),
                    format!(
                        "problem types `{}` and `{}` would both be the struct `{ident}`",
                        escape(&first.value),
                        escape(&key.value)
                    ),
                )
                .label("gives this struct")
                .related(first.span.clone(), "and so does this")
                .help("keys are turned into UpperCamelCase; rename one of them"),
            );
            return None;
        }
        idents.insert(ident.clone(), key);
        Some(ident)
    }

    fn problem_status(&mut self, decl: &ProblemDecl, numbers: &HashSet<u64>) -> Option<u16> {
        let key = escape(&decl.key.value);
        let status = match &decl.status {
            Field::Present(status) => status,
            Field::Invalid => return None,
            Field::Absent => {
                self.error(
                    Diagnostic::new(
                        decl.key.span.clone(),
                        format!("problem type `{key}` has no `status`"),
                    )
                    .help("add the code it is returned with, like `status = 403`"),
                );
                return None;
            }
        };
        let Some(number) = status.value else {
            self.error(
                Diagnostic::new(status.span.clone(), "`status` is not a plain number")
                    .help("write the code in decimal digits, like `status = 403`"),
            );
            return None;
        };
        let known = numbers.contains(&number);
        match u16::try_from(number) {
            Ok(code) if known => Some(code),
            _ => {
                self.error(
                    Diagnostic::new(
                        status.span.clone(),
                        format!("`status = {number}` is not a code of the table"),
                    )
                    .label("no such code")
                    .help(format!(
                        "a problem type is returned with one of the table's codes; add `[codes.{number}]` or use another status"
                    )),
                );
                None
            }
        }
    }

    /// The problem's `type` as an absolute URI.
    fn problem_type(&mut self, decl: &ProblemDecl, base: Option<&String>) -> Option<String> {
        let key = escape(&decl.key.value);
        let about_blank = "RFC 9457's default `about:blank` means the problem is no more than \
                           its status code, so a problem type needs a URI of its own";
        let written = match &decl.r#type {
            Field::Invalid => return None,
            Field::Absent => {
                if let Some(base) = base {
                    return Some(resolve(base, &decl.key.value));
                }
                // `base` written but wrong was reported already.
                self.error(
                    Diagnostic::new(
                        decl.key.span.clone(),
                        format!("problem type `{key}` has no `type`"),
                    )
                    .label(about_blank)
                    .help("write `type = \"https://example.com/probs/...\"`, or set `[problems] base = \"https://example.com/probs/\"` to make it the base and the key"),
                );
                return None;
            }
            Field::Present(written) => written,
        };
        if !self.plain_text(
            written,
            &|| format!("`type` of problem type `{key}`"),
            false,
        ) {
            return None;
        }
        if written.value.eq_ignore_ascii_case(ABOUT_BLANK) {
            self.error(
                Diagnostic::new(
                    written.span.clone(),
                    "`about:blank` cannot be the `type` of a problem type",
                )
                .label(about_blank)
                .help("write a URI that names this problem type, like `https://example.com/probs/out-of-credit`"),
            );
            return None;
        }
        if let Some(problem) = uri_problem(&written.value) {
            self.error(
                Diagnostic::new(written.span.clone(), "bad `type`")
                    .label(problem)
                    .help("write a URI, like `type = \"https://example.com/probs/out-of-credit\"`"),
            );
            return None;
        }
        if is_absolute(&written.value) {
            return Some(written.value.clone());
        }
        match base {
            Some(base) => Some(resolve(base, &written.value)),
            None => {
                self.error(
                    Diagnostic::new(
                        written.span.clone(),
                        format!("`type` of problem type `{key}` is relative, and there is no `base`"),
                    )
                    .label("not an absolute URI")
                    .help("write an absolute URI, or set `[problems] base = \"https://example.com/probs/\"` to resolve it against"),
                );
                None
            }
        }
    }

    /// The fields, and per locale (locale shown, text) of the title and (locale shown,
    /// template) of the detail, fallbacks applied.
    #[allow(clippy::type_complexity)]
    fn problem_texts(
        &mut self,
        decl: &ProblemDecl,
        locales: &[Locale],
        index: &LocaleIndex<'_>,
        default: &Sp<String>,
    ) -> Option<(Vec<String>, Vec<(usize, String)>, Vec<(usize, Template)>)> {
        let sources = self.sources;
        let mut ok = true;
        for (texts, field) in [(&decl.title, "title"), (&decl.detail, "detail")] {
            ok &= self.problem_field(decl, texts, field, index, default);
        }
        ok &= self.translated_together(decl, default);
        // The default's template first: its placeholders are the fields.
        let default_detail = decl
            .detail
            .entries()
            .find(|text| text.tag.value == default.value);
        let mut fields: Vec<String> = Vec::new();
        // Each field's index in `fields`, by name.
        let mut field_index: HashMap<String, usize> = HashMap::new();
        let mut parsed: Vec<(&LocalizedText, &Sp<String>, Parsed)> = Vec::new();
        for text in default_detail.into_iter().chain(
            decl.detail
                .entries()
                .filter(|text| text.tag.value != default.value),
        ) {
            let Field::Present(written) = &text.text else {
                continue;
            };
            let (template, errors) = parse_template(&written.value);
            for error in errors {
                self.error(
                    Diagnostic::new(locate(sources, written, &error.at), error.message)
                        .label(format!("in `detail.{}`", escape(&text.tag.value)))
                        .help(error.help),
                );
                ok = false;
            }
            if text.tag.value == default.value {
                // A name that is no field's was reported above, escaped; as a field it would
                // be reported again, and quoted raw, for each translation.
                for (name, _) in template.fields() {
                    if name_problem(name).is_none() && !field_index.contains_key(name) {
                        field_index.insert(name.to_string(), fields.len());
                        fields.push(name.to_string());
                    }
                }
            } else if default_detail.is_some() {
                ok &= self.same_placeholders(
                    default,
                    text,
                    written,
                    &template,
                    &fields,
                    &field_index,
                );
            }
            parsed.push((text, written, template));
        }
        if !ok {
            return None;
        }
        // Per locale, the template written in it (the first, were a tag written twice).
        let mut own: Vec<Option<Template>> = vec![None; locales.len()];
        for (text, _, template) in parsed {
            let Some(locale) = index.get(&text.tag.value) else {
                continue;
            };
            if own[locale].is_some() {
                continue;
            }
            let mut pieces = Vec::with_capacity(template.pieces.len());
            for piece in template.pieces {
                pieces.push(match piece {
                    RawPiece::Text(text) => Piece::Text(text),
                    RawPiece::Field(name, _) => Piece::Field(*field_index.get(&name)?),
                });
            }
            own[locale] = Some(Template { pieces });
        }
        let has: Vec<bool> = own.iter().map(Option::is_some).collect();
        let mut detail = Vec::with_capacity(locales.len());
        for shown in model::resolve_index(locales, &has) {
            let shown = shown?;
            detail.push((shown, own[shown].clone()?));
        }
        let titles = index.own_texts(&decl.title);
        let title_has: Vec<bool> = titles.iter().map(Option::is_some).collect();
        let mut title = Vec::with_capacity(locales.len());
        for shown in model::resolve_index(locales, &title_has) {
            let shown = shown?;
            title.push((shown, titles[shown]?.to_string()));
        }
        Some((fields, title, detail))
    }

    /// Every locale but the default has both a title and a detail or neither: a problem is
    /// sent with one `Content-Language`, which a title falling back apart from its detail
    /// would make wrong for one of them. (The default's are required on their own.)
    fn translated_together(&mut self, decl: &ProblemDecl, default: &Sp<String>) -> bool {
        let mut ok = true;
        let key = escape(&decl.key.value);
        for (texts, other, field, missing) in [
            (&decl.title, &decl.detail, "title", "detail"),
            (&decl.detail, &decl.title, "detail", "title"),
        ] {
            let tags: HashSet<&str> = other
                .entries()
                .map(|text| text.tag.value.as_str())
                .collect();
            for text in texts.entries() {
                let tag = text.tag.value.as_str();
                if tag == default.value || other.invalid || tags.contains(tag) {
                    continue;
                }
                let tag = escape(tag);
                self.error(
                    Diagnostic::new(
                        text.tag.span.clone(),
                        format!("problem type `{key}` has `{field}.{tag}` but no `{missing}.{tag}`"),
                    )
                    .label(format!("`{missing}` would fall back to another language"))
                    .help(format!(
                        "a problem's title and detail go out together, in one language: add `{missing}.{tag}`, or remove `{field}.{tag}`"
                    )),
                );
                ok = false;
            }
        }
        ok
    }

    /// A title or detail: a default-locale text, no empty text, no locale the table lacks.
    fn problem_field(
        &mut self,
        decl: &ProblemDecl,
        texts: &Texts,
        field: &str,
        index: &LocaleIndex<'_>,
        default: &Sp<String>,
    ) -> bool {
        let mut ok = true;
        let key = escape(&decl.key.value);
        // The table's tags, for the help of an unknown one: listed once.
        let mut all_tags: Option<Vec<&str>> = None;
        if !texts.mentions(&default.value) {
            self.error(
                Diagnostic::new(
                    decl.key.span.clone(),
                    format!(
                        "problem type `{key}` has no {field} in the default locale `{}`",
                        default.value
                    ),
                )
                .help(format!("add `{field}.{} = \"...\"`", default.value)),
            );
            ok = false;
        }
        for text in texts.entries() {
            if index.get(&text.tag.value).is_none() {
                let tags = all_tags.get_or_insert_with(|| index.tags().collect());
                let help = match did_you_mean(&text.tag.value, tags) {
                    Some(tag) => format!("did you mean `{tag}`?"),
                    None => format!(
                        "problem types are written in the table's locales: {}",
                        list(tags)
                    ),
                };
                self.error(
                    Diagnostic::new(
                        text.tag.span.clone(),
                        format!(
                            "`{field}.{}`: the table has no locale `{}`",
                            escape(&text.tag.value),
                            escape(&text.tag.value)
                        ),
                    )
                    .help(help),
                );
                ok = false;
            }
            if let Field::Present(written) = &text.text {
                let what = || {
                    format!(
                        "`{field}.{}` of problem type `{key}`",
                        escape(&text.tag.value)
                    )
                };
                if !self.plain_text(written, &what, false) {
                    ok = false;
                } else if written.value.trim().is_empty() {
                    self.error(
                        Diagnostic::new(written.span.clone(), "empty text")
                            .label(format!("for `{}`", escape(&text.tag.value)))
                            .help("write the text, or remove the key to fall back to the default locale"),
                    );
                    ok = false;
                }
            }
        }
        ok
    }

    /// A translation's placeholders against the default's: each of `fields` used, no other.
    fn same_placeholders(
        &mut self,
        default: &Sp<String>,
        text: &LocalizedText,
        written: &Sp<String>,
        template: &Parsed,
        fields: &[String],
        field_index: &HashMap<String, usize>,
    ) -> bool {
        let sources = self.sources;
        let mut ok = true;
        let tag = escape(&text.tag.value);
        let names: Vec<&str> = fields.iter().map(String::as_str).collect();
        for (name, at) in template.fields() {
            if name_problem(name).is_some() || field_index.contains_key(name) {
                continue;
            }
            let help = match did_you_mean(name, &names) {
                Some(field) => format!("did you mean `{{{field}}}`?"),
                None if names.is_empty() => format!(
                    "`detail.{}` has no placeholders, so no translation may have one",
                    default.value
                ),
                None => format!(
                    "the fields come from `detail.{}`, which has {}",
                    default.value,
                    braced_list(&names)
                ),
            };
            self.error(
                Diagnostic::new(
                    locate(sources, written, at),
                    format!(
                        "placeholder `{{{name}}}` of `detail.{tag}` is not in the default locale's detail"
                    ),
                )
                .label("no such field")
                .help(help),
            );
            ok = false;
        }
        let used: HashSet<&str> = template.fields().map(|(name, _)| name).collect();
        for field in fields {
            if !used.contains(field.as_str()) {
                self.error(
                    Diagnostic::new(
                        written.span.clone(),
                        format!("`detail.{tag}` lacks the placeholder `{{{field}}}`"),
                    )
                    .label(format!("no `{{{field}}}` here"))
                    .help(format!(
                        "every translation says what `detail.{}` says: add `{{{field}}}`",
                        default.value
                    )),
                );
                ok = false;
            }
        }
        ok
    }
}

/// `{a}`, `{b}` and `{c}`.
fn braced_list(names: &[&str]) -> String {
    let braced: Vec<String> = names.iter().map(|name| format!("{{{name}}}")).collect();
    let refs: Vec<&str> = braced.iter().map(String::as_str).collect();
    list(&refs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<String> {
        let (parsed, errors) = parse_template(text);
        assert!(errors.is_empty(), "{text}");
        parsed
            .pieces
            .iter()
            .map(|piece| match piece {
                RawPiece::Text(text) => format!("text:{text}"),
                RawPiece::Field(name, _) => format!("field:{name}"),
            })
            .collect()
    }

    fn errors(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
        let (_, errors) = parse_template(text);
        errors
            .into_iter()
            .map(|error| (error.at, error.message))
            .collect()
    }

    #[test]
    fn templates_split_at_placeholders_and_unescape_braces() {
        assert_eq!(
            pieces("Balance {balance}, cost {cost}."),
            [
                "text:Balance ",
                "field:balance",
                "text:, cost ",
                "field:cost",
                "text:."
            ]
        );
        assert_eq!(
            pieces("{{literal}} {x}}}"),
            ["text:{literal} ", "field:x", "text:}"]
        );
        assert_eq!(
            pieces("余额 {balance}。"),
            ["text:余额 ", "field:balance", "text:。"]
        );
        assert!(pieces("").is_empty());
    }

    #[test]
    fn stray_braces_and_bad_names_are_placed() {
        assert_eq!(
            errors("a { b"),
            [(2..3, "`{` opens no placeholder".to_string())]
        );
        assert_eq!(
            errors("a } b"),
            [(2..3, "`}` closes no placeholder".to_string())]
        );
        assert_eq!(
            errors("{a{b}"),
            [(0..1, "`{` opens no placeholder".to_string())]
        );
        assert_eq!(errors("x {Balance}")[0].0, 2..11);
        assert!(errors("{}")[0].1.contains("empty placeholder"));
        assert!(errors("{type}")[0].1.contains("RFC 9457"));
        assert!(errors("{fn}")[0].1.contains("keyword"));
        assert!(errors("{1a}")[0].1.contains("not a placeholder name"));
        assert!(errors("{a-b}")[0].1.contains("not a placeholder name"));
        assert!(errors("{a_1}").is_empty());
    }

    #[test]
    fn relative_types_resolve_against_the_base() {
        let base = "https://example.com/probs/";
        assert_eq!(
            resolve(base, "out-of-credit"),
            "https://example.com/probs/out-of-credit"
        );
        assert_eq!(resolve(base, "/other/x"), "https://example.com/other/x");
        assert_eq!(
            resolve("https://example.com/probs/index", "x"),
            "https://example.com/probs/x"
        );
        assert_eq!(resolve("https://example.com", "x"), "https://example.com/x");
        assert_eq!(resolve("urn:example:", "x"), "urn:example:x");
        assert!(is_absolute("https://x"));
        assert!(is_absolute("urn:x"));
        assert!(!is_absolute("/x"));
        assert!(!is_absolute("x/y:z"));
    }

    const CODES: &str = "[locales]\ndefault = \"en\"\n[codes.403]\nname = \"Forbidden\"\n\
                         message.en = \"No.\"\nmessage.zh-CN = \"不行。\"\n";

    fn table_errors(problems: &str) -> String {
        let text = format!("{CODES}{problems}");
        crate::load_str("codes.toml", &text)
            .unwrap_err()
            .to_string()
    }

    fn problem(key: &str, keys: &str) -> String {
        format!(
            "[problems.{key}]\nstatus = 403\ntype = \"https://e.com/p\"\ntitle.en = \"T\"\n\
             detail.en = \"D {{x}}\"\n{keys}"
        )
    }

    #[test]
    fn each_key_of_a_problem_type_is_checked() {
        let text = table_errors(&problem(
            "out-of-credit",
            "title.fr = \"F\"\ntitle.zh-cn = \"Z\"\n",
        ));
        assert!(
            text.contains("`title.fr`: the table has no locale `fr`"),
            "{text}"
        );
        assert!(text.contains("did you mean `zh-CN`?"), "{text}");
        let text = table_errors("[problems]\nbase = \"probs/\"\n");
        assert!(text.contains("bad `base` for problem types"), "{text}");
        let text = table_errors(&problem("x", "").replace("https://e.com/p", "relative/x"));
        assert!(
            text.contains("is relative, and there is no `base`"),
            "{text}"
        );
        let text = table_errors(&problem("x", "").replace("403", "0x193"));
        assert!(text.contains("`status` is not a plain number"), "{text}");
        let text = table_errors(&problem("x", "").replace("status = 403\n", ""));
        assert!(text.contains("problem type `x` has no `status`"), "{text}");
        let text = table_errors(&problem("\"out of credit\"", ""));
        assert!(text.contains("cannot name a struct"), "{text}");
        let text = table_errors(&problem("t0", ""));
        assert!(text.contains("would be the struct `T0`"), "{text}");
        let text = table_errors(
            &problem("x", "type = \"https://e.com/p q\"\n")
                .replace("type = \"https://e.com/p\"\n", ""),
        );
        assert!(text.contains("a URI holds no spaces"), "{text}");
        let text = table_errors(&problem("x", "title.zh-CN = \"T\"\ndetail.zh-CN = \" \"\n"));
        assert!(text.contains("empty text"), "{text}");
        let text = table_errors("[problems.x]\nstatus = \"403\"\n");
        assert!(text.contains("`status` must be an integer"), "{text}");
        let text = table_errors("[problems]\nx = 1\n");
        assert!(text.contains("`problems.x` must be a table"), "{text}");
        // Texts are text: the same rules as the codes' texts.
        let text = table_errors(
            &problem("x", "").replace("title.en = \"T\"", "title.en = \"T\\u001b[2J\""),
        );
        assert!(
            text.contains("`title.en` of problem type `x` holds U+001B (escape)"),
            "{text}"
        );
        let text = table_errors(&problem("x", "").replace("D {x}", "D\\n{x}"));
        assert!(
            text.contains("`detail.en` of problem type `x` holds U+000A (line feed)"),
            "{text}"
        );
        let text =
            table_errors(&problem("x", "").replace("https://e.com/p", "https://e.com/\\u202ep"));
        assert!(
            text.contains("`type` of problem type `x` holds U+202E"),
            "{text}"
        );
        let text = table_errors(&problem("x", "titel.en = \"T\"\n"));
        assert!(text.contains("did you mean `title`?"), "{text}");
    }

    #[test]
    fn a_bad_placeholder_in_the_default_detail_is_reported_once_and_escaped() {
        // Not a field: no translation is told it lacks `{\u{1b}}`, raw or not; the valid
        // fields are still checked in every translation.
        let text = table_errors(
            &problem("x", "title.zh-CN = \"T\"\ndetail.zh-CN = \"Z {y}\"\n")
                .replace("D {x}", "D {\\u001b} {x}"),
        );
        assert!(
            text.contains("`{\\u{1b}}` is not a placeholder name"),
            "{text}"
        );
        assert!(!text.contains('\u{1b}'), "{text}");
        assert!(!text.contains("lacks the placeholder `{\\"), "{text}");
        assert!(text.contains("lacks the placeholder `{x}`"), "{text}");
        assert!(text.contains("placeholder `{y}`"), "{text}");
        // And the control character itself, where it is written.
        assert!(text.contains("holds U+001B (escape)"), "{text}");
        assert_eq!(text.matches("error: ").count(), 4, "{text}");
    }

    #[test]
    fn a_problem_type_without_fields_and_one_with_a_base_are_accepted() {
        let text = format!(
            "{CODES}[problems]\nbase = \"https://e.com/probs/\"\n[problems.gone]\nstatus = 403\n\
             title.en = \"Gone\"\ntitle.zh-CN = \"没了\"\ndetail.en = \"All {{{{gone}}}}.\"\n\
             detail.zh-CN = \"全{{{{没}}}}了。\"\n"
        );
        let table = crate::load_str("codes.toml", &text).unwrap();
        let gone = &table.problems[0];
        assert_eq!(gone.ident, "Gone");
        assert_eq!(gone.r#type, "https://e.com/probs/gone");
        assert!(gone.fields.is_empty());
        assert_eq!(gone.detail[0].render(&[]), "All {gone}.");
        assert_eq!(gone.detail[1].render(&[]), "全{没}了。");
        assert_eq!(gone.detail_locale, [0, 1]);
        let without = text.replace("detail.zh-CN = \"全{{没}}了。\"\n", "");
        let text = crate::load_str("codes.toml", &without)
            .unwrap_err()
            .to_string();
        assert!(
            text.contains("problem type `gone` has `title.zh-CN` but no `detail.zh-CN`"),
            "{text}"
        );
        assert_eq!(gone.title, ["Gone", "没了"]);
    }
}
