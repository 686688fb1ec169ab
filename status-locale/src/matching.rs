//! CLDR's language distance between a desired and a supported locale: tags split into
//! subtags, completed with aliases and likely subtags, then compared by language, script and
//! region rows.

use core::cmp::{Ordering, Reverse};

use crate::rules::{LanguageRow, Regions, Rules, Subtags, region_key};

/// Below this distance a fit is close: another region, or a language or script CLDR counts as
/// nearly the same (`no`/`nb` 1, `sr-Latn`/`sr-Cyrl` 5).
const CLOSE: u8 = 10;
/// CLDR's default script distance, which ICU's `LocaleMatcher` uses as its threshold: from here
/// on nothing fits.
const THRESHOLD: u8 = 50;
/// CLDR's distance between two regions of a language when no row says otherwise (`*_*_*`).
const DEFAULT_REGION_DISTANCE: u8 = 4;

/// How a range fits a tag, from worst to best: `status_core::locale`'s rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
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
pub struct Fit {
    /// The rule the fit falls under.
    pub tier: Tier,
    /// CLDR's distance, 0 for the same locale.
    pub distance: u8,
    /// The range is the tag, ignoring case and `_`.
    pub exact: bool,
}

impl Fit {
    /// Orders fits of different ranges to one tag: better tier, then smaller distance, then exact.
    pub fn quality(&self) -> (Tier, Reverse<u8>, bool) {
        (self.tier, Reverse(self.distance), self.exact)
    }
}

impl Fit {
    /// The fit as one byte, for a table the generator writes ([`Rules::bare_fits`]): the tier
    /// in the two high bits, the distance in the others; `None` for no fit, or a fit the byte
    /// cannot hold (an exact one, or a distance past 63).
    pub const fn to_byte(fit: Option<Fit>) -> Option<u8> {
        match fit {
            None => Some(u8::MAX),
            Some(Fit { exact: true, .. }) => None,
            Some(Fit { distance, .. }) if distance >= 64 => None,
            // The byte of no fit.
            Some(Fit {
                tier: Tier::Close,
                distance: 63,
                ..
            }) => None,
            Some(Fit { tier, distance, .. }) => {
                let tier = match tier {
                    Tier::Any => 0,
                    Tier::LastResort => 1,
                    Tier::Related => 2,
                    Tier::Close => 3,
                };
                Some(tier << 6 | distance)
            }
        }
    }

    /// The fit [`Fit::to_byte`] wrote.
    #[inline]
    pub const fn from_byte(byte: u8) -> Option<Fit> {
        if byte == u8::MAX {
            return None;
        }
        let tier = match byte >> 6 {
            0 => Tier::Any,
            1 => Tier::LastResort,
            2 => Tier::Related,
            _ => Tier::Close,
        };
        Some(Fit {
            tier,
            distance: byte & 63,
            exact: false,
        })
    }
}

/// The subtags matching looks at. Borrowed from the input: parsing allocates nothing.
#[derive(Clone, Copy, Debug)]
pub struct Parts<'a> {
    /// The whole tag, as written.
    pub text: &'a str,
    /// The language subtag, as written.
    pub language: &'a str,
    /// The script subtag, if written.
    pub script: Option<&'a str>,
    /// The region subtag, if written.
    pub region: Option<&'a str>,
    /// Variants and extensions, as written (`1996`, `u-co-pinyin`), or `""`.
    pub rest: &'a str,
}

