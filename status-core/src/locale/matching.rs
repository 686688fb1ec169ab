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
        self.maximize_for_table(rules).0
    }

    /// [`Parts::maximize`], and whether the language is one of the table's. Likely subtags only
    /// matter against a tag of the same language, so for other languages they are not looked
    /// up (the table's rows hold none for them anyway).
    pub(crate) fn maximize_for_table(&self, rules: &Rules<'a>) -> (Subtags<'a>, bool) {
        let in_table = |language: &str| {
            rules.supported.is_empty()
                || rules
                    .supported
                    .iter()
                    .any(|tag| tag.language.eq_ignore_ascii_case(language))
        };
        let mut subtags = Subtags {
            language: self.language,
            script: self.script.unwrap_or(""),
            region: self.region.unwrap_or(""),
        };
        // `und-FR` is French, `und-Hant` Chinese; `und` alone stays undetermined, as in ICU.
        if subtags.language.eq_ignore_ascii_case("und") {
            let language = [subtags.region, subtags.script]
                .into_iter()
                .filter(|subtag| !subtag.is_empty())
                .find_map(|subtag| {
                    let found = rules
                        .undetermined
                        .binary_search_by(|(row, _)| compare_folded(row, subtag));
                    found.ok().map(|index| rules.undetermined[index].1)
                });
            if let Some(language) = language {
                subtags.language = language;
            }
        }
        // A legacy tag (`i-klingon`) is an alias as a whole; other aliases are languages.
        let alias = match subtags.language.as_bytes() {
            [b'i' | b'I'] => self.text,
            _ => subtags.language,
        };
        // A table's own language is never an alias: the registry check refuses deprecated tags.
        let mut ours = in_table(subtags.language);
        if !ours {
            let found = rules
                .aliases
                .binary_search_by(|(row, _, _)| compare_folded(row, alias));
            if let Ok(found) = found {
                let (_, replacement, implied) = rules.aliases[found];
                subtags.language = replacement;
                if subtags.script.is_empty() {
                    subtags.script = implied;
                }
                ours = in_table(replacement);
            }
        }
        if ours && (subtags.script.is_empty() || subtags.region.is_empty()) {
            subtags = likely_subtags(subtags, rules);
        }
        (subtags, ours)
    }
}

/// Fills a missing script or region from CLDR's likely subtags. The lookup order is CLDR's:
/// language-script-region, language-region, language-script, language; the first row found
/// fills what is missing. One of script and region is missing here, so two of those keys are
/// moot.
fn likely_subtags<'a>(mut subtags: Subtags<'a>, rules: &Rules<'a>) -> Subtags<'a> {
    let Some(&(_, rows)) = rules
        .likely
        .iter()
        .find(|(language, _)| language.eq_ignore_ascii_case(subtags.language))
    else {
        return subtags;
    };
    let find = |script: &str, region: &str| {
        rows.binary_search_by(|((s, r), _)| {
            compare_folded(s, script).then_with(|| compare_folded(r, region))
        })
        .ok()
        .map(|found| rows[found].1)
    };
    // The language alone sorts first among its rows.
    let Some(&(("", ""), general)) = rows.first() else {
        return subtags;
    };
    let (likely_script, likely_region) = match (subtags.script, subtags.region) {
        ("", "") => general,
        ("", region) => find("", region).unwrap_or(general),
        (script, _) => find(script, "").unwrap_or(general),
    };
    if subtags.script.is_empty() {
        subtags.script = likely_script;
    }
    if subtags.region.is_empty() {
        subtags.region = likely_region;
    }
    subtags
}

/// Compares a row (lower case, `-` between subtags) with text in any case and either
/// separator, as the sorted rows are searched.
fn compare_folded(row: &str, text: &str) -> Ordering {
    let (row, text) = (row.as_bytes(), text.as_bytes());
    for (&a, &b) in row.iter().zip(text) {
        let b = match b {
            b'_' => b'-',
            b => b.to_ascii_lowercase(),
        };
        if a != b {
            return a.cmp(&b);
        }
    }
    row.len().cmp(&text.len())
}

