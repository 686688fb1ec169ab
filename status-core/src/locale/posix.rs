//! Reading the locale from the environment: the POSIX variables in GNU gettext's order, then,
//! where they say nothing, the operating system's preferred languages.

use super::accept::Ranges;
use super::matching::{FULL_WEIGHT, Range, RangeKind};
use status_locale::{Parts, Rules};

/// The ranges `LANGUAGE` and the locale name ask for, in gettext's order; `None` for `C` or
/// `POSIX` as the locale (untranslated output, the default).
pub(crate) fn ranges<'a>(
    language: &'a str,
    lc_all: &'a str,
    lc_messages: &'a str,
    lang: &'a str,
    rules: &Rules<'a>,
) -> Option<Ranges<'a>> {
    let locale = [lc_all, lc_messages, lang]
        .into_iter()
        .find(|value| !value.is_empty())
        .map(posix_language);
    if locale.is_some_and(is_posix_default) {
        return None;
    }
    let mut ranges = Ranges::new();
    let full = |kind| Range {
        kind,
        weight: FULL_WEIGHT,
    };
    for entry in language.split(':').map(posix_language) {
        if is_posix_default(entry) {
            // Untranslated output from here on: nothing after it is read.
            ranges.push(full(RangeKind::Default));
            return Some(ranges);
        }
        if let Some(parts) = Parts::parse(entry) {
            if !ranges.push(Range::tag(parts, FULL_WEIGHT, rules)) {
                break;
            }
        }
    }
    if let Some(parts) = locale.and_then(Parts::parse) {
        ranges.push(Range::tag(parts, FULL_WEIGHT, rules));
    }
    Some(ranges)
}

/// The language part of a POSIX locale name: `language[_territory][.codeset][@modifier]` without
/// the codeset and modifier (`zh_TW.UTF-8@stroke` → `zh_TW`, `C.UTF-8` → `C`).
///
/// ```
/// use status_core::locale::posix_language;
///
/// assert_eq!(posix_language("de_DE.UTF-8"), "de_DE");
/// assert_eq!(posix_language("sr_RS@latin"), "sr_RS");
/// assert_eq!(posix_language("en"), "en");
/// ```
pub fn posix_language(value: &str) -> &str {
    match value.find(['.', '@']) {
        Some(end) => &value[..end],
        None => value,
    }
}

/// Whether a POSIX locale name (after [`posix_language`]) is `C` or `POSIX`, the untranslated
/// locale, which maps to the table's default.
pub fn is_posix_default(language: &str) -> bool {
    language == "C" || language == "POSIX"
}
