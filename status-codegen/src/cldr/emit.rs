//! The CLDR rows one table's matcher needs: only rows that can lead to a language of the table,
//! so other languages cost nothing at run time. [`select`] picks them into a
//! [`MatchingRules`]; the macro writes that as a `status_core::locale::Rules` expression
//! (`expand::rules`), and a tool reading a table at run time (the `status-codes` command)
//! converts it into one.

use super::{data, rows};
use crate::order;
use status_locale::language_of;

/// The CLDR rows for one table's languages, as owned data with the shape of
/// `status_core::locale::Rules` (see there for what each field means and how it is sorted).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MatchingRules {
    /// The CLDR release the rows come from.
    pub cldr_version: &'static str,
    /// The table's tags with likely subtags filled in: language, script, region.
    pub supported: Vec<(String, String, String)>,
    /// Each language of `supported` (lower case) and the indices of its tags, by language.
    pub by_language: Vec<(String, Vec<u16>)>,
    /// Alias, its language, the script it implies.
    pub aliases: Vec<(&'static str, String, String)>,
    /// Per language, its likely-subtags rows: (script, region) looked up, (script, region)
    /// implied.
    pub likely: Vec<(String, Vec<LikelyRow>)>,
    /// `und` with one region or script (lower case), and its likely language.
    pub undetermined: Vec<(String, String)>,
    /// A locale as language, region, script, and its parent tag.
    pub parents: Vec<((String, String, String), &'static str)>,
    /// Desired language, supported language, distance, the desired language's likely region.
    pub languages: Vec<(String, String, u8, String)>,
    /// Language, desired script, supported script, distance.
    pub scripts: Vec<(&'static str, &'static str, &'static str, u8)>,
    /// Distances between regions, in CLDR's order.
    pub regions: Vec<RegionDistance>,
    /// Per tag of `supported`, the rows of `regions` whose desired and supported sets hold
    /// its region, a bit per row; empty with more than 64 rows.
    pub supported_regions: Vec<(u64, u64)>,
    /// The languages of `by_language`, then of `aliases`, as keys in two runs; empty when one
    /// has no key.
    pub language_keys: Vec<u16>,
    /// Per tag of `supported`, the rows of `regions` of its language and script (`*` or the
    /// same), a bit per row; empty with more than 64 rows.
    pub supported_rows: Vec<u64>,
    /// Per tag of `supported`, how a range of its language alone fits it (`Fit::to_byte`);
    /// empty when one cannot be written.
    pub bare_fits: Vec<u8>,
}

impl MatchingRules {
    /// Calls `f` with these rows as the runtime's `Rules`, the value `status_codes!` writes for
    /// the same tags: for a tool that matches the locales of a table read at run time.
    pub fn with_rules<R>(&self, f: impl FnOnce(&status_locale::Rules<'_>) -> R) -> R {
        let supported: Vec<status_locale::Subtags<'_>> = self
            .supported
            .iter()
            .map(|(language, script, region)| status_locale::Subtags {
                language,
                script,
                region,
            })
            .collect();
        let by_language: Vec<(&str, &[u16])> = self
            .by_language
            .iter()
            .map(|(language, indices)| (language.as_str(), indices.as_slice()))
            .collect();
        let aliases: Vec<(&str, &str, &str)> = self
            .aliases
            .iter()
            .map(|(alias, language, script)| (*alias, language.as_str(), script.as_str()))
            .collect();
        let likely_rows: Vec<Vec<status_locale::LikelyRow<'_>>> = self
            .likely
            .iter()
            .map(|(_, rows)| {
                rows.iter()
                    .map(|((s, r), (ls, lr))| {
                        ((s.as_str(), r.as_str()), (ls.as_str(), lr.as_str()))
                    })
                    .collect()
            })
            .collect();
        let likely: Vec<(&str, &[status_locale::LikelyRow<'_>])> = self
            .likely
            .iter()
            .zip(&likely_rows)
            .map(|((language, _), rows)| (language.as_str(), rows.as_slice()))
            .collect();
        let undetermined: Vec<(&str, &str)> = self
            .undetermined
            .iter()
            .map(|(subtag, language)| (subtag.as_str(), language.as_str()))
            .collect();
        let parents: Vec<status_locale::ParentRow<'_>> = self
            .parents
            .iter()
            .map(|((l, r, s), parent)| ((l.as_str(), r.as_str(), s.as_str()), *parent))
            .collect();
        let languages: Vec<(&str, &str, u8, &str)> = self
            .languages
            .iter()
            .map(|(d, s, n, region)| (d.as_str(), s.as_str(), *n, region.as_str()))
            .collect();
        let regions: Vec<status_locale::RegionDistance<'_>> = self
            .regions
            .iter()
            .map(|row| status_locale::RegionDistance {
                language: row.language,
                script: row.script,
                desired: regions_of(&row.desired),
                supported: regions_of(&row.supported),
                distance: row.distance,
                oneway: row.oneway,
            })
            .collect();
        f(&status_locale::Rules {
            cldr_version: self.cldr_version,
            supported: &supported,
            by_language: &by_language,
            aliases: &aliases,
            likely: &likely,
            undetermined: &undetermined,
            parents: &parents,
            languages: &languages,
            scripts: &self.scripts,
            regions: &regions,
            supported_regions: &self.supported_regions,
            language_keys: &self.language_keys,
            supported_rows: &self.supported_rows,
            bare_fits: &self.bare_fits,
        })
    }
}

/// `regions` as the runtime's type, borrowing the list.
fn regions_of(regions: &Regions) -> status_locale::Regions<'_> {
    match regions {
        Regions::Any => status_locale::Regions::Any,
        Regions::In(listed) => status_locale::Regions::In(listed),
        Regions::NotIn(listed) => status_locale::Regions::NotIn(listed),
    }
}

/// For each supported tag, a bit per region row whose desired (first) and supported (second)
/// set holds the tag's region, as `Rules::supported_regions` reads them; empty past 64 rows.
fn supported_regions(
    supported: &[(String, String, String)],
    regions: &[RegionDistance],
) -> Vec<(u64, u64)> {
    if regions.len() > 64 {
        return Vec::new();
    }
    supported
        .iter()
        .map(|(_, _, region)| {
            let mut bits = (0u64, 0u64);
            for (index, row) in regions.iter().enumerate() {
                if regions_of(&row.desired).contains(region) {
                    bits.0 |= 1 << index;
                }
                if regions_of(&row.supported).contains(region) {
                    bits.1 |= 1 << index;
                }
            }
            bits
        })
        .collect()
}

/// A likely-subtags row of one language: (script, region) looked up, (script, region) implied.
pub type LikelyRow = ((String, String), (String, String));

/// A likely-subtags row with its language: (language, script, region) looked up, lower case.
type KeyedLikelyRow = ((String, String, String), (String, String));

/// A set of regions of a region-distance row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Regions {
    /// Any region.
    Any,
    /// The regions listed.
    In(Vec<&'static str>),
    /// Every region but those listed.
    NotIn(Vec<&'static str>),
}

/// A CLDR `languageMatch` row between two regions of one language and script.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegionDistance {
    /// The language, or `*`.
    pub language: &'static str,
    /// The script, or `*`.
    pub script: &'static str,
    /// The regions of the desired locale.
    pub desired: Regions,
    /// The regions of the supported locale.
    pub supported: Regions,
    /// The distance when both sides are in their sets.
    pub distance: u8,
    /// Whether the row applies in the direction written only.
    pub oneway: bool,
}

/// The rows for a table with these tags (valid BCP 47 tags, default first).
///
/// Every row is first tested by its language subtag alone, a slice of the row compared with
/// the table's few languages, and only the rows kept are split and copied: the generator runs
/// unoptimized inside rustc, where splitting each of CLDR's two thousand rows into owned
/// strings cost milliseconds per table.
pub fn select(tags: &[&str]) -> MatchingRules {
    let mut languages: Vec<String> = Vec::with_capacity(tags.len());
    let mut supported = Vec::with_capacity(tags.len());
    for tag in tags {
        let m = super::maximize(tag);
        languages.push(super::subtags(tag).0);
        // `und-TW` is Chinese: it needs the rows of `zh`.
        languages.push(m.language.clone());
        supported.push((m.language, m.script, m.region));
    }
    let mut by_language: Vec<(String, Vec<u16>)> = Vec::new();
    for (index, (language, _, _)) in supported.iter().enumerate() {
        // More tags than a u16 counts are matched by the full scan (an empty index).
        let Ok(index) = u16::try_from(index) else {
            by_language.clear();
            break;
        };
        let language = language.to_ascii_lowercase();
        match by_language.iter_mut().find(|(known, _)| *known == language) {
            Some((_, indices)) => indices.push(index),
            None => by_language.push((language, vec![index])),
        }
    }
    order::sort(&mut by_language);
    order::sort(&mut languages);
    languages.dedup();
    // The data's language subtags are lower case (a test checks), as `languages` are.
    let ours = |language: &str| {
        languages
            .binary_search_by(|known| known.as_str().cmp(language))
            .is_ok()
    };

    let mut aliases = Vec::new();
    for row in data::LANGUAGE_ALIASES.lines() {
        let Some([alias, replacement]) = rows::fields(row) else {
            continue;
        };
        if ours(language_of(replacement)) {
            let (language, script, _) = super::subtags(replacement);
            aliases.push((alias, language, script));
        }
    }

    let mut likely_rows: Vec<KeyedLikelyRow> = Vec::new();
    let mut undetermined = Vec::new();
    for row in data::LIKELY.lines() {
        let Some([from, to]) = rows::fields(row) else {
            continue;
        };
        if let Some(subtag) = from.strip_prefix("und-") {
            let language = language_of(to);
            if !subtag.contains('-') && ours(language) {
                undetermined.push((subtag.to_ascii_lowercase(), language.to_string()));
            }
            continue;
        }
        if !ours(language_of(from)) {
            continue;
        }
        let (language, script, region) = super::subtags(from);
        let (_, likely_script, likely_region) = super::subtags(to);
        let key = (
            language,
            script.to_ascii_lowercase(),
            region.to_ascii_lowercase(),
        );
        likely_rows.push((key, (likely_script, likely_region)));
    }
    order::sort(&mut likely_rows);
    order::sort(&mut undetermined);
    // Grouped by language, each group sorted by script and region: the matcher finds its
    // language among the table's few, then searches a handful of rows.
    let mut likely: Vec<(String, Vec<LikelyRow>)> = Vec::new();
    for ((language, script, region), implied) in likely_rows {
        match likely.last_mut() {
            Some((last, rows)) if *last == language => rows.push(((script, region), implied)),
            _ => likely.push((language, vec![((script, region), implied)])),
        }
    }

    // A parent row matters only if its chain of parents reaches one of the table's tags: the
    // matcher walks the chain looking for one (`en-AT` → `en-150` → `en-001`).
    let rows_of_ours: Vec<(&'static str, &'static str)> = data::PARENTS
        .lines()
        .filter_map(|row| rows::fields(row).map(|[child, parent]| (child, parent)))
        .filter(|(child, parent)| !matches!(*parent, "root" | "und") && ours(language_of(child)))
        .collect();
    let reaches_a_tag = |mut parent: &str| {
        // CLDR's chains are short; the bound guards against a cycle in the data.
        for _ in 0..8 {
            if tags.iter().any(|tag| tag.eq_ignore_ascii_case(parent)) {
                return true;
            }
            match rows_of_ours.iter().find(|(child, _)| *child == parent) {
                Some((_, next)) => parent = next,
                None => return false,
            }
        }
        false
    };
    let mut parents: Vec<((String, String, String), &'static str)> = Vec::new();
    for &(child, parent) in &rows_of_ours {
        if !reaches_a_tag(parent) {
            continue;
        }
        let (language, script, region) = super::subtags(child);
        let key = (
            language,
            region.to_ascii_lowercase(),
            script.to_ascii_lowercase(),
        );
        parents.push((key, parent));
    }
    order::sort(&mut parents);

    let (languages, scripts, regions) = match_rows(&ours);
    let supported_regions = supported_regions(&supported, &regions);
    let mut rules = MatchingRules {
        cldr_version: data::CLDR_VERSION,
        supported,
        by_language,
        aliases,
        likely,
        undetermined,
        parents,
        languages,
        scripts,
        regions,
        supported_regions,
        language_keys: Vec::new(),
        supported_rows: Vec::new(),
        bare_fits: Vec::new(),
    };
    rules.language_keys = language_keys(&rules, tags);
    rules.supported_rows = supported_rows(&rules.supported, &rules.regions);
    rules.bare_fits = bare_fits(&rules);
    rules
}

/// `Rules::bare_fits`: for each supported tag, the runtime's own fit of a range of the tag's
/// language alone, maximized by these rules, to the tag (with its region bits and rows, as
/// the runtime reads them); empty if a fit has no byte.
fn bare_fits(rules: &MatchingRules) -> Vec<u8> {
    rules.with_rules(|runtime| {
        let mut fits = Vec::with_capacity(runtime.supported.len());
        for (index, supported) in runtime.supported.iter().enumerate() {
            let Some(range) = status_locale::Parts::parse(supported.language) else {
                return Vec::new();
            };
            let desired = range.maximize(runtime);
            let regions = runtime.supported_regions.get(index).map(|&(d, s)| {
                let rows = runtime
                    .supported_rows
                    .get(index)
                    .copied()
                    .unwrap_or(u64::MAX);
                (d & rows, s & rows)
            });
            let fit =
                status_locale::distance_with_regions(&desired, &[], supported, regions, runtime);
            match status_locale::Fit::to_byte(fit) {
                Some(byte) => fits.push(byte),
                None => return Vec::new(),
            }
        }
        fits
    })
}

/// For each supported tag, a bit per region row written for its language and script (or for
/// any), as `Rules::supported_rows` reads them; empty past 64 rows.
fn supported_rows(supported: &[(String, String, String)], regions: &[RegionDistance]) -> Vec<u64> {
    if regions.len() > 64 {
        return Vec::new();
    }
    let matches = |row: &str, subtag: &str| row == "*" || row.eq_ignore_ascii_case(subtag);
    supported
        .iter()
        .map(|(language, script, _)| {
            let mut bits = 0u64;
            for (index, row) in regions.iter().enumerate() {
                if matches(row.language, language) && matches(row.script, script) {
                    bits |= 1 << index;
                }
            }
            bits
        })
        .collect()
}

/// `Rules::language_keys` for these rules: the key of each row's language in `by_language`
/// and `aliases`, or none at all if a table's language has no key, a run is not
/// sorted by key, or a tag's written language is not the table's (the runtime would then pass
/// over a range that fits the tag as written).
fn language_keys(rules: &MatchingRules, tags: &[&str]) -> Vec<u16> {
    let own = rules
        .by_language
        .iter()
        .map(|(language, _)| language.as_str());
    let aliases = rules.aliases.iter().map(|(alias, _, _)| language_of(alias));
    let written_ours = tags.iter().all(|tag| {
        let written = language_of(tag).to_ascii_lowercase();
        rules
            .by_language
            .iter()
            .any(|(language, _)| *language == written)
    });
    let mut keys = Vec::with_capacity(rules.by_language.len() + rules.aliases.len());
    for run in [own.collect::<Vec<_>>(), aliases.collect()] {
        let start = keys.len();
        for language in run {
            match status_locale::language_key(language.as_bytes()) {
                Some(key) => keys.push(key),
                None => return Vec::new(),
            }
        }
        if !written_ours || rules.by_language.is_empty() || !keys[start..].is_sorted() {
            return Vec::new();
        }
    }
    keys
}

/// Sorts `languageMatch` into language, script and region rows, keeping those whose supported
/// side is a language `ours` accepts.
#[allow(clippy::type_complexity)]
fn match_rows(
    ours: &dyn Fn(&str) -> bool,
) -> (
    Vec<(String, String, u8, String)>,
    Vec<(&'static str, &'static str, &'static str, u8)>,
    Vec<RegionDistance>,
) {
    let (mut language_rows, mut script_rows, mut region_rows) =
        (Vec::new(), Vec::new(), Vec::new());
    for row in data::LANGUAGE_MATCHES.lines() {
        let Some([desired, supported, distance, oneway]) = rows::fields(row) else {
            continue;
        };
        let (Ok(distance), oneway) = (distance.parse::<u8>(), oneway == "true") else {
            continue;
        };
        // Language rows may match either way round; the others only for a language of ours.
        let (dl, sl) = (language_of(desired), language_of(supported));
        if !(ours(sl) || ours(dl) || dl == "*") {
            continue;
        }
        let d: Vec<&'static str> = desired.split('_').collect();
        let s: Vec<&'static str> = supported.split('_').collect();
        let directions = if oneway { 1 } else { 2 };
        match (d.as_slice(), s.as_slice()) {
            ([d], [s]) if *d != "*" && *s != "*" => {
                let pairs = [(d, s), (s, d)];
                for &(d, s) in &pairs[..directions] {
                    if ours(s) && d != s {
                        language_rows.push((
                            d.to_ascii_lowercase(),
                            s.to_ascii_lowercase(),
                            distance,
                        ));
                    }
                }
            }
            ([dl, ds], [sl, ss]) if dl == sl && ours(dl) && *ds != "*" => {
                let pairs = [(*ds, *ss), (*ss, *ds)];
                for &(d, s) in &pairs[..directions] {
                    script_rows.push((*dl, d, s, distance));
                }
            }
            ([dl, ds, dr], [sl, _, sr]) if dl == sl && (*dl == "*" || ours(dl)) => {
                region_rows.push(RegionDistance {
                    language: dl,
                    script: ds,
                    desired: regions(dr),
                    supported: regions(sr),
                    distance,
                    oneway,
                });
            }
            _ => {}
        }
    }
    // The matcher searches these by (desired, supported); CLDR's first row for a pair wins.
    order::sort_by(&mut language_rows, &|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    language_rows.dedup_by(|later, first| (&later.0, &later.1) == (&first.0, &first.1));
    let mut languages = Vec::with_capacity(language_rows.len());
    for (d, s, n) in language_rows {
        let region = super::maximize(&d).region;
        languages.push((d, s, n, region));
    }
    (languages, script_rows, region_rows)
}

/// A region of a CLDR row: `*`, a match variable (`$enUS`, `$!enUS`) or one region.
fn regions(spec: &'static str) -> Regions {
    if spec == "*" {
        return Regions::Any;
    }
    let (negated, name) = match spec.strip_prefix("$!") {
        Some(name) => (true, format!("${name}")),
        None => (false, spec.to_string()),
    };
    let listed: Vec<&'static str> = data::MATCH_VARIABLES
        .iter()
        .find(|(variable, _)| *variable == name)
        .map_or_else(|| vec![spec], |(_, regions)| regions.to_vec());
    if negated {
        Regions::NotIn(listed)
    } else {
        Regions::In(listed)
    }
}
