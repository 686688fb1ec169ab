//! The CLDR rows a table's matcher reads: what `status_codes!` emits for the languages of one
//! table (status-codegen holds CLDR's whole data and picks the rows), so that languages the table
//! lacks cost nothing here.

/// A tag's language, script and region, with CLDR's likely subtags filled in where known
/// (`zh-TW` → `zh`, `Hant`, `TW`); `""` for a subtag nobody knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Subtags<'a> {
    /// The language subtag, after CLDR's language aliases (`iw` → `he`).
    pub language: &'a str,
    /// The script subtag (`Latn`), or `""`.
    pub script: &'a str,
    /// The region subtag (`US`, `419`), or `""`.
    pub region: &'a str,
}

impl Subtags<'_> {
    /// The same language, script and region, ignoring ASCII case.
    #[inline]
    pub fn same_locale(&self, other: &Subtags<'_>) -> bool {
        self.language.eq_ignore_ascii_case(other.language)
            && self.script.eq_ignore_ascii_case(other.script)
            && self.region.eq_ignore_ascii_case(other.region)
    }
}

/// A set of regions a CLDR region-distance row applies to.
#[derive(Clone, Copy, Debug)]
pub enum Regions<'a> {
    /// Any region (`*`).
    Any,
    /// The regions listed, upper case and sorted (a CLDR match variable such as `$enUS`,
    /// expanded).
    In(&'a [&'a str]),
    /// Every region but those listed (`$!enUS`).
    NotIn(&'a [&'a str]),
}

impl Regions<'_> {
    /// Whether the set holds `region`, in any case; the listed regions are upper case and
    /// sorted, as the generator writes them, and are binary searched.
    #[inline]
    pub fn contains(&self, region: &str) -> bool {
        let mut key = [0u8; 8];
        self.contains_upper(crate::matching::upper(region, &mut key))
    }

    /// [`Regions::contains`] for a region already upper case: a byte comparison per step, for
    /// a caller that tests one region against several sets.
    #[inline]
    pub fn contains_upper(&self, region: &[u8]) -> bool {
        let listed = |regions: &[&str]| {
            !region.is_empty()
                && regions
                    .binary_search_by(|listed| compare_bytes(listed.as_bytes(), region))
                    .is_ok()
        };
        match self {
            Regions::Any => true,
            Regions::In(regions) => listed(regions),
            Regions::NotIn(regions) => !listed(regions),
        }
    }
}

/// Byte order, inline: regions are 2 or 3 bytes, too short for a call to `memcmp` to pay.
#[inline]
fn compare_bytes(a: &[u8], b: &[u8]) -> core::cmp::Ordering {
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x.cmp(y);
        }
    }
    a.len().cmp(&b.len())
}

/// A CLDR `languageMatch` row between two regions of one language and script.
#[derive(Clone, Copy, Debug)]
pub struct RegionDistance<'a> {
    /// The language, or `*`.
    pub language: &'a str,
    /// The script, or `*`.
    pub script: &'a str,
    /// The regions of the desired locale.
    pub desired: Regions<'a>,
    /// The regions of the supported locale.
    pub supported: Regions<'a>,
    /// The distance when both sides are in their sets.
    pub distance: u8,
    /// Whether the row applies in the direction written only.
    pub oneway: bool,
}

impl RegionDistance<'_> {
    /// Whether the row is written for this language and script: each the same (ignoring ASCII
    /// case) or `*` in the row.
    #[inline]
    pub fn applies_to(&self, language: &str, script: &str) -> bool {
        let matches = |row: &str, subtag: &str| {
            matches!(row.as_bytes(), [b'*']) || row.eq_ignore_ascii_case(subtag)
        };
        matches(self.language, language) && matches(self.script, script)
    }
}

/// A `likelySubtags` row of one language: the script and region looked up (lower case, `""`
/// where absent), and the script and region they imply.
pub type LikelyRow<'a> = ((&'a str, &'a str), (&'a str, &'a str));

/// A `languageMatch` row between two languages, as [`Rules::languages`] holds it: one `u64`
/// ([`LanguageRow::to_bits`]), so that the rows of a language are found by a search of
/// integers, and a table carries eight bytes a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LanguageRow {
    /// The desired language, as its [`language_key`](crate::language_key).
    pub desired: u16,
    /// The supported language, as its [`language_key`](crate::language_key).
    pub supported: u16,
    /// The desired language's likely region, as its [`region_key`], or 0.
    pub region: u16,
    /// CLDR's distance.
    pub distance: u8,
}

impl LanguageRow {
    /// The row as one number: the desired language's key in the high 16 bits, then the
    /// supported language's, the region and the distance, so that rows sort as their
    /// languages do (folded), desired first.
    #[inline]
    pub const fn to_bits(self) -> u64 {
        (self.desired as u64) << 48
            | (self.supported as u64) << 32
            | (self.region as u64) << 16
            | self.distance as u64
    }

    /// The row [`LanguageRow::to_bits`] wrote.
    #[inline]
    pub const fn from_bits(bits: u64) -> LanguageRow {
        LanguageRow {
            desired: (bits >> 48) as u16,
            supported: (bits >> 32) as u16,
            region: (bits >> 16) as u16,
            distance: bits as u8,
        }
    }
}

