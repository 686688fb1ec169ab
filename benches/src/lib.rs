//! What the benchmarks share: the lookups every contender is given, tables of any size, and
//! rust-i18n locale files made from a table, so that both libraries hold the same strings.
//!
//! The benches themselves live in `benches/`; `build-cost.sh` measures compile time with the
//! `tables` example. Nothing here is timed: it only prepares inputs.

use std::fmt::Write as _;

use status_codegen::model::Table;

/// Seed of the shuffle: fixed, so every run and every contender sees the same order.
pub const SEED: u64 = 0x5EED_C0DE_2026_0007;

/// The locale tags of generated tables, in order; a table with `n` locales uses the first `n`.
pub const SYNTHETIC_LOCALES: [&str; 10] = [
    "en", "de", "fr", "es", "it", "ja", "ko", "pt-BR", "ru", "zh-CN",
];

/// How many codes the table does not hold are mixed into the lookups, per locale.
pub const UNKNOWN_PER_LOCALE: usize = 15;

/// The validated model of a table, as the macro sees it (fallbacks applied), or the rendered
/// mistakes.
pub fn table_model(display: &str, text: &str) -> Result<Table, String> {
    status_codegen::load_str(display, text).map_err(|errors| errors.to_string())
}

/// One lookup of the benchmark input: a code (known to the table or not) in a locale, given
/// as the index of the locale in the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lookup {
    /// The number looked up.
    pub code: u16,
    /// Index into the table's locales.
    pub locale: usize,
}

/// Every known code in every locale, plus [`UNKNOWN_PER_LOCALE`] codes in 100..=999 that the
/// table lacks (spread evenly) in every locale, shuffled with [`SEED`].
pub fn lookups(known: &[u16], locales: usize) -> Vec<Lookup> {
    let unknown = unknown_codes(known, UNKNOWN_PER_LOCALE);
    let mut lookups: Vec<Lookup> = known
        .iter()
        .chain(&unknown)
        .flat_map(|&code| (0..locales).map(move |locale| Lookup { code, locale }))
        .collect();
    shuffle(&mut lookups, SEED);
    lookups
}

/// `count` numbers in 100..=999 that are not in `known`, spread evenly over the range.
pub fn unknown_codes(known: &[u16], count: usize) -> Vec<u16> {
    let free: Vec<u16> = (100..=999).filter(|code| !known.contains(code)).collect();
    if count == 0 || free.is_empty() {
        return Vec::new();
    }
    let step = (free.len() / count).max(1);
    free.into_iter().step_by(step).take(count).collect()
}

/// Fisher–Yates with a xorshift64* generator: deterministic for a seed, no dependency.
pub fn shuffle<T>(items: &mut [T], seed: u64) {
    let mut state = seed | 1;
    for last in (1..items.len()).rev() {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        let random = state.wrapping_mul(0x2545_F491_4F6C_DD1D);
        // The modulo bias is irrelevant for a benchmark order.
        let pick = (random % (last as u64 + 1)) as usize;
        items.swap(last, pick);
    }
}

/// A table of `codes` codes (spread evenly over 100..=999) with a message in each of the first
/// `locales` tags of [`SYNTHETIC_LOCALES`]; names, messages and lengths like the shipped ones.
pub fn synthetic_table(codes: usize, locales: usize) -> String {
    let codes = codes.clamp(1, 900);
    let locales = locales.clamp(1, SYNTHETIC_LOCALES.len());
    let mut text = String::from("[locales]\ndefault = \"en\"\n");
    for index in 0..codes {
        let code = 100 + index * 900 / codes;
        let _ = write!(
            text,
            "\n[codes.{code}]\nname = \"Generated Status {code}\"\n"
        );
        for tag in &SYNTHETIC_LOCALES[..locales] {
            let _ = writeln!(
                text,
                "message.{tag} = \"The server answered with code {code}, a generated status, in {tag}.\""
            );
        }
    }
    text
}

/// The rust-i18n locale file (format `_version: 2`, JSON) holding the same messages as
/// `table`: the key is the code (`"404"`), one entry per locale, fallbacks already applied.
pub fn i18n_locale_file(table: &Table) -> String {
    let mut json = String::from("{\n  \"_version\": 2");
    for code in table.codes() {
        let _ = write!(json, ",\n  \"{}\": {{", code.code());
        for (index, (locale, message)) in table.locales().iter().zip(code.message()).enumerate() {
            let separator = if index == 0 { "" } else { "," };
            let _ = write!(
                json,
                "{separator}\n    {}: {}",
                json_string(locale.tag()),
                json_string(message)
            );
        }
        json.push_str("\n  }");
    }
    json.push_str("\n}\n");
    json
}

/// A crate's `src/lib.rs` declaring the table's codes with `thiserror`'s derive instead of
/// `status_codes!`: one variant per code, its default-locale message as `Display`. The
/// cold-build comparison (`cold-build.sh`) builds it beside ours.
pub fn thiserror_source(table: &Table) -> String {
    let mut source = String::from(
        "//! Cold-build probe: the table's codes through thiserror.\n\n\
         #[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]\n\
         #[repr(u16)]\npub enum StatusCode {\n",
    );
    for code in table.codes() {
        // `#[error]` takes a format string: braces are doubled to stay text.
        let message = code.message()[0].replace('{', "{{").replace('}', "}}");
        let _ = writeln!(
            source,
            "    #[error({message:?})]\n    {} = {},",
            code.variant(),
            code.code()
        );
    }
    source.push_str("}\n");
    source
}