/// Two tags are the same ignoring ASCII case, with `_` read as `-`.
pub(crate) fn same_subtags(a: &str, b: &str) -> bool {
    if a.len() != b.len() {
        return false;
    }
    if a.eq_ignore_ascii_case(b) {
        return true;
    }
    let fold = |byte: &u8| match byte {
        b'_' => b'-',
        byte => byte.to_ascii_lowercase(),
    };
    a.as_bytes()
        .iter()
        .map(fold)
        .eq(b.as_bytes().iter().map(fold))
}

/// CLDR's distance from a desired locale to a supported one, both maximized, with the tier it
/// falls in; `None` when they are too far apart. `related`: whether CLDR has rows from the
/// desired language to others.
pub(crate) fn distance(
    desired: &Subtags<'_>,
    related: bool,
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
    // A private-use tag (`x-bork`) means only itself, and the exact match is found before.
    if is_private_use(desired.language) || is_private_use(supported.language) {
        return None;
    }
    // A pseudo-locale (`en-XA`, `ar-XB`) is for testing: it fits only the same pseudo-region.
    let (pseudo, other) = (is_pseudo(desired.region), is_pseudo(supported.region));
    if (pseudo || other) && !(pseudo && desired.region.eq_ignore_ascii_case(supported.region)) {
        return None;
    }
    if !desired.language.eq_ignore_ascii_case(supported.language) {
        if !related {
            return None;
        }
        // Between languages the script is not compared: CLDR writes these rows for a reader's
        // second language, whatever its script.
        let found = rules.languages.binary_search_by(|(d, s, _, _)| {
            compare_folded(d, desired.language).then_with(|| compare_folded(s, supported.language))
        });
        let (_, _, distance, likely_region) = rules.languages[found.ok()?];
        // As in ICU, another region adds its distance (`da` is `da-DK`, further from `nb-NO`
        // than `no` is).
        let desired_region = match desired.region {
            "" => likely_region,
            region => region,
        };
        let region = !desired_region.is_empty()
            && !supported.region.is_empty()
            && !desired_region.eq_ignore_ascii_case(supported.region);
        let distance = distance.saturating_add(if region { DEFAULT_REGION_DISTANCE } else { 0 });
        return match distance {
            0..CLOSE => fit(Tier::Close, distance),
            CLOSE..THRESHOLD => fit(Tier::Related, distance),
            _ => None,
        };
    }
    let language = desired.language;
    // Scripts first: most pairs that fail, fail here, before the region rows are read.
    let (tier, script) = if desired.script.is_empty()
        || supported.script.is_empty()
        || desired.script.eq_ignore_ascii_case(supported.script)
    {
        (None, 0)
    } else if let Some(&(_, _, _, distance)) = rules.scripts.iter().find(|(l, d, s, _)| {
        l.eq_ignore_ascii_case(language)
            && d.eq_ignore_ascii_case(desired.script)
            && s.eq_ignore_ascii_case(supported.script)
    }) {
        (None, distance)
    } else if is_chinese_script_pair(language, desired.script, supported.script) {
        (Some(Tier::LastResort), THRESHOLD)
    } else {
        return None;
    };
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
    match (tier, script.saturating_add(region)) {
        (Some(tier), total) => fit(tier, total),
        (None, total @ 0..CLOSE) => fit(Tier::Close, total),
        (None, total @ CLOSE..THRESHOLD) => fit(Tier::Related, total),
        _ => None,
    }
}

/// `x`, the start of a private-use tag.
fn is_private_use(language: &str) -> bool {
    matches!(language.as_bytes(), [b'x' | b'X'])
}

