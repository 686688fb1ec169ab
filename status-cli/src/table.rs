//! The table the tool reads, through the generator library the `status_codes!` macro uses, so
//! that a table is checked by the same rules and its mistakes told in the same words; and the
//! questions asked of it: a code by number or name, a class, a search, a language.

use status_codegen::model::{Code, Problem, Table};

use crate::args::{Lang, TableArg};

/// The shipped table, read as a one-line table that extends it: the generator holds the same
/// text the macro expands for `status_core::standard`, so the two cannot drift apart.
const SHIPPED: &str = "extends = \"standard\"\n";

/// The name diagnostics would give the shipped table (they never do: it is checked in CI).
const SHIPPED_DISPLAY: &str = "<standard>/codes.toml";

/// The table lookups and `export` read when none is named and `check` reads when no file is
/// named, in the current directory.
pub const LOCAL: &str = "codes.toml";

/// The tag of the table's locale `locale`, or `""`.
pub fn tag_of(table: &Table, locale: usize) -> &str {
    table
        .locales()
        .get(locale)
        .map_or("", |locale| locale.tag())
}

/// The table `source` stands for: [`TableArg::Default`] is [`LOCAL`] when it is a file (a
/// pipe or a directory of that name is not a table), else the shipped table.
pub fn resolve(source: &TableArg) -> TableArg {
    match source {
        TableArg::Default if std::path::Path::new(LOCAL).is_file() => {
            TableArg::File(LOCAL.to_owned())
        }
        TableArg::Default => TableArg::Shipped,
        named => named.clone(),
    }
}

/// Reads and checks a table. It lives as long as the process, which lets lookups hand out
/// its names as `&'static str`, as the generated `FromStr` does.
pub fn load(source: &TableArg) -> Result<&'static Table, String> {
    let table = match resolve(source) {
        TableArg::Default | TableArg::Shipped => status_codegen::load_str(SHIPPED_DISPLAY, SHIPPED),
        TableArg::File(path) => status_codegen::load_file(&path),
    };
    table
        .map(|table| &*Box::leak(Box::new(table)))
        .map_err(|errors| errors.to_string())
}

/// The code a text names, as the generated `FromStr` reads it: a number, a name, alias or
/// variant in any case, or a status line (`404 Not Found`). The error says what did not match,
/// in a bounded excerpt.
pub fn find(table: &'static Table, text: &str) -> Result<&'static Code, String> {
    let found = status_core::__private::parse_status_code(
        text,
        |number| {
            table
                .codes()
                .binary_search_by_key(&number, |code| code.code())
                .ok()
        },
        |folded| {
            table.codes().iter().position(|code| {
                spellings(code).any(|spelling| {
                    let mut buffer = [0; status_core::__private::MAX_SPELLING];
                    status_core::__private::fold(spelling.as_bytes(), &mut buffer) == Some(folded)
                })
            })
        },
        |index| table.codes().get(index).map_or("", |code| code.name()),
    );
    match found {
        Ok(index) => table.codes().get(index).ok_or_else(String::new),
        Err(error) => Err(error.to_string()),
    }
}

/// The problem type a text names: its key (`out-of-credit`) or its struct (`OutOfCredit`),
/// ignoring ASCII case.
pub fn find_problem<'t>(table: &'t Table, text: &str) -> Option<&'t Problem> {
    let text = text.trim();
    table.problems().iter().find(|problem| {
        problem.key().eq_ignore_ascii_case(text) || problem.ident().eq_ignore_ascii_case(text)
    })
}

/// The problem types of a code, by key.
pub fn problems_of(table: &Table, code: u16) -> impl Iterator<Item = &Problem> {
    table
        .problems()
        .iter()
        .filter(move |problem| problem.status() == code)
}

/// The names `FromStr` accepts for a code: its reason phrase, aliases and variant.
fn spellings(code: &Code) -> impl Iterator<Item = &str> {
    std::iter::once(code.name())
        .chain(code.aliases().iter().map(String::as_str))
        .chain(std::iter::once(code.variant().as_str()))
}

/// The codes of the class `digit`xx.
pub fn class(table: &Table, digit: u8) -> Vec<&Code> {
    table
        .codes()
        .iter()
        .filter(|code| code.code() / 100 == u16::from(digit))
        .collect()
}

/// The codes whose reason phrase, aliases, messages, scenarios or notes in any language
/// contain `text`, ignoring case.
pub fn search<'t>(table: &'t Table, text: &str) -> Vec<&'t Code> {
    let needle = text.trim().to_lowercase();
    table
        .codes()
        .iter()
        .filter(|code| {
            let texts = code
                .message()
                .iter()
                .map(Some)
                .chain(code.scenario().iter().map(Option::as_ref))
                .chain(code.note().iter().map(Option::as_ref))
                .flatten()
                .map(String::as_str);
            spellings(code)
                .chain(texts)
                .any(|haystack| haystack.to_lowercase().contains(&needle))
        })
        .collect()
}