impl<'a> Parts<'a> {
    /// Parses `language[-Script][-REGION][-rest]` with `-` or `_`. Every subtag must be 1 to 8
    /// ASCII letters or digits, the first letters only; anything else is `None`.
    pub fn parse(text: &'a str) -> Option<Parts<'a>> {
        let mut parts = Parts {
            text,
            language: text,
            script: None,
            region: None,
            rest: "",
        };
        // One pass over the bytes: each subtag is checked and, until the rest starts, placed.
        let bytes = text.as_bytes();
        let mut start = 0;
        let mut index = 0;
        let mut in_rest = false;
        loop {
            let end = bytes[start..]
                .iter()
                .position(|&byte| byte == b'-' || byte == b'_')
                .map_or(bytes.len(), |found| start + found);
            let subtag = &bytes[start..end];
            let alphabetic = subtag.iter().all(u8::is_ascii_alphabetic);
            let well_formed = (1..=8).contains(&subtag.len())
                && (alphabetic || (index > 0 && subtag.iter().all(u8::is_ascii_alphanumeric)));
            if !well_formed {
                return None;
            }
            if !in_rest {
                let numeric = subtag.iter().all(u8::is_ascii_digit);
                let subtag_text = &text[start..end];
                match index {
                    0 => parts.language = subtag_text,
                    1 if subtag.len() == 4 && alphabetic => parts.script = Some(subtag_text),
                    1 | 2
                        if parts.region.is_none()
                            && (index == 1 || parts.script.is_some())
                            && ((subtag.len() == 2 && alphabetic)
                                || (subtag.len() == 3 && numeric)) =>
                    {
                        parts.region = Some(subtag_text)
                    }
                    _ => {
                        parts.rest = &text[start..];
                        in_rest = true;
                    }
                }
            }
            if end == bytes.len() {
                return Some(parts);
            }
            start = end + 1;
            index += 1;
        }
    }

    /// The language, script and region with CLDR's aliases and likely subtags applied:
    /// `iw-IL` → `he-Hebr-IL`, `zh-TW` → `zh-Hant-TW`, `sr` → `sr-Cyrl-RS`.
    pub fn maximize(&self, rules: &Rules<'a>) -> Subtags<'a> {
        self.maximize_for_table(rules).0
    }

    /// [`Parts::maximize`], and whether the language is one of the table's. Likely subtags only
    /// matter against a tag of the same language, so for other languages they are not looked
    /// up (the table's rows hold none for them anyway).
    pub fn maximize_for_table(&self, rules: &Rules<'a>) -> (Subtags<'a>, bool) {
        let (subtags, ours, _) = self.maximize_indexed(rules);
        (subtags, ours)
    }

    /// [`Parts::maximize_for_table`], and the language's entry in [`Rules::by_language`] when
    /// the table has that index and the language is the table's: found once here, so that
    /// finding the language's tags costs no second search.
    pub fn maximize_indexed(&self, rules: &Rules<'a>) -> (Subtags<'a>, bool, Option<usize>) {
        self.maximize_resolved(&self.resolve(rules), rules)
    }

    /// The language subtag read against a table: `und` with a region or script, then aliases.
    /// Two tags of one written language (`en-US`, `en`) resolve alike unless it is `und` or a
    /// legacy `i-` tag ([`Resolved::reusable_for`]), so a list resolves each language once.
    pub fn resolve(&self, rules: &Rules<'a>) -> Resolved<'a> {
        let mut slot = None;
        // Without supported tags (`Rules::NONE`, or the generator's rules for all of CLDR),
        // every language is looked up.
        let mut in_table = |language: &str| match rules.by_language {
            [] => rules
                .supported
                .iter()
                .any(|tag| tag.language.eq_ignore_ascii_case(language)),
            index => {
                slot = index
                    .binary_search_by(|(known, _)| compare_folded(known, language))
                    .ok();
                slot.is_some()
            }
        };
        let mut language = self.language;
        let mut implied_script = "";
        // `und-FR` is French, `und-Hant` Chinese; `und` alone stays undetermined, as in ICU.
        if language.eq_ignore_ascii_case("und") {
            let found = [self.region, self.script]
                .into_iter()
                .flatten()
                .find_map(|subtag| {
                    let found = rules
                        .undetermined
                        .binary_search_by(|(row, _)| compare_folded(row, subtag));
                    found.ok().map(|index| rules.undetermined[index].1)
                });
            if let Some(found) = found {
                language = found;
            }
        }
        // A legacy tag (`i-klingon`) is an alias as a whole; other aliases are languages.
        let alias = match language.as_bytes() {
            [b'i' | b'I'] => self.text,
            _ => language,
        };
        // A table's own language is never an alias: the registry check refuses deprecated tags.
        let mut ours = in_table(language);
        if !ours {
            let found = rules
                .aliases
                .binary_search_by(|(row, _, _)| compare_folded(row, alias));
            if let Ok(found) = found {
                let (_, replacement, implied) = rules.aliases[found];
                language = replacement;
                implied_script = implied;
                ours = in_table(replacement);
            }
        }
        Resolved {
            written: self.language,
            language,
            implied_script,
            in_table: ours || rules.supported.is_empty(),
            slot,
        }
    }

    /// [`Parts::maximize_indexed`] with the language already [resolved](Parts::resolve),
    /// for this tag or another of its language.
    pub fn maximize_resolved(
        &self,
        resolved: &Resolved<'a>,
        rules: &Rules<'a>,
    ) -> (Subtags<'a>, bool, Option<usize>) {
        let mut subtags = Subtags {
            language: resolved.language,
            script: self.script.unwrap_or(resolved.implied_script),
            region: self.region.unwrap_or(""),
        };
        if resolved.in_table && (subtags.script.is_empty() || subtags.region.is_empty()) {
            subtags = likely_subtags(subtags, resolved.slot, rules);
        }
        (subtags, resolved.in_table, resolved.slot)
    }
}

/// A language subtag read against a table ([`Parts::resolve`]).
#[derive(Clone, Copy, Debug)]
pub struct Resolved<'a> {
    /// The language subtag as written.
    pub written: &'a str,
    /// The language after `und`'s likely language and aliases (`iw` → `he`).
    pub language: &'a str,
    /// The script an alias implies (`sh` → `Latn`), or `""`.
    pub implied_script: &'a str,
    /// Whether the language is one of the table's (always, for a table with no tags).
    pub in_table: bool,
    /// The language's entry in [`Rules::by_language`], when the table has that index and the
    /// language is the table's.
    pub slot: Option<usize>,
}

impl Resolved<'_> {
    /// Whether `parts` resolves as this does: the same written language, and not one that
    /// depends on the rest of the tag (`und-FR`, `i-klingon`).
    #[inline]
    pub fn reusable_for(&self, parts: &Parts<'_>) -> bool {
        parts.language.len() > 1
            && !parts.language.eq_ignore_ascii_case("und")
            && parts.language.eq_ignore_ascii_case(self.written)
    }
}

/// Fills a missing script or region from CLDR's likely subtags. The lookup order is CLDR's:
/// language-script-region, language-region, language-script, language; the first row found
/// fills what is missing. One of script and region is missing here, so two of those keys are
/// moot.
fn likely_subtags<'a>(
    mut subtags: Subtags<'a>,
    slot: Option<usize>,
    rules: &Rules<'a>,
) -> Subtags<'a> {
    // The generator writes likely rows for each of the table's languages, in the index's
    // order, so the index's entry is usually the group; a check keeps any table right.
    let group = slot
        .filter(|&slot| {
            rules.likely.get(slot).is_some_and(|(language, _)| {
                compare_folded(language, subtags.language) == Ordering::Equal
            })
        })
        .ok_or(())
        .or_else(|()| {
            rules
                .likely
                .binary_search_by(|(language, _)| compare_folded(language, subtags.language))
                .map_err(|_| ())
        });
    let Ok(group) = group else {
        return subtags;
    };
    let (_, rows) = rules.likely[group];
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

