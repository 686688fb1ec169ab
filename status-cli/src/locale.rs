//! The language of the texts when `--lang` is not given: the environment's, else the default.

use crate::table::Locale;

/// The locale named by `LC_ALL`, `LC_MESSAGES` or `LANG` (the first that is set and not
/// empty), such as `zh_CN.UTF-8`; the table's default when that names none of its locales.
pub fn from_env() -> Locale {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
        .map_or(Locale::DEFAULT, |value| from_posix(&value))
}

/// `zh_CN.UTF-8`, `en_US@euro`, `C`: the codeset and modifier are dropped, then the tag is
/// looked up whole, then by its language alone (`en_US` → `en`).
fn from_posix(value: &str) -> Locale {
    let tag = value
        .split(['.', '@'])
        .next()
        .unwrap_or_default()
        .replace('_', "-");
    if let Ok(locale) = tag.parse() {
        return locale;
    }
    tag.split('-')
        .next()
        .and_then(|language| language.parse().ok())
        .unwrap_or(Locale::DEFAULT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posix_locale_names_map_to_tags() {
        let cases = [
            ("zh_CN.UTF-8", Locale::ZhCn),
            ("zh_CN", Locale::ZhCn),
            ("ZH-cn@pinyin", Locale::ZhCn),
            ("en_US.UTF-8", Locale::En),
            ("en_GB@euro", Locale::En),
            ("C", Locale::En),
            ("POSIX", Locale::En),
            // The table has no Traditional Chinese, and Simplified is not a stand-in for it.
            ("zh_TW.UTF-8", Locale::En),
            ("", Locale::En),
        ];
        for (value, expected) in cases {
            assert_eq!(from_posix(value), expected, "{value:?}");
        }
    }
}
