//! The diagnostics of a table's locale tags: what is wrong with a tag and the tag the user
//! probably meant. The facts they rest on (is a tag well formed, is a subtag registered, what
//! replaces a deprecated one) come from `status_locale::data`, the IANA Language Subtag
//! Registry and CLDR as the runtime reads them.

use status_locale::Parts;
use status_locale::data::{self, SubtagKind};

/// Checks a tag: well formed, in canonical case, and every subtag known to the IANA Language
/// Subtag Registry (or private use: `x-pirate`, `qaa`..`qtz`, `en-x-legal`). On a mistake returns
/// what is wrong and, where one exists, the tag the user probably meant.
pub(crate) fn check(tag: &str) -> Result<(), (String, Option<String>)> {
    let canonical = data::canonical(tag);
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

/// Checks a canonical tag's subtags against the registry.
fn registered(tag: &str) -> Result<(), (String, Option<String>)> {
    let public = match tag.find("-x-") {
        Some(start) => &tag[..start],
        None if tag.starts_with("x-") => return Ok(()),
        None => tag,
    };
    let Some(parts) = Parts::parse(public) else {
        return Ok(());
    };
    let language = parts.language;
    let replace_language = |with: &str| format!("{with}{}", &tag[language.len()..]);
    if !data::is_private_use(SubtagKind::Language, language) {
        if let Some(preferred) = data::deprecated(SubtagKind::Language, language) {
            return Err((
                format!("`{language}` is a deprecated language subtag"),
                preferred.map(replace_language),
            ));
        }
        if !data::is_registered(SubtagKind::Language, language) {
            // A country code written as a language (`jp`, `cn`) means that country's language.
            let suggestion = data::likely_language_of_region(language)
                .filter(|_| language.len() == 2)
                .map(replace_language);
            return Err((
                format!("no language `{language}` in the IANA registry"),
                suggestion,
            ));
        }
    }
    let script = parts.script.map(|script| (SubtagKind::Script, script));
    let region = parts.region.map(|region| (SubtagKind::Region, region));
    let variants = parts.rest.split('-').filter(|variant| !variant.is_empty());
    let variants = variants.map(|variant| (SubtagKind::Variant, variant));
    for (kind, subtag) in script.into_iter().chain(region).chain(variants) {
        if data::is_private_use(kind, subtag) {
            continue;
        }
        let name = kind.name();
        let replace = |with: &str| tag.replacen(subtag, with, 1);
        if let Some(preferred) = data::deprecated(kind, subtag) {
            return Err((
                format!("`{subtag}` is a deprecated {name} subtag"),
                preferred.map(replace),
            ));
        }
        if !data::is_registered(kind, subtag) {
            // ISO 3166 reserves UK for the United Kingdom, whose code is GB.
            let suggestion = (subtag == "UK").then(|| replace("GB"));
            return Err((
                format!("no {name} `{subtag}` in the IANA registry"),
                suggestion,
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
            // Registered in 2025.
            "isv",
            "cop-sahidic",
        ] {
            assert_eq!(check(tag), Ok(()), "{tag}");
        }
    }

    #[test]
    fn wrong_case_and_underscores_suggest_the_canonical_tag() {
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
        // Deprecated in the registry of 2025-08-25.
        assert_eq!(fails("dek").1.as_deref(), Some("sqm"));
        assert_eq!(fails("nte-MZ").1.as_deref(), Some("eko-MZ"));
    }
}
