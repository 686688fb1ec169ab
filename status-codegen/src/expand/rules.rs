//! The CLDR rows of one table (`status_locale::data::rules_for`) as a
//! `status_core::locale::Rules` expression, reached through the expansion's `private` import.
//!
//! The long runs of rows (related languages, likely subtags, aliases, undetermined tags, the
//! supported tags, region rows) are each one string literal that a `const fn` of
//! `status_core::__private::rows` decodes at compile time: one literal a field instead of a
//! few tokens a row, which an expanded crate prints on a line or two instead of a line per row
//! or two. Each set of regions is written once, as a constant the region rows name by number.

use status_locale::{Regions, Rules};

use super::text::RustText;

/// `{ const ...; private::locale::Rules { ... } }`, a block holding `rules`.
pub(super) fn rules(rules: &Rules<'_>, out: &mut RustText) {
    out.code("{\n");
    out.code("const LANGUAGES: [u64; ")
        .number(rules.languages.len())
        .code("] = private::rows::languages(");
    let mut hex = String::with_capacity(rules.languages.len() * 16);
    for row in rules.languages {
        hex.push_str(&format!("{row:016x}"));
    }
    out.str(&hex).code(");\n");

    out.code("const ALIASES: [(&str, &str, &str); ");
    let words = rules.aliases.iter().flat_map(|(a, l, s)| [*a, *l, *s]);
    decoded(out, rules.aliases.len(), "triples", words);
    out.code("const UNDETERMINED: [(&str, &str); ");
    let words = rules.undetermined.iter().flat_map(|(s, l)| [*s, *l]);
    decoded(out, rules.undetermined.len(), "pairs", words);

    for (index, (_, rows)) in rules.likely.iter().enumerate() {
        out.code("const LIKELY_")
            .number(index)
            .code(": [((&str, &str), (&str, &str)); ");
        let words = rows
            .iter()
            .flat_map(|((s, r), (to_s, to_r))| [*s, *r, *to_s, *to_r]);
        decoded(out, rows.len(), "likely", words);
    }

    // Each set of regions once, in the order of first use.
    let mut sets: Vec<&[&str]> = Vec::new();
    for row in rules.regions {
        for side in [&row.desired, &row.supported] {
            if let Regions::In(listed) | Regions::NotIn(listed) = side {
                if !sets.contains(listed) {
                    sets.push(listed);
                }
            }
        }
    }
    for (index, set) in sets.iter().enumerate() {
        out.code("const REGIONS_").number(index).code(": [&str; ");
        decoded(out, set.len(), "words", set.iter().copied());
    }

    out.code("const SUPPORTED: [private::locale::Subtags<'static>; ");
    let words = rules
        .supported
        .iter()
        .flat_map(|t| [t.language, t.script, t.region]);
    decoded(out, rules.supported.len(), "subtags", words);

    out.code("const REGION_ROWS: [private::locale::RegionDistance<'static>; ")
        .number(rules.regions.len())
        .code("] = private::rows::regions(&");
    out.array(0..sets.len(), |out, index| {
        out.code("&REGIONS_").number(index);
    });
    out.code(", ");
    let side = |regions: &Regions<'_>| match regions {
        Regions::Any => "*".to_string(),
        Regions::In(listed) => format!("+{}", position(&sets, listed)),
        Regions::NotIn(listed) => format!("!{}", position(&sets, listed)),
    };
    let words: Vec<String> = rules
        .regions
        .iter()
        .flat_map(|row| {
            [
                row.language.to_string(),
                row.script.to_string(),
                side(&row.desired),
                side(&row.supported),
                row.distance.to_string(),
                u8::from(row.oneway).to_string(),
            ]
        })
        .collect();
    out.str(&joined(words.iter().map(String::as_str)))
        .code(");\n");

    out.code("private::locale::Rules { cldr_version: ")
        .str(rules.cldr_version)
        .code(", supported: &SUPPORTED");
    out.code(", by_language: &[");
    let mut first = true;
    for (language, indices) in rules.by_language {
        comma(out, &mut first).code("(").str(language).code(", &[");
        let mut first_index = true;
        for index in *indices {
            comma(out, &mut first_index).number(usize::from(*index));
        }
        out.code("])");
    }
    out.code("], aliases: &ALIASES, likely: &[");
    let mut first = true;
    for (index, (language, _)) in rules.likely.iter().enumerate() {
        comma(out, &mut first)
            .code("(")
            .str(language)
            .code(", &LIKELY_")
            .number(index)
            .code(")");
    }
    out.code("], undetermined: &UNDETERMINED, parents: &[");
    let mut first = true;
    for ((language, region, script), parent) in rules.parents {
        comma(out, &mut first)
            .code("((")
            .str(language)
            .code(", ")
            .str(region);
        out.code(", ").str(script).code("), ").str(parent).code(")");
    }
    out.code("], languages: &LANGUAGES, scripts: &[");
    let mut first = true;
    for (language, desired, supported, distance) in rules.scripts {
        comma(out, &mut first)
            .code("(")
            .str(language)
            .code(", ")
            .str(desired);
        out.code(", ")
            .str(supported)
            .code(", ")
            .number(usize::from(*distance));
        out.code(")");
    }
    out.code("], regions: &REGION_ROWS");
    out.code(", supported_regions: &[");
    let mut first = true;
    for (desired, supported) in rules.supported_regions {
        comma(out, &mut first)
            .code("(")
            .number_u64(*desired)
            .code(", ")
            .number_u64(*supported)
            .code(")");
    }
    out.code("], language_keys: &[");
    let mut first = true;
    for key in rules.language_keys {
        comma(out, &mut first).number(usize::from(*key));
    }
    out.code("], supported_rows: &[");
    let mut first = true;
    for rows in rules.supported_rows {
        comma(out, &mut first).number_u64(*rows);
    }
    out.code("], bare_fits: &[");
    let mut first = true;
    for fit in rules.bare_fits {
        comma(out, &mut first).number(usize::from(*fit));
    }
    out.code("], }\n}");
}