/// Compares a row with text, both folded: ASCII case ignored and `_` read as `-`. The rows
/// of [`Rules`] are sorted in this order.
#[inline]
pub fn compare_folded(row: &str, text: &str) -> Ordering {
    let (row, text) = (row.as_bytes(), text.as_bytes());
    for (&a, &b) in row.iter().zip(text) {
        let (a, b) = (fold_byte(a), fold_byte(b));
        if a != b {
            return a.cmp(&b);
        }
    }
    row.len().cmp(&text.len())
}

/// The first subtag of a tag, or of a CLDR row (`zh` of `zh-Hant-TW`, `*` of `*_*_*`), as
/// written, whether or not the rest is well formed.
#[inline]
pub fn language_of(tag: &str) -> &str {
    let end = tag
        .bytes()
        .position(|b| b == b'-' || b == b'_')
        .unwrap_or(tag.len());
    &tag[..end]
}

/// Two tags are the same ignoring ASCII case, with `_` read as `-`.
#[inline]
pub fn same_subtags(a: &str, b: &str) -> bool {
    if a.len() != b.len() {
        return false;
    }
    if a.eq_ignore_ascii_case(b) {
        return true;
    }
    let fold = |byte: &u8| fold_byte(*byte);
    a.as_bytes()
        .iter()
        .map(fold)
        .eq(b.as_bytes().iter().map(fold))
}

/// Whether two tags have the same language subtag, ignoring ASCII case (`zh-CN` and `zh-Hans`;
/// not `ja` and `en`). Aliases are not applied: `iw` and `he` differ here.
pub fn same_language(a: &str, b: &str) -> bool {
    language_of(a).eq_ignore_ascii_case(language_of(b))
}

/// A byte of a tag as tags are compared: ASCII lower case, and `_` read as `-` (POSIX locale
/// names and Java write `zh_CN`). The one fold of [`same_subtags`], of a generated `Locale`'s
/// `FromStr`, of the folded tags the macro writes for it and of [`compare_folded`].
#[inline]
pub const fn fold_byte(byte: u8) -> u8 {
    if byte == b'_' {
        b'-'
    } else {
        byte.to_ascii_lowercase()
    }
}