/// The locale (an index into the table's locales) to show texts in, and a note for stderr
/// when `--lang` asked for a language the table does not have.
///
/// A tag is matched as a one-range `Accept-Language` header would be, by the rules of the
/// generated `Locale::negotiate`. Without `--lang` the environment decides, as the generated
/// `Locale::from_env` reads it, silently.
pub fn locale(table: &Table, lang: Option<&Lang>) -> (usize, Option<String>) {
    let tags: Vec<&str> = table.locales().iter().map(|locale| locale.tag()).collect();
    let asked = match lang {
        None => {
            let index = status_locale::data::rules_for(&tags, |rules| {
                status_core::locale::from_env(&tags, rules)
            });
            return (index, None);
        }
        Some(Lang::Untranslated) => return (0, None),
        Some(Lang::Tag(tag)) => tag,
    };
    let index = status_locale::data::rules_for(&tags, |rules| {
        status_core::locale::negotiate(asked, &tags, rules)
    });
    let chosen = tags.get(index).copied().unwrap_or_default();
    let asked = asked.replace('_', "-");
    if status_locale::same_language(&asked, chosen) && same_script(&asked, chosen) {
        // `en-GB` showing `en`, or `zh-SG` showing `zh-CN`: what was asked for.
        return (index, None);
    }
    let why = if index == 0 && !status_locale::same_language(&asked, chosen) {
        "its default language"
    } else {
        "the closest language it has"
    };
    let note = format!("note: the table has no texts in {asked}; showing {chosen}, {why}\n");
    (index, Some(note))
}

/// Whether two tags of one language are in the same script: the script written, or the one
/// CLDR finds likely (`zh-TW` is Traditional, `zh-SG` Simplified, `sr` Cyrillic), as the
/// matching in `status_core::locale` reads them.
fn same_script(a: &str, b: &str) -> bool {
    let (a, b) = (
        status_locale::data::maximize(a),
        status_locale::data::maximize(b),
    );
    a.script.eq_ignore_ascii_case(b.script)
}

/// Which of a code's texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The message every code has.
    Message,
    /// When an API returns the code.
    Scenario,
    /// Where sources disagree.
    Note,
}

impl Field {
    /// Every field, in the order documents show them.
    pub const ALL: [Field; 3] = [Field::Message, Field::Scenario, Field::Note];

    /// The field's key in the table and in JSON and CSV.
    pub fn key(self) -> &'static str {
        match self {
            Field::Message => "message",
            Field::Scenario => "scenario",
            Field::Note => "note",
        }
    }
}

/// The text a code shows in `locale`, fallbacks applied: what the generated `message`,
/// `scenario` and `note` return.
pub fn text(code: &Code, field: Field, locale: usize) -> Option<&str> {
    match field {
        Field::Message => code.message().get(locale).map(String::as_str),
        Field::Scenario => code.scenario().get(locale).and_then(Option::as_deref),
        Field::Note => code.note().get(locale).and_then(Option::as_deref),
    }
}

/// The text a code has in `locale` itself: `None` where the table writes none in that locale
/// and it shows the text of the locale it falls back to.
pub fn own_text(code: &Code, field: Field, locale: usize) -> Option<&str> {
    let written = code.written().get(locale)?;
    let own = match field {
        Field::Message => written.message(),
        Field::Scenario => written.scenario(),
        Field::Note => written.note(),
    };
    own.then(|| text(code, field, locale)).flatten()
}

/// The locale whose text `locale` shows for `field`: itself where the table writes one, else
/// the first locale down its fallback chain that does, as the generated code picks it. `None`
/// where the code shows no such text.
pub fn text_locale(table: &Table, code: &Code, field: Field, locale: usize) -> Option<usize> {
    let chain = table
        .locales()
        .get(locale)?
        .fallback_chain()
        .iter()
        .copied();
    std::iter::once(locale)
        .chain(chain)
        .find(|&candidate| own_text(code, field, candidate).is_some())
}