/// CLDR's pseudo-regions: `XA` (accents), `XB` (bidirectional), `XC` (long texts).
fn is_pseudo(region: &str) -> bool {
    matches!(
        region.as_bytes(),
        [b'x' | b'X', b'a' | b'A' | b'b' | b'B' | b'c' | b'C']
    )
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
            (matches!(row.language.as_bytes(), [b'*'])
                || row.language.eq_ignore_ascii_case(language))
                && (matches!(row.script.as_bytes(), [b'*'])
                    || row.script.eq_ignore_ascii_case(script))
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
    text: &str,
    maximized: &Subtags<'_>,
    tag: &str,
    rules: &Rules<'_>,
) -> bool {
    if text.len() > tag.len()
        && matches!(text.as_bytes()[tag.len()], b'-' | b'_')
        && same_subtags(&text[..tag.len()], tag)
    {
        return true;
    }
    let mut subtags = *maximized;
    // CLDR's chains are short (en-AT → en-150 → en-001); the bound guards a bad table.
    for _ in 0..8 {
        let Some(parent) = parent(&subtags, rules) else {
            return false;
        };
        if same_subtags(parent, tag) {
            return true;
        }
        let Some(parts) = Parts::parse(parent) else {
            return false;
        };
        subtags = Subtags {
            language: parts.language,
            script: parts.script.unwrap_or(""),
            region: parts.region.unwrap_or(""),
        };
    }
    false
}

/// The CLDR parent locale of a language, script and region, written with or without the script.
fn parent<'r>(subtags: &Subtags<'_>, rules: &Rules<'r>) -> Option<&'r str> {
    [subtags.script, ""].into_iter().find_map(|script| {
        let found = rules.parents.binary_search_by(|((l, r, s), _)| {
            compare_folded(l, subtags.language)
                .then_with(|| compare_folded(r, subtags.region))
                .then_with(|| compare_folded(s, script))
        });
        found.ok().map(|index| rules.parents[index].1)
    })
}

/// One language range of a list, with its weight in thousandths.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Range<'a> {
    pub(crate) kind: RangeKind<'a>,
    pub(crate) weight: u16,
}

#[derive(Clone, Copy, Debug)]
pub(crate) enum RangeKind<'a> {
    /// A tag, as written and maximized, and whether CLDR relates its language to others.
    Tag(&'a str, Subtags<'a>, bool),
    /// `*`: any locale.
    Any,
    /// POSIX `C`: the untranslated, default locale.
    Default,
}

impl<'a> Range<'a> {
    /// A range for a tag, maximized once here so that every table tag reuses it.
    pub(crate) fn tag(parts: Parts<'a>, weight: u16, rules: &Rules<'a>) -> Range<'a> {
        Range {
            kind: {
                let (subtags, in_table) = parts.maximize_for_table(rules);
                let related = !in_table && {
                    let first = rules.languages.partition_point(|(d, _, _, _)| {
                        compare_folded(d, subtags.language) == Ordering::Less
                    });
                    rules
                        .languages
                        .get(first)
                        .is_some_and(|(d, _, _, _)| d.eq_ignore_ascii_case(subtags.language))
                };
                RangeKind::Tag(parts.text, subtags, related)
            },
            weight,
        }
    }

    fn fit(
        &self,
        index: usize,
        tag: &str,
        supported: &Subtags<'_>,
        rules: &Rules<'_>,
    ) -> Option<Fit> {
        match &self.kind {
            RangeKind::Tag(text, _, _) if same_subtags(text, tag) => Some(Fit {
                tier: Tier::Close,
                distance: 0,
                exact: true,
            }),
            RangeKind::Tag(_, desired, related) => distance(desired, *related, supported, rules),
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

/// The order between the ranges fitting one tag, best last: rule, weight, position in the list,
/// distance, exact.
type RangeKey = (Tier, u16, Reverse<usize>, Reverse<u8>, bool);

/// The table tag the ranges ask for most, if any fits with a positive weight. Looks at each
/// (range, tag) pair once: the time is the number of ranges times the number of tags.
pub(crate) fn choose<'a>(ranges: &[Range<'a>], tags: &[&str], rules: &Rules<'_>) -> Option<usize> {
    let precomputed = rules.supported.len() == tags.len();
    let mut winner: Option<Candidate<'_, 'a, '_>> = None;
    for (index, tag) in tags.iter().enumerate() {
        let supported = if precomputed {
            rules.supported[index]
        } else {
            match Parts::parse(tag) {
                Some(parts) => parts.maximize(rules),
                None => continue,
            }
        };
        let Some((key, range)) = rank(ranges, index, tag, &supported, rules) else {
            continue;
        };
        let candidate = Candidate {
            key,
            range,
            index,
            tag,
            ancestor: None,
        };
        let wins = match &mut winner {
            Some(best) => candidate.beats(best, rules),
            None => true,
        };
        if wins {
            winner = Some(candidate);
        }
    }
    winner.map(|candidate| candidate.index)
}

