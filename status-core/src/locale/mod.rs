//! Choosing a locale at run time: an HTTP `Accept-Language` header or the POSIX environment,
//! matched against the tags of a table.
//!
//! The generated `Locale::negotiate` and `Locale::from_env` call these functions with the table's
//! tags; they work on any list of BCP 47 tags, default first. Nothing here allocates, locks or
//! panics, and any input, however malformed, gives an answer: at worst the default (index `0`).
//!
//! # How a language range finds a locale
//!
//! A range (`en-GB`, `zh-Hant-TW`, `*`) is compared with each supported tag, ignoring ASCII case
//! and reading `_` as `-`:
//!
//! 1. The same tag, exactly, fits best.
//! 2. Otherwise the language must be the same and the scripts must agree. Chinese tags always
//!    have a script: written (`zh-Hans`, `zh-Hant`) or implied by the region, Traditional (`Hant`)
//!    for `TW`, `HK` and `MO` and Simplified (`Hans`) for everything else, `zh` alone included.
//!    So `zh`, `zh-Hans-*`, `zh-SG` find `zh-CN`, and `zh-TW`, `zh-HK`, `zh-MO`, `zh-Hant-*`
//!    find only Traditional tags. Among tags that agree, the one with the range's region fits
//!    best (for `zh-MO`, `zh-HK` next, as CLDR's parent locale), then a tag without a region as
//!    RFC 4647 lookup would find it (`en-GB` → `en`), then any other region (`en` → `en-US`).
//! 3. Chinese in the other script (`zh-TW` → `zh-CN`) is a last resort: it counts only when no
//!    range of the list fits any supported tag by rule 1 or 2. A reader of Traditional Chinese
//!    who names English, at any weight, gets English; one who names only Traditional Chinese,
//!    when the table has only Simplified, gets Simplified rather than the default, as CLDR's
//!    language matching does.
//! 4. `*` fits every tag, least of all, and only when nothing else has fitted by rules 1 to 3.
//!
//! Each supported tag takes the weight (`q`) of the range that fits it best, so `en;q=0` rules
//! out `en` even when `*` is present. Among tags with a positive weight the best rule wins, then
//! the higher weight, then the range named first, then the closer fit, then table order. When
//! nothing fits, or every fit has weight `0`, the answer is the default.

/// A weight of 1 in thousandths, as `q` values have at most three decimals.
const FULL_WEIGHT: u16 = 1000;

/// How well a range fits a tag; higher is better. [`same_script_rank`] gives 10 and up.
const RANK_ANY: u16 = 1;
const RANK_CROSS_SCRIPT: u16 = 2;
const RANK_SAME_SCRIPT: u16 = 10;
const RANK_EXACT: u16 = 1000;

/// Picks the locale an `Accept-Language` header (RFC 9110, section 12.5.4) asks for.
///
/// `supported` holds the table's tags, the default first; the result is an index into it, `0`
/// when nothing fits. Ranges that are not well formed, and weights that are not RFC 9110
/// `qvalue`s (`q=abc`, `q=2`, `q=.5`), drop just their own list element. The rules are in the
/// [module documentation](self).
///
/// ```
/// use status_core::locale::negotiate;
///
/// let supported = ["en", "zh-CN", "zh-TW", "ja"];
/// assert_eq!(negotiate("zh-TW,zh;q=0.9,en-US;q=0.8,en;q=0.7", &supported), 2);
/// assert_eq!(negotiate("zh-Hans-CN, zh;q=0.9", &supported), 1);
/// assert_eq!(negotiate("ja-JP,ja;q=0.9", &supported), 3);
/// assert_eq!(negotiate("en-GB", &supported), 0);
/// assert_eq!(negotiate("fr-FR, de;q=0.5", &supported), 0);
/// assert_eq!(negotiate("q=abc,,;;", &supported), 0);
/// ```
pub fn negotiate(accept_language: &str, supported: &[&str]) -> usize {
    // Matching walks the ranges several times per supported tag; parsing a real header once
    // onto the stack makes those walks cheap. A longer list is re-parsed on each walk instead,
    // still without allocating.
    const ON_STACK: usize = 16;
    let mut parsed = [None; ON_STACK];
    let mut count = 0;
    for range in (AcceptLanguage {
        rest: accept_language,
    }) {
        let Some(slot) = parsed.get_mut(count) else {
            let all = AcceptLanguage {
                rest: accept_language,
            };
            return best(all, supported);
        };
        *slot = Some(range);
        count += 1;
    }
    best(parsed[..count].iter().flatten().copied(), supported)
}

