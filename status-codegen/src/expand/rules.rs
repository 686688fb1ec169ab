//! The CLDR rows of one table (`status_locale::data::rules_for`) as a
//! `status_core::locale::Rules` expression, reached through the expansion's `private` import.
//! Its rows of structs are calls of `private::subtags` and `private::region_distance`, which an
//! expanded crate prints a row to a line or two rather than a field to a line.

use status_locale::{Regions, Rules, Subtags};

use super::text::RustText;

/// `private::locale::Rules { ... }` holding `rules`.
pub(super) fn rules(rules: &Rules<'_>, out: &mut RustText) {
    out.code("private::locale::Rules { cldr_version: ")
        .str(rules.cldr_version)
        .code(", supported: &[");
    let mut first = true;
    for Subtags {
        language,
        script,
        region,
    } in rules.supported
    {
        comma(out, &mut first)
            .code("private::subtags(")
            .str(language)
            .code(", ")
            .str(script)
            .code(", ")
            .str(region)
            .code(")");
    }
    out.code("], by_language: &[");
    let mut first = true;
    for (language, indices) in rules.by_language {
        comma(out, &mut first).code("(").str(language).code(", &[");
        let mut first_index = true;
        for index in *indices {
            comma(out, &mut first_index).number(usize::from(*index));
        }
        out.code("])");
    }
    out.code("], aliases: &[");
    let mut first = true;
    for (alias, language, script) in rules.aliases {
        comma(out, &mut first).code("(").str(alias).code(", ");
        out.str(language).code(", ").str(script).code(")");
    }
    out.code("], likely: &[");
    let mut first = true;
    for (language, rows) in rules.likely {
        comma(out, &mut first).code("(").str(language).code(", &[");
        let mut first_row = true;
        for ((script, region), (likely_script, likely_region)) in *rows {
            comma(out, &mut first_row)
                .code("((")
                .str(script)
                .code(", ")
                .str(region);
            out.code("), (").str(likely_script).code(", ");
            out.str(likely_region).code("))");
        }
        out.code("])");
    }
    out.code("], undetermined: &[");
    let mut first = true;
    for (subtag, language) in rules.undetermined {
        comma(out, &mut first).code("(").str(subtag).code(", ");
        out.str(language).code(")");
    }
    out.code("], parents: &[");
    let mut first = true;
    for ((language, region, script), parent) in rules.parents {
        comma(out, &mut first)
            .code("((")
            .str(language)
            .code(", ")
            .str(region);
        out.code(", ").str(script).code("), ").str(parent).code(")");
    }
    out.code("], languages: &[");
    let mut first = true;
    for row in rules.languages {
        comma(out, &mut first).number_u64(*row);
    }
    out.code("], scripts: &[");
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
    out.code("], regions: &[");
    let mut first = true;
    for row in rules.regions {
        comma(out, &mut first)
            .code("private::region_distance(")
            .str(row.language)
            .code(", ")
            .str(row.script)
            .code(", ");
        regions(&row.desired, out);
        out.code(", ");
        regions(&row.supported, out);
        out.code(", ")
            .number(usize::from(row.distance))
            .code(", ")
            .bool(row.oneway)
            .code(")");
    }
    out.code("], supported_regions: &[");
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
    out.code("], }");
}

/// `private::locale::Regions::...`.
fn regions(regions: &Regions<'_>, out: &mut RustText) {
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
    let mut first = true;
    for region in *listed {
        comma(out, &mut first).str(region);
    }
    out.code("])");
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
        assert!(
            text.contains("((\"\", \"tw\"), (\"Hant\", \"TW\"))"),
            "likely zh-TW row"
        );
        assert!(text.contains("(\"cmn\", \"zh\""), "alias leading to zh");
        assert!(text.contains("(\"tw\", \"zh\")"), "und-TW is Chinese");
        let hebrew = rules_of(&["en", "he"]);
        assert!(hebrew.contains("(\"iw\", \"he\", \"\")"));
        let world = rules_of(&["en", "en-001", "es", "es-419"]);
        assert!(world.contains("((\"en\", \"au\", \"\"), \"en-001\")"));
        assert!(world.contains("((\"es\", \"mx\", \"\"), \"es-419\")"));
        assert!(world.contains("private::locale::Regions::In(&[\"GB\"])"));
    }

    #[test]
    fn supported_tags_are_maximized() {
        let text = rules_of(&["en", "zh-Hant"]);
        assert!(text.contains("private::subtags(\"zh\", \"Hant\", \"TW\")"));
    }
}