/// How the ranges rank one tag: `None` when none fits it with a positive weight, or the range
/// that fits it best refuses it (`q=0`).
fn rank<'r, 'a>(
    ranges: &'r [Range<'a>],
    index: usize,
    tag: &str,
    supported: &Subtags<'_>,
    rules: &Rules<'_>,
) -> Option<(RangeKey, &'r Range<'a>)> {
    let mut closest: Option<(Fit, u16)> = None;
    let mut ranked: Option<(RangeKey, &'r Range<'a>)> = None;
    for (position, range) in ranges.iter().enumerate() {
        let Some(fit) = range.fit(index, tag, supported, rules) else {
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
    match closest {
        Some((_, weight)) if weight > 0 => ranked,
        _ => None,
    }
}

/// A tag in the running, with the tie-breakers past its key computed only when a tie needs them.
struct Candidate<'r, 'a, 't> {
    key: RangeKey,
    range: &'r Range<'a>,
    index: usize,
    tag: &'t str,
    ancestor: Option<bool>,
}

impl Candidate<'_, '_, '_> {
    /// Whether this tag ranks above `best`: by key, then (at distance 0) the subtags written
    /// as the range writes them, then descent from the range, then table order (the earlier
    /// tag, `best`, wins a full tie).
    fn beats(&self, best: &mut Candidate<'_, '_, '_>, rules: &Rules<'_>) -> bool {
        match self.key.cmp(&best.key) {
            Ordering::Greater => return true,
            Ordering::Less => return false,
            Ordering::Equal => {}
        }
        // At distance 0 (the same locale once maximized), the tag that writes the same
        // subtags as the range wins, as in ICU: `af-Latn` for `af-Latn-ZA` over `af`.
        if self.key.3.0 == 0 {
            if let RangeKind::Tag(text, _, _) = &self.range.kind {
                let (mine, theirs) = (
                    written_unlike(text, self.tag),
                    written_unlike(text, best.tag),
                );
                if mine != theirs {
                    return mine < theirs;
                }
            }
        }
        let ancestor = |candidate: &Candidate<'_, '_, '_>| match &candidate.range.kind {
            RangeKind::Tag(text, maximized, _) => {
                is_ancestor(text, maximized, candidate.tag, rules)
            }
            _ => false,
        };
        let mine = ancestor(self);
        let theirs = match best.ancestor {
            Some(known) => known,
            None => {
                let known = ancestor(best);
                best.ancestor = Some(known);
                known
            }
        };
        mine && !theirs
    }
}

/// How differently two tags write their subtags: which of language, script and region one of
/// them leaves to likely subtags and the other does not, the language weighing most (ICU's
/// order).
fn written_unlike(range: &str, tag: &str) -> u8 {
    let written = |text: &str| {
        Parts::parse(text).map_or(0, |parts| {
            (u8::from(!parts.language.eq_ignore_ascii_case("und")) << 2)
                | (u8::from(parts.script.is_some()) << 1)
                | u8::from(parts.region.is_some())
        })
    };
    written(range) ^ written(tag)
}
