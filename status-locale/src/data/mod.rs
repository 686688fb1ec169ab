//! CLDR's data (release [`CLDR_VERSION`]) and the IANA Language Subtag Registry (the file of
//! [`REGISTRY_DATE`]), generated into `cldr.rs` and `registry.rs` by `scripts/cldr/generate.py`,
//! and what reads them at build time: tags checked and canonicalized ([`canonical`],
//! [`is_registered`], [`deprecated`]), maximized against all of CLDR ([`maximize`]), and the
//! rows one table's matcher needs ([`rules_for`]). The runtime reads only the rows the
//! generator wrote for its table, so none of this is compiled into it.

mod cldr;
mod registry;
mod rows;
mod select;
mod tag;

use alloc::vec::Vec;

pub use cldr::CLDR_VERSION;
pub use registry::REGISTRY_DATE;
pub use select::rules_for;
pub use tag::{
    SubtagKind, canonical, deprecated, is_private_use, is_registered, likely_language_of_region,
};

use crate::{LikelyRow, Parts, Rules, Subtags, compare_folded, language_of};

/// CLDR's likely subtags for a tag, after its language alias (`zh-TW` → `zh`, `Hant`, `TW`;
/// `iw` → `he`, `Hebr`, `IL`), by the runtime's own [`Parts::maximize`] over the rows of CLDR
/// that concern the tag. Subtags are as written in the tag or in CLDR (which writes them in
/// canonical case); `und` alone stays undetermined, as in ICU.
pub fn maximize(tag: &str) -> Subtags<'_> {
    let Some(parts) = Parts::parse(tag) else {
        return Subtags {
            language: language_of(tag),
            script: "",
            region: "",
        };
    };
    let rows = TagRows::of(&parts);
    let likely: Vec<(&str, &[LikelyRow<'_>])> = rows
        .likely
        .iter()
        .map(|(language, rows)| (*language, rows.as_slice()))
        .collect();
    let rules = Rules {
        aliases: &rows.aliases,
        likely: &likely,
        undetermined: &rows.undetermined,
        ..Rules::NONE
    };
    let found = parts.maximize(&rules);
    // The result borrows from `rules`, built here; each of its subtags is one of the tag's or
    // of the rows', which live as long as the tag, and is taken from there.
    let written = [
        parts.language,
        parts.script.unwrap_or(""),
        parts.region.unwrap_or(""),
    ];
    let again = |text: &str| {
        let aliases = rows
            .aliases
            .iter()
            .flat_map(|(_, language, script)| [*language, *script]);
        let undetermined = rows.undetermined.iter().map(|(_, language)| *language);
        let likely = rows.likely.iter().flat_map(|(_, rows)| rows.iter());
        let likely = likely.flat_map(|(_, (script, region))| [*script, *region]);
        let mut texts = written
            .into_iter()
            .chain(aliases)
            .chain(undetermined)
            .chain(likely);
        texts.find(|known| *known == text).unwrap_or("")
    };
    Subtags {
        language: again(found.language),
        script: again(found.script),
        region: again(found.region),
    }
}

/// The rows of CLDR that can concern one tag: `und`'s likely language for its region and
/// script, the aliases of its language (or of those), and the likely subtags of each.
struct TagRows<'t> {
    aliases: Vec<(&'t str, &'t str, &'t str)>,
    likely: Vec<(&'t str, Vec<LikelyRow<'t>>)>,
    undetermined: Vec<(&'t str, &'t str)>,
}

impl<'t> TagRows<'t> {
    fn of(parts: &Parts<'t>) -> TagRows<'t> {
        let mut undetermined = Vec::new();
        let mut languages = alloc::vec![parts.language];
        if parts.language.eq_ignore_ascii_case("und") {
            for subtag in [parts.region, parts.script].into_iter().flatten() {
                let key = alloc::format!("und-{}", subtag.to_ascii_lowercase());
                if let Some([key, likely]) =
                    rows::find(cldr::LIKELY, b'\n', &key).and_then(rows::fields)
                {
                    undetermined.push((&key[4..], language_of(likely)));
                    languages.push(language_of(likely));
                }
            }
        }
        let mut aliases = Vec::new();
        // A legacy tag (`i-klingon`) is an alias as a whole.
        let legacy = matches!(parts.language.as_bytes(), [b'i' | b'I']).then_some(parts.text);
        for alias in languages.clone().into_iter().chain(legacy) {
            let key = alias.to_ascii_lowercase();
            if let Some([alias, replacement]) =
                rows::find(cldr::LANGUAGE_ALIASES, b'\n', &key).and_then(rows::fields)
            {
                let replaced = split(replacement);
                aliases.push((alias, replaced.language, replaced.script));
                languages.push(replaced.language);
            }
        }
        let mut likely = Vec::new();
        for language in &languages {
            let key = language.to_ascii_lowercase();
            if key == "und" || likely.iter().any(|(known, _)| *known == key) {
                continue;
            }
            let mut group: Vec<LikelyRow<'t>> = Vec::new();
            let mut name = "";
            for row in rows::of_language(cldr::LIKELY, &key) {
                let Some([from, to]) = rows::fields(row) else {
                    continue;
                };
                let (from, to) = (split(from), split(to));
                name = from.language;
                group.push(((from.script, from.region), (to.script, to.region)));
            }
            if !group.is_empty() {
                sort_likely(&mut group);
                likely.push((name, group));
            }
        }
        undetermined.sort_by(|a, b| compare_folded(a.0, b.0));
        aliases.sort_by(|a, b| compare_folded(a.0, b.0));
        aliases.dedup_by(|a, b| a.0 == b.0);
        likely.sort_by(|a, b| compare_folded(a.0, b.0));
        TagRows {
            aliases,
            likely,
            undetermined,
        }
    }
}

/// Sorts one language's likely rows as the runtime searches them: by script, then region,
/// folded, so the language alone (`("", "")`) is first.
fn sort_likely(rows: &mut [LikelyRow<'_>]) {
    rows.sort_by(|a, b| compare_folded(a.0.0, b.0.0).then_with(|| compare_folded(a.0.1, b.0.1)));
}

/// The language, script and region of a tag of the data (always well formed), as written.
fn split(tag: &'static str) -> Subtags<'static> {
    match Parts::parse(tag) {
        Some(parts) => Subtags {
            language: parts.language,
            script: parts.script.unwrap_or(""),
            region: parts.region.unwrap_or(""),
        },
        None => Subtags {
            language: language_of(tag),
            script: "",
            region: "",
        },
    }
}

#[cfg(test)]
mod tests {
    use alloc::string::{String, ToString};
    use alloc::vec::Vec;
    use alloc::{format, vec};

    use super::*;

    fn lsr(tag: &str) -> (&str, &str, &str) {
        let m = maximize(tag);
        (m.language, m.script, m.region)
    }

    #[test]
    fn likely_subtags_fill_script_and_region() {
        assert_eq!(lsr("en"), ("en", "Latn", "US"));
        assert_eq!(lsr("zh-TW"), ("zh", "Hant", "TW"));
        assert_eq!(lsr("zh-Hant"), ("zh", "Hant", "TW"));
        assert_eq!(lsr("zh"), ("zh", "Hans", "CN"));
        assert_eq!(lsr("sr"), ("sr", "Cyrl", "RS"));
        assert_eq!(lsr("sr-ME"), ("sr", "Latn", "ME"));
        assert_eq!(lsr("uz-AF"), ("uz", "Arab", "AF"));
        assert_eq!(lsr("pa-PK"), ("pa", "Arab", "PK"));
        assert_eq!(lsr("az-IR"), ("az", "Arab", "IR"));
        assert_eq!(lsr("iw"), ("he", "Hebr", "IL"));
        assert_eq!(lsr("sh"), ("sr", "Latn", "RS"));
        assert_eq!(lsr("es-419"), ("es", "Latn", "419"));
        assert_eq!(lsr("i-klingon"), ("tlh", "", ""));
        // `und` with a region or script takes the likely language; alone it stays `und`.
        assert_eq!(lsr("und-TW"), ("zh", "Hant", "TW"));
        assert_eq!(lsr("und-FR"), ("fr", "Latn", "FR"));
        assert_eq!(lsr("und-Hant"), ("zh", "Hant", "TW"));
        assert_eq!(lsr("und"), ("und", "", ""));
        // Written subtags are kept as written; the runtime compares them folded.
        assert_eq!(lsr("ZH_tw"), ("ZH", "Hant", "tw"));
    }

    #[test]
    fn versions_are_those_the_files_name() {
        let cldr = include_str!("cldr.rs");
        assert!(cldr.contains(&format!("from CLDR\n//! {CLDR_VERSION} (")));
        assert!(cldr.contains(&format!("cldr-core {CLDR_VERSION}.")));
        let registry = include_str!("registry.rs");
        assert!(registry.contains(&format!("registry file of {REGISTRY_DATE} (File-Date)")));
        // The crate's documentation names them too.
        let docs = include_str!("../lib.rs");
        assert!(docs.contains(&format!("(CLDR {CLDR_VERSION})")));
        assert!(docs.contains(&format!("the file of {REGISTRY_DATE})")));
        let readme = include_str!("../../README.md");
        assert!(readme.contains(&format!("(release {CLDR_VERSION}, ")));
        assert!(readme.contains(&format!("the file of\n{REGISTRY_DATE},")));
    }

    #[test]
    fn data_is_sorted() {
        let likely_rows = table(cldr::LIKELY, 2);
        assert!(likely_rows.windows(2).all(|w| w[0][0] < w[1][0]));
        for row in &likely_rows {
            assert_eq!(
                rows::find(cldr::LIKELY, b'\n', row[0]),
                Some(row.join(" ")).as_deref()
            );
        }
        let aliases = table(cldr::LANGUAGE_ALIASES, 3);
        assert!(aliases.windows(2).all(|w| w[0][0] <= w[1][0]));
        for (at, row) in aliases.iter().enumerate() {
            // The first row of an alias is the one maximization reads.
            if at == 0 || aliases[at - 1][0] != row[0] {
                assert_eq!(
                    maximize(row[0]).language,
                    split(row[1]).language,
                    "{}",
                    row[0]
                );
            }
        }
        let parents = table(cldr::PARENTS, 2);
        assert!(parents.windows(2).all(|w| w[0][0] < w[1][0]));
        for row in table(cldr::LANGUAGE_MATCHES, 4) {
            assert!(row[2].parse::<u8>().is_ok(), "{row:?}");
            assert!(row[3] == "true" || row[3] == "false", "{row:?}");
        }
    }

    /// The rows of a generated table, each checked to have `width` non-empty fields.
    fn table(rows: &'static str, width: usize) -> Vec<Vec<&'static str>> {
        let rows: Vec<Vec<&str>> = rows.lines().map(|row| row.split(' ').collect()).collect();
        assert!(!rows.is_empty());
        for row in &rows {
            assert_eq!(row.len(), width, "{row:?}");
            assert!(row.iter().all(|field| !field.is_empty()), "{row:?}");
        }
        rows
    }

    /// The runtime binary-searches the listed regions, folding only the region it looks for
    /// to upper case (`Regions::contains`); a region written alone is borrowed from
    /// `WRITTEN_REGIONS`.
    #[test]
    fn the_datas_listed_regions_are_upper_case_and_sorted() {
        for (name, regions) in cldr::MATCH_VARIABLES {
            for region in *regions {
                assert_eq!(*region, region.to_ascii_uppercase(), "{region}");
            }
            assert!(regions.windows(2).all(|w| w[0] < w[1]), "{name}");
        }
        let written = cldr::WRITTEN_REGIONS;
        assert!(written.windows(2).all(|w| w[0] < w[1]));
        for row in table(cldr::LANGUAGE_MATCHES, 4) {
            for side in &row[..2] {
                if let Some(region) = side.split('_').nth(2) {
                    let plain = !region.starts_with('$') && region != "*";
                    assert!(!plain || region == region.to_ascii_uppercase(), "{row:?}");
                    assert!(!plain || written.contains(&region), "{row:?}");
                }
            }
        }
    }

    /// The selection compares the rows' language subtags with the table's, which are lower
    /// case, and borrows the keys of likelySubtags and parentLocales as the lower-case keys of
    /// the runtime's rows.
    #[test]
    fn the_datas_keys_and_language_subtags_are_lower_case() {
        let lower = |tag: &str| {
            let language = tag.split(['-', '_']).next().unwrap_or("");
            !language.is_empty() && (language == "*" || language == language.to_ascii_lowercase())
        };
        let all_lower = |text: &str| text == text.to_ascii_lowercase();
        let likely = table(cldr::LIKELY, 2);
        assert!(likely.iter().all(|row| all_lower(row[0]) && lower(row[1])));
        let aliases = table(cldr::LANGUAGE_ALIASES, 3);
        assert!(aliases.iter().all(|row| lower(row[1])));
        assert!(table(cldr::PARENTS, 2).iter().all(|row| all_lower(row[0])));
        let matches = table(cldr::LANGUAGE_MATCHES, 4);
        assert!(matches.iter().all(|row| lower(row[0]) && lower(row[1])));
    }

    /// One parser: every tag the build-time checks accept (canonical, registered) is a tag
    /// the runtime's `Parts::parse` reads, into the same subtags; and whatever the runtime
    /// refuses, canonicalization refuses too. Tags are drawn from the registry's subtags, in
    /// random case and with either separator, and from random text.
    #[test]
    fn the_runtime_parser_reads_every_tag_the_build_accepts() {
        let words = |list: &'static str| -> Vec<&'static str> { list.split(' ').collect() };
        let (languages, scripts) = (words(registry::LANGUAGES), words(registry::SCRIPTS));
        let (regions, variants) = (words(registry::REGIONS), words(registry::VARIANTS));
        let mut seed = 0x9e37_79b9_u32;
        let mut next = move |below: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed as usize % below
        };
        let mut accepted = 0;
        for round in 0..20_000 {
            let tag = if round % 2 == 0 {
                let mut subtags = vec![languages[next(languages.len())].to_string()];
                if next(2) == 0 {
                    subtags.push(scripts[next(scripts.len())].to_string());
                }
                if next(2) == 0 {
                    subtags.push(regions[next(regions.len())].to_string());
                }
                if next(4) == 0 {
                    subtags.push(variants[next(variants.len())].to_string());
                }
                if next(8) == 0 {
                    subtags.push("x-private".to_string());
                }
                let mut tag = String::new();
                for (index, subtag) in subtags.iter().enumerate() {
                    if index > 0 {
                        tag.push(if next(2) == 0 { '-' } else { '_' });
                    }
                    for c in subtag.chars() {
                        tag.push(if next(2) == 0 {
                            c.to_ascii_uppercase()
                        } else {
                            c
                        });
                    }
                }
                tag
            } else {
                let alphabet = b"aZ09-_xQ";
                (0..next(12))
                    .map(|_| char::from(alphabet[next(alphabet.len())]))
                    .collect()
            };
            let (canonical, parts) = (canonical(&tag), Parts::parse(&tag));
            let Some(canonical) = canonical else {
                continue;
            };
            accepted += 1;
            let parts = parts.unwrap_or_else(|| panic!("{tag}: canonical, but not parsed"));
            let again = Parts::parse(&canonical).unwrap_or_else(|| panic!("{canonical}"));
            assert!(parts.language.eq_ignore_ascii_case(again.language), "{tag}");
            assert_eq!(
                parts.script.map(str::to_ascii_lowercase),
                again.script.map(str::to_ascii_lowercase),
                "{tag}"
            );
            assert_eq!(
                parts.region.map(str::to_ascii_uppercase),
                again.region.map(str::to_ascii_uppercase),
                "{tag}"
            );
            assert!(crate::same_subtags(&tag, &canonical), "{tag} {canonical}");
        }
        // Most drawn tags are well formed; a generator that made none would prove nothing.
        assert!(accepted > 9_000, "{accepted}");
    }

    #[test]
    fn maximizing_a_maximized_tag_changes_nothing() {
        for tag in [
            "en", "zh-TW", "sh", "und-Hant", "pt-AO", "no", "yue", "sr-Latn",
        ] {
            let m = maximize(tag);
            assert!(!m.script.is_empty() && !m.region.is_empty(), "{tag}");
            assert_eq!(
                maximize(&format!("{}-{}-{}", m.language, m.script, m.region)),
                m
            );
        }
    }
}
