//! Choosing a locale at run time: an HTTP `Accept-Language` header, a single tag, or the
//! environment, matched against the tags of a table the way CLDR's language matching (the
//! algorithm behind ICU's `LocaleMatcher`) does.
//!
//! The generated `Locale::negotiate`, `Locale::parse_lenient` and `Locale::from_env` call these
//! functions with the table's tags, default first, and the table's [`Rules`]: the CLDR rows for
//! the table's languages, which `status_codes!` picks at compile time. Nothing here allocates,
//! locks or panics, and any input, however malformed, gives an answer: at worst the default
//! (index `0`).
//!
//! # How a language range finds a locale
//!
//! Each range (`en-GB`, `zh-Hant-TW`, `*`) and each tag of the table is read ignoring ASCII
//! case and with `_` as `-`, then completed with CLDR data:
//!
//! - **Aliases**: deprecated and legacy codes become today's (`iw` → `he`, `in` → `id`, `tl` →
//!   `fil`, `sh` → `sr-Latn`, `cmn` → `zh`).
//! - **Likely subtags** fill in the script and region: `en` is `en-Latn-US`, `zh-TW` is
//!   `zh-Hant-TW`, `sr` is `sr-Cyrl-RS`, `sr-ME` is `sr-Latn-ME`, `uz-AF` is `uz-Arab-AF`.
//!
//! The two are then compared by CLDR's distance (`languageInfo.xml`):
//!
//! 1. The same language and script, or nearly, is a **close** fit (distance under 10). Regions
//!    add a little, less within a group CLDR names: `en-AU` is closer to `en-GB` than to `en`
//!    (`en-US`), `es-MX` to `es-419` than to `es` (Spain), `pt-AO` to `pt-PT` than to `pt`
//!    (Brazil), `zh-MO` to `zh-HK` than to `zh-TW`. Some languages and scripts count as nearly
//!    the same: `no` and `nb`, `hr` and `bs`, `sr-Latn` and `sr-Cyrl`.
//! 2. A **related** language or script (distance 10 to 49) fits too, below every close fit:
//!    `nn` finds `nb`, `gsw` finds `de`, `ca` finds `es`, as CLDR lists them for readers of a
//!    second language.
//! 3. Chinese in the other script (`zh-TW` → `zh-CN`) is a **last resort**: it counts only when
//!    no range of the list fits any tag otherwise. A reader of Traditional Chinese who names
//!    English, at any weight, gets English; one who names only Traditional Chinese, when the
//!    table has only Simplified, gets Simplified rather than the default.
//! 4. `*` fits every tag, least of all.
//!
//! Other languages and scripts do not fit at all (`sr-Latn` never finds Russian). A private-use
//! tag (`x-bork`) fits only itself; a pseudo-locale (`en-XA`, `ar-XB`, `en-XC`) fits only a
//! range of the same pseudo-region, never an ordinary request. `und` with a region or script
//! is the language likely there (`und-FR` is French); `und` alone fits nothing but `und`.
//!
//! # How the user's list decides
//!
//! The ranges' weights (`q`) and order come before distance: a better-ranked range wins over a
//! closer fit for a lower-ranked one, as ICU's demotion per desired locale makes it. Each tag
//! of the table is ranked by the best of the ranges that fit it: first by the rule above (1
//! to 4), then the higher weight, then the range named first, then the smaller distance. On a
//! tie, the tag the range names exactly wins; then, between tags that are the same once
//! maximized (`af`, `af-Latn` and `af-ZA` are all `af-Latn-ZA`), the one that writes the
//! subtags the range writes, as in ICU (`af-Latn-ZA` finds `af-Latn`); then one the range
//! descends from (`en` for `en-GB`, `es-419` for `es-MX`, by truncation or CLDR's parent
//! locales); then the first in the table. The range that fits a tag best also decides if it is
//! refused: `en;q=0` rules out `en` even when `*` is present.
//!
//! With a table of `en`, `en-GB`, `es`, `es-419`, `pt-BR`, `pt-PT`, `zh-Hant`, `zh-CN`, `ja`,
//! `sr`, `sr-Latn`, `he`, `nb`, `id` and `fil`:
//!
//! ```
//! status_core::status_codes!("examples/world.toml");
//!
//! let best = |header| Locale::negotiate(header).tag();
//! assert_eq!(best("en-US,en;q=0.5"), "en"); // Firefox's default header
//! assert_eq!(best("en-AU"), "en-GB");
//! assert_eq!(best("es-MX"), "es-419");
//! assert_eq!(best("pt-AO"), "pt-PT");
//! assert_eq!(best("sr-Latn-RS"), "sr-Latn");
//! assert_eq!(best("sr-RS"), "sr"); // Cyrillic
//! assert_eq!(best("iw-IL"), "he");
//! assert_eq!(best("no-NO"), "nb");
//! assert_eq!(best("in"), "id");
//! assert_eq!(best("zh-HK"), "zh-Hant");
//! assert_eq!(best("zh-SG, en;q=0.1"), "zh-CN");
//! assert_eq!(best("nn, en;q=0.5"), "en"); // a related language ranks below a close fit
//! assert_eq!(best("nn"), "nb");
//! assert_eq!(best("fr, de"), "en"); // nothing fits: the default
//! ```
//!
//! # Where this differs from ICU's `LocaleMatcher`, on purpose
//!
//! - Weights and order rank before distance, rather than a fixed demotion of 5 per range, so a
//!   range the user ranks lower never wins over a fitting one ranked higher.
//! - Simplified and Traditional Chinese are a last resort instead of no match (CLDR 48 puts them
//!   at the default script distance): a Chinese reader gets Chinese before the default.
//! - Between different languages scripts are not compared (ICU compares them too).
//!
//! `tests/it/icu_agreement.rs` runs 275 headers (206 of real browsers and tools, each cited)
//! against five tables and checks every answer against ICU's.
//!
//! # Bounds
//!
//! A header is read once, up to its first [`MAX_HEADER_BYTES`] bytes and [`MAX_RANGES`]
//! elements; the rest is ignored, so a hostile header of a megabyte costs no more than a short
//! one. Matching compares each range kept with each tag once. Two shortcuts give the same
//! answers with less work:
//!
//! - A header whose first range is at full weight and written as one of the table's tags is
//!   answered with that tag without reading further: nothing after it could change the answer.
//! - When the first range fits some tag closely (the same language and script, CLDR distance
//!   below 10), that tag is the answer unless a later element weighs more or refuses something
//!   (`q=0`), so the later elements are read for their weights alone; if one does, they are
//!   read in full and ranked.

