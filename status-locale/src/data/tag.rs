//! BCP 47 language tags as a table writes them: `language[-Script][-REGION][-variant]*` in
//! canonical case, with private use (`x-pirate`, `en-x-legal`), and the facts of the IANA
//! Language Subtag Registry about each subtag. Tags are read by [`Parts::parse`], the parser
//! the runtime matches with; what is stricter here is said where it is checked.

use alloc::string::String;

use super::{cldr, registry, rows};
use crate::Parts;

/// What a subtag is, by its place in a tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SubtagKind {
    /// The first subtag (`en`).
    Language,
    /// Four letters after the language (`Hant`).
    Script,
    /// Two letters or three digits after the language or script (`TW`, `419`).
    Region,
    /// Any later subtag before private use (`1996`, `rozaj`).
    Variant,
}

impl SubtagKind {
    /// The registry's name for the kind: `language`, `script`, `region`, `variant`.
    pub fn name(self) -> &'static str {
        match self {
            SubtagKind::Language => "language",
            SubtagKind::Script => "script",
            SubtagKind::Region => "region",
            SubtagKind::Variant => "variant",
        }
    }
}

/// The canonical spelling of a well-formed tag (`ZH_cn` → `zh-CN`), or `None` if it is not
/// well-formed: [`Parts::parse`] must accept it, and beyond that the language is 2, 3 or 5 to
/// 8 letters, what follows the region is variants (5 to 8 letters or digits, or 4 starting
/// with a digit), and the only extension is private use (`x-` and its subtags, alone or last).
pub fn canonical(tag: &str) -> Option<String> {
    let parts = Parts::parse(tag)?;
    let mut out = String::with_capacity(tag.len());
    let push_lower = |out: &mut String, text: &str| {
        for byte in text.bytes() {
            out.push(char::from(byte.to_ascii_lowercase()));
        }
    };
    if parts.language.eq_ignore_ascii_case("x") {
        // Private use alone: every subtag is lower case and has been checked by `parse`.
        if tag.len() < 3 {
            return None;
        }
        out.push_str("x-");
        push_lower(&mut out, &tag[2..]);
        return Some(out.replace('_', "-"));
    }
    if !matches!(parts.language.len(), 2 | 3 | 5..=8) {
        return None;
    }
    push_lower(&mut out, parts.language);
    if let Some(script) = parts.script {
        out.push('-');
        out.push(char::from(script.as_bytes()[0].to_ascii_uppercase()));
        push_lower(&mut out, &script[1..]);
    }
    if let Some(region) = parts.region {
        out.push('-');
        out.push_str(&region.to_ascii_uppercase());
    }
    let mut subtags = parts
        .rest
        .split(['-', '_'])
        .filter(|subtag| !subtag.is_empty());
    let mut private = false;
    for subtag in subtags.by_ref() {
        out.push('-');
        push_lower(&mut out, subtag);
        if subtag.eq_ignore_ascii_case("x") {
            private = true;
            break;
        }
        if !is_variant(subtag) {
            return None;
        }
    }
    if private {
        let mut any = false;
        for subtag in subtags {
            any = true;
            out.push('-');
            push_lower(&mut out, subtag);
        }
        if !any {
            return None;
        }
    }
    Some(out)
}

/// A variant: 5 to 8 letters or digits, or 4 starting with a digit (`1996`).
fn is_variant(subtag: &str) -> bool {
    let bytes = subtag.as_bytes();
    bytes.iter().all(u8::is_ascii_alphanumeric)
        && (matches!(bytes.len(), 5..=8) || (bytes.len() == 4 && bytes[0].is_ascii_digit()))
}

/// Whether the registry lists `subtag` as a subtag of this kind, in any case. Private-use
/// ranges are not listed ([`is_private_use`]).
pub fn is_registered(kind: SubtagKind, subtag: &str) -> bool {
    let list = match kind {
        SubtagKind::Language => registry::LANGUAGES,
        SubtagKind::Script => registry::SCRIPTS,
        SubtagKind::Region => registry::REGIONS,
        SubtagKind::Variant => registry::VARIANTS,
    };
    let mut key = [0u8; 8];
    lower(subtag, &mut key).is_some_and(|key| rows::find(list, b' ', key).is_some())
}