/// Picks the locale a single language range or tag asks for, with the same rules as
/// [`negotiate`]; `None` when nothing fits.
///
/// ```
/// use status_core::locale::lookup;
///
/// let supported = ["en", "zh-CN"];
/// assert_eq!(lookup("en_GB", &supported), Some(0));
/// assert_eq!(lookup("zh-Hans-SG", &supported), Some(1));
/// assert_eq!(lookup("zh-HK", &supported), Some(1)); // only Simplified exists: last resort
/// assert_eq!(lookup("fr", &supported), None);
/// ```
pub fn lookup(range: &str, supported: &[&str]) -> Option<usize> {
    let ranges = Parts::parse(range).map(|parts| Range {
        kind: RangeKind::Tag(parts),
        weight: FULL_WEIGHT,
    });
    choose(ranges.into_iter(), supported)
}

/// Picks the locale the POSIX environment asks for, reading `LANGUAGE`, `LC_ALL`,
/// `LC_MESSAGES` and `LANG`; see [`from_env_values`] for the rules.
///
/// Reading a variable copies it, so unlike the other functions here this one allocates; call it
/// once at start-up and keep the answer (the generated `Locale::set_current` is made for that).
/// A value that is not UTF-8 counts as unset.
pub fn from_env(supported: &[&str]) -> usize {
    let read = |name: &str| std::env::var_os(name).and_then(|value| value.into_string().ok());
    let (language, lc_all, lc_messages, lang) = (
        read("LANGUAGE"),
        read("LC_ALL"),
        read("LC_MESSAGES"),
        read("LANG"),
    );
    from_env_values(
        language.as_deref().unwrap_or(""),
        lc_all.as_deref().unwrap_or(""),
        lc_messages.as_deref().unwrap_or(""),
        lang.as_deref().unwrap_or(""),
        supported,
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
///   the default and ends the list.
/// - Each value is read with [`posix_language`] (`zh_TW.UTF-8@stroke` → `zh_TW`) and matched as
///   one range of an `Accept-Language` list with equal weights, so an earlier entry wins and a
///   Traditional Chinese entry reaches Simplified Chinese only if no entry fits otherwise.
///
/// ```
/// use status_core::locale::from_env_values;
///
/// let supported = ["en", "zh-CN", "ja"];
/// assert_eq!(from_env_values("", "", "", "ja_JP.UTF-8", &supported), 2);
/// assert_eq!(from_env_values("fr:zh_CN", "", "", "ja_JP.UTF-8", &supported), 1);
/// assert_eq!(from_env_values("zh_CN", "C.UTF-8", "", "ja_JP.UTF-8", &supported), 0);
/// assert_eq!(from_env_values("", "", "", "POSIX", &supported), 0);
/// ```
pub fn from_env_values(
    language: &str,
    lc_all: &str,
    lc_messages: &str,
    lang: &str,
    supported: &[&str],
) -> usize {
    let locale = [lc_all, lc_messages, lang]
        .into_iter()
        .find(|value| !value.is_empty())
        .map(posix_language);
    if locale.is_some_and(is_posix_default) {
        return 0;
    }
    best(
        PosixRanges {
            language: Some(language.split(':')),
            locale,
        },
        supported,
    )
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

/// The subtags matching looks at. Borrowed from the input: parsing allocates nothing.
#[derive(Clone, Copy, Debug)]
struct Parts<'a> {
    text: &'a str,
    language: &'a str,
    script: Option<&'a str>,
    region: Option<&'a str>,
    /// Variants and extensions, as written (`1996`, `u-co-pinyin`), or `""`.
    rest: &'a str,
}

impl<'a> Parts<'a> {
    /// Parses `language[-Script][-REGION][-rest]` with `-` or `_`. Every subtag must be 1 to 8
    /// ASCII letters or digits, the first letters only; anything else is `None`.
    fn parse(text: &'a str) -> Option<Parts<'a>> {
        let well_formed = text.split(['-', '_']).enumerate().all(|(index, subtag)| {
            (1..=8).contains(&subtag.len())
                && subtag
                    .bytes()
                    .all(|byte| byte.is_ascii_alphabetic() || (index > 0 && byte.is_ascii_digit()))
        });
        if !well_formed {
            return None;
        }
        let mut parts = Parts {
            text,
            language: text,
            script: None,
            region: None,
            rest: "",
        };
        let mut offset = 0;
        for (index, subtag) in text.split(['-', '_']).enumerate() {
            let alphabetic = subtag.bytes().all(|byte| byte.is_ascii_alphabetic());
            let numeric = subtag.bytes().all(|byte| byte.is_ascii_digit());
            match index {
                0 => parts.language = subtag,
                1 if subtag.len() == 4 && alphabetic => parts.script = Some(subtag),
                1 | 2
                    if parts.region.is_none()
                        && (index == 1 || parts.script.is_some())
                        && ((subtag.len() == 2 && alphabetic)
                            || (subtag.len() == 3 && numeric)) =>
                {
                    parts.region = Some(subtag)
                }
                _ => {
                    parts.rest = &text[offset..];
                    break;
                }
            }
            offset += subtag.len() + 1;
        }
        Some(parts)
    }

    fn is_chinese(&self) -> bool {
        self.language.eq_ignore_ascii_case("zh")
    }

    /// The written script, or for Chinese the one its region implies.
    fn script(&self) -> Option<&'a str> {
        if self.script.is_some() || !self.is_chinese() {
            return self.script;
        }
        let traditional = self.region.is_some_and(|region| {
            ["TW", "HK", "MO"]
                .iter()
                .any(|t| t.eq_ignore_ascii_case(region))
        });
        Some(if traditional { "Hant" } else { "Hans" })
    }

    /// The region a tag without one most likely means (CLDR likely subtags), where it matters.
    fn likely_region(&self) -> Option<&'static str> {
        if self.region.is_some() || !self.is_chinese() {
            return None;
        }
        match self.script() {
            Some(script) if script.eq_ignore_ascii_case("Hant") => Some("TW"),
            Some(script) if script.eq_ignore_ascii_case("Hans") => Some("CN"),
            _ => None,
        }
    }
}

/// How well `range` fits the supported tag `tag`, if at all.
fn rank(range: &Parts<'_>, tag: &Parts<'_>) -> Option<u16> {
    if same_subtags(range.text, tag.text) {
        return Some(RANK_EXACT);
    }
    if !range.language.eq_ignore_ascii_case(tag.language) {
        return None;
    }
    match (range.script(), tag.script()) {
        (Some(wanted), Some(offered)) if !wanted.eq_ignore_ascii_case(offered) => {
            let chinese_scripts = |script: &str| {
                script.eq_ignore_ascii_case("Hans") || script.eq_ignore_ascii_case("Hant")
            };
            (range.is_chinese() && chinese_scripts(wanted) && chinese_scripts(offered))
                .then_some(RANK_CROSS_SCRIPT)
        }
        _ => Some(same_script_rank(range, tag)),
    }
}

/// Within one language and script: the range's own region, then a region-free tag, then any.
fn same_script_rank(range: &Parts<'_>, tag: &Parts<'_>) -> u16 {
    let region = match (range.region, tag.region) {
        (Some(wanted), Some(offered)) if wanted.eq_ignore_ascii_case(offered) => 4,
        (None, Some(offered))
            if range
                .likely_region()
                .is_some_and(|likely| likely.eq_ignore_ascii_case(offered)) =>
        {
            3
        }
        (_, None) => 2,
        // CLDR's parent of zh-Hant-MO is zh-Hant-HK.
        (Some(wanted), Some(offered))
            if range.is_chinese()
                && wanted.eq_ignore_ascii_case("MO")
                && offered.eq_ignore_ascii_case("HK") =>
        {
            1
        }
        _ => 0,
    };
    let rest = if tag.rest.is_empty() {
        1
    } else if same_subtags(range.rest, tag.rest) {
        2
    } else {
        0
    };
    RANK_SAME_SCRIPT + region * 10 + rest
}

/// Two tags are the same ignoring ASCII case, with `_` read as `-`.
fn same_subtags(a: &str, b: &str) -> bool {
    let fold = |byte: &u8| match byte {
        b'_' => b'-',
        byte => byte.to_ascii_lowercase(),
    };
    a.len() == b.len()
        && a.as_bytes()
            .iter()
            .map(fold)
            .eq(b.as_bytes().iter().map(fold))
}

/// One element of a list of language ranges, with its weight in thousandths.
#[derive(Clone, Copy, Debug)]
struct Range<'a> {
    kind: RangeKind<'a>,
    weight: u16,
}