mod accept;
mod matching;
mod posix;

pub use accept::{MAX_HEADER_BYTES, MAX_RANGES};
pub use posix::{is_posix_default, posix_language};
pub use status_locale::{LikelyRow, ParentRow, RegionDistance, Regions, Rules, Subtags};

use matching::{FULL_WEIGHT, Range};
use status_locale::Parts;

/// Picks the locale an `Accept-Language` header (RFC 9110, section 12.5.4) asks for.
///
/// `supported` holds the table's tags, the default first; the result is an index into it, `0`
/// when nothing fits. Ranges that are not well formed, and weights that are not RFC 9110
/// `qvalue`s (`q=abc`, `q=2`, `q=.5`), drop just their own list element. The rules are in
/// the [module documentation](self); the generated `Locale::negotiate` passes the table's
/// [`Rules`]. With [`Rules::NONE`] tags match as written, by language, script and region.
///
/// ```
/// use status_core::locale::{negotiate, Rules};
///
/// let supported = ["en", "zh-CN", "ja"];
/// assert_eq!(negotiate("ja-JP,ja;q=0.9", &supported, &Rules::NONE), 2);
/// assert_eq!(negotiate("en-GB", &supported, &Rules::NONE), 0);
/// assert_eq!(negotiate("fr-FR, de;q=0.5", &supported, &Rules::NONE), 0);
/// assert_eq!(negotiate("q=abc,,;;", &supported, &Rules::NONE), 0);
/// ```
pub fn negotiate<'a>(accept_language: &'a str, supported: &[&str], rules: &Rules<'a>) -> usize {
    negotiate_bytes(accept_language.as_bytes(), supported, rules)
}

/// [`negotiate`] for a header value as bytes, as HTTP carries it: an element that is not UTF-8
/// is skipped as malformed, alone, so the rest of the header keeps its meaning.
///
/// ```
/// use status_core::locale::{negotiate_bytes, Rules};
///
/// let supported = ["de", "zh-CN", "en"];
/// // The refusal of zh-CN is malformed and dropped; en is still asked for.
/// assert_eq!(negotiate_bytes(b"zh-CN\xff;q=0, en", &supported, &Rules::NONE), 2);
/// assert_eq!(negotiate_bytes(b"\xfe\xff, zh-CN;q=0.5", &supported, &Rules::NONE), 1);
/// ```
pub fn negotiate_bytes<'a>(
    accept_language: &'a [u8],
    supported: &[&str],
    rules: &Rules<'a>,
) -> usize {
    let mut ranges = accept::Ranges::new();
    // The rules' keys describe the table they were written for, as their tags do.
    match supported.len() == rules.supported.len() {
        true => {
            if let Some(answer) =
                accept::parse_for_table(accept_language, supported, rules, &mut ranges)
            {
                return answer;
            }
        }
        false => accept::parse(accept_language, rules, &mut ranges),
    }
    matching::choose(ranges.as_slice(), supported, rules).unwrap_or(0)
}

/// Picks the locale a single language range or tag asks for, with the same rules as
/// [`negotiate`]; `None` when nothing fits. A POSIX locale name is read too (`zh_TW.UTF-8`).
///
/// ```
/// use status_core::locale::{lookup, Rules};
///
/// let supported = ["en", "zh-CN"];
/// assert_eq!(lookup("en_GB", &supported, &Rules::NONE), Some(0));
/// assert_eq!(lookup("zh-CN.UTF-8", &supported, &Rules::NONE), Some(1));
/// assert_eq!(lookup("fr", &supported, &Rules::NONE), None);
/// ```
pub fn lookup<'a>(range: &'a str, supported: &[&str], rules: &Rules<'a>) -> Option<usize> {
    let range = Parts::parse(posix_language(range.trim_matches([' ', '\t'])))?;
    matching::choose(&[Range::tag(range, FULL_WEIGHT, rules)], supported, rules)
}

/// Picks the locale the POSIX environment asks for, reading `LANGUAGE`, `LC_ALL`,
/// `LC_MESSAGES` and `LANG`; see [`from_env_values`] for the rules.
///
/// When all four are empty or unset, as on Windows and for macOS applications started from the
/// desktop, and the default `os-locale` feature is on, the operating system's preferred
/// languages are matched instead, in its order (at most [`MAX_RANGES`] of them).
///
/// Reading a variable copies it, so unlike the other functions here this one allocates; call it
/// once at start-up and keep the answer (the generated `Locale::set_current` is made for that).
/// A value that is not UTF-8 counts as unset.
pub fn from_env(supported: &[&str], rules: &Rules<'_>) -> usize {
    let read = |name: &str| std::env::var_os(name).and_then(|value| value.into_string().ok());
    let (language, lc_all, lc_messages, lang) = (
        read("LANGUAGE"),
        read("LC_ALL"),
        read("LC_MESSAGES"),
        read("LANG"),
    );
    #[cfg(feature = "os-locale")]
    if [&language, &lc_all, &lc_messages, &lang]
        .iter()
        .all(|value| value.as_deref().unwrap_or("").is_empty())
    {
        let preferred: Vec<String> = sys_locale::get_locales().take(MAX_RANGES).collect();
        return preferred_languages(preferred.iter().map(String::as_str), supported, rules);
    }
    from_env_values(
        language.as_deref().unwrap_or(""),
        lc_all.as_deref().unwrap_or(""),
        lc_messages.as_deref().unwrap_or(""),
        lang.as_deref().unwrap_or(""),
        supported,
        rules,
    )
}

