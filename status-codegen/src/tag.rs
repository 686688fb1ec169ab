//! BCP 47 language tags, as far as the table needs them: `language[-Script][-REGION][-variant]*`
//! in canonical case.

/// Checks a tag. On a mistake returns what is wrong and, where one exists, the tag the user
/// probably meant.
pub(crate) fn check(tag: &str) -> Result<(), (String, Option<String>)> {
    let canonical = canonical(tag);
    match &canonical {
        Some(canonical) if canonical == tag => Ok(()),
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

/// The canonical spelling of a well-formed tag (`ZH_cn` → `zh-CN`), or `None` if it is not
/// well-formed.
pub(crate) fn canonical(tag: &str) -> Option<String> {
    let mut parts = tag.split(['-', '_']);
    let language = parts.next()?;
    if !(matches!(language.len(), 2 | 3 | 5..=8)
        && language.bytes().all(|b| b.is_ascii_alphabetic()))
    {
        return None;
    }
    let mut out = language.to_ascii_lowercase();
    // Subtags must come in order: script, region, then variants.
    let mut stage = 0;
    for part in parts {
        let alpha = part.bytes().all(|b| b.is_ascii_alphabetic());
        let digits = part.bytes().all(|b| b.is_ascii_digit());
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

fn is_variant(part: &str) -> bool {
    let alnum = part.bytes().all(|b| b.is_ascii_alphanumeric());
    alnum
        && (matches!(part.len(), 5..=8) || (part.len() == 4 && part.as_bytes()[0].is_ascii_digit()))
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
}
