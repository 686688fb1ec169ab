//! Matching language ranges against a table's tags: CLDR's language distance (likely subtags,
//! aliases, script and region distances), ranked by the ranges' weights and order first.

use core::cmp::{Ordering, Reverse};

use super::data::{Rules, Subtags};

/// A weight of 1 in thousandths, as `q` values have at most three decimals.
pub(crate) const FULL_WEIGHT: u16 = 1000;

/// Below this distance a fit is close: another region, or a language or script CLDR counts as
/// nearly the same (`no`/`nb` 1, `sr-Latn`/`sr-Cyrl` 5).
const CLOSE: u8 = 10;
/// CLDR's default script distance, which ICU's `LocaleMatcher` uses as its threshold: from here
/// on nothing fits.
const THRESHOLD: u8 = 50;
/// CLDR's distance between two regions of a language when no row says otherwise (`*_*_*`).
const DEFAULT_REGION_DISTANCE: u8 = 4;

/// How a range fits a tag, from worst to best: the module documentation's rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Tier {
    /// `*`.
    Any,
    /// Chinese in the other script (`zh-TW` → `zh-CN`).
    LastResort,
    /// A related language or script, CLDR distance 10 to 49 (`nn` → `nb`, `gsw` → `de`).
    Related,
    /// The same language and script, or nearly (distance below 10).
    Close,
}

/// How one range fits one tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Fit {
    pub(crate) tier: Tier,
    pub(crate) distance: u8,
    /// The range is the tag, ignoring case and `_`.
    pub(crate) exact: bool,
}

impl Fit {
    /// Orders fits of different ranges to one tag: better tier, then smaller distance, then exact.
    fn quality(&self) -> (Tier, Reverse<u8>, bool) {
        (self.tier, Reverse(self.distance), self.exact)
    }
}

/// The subtags matching looks at. Borrowed from the input: parsing allocates nothing.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Parts<'a> {
    pub(crate) text: &'a str,
    pub(crate) language: &'a str,
    pub(crate) script: Option<&'a str>,
    pub(crate) region: Option<&'a str>,
    /// Variants and extensions, as written (`1996`, `u-co-pinyin`), or `""`.
    pub(crate) rest: &'a str,
}