/// Picks the locale given the values of `LANGUAGE`, `LC_ALL`, `LC_MESSAGES` and `LANG` (`""`
/// for unset), in GNU gettext's order.
///
/// - The locale is the first non-empty one of `LC_ALL`, `LC_MESSAGES` and `LANG`. When it is
///   `C` or `POSIX`, the answer is the default and `LANGUAGE` is not read, as in gettext: a
///   program run with `LC_ALL=C` wants untranslated output.
/// - Otherwise the entries of `LANGUAGE`, a colon-separated list, come first in the order
///   written, then the locale. Empty entries are skipped; an entry `C` or `POSIX` stands for
///   the default and ends the list. At most [`MAX_RANGES`] entries are read.
/// - Each value is read with [`posix_language`] (`zh_TW.UTF-8@stroke` → `zh_TW`) and matched as
///   one range of an `Accept-Language` list with equal weights, so an earlier entry wins and a
///   Traditional Chinese entry reaches Simplified Chinese only if no entry fits otherwise.
///
/// ```
/// use status_core::locale::{from_env_values, Rules};
///
/// let supported = ["en", "zh-CN", "ja"];
/// let env = |language, lc_all, lang| {
///     from_env_values(language, lc_all, "", lang, &supported, &Rules::NONE)
/// };
/// assert_eq!(env("", "", "ja_JP.UTF-8"), 2);
/// assert_eq!(env("fr:zh_CN", "", "ja_JP.UTF-8"), 1);
/// assert_eq!(env("zh_CN", "C.UTF-8", "ja_JP.UTF-8"), 0);
/// assert_eq!(env("", "", "POSIX"), 0);
/// ```
pub fn from_env_values<'a>(
    language: &'a str,
    lc_all: &'a str,
    lc_messages: &'a str,
    lang: &'a str,
    supported: &[&str],
    rules: &Rules<'a>,
) -> usize {
    match posix::ranges(language, lc_all, lc_messages, lang, rules) {
        Some(ranges) => matching::choose(ranges.as_slice(), supported, rules).unwrap_or(0),
        None => 0,
    }
}

/// Picks the locale for a list of preferred languages, as an operating system gives them
/// (BCP 47 tags or POSIX names, best first); the first [`MAX_RANGES`] are read.
#[cfg_attr(not(feature = "os-locale"), allow(dead_code))]
fn preferred_languages<'a>(
    languages: impl Iterator<Item = &'a str>,
    supported: &[&str],
    rules: &Rules<'a>,
) -> usize {
    let mut ranges = accept::Ranges::new();
    for language in languages.take(MAX_RANGES) {
        if let Some(parts) = Parts::parse(posix_language(language)) {
            ranges.push(Range::tag(parts, FULL_WEIGHT, rules));
        }
    }
    matching::choose(ranges.as_slice(), supported, rules).unwrap_or(0)
}

/// A message chosen for a locale, printed by its [`Display`](core::fmt::Display) impl. The
/// generated `StatusCode::localized` returns it, so that a message can go straight into
/// `write!` or `format_args!`. Width, fill and alignment apply (`{:>40}`).
///
/// ```
/// status_core::status_codes!("codes.toml");
///
/// let text = StatusCode::NotFound.localized(Locale::ZhCn);
/// assert_eq!(text.to_string(), "服务器无法找到被请求的页面。");
/// let ok = StatusCode::Ok.localized(Locale::En);
/// assert_eq!(format!("[{ok:>24}]"), "[  The request succeeded.]");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Localized {
    message: &'static str,
}

impl Localized {
    #[doc(hidden)]
    pub const fn new(message: &'static str) -> Localized {
        Localized { message }
    }

    /// The message.
    pub const fn as_str(&self) -> &'static str {
        self.message
    }
}