#[derive(Clone, Copy, Debug)]
enum RangeKind<'a> {
    Tag(Parts<'a>),
    /// `*`: any locale.
    Any,
    /// POSIX `C`: the untranslated, default locale.
    Default,
}

impl Range<'_> {
    fn rank(&self, index: usize, tag: &Parts<'_>) -> Option<u16> {
        match &self.kind {
            RangeKind::Tag(range) => rank(range, tag),
            RangeKind::Any => Some(RANK_ANY),
            RangeKind::Default => (index == 0).then_some(RANK_EXACT),
        }
    }
}

/// Which rule of the module documentation a rank belongs to: same script, other script, `*`.
fn tier(rank: u16) -> u16 {
    rank.min(RANK_SAME_SCRIPT)
}

fn best<'a>(ranges: impl Iterator<Item = Range<'a>> + Clone, supported: &[&str]) -> usize {
    choose(ranges, supported).unwrap_or(0)
}

/// The supported tag the ranges ask for most. Walks the list twice per supported tag, so the
/// time is linear in the length of the list and nothing needs storing.
fn choose<'a>(
    ranges: impl Iterator<Item = Range<'a>> + Clone,
    supported: &[&str],
) -> Option<usize> {
    type Key = (u16, u16, core::cmp::Reverse<usize>, u16);
    let mut winner: Option<(Key, usize)> = None;
    for (index, tag) in supported.iter().enumerate() {
        let Some(tag) = Parts::parse(tag) else {
            continue;
        };
        // The range that fits this tag best gives it its weight; the first one on ties.
        let mut fit: Option<(u16, u16)> = None;
        for range in ranges.clone() {
            match range.rank(index, &tag) {
                // Refusing one script of Chinese says nothing about the other.
                Some(RANK_CROSS_SCRIPT) if range.weight == 0 => {}
                Some(rank) if fit.is_none_or(|(best, _)| rank > best) => {
                    fit = Some((rank, range.weight));
                }
                _ => {}
            }
        }
        let Some((rank, weight)) = fit else {
            continue;
        };
        if weight == 0 {
            continue;
        }
        // Between tags, the first range giving this weight in this tier decides the order.
        let first = ranges.clone().enumerate().find_map(|(position, range)| {
            let first_rank = range.rank(index, &tag)?;
            (tier(first_rank) == tier(rank) && range.weight == weight)
                .then_some((position, first_rank))
        });
        let Some((position, first_rank)) = first else {
            continue;
        };
        let key = (tier(rank), weight, core::cmp::Reverse(position), first_rank);
        if winner.is_none_or(|(best, _)| key > best) {
            winner = Some((key, index));
        }
    }
    winner.map(|(_, index)| index)
}

