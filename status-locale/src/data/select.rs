//! The CLDR rows one table's matcher needs: only rows that can lead to a language of the table,
//! so other languages cost nothing at run time. [`rules_for`] lends them as the runtime's
//! [`Rules`]; the macro writes that value out as a `Rules` expression, and a tool reading a
//! table at run time (the `status-codes` command) matches with it directly.

use alloc::string::String;
use alloc::vec::Vec;

use super::{cldr, maximize, rows, split};
use crate::{
    Fit, LanguageRow, LikelyRow, ParentRow, Parts, RegionDistance, Regions, Rules, Subtags,
    compare_folded, distance_with_regions, language_key, language_of, region_key,
};

/// Calls `f` with the rows of CLDR for a table with these tags (BCP 47 tags, default first),
/// as the runtime's [`Rules`]: the value `status_codes!` writes for the same tags.
///
/// The rows are borrowed from the data and the tags, in the case the runtime's rows take (the
/// data's keys are written lower case for this). Every row is first tested by its language
/// subtag alone, a slice of the row compared with the table's few languages, and only the rows
/// kept are split: the generator runs unoptimized inside rustc, where splitting each of CLDR's
/// two thousand rows cost milliseconds per table.
pub fn rules_for<R>(tags: &[&str], f: impl FnOnce(&Rules<'_>) -> R) -> R {
    let mut languages: Vec<String> = Vec::with_capacity(tags.len() * 2);
    let mut supported: Vec<Subtags<'_>> = Vec::with_capacity(tags.len());
    for tag in tags {
        let m = maximize(tag);
        languages.push(language_of(tag).to_ascii_lowercase());
        // `und-TW` is Chinese: it needs the rows of `zh`.
        languages.push(m.language.to_ascii_lowercase());
        supported.push(m);
    }
    let mut by_language: Vec<(&str, Vec<u16>)> = Vec::new();
    for (index, tag) in supported.iter().enumerate() {
        // More tags than a u16 counts are matched by the full scan (an empty index).
        let Ok(index) = u16::try_from(index) else {
            by_language.clear();
            break;
        };
        let known = by_language
            .iter_mut()
            .find(|(known, _)| known.eq_ignore_ascii_case(tag.language));
        match known {
            Some((_, indices)) => indices.push(index),
            None => by_language.push((tag.language, alloc::vec![index])),
        }
    }
    by_language.sort_by(|a, b| compare_folded(a.0, b.0));
    languages.sort();
    languages.dedup();
    // The data's language subtags are lower case (a test checks), as `languages` are.
    let ours = |language: &str| {
        languages
            .binary_search_by(|known| known.as_str().cmp(language))
            .is_ok()
    };

    let mut aliases = Vec::new();
    for row in cldr::LANGUAGE_ALIASES.lines() {
        let Some([alias, replacement]) = rows::fields(row) else {
            continue;
        };
        if ours(language_of(replacement)) {
            let replaced = split(replacement);
            aliases.push((alias, replaced.language, replaced.script));
        }
    }

    // The keys of likelySubtags are lower case, as the runtime's rows are.
    let mut likely_rows: Vec<(Key<'_>, (&str, &str))> = Vec::new();
    let mut undetermined = Vec::new();
    for row in cldr::LIKELY.lines() {
        let Some([from, to]) = rows::fields(row) else {
            continue;
        };
        if let Some(subtag) = from.strip_prefix("und-") {
            let language = language_of(to);
            if !subtag.contains('-') && ours(language) {
                undetermined.push((subtag, language));
            }
            continue;
        }
        if !ours(language_of(from)) {
            continue;
        }
        let (key, implied) = (split(from), split(to));
        likely_rows.push((
            (key.language, key.script, key.region),
            (implied.script, implied.region),
        ));
    }
    likely_rows.sort();
    undetermined.sort();
    // Grouped by language, each group sorted by script and region: the matcher finds its
    // language among the table's few, then searches a handful of rows.
    let mut likely: Vec<(&str, Vec<LikelyRow<'_>>)> = Vec::new();
    for ((language, script, region), implied) in likely_rows {
        match likely.last_mut() {
            Some((last, rows)) if *last == language => rows.push(((script, region), implied)),
            _ => likely.push((language, alloc::vec![((script, region), implied)])),
        }
    }

    // A parent row matters only if its chain of parents reaches one of the table's tags: the
    // matcher walks the chain looking for one (`en-AT` → `en-150` → `en-001`).
    let rows_of_ours: Vec<(&'static str, &'static str)> = cldr::PARENTS
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
            // Children are written lower case, parents in canonical case.
            match rows_of_ours
                .iter()
                .find(|(child, _)| child.eq_ignore_ascii_case(parent))
            {
                Some((_, next)) => parent = next,
                None => return false,
            }
        }
        false
    };
    let mut parents: Vec<ParentRow<'_>> = Vec::new();
    for &(child, parent) in &rows_of_ours {
        if reaches_a_tag(parent) {
            let child = split(child);
            parents.push(((child.language, child.region, child.script), parent));
        }
    }
    parents.sort();

    let (language_rows, scripts, regions) = match_rows(&ours);
    let language_rows = pack_language_rows(&language_rows, &by_language);
    let supported_regions = supported_regions(&supported, &regions);

    let by_language: Vec<(&str, &[u16])> = by_language
        .iter()
        .map(|(language, indices)| (*language, indices.as_slice()))
        .collect();
    let likely: Vec<(&str, &[LikelyRow<'_>])> = likely
        .iter()
        .map(|(language, rows)| (*language, rows.as_slice()))
        .collect();
    let supported_rows = supported_rows(&supported, &regions);
    let language_keys = language_keys(&by_language, &aliases, tags);
    let mut rules = Rules {
        cldr_version: cldr::CLDR_VERSION,
        supported: &supported,
        by_language: &by_language,
        aliases: &aliases,
        likely: &likely,
        undetermined: &undetermined,
        parents: &parents,
        languages: &language_rows,
        scripts: &scripts,
        regions: &regions,
        supported_regions: &supported_regions,
        language_keys: &language_keys,
        supported_rows: &supported_rows,
        bare_fits: &[],
    };
    let bare_fits = bare_fits(&rules);
    rules.bare_fits = &bare_fits;
    f(&rules)
}

/// `Rules::bare_fits`: for each supported tag, the runtime's own fit of a range of the tag's
/// language alone, maximized by these rules, to the tag (with its region bits and rows, as
/// the runtime reads them); empty if a fit has no byte.
fn bare_fits(rules: &Rules<'_>) -> Vec<u8> {
    let mut fits = Vec::with_capacity(rules.supported.len());
    for (index, supported) in rules.supported.iter().enumerate() {
        let Some(range) = Parts::parse(supported.language) else {
            return Vec::new();
        };
        let desired = range.maximize(rules);
        let regions = rules.supported_regions.get(index).map(|&(d, s)| {
            let rows = rules.supported_rows.get(index).copied().unwrap_or(u64::MAX);
            (d & rows, s & rows)
        });
        let fit = distance_with_regions(&desired, &[], supported, regions, rules);
        match Fit::to_byte(fit) {
            Some(byte) => fits.push(byte),
            None => return Vec::new(),
        }
    }
    fits
}

/// For each supported tag, a bit per region row written for its language and script (or for
/// any), as `Rules::supported_rows` reads them; empty past 64 rows.
fn supported_rows(supported: &[Subtags<'_>], regions: &[RegionDistance<'_>]) -> Vec<u64> {
    if regions.len() > 64 {
        return Vec::new();
    }
    supported
        .iter()
        .map(|tag| {
            let mut bits = 0u64;
            for (index, row) in regions.iter().enumerate() {
                if row.applies_to(tag.language, tag.script) {
                    bits |= 1 << index;
                }
            }
            bits
        })
        .collect()
}

/// `Rules::language_keys`: the key of each row's language in `by_language` and `aliases`, or
/// none at all if a table's language has no key, a run is not sorted by key, or a tag's
/// written language is not the table's (the runtime would then pass over a range that fits
/// the tag as written).
fn language_keys(
    by_language: &[(&str, &[u16])],
    aliases: &[(&str, &str, &str)],
    tags: &[&str],
) -> Vec<u16> {
    let written_ours = tags.iter().all(|tag| {
        let written = language_of(tag);
        by_language
            .iter()
            .any(|(language, _)| language.eq_ignore_ascii_case(written))
    });
    if !written_ours || by_language.is_empty() {
        return Vec::new();
    }
    let own: Vec<&str> = by_language.iter().map(|(language, _)| *language).collect();
    let aliased: Vec<&str> = aliases
        .iter()
        .map(|(alias, _, _)| language_of(alias))
        .collect();
    let mut keys = Vec::with_capacity(own.len() + aliased.len());
    for run in [own, aliased] {
        let start = keys.len();
        for language in run {
            match language_key(language.as_bytes()) {
                Some(key) => keys.push(key),
                None => return Vec::new(),
            }
        }
        if !keys[start..].is_sorted() {
            return Vec::new();
        }
    }
    keys
}

/// A likelySubtags key: language, script, region (lower case, `""` where absent).
type Key<'a> = (&'a str, &'a str, &'a str);

/// For each supported tag, a bit per region row whose desired (first) and supported (second)
/// set holds the tag's region, as `Rules::supported_regions` reads them; empty past 64 rows.
fn supported_regions(supported: &[Subtags<'_>], regions: &[RegionDistance<'_>]) -> Vec<(u64, u64)> {
    if regions.len() > 64 {
        return Vec::new();
    }
    supported
        .iter()
        .map(|tag| {
            let mut bits = (0u64, 0u64);
            for (index, row) in regions.iter().enumerate() {
                if row.desired.contains(tag.region) {
                    bits.0 |= 1 << index;
                }
                if row.supported.contains(tag.region) {
                    bits.1 |= 1 << index;
                }
            }
            bits
        })
        .collect()
}

/// `Rules::languages`: each row whose supported language is one of the table's (`by_language`,
/// sorted) as [`LanguageRow::to_bits`] writes it, sorted. Every language of CLDR's rows has a
/// key (a test checks); a row whose language had none could not be searched, and is left out.
fn pack_language_rows(
    rows: &[(&str, &str, u8, &str)],
    by_language: &[(&str, Vec<u16>)],
) -> Vec<u64> {
    let mut packed: Vec<u64> = rows
        .iter()
        .filter_map(|&(desired, supported, distance, region)| {
            by_language
                .binary_search_by(|(known, _)| compare_folded(known, supported))
                .ok()?;
            let row = LanguageRow {
                desired: language_key(desired.as_bytes())?,
                supported: language_key(supported.as_bytes())?,
                region: region_key(region),
                distance,
            };
            Some(row.to_bits())
        })
        .collect();
    packed.sort_unstable();
    packed
}

/// The language, script and region rows of `languageMatch`.
type MatchRows = (
    Vec<(&'static str, &'static str, u8, &'static str)>,
    Vec<(&'static str, &'static str, &'static str, u8)>,
    Vec<RegionDistance<'static>>,
);

/// Sorts `languageMatch` into language, script and region rows, keeping those whose supported
/// side is a language `ours` accepts.
fn match_rows(ours: &dyn Fn(&str) -> bool) -> MatchRows {
    let (mut language_rows, mut script_rows, mut region_rows) =
        (Vec::new(), Vec::new(), Vec::new());
    for row in cldr::LANGUAGE_MATCHES.lines() {
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
                let pairs = [(*d, *s), (*s, *d)];
                for &(d, s) in &pairs[..directions] {
                    // The data's languages are lower case (a test checks).
                    if ours(s) && d != s {
                        language_rows.push((d, s, distance));
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
    language_rows.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    language_rows.dedup_by(|later, first| (later.0, later.1) == (first.0, first.1));
    let languages = language_rows
        .into_iter()
        .map(|(d, s, n)| (d, s, n, maximize(d).region))
        .collect();
    (languages, script_rows, region_rows)
}

/// A region of a CLDR row: `*`, a match variable (`$enUS`, `$!enUS`) or one region.
fn regions(spec: &'static str) -> Regions<'static> {
    if spec == "*" {
        return Regions::Any;
    }
    let (negated, name) = match spec.strip_prefix("$!") {
        Some(name) => (true, name),
        None => (false, spec.strip_prefix('$').unwrap_or(spec)),
    };
    let variable = cldr::MATCH_VARIABLES
        .iter()
        .find(|(variable, _)| variable.strip_prefix('$') == Some(name))
        .map(|(_, regions)| *regions);
    // A region written alone is one of `WRITTEN_REGIONS` (a test checks).
    let written: &'static [&'static str] = cldr::WRITTEN_REGIONS;
    let listed = variable.unwrap_or_else(|| {
        written
            .binary_search_by(|region| region.cmp(&spec))
            .map_or(&[], |at| core::slice::from_ref(&written[at]))
    });
    if negated {
        Regions::NotIn(listed)
    } else {
        Regions::In(listed)
    }
}

#[cfg(test)]
mod tests {
    use alloc::string::String;
    use alloc::vec::Vec;

    use super::*;

    fn aliases(tags: &[&str]) -> Vec<String> {
        rules_for(tags, |rules| {
            rules
                .aliases
                .iter()
                .map(|(alias, ..)| String::from(*alias))
                .collect()
        })
    }

    #[test]
    fn every_language_of_cldrs_language_rows_has_a_key() {
        let (rows, _, _) = match_rows(&|_| true);
        assert!(rows.len() > 100, "{} rows", rows.len());
        for (desired, supported, _, region) in &rows {
            assert!(language_key(desired.as_bytes()).is_some(), "{desired}");
            assert!(language_key(supported.as_bytes()).is_some(), "{supported}");
            assert!(region.is_empty() || region_key(region) != 0, "{region}");
        }
    }

    #[test]
    fn language_rows_are_written_as_numbers_the_runtime_reads() {
        rules_for(&["en", "nb", "zh-CN"], |rules| {
            assert!(rules.languages.is_sorted());
            let key = |language: &str| language_key(language.as_bytes()).unwrap();
            // CLDR: `nn` reads `nb` at 20 (both ways); `af` reads English at 20, one way; a
            // language's likely region comes along (`nn`: Norway).
            let nn: Vec<LanguageRow> = crate::related_rows("nn", rules)
                .iter()
                .map(|&row| LanguageRow::from_bits(row))
                .collect();
            let expected = LanguageRow {
                desired: key("nn"),
                supported: key("nb"),
                region: region_key("NO"),
                distance: 20,
            };
            assert_eq!(nn, [expected]);
            assert_eq!(LanguageRow::from_bits(expected.to_bits()), expected);
            let af = crate::related_rows("AF", rules);
            assert!(
                af.iter()
                    .any(|&row| LanguageRow::from_bits(row).supported == key("en"))
            );
            // Rows only lead to the table's languages: none to `nn`, which it lacks.
            assert!(
                crate::related_rows("nb", rules)
                    .iter()
                    .all(|&row| LanguageRow::from_bits(row).supported != key("nn"))
            );
        });
        assert_eq!(region_key("419"), 1024 + 419);
        assert_eq!(region_key("no"), region_key("NO"));
        for other in ["", "N", "NOR", "4a9", "é1"] {
            assert_eq!(region_key(other), 0, "{other:?}");
        }
    }

    #[test]
    fn only_the_tables_languages_get_rows() {
        let chinese = aliases(&["en", "zh-CN"]);
        let has = |aliases: &[String], alias: &str| aliases.iter().any(|known| known == alias);
        assert!(has(&chinese, "cmn"), "{chinese:?}");
        assert!(!has(&chinese, "iw"), "no Hebrew rows without he");
        assert!(
            !has(&chinese, "sh"),
            "no Serbo-Croatian rows without sr, hr or bs"
        );
        assert!(has(&aliases(&["en", "he"]), "iw"));
        assert!(has(&aliases(&["en", "sr"]), "sh"));
        rules_for(&["en", "zh-CN"], |rules| {
            let zh = rules.likely.iter().find(|(language, _)| *language == "zh");
            let (_, rows) = zh.expect("zh's likely rows");
            assert!(rows.contains(&(("", "tw"), ("Hant", "TW"))));
            assert!(
                rules
                    .likely
                    .iter()
                    .all(|(language, _)| ["en", "zh"].contains(language))
            );
        });
    }

    #[test]
    fn undetermined_ranges_and_parent_chains_keep_only_rows_that_can_lead_to_a_tag() {
        rules_for(&["en", "zh-CN"], |rules| {
            assert!(
                rules.undetermined.contains(&("tw", "zh")),
                "und-TW is Chinese"
            );
            assert!(
                !rules.undetermined.contains(&("fr", "fr")),
                "no French rows without fr"
            );
            // `en-AU` → `en-001` leads to no tag of this table, so the row is left out.
            assert!(rules.parents.iter().all(|(_, parent)| *parent != "en-001"));
        });
        rules_for(&["en", "fr"], |rules| {
            assert!(rules.undetermined.iter().any(|(subtag, _)| *subtag == "fr"));
        });
        rules_for(&["en", "en-001", "es", "es-419"], |rules| {
            assert!(rules.parents.contains(&(("en", "au", ""), "en-001")));
            assert!(
                rules.parents.contains(&(("en", "at", ""), "en-150")),
                "en-150 → en-001"
            );
            assert!(rules.parents.contains(&(("es", "mx", ""), "es-419")));
        });
        rules_for(&["zh-Hant-HK", "zh-Hant-MO"], |rules| {
            // A chain through a parent written in canonical case (`zh-Hant-HK`).
            assert!(
                rules
                    .parents
                    .iter()
                    .any(|(_, parent)| *parent == "zh-Hant-HK")
            );
        });
    }

    #[test]
    fn supported_tags_are_maximized_and_indexed() {
        rules_for(&["en", "zh-Hant", "en-GB"], |rules| {
            let tags: Vec<(&str, &str, &str)> = rules
                .supported
                .iter()
                .map(|tag| (tag.language, tag.script, tag.region))
                .collect();
            assert_eq!(
                tags,
                [
                    ("en", "Latn", "US"),
                    ("zh", "Hant", "TW"),
                    ("en", "Latn", "GB")
                ]
            );
            assert_eq!(rules.by_language, [("en", &[0, 2][..]), ("zh", &[1][..])]);
            assert_eq!(rules.supported_regions.len(), 3);
            assert_eq!(rules.cldr_version, super::super::CLDR_VERSION);
        });
    }

    #[test]
    fn region_rows_borrow_their_sets() {
        rules_for(&["en", "en-GB"], |rules| {
            let gb = rules
                .regions
                .iter()
                .find(|row| matches!(row.supported, Regions::In(["GB"])) && row.language == "en");
            let gb = gb.expect("en_*_GB");
            assert!(matches!(gb.desired, Regions::NotIn(listed) if listed.contains(&"US")));
        });
    }
}