impl core::fmt::Display for Localized {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.pad(self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    mod world {
        crate::status_codes!("examples/world.toml");
    }

    const RULES: Rules<'static> = world::Locale::MATCHING_RULES;
    const EN_ZH: [&str; 2] = ["en", "zh-CN"];
    const CHINESE: [&str; 5] = ["en", "zh-CN", "zh-TW", "zh-HK", "ja"];

    fn best(header: &str, supported: &[&'static str]) -> &'static str {
        supported[negotiate(header, supported, &RULES)]
    }

    fn find(range: &str, supported: &[&'static str]) -> Option<&'static str> {
        lookup(range, supported, &RULES).map(|index| supported[index])
    }

    #[test]
    fn ranges_are_maximized_with_the_tables_rows() {
        let max = |tag| {
            let subtags = Parts::parse(tag).unwrap().maximize(&RULES);
            (subtags.language, subtags.script, subtags.region)
        };
        assert_eq!(max("zh-TW"), ("zh", "Hant", "TW"));
        assert_eq!(max("ZH-hk"), ("ZH", "Hant", "hk"));
        assert_eq!(max("zh"), ("zh", "Hans", "CN"));
        assert_eq!(max("zh-Hans-TW"), ("zh", "Hans", "TW"));
        assert_eq!(max("sr-ME"), ("sr", "Latn", "ME"));
        assert_eq!(max("iw-IL"), ("he", "Hebr", "IL"));
        assert_eq!(max("sh"), ("sr", "Latn", "RS"));
        // No rows for languages the table lacks: nothing is filled in.
        assert_eq!(max("de"), ("de", "", ""));
    }

    #[test]
    fn english_variants_find_english() {
        for range in ["en", "en-GB", "en-US", "EN-us", "en_AU", "en-GB-oxendict"] {
            assert_eq!(find(range, &EN_ZH), Some("en"), "{range}");
        }
        assert_eq!(find("en", &["de", "en-US"]), Some("en-US"));
        // en-GB is as far from en-US as from en (both en-Latn-US): the ancestor wins.
        assert_eq!(find("en-GB", &["de", "en-US", "en"]), Some("en"));
        assert_eq!(find("en-US", &["de", "en", "en-US"]), Some("en-US"));
        assert_eq!(find("fr", &EN_ZH), None);
        assert_eq!(find("e", &EN_ZH), None);
    }

    #[test]
    fn simplified_ranges_find_zh_cn() {
        for range in [
            "zh",
            "zh-CN",
            "zh-Hans",
            "zh-Hans-CN",
            "zh-SG",
            "zh-Hans-SG",
            "zh_cn",
            "cmn",
        ] {
            assert_eq!(find(range, &CHINESE), Some("zh-CN"), "{range}");
        }
        // `zh` prefers the region CLDR gives it over another Simplified tag.
        assert_eq!(find("zh", &["en", "zh-SG", "zh-CN"]), Some("zh-CN"));
        assert_eq!(find("zh", &["en", "zh-SG"]), Some("zh-SG"));
    }

    #[test]
    fn traditional_ranges_find_traditional_tags() {
        assert_eq!(find("zh-TW", &CHINESE), Some("zh-TW"));
        assert_eq!(find("zh-Hant", &CHINESE), Some("zh-TW"));
        assert_eq!(find("zh-Hant-TW", &CHINESE), Some("zh-TW"));
        assert_eq!(find("zh-HK", &CHINESE), Some("zh-HK"));
        assert_eq!(find("zh-Hant-HK", &CHINESE), Some("zh-HK"));
        assert_eq!(find("zh-MO", &CHINESE), Some("zh-HK"));
        assert_eq!(find("zh-MO", &["en", "zh-CN", "zh-TW"]), Some("zh-TW"));
        assert_eq!(find("zh-HK", &["en", "zh-CN", "zh-Hant"]), Some("zh-Hant"));
        // Lookup's truncation would take zh-TW to `zh`, which is Simplified.
        assert_eq!(find("zh-TW", &["en", "zh", "zh-Hant"]), Some("zh-Hant"));
        assert_eq!(find("zh-Hans", &["en", "zh-Hant", "zh"]), Some("zh"));
    }

    #[test]
    fn scripts_follow_cldr() {
        // CLDR counts Serbian's two scripts as nearly the same (distance 5); before CLDR data
        // this found nothing.
        assert_eq!(find("sr-Latn", &["en", "sr-Cyrl"]), Some("sr-Cyrl"));
        assert_eq!(
            find("sr-Latn-RS", &["en", "sr-Cyrl", "sr-Latn"]),
            Some("sr-Latn")
        );
        assert_eq!(
            find("sr-Latn-RS", &["en", "sr", "sr-Latn"]),
            Some("sr-Latn")
        );
        assert_eq!(find("sr-RS", &["en", "sr-Latn", "sr"]), Some("sr"));
        assert_eq!(find("sr", &["en", "sr-Latn"]), Some("sr-Latn"));
        // Other script pairs are far: Japanese in Latin letters is not Hebrew, nor English.
        assert_eq!(find("he-Latn", &["en", "he"]), None);
    }

    #[test]
    fn simplified_is_a_last_resort_for_traditional() {
        // Only Simplified exists: better than the default.
        for header in [
            "zh-TW",
            "zh-HK, en;q=0",
            "zh-Hant-TW, *;q=0.1",
            "zh-MO, fr;q=0.9",
        ] {
            assert_eq!(best(header, &EN_ZH), "zh-CN", "{header}");
        }
        // Anything else the reader names comes first, however low its weight.
        assert_eq!(best("zh-TW, en;q=0.1", &EN_ZH), "en");
        assert_eq!(best("zh-TW, ja;q=0.1", &["en", "zh-CN", "ja"]), "ja");
        assert_eq!(best("zh-HK, zh-TW;q=0.5", &CHINESE), "zh-HK");
        // Refused outright, it is not used either.
        assert_eq!(best("zh-TW, zh-CN;q=0", &EN_ZH), "en");
        assert_eq!(best("zh-TW, zh;q=0", &EN_ZH), "en");
        // The same holds the other way round.
        assert_eq!(best("zh-CN", &["en", "zh-TW"]), "zh-TW");
        assert_eq!(best("zh-CN, en-GB;q=0.2", &["en", "zh-TW"]), "en");
    }

    #[test]
    fn weights_order_the_ranges() {
        let supported = ["en", "zh-CN", "ja"];
        assert_eq!(best("fr;q=0.1, ja;q=0.9, en;q=0.5", &supported), "ja");
        assert_eq!(best("ja, en", &supported), "ja");
        assert_eq!(best("en, ja", &supported), "en");
        assert_eq!(best("en;q=0.5, ja;q=0.5", &supported), "en");
        assert_eq!(best("ja;q=0.001, fr", &supported), "ja");
        assert_eq!(best("zh, zh-CN", &["en", "zh-SG", "zh-CN"]), "zh-CN");
        // Weights are thousandths: 0.5 and 0.500 are equal, 0.501 is more.
        assert_eq!(best("en;q=0.500, ja;q=0.5", &supported), "en");
        assert_eq!(best("en;q=0.5, ja;q=0.501", &supported), "ja");
    }

    #[test]
    fn zero_weight_refuses_and_star_accepts_the_rest() {
        assert_eq!(best("en;q=0, *", &EN_ZH), "zh-CN");
        assert_eq!(best("*", &EN_ZH), "en");
        assert_eq!(best("*;q=0.5, zh-CN;q=0.1", &EN_ZH), "zh-CN");
        assert_eq!(best("en-GB;q=0, en", &EN_ZH), "en");
        assert_eq!(best("zh;q=0, zh-CN", &EN_ZH), "zh-CN");
        // Nothing acceptable: the default, which must be returned anyway.
        assert_eq!(best("en;q=0", &EN_ZH), "en");
        assert_eq!(best("*;q=0", &EN_ZH), "en");
        assert_eq!(best("*;q=0, zh", &EN_ZH), "zh-CN");
    }

    #[test]
    fn qvalues_follow_rfc_9110() {
        for (text, thousandths) in [
            ("0", 0),
            ("0.", 0),
            ("0.5", 500),
            ("0.05", 50),
            ("0.125", 125),
            ("1", 1000),
            ("1.", 1000),
            ("1.000", 1000),
        ] {
            assert_eq!(accept::qvalue(text), Some(thousandths), "{text}");
        }
        for text in [
            "", "abc", ".5", "0.1234", "1.001", "2", "-0", "+1", "0,5", "0.5 ", "1e0", "0.٥",
        ] {
            assert_eq!(accept::qvalue(text), None, "{text:?}");
        }
    }

    #[test]
    fn whitespace_case_and_parameters() {
        let supported = ["en", "zh-CN", "ja"];
        assert_eq!(best(" \tJA ; Q = 0.9 ,\ten;q=0.8", &supported), "ja");
        assert_eq!(best("ZH-cn", &supported), "zh-CN");
        // A malformed weight drops its own element only.
        assert_eq!(best("ja;q=abc, zh-CN;q=0.2", &supported), "zh-CN");
        assert_eq!(best("ja;q, zh-CN;q=0.2", &supported), "zh-CN");
        assert_eq!(best("ja;q=2, zh-CN;q=0.2", &supported), "zh-CN");
        assert_eq!(best("ja;=0.5, zh-CN;q=0.2", &supported), "zh-CN");
        assert_eq!(best("ja;l é=1, zh-CN;q=0.2", &supported), "zh-CN");
        // Other parameters are not RFC 9110's but harm nothing.
        assert_eq!(best("ja;level=1, en;q=0.5", &supported), "ja");
    }

    #[test]
    fn the_index_of_tags_by_language_changes_no_answer() {
        let tags: Vec<&str> = world::Locale::ALL.iter().map(|l| l.tag()).collect();
        assert!(!RULES.by_language.is_empty());
        let unindexed = Rules {
            by_language: &[],
            ..RULES
        };
        let headers = [
            "en-US,en;q=0.5",
            "fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5",
            "nn, da;q=0.8",
            "zh-TW, ja;q=0.1",
            "iw, tl, mo, sh",
            "gsw, ca;q=0.9",
            "und-FR, und-Hant",
            "x-bork, en-XA",
            "pt-AO, es-MX;q=0.5",
            "sr-ME, hr;q=0.2",
            "*;q=0.1, de",
            "ko, vi",
        ];
        for header in headers {
            assert_eq!(
                negotiate(header, &tags, &RULES),
                negotiate(header, &tags, &unindexed),
                "{header}"
            );
        }
    }

    #[test]
    fn the_region_bits_rows_and_fits_the_macro_writes_change_no_answer() {
        let tags: Vec<&str> = world::Locale::ALL.iter().map(|l| l.tag()).collect();
        assert_eq!(RULES.supported_regions.len(), tags.len());
        let searched = Rules {
            supported_regions: &[],
            ..RULES
        };
        assert_eq!(RULES.supported_rows.len(), tags.len());
        let unmasked = Rules {
            supported_rows: &[],
            ..RULES
        };
        assert_eq!(RULES.bare_fits.len(), tags.len());
        let computed = Rules {
            bare_fits: &[],
            ..RULES
        };
        // Each pair of regions CLDR groups differently: en's $enUS and GB, es's and pt's
        // $americas, zh-Hant's HK and MO, and regions in none.
        let headers = [
            "en-AU",
            "en-CA",
            "en-US",
            "en-PH, en-GB;q=0.5",
            "en-IN, en;q=0.9",
            "es-MX",
            "es-ES, es-419;q=0.9",
            "es-US",
            "es-GQ",
            "pt-AO",
            "pt-US",
            "pt-BR, pt-PT",
            "zh-HK",
            "zh-MO",
            "zh-TW",
            "zh-Hant-SG",
            "sr-ME",
            "en-001, es-150",
            "en-XA",
            // Languages alone, which read the fits the macro wrote.
            "en",
            "ES, pt;q=0.5",
            "pt",
            "PT, en;q=0.5",
            "zh, sr;q=0.5",
            "he, id;q=0.5, fil;q=0.3, nb;q=0.2",
            "ja, en-GB;q=0.5, en;q=0.4",
        ];
        for header in headers {
            assert_eq!(
                negotiate(header, &tags, &RULES),
                negotiate(header, &tags, &searched),
                "{header}"
            );
            assert_eq!(
                negotiate(header, &tags, &RULES),
                negotiate(header, &tags, &unmasked),
                "{header}"
            );
            assert_eq!(
                negotiate(header, &tags, &RULES),
                negotiate(header, &tags, &computed),
                "{header}"
            );
        }
        assert_eq!(tags[negotiate("en-AU", &tags, &RULES)], "en-GB");
        assert_eq!(tags[negotiate("es-MX", &tags, &RULES)], "es-419");
        assert_eq!(tags[negotiate("pt-AO", &tags, &RULES)], "pt-PT");
    }

    #[test]
    fn a_first_range_naming_or_closely_fitting_a_tag_settles_the_answer_alone() {
        let tags: Vec<&str> = world::Locale::ALL.iter().map(|l| l.tag()).collect();
        // The answer when every range is read and ranked.
        let ranked = |header: &str, tags: &[&str]| {
            let mut ranges = accept::Ranges::new();
            accept::parse(header.as_bytes(), &RULES, &mut ranges);
            matching::choose(ranges.as_slice(), tags, &RULES).unwrap_or(0)
        };
        // Settled by the first range, and not: a lower weight, a refusal of a tag the first
        // range fits less than exactly, `*` and `C`, another case or `_`, and malformed first
        // elements.
        let headers = [
            "en-GB, en;q=0.9, fr;q=0",
            "EN_gb;q=1.000, *",
            "en-GB;q=0.9, fr",
            "en-US, en-GB;q=0, en;q=0",
            "en, en-GB;q=0",
            "zz;q=abc, pt-PT, pt;q=0",
            "\u{e9}, ja, ja-JP;q=0",
            "*, en-GB",
            "C, ja",
            "sr-latn, sr;q=0",
            "zh-Hant, zh-TW",
            "en-AU, en-GB;q=0",
            "en-AU, en;q=0.",
            "en-AU, en-GB;q=0.001, en;q=0.0",
            "pt-AO, pt-PT, pt;q=0",
            "es-MX, es-419;q=0, es;q=0.5",
            "nn, nb;q=0",
            "zh-TW, zh-CN;q=0",
            "en-AU;q=0.5, en-GB;q=0.5, en",
            "en-AU;q=0.5, en-GB;q=0.6",
            "en-AU;q=0.5, he, en-GB;q=0.5",
            "ja;q=0.5, en-GB;q=0.5, *;q=0",
        ];
        for header in headers {
            assert_eq!(
                negotiate(header, &tags, &RULES),
                ranked(header, &tags),
                "{header}"
            );
        }
        // Reading stops after a range that settles the answer, and not before.
        for (header, settled, kept) in [
            ("en-GB, ja, he", true, 1),
            ("en-gb;q=0.5, ja, he", false, 3),
            ("xx, en-GB, ja", true, 1),
            // A close fit of the first range, with nothing after it that may refuse a tag.
            ("en-AU, en-GB", true, 1),
            ("en-AU, ja;q=0.5, he;q=0.001", true, 1),
            ("en-AU, en-GB;q=0", false, 2),
            ("en-AU, ja;q = 0.000", false, 2),
            ("en-AU, ja;x=0, he", true, 1),
            ("en-AU;q=0.9, ja;q=0.5, en-GB;q=0.9", true, 1),
            ("ja;q=0.5, zz, en-GB;q=0.51", false, 2),
            ("en-AU;q=0.9, en-GB", false, 2),
            ("nn, en", false, 2),
        ] {
            let mut ranges = accept::Ranges::new();
            let answer = accept::parse_for_table(header.as_bytes(), &tags, &RULES, &mut ranges);
            assert_eq!(answer.is_some(), settled, "{header}");
            assert_eq!(ranges.len(), kept, "{header}");
            if let Some(answer) = answer {
                assert_eq!(answer, ranked(header, &tags), "{header}");
            }
        }
    }

    #[test]
    fn the_language_keys_the_macro_writes_change_no_answer() {
        let tags: Vec<&str> = world::Locale::ALL.iter().map(|l| l.tag()).collect();
        assert!(!RULES.language_keys.is_empty());
        let unkeyed = Rules {
            language_keys: &[],
            ..RULES
        };
        // Languages of the table, their aliases, languages CLDR relates to them, languages it
        // cannot reach, and ranges read by more than their language subtag.
        let headers = [
            "de-de,de;q=0.8,en-us;q=0.5,en;q=0.3",
            "ja,en-US;q=0.7,en;q=0.3",
            "af-za,af;q=0.8,en-za;q=0.7,en-gb;q=0.5",
            "szl,pl-PL;q=0.8,pl;q=0.6,de;q=0.4,en;q=0.2",
            "ach, zu;q=0.5",
            "iw-IL, tl, mo, sh",
            "i-klingon, i-default;q=0.5",
            "und-FR, und-Hant;q=0.5, und",
            "x-bork, en-XA",
            "zh-guoyu, cmn;q=0.5",
            "xx, yy;q=0.5, ZH-tw;q=0.1",
            "abcdefgh, en;q=0",
            "abcdefghi;q=0.5, fr",
            "ja;q=abc, de-CH-1996;q=0.5",
            "de\u{e9}, fr",
            "gsw;q=0.9, nn ;q=0.8, *;q=0.1",
            "zz, *;q=0",
            "FR-fr, fr;q=0.9, Fr-CA;q=0.8, ja;q=0.1",
            "sh-RS, SH;q=0.5, nn, NN-no;q=0.5, nn;q=0",
        ];
        for header in headers {
            assert_eq!(
                negotiate(header, &tags, &RULES),
                negotiate(header, &tags, &unkeyed),
                "{header}"
            );
        }
        // A language the table cannot reach leaves the ranges; one it can stays.
        for (header, kept) in [
            ("xx-YY, ja;q=0.5", 1),
            ("i-klingon, und-FR", 2),
            ("iw, zz", 1),
            ("xx-YY, xx, XX-zz;q=0.5, ja;q=0.5", 1),
            ("iw-IL;q=0.5, IW;q=0.9", 2),
        ] {
            let mut ranges = accept::Ranges::new();
            accept::parse_for_table(header.as_bytes(), &tags, &RULES, &mut ranges);
            assert_eq!(ranges.len(), kept, "{header}");
        }
    }

    #[test]
    fn bytes_that_are_not_utf8_drop_their_element_alone() {
        let supported = ["en", "zh-CN", "ja"];
        let best = |header: &[u8]| supported[negotiate_bytes(header, &supported, &RULES)];
        // Before, the header was cut at the bad byte: `zh-CN` was served, though refused.
        assert_eq!(best(b"zh-CN\xff;q=0, ja"), "ja");
        assert_eq!(best(b"ja;q=0.1, zh-CN\xff, \xc3"), "ja");
        assert_eq!(best(b"\xff\xfe\xfd, zh-CN;q=0.5"), "zh-CN");
        // Even in a parameter the negotiation does not read.
        assert_eq!(best(b"ja;level=\xff, zh"), "zh-CN");
        assert_eq!(best(b"\xff"), "en");
    }

    #[test]
    fn hostile_headers_degrade_to_the_default() {
        let long_commas = ",".repeat(10_000);
        let long_range = "a".repeat(10_000);
        let long_list = "xx-YY;q=0.1, ".repeat(800);
        let hostile = [
            "",
            " ",
            ",,,,",
            ";;;",
            "q=abc",
            ";q=1",
            "=",
            "en;q=abc",
            "*;q=abc",
            "-",
            "--,__",
            "中文, 日本語;q=0.9",
            "zh-\u{202E}CN",
            "en\0",
            "\u{FEFF}en",
            long_commas.as_str(),
            long_range.as_str(),
            long_list.as_str(),
        ];
        for header in hostile {
            assert_eq!(
                negotiate(header, &EN_ZH, &RULES),
                0,
                "{:?}",
                &header[..header.len().min(20)]
            );
        }
        // Empty elements cost bytes, not ranges: a range after a thousand commas is read.
        assert_eq!(best(&format!("{}ja", ",".repeat(1000)), &CHINESE), "ja");
    }

    #[test]
    fn headers_are_read_within_a_fixed_bound() {
        // Past the first MAX_RANGES elements, nothing more is read.
        let filler = "fr;q=0.9, ".repeat(MAX_RANGES - 1);
        assert_eq!(best(&format!("{filler}zh-CN;q=0.5"), &EN_ZH), "zh-CN");
        assert_eq!(best(&format!("{filler}de, zh-CN;q=0.5"), &EN_ZH), "en");
        // Malformed elements count as read too: garbage cannot make the parser work longer.
        let garbage = "q=abc, ".repeat(MAX_RANGES);
        assert_eq!(best(&format!("{garbage}zh-CN"), &EN_ZH), "en");
        // Past MAX_HEADER_BYTES, nothing more is read, whatever the header's size.
        let padding = " ".repeat(MAX_HEADER_BYTES);
        assert_eq!(best(&format!("{padding}, zh-CN"), &EN_ZH), "en");
        let huge = format!("zh-CN;q=0.5, {}", ",".repeat(1 << 20));
        let mut ranges = accept::Ranges::new();
        accept::parse(huge.as_bytes(), &RULES, &mut ranges);
        assert_eq!((ranges.len(), ranges.read), (1, MAX_HEADER_BYTES));
        assert_eq!(best(&huge, &EN_ZH), "zh-CN");
        let many = "xx-YY;q=0.1,".repeat(100_000);
        let mut ranges = accept::Ranges::new();
        accept::parse(many.as_bytes(), &RULES, &mut ranges);
        assert_eq!(ranges.len(), MAX_RANGES);
        assert!(ranges.read < 32 * 13, "read {} bytes", ranges.read);
        // A cut in the middle of a multi-byte character makes that element malformed only.
        let cut = format!("ja, {}é", "a".repeat(MAX_HEADER_BYTES - 5));
        let mut ranges = accept::Ranges::new();
        accept::parse(cut.as_bytes(), &RULES, &mut ranges);
        assert_eq!((ranges.len(), ranges.read), (1, MAX_HEADER_BYTES));
    }

    #[test]
    fn real_browser_headers() {
        let cases = [
            // Chrome
            ("zh-TW,zh;q=0.9,en-US;q=0.8,en;q=0.7", "zh-TW"),
            ("zh-CN,zh;q=0.9,en;q=0.8", "zh-CN"),
            ("en-GB,en-US;q=0.9,en;q=0.8", "en"),
            ("ja,en-US;q=0.9,en;q=0.8", "ja"),
            // Firefox
            ("zh-TW,zh;q=0.8,en-US;q=0.5,en;q=0.3", "zh-TW"),
            (
                "zh-CN,zh;q=0.8,zh-TW;q=0.7,zh-HK;q=0.5,en-US;q=0.3,en;q=0.2",
                "zh-CN",
            ),
            ("en-GB,en;q=0.5", "en"),
            ("ja,en-US;q=0.7,en;q=0.3", "ja"),
            // Safari
            ("zh-TW", "zh-TW"),
            ("zh-HK", "zh-HK"),
            ("zh-CN", "zh-CN"),
            ("en-GB", "en"),
            ("ja-JP", "ja"),
        ];
        for (header, expected) in cases {
            assert_eq!(best(header, &CHINESE), expected, "{header}");
        }
        // Against a table holding only English and Simplified Chinese.
        let cases = [
            ("zh-TW,zh;q=0.9,en-US;q=0.8,en;q=0.7", "zh-CN"), // `zh` itself is Simplified
            ("zh-TW,en-US;q=0.8,en;q=0.7", "en"),
            ("zh-TW", "zh-CN"),
            ("ja,en-US;q=0.9,en;q=0.8", "en"),
            ("ja-JP", "en"),
        ];
        for (header, expected) in cases {
            assert_eq!(best(header, &EN_ZH), expected, "{header}");
        }
    }

    #[test]
    fn without_rules_tags_match_as_written() {
        let none = |header| negotiate(header, &["en", "zh-CN", "zh-TW"], &Rules::NONE);
        assert_eq!(none("en-GB"), 0);
        assert_eq!(none("zh-TW"), 2);
        // No likely subtags: `zh` has no script to tell Simplified from Traditional.
        assert_eq!(none("zh"), 1);
        assert_eq!(lookup("fr", &["en"], &Rules::NONE), None);
    }

    #[test]
    fn posix_values_lose_codeset_and_modifier() {
        assert_eq!(posix_language("zh_TW.UTF-8@stroke"), "zh_TW");
        assert_eq!(posix_language("zh_CN.GB18030"), "zh_CN");
        assert_eq!(posix_language("sr_RS@latin"), "sr_RS");
        assert_eq!(posix_language("C.UTF-8"), "C");
        assert_eq!(posix_language(""), "");
        assert!(is_posix_default("C") && is_posix_default("POSIX"));
        assert!(!is_posix_default("c") && !is_posix_default("en"));
    }

    #[test]
    fn environment_follows_gettext_order() {
        let env = |language, lc_all, lc_messages, lang| {
            CHINESE[from_env_values(language, lc_all, lc_messages, lang, &CHINESE, &RULES)]
        };
        assert_eq!(env("", "", "", ""), "en");
        assert_eq!(env("", "", "", "ja_JP.UTF-8"), "ja");
        assert_eq!(env("", "", "zh_TW.UTF-8", "ja_JP.UTF-8"), "zh-TW");
        assert_eq!(env("", "zh_HK.Big5HKSCS", "zh_TW", "ja_JP"), "zh-HK");
        assert_eq!(env("zh_CN:ja", "zh_HK", "", ""), "zh-CN");
        // Empty values and entries are skipped.
        assert_eq!(env(":::", "", "", "ja_JP"), "ja");
        assert_eq!(env("::fr:zh_TW:", "", "", "ja_JP"), "zh-TW");
        // Entries that fit nothing fall through to the locale.
        assert_eq!(env("fr:de", "", "", "ja_JP.UTF-8"), "ja");
        // `C` and `POSIX` as the locale: the default, `LANGUAGE` ignored.
        assert_eq!(env("ja", "C", "zh_CN", "zh_CN"), "en");
        assert_eq!(env("ja", "", "POSIX", "zh_CN"), "en");
        assert_eq!(env("ja", "", "", "C.UTF-8"), "en");
        // `C` in `LANGUAGE`: the default from there on.
        assert_eq!(env("fr:C:ja", "", "", "ja_JP"), "en");
        assert_eq!(env("ja:C", "", "", "zh_CN"), "ja");
        // Malformed values are ignored, never fatal.
        assert_eq!(env("??:中文", "", "", "zh_TW.UTF-8"), "zh-TW");
        assert_eq!(env("", "", "", "de_DE"), "en");
    }

    #[test]
    fn environment_applies_the_chinese_rules() {
        let env = |language, lang| EN_ZH[from_env_values(language, "", "", lang, &EN_ZH, &RULES)];
        assert_eq!(env("", "zh_TW.UTF-8"), "zh-CN");
        assert_eq!(env("zh_TW", "en_US.UTF-8"), "en");
        assert_eq!(env("", "zh_SG.UTF-8"), "zh-CN");
        assert_eq!(env("", "en_GB.UTF-8"), "en");
    }

    #[test]
    fn the_systems_preferred_languages_are_matched_in_order() {
        let os = |languages: &[&'static str]| {
            CHINESE[preferred_languages(languages.iter().copied(), &CHINESE, &RULES)]
        };
        // Windows and macOS give BCP 47 tags, best first.
        assert_eq!(os(&["zh-Hant-TW", "en-US"]), "zh-TW");
        assert_eq!(os(&["fr-FR", "ja-JP", "en-US"]), "ja");
        assert_eq!(os(&["zh-Hans-CN"]), "zh-CN");
        assert_eq!(os(&["fr-FR", "de-DE"]), "en");
        assert_eq!(os(&[]), "en");
        // A Traditional reader who also reads English gets English before Simplified.
        assert_eq!(os(&["zh-Hant-MO", "en-GB"]), "zh-HK");
        assert_eq!(os(&["zh-Hant-TW", "en-GB"][..1]), "zh-TW");
        let many: Vec<&str> = std::iter::repeat_n("fr", MAX_RANGES)
            .chain(["ja"])
            .collect();
        assert_eq!(os(&many), "en");
    }

    #[test]
    fn localized_pads_like_a_str() {
        let text = Localized::new("abc");
        assert_eq!(format!("{text}"), "abc");
        assert_eq!(format!("[{text:>5}]"), "[  abc]");
        assert_eq!(format!("[{text:-^7}]"), "[--abc--]");
        assert_eq!(format!("[{text:.2}]"), "[ab]");
        assert_eq!(text.as_str(), "abc");
    }
}
