//! [`crate::ast::Document`] → [`crate::model::Table`]: the rules a table must follow, each
//! mistake reported on the span of what is wrong, all of them collected before giving up.
//!
//! One file per part of the table: [`locales`] (the default and every tag), [`fallback`] (the
//! chains of `[locales.fallback]`), [`codes`] (numbers, names, spellings and texts),
//! [`problems`] (the problem types: names, statuses, URIs and templates).

mod codes;
mod fallback;
mod ident;
mod locales;
mod problems;
pub(crate) mod text;

use crate::ast::Document;
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{Table, TableFile};
use crate::source::{Sources, Sp, Span};
use text::Forbidden;

pub use ident::Ident;

/// Checks a merged document and builds the table, or returns `None` with every mistake pushed
/// to `diags`.
pub(crate) fn table(
    sources: &Sources,
    document: &Document,
    diags: &mut Diagnostics,
) -> Option<Table> {
    let start = diags.len();
    let mut checker = Checker { diags, sources };
    let default = checker.default_locale(document);
    let locales = checker.locales(document, default.as_ref());
    let codes = checker.codes(document, locales.as_deref(), default.as_ref());
    let problems = checker.problems(document, locales.as_deref(), default.as_ref());
    if checker.diags.len() != start {
        return None;
    }
    let (locales, codes, problems) = (locales?, codes?, problems?);
    let mut files = Vec::new();
    for file in sources.iter() {
        if let Some(path) = &file.path {
            files.push(TableFile {
                path: path.clone(),
                display: file.display.clone(),
                len: file.text.len(),
            });
        }
    }
    Some(Table {
        locales,
        codes,
        problems,
        files,
        non_exhaustive: document
            .non_exhaustive
            .as_ref()
            .value()
            .is_some_and(|flag| flag.value),
    })
}

struct Checker<'d> {
    diags: &'d mut Diagnostics,
    sources: &'d Sources,
}