/// The same enum with `strum`'s derives: the default-locale message as `Display`, the reason
/// phrase and the aliases parsed in any ASCII case (`EnumString`), `from_repr` for the number
/// and an iterator over every code.
pub fn strum_source(table: &Table) -> String {
    let mut source = String::from(
        "//! Cold-build probe: the table's codes through strum.\n\n\
         #[derive(Clone, Copy, Debug, PartialEq, Eq, strum::Display, strum::EnumString,\n\
         \x20        strum::IntoStaticStr, strum::EnumIter, strum::FromRepr)]\n\
         #[strum(ascii_case_insensitive)]\n#[repr(u16)]\npub enum StatusCode {\n",
    );
    for code in table.codes() {
        let mut attribute = format!(
            "to_string = {:?}, serialize = {:?}",
            code.message()[0],
            code.name()
        );
        for alias in code.aliases() {
            let _ = write!(attribute, ", serialize = {alias:?}");
        }
        let _ = writeln!(
            source,
            "    #[strum({attribute})]\n    {} = {},",
            code.variant(),
            code.code()
        );
    }
    source.push_str("}\n");
    source
}

/// A JSON string literal.
fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shuffle_is_a_fixed_permutation() {
        let mut once: Vec<u32> = (0..100).collect();
        let mut twice = once.clone();
        shuffle(&mut once, SEED);
        shuffle(&mut twice, SEED);
        assert_eq!(once, twice);
        assert_ne!(once, (0..100).collect::<Vec<_>>());
        let mut sorted = once.clone();
        sorted.sort();
        assert_eq!(sorted, (0..100).collect::<Vec<_>>());
    }

    #[test]
    fn lookups_cover_every_known_code_and_some_unknown_ones_in_every_locale() {
        let known = [200, 404, 500];
        let lookups = lookups(&known, 2);
        assert_eq!(lookups.len(), (known.len() + UNKNOWN_PER_LOCALE) * 2);
        for code in known {
            for locale in 0..2 {
                assert!(lookups.contains(&Lookup { code, locale }));
            }
        }
        let unknown: Vec<_> = lookups
            .iter()
            .filter(|l| !known.contains(&l.code))
            .collect();
        assert_eq!(unknown.len(), UNKNOWN_PER_LOCALE * 2);
        assert!(unknown.iter().all(|l| (100..=999).contains(&l.code)));
    }

    #[test]
    fn synthetic_tables_are_valid_and_sized_as_asked() {
        for (codes, locales) in [(100, 2), (300, 10), (900, 10)] {
            let table = table_model("generated.toml", &synthetic_table(codes, locales)).unwrap();
            assert_eq!(table.codes().len(), codes);
            assert_eq!(table.locales().len(), locales);
        }
    }

    #[test]
    fn the_derive_probes_declare_every_code_with_its_message() {
        let table = table_model(
            "codes.toml",
            "[locales]\ndefault = \"en\"\n\n[codes.404]\nname = \"Not Found\"\n\
             aliases = [\"Missing\"]\nmessage.en = \"No \\\"such\\\" page.\"\n\n\
             [codes.500]\nname = \"Internal Server Error\"\nmessage.en = \"Broken.\"\n",
        )
        .unwrap();
        assert_eq!(
            thiserror_source(&table).lines().skip(5).collect::<Vec<_>>(),
            [
                r#"    #[error("No \"such\" page.")]"#,
                "    NotFound = 404,",
                r#"    #[error("Broken.")]"#,
                "    InternalServerError = 500,",
                "}",
            ]
        );
        let strum = strum_source(&table);
        assert!(strum.contains(
            r#"    #[strum(to_string = "No \"such\" page.", serialize = "Not Found", serialize = "Missing")]
    NotFound = 404,"#
        ));
        assert!(strum.contains(
            r#"    #[strum(to_string = "Broken.", serialize = "Internal Server Error")]
    InternalServerError = 500,"#
        ));
    }

    #[test]
    fn json_strings_escape_quotes_backslashes_and_controls() {
        assert_eq!(json_string("a\"b\\c\n\u{1}"), r#""a\"b\\c\n\u0001""#);
    }
}

/// The inputs of the negotiation benchmark (`benches/negotiation.rs`).
pub mod negotiation {
    /// The tables negotiated against, by name: English and Simplified Chinese, then the
    /// locales of `tests/matching/regional.toml` (21) and `wide.toml` (43), default first.
    pub const TABLES: [(&str, &[&str]); 3] = [
        ("en, zh-CN", &["en", "zh-CN"]),
        (
            "regional.toml",
            &[
                "en",
                "en-GB",
                "zh-TW",
                "zh-Hant-HK",
                "es",
                "es-419",
                "pt-BR",
                "pt-PT",
                "sr",
                "sr-Latn",
                "uz",
                "uz-Arab",
                "az",
                "az-Arab",
                "pa",
                "pa-Arab",
                "he",
                "id",
                "fil",
                "nb",
                "de",
            ],
        ),
        (
            "wide.toml",
            &[
                "en", "en-GB", "fr", "de", "es", "es-419", "it", "pt-BR", "pt-PT", "ru", "uk",
                "pl", "nl", "nb", "sv", "da", "fi", "cs", "sk", "hu", "ro", "bg", "el", "tr", "ar",
                "he", "fa", "hi", "ja", "ko", "zh-Hans", "zh-Hant", "vi", "th", "id", "ca", "sr",
                "sr-Latn", "hr", "sl", "lt", "lv", "et",
            ],
        ),
    ];

    /// The 275 headers of `tests/matching/headers.txt`, each once, in the file's order.
    pub fn corpus() -> Vec<&'static str> {
        let mut headers: Vec<&'static str> = Vec::new();
        for line in include_str!("../../tests/matching/headers.txt").lines() {
            if !line.is_empty() && !line.starts_with('#') && !headers.contains(&line) {
                headers.push(line);
            }
        }
        headers
    }
}