impl<'a> Parts<'a> {
    /// Parses `language[-Script][-REGION][-rest]` with `-` or `_`. Every subtag must be 1 to 8
    /// ASCII letters or digits, the first letters only; anything else is `None`.
    pub(crate) fn parse(text: &'a str) -> Option<Parts<'a>> {
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

    /// The language, script and region with CLDR's aliases and likely subtags applied:
    /// `iw-IL` → `he-Hebr-IL`, `zh-TW` → `zh-Hant-TW`, `sr` → `sr-Cyrl-RS`.
    pub(crate) fn maximize(&self, rules: &Rules<'a>) -> Subtags<'a> {
        let mut language = self.language;
        let mut script = self.script.unwrap_or("");
        let region = self.region.unwrap_or("");
        if let Ok(found) = rules
            .aliases
            .binary_search_by(|(alias, _, _)| compare_folded(alias, language))
        {
            let (_, replacement, implied) = rules.aliases[found];
            language = replacement;
            if script.is_empty() {
                script = implied;
            }
        }
        let mut subtags = Subtags {
            language,
            script,
            region,
        };
        if !script.is_empty() && !region.is_empty() {
            return subtags;
        }
        // CLDR's lookup order: language-script-region, language-region, language-script,
        // language; the first row found fills what is missing.
        for key in [(script, region), ("", region), (script, ""), ("", "")] {
            let found = rules.likely.binary_search_by(|((l, s, r), _)| {
                compare_folded(l, language)
                    .then_with(|| compare_folded(s, key.0))
                    .then_with(|| compare_folded(r, key.1))
            });
            if let Ok(found) = found {
                let (likely_script, likely_region) = rules.likely[found].1;
                if subtags.script.is_empty() {
                    subtags.script = likely_script;
                }
                if subtags.region.is_empty() {
                    subtags.region = likely_region;
                }
                break;
            }
        }
        subtags
    }
}

/// Compares ASCII case-insensitively, as the sorted rows (lower case) are searched.
fn compare_folded(row: &str, text: &str) -> Ordering {
    row.bytes()
        .map(|byte| byte.to_ascii_lowercase())
        .cmp(text.bytes().map(|byte| byte.to_ascii_lowercase()))
}

/// Two tags are the same ignoring ASCII case, with `_` read as `-`.
pub(crate) fn same_subtags(a: &str, b: &str) -> bool {
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

/// CLDR's distance from a desired locale to a supported one, both maximized, with the tier it
/// falls in; `None` when they are too far apart.
pub(crate) fn distance(
    desired: &Subtags<'_>,
    supported: &Subtags<'_>,
    rules: &Rules<'_>,
) -> Option<Fit> {
    let fit = |tier, distance| {
        Some(Fit {
            tier,
            distance,
            exact: false,
        })
    };
    if !desired.language.eq_ignore_ascii_case(supported.language) {
        // Between languages only the language row counts: CLDR writes these rows for a
        // reader's second language, whatever its script or region.
        let &(_, _, distance) = rules.languages.iter().find(|(d, s, _)| {
            d.eq_ignore_ascii_case(desired.language) && s.eq_ignore_ascii_case(supported.language)
        })?;
        return match distance {
            0..CLOSE => fit(Tier::Close, distance),
            CLOSE..THRESHOLD => fit(Tier::Related, distance),
            _ => None,
        };
    }
    let language = desired.language;
    let region = if desired.region.is_empty()
        || supported.region.is_empty()
        || desired.region.eq_ignore_ascii_case(supported.region)
    {
        0
    } else {
        region_distance(
            language,
            supported.script,
            desired.region,
            supported.region,
            rules,
        )
    };
    let script = if desired.script.is_empty()
        || supported.script.is_empty()
        || desired.script.eq_ignore_ascii_case(supported.script)
    {
        0
    } else if let Some(&(_, _, _, distance)) = rules.scripts.iter().find(|(l, d, s, _)| {
        l.eq_ignore_ascii_case(language)
            && d.eq_ignore_ascii_case(desired.script)
            && s.eq_ignore_ascii_case(supported.script)
    }) {
        distance
    } else if is_chinese_script_pair(language, desired.script, supported.script) {
        return fit(Tier::LastResort, THRESHOLD.saturating_add(region));
    } else {
        return None;
    };
    match script.saturating_add(region) {
        total @ 0..CLOSE => fit(Tier::Close, total),
        total @ CLOSE..THRESHOLD => fit(Tier::Related, total),
        _ => None,
    }
}

/// Simplified against Traditional Chinese: far in CLDR, kept as a last resort here.
fn is_chinese_script_pair(language: &str, desired: &str, supported: &str) -> bool {
    let chinese =
        |script: &str| script.eq_ignore_ascii_case("Hans") || script.eq_ignore_ascii_case("Hant");
    language.eq_ignore_ascii_case("zh") && chinese(desired) && chinese(supported)
}

/// The first CLDR region row that applies to two different regions of `language`.
fn region_distance(
    language: &str,
    script: &str,
    desired: &str,
    supported: &str,
    rules: &Rules<'_>,
) -> u8 {
    rules
        .regions
        .iter()
        .find(|row| {
            (row.language == "*" || row.language.eq_ignore_ascii_case(language))
                && (row.script == "*" || row.script.eq_ignore_ascii_case(script))
                && ((row.desired.contains(desired) && row.supported.contains(supported))
                    || (!row.oneway
                        && row.desired.contains(supported)
                        && row.supported.contains(desired)))
        })
        .map_or(DEFAULT_REGION_DISTANCE, |row| row.distance)
}

/// Whether `tag` is an ancestor of the range: a truncation of it (`en` for `en-GB`) or a
/// CLDR parent locale up the chain (`es-419` for `es-MX`, `en-001` for `en-AU`).
pub(crate) fn is_ancestor(
    range: &Parts<'_>,
    maximized: &Subtags<'_>,
    tag: &str,
    rules: &Rules<'_>,
) -> bool {
    let text = range.text;
    if text.len() > tag.len()
        && matches!(text.as_bytes()[tag.len()], b'-' | b'_')
        && same_subtags(&text[..tag.len()], tag)
    {
        return true;
    }
    let is_child = |child: &str| {
        Parts::parse(child).is_some_and(|child| {
            child.language.eq_ignore_ascii_case(maximized.language)
                && child.rest.is_empty()
                && child
                    .region
                    .is_some_and(|region| region.eq_ignore_ascii_case(maximized.region))
                && child
                    .script
                    .is_none_or(|script| script.eq_ignore_ascii_case(maximized.script))
        })
    };
    let Some(mut parent) = rules
        .parents
        .iter()
        .find(|(child, _)| is_child(child))
        .map(|&(_, parent)| parent)
    else {
        return false;
    };
    // CLDR's chains are short (en-AT → en-150 → en-001); the bound guards a bad table.
    for _ in 0..8 {
        if same_subtags(parent, tag) {
            return true;
        }
        match rules
            .parents
            .iter()
            .find(|(child, _)| same_subtags(child, parent))
        {
            Some(&(_, next)) => parent = next,
            None => return false,
        }
    }
    false
}

/// One language range of a list, with its weight in thousandths.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Range<'a> {
    pub(crate) kind: RangeKind<'a>,
    pub(crate) weight: u16,
}

#[derive(Clone, Copy, Debug)]
pub(crate) enum RangeKind<'a> {
    /// A tag, as written and maximized.
    Tag(Parts<'a>, Subtags<'a>),
    /// `*`: any locale.
    Any,
    /// POSIX `C`: the untranslated, default locale.
    Default,
}

impl<'a> Range<'a> {
    /// A range for a tag, maximized once here so that every table tag reuses it.
    pub(crate) fn tag(parts: Parts<'a>, weight: u16, rules: &Rules<'a>) -> Range<'a> {
        Range {
            kind: RangeKind::Tag(parts, parts.maximize(rules)),
            weight,
        }
    }

    fn fit(
        &self,
        index: usize,
        tag: &Parts<'_>,
        supported: &Subtags<'_>,
        rules: &Rules<'_>,
    ) -> Option<Fit> {
        match &self.kind {
            RangeKind::Tag(range, _) if same_subtags(range.text, tag.text) => Some(Fit {
                tier: Tier::Close,
                distance: 0,
                exact: true,
            }),
            RangeKind::Tag(_, desired) => distance(desired, supported, rules),
            RangeKind::Any => Some(Fit {
                tier: Tier::Any,
                distance: 0,
                exact: false,
            }),
            RangeKind::Default => (index == 0).then_some(Fit {
                tier: Tier::Close,
                distance: 0,
                exact: true,
            }),
        }
    }
}

/// The order between the ranges fitting one tag, best last.
type RangeKey = (Tier, u16, Reverse<usize>, Reverse<u8>, bool);

/// The order between candidate tags, best last: the module documentation's ranking.
type Key = (
    Tier,
    u16,
    Reverse<usize>,
    Reverse<u8>,
    bool,
    bool,
    bool,
    Reverse<usize>,
);

/// The table tag the ranges ask for most, if any fits with a positive weight. Looks at each
/// (range, tag) pair once: the time is the number of ranges times the number of tags.
pub(crate) fn choose<'a>(
    ranges: impl Iterator<Item = Range<'a>> + Clone,
    tags: &[&str],
    rules: &Rules<'_>,
) -> Option<usize> {
    let mut winner: Option<(Key, usize)> = None;
    for (index, tag) in tags.iter().enumerate() {
        let Some(parts) = Parts::parse(tag) else {
            continue;
        };
        let supported = match rules.supported.get(index) {
            Some(subtags) if rules.supported.len() == tags.len() => *subtags,
            _ => parts.maximize(&Rules {
                supported: &[],
                ..*rules
            }),
        };
        // The range that fits this tag best decides whether it is refused (`q=0`); the best
        // one with a positive weight decides its rank.
        let mut closest: Option<(Fit, u16)> = None;
        let mut ranked: Option<(RangeKey, Range<'a>)> = None;
        for (position, range) in ranges.clone().enumerate() {
            let Some(fit) = range.fit(index, &parts, &supported, rules) else {
                continue;
            };
            // Refusing one script of Chinese says nothing about the other.
            if fit.tier == Tier::LastResort && range.weight == 0 {
                continue;
            }
            if closest.is_none_or(|(best, _)| fit.quality() > best.quality()) {
                closest = Some((fit, range.weight));
            }
            let key = (
                fit.tier,
                range.weight,
                Reverse(position),
                Reverse(fit.distance),
                fit.exact,
            );
            if range.weight > 0 && ranked.is_none_or(|(best, _)| key > best) {
                ranked = Some((key, range));
            }
        }
        let (Some((_, weight)), Some(((tier, weight_rank, position, distance, exact), range))) =
            (closest, ranked)
        else {
            continue;
        };
        if weight == 0 {
            continue;
        }
        let ancestor = match &range.kind {
            RangeKind::Tag(range, maximized) => is_ancestor(range, maximized, tag, rules),
            _ => false,
        };
        let key = (
            tier,
            weight_rank,
            position,
            distance,
            exact,
            ancestor,
            parts.region.is_none(),
            Reverse(index),
        );
        if winner.is_none_or(|(best, _)| key > best) {
            winner = Some((key, index));
        }
    }
    winner.map(|(_, index)| index)
}
