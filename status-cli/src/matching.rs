//! The CLDR matching rules for a table read at run time: the rows the macro would emit for its
//! languages (from the generator), laid out as `status_core::locale::Rules`. The command runs
//! once and keeps its table for the whole process, so the rows are leaked, as the table is.

use status_codegen::matching::{self, MatchingRules};
use status_core::locale::{LikelyRow, RegionDistance, Regions, Rules, Subtags};

/// The rules for a table with these tags, as `Locale::negotiate` of its generated code has
/// them.
pub fn rules(tags: &[&str]) -> &'static Rules<'static> {
    let owned: &'static MatchingRules = Box::leak(Box::new(matching::select(tags)));
    let supported = Vec::leak(
        owned
            .supported
            .iter()
            .map(|(language, script, region)| Subtags {
                language,
                script,
                region,
            })
            .collect(),
    );
    let aliases = Vec::leak(
        owned
            .aliases
            .iter()
            .map(|(alias, language, script)| (*alias, language.as_str(), script.as_str()))
            .collect(),
    );
    let likely = Vec::leak(
        owned
            .likely
            .iter()
            .map(|(language, rows)| {
                let rows: &'static [LikelyRow<'static>] = Vec::leak(
                    rows.iter()
                        .map(|((s, r), (ls, lr))| {
                            ((s.as_str(), r.as_str()), (ls.as_str(), lr.as_str()))
                        })
                        .collect(),
                );
                (language.as_str(), rows)
            })
            .collect(),
    );
    let undetermined = Vec::leak(
        owned
            .undetermined
            .iter()
            .map(|(subtag, language)| (subtag.as_str(), language.as_str()))
            .collect(),
    );
    let parents = Vec::leak(
        owned
            .parents
            .iter()
            .map(|((l, r, s), parent)| ((l.as_str(), r.as_str(), s.as_str()), *parent))
            .collect(),
    );
    let languages = Vec::leak(
        owned
            .languages
            .iter()
            .map(|(d, s, n, region)| (d.as_str(), s.as_str(), *n, region.as_str()))
            .collect(),
    );
    let regions_of = |regions: &'static matching::Regions| match regions {
        matching::Regions::Any => Regions::Any,
        matching::Regions::In(listed) => Regions::In(listed),
        matching::Regions::NotIn(listed) => Regions::NotIn(listed),
    };
    let regions = Vec::leak(
        owned
            .regions
            .iter()
            .map(|row| RegionDistance {
                language: row.language,
                script: row.script,
                desired: regions_of(&row.desired),
                supported: regions_of(&row.supported),
                distance: row.distance,
                oneway: row.oneway,
            })
            .collect(),
    );
    Box::leak(Box::new(Rules {
        cldr_version: owned.cldr_version,
        supported,
        aliases,
        likely,
        undetermined,
        parents,
        languages,
        scripts: &owned.scripts,
        regions,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rules built here are the ones the macro emits for the same tags.
    #[test]
    fn the_rules_are_the_generated_ones() {
        let tags: Vec<&str> = status_core::standard::Locale::ALL
            .iter()
            .map(|locale| locale.tag())
            .collect();
        let built = rules(&tags);
        let generated = status_core::standard::Locale::MATCHING_RULES;
        assert_eq!(format!("{built:?}"), format!("{generated:?}"));
        for header in ["zh-TW", "en-GB,en;q=0.5", "zh-Hans-SG", "fr, *;q=0.1", "iw"] {
            assert_eq!(
                status_core::locale::negotiate(header, &tags, built),
                status_core::locale::negotiate(header, &tags, &generated),
                "{header}"
            );
        }
    }
}
