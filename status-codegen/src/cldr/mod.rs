//! Locale data from CLDR and the IANA Language Subtag Registry, generated into `data.rs` and
//! `registry.rs` by `scripts/cldr/generate.py`. The whole of it lives here, at compile time;
//! [`emit`] hands a table's matcher only the rows for that table's languages.

use std::collections::HashMap;
use std::sync::OnceLock;

use status_locale::{LikelyRow, Parts, Rules};

use crate::order;

mod data;
pub(crate) mod emit;
pub(crate) mod registry;
pub(crate) mod rows;

/// A tag's language, script and region with CLDR's aliases and likely subtags applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Maximized {
    pub(crate) language: String,
    pub(crate) script: String,
    pub(crate) region: String,
}

/// Splits a well-formed tag into language, script and region (`""` where absent), as the
/// runtime splits it (`status_locale::Parts`), in canonical case: `zh`, `Hant`, `TW`.
pub(crate) fn subtags(tag: &str) -> (String, String, String) {
    let Some(parts) = status_locale::Parts::parse(tag) else {
        return (
            status_locale::language_of(tag).to_ascii_lowercase(),
            String::new(),
            String::new(),
        );
    };
    let script = parts.script.map_or_else(String::new, |script| {
        format!(
            "{}{}",
            script[..1].to_ascii_uppercase(),
            script[1..].to_ascii_lowercase()
        )
    });
    let region = parts.region.unwrap_or("").to_ascii_uppercase();
    (parts.language.to_ascii_lowercase(), script, region)
}

/// The likely-subtags row for a tag (`zh-TW` → `zh-Hant-TW`); `data::LIKELY` is sorted.
fn likely(key: &str) -> Option<&'static str> {
    let [_, to] = rows::fields(rows::find(data::LIKELY, b'\n', key)?)?;
    Some(to)
}