/// Whether `subtag` is in one of the registry's private-use ranges: languages `qaa`..`qtz`,
/// scripts `Qaaa`..`Qabx`, regions `QM`..`QZ`, `XA`..`XZ`, `AA` and `ZZ`; in any case.
pub fn is_private_use(kind: SubtagKind, subtag: &str) -> bool {
    let mut key = [0u8; 8];
    let Some(key) = lower(subtag, &mut key) else {
        return false;
    };
    match kind {
        SubtagKind::Language => key.len() == 3 && ("qaa"..="qtz").contains(&key),
        SubtagKind::Script => key.len() == 4 && ("qaaa"..="qabx").contains(&key),
        SubtagKind::Region => matches!(
            key.as_bytes(),
            [b'q', b'm'..=b'z'] | [b'x', b'a'..=b'z'] | b"aa" | b"zz"
        ),
        SubtagKind::Variant => false,
    }
}

/// `Some(preferred)` for a subtag the registry deprecates, in any case, with its
/// Preferred-Value (`None` inside when the registry names none): `iw` → `Some(Some("he"))`.
pub fn deprecated(kind: SubtagKind, subtag: &str) -> Option<Option<&'static str>> {
    for row in registry::DEPRECATED.lines() {
        let mut fields = row.split(' ');
        if fields.next() == Some(kind.name())
            && fields
                .next()
                .is_some_and(|row| row.eq_ignore_ascii_case(subtag))
        {
            return Some(fields.next());
        }
    }
    None
}

/// The language CLDR finds most likely in a region, in any case (`JP` → `ja`): for a
/// suggestion when a region is written as a language (`jp`).
pub fn likely_language_of_region(region: &str) -> Option<&'static str> {
    let mut key = [0u8; 8];
    let tag = alloc::format!("und-{}", lower(region, &mut key)?);
    let [_, likely] = rows::fields(rows::find(cldr::LIKELY, b'\n', &tag)?)?;
    Some(crate::language_of(likely))
}

/// `text` lower case in `key`, if it fits (subtags have at most 8 bytes).
fn lower<'k>(text: &str, key: &'k mut [u8]) -> Option<&'k str> {
    let key = key.get_mut(..text.len())?;
    for (slot, byte) in key.iter_mut().zip(text.bytes()) {
        *slot = byte.to_ascii_lowercase();
    }
    core::str::from_utf8(key).ok()
}

#[cfg(test)]
mod tests {
    use alloc::format;
    use alloc::vec::Vec;

    use super::*;

    const KINDS: [SubtagKind; 4] = [
        SubtagKind::Language,
        SubtagKind::Script,
        SubtagKind::Region,
        SubtagKind::Variant,
    ];

    #[test]
    fn deprecated_rows_are_well_formed() {
        for row in registry::DEPRECATED.lines() {
            let fields: Vec<&str> = row.split(' ').collect();
            assert!(matches!(fields.len(), 2 | 3), "{row}");
            assert!(fields.iter().all(|field| !field.is_empty()), "{row}");
            let kind = KINDS.into_iter().find(|kind| kind.name() == fields[0]);
            let kind = kind.unwrap_or_else(|| panic!("{row}"));
            assert_eq!(deprecated(kind, fields[1]), Some(fields.get(2).copied()));
        }
        assert_eq!(deprecated(SubtagKind::Language, "iw"), Some(Some("he")));
        assert_eq!(deprecated(SubtagKind::Language, "IW"), Some(Some("he")));
        assert_eq!(deprecated(SubtagKind::Region, "BU"), Some(Some("MM")));
        assert_eq!(deprecated(SubtagKind::Language, "en"), None);
        assert_eq!(deprecated(SubtagKind::Region, "iw"), None);
    }

