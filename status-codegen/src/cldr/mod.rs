//! Locale data from CLDR and the IANA Language Subtag Registry, generated into `data.rs` and
//! `registry.rs` by `scripts/cldr/generate.py`. The whole of it lives here, at compile time;
//! [`emit`] hands a table's matcher only the rows for that table's languages.

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

/// Splits a well-formed tag into language, script and region (`""` where absent).
pub(crate) fn subtags(tag: &str) -> (String, String, String) {
    let mut parts = tag.split(['-', '_']);
    let language = parts.next().unwrap_or("").to_ascii_lowercase();
    let (mut script, mut region) = (String::new(), String::new());
    for part in parts {
        let alphabetic = crate::tag::all_bytes(part, u8::is_ascii_alphabetic);
        let numeric = crate::tag::all_bytes(part, u8::is_ascii_digit);
        if script.is_empty() && region.is_empty() && part.len() == 4 && alphabetic {
            script = format!(
                "{}{}",
                part[..1].to_ascii_uppercase(),
                part[1..].to_ascii_lowercase()
            );
        } else if region.is_empty()
            && ((part.len() == 2 && alphabetic) || (part.len() == 3 && numeric))
        {
            region = part.to_ascii_uppercase();
        } else {
            break;
        }
    }
    (language, script, region)
}

/// The language alias CLDR gives a bare language: its replacement language and implied script.
pub(crate) fn alias(language: &str) -> Option<(String, String)> {
    // Sorted by alias (a test checks); the first row of an alias is the one that counts.
    let row = rows::find(data::LANGUAGE_ALIASES, b'\n', language)?;
    let [_, replacement] = rows::fields(row)?;
    let (language, script, _) = subtags(replacement);
    Some((language, script))
}

/// The likely-subtags row for a tag (`zh-TW` → `zh-Hant-TW`); `data::LIKELY` is sorted.
fn likely(key: &str) -> Option<&'static str> {
    let [_, to] = rows::fields(rows::find(data::LIKELY, b'\n', key)?)?;
    Some(to)
}

/// CLDR's likely subtags for a tag (`zh-TW` → `zh`, `Hant`, `TW`), after its language alias.
pub(crate) fn maximize(tag: &str) -> Maximized {
    let (mut language, mut script, region) = subtags(tag);
    if let Some((replacement, implied)) = alias(&language) {
        language = replacement;
        if script.is_empty() {
            script = implied;
        }
    }
    let mut maximized = Maximized {
        language,
        script,
        region,
    };
    // `und` alone stays undetermined, as in ICU: it must not match English, `en-Latn-US`.
    let undetermined = maximized.language == "und";
    if undetermined && maximized.script.is_empty() && maximized.region.is_empty() {
        return maximized;
    }
    if maximized.script.is_empty() || maximized.region.is_empty() {
        let (script, region) = (maximized.script.clone(), maximized.region.clone());
        let none = String::new();
        for &(s, r) in &[
            (&script, &region),
            (&none, &region),
            (&script, &none),
            (&none, &none),
        ] {
            let mut key = String::new();
            for &part in &[maximized.language.as_str(), s, r] {
                if !part.is_empty() {
                    if !key.is_empty() {
                        key.push('-');
                    }
                    key.push_str(part);
                }
            }
            if undetermined && key == "und" {
                break;
            }
            if let Some(likely) = likely(&key) {
                let (likely_language, likely_script, likely_region) = subtags(likely);
                if undetermined {
                    maximized.language = likely_language;
                }
                if maximized.script.is_empty() {
                    maximized.script = likely_script;
                }
                if maximized.region.is_empty() {
                    maximized.region = likely_region;
                }
                break;
            }
        }
    }
    maximized
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
            // The first row of an alias is the one `alias` reads.
            if at == 0 || aliases[at - 1][0] != row[0] {
                let (language, _, _) = subtags(row[1]);
                assert_eq!(alias(row[0]).map(|(l, _)| l), Some(language), "{}", row[0]);
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