/// CLDR's aliases and likely subtags for every language, as the runtime's [`Rules`] without
/// supported tags: the generator maximizes with the runtime's own code (`status_locale`).
fn all_languages() -> &'static Rules<'static> {
    static ROWS: OnceLock<AllRows> = OnceLock::new();
    static LIKELY: OnceLock<Vec<(&'static str, &'static [LikelyRow<'static>])>> = OnceLock::new();
    static RULES: OnceLock<Rules<'static>> = OnceLock::new();
    RULES.get_or_init(|| {
        let rows = ROWS.get_or_init(AllRows::read);
        let likely = LIKELY.get_or_init(|| {
            rows.likely
                .iter()
                .map(|(language, rows)| (*language, rows.as_slice()))
                .collect()
        });
        Rules {
            aliases: &rows.aliases,
            likely,
            undetermined: &rows.undetermined,
            ..Rules::NONE
        }
    })
}

/// The rows of [`all_languages`], read once from `data`.
struct AllRows {
    aliases: Vec<(&'static str, &'static str, &'static str)>,
    likely: Vec<(&'static str, Vec<LikelyRow<'static>>)>,
    undetermined: Vec<(&'static str, &'static str)>,
}

impl AllRows {
    fn read() -> AllRows {
        let split = |tag: &'static str| match Parts::parse(tag) {
            Some(parts) => (
                parts.language,
                parts.script.unwrap_or(""),
                parts.region.unwrap_or(""),
            ),
            None => (status_locale::language_of(tag), "", ""),
        };
        let mut aliases: Vec<(&'static str, &'static str, &'static str)> = Vec::new();
        for row in data::LANGUAGE_ALIASES.lines() {
            if let Some([alias, replacement]) = rows::fields(row) {
                // The first row of an alias is the one that counts.
                if aliases.last().is_none_or(|(last, _, _)| *last != alias) {
                    let (language, script, _) = split(replacement);
                    aliases.push((alias, language, script));
                }
            }
        }
        let mut likely: Vec<(&'static str, Vec<LikelyRow<'static>>)> = Vec::new();
        // Where each language's group is in `likely`: a search of `likely` per row made this
        // read quadratic, a quarter of a second per process in a debug build.
        let mut groups: HashMap<&'static str, usize> = HashMap::new();
        let mut undetermined = Vec::new();
        for row in data::LIKELY.lines() {
            let Some([from, to]) = rows::fields(row) else {
                continue;
            };
            let (language, script, region) = split(from);
            let (likely_language, likely_script, likely_region) = split(to);
            if language == "und" {
                // `und` alone stays undetermined, as in ICU.
                match (script, region) {
                    ("", "") => {}
                    (subtag, "") | ("", subtag) => undetermined.push((subtag, likely_language)),
                    _ => {}
                }
                continue;
            }
            let entry = ((script, region), (likely_script, likely_region));
            match groups.get(language) {
                Some(&group) => likely[group].1.push(entry),
                None => {
                    groups.insert(language, likely.len());
                    likely.push((language, vec![entry]));
                }
            }
        }
        // Sorted as the runtime searches them: folded, the language alone first in a group.
        let folded = |a: &str, b: &str| status_locale::compare_folded(a, b);
        order::sort_by(&mut aliases, &|a, b| folded(a.0, b.0));
        order::sort_by(&mut undetermined, &|a, b| folded(a.0, b.0));
        order::sort_by(&mut likely, &|a, b| folded(a.0, b.0));
        for (_, rows) in &mut likely {
            order::sort_by(rows, &|a, b| {
                folded(a.0.0, b.0.0).then_with(|| folded(a.0.1, b.0.1))
            });
        }
        AllRows {
            aliases,
            likely,
            undetermined,
        }
    }
}

/// CLDR's likely subtags for a tag (`zh-TW` → `zh`, `Hant`, `TW`), after its language alias,
/// in canonical case.
pub(crate) fn maximize(tag: &str) -> Maximized {
    let (language, script, region) = match Parts::parse(tag) {
        Some(parts) => {
            let m = parts.maximize(all_languages());
            (m.language, m.script, m.region)
        }
        None => (status_locale::language_of(tag), "", ""),
    };
    let script = match script.get(..1) {
        Some(first) => format!(
            "{}{}",
            first.to_ascii_uppercase(),
            script[1..].to_ascii_lowercase()
        ),
        None => String::new(),
    };
    Maximized {
        language: language.to_ascii_lowercase(),
        script,
        region: region.to_ascii_uppercase(),
    }
}

/// The language CLDR finds most likely in a region (`JP` → `ja`), for suggestions.
pub(crate) fn likely_language_of_region(region: &str) -> Option<String> {
    let key = format!("und-{}", region.to_ascii_uppercase());
    likely(&key).map(|to| subtags(to).0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lsr(tag: &str) -> (String, String, String) {
        let m = maximize(tag);
        (m.language, m.script, m.region)
    }

    #[test]
    fn likely_subtags_fill_script_and_region() {
        let owned = |l: &str, s: &str, r: &str| (l.to_string(), s.to_string(), r.to_string());
        assert_eq!(lsr("en"), owned("en", "Latn", "US"));
        assert_eq!(lsr("zh-TW"), owned("zh", "Hant", "TW"));
        assert_eq!(lsr("zh-Hant"), owned("zh", "Hant", "TW"));
        assert_eq!(lsr("zh"), owned("zh", "Hans", "CN"));
        assert_eq!(lsr("sr"), owned("sr", "Cyrl", "RS"));
        assert_eq!(lsr("sr-ME"), owned("sr", "Latn", "ME"));
        assert_eq!(lsr("uz-AF"), owned("uz", "Arab", "AF"));
        assert_eq!(lsr("pa-PK"), owned("pa", "Arab", "PK"));
        assert_eq!(lsr("az-IR"), owned("az", "Arab", "IR"));
        assert_eq!(lsr("iw"), owned("he", "Hebr", "IL"));
        assert_eq!(lsr("sh"), owned("sr", "Latn", "RS"));
        assert_eq!(lsr("es-419"), owned("es", "Latn", "419"));
        // `und` with a region or script takes the likely language; alone it stays `und`.
        assert_eq!(lsr("und-TW"), owned("zh", "Hant", "TW"));
        assert_eq!(lsr("und-FR"), owned("fr", "Latn", "FR"));
        assert_eq!(lsr("und"), owned("und", "", ""));
    }

    #[test]
    fn regions_suggest_their_language() {
        assert_eq!(likely_language_of_region("JP").as_deref(), Some("ja"));
        assert_eq!(likely_language_of_region("cn").as_deref(), Some("zh"));
        assert_eq!(likely_language_of_region("ZZ"), None);
    }

    #[test]
    fn data_is_sorted_and_versioned() {
        assert!(!data::CLDR_VERSION.is_empty());
        let likely_rows = table(data::LIKELY, 2);
        assert!(likely_rows.windows(2).all(|w| w[0][0] < w[1][0]));
        for row in &likely_rows {
            assert_eq!(likely(row[0]), Some(row[1]));
        }
        let aliases = table(data::LANGUAGE_ALIASES, 3);
        assert!(aliases.windows(2).all(|w| w[0][0] <= w[1][0]));
        for (at, row) in aliases.iter().enumerate() {
            // The first row of an alias is the one maximization reads.
            if at == 0 || aliases[at - 1][0] != row[0] {
                let (language, _, _) = subtags(row[1]);
                assert_eq!(maximize(row[0]).language, language, "{}", row[0]);
            }
        }
        table(data::PARENTS, 2);
        for row in table(data::LANGUAGE_MATCHES, 4) {
            assert!(row[2].parse::<u8>().is_ok(), "{row:?}");
            assert!(row[3] == "true" || row[3] == "false", "{row:?}");
        }
    }

    /// The rows of a generated table, each checked to have `width` non-empty fields.
    fn table(rows: &'static str, width: usize) -> Vec<Vec<&'static str>> {
        let rows: Vec<Vec<&str>> = rows.lines().map(|row| row.split(' ').collect()).collect();
        assert!(!rows.is_empty());
        for row in &rows {
            assert_eq!(row.len(), width, "{row:?}");
            assert!(row.iter().all(|field| !field.is_empty()), "{row:?}");
        }
        rows
    }

    /// The runtime binary-searches the listed regions, folding only the region it looks for
    /// to upper case (`status_locale::Regions::contains`).
    #[test]
    fn the_datas_listed_regions_are_upper_case_and_sorted() {
        for (name, regions) in data::MATCH_VARIABLES {
            for region in *regions {
                assert_eq!(*region, region.to_ascii_uppercase(), "{region}");
            }
            assert!(regions.windows(2).all(|w| w[0] < w[1]), "{name}");
        }
        for row in table(data::LANGUAGE_MATCHES, 4) {
            for side in &row[..2] {
                if let Some(region) = side.split('_').nth(2) {
                    let plain = !region.starts_with('$') && region != "*";
                    assert!(!plain || region == region.to_ascii_uppercase(), "{row:?}");
                }
            }
        }
    }

    /// `emit::select` compares the rows' language subtags with the table's, which are lower
    /// case, without lower-casing each row.
    #[test]
    fn the_datas_language_subtags_are_lower_case() {
        let lower = |tag: &str| {
            let language = tag.split(['-', '_']).next().unwrap_or("");
            !language.is_empty() && (language == "*" || language == language.to_ascii_lowercase())
        };
        assert!(
            table(data::LIKELY, 2)
                .iter()
                .all(|row| lower(row[0]) && lower(row[1]))
        );
        assert!(
            table(data::LANGUAGE_ALIASES, 3)
                .iter()
                .all(|row| lower(row[1]))
        );
        assert!(table(data::PARENTS, 2).iter().all(|row| lower(row[0])));
        assert!(
            table(data::LANGUAGE_MATCHES, 4)
                .iter()
                .all(|row| lower(row[0]) && lower(row[1]))
        );
    }
}
