//! The CLDR rows of one table ([`MatchingRules`]) as a `status_core::locale::Rules`
//! expression, reached through the expansion's `private` import.

use super::text::RustText;
use crate::cldr::emit::{MatchingRules, Regions};

/// `private::locale::Rules { ... }` holding `rules`.
pub(super) fn rules(rules: &MatchingRules, out: &mut RustText) {
    out.code("private::locale::Rules { cldr_version: ")
        .str(rules.cldr_version)
        .code(", supported: &[");
    for (index, (language, script, region)) in rules.supported.iter().enumerate() {
        comma(out, index)
            .code("private::locale::Subtags { language: ")
            .str(language)
            .code(", script: ")
            .str(script)
            .code(", region: ")
            .str(region)
            .code(" }");
    }
    out.code("], aliases: &[");
    for (index, (alias, language, script)) in rules.aliases.iter().enumerate() {
        comma(out, index).code("(").str(alias).code(", ");
        out.str(language).code(", ").str(script).code(")");
    }
    out.code("], likely: &[");
    for (index, (language, rows)) in rules.likely.iter().enumerate() {
        comma(out, index).code("(").str(language).code(", &[");
        for (index, ((script, region), (likely_script, likely_region))) in rows.iter().enumerate() {
            comma(out, index)
                .code("((")
                .str(script)
                .code(", ")
                .str(region);
            out.code("), (").str(likely_script).code(", ");
            out.str(likely_region).code("))");
        }
        out.code("])");
    }
    out.code("], parents: &[");
    for (index, ((language, region, script), parent)) in rules.parents.iter().enumerate() {
        comma(out, index)
            .code("((")
            .str(language)
            .code(", ")
            .str(region);
        out.code(", ").str(script).code("), ").str(parent).code(")");
    }
    out.code("], languages: &[");
    for (index, (desired, supported, distance, region)) in rules.languages.iter().enumerate() {
        comma(out, index)
            .code("(")
            .str(desired)
            .code(", ")
            .str(supported);
        out.code(", ").u8_suffixed(*distance).code(", ").str(region);
        out.code(")");
    }
    out.code("], scripts: &[");
    for (index, (language, desired, supported, distance)) in rules.scripts.iter().enumerate() {
        comma(out, index)
            .code("(")
            .str(language)
            .code(", ")
            .str(desired);
        out.code(", ")
            .str(supported)
            .code(", ")
            .u8_suffixed(*distance);
        out.code(")");
    }
    out.code("], regions: &[");
    for (index, row) in rules.regions.iter().enumerate() {
        comma(out, index)
            .code("private::locale::RegionDistance { language: ")
            .str(row.language)
            .code(", script: ")
            .str(row.script)
            .code(", desired: ");
        regions(&row.desired, out);
        out.code(", supported: ");
        regions(&row.supported, out);
        out.code(", distance: ")
            .u8_suffixed(row.distance)
            .code(", oneway: ")
            .bool(row.oneway)
            .code(", }");
    }
    out.code("], }");
}

/// `private::locale::Regions::...`.
fn regions(regions: &Regions, out: &mut RustText) {
    let listed = match regions {
        Regions::Any => {
            out.code("private::locale::Regions::Any");
            return;
        }
        Regions::In(listed) => {
            out.code("private::locale::Regions::In(&[");
            listed
        }
        Regions::NotIn(listed) => {
            out.code("private::locale::Regions::NotIn(&[");
            listed
        }
    };
    for (index, region) in listed.iter().enumerate() {
        comma(out, index).str(region);
    }
    out.code("])");
}

/// `, ` before every item but the first.
fn comma(out: &mut RustText, index: usize) -> &mut RustText {
    if index > 0 {
        out.code(", ");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cldr::emit::select;

    fn rules_of(tags: &[&str]) -> String {
        let mut out = RustText::with_capacity(0);
        rules(&select(tags), &mut out);
        out.into_string()
    }

    #[test]
    fn only_the_tables_languages_get_rows() {
        let text = rules_of(&["en", "zh-CN"]);
        assert!(
            text.contains("((\"\", \"tw\"), (\"Hant\", \"TW\"))"),
            "likely zh-TW row"
        );
        assert!(text.contains("(\"cmn\", \"zh\""), "alias leading to zh");
        assert!(!text.contains("\"iw\""), "no Hebrew rows without he");
        assert!(
            !text.contains("(\"sh\","),
            "no Serbo-Croatian rows without sr, hr or bs"
        );
        let hebrew = rules_of(&["en", "he"]);
        assert!(hebrew.contains("(\"iw\", \"he\", \"\")"));
    }

    #[test]
    fn supported_tags_are_maximized() {
        let text = rules_of(&["en", "zh-Hant"]);
        assert!(text.contains("language: \"zh\", script: \"Hant\", region: \"TW\""));
    }
}