/// The elements of an `Accept-Language` header that are well formed, in order.
#[derive(Clone, Debug)]
struct AcceptLanguage<'a> {
    rest: &'a str,
}

impl<'a> Iterator for AcceptLanguage<'a> {
    type Item = Range<'a>;

    fn next(&mut self) -> Option<Range<'a>> {
        while !self.rest.is_empty() {
            let (element, rest) = self.rest.split_once(',').unwrap_or((self.rest, ""));
            self.rest = rest;
            if let Some(range) = accept_element(element) {
                return Some(range);
            }
        }
        None
    }
}

/// `range *( OWS ";" OWS parameter )`; `None` if the range or its weight is malformed.
fn accept_element(element: &str) -> Option<Range<'_>> {
    let mut parameters = element.split(';');
    let range = trim_whitespace(parameters.next()?);
    let kind = if range == "*" {
        RangeKind::Any
    } else {
        RangeKind::Tag(Parts::parse(range)?)
    };
    let mut weight = FULL_WEIGHT;
    for parameter in parameters {
        let (name, value) = parameter.split_once('=')?;
        let name = trim_whitespace(name);
        if name.is_empty() || !name.bytes().all(|byte| byte.is_ascii_graphic()) {
            return None;
        }
        if name.eq_ignore_ascii_case("q") {
            weight = qvalue(trim_whitespace(value))?;
        }
    }
    Some(Range { kind, weight })
}