/// A region subtag as a number, 0 for none: two letters (any case) five bits each from `a` as
/// 1, three digits as 1024 plus their value; 0 for anything else too.
#[inline]
pub const fn region_key(region: &str) -> u16 {
    match *region.as_bytes() {
        [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
            ((a.to_ascii_lowercase() - b'a' + 1) as u16) << 5
                | (b.to_ascii_lowercase() - b'a' + 1) as u16
        }
        [a, b, c] if a.is_ascii_digit() && b.is_ascii_digit() && c.is_ascii_digit() => {
            1024 + (a - b'0') as u16 * 100 + (b - b'0') as u16 * 10 + (c - b'0') as u16
        }
        _ => 0,
    }
}

/// A `parentLocales` row: a locale's language, region and script (lower case, `""` where
/// absent), and its parent tag.
pub type ParentRow<'a> = ((&'a str, &'a str, &'a str), &'a str);

/// The matching data for one table, built by `status_codes!` from CLDR: every field holds only
/// rows that can lead to one of the table's languages.
///
/// With [`Rules::NONE`], matching still follows the header's weights and order and compares
/// subtags as written, but knows no likely subtags, aliases or distances.
#[derive(Clone, Copy, Debug)]
pub struct Rules<'a> {
    /// The CLDR release the rows come from (`"41"`), or `""`.
    pub cldr_version: &'a str,
    /// The table's tags with likely subtags filled in, in table order.
    pub supported: &'a [Subtags<'a>],
    /// The table's tags by language: each language of [`Rules::supported`] (lower case) and
    /// the indices of its tags, ascending; sorted by language. Matching reads only the tags of
    /// the languages a header names; empty, it reads every tag.
    pub by_language: &'a [(&'a str, &'a [u16])],
    /// `languageAlias`: an alias (lower case), its language and the script it implies (or
    /// `""`), sorted by alias: `("iw", "he", "")`, `("sh", "sr", "Latn")`.
    pub aliases: &'a [(&'a str, &'a str, &'a str)],
    /// `likelySubtags` for each language of the table that has rows, sorted by language: the
    /// language and its rows, sorted by script and region, the language alone (`("", "")`)
    /// first. Rows compare folded ([`compare_folded`](crate::compare_folded)).
    pub likely: &'a [(&'a str, &'a [LikelyRow<'a>])],
    /// `likelySubtags` of `und` with one region or script, for the table's languages: the
    /// region or script (lower case) and its likely language, sorted: `("fr", "fr")` for
    /// `und-FR`, `("hant", "zh")` for `und-Hant`.
    pub undetermined: &'a [(&'a str, &'a str)],
    /// `parentLocales`: a locale as its language, region and script (lower case, `""` where
    /// absent) and its parent (`es-MX` → `es-419`), sorted by the three keys.
    pub parents: &'a [ParentRow<'a>],
    /// `languageMatch` between languages, to the table's, both directions written out, each as
    /// [`LanguageRow::to_bits`] writes it; sorted (by desired language, then supported).
    pub languages: &'a [u64],
    /// `languageMatch` between scripts of one language: language, desired script, supported
    /// script, distance (both directions written out).
    pub scripts: &'a [(&'a str, &'a str, &'a str, u8)],
    /// `languageMatch` between regions, in CLDR's order: the first row that applies wins.
    pub regions: &'a [RegionDistance<'a>],
    /// For each tag of [`Rules::supported`], which rows of [`Rules::regions`] hold its region:
    /// bit `i` of the first number on row `i`'s desired side, of the second on its supported
    /// side. Written at build time so that a region distance searches only the range's side;
    /// empty, or for rows past the 64th, both sides are searched.
    pub supported_regions: &'a [(u64, u64)],
    /// The languages of [`Rules::by_language`], then the language of each alias of
    /// [`Rules::aliases`], as [`language_key`](crate::language_key)s: two runs, each sorted, a key for each
    /// row (so a key's place is its row). With [`Rules::languages`], every language a range
    /// can reach the table through. Written by the generator for a table whose every language
    /// has a key; empty, every range is read in full. See [`reach`](crate::reach).
    pub language_keys: &'a [u16],
    /// For each tag of [`Rules::supported`], which rows of [`Rules::regions`] apply to its
    /// language and script (`*` or the same), a bit per row as in
    /// [`Rules::supported_regions`], which the matcher masks with these: a region distance
    /// then reads only the rows of the tag's language. Empty, or for rows past the 64th, every
    /// row is read.
    pub supported_rows: &'a [u64],
    /// For each tag of [`Rules::supported`], how a range of its language alone (`en` for
    /// `en-GB`), maximized, fits it, as [`Fit::to_byte`](crate::Fit::to_byte) writes it: the
    /// generator runs the matcher's own [`distance`](crate::distance) on each pair, so the
    /// commonest ranges of a header fit the table's tags with no distance computed. Empty, it
    /// is computed.
    pub bare_fits: &'a [u8],
}

impl Rules<'static> {
    /// No CLDR data at all.
    pub const NONE: Rules<'static> = Rules {
        cldr_version: "",
        supported: &[],
        by_language: &[],
        aliases: &[],
        likely: &[],
        undetermined: &[],
        parents: &[],
        languages: &[],
        scripts: &[],
        regions: &[],
        supported_regions: &[],
        language_keys: &[],
        supported_rows: &[],
        bare_fits: &[],
    };
}
