//! [`crate::ast::Document`] → [`crate::model::Table`]: the rules a table must follow, each
//! mistake reported on the span of what is wrong, all of them collected before giving up.
//!
//! One file per part of the table: [`locales`] (the default and every tag), [`fallback`] (the
//! chains of `[locales.fallback]`), [`codes`] (numbers, names, spellings and texts),
//! [`problems`] (the problem types: names, statuses, URIs and templates).

mod codes;
mod fallback;
mod locales;
mod problems;

use crate::ast::Document;
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::Table;
use crate::source::Sources;

/// Checks a merged document and builds the table, or returns `None` with every mistake pushed
/// to `diags`.
pub(crate) fn table(
    sources: &Sources,
    document: &Document,
    diags: &mut Diagnostics,
) -> Option<Table> {
    let start = diags.len();
    let mut checker = Checker { diags };
    let default = checker.default_locale(document);
    let locales = checker.locales(document, default.as_ref());
    let codes = checker.codes(document, locales.as_deref(), default.as_ref());
    let problems = checker.problems(sources, document, locales.as_deref(), default.as_ref());
    if checker.diags.len() != start {
        return None;
    }
    let (locales, codes, problems) = (locales?, codes?, problems?);
    let mut files = Vec::new();
    for file in sources.iter() {
        if let Some(path) = &file.path {
            files.push(path.clone());
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
}

impl Checker<'_> {
    fn error(&mut self, diagnostic: Diagnostic) {
        self.diags.push(diagnostic);
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
}