/// `N] = private::rows::decoder("words");`: the end of a constant of `N` rows, which the
/// caller has named and typed, decoded from `words` at compile time.
fn decoded<'w>(
    out: &mut RustText,
    rows: usize,
    decoder: &'static str,
    words: impl Iterator<Item = &'w str>,
) {
    out.number(rows)
        .code("] = private::rows::")
        .code(decoder)
        .code("(");
    out.str(&joined(words)).code(");\n");
}

/// Words as `status_core::__private::rows` reads them: separated by single spaces, `-` for an
/// empty one. CLDR's subtags and aliases are ASCII letters, digits and inner hyphens, so none
/// is `-` or holds a space (a test checks every row of CLDR); one that did would fail the
/// user's build at the decoder, not here.
fn joined<'w>(words: impl Iterator<Item = &'w str>) -> String {
    let mut text = String::new();
    for word in words {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(if word.is_empty() { "-" } else { word });
    }
    text
}

/// Where `listed` is among `sets`, which were collected from the same rows.
fn position(sets: &[&[&str]], listed: &[&str]) -> usize {
    sets.iter().position(|set| *set == listed).unwrap_or(0)
}

/// `, ` before every item but the first; `first` tells which is the first.
fn comma<'o>(out: &'o mut RustText, first: &mut bool) -> &'o mut RustText {
    if !*first {
        out.code(", ");
    }
    *first = false;
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The expression written for a table with these tags. (Which rows are picked is tested
    /// where they are picked, `status_locale::data::rules_for`.)
    fn rules_of(tags: &[&str]) -> String {
        let mut out = RustText::with_capacity(0);
        status_locale::data::rules_for(tags, |picked| rules(picked, &mut out));
        out.into_string()
    }

    #[test]
    fn rows_are_written_in_the_runtimes_shape() {
        let text = rules_of(&["en", "zh-CN"]);
        assert!(text.contains("- tw Hant TW"), "likely zh-TW row: {text}");
        assert!(text.contains("cmn zh -"), "alias leading to zh");
        assert!(text.contains(" tw zh"), "und-TW is Chinese");
        let hebrew = rules_of(&["en", "he"]);
        assert!(hebrew.contains(" iw he -\""), "{hebrew}");
        let world = rules_of(&["en", "en-001", "es", "es-419"]);
        assert!(world.contains("((\"en\", \"au\", \"\"), \"en-001\")"));
        assert!(world.contains("((\"es\", \"mx\", \"\"), \"es-419\")"));
        // `$enUS`, then `en-*-$!enUS → en-*-GB`: a set of its own for `GB`.
        let gb = world
            .find("] = private::rows::words(\"GB\")")
            .expect(&world);
        let set = &world[world[..gb].rfind("REGIONS_").unwrap()..gb];
        let row = format!(
            "en * !0 +{} 3 0",
            &set["REGIONS_".len()..set.find(':').unwrap()]
        );
        assert!(world.contains(&row), "{row} in {world}");
    }

    #[test]
    fn supported_tags_are_maximized() {
        let text = rules_of(&["en", "zh-Hant"]);
        assert!(
            text.contains("private::rows::subtags(\"en Latn US zh Hant TW\")"),
            "{text}"
        );
    }

    /// The decoder reads words between single spaces and `-` as empty: no subtag or alias of
    /// CLDR may hold a space or be `-` alone, in the rows of any language CLDR knows.
    #[test]
    fn every_word_of_cldr_reads_back() {
        // Every two-letter language of the registry, which holds every language CLDR writes
        // matching rows for.
        let letters = b'a'..=b'z';
        let languages: Vec<String> = letters
            .clone()
            .flat_map(|a| {
                letters
                    .clone()
                    .map(move |b| String::from_utf8(vec![a, b]).unwrap())
            })
            .filter(|language| {
                status_locale::data::is_registered(
                    status_locale::data::SubtagKind::Language,
                    language,
                )
            })
            .collect();
        assert!(languages.len() > 150, "{}", languages.len());
        // And tags with three-letter languages, scripts and regions, whose supported subtags
        // and parents are written too.
        let more = [
            "fil",
            "yue",
            "yue-Hant",
            "haw",
            "ast",
            "ckb",
            "gsw",
            "nds",
            "sah",
            "smn",
            "zh-Hant-HK",
            "sr-Latn",
            "en-001",
            "en-150",
            "es-419",
            "pt-PT",
            "az-Arab",
            "uz-Arab",
            "ca-ES-valencia",
        ];
        let chunks = languages
            .chunks(40)
            .map(|chunk| chunk.iter().map(String::as_str).collect());
        for tags in chunks.chain([more.to_vec()]) {
            let tags: Vec<&str> = tags;
            status_locale::data::rules_for(&tags, |rules| {
                let likely = rules.likely.iter().flat_map(|(language, rows)| {
                    rows.iter()
                        .flat_map(|((a, b), (c, d))| [*a, *b, *c, *d])
                        .chain([*language])
                });
                let aliases = rules.aliases.iter().flat_map(|(a, b, c)| [*a, *b, *c]);
                let undetermined = rules.undetermined.iter().flat_map(|(a, b)| [*a, *b]);
                let regions = rules.regions.iter().flat_map(|row| {
                    let sets = [&row.desired, &row.supported].map(|side| match side {
                        Regions::Any => &[][..],
                        Regions::In(listed) | Regions::NotIn(listed) => listed,
                    });
                    sets.into_iter()
                        .flatten()
                        .copied()
                        .chain([row.language, row.script])
                });
                let supported = rules
                    .supported
                    .iter()
                    .flat_map(|tag| [tag.language, tag.script, tag.region]);
                for word in likely
                    .chain(aliases)
                    .chain(undetermined)
                    .chain(regions)
                    .chain(supported)
                {
                    assert!(
                        word != "-" && !word.contains(' ') && word.is_ascii(),
                        "{word:?} of {tags:?}"
                    );
                }
            });
        }
    }
}