/// The `languages` rows of [`Rules`] from a desired language to others (`nn` → `nb`): found
/// once per range, so that comparing it with each tag reads a few rows, not all of them.
pub fn related_rows<'r>(language: &str, rules: &Rules<'r>) -> &'r [u64] {
    match crate::language_key(language.as_bytes()) {
        Some(key) => crate::directory::rows_of_key(key, rules),
        None => &[],
    }
}

/// CLDR's distance from a desired locale to a supported one, both maximized, with the tier it
/// falls in; `None` when they are too far apart. `related`: the desired language's rows to
/// other languages ([`related_rows`]; empty for a language of the table).
#[inline]
pub fn distance(
    desired: &Subtags<'_>,
    related: &[u64],
    supported: &Subtags<'_>,
    rules: &Rules<'_>,
) -> Option<Fit> {
    distance_with_regions(desired, related, supported, None, rules)
}

/// [`distance`] to a tag of the table, with its entry of [`Rules::supported_regions`] (if
/// written), so that the supported side of each region row is a bit test.
#[inline]
pub fn distance_with_regions(
    desired: &Subtags<'_>,
    related: &[u64],
    supported: &Subtags<'_>,
    supported_regions: Option<(u64, u64)>,
    rules: &Rules<'_>,
) -> Option<Fit> {
    let fit = |tier, distance| {
        Some(Fit {
            tier,
            distance,
            exact: false,
        })
    };
    // Most pairs are two unrelated languages: they are told apart first.
    let same_language = desired.language.eq_ignore_ascii_case(supported.language);
    if !same_language && related.is_empty() {
        return None;
    }
    // A private-use tag (`x-bork`) means only itself, and the exact match is found before.
    if is_private_use(desired.language) || is_private_use(supported.language) {
        return None;
    }
    // A pseudo-locale (`en-XA`, `ar-XB`) is for testing: it fits only the same pseudo-region.
    let (pseudo, other) = (is_pseudo(desired.region), is_pseudo(supported.region));
    if (pseudo || other) && !(pseudo && desired.region.eq_ignore_ascii_case(supported.region)) {
        return None;
    }
    if !same_language {
        // Between languages the script is not compared: CLDR writes these rows for a reader's
        // second language, whatever its script.
        let key = crate::language_key(supported.language.as_bytes())?;
        let row = related
            .iter()
            .map(|&row| LanguageRow::from_bits(row))
            .find(|row| row.supported == key)?;
        // As in ICU, another region adds its distance (`da` is `da-DK`, further from `nb-NO`
        // than `no` is); a range without one has its language's likely region.
        let region = !supported.region.is_empty()
            && match desired.region {
                "" => row.region != 0 && row.region != region_key(supported.region),
                region => !region.eq_ignore_ascii_case(supported.region),
            };
        let distance = row.distance;
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
            (supported.region, supported_regions),
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
#[inline]
fn is_private_use(language: &str) -> bool {
    matches!(language.as_bytes(), [b'x' | b'X'])
}

/// CLDR's pseudo-regions: `XA` (accents), `XB` (bidirectional), `XC` (long texts).
#[inline]
fn is_pseudo(region: &str) -> bool {
    matches!(
        region.as_bytes(),
        [b'x' | b'X', b'a' | b'A' | b'b' | b'B' | b'c' | b'C']
    )
}

/// Simplified against Traditional Chinese: far in CLDR, kept as a last resort here.
#[inline]
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
    (supported, bits): (&str, Option<(u64, u64)>),
    rules: &Rules<'_>,
) -> u8 {
    // Each region is upper-cased once, not once per set it is looked up in.
    let (mut desired_key, mut supported_key) = ([0u8; 8], [0u8; 8]);
    let (desired, supported) = (
        upper(desired, &mut desired_key),
        upper(supported, &mut supported_key),
    );
    if let Some((desired_side, supported_side)) = bits.filter(|_| rules.regions.len() <= 64) {
        // Only a row one of whose sets holds the tag's region can apply (and, where the caller
        // masked the bits with `Rules::supported_rows`, only a row of its language and
        // script): those rows are visited in CLDR's order, and no other is read.
        let mut candidates = desired_side | supported_side;
        while candidates != 0 {
            let index = candidates.trailing_zeros() as usize;
            candidates &= candidates - 1;
            let Some(row) = rules.regions.get(index) else {
                break;
            };
            let found = row.applies_to(language, script)
                && ((supported_side >> index & 1 == 1 && row.desired.contains_upper(desired))
                    || (!row.oneway
                        && desired_side >> index & 1 == 1
                        && row.supported.contains_upper(desired)));
            if found {
                return row.distance;
            }
        }
        return DEFAULT_REGION_DISTANCE;
    }
    rules
        .regions
        .iter()
        .enumerate()
        .find(|&(index, row)| {
            // The supported tag's side first: a bit the generator wrote, where it did.
            let written = bits.filter(|_| index < 64);
            let supported_in = |side: &Regions<'_>, bit: fn((u64, u64)) -> u64| match written {
                Some(bits) => bit(bits) >> index & 1 == 1,
                None => side.contains_upper(supported),
            };
            row.applies_to(language, script)
                && ((supported_in(&row.supported, |bits| bits.1)
                    && row.desired.contains_upper(desired))
                    || (!row.oneway
                        && supported_in(&row.desired, |bits| bits.0)
                        && row.supported.contains_upper(desired)))
        })
        .map(|(_, row)| row)
        .map_or(DEFAULT_REGION_DISTANCE, |row| row.distance)
}