impl Checker<'_> {
    fn error(&mut self, diagnostic: Diagnostic) {
        self.diags.push(diagnostic);
    }

    /// Whether `written` holds only characters that show as themselves (see [`text`]); else
    /// one error, at the first character that does not, naming it. `what` names the text in
    /// the message (`` `message.en` ``); `line_breaks` allows those of a scenario or a note.
    fn plain_text(
        &mut self,
        written: &Sp<String>,
        what: &dyn Fn() -> String,
        line_breaks: bool,
    ) -> bool {
        let Some((_, c, kind)) = text::first_forbidden(&written.value, line_breaks) else {
            return true;
        };
        let file = self.sources.get(written.span.file);
        let raw = file
            .text
            .get(written.span.range.clone())
            .unwrap_or_default();
        let span = match text::written_at(raw, c) {
            Some(at) => Span::new(
                written.span.file,
                written.span.range.start + at.start..written.span.range.start + at.end,
            ),
            None => written.span.clone(),
        };
        let described = text::describe(c);
        let (problem, help) = match kind {
            Forbidden::Control if c == '\n' => (
                "a line break",
                "only a `scenario` or a `note` may span lines; write this text on one line".to_string(),
            ),
            Forbidden::Control if c == '\r' && line_breaks => (
                "a carriage return without a line feed",
                "end lines with `\\n` (or `\\r\\n`); a lone carriage return sends a terminal's cursor back over the line".to_string(),
            ),
            Forbidden::Control => (
                "a control character",
                "a terminal acts on control characters instead of showing them; remove it".to_string(),
            ),
            Forbidden::Direction => (
                "a bidirectional formatting character",
                "it reorders the rest of the line the text is shown in; right-to-left text needs none, as each Arabic or Hebrew letter carries its direction: remove it".to_string(),
            ),
            Forbidden::Separator => (
                "a line separator",
                if line_breaks {
                    "break lines with `\\n`".to_string()
                } else {
                    "only a `scenario` or a `note` may span lines, with `\\n`; write this text on one line".to_string()
                },
            ),
        };
        self.error(
            Diagnostic::new(span, format!("{} holds {described}", what()))
                .label(problem)
                .help(help),
        );
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let text = format!("[locales]\ndefault = \"en\"\n{locales}\n{LOCALES}");
        crate::load_str("codes.toml", &text).map_err(|errors| errors.messages)
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

    #[test]
    fn a_tag_too_long_to_parse_back_is_refused() {
        // Well formed and private use, so only its length is wrong.
        let tag = format!("en-x{}", "-abcdefgh".repeat(15));
        assert!(tag.len() > crate::names::MAX_SPELLING);
        let text = format!(
            "[locales]\ndefault = \"en\"\n[codes.200]\nname = \"OK\"\nmessage.en = \"x\"\n\
             message.{tag} = \"y\"\n"
        );
        let errors = crate::load_str("codes.toml", &text)
            .unwrap_err()
            .to_string();
        assert!(errors.contains("is longer than 128 bytes"), "{errors}");
        let short = text.replace(&tag, "en-x-abcdefgh");
        assert!(crate::load_str("codes.toml", &short).is_ok());
    }

    fn one_code(keys: &str) -> Result<Table, Vec<String>> {
        let text = format!(
            "[locales]\ndefault = \"en\"\n[codes.404]\nname = \"Not Found\"\nmessage.en = \"m\"\n{keys}"
        );
        crate::load_str("codes.toml", &text).map_err(|errors| errors.messages)
    }

    #[test]
    fn every_text_refuses_controls_directions_and_separators_once_each() {
        let errors = one_code(
            "message.fr = \"\\u001b[2J effacé \\u001b[2J\"\n\
             scenario.en = \"one\\u2028two\"\n\
             note.en = \"over\\rwritten\"\n\
             source.en = \"RFC\\u0000\"\n\
             aliases = [\"Missing \u{202e}dnuof\", \"Lost\\u0085\"]\n\
             message.he = \"\u{9b}31m\"\n",
        )
        .unwrap_err();
        // Each message and its place, on one line.
        let heads: Vec<String> = errors
            .iter()
            .map(|error| error.split('\n').take(2).collect::<Vec<_>>().join(" "))
            .collect();
        assert_eq!(
            heads,
            [
                "`message.fr` of code 404 holds U+001B (escape)  --> codes.toml:6:15",
                "`scenario.en` of code 404 holds U+2028 (line separator)  --> codes.toml:7:19",
                "`note.en` of code 404 holds U+000D (carriage return)  --> codes.toml:8:16",
                "`source.en` of code 404 holds U+0000 (null)  --> codes.toml:9:17",
                "alias `Missing \\u{202e}dnuof` of code 404 holds U+202E (right-to-left override)   --> codes.toml:10:21",
                "alias `Lost\\u{85}` of code 404 holds U+0085 (next line)   --> codes.toml:10:35",
                "`message.he` of code 404 holds U+009B (control sequence introducer)   --> codes.toml:11:15",
            ]
        );
        assert!(
            errors[2].contains("a carriage return without a line feed"),
            "{}",
            errors[2]
        );
        assert!(
            errors[0].contains("help: a terminal acts on control characters"),
            "{}",
            errors[0]
        );
        assert!(
            errors[4].contains("right-to-left text needs none"),
            "{}",
            errors[4]
        );
        // The diagnostics themselves hold no raw control or direction character.
        for error in &errors {
            assert!(
                !error
                    .chars()
                    .any(|c| c != '\n' && crate::diag::is_invisible(c)),
                "{error}"
            );
        }
    }

    #[test]
    fn names_and_line_breaks_outside_notes_are_refused() {
        let errors = one_code("").map(|_| ()).and_then(|()| {
            crate::load_str(
                "codes.toml",
                "[locales]\ndefault = \"en\"\n[codes.404]\nname = \"Not\\u0007Found\"\nmessage.en = \"a\\nb\"\n",
            )
            .map(|_| ())
            .map_err(|errors| errors.messages)
        });
        let errors = errors.unwrap_err();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors[0].starts_with("the name of code 404 holds U+0007 (bell)\n --> codes.toml:4:12"),
            "{}",
            errors[0]
        );
        assert!(
            errors[1].starts_with(
                "`message.en` of code 404 holds U+000A (line feed)\n --> codes.toml:5:16"
            ),
            "{}",
            errors[1]
        );
        assert!(
            errors[1].contains("only a `scenario` or a `note` may span lines"),
            "{}",
            errors[1]
        );
    }

    #[test]
    fn notes_span_lines_ending_in_line_feeds_and_right_to_left_text_is_text() {
        let table = one_code(
            "note.en = \"\"\"\nfirst line\r\nsecond line\nthird\"\"\"\n\
             message.ar = \"لم يتمكن الخادم من العثور على الصفحة المطلوبة.\"\n\
             message.he = \"\u{200F}404\u{200F} השרת לא מצא את הדף המבוקש.\"\n",
        )
        .unwrap();
        let code = &table.codes[0];
        assert_eq!(
            code.note[0].as_deref(),
            Some("first line\nsecond line\nthird")
        );
        assert_eq!(
            code.message[1],
            "لم يتمكن الخادم من العثور على الصفحة المطلوبة."
        );
        assert!(code.message[2].contains("השרת"));
    }

    fn gone_with_alias(alias: &str) -> Result<Table, Vec<String>> {
        let text = format!(
            "[locales]\ndefault = \"en\"\n[codes.404]\nname = \"Not Found\"\nmessage.en = \"m\"\n\
             [codes.410]\nname = \"Gone\"\naliases = [\"{alias}\"]\nmessage.en = \"m\"\n"
        );
        crate::load_str("codes.toml", &text).map_err(|errors| errors.messages)
    }

    #[test]
    fn aliases_that_read_as_another_codes_name_are_refused_naming_both() {
        // The issue's seven, as TOML escapes; each parsed as `410 Gone` before.
        for (alias, shown) in [
            ("N\\u043et Found", "N\u{43e}t Found"),
            ("Not Found\\u200b", "Not Found\u{200b}"),
            ("N\\u00adot Found", "N\u{ad}ot Found"),
            ("Not\\u00a0Found", "Not\u{a0}Found"),
            ("Not\\u3000Found", "Not\u{3000}Found"),
            (
                "\\uff2e\\uff4f\\uff54 \\uff26\\uff4f\\uff55\\uff4e\\uff44",
                "Ｎｏｔ Ｆｏｕｎｄ",
            ),
            ("NOT FOUND\\ufeff", "NOT FOUND\u{feff}"),
        ] {
            let errors = gone_with_alias(alias).unwrap_err();
            assert_eq!(errors.len(), 1, "{alias}: {errors:?}");
            let expected = format!(
                "alias `{}` of code 410 reads as name `Not Found` of code 404\n --> codes.toml:8:12\n",
                crate::parse::escape(shown)
            );
            assert!(errors[0].starts_with(&expected), "{alias}:\n{}", errors[0]);
            assert!(errors[0].contains("::: codes.toml:4:8\n"), "{}", errors[0]);
            assert!(errors[0].contains("- names 404 here"), "{}", errors[0]);
        }
    }

    #[test]
    fn invisible_and_look_alike_aliases_are_refused_within_a_code_too() {
        let errors = gone_with_alias("Gone\\u200bAway").unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].starts_with(
                "alias `Gone\\u{200b}Away` of code 410 holds U+200B (zero width space), an invisible character\n --> codes.toml:8:17\n"
            ),
            "{}",
            errors[0]
        );
        let errors = gone_with_alias("G\\u043ene").unwrap_err();
        assert!(
            errors[0].starts_with("alias `Gоne` repeats `Gone`, a name of this code"),
            "{}",
            errors[0]
        );
        assert!(
            errors[0].contains("^^^^^^^^^^^ `G\\u{43e}ne`"),
            "{}",
            errors[0]
        );
        // Other scripts are names as any: only look-alikes of another name are refused.
        for alias in ["Перемещён", "未找到", "לא נמצא", "Gone Away", "G0ne Away"]
        {
            assert!(gone_with_alias(alias).is_ok(), "{alias}");
        }
    }
}