/// How many texts of each field a locale lacks: a message, scenario or note that the
/// locale shows from its fallback, or, for a scenario or note, that another locale has and
/// this one shows none of.
pub fn missing(table: &Table, locale: usize) -> [usize; 3] {
    Field::ALL.map(|field| {
        table
            .codes()
            .iter()
            .filter(|code| {
                let in_any =
                    (0..table.locales().len()).any(|other| own_text(code, field, other).is_some());
                in_any && own_text(code, field, locale).is_none()
            })
            .count()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = r#"
        [locales]
        default = "en"
        fallback = { "zh-HK" = "zh-TW" }

        [codes.404]
        name = "Not Found"
        aliases = ["Missing"]
        message.en = "Nothing here."
        message.zh-TW = "找不到。"
        scenario.en = "A wrong ID."

        [codes.499]
        name = "Client Closed Request"
        message.en = "The client left."
        message.zh-HK = "客戶端已離開。"
        note.zh-TW = "非標準。"
    "#;

    fn table() -> &'static Table {
        Box::leak(Box::new(status_codegen::load_str("t.toml", TABLE).unwrap()))
    }

    #[test]
    fn finds_codes_as_from_str_does() {
        let table = table();
        for text in [
            "404",
            " not  FOUND ",
            "missing",
            "NotFound",
            "404 Not Found",
            "404 missing",
        ] {
            assert_eq!(
                find(table, text).map(|code| code.code()),
                Ok(404),
                "{text:?}"
            );
        }
        assert_eq!(find(table, "499").map(|code| code.code()), Ok(499));
        assert_eq!(
            find(table, "418").unwrap_err(),
            "no status code matches \"418\""
        );
        assert_eq!(
            find(table, "404 Client Closed Request").unwrap_err(),
            "status line \"404 Client Closed Request\" has the wrong name: 404 is \"Not Found\""
        );
    }

    #[test]
    fn searches_names_and_every_language() {
        let table = table();
        let codes = |text| {
            search(table, text)
                .iter()
                .map(|code| code.code())
                .collect::<Vec<_>>()
        };
        assert_eq!(codes("MISSING"), [404]);
        assert_eq!(codes("wrong id"), [404]);
        assert_eq!(codes("離開"), [499]);
        assert_eq!(codes("非標準"), [499]);
        assert!(codes("teapot").is_empty());
    }

    #[test]
    fn lang_finds_the_closest_locale_and_says_when_it_is_not_the_one_asked() {
        let table = table();
        let tag = |tag: &str| locale(table, Some(&Lang::Tag(tag.into())));
        // Locales: en, zh-TW, zh-HK (in order of first use).
        assert_eq!(tag("zh-TW"), (1, None));
        assert_eq!(tag("zh_hk"), (2, None));
        assert_eq!(tag("en-GB"), (0, None));
        assert_eq!(tag("zh-Hant"), (1, None));
        assert_eq!(tag("zh-MO"), (2, None));
        assert_eq!(
            tag("ja"),
            (
                0,
                Some(
                    "note: the table has no texts in ja; showing en, its default language\n".into()
                )
            )
        );
        assert_eq!(
            tag("zh-CN"),
            (
                1,
                Some(
                    "note: the table has no texts in zh-CN; showing zh-TW, the closest language it has\n"
                        .into()
                )
            )
        );
        assert_eq!(locale(table, Some(&Lang::Untranslated)), (0, None));
    }

    #[test]
    fn own_texts_leave_out_what_a_locale_shows_from_its_fallback() {
        let table = table();
        let not_found = &table.codes()[0];
        let closed = &table.codes()[1];
        assert_eq!(own_text(not_found, Field::Message, 1), Some("找不到。"));
        // zh-HK falls back to zh-TW: shows its text, but has none of its own.
        assert_eq!(text(not_found, Field::Message, 2), Some("找不到。"));
        assert_eq!(own_text(not_found, Field::Message, 2), None);
        assert_eq!(own_text(closed, Field::Message, 1), None);
        assert_eq!(own_text(closed, Field::Message, 2), Some("客戶端已離開。"));
        // en lacks 499's note that zh-TW has; zh-HK shows zh-TW's.
        assert_eq!(missing(table, 0), [0, 0, 1]);
        assert_eq!(missing(table, 1), [1, 1, 0]);
        assert_eq!(missing(table, 2), [1, 1, 1]);
    }

    #[test]
    fn a_text_comes_from_its_own_locale_or_down_the_fallback_chain() {
        let table = table();
        let not_found = &table.codes()[0];
        let closed = &table.codes()[1];
        // Locales: en, zh-TW, zh-HK; zh-HK falls back to zh-TW, then en.
        assert_eq!(text_locale(table, not_found, Field::Message, 2), Some(1));
        assert_eq!(text_locale(table, not_found, Field::Message, 1), Some(1));
        assert_eq!(text_locale(table, not_found, Field::Scenario, 2), Some(0));
        assert_eq!(text_locale(table, closed, Field::Message, 1), Some(0));
        assert_eq!(text_locale(table, closed, Field::Message, 2), Some(2));
        assert_eq!(text_locale(table, closed, Field::Note, 0), None);
        assert_eq!(text_locale(table, closed, Field::Note, 2), Some(1));
    }

    #[test]
    fn a_text_written_like_its_fallbacks_is_still_written() {
        let table = status_codegen::load_str(
            "t.toml",
            "[locales]\ndefault = \"en\"\nfallback = { \"zh-HK\" = \"zh-TW\" }\n\
             [codes.200]\nname = \"OK\"\nmessage.en = \"Fine.\"\n\
             message.zh-TW = \"好。\"\nmessage.zh-HK = \"好。\"\n",
        )
        .unwrap();
        let ok = &table.codes()[0];
        assert_eq!(own_text(ok, Field::Message, 2), Some("好。"));
        assert_eq!(missing(&table, 2), [0, 0, 0]);
    }
}