    #[test]
    fn registry_lists_are_sorted_and_searchable() {
        for kind in KINDS {
            let list = match kind {
                SubtagKind::Language => registry::LANGUAGES,
                SubtagKind::Script => registry::SCRIPTS,
                SubtagKind::Region => registry::REGIONS,
                SubtagKind::Variant => registry::VARIANTS,
            };
            let words: Vec<&str> = list.split(' ').collect();
            assert!(words.windows(2).all(|w| w[0] < w[1]));
            for word in &words {
                assert!(!word.is_empty() && is_registered(kind, word), "{word}");
                assert!(is_registered(kind, &word.to_ascii_uppercase()), "{word}");
                assert!(!is_registered(kind, &format!("{word}0")), "{word}0");
            }
        }
        assert!(is_registered(SubtagKind::Script, "Hant"));
        assert!(!is_registered(SubtagKind::Language, "Hant"));
        assert!(!is_registered(SubtagKind::Language, "toolongforasubtag"));
    }

    /// Subtags registered after the registry of 2024-03-06: the data is the newer file.
    #[test]
    fn the_registry_is_the_file_of_its_date() {
        assert!(is_registered(SubtagKind::Language, "isv"));
        assert!(is_registered(SubtagKind::Script, "Berf"));
        assert!(is_registered(SubtagKind::Variant, "sahidic"));
        let header = include_str!("registry.rs");
        assert!(
            header.contains(&format!(
                "registry file of {}",
                super::registry::REGISTRY_DATE
            )),
            "the header names the date the constant holds"
        );
    }

    #[test]
    fn private_use_ranges() {
        assert!(is_private_use(SubtagKind::Language, "qaa"));
        assert!(is_private_use(SubtagKind::Language, "QTZ"));
        assert!(!is_private_use(SubtagKind::Language, "qua"));
        assert!(is_private_use(SubtagKind::Script, "Qaaa"));
        assert!(is_private_use(SubtagKind::Script, "Qabx"));
        assert!(!is_private_use(SubtagKind::Script, "Qaby"));
        for region in ["QM", "QZ", "XA", "XZ", "AA", "ZZ", "xk"] {
            assert!(is_private_use(SubtagKind::Region, region), "{region}");
        }
        for region in ["QL", "US", "419"] {
            assert!(!is_private_use(SubtagKind::Region, region), "{region}");
        }
        assert!(!is_private_use(SubtagKind::Variant, "qaaaa"));
    }

    #[test]
    fn canonical_case_and_separators() {
        assert_eq!(canonical("ZH_cn").as_deref(), Some("zh-CN"));
        assert_eq!(canonical("zh-hant-tw").as_deref(), Some("zh-Hant-TW"));
        assert_eq!(canonical("DE-ch-1996").as_deref(), Some("de-CH-1996"));
        assert_eq!(
            canonical("sl-ROZAJ-Biske").as_deref(),
            Some("sl-rozaj-biske")
        );
        assert_eq!(canonical("es-419").as_deref(), Some("es-419"));
        assert_eq!(canonical("X-Pirate").as_deref(), Some("x-pirate"));
        assert_eq!(canonical("x_Latn_US").as_deref(), Some("x-latn-us"));
        assert_eq!(canonical("en_x_legal").as_deref(), Some("en-x-legal"));
        assert_eq!(canonical("en-Latn-X-A-B").as_deref(), Some("en-Latn-x-a-b"));
    }

    #[test]
    fn malformed_tags_have_no_canonical_form() {
        for tag in [
            "",
            "e",
            "x",
            "x-",
            "abcd",
            "englishlanguage",
            "zh-CN-Hant",
            "en-",
            "-en",
            "12",
            "zh--CN",
            "中文",
            "en-US-US",
            "en-Latn-Latn",
            "en-419-US",
            "en-u-ca-gregory",
            "en-x",
            "en-x-toolongsubtag",
            "i-klingon",
        ] {
            assert_eq!(canonical(tag), None, "{tag}");
        }
    }

    #[test]
    fn regions_suggest_their_language() {
        assert_eq!(likely_language_of_region("JP"), Some("ja"));
        assert_eq!(likely_language_of_region("cn"), Some("zh"));
        assert_eq!(likely_language_of_region("TW"), Some("zh"));
        assert_eq!(likely_language_of_region("ZZ"), None);
        assert_eq!(likely_language_of_region("toolongregion"), None);
    }
}
