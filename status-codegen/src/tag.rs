//! BCP 47 language tags, as far as the table needs them: `language[-Script][-REGION][-variant]*`
//! in canonical case, with private use (`x-pirate`, `en-x-legal`), checked against the IANA
//! Language Subtag Registry.

use crate::cldr::registry;

/// Checks a tag: well formed, in canonical case, and every subtag known to the IANA Language
/// Subtag Registry (or private use: `x-pirate`, `qaa`..`qtz`, `en-x-legal`). On a mistake returns
/// what is wrong and, where one exists, the tag the user probably meant.
pub(crate) fn check(tag: &str) -> Result<(), (String, Option<String>)> {
    let canonical = canonical(tag);
    match &canonical {
        Some(canonical) if canonical == tag => registered(tag),
        Some(canonical) => Err((
            "locale tags are written in canonical case and with `-`".to_string(),
            Some(canonical.clone()),
        )),
        None => Err((
            "not a BCP 47 language tag (language[-Script][-REGION][-variant], like `en`, `zh-CN`, `zh-Hant-TW`)"
                .to_string(),
            None,
        )),
    }
}

/// Checks a canonical tag's subtags against the registry snapshot in `cldr::registry`.
fn registered(tag: &str) -> Result<(), (String, Option<String>)> {
    let public = match tag.find("-x-") {
        Some(start) => &tag[..start],
        None if tag.starts_with("x-") => return Ok(()),
        None => tag,
    };
    let mut parts = public.split('-');
    let language = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    let replace_language = |with: &str| {
        let mut replaced = with.to_string();
        for subtag in tag.split('-').skip(1) {
            replaced.push('-');
            replaced.push_str(subtag);
        }
        replaced
    };
    if !is_private_language(language) {
        if let Some(preferred) = deprecated("language", language) {
            return Err((
                format!("`{language}` is a deprecated language subtag"),
                preferred.map(replace_language),
            ));
        }
        if !listed(registry::LANGUAGES, language) {
            // A country code written as a language (`jp`, `cn`) means that country's language.
            let suggestion = crate::cldr::likely_language_of_region(language)
                .filter(|_| language.len() == 2)
                .map(|likely| replace_language(&likely));
            return Err((
                format!("no language `{language}` in the IANA registry"),
                suggestion,
            ));
        }
    }
    for subtag in rest {
        let lower = subtag.to_ascii_lowercase();
        let (kind, known, private) = match subtag.len() {
            4 if subtag.as_bytes()[0].is_ascii_uppercase() => (
                "script",
                listed(registry::SCRIPTS, &lower),
                ("qaaa"..="qabx").contains(&lower.as_str()),
            ),
            2 | 3 if all_bytes(subtag, |b| b.is_ascii_uppercase() || b.is_ascii_digit()) => (
                "region",
                listed(registry::REGIONS, &lower),
                matches!(
                    subtag.as_bytes(),
                    [b'Q', b'M'..=b'Z'] | [b'X', _] | b"AA" | b"ZZ"
                ),
            ),
            _ => ("variant", listed(registry::VARIANTS, &lower), false),
        };
        if private {
            continue;
        }
        let replace = |with: &str| tag.replacen(subtag, with, 1);
        if let Some(preferred) = deprecated(kind, &lower) {
            return Err((
                format!("`{subtag}` is a deprecated {kind} subtag"),
                preferred.map(replace),
            ));
        }
        if !known {
            // ISO 3166 reserves UK for the United Kingdom, whose code is GB.
            let suggestion = (subtag == "UK").then(|| replace("GB"));
            return Err((
                format!("no {kind} `{subtag}` in the IANA registry"),
                suggestion,
            ));
        }
    }
    Ok(())
}

/// Whether every byte of `text` passes `test`: one function for every such check, where each
/// `bytes().all(closure)` would be its own copy of the iterator code.
pub(crate) fn all_bytes(text: &str, test: fn(&u8) -> bool) -> bool {
    for byte in text.as_bytes() {
        if !test(byte) {
            return false;
        }
    }
    true
}

/// `qaa`..`qtz`: languages reserved for private use.
fn is_private_language(language: &str) -> bool {
    language.len() == 3 && ("qaa"..="qtz").contains(&language)
}

/// Whether `subtag` is one of `sorted`, a registry list of subtags separated by spaces.
fn listed(sorted: &'static str, subtag: &str) -> bool {
    crate::cldr::rows::find(sorted, b' ', subtag).is_some()
}

/// `Some(preferred)` for a deprecated subtag (`None` inside when the registry names none).
fn deprecated(kind: &str, subtag: &str) -> Option<Option<&'static str>> {
    for row in registry::DEPRECATED.lines() {
        let mut fields = row.split(' ');
        if fields.next() == Some(kind) && fields.next() == Some(subtag) {
            return Some(fields.next());
        }
    }
    None
}