/// RFC 9110 `qvalue` in thousandths: `0`, `0.5`, `0.125`, `1`, `1.000`.
fn qvalue(text: &str) -> Option<u16> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    let thousandths = fraction
        .bytes()
        .zip([100, 10, 1])
        .map(|(digit, scale)| u16::from(digit - b'0') * scale)
        .sum::<u16>();
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(FULL_WEIGHT),
        _ => None,
    }
}

/// HTTP's optional whitespace: spaces and tabs.
fn trim_whitespace(text: &str) -> &str {
    text.trim_matches([' ', '\t'])
}

/// `LANGUAGE`'s entries, then the locale, as ranges of equal weight.
#[derive(Clone, Debug)]
struct PosixRanges<'a> {
    language: Option<core::str::Split<'a, char>>,
    locale: Option<&'a str>,
}

impl<'a> Iterator for PosixRanges<'a> {
    type Item = Range<'a>;

    fn next(&mut self) -> Option<Range<'a>> {
        let full = |kind| Range {
            kind,
            weight: FULL_WEIGHT,
        };
        while let Some(entries) = &mut self.language {
            let Some(entry) = entries.next() else {
                self.language = None;
                break;
            };
            let entry = posix_language(entry);
            if is_posix_default(entry) {
                // Untranslated output from here on: nothing after it is read.
                self.language = None;
                self.locale = None;
                return Some(full(RangeKind::Default));
            }
            if let Some(parts) = Parts::parse(entry) {
                return Some(full(RangeKind::Tag(parts)));
            }
        }
        let locale = self.locale.take()?;
        Parts::parse(locale).map(|parts| full(RangeKind::Tag(parts)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN_ZH: [&str; 2] = ["en", "zh-CN"];
    const CHINESE: [&str; 5] = ["en", "zh-CN", "zh-TW", "zh-HK", "ja"];

    fn tag(index: usize, supported: &[&'static str]) -> &'static str {
        supported[index]
    }

    #[test]
    fn tags_split_into_subtags() {
        let parts = Parts::parse("zh-Hant-TW").unwrap();
        assert_eq!(
            (parts.language, parts.script, parts.region, parts.rest),
            ("zh", Some("Hant"), Some("TW"), "")
        );
        let parts = Parts::parse("es_419").unwrap();
        assert_eq!((parts.script, parts.region), (None, Some("419")));
        let parts = Parts::parse("de-CH-1996").unwrap();
        assert_eq!((parts.region, parts.rest), (Some("CH"), "1996"));
        let parts = Parts::parse("en-u-ca-gregory").unwrap();
        assert_eq!((parts.region, parts.rest), (None, "u-ca-gregory"));
        for malformed in [
            "",
            "-",
            "en-",
            "-en",
            "zh--CN",
            "zh__CN",
            "1en",
            "toolongtag",
            "en-toolongtag",
            "中文",
            "en US",
            "en;",
            "*",
        ] {
            assert!(Parts::parse(malformed).is_none(), "{malformed:?}");
        }
    }

    #[test]
    fn chinese_scripts_follow_the_region() {
        let script = |tag| Parts::parse(tag).unwrap().script();
        for simplified in [
            "zh",
            "zh-CN",
            "zh-SG",
            "zh-MY",
            "ZH-cn",
            "zh-Hans",
            "zh-Hans-TW",
        ] {
            assert_eq!(script(simplified), Some("Hans"), "{simplified}");
        }
        for traditional in ["zh-TW", "zh-HK", "zh-MO", "zh-hk", "zh-Hant", "zh-Hant-CN"] {
            assert!(
                script(traditional).unwrap().eq_ignore_ascii_case("Hant"),
                "{traditional}"
            );
        }
        assert_eq!(script("en-GB"), None);
        assert_eq!(script("sr-Latn"), Some("Latn"));
    }

    #[test]
    fn english_variants_find_english() {
        for range in ["en", "en-GB", "en-US", "EN-us", "en_AU", "en-GB-oxendict"] {
            assert_eq!(lookup(range, &EN_ZH), Some(0), "{range}");
        }
        assert_eq!(lookup("en", &["de", "en-US"]), Some(1));
        assert_eq!(lookup("en-GB", &["de", "en-US", "en"]), Some(2));
        assert_eq!(lookup("en-US", &["de", "en", "en-US"]), Some(2));
        assert_eq!(lookup("fr", &EN_ZH), None);
        assert_eq!(lookup("e", &EN_ZH), None);
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
        ] {
            assert_eq!(lookup(range, &CHINESE), Some(1), "{range}");
        }
        // `zh` prefers the region CLDR gives it over another Simplified tag.
        assert_eq!(lookup("zh", &["en", "zh-SG", "zh-CN"]), Some(2));
        assert_eq!(lookup("zh", &["en", "zh-SG"]), Some(1));
    }

    #[test]
    fn traditional_ranges_find_traditional_tags() {
        assert_eq!(lookup("zh-TW", &CHINESE), Some(2));
        assert_eq!(lookup("zh-Hant", &CHINESE), Some(2));
        assert_eq!(lookup("zh-Hant-TW", &CHINESE), Some(2));
        assert_eq!(lookup("zh-HK", &CHINESE), Some(3));
        assert_eq!(lookup("zh-Hant-HK", &CHINESE), Some(3));
        assert_eq!(lookup("zh-MO", &CHINESE), Some(3));
        assert_eq!(lookup("zh-MO", &["en", "zh-CN", "zh-TW"]), Some(2));
        assert_eq!(lookup("zh-HK", &["en", "zh-CN", "zh-Hant"]), Some(2));
        // Lookup's truncation would take zh-TW to `zh`, which is Simplified.
        assert_eq!(lookup("zh-TW", &["en", "zh", "zh-Hant"]), Some(2));
        assert_eq!(lookup("zh-Hans", &["en", "zh-Hant", "zh"]), Some(2));
    }

    #[test]
    fn other_scripts_never_mix_outside_chinese() {
        assert_eq!(lookup("sr-Latn", &["en", "sr-Cyrl"]), None);
        assert_eq!(lookup("sr-Latn-RS", &["en", "sr-Cyrl", "sr-Latn"]), Some(2));
        assert_eq!(lookup("sr", &["en", "sr-Latn"]), Some(1));
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
            assert_eq!(negotiate(header, &EN_ZH), 1, "{header}");
        }
        // Anything else the reader names comes first, however low its weight.
        assert_eq!(negotiate("zh-TW, en;q=0.1", &EN_ZH), 0);
        assert_eq!(negotiate("zh-TW, ja;q=0.1", &["en", "zh-CN", "ja"]), 2);
        assert_eq!(negotiate("zh-HK, zh-TW;q=0.5", &CHINESE), 3);
        // Refused outright, it is not used either.
        assert_eq!(negotiate("zh-TW, zh-CN;q=0", &EN_ZH), 0);
        assert_eq!(negotiate("zh-TW, zh;q=0", &EN_ZH), 0);
        // The same holds the other way round.
        assert_eq!(negotiate("zh-CN", &["en", "zh-TW"]), 1);
        assert_eq!(negotiate("zh-CN, en-GB;q=0.2", &["en", "zh-TW"]), 0);
    }

    #[test]
    fn weights_order_the_ranges() {
        let supported = ["en", "zh-CN", "ja"];
        assert_eq!(negotiate("fr;q=0.1, ja;q=0.9, en;q=0.5", &supported), 2);
        assert_eq!(negotiate("ja, en", &supported), 2);
        assert_eq!(negotiate("en, ja", &supported), 0);
        assert_eq!(negotiate("en;q=0.5, ja;q=0.5", &supported), 0);
        assert_eq!(negotiate("ja;q=0.001, fr", &supported), 2);
        assert_eq!(negotiate("zh, zh-CN", &["en", "zh-SG", "zh-CN"]), 2);
        // Weights are thousandths: 0.5 and 0.500 are equal, 0.501 is more.
        assert_eq!(negotiate("en;q=0.500, ja;q=0.5", &supported), 0);
        assert_eq!(negotiate("en;q=0.5, ja;q=0.501", &supported), 2);
    }

    #[test]
    fn zero_weight_refuses_and_star_accepts_the_rest() {
        assert_eq!(negotiate("en;q=0, *", &EN_ZH), 1);
        assert_eq!(negotiate("*", &EN_ZH), 0);
        assert_eq!(negotiate("*;q=0.5, zh-CN;q=0.1", &EN_ZH), 1);
        assert_eq!(negotiate("en-GB;q=0, en", &EN_ZH), 0);
        assert_eq!(negotiate("zh;q=0, zh-CN", &EN_ZH), 1);
        // Nothing acceptable: the default, which must be returned anyway.
        assert_eq!(negotiate("en;q=0", &EN_ZH), 0);
        assert_eq!(negotiate("*;q=0", &EN_ZH), 0);
        assert_eq!(negotiate("*;q=0, zh", &EN_ZH), 1);
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
            assert_eq!(qvalue(text), Some(thousandths), "{text}");
        }
        for text in [
            "", "abc", ".5", "0.1234", "1.001", "2", "-0", "+1", "0,5", "0.5 ", "1e0", "0.٥",
        ] {
            assert_eq!(qvalue(text), None, "{text:?}");
        }
    }

    #[test]
    fn whitespace_case_and_parameters() {
        let supported = ["en", "zh-CN", "ja"];
        assert_eq!(negotiate(" \tJA ; Q = 0.9 ,\ten;q=0.8", &supported), 2);
        assert_eq!(negotiate("ZH-cn", &supported), 1);
        // A malformed weight drops its own element only.
        assert_eq!(negotiate("ja;q=abc, zh-CN;q=0.2", &supported), 1);
        assert_eq!(negotiate("ja;q, zh-CN;q=0.2", &supported), 1);
        assert_eq!(negotiate("ja;q=2, zh-CN;q=0.2", &supported), 1);
        assert_eq!(negotiate("ja;=0.5, zh-CN;q=0.2", &supported), 1);
        assert_eq!(negotiate("ja;l é=1, zh-CN;q=0.2", &supported), 1);
        // Other parameters are not RFC 9110's but harm nothing.
        assert_eq!(negotiate("ja;level=1, en;q=0.5", &supported), 2);
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
                negotiate(header, &EN_ZH),
                0,
                "{:?}",
                &header[..header.len().min(20)]
            );
        }
        // A huge list still finds the one range that fits.
        assert_eq!(negotiate(&format!("{long_list}zh;q=0.2"), &EN_ZH), 1);
        assert_eq!(
            negotiate(&format!("{long_commas}ja{long_commas}"), &CHINESE),
            4
        );
    }

    #[test]
    fn long_lists_match_the_same_way_as_short_ones() {
        // More elements than fit on the stack take the re-parsing path; the answer is the same.
        let filler = "fr;q=0.9, de;q=0.9, it;q=0.9, es;q=0.9, ";
        let short = format!("{filler}zh-CN;q=0.5, en;q=0.4");
        let long = format!("{}zh-CN;q=0.5, en;q=0.4", filler.repeat(5));
        assert_eq!(long.split(',').count(), 22);
        assert_eq!(negotiate(&short, &EN_ZH), 1);
        assert_eq!(negotiate(&long, &EN_ZH), 1);
        let long_last_resort = format!("{}zh-TW", filler.repeat(5));
        assert_eq!(negotiate(&long_last_resort, &EN_ZH), 1);
        let long_refusal = format!("{}zh-TW, zh-CN;q=0", filler.repeat(5));
        assert_eq!(negotiate(&long_refusal, &EN_ZH), 0);
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
            assert_eq!(
                tag(negotiate(header, &CHINESE), &CHINESE),
                expected,
                "{header}"
            );
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
            assert_eq!(tag(negotiate(header, &EN_ZH), &EN_ZH), expected, "{header}");
        }
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
            tag(
                from_env_values(language, lc_all, lc_messages, lang, &CHINESE),
                &CHINESE,
            )
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
        let env = |language, lang| tag(from_env_values(language, "", "", lang, &EN_ZH), &EN_ZH);
        assert_eq!(env("", "zh_TW.UTF-8"), "zh-CN");
        assert_eq!(env("zh_TW", "en_US.UTF-8"), "en");
        assert_eq!(env("", "zh_SG.UTF-8"), "zh-CN");
        assert_eq!(env("", "en_GB.UTF-8"), "en");
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