/// `region` upper case in `key`; `""` for a region too long to be any (regions are 2 or 3
/// bytes).
#[inline]
pub(crate) fn upper<'k>(region: &str, key: &'k mut [u8; 8]) -> &'k [u8] {
    if region.len() > key.len() {
        return &[];
    }
    for (slot, byte) in key.iter_mut().zip(region.bytes()) {
        *slot = byte.to_ascii_uppercase();
    }
    &key[..region.len()]
}

/// Whether `tag` is an ancestor of the range: a truncation of it (`en` for `en-GB`) or a
/// CLDR parent locale up the chain (`es-419` for `es-MX`, `en-001` for `en-AU`).
pub fn is_ancestor(text: &str, maximized: &Subtags<'_>, tag: &str, rules: &Rules<'_>) -> bool {
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

/// How differently two tags write their subtags: which of language, script and region one of
/// them leaves to likely subtags and the other does not, the language weighing most (ICU's
/// order).
pub fn written_unlike(range: &str, tag: &str) -> u8 {
    let written = |text: &str| {
        Parts::parse(text).map_or(0, |parts| {
            (u8::from(!parts.language.eq_ignore_ascii_case("und")) << 2)
                | (u8::from(parts.script.is_some()) << 1)
                | u8::from(parts.region.is_some())
        })
    };
    written(range) ^ written(tag)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn fits_survive_a_byte() {
        for tier in [Tier::Any, Tier::LastResort, Tier::Related, Tier::Close] {
            for distance in [0, 4, 49, 54, 62] {
                let fit = Some(Fit {
                    tier,
                    distance,
                    exact: false,
                });
                let byte = Fit::to_byte(fit);
                assert_eq!(byte.map(Fit::from_byte), Some(fit), "{fit:?}");
            }
        }
        assert_eq!(Fit::to_byte(None).map(Fit::from_byte), Some(None));
        let far = Fit {
            tier: Tier::LastResort,
            distance: 64,
            exact: false,
        };
        assert_eq!(Fit::to_byte(Some(far)), None);
        let close = Fit {
            tier: Tier::Close,
            distance: 63,
            exact: false,
        };
        assert_eq!(Fit::to_byte(Some(close)), None);
        assert_eq!(Fit::to_byte(Some(Fit { exact: true, ..far })), None);
    }

    #[test]
    fn rows_compare_folded() {
        assert_eq!(compare_folded("zh-hant", "ZH_Hant"), Ordering::Equal);
        assert_eq!(compare_folded("Hant", "hans"), Ordering::Greater);
        assert_eq!(compare_folded("i-klingon", "i"), Ordering::Greater);
        assert!(same_subtags("zh_hant_TW", "ZH-Hant-tw"));
        assert_eq!(language_of("zh-Hant-TW"), "zh");
        assert_eq!(language_of("*_*_*"), "*");
    }

    #[test]
    fn tags_fold_to_lower_case_with_hyphens() {
        let folded: [u8; 5] = *b"zh_CN";
        assert_eq!(folded.map(fold_byte), *b"zh-cn");
        assert!(!same_subtags("zh-CN", "zh-TW"));
        assert!(same_language("zh-CN", "ZH_Hans"));
        assert!(!same_language("ja", "en") && !same_language("iw", "he"));
        let (a, b) = (
            Subtags {
                language: "zh",
                script: "Hant",
                region: "TW",
            },
            Subtags {
                language: "ZH",
                script: "hant",
                region: "tw",
            },
        );
        assert!(a.same_locale(&b));
        assert!(!a.same_locale(&Subtags { region: "HK", ..b }));
    }
}