/// The canonical spelling of a well-formed tag (`ZH_cn` → `zh-CN`), or `None` if it is not
/// well-formed.
pub(crate) fn canonical(tag: &str) -> Option<String> {
    // Private use: `x-` and subtags of 1 to 8 letters or digits, alone or after a tag.
    let lower = tag.to_ascii_lowercase().replace('_', "-");
    if let Some(private) = lower.strip_prefix("x-") {
        return private_subtags(private).then_some(lower);
    }
    if let Some((public, private)) = lower.split_once("-x-") {
        let public = canonical(public)?;
        return private_subtags(private).then(|| format!("{public}-x-{private}"));
    }
    let mut parts = tag.split(['-', '_']);
    let language = parts.next()?;
    if !(matches!(language.len(), 2 | 3 | 5..=8) && all_bytes(language, u8::is_ascii_alphabetic)) {
        return None;
    }
    let mut out = language.to_ascii_lowercase();
    // Subtags must come in order: script, region, then variants.
    let mut stage = 0;
    for part in parts {
        let alpha = all_bytes(part, u8::is_ascii_alphabetic);
        let digits = all_bytes(part, u8::is_ascii_digit);
        out.push('-');
        if stage < 1 && part.len() == 4 && alpha {
            stage = 1;
            out.push_str(&part[..1].to_ascii_uppercase());
            out.push_str(&part[1..].to_ascii_lowercase());
        } else if stage < 2 && ((part.len() == 2 && alpha) || (part.len() == 3 && digits)) {
            stage = 2;
            out.push_str(&part.to_ascii_uppercase());
        } else if is_variant(part) {
            stage = 3;
            out.push_str(&part.to_ascii_lowercase());
        } else {
            return None;
        }
    }
    Some(out)
}

fn private_subtags(text: &str) -> bool {
    for part in text.split('-') {
        if !(1..=8).contains(&part.len()) || !all_bytes(part, u8::is_ascii_alphanumeric) {
            return false;
        }
    }
    true
}

fn is_variant(part: &str) -> bool {
    let alnum = all_bytes(part, u8::is_ascii_alphanumeric);
    alnum
        && (matches!(part.len(), 5..=8) || (part.len() == 4 && part.as_bytes()[0].is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deprecated_rows_are_well_formed() {
        let kinds = ["language", "script", "region", "variant"];
        for row in registry::DEPRECATED.lines() {
            let fields: Vec<&str> = row.split(' ').collect();
            assert!(matches!(fields.len(), 2 | 3), "{row}");
            assert!(fields.iter().all(|field| !field.is_empty()), "{row}");
            assert!(kinds.contains(&fields[0]), "{row}");
            assert_eq!(
                deprecated(fields[0], fields[1]),
                Some(fields.get(2).copied())
            );
        }
        assert_eq!(deprecated("language", "iw"), Some(Some("he")));
        assert_eq!(deprecated("language", "en"), None);
    }

    #[test]
    fn registry_lists_are_sorted_and_searchable() {
        for list in [
            registry::LANGUAGES,
            registry::SCRIPTS,
            registry::REGIONS,
            registry::VARIANTS,
        ] {
            let words: Vec<&str> = list.split(' ').collect();
            assert!(words.windows(2).all(|w| w[0] < w[1]));
            for word in &words {
                assert!(!word.is_empty() && listed(list, word), "{word}");
                assert!(!listed(list, &format!("{word}0")), "{word}0");
            }
        }
    }

    #[test]
    fn well_formed_tags_pass() {
        for tag in [
            "en",
            "zh-CN",
            "zh-Hant-TW",
            "es-419",
            "de-1996",
            "sl-rozaj",
            "yue",
            "ja-JP",
            "x-pirate",
            "en-x-legal",
            "qaa",
            "qtz-Qaaa-QM",
            "sr-Latn-RS",
            "he",
        ] {
            assert_eq!(check(tag), Ok(()), "{tag}");
        }
    }

    #[test]
    fn wrong_case_and_underscores_suggest_the_canonical_tag() {
        assert_eq!(canonical("ZH_cn").as_deref(), Some("zh-CN"));
        assert_eq!(canonical("zh-hant-tw").as_deref(), Some("zh-Hant-TW"));
        assert_eq!(check("zh_CN").unwrap_err().1.as_deref(), Some("zh-CN"));
    }

    #[test]
    fn malformed_tags_fail() {
        for tag in [
            "",
            "e",
            "englishlanguage",
            "zh-CN-Hant",
            "en-",
            "-en",
            "12",
            "zh--CN",
            "中文",
            "en-US-US",
        ] {
            assert!(check(tag).is_err(), "{tag}");
        }
    }

    #[test]
    fn unknown_subtags_are_refused_with_a_suggestion() {
        let fails = |tag: &str| check(tag).unwrap_err();
        assert_eq!(fails("jp").1.as_deref(), Some("ja"));
        assert_eq!(fails("cn").1.as_deref(), Some("zh"));
        assert_eq!(fails("cn-TW").1.as_deref(), Some("zh-TW"));
        assert_eq!(fails("en-UK").1.as_deref(), Some("en-GB"));
        assert!(fails("en-UK").0.contains("no region `UK`"));
        assert_eq!(
            fails("zz"),
            ("no language `zz` in the IANA registry".to_string(), None)
        );
        assert!(fails("en-Abcd").0.contains("no script `Abcd`"));
        assert!(fails("de-abcdefg").0.contains("no variant `abcdefg`"));
    }

    #[test]
    fn deprecated_subtags_name_the_preferred_one() {
        let fails = |tag: &str| check(tag).unwrap_err();
        assert_eq!(fails("iw").1.as_deref(), Some("he"));
        assert!(fails("iw").0.contains("deprecated language"));
        assert_eq!(fails("in-ID").1.as_deref(), Some("id-ID"));
        assert_eq!(fails("my-BU").1.as_deref(), Some("my-MM"));
    }

    #[test]
    fn private_use_is_well_formed() {
        assert_eq!(canonical("X-Pirate").as_deref(), Some("x-pirate"));
        assert_eq!(canonical("en_x_legal").as_deref(), Some("en-x-legal"));
        assert_eq!(canonical("x-"), None);
        assert_eq!(canonical("en-x-toolongsubtag"), None);
    }
}
