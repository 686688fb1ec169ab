//! The CLDR rows one table's matcher needs, as a `status_core::locale::Rules` expression: only
//! rows that can lead to a language of the table, so other languages cost nothing at run time.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::quote;

use super::data;

/// Where the run-time types live; the one place generated matching code names status-core.
fn locale_module() -> TokenStream {
    quote! { ::status_core::locale }
}

/// A likely-subtags row: language, script and region looked up (lower case), and the script
/// and region they imply.
type LikelyRow = ((String, String, String), (String, String));

/// The `Rules` for a table with these tags (valid BCP 47 tags, default first).
pub(crate) fn locale_data(tags: &[&str]) -> TokenStream {
    let module = locale_module();
    let languages: BTreeSet<String> = tags.iter().map(|tag| super::subtags(tag).0).collect();
    let ours = |language: &str| languages.contains(&language.to_ascii_lowercase());

    let supported = tags.iter().map(|tag| {
        let m = super::maximize(tag);
        let (language, script, region) = (&m.language, &m.script, &m.region);
        quote! { #module::Subtags { language: #language, script: #script, region: #region } }
    });

    let aliases = data::LANGUAGE_ALIASES
        .iter()
        .filter_map(|(alias, replacement, _)| {
            let (language, script, _) = super::subtags(replacement);
            ours(&language).then(|| quote! { (#alias, #language, #script) })
        });

    let mut likely: Vec<LikelyRow> = data::LIKELY
        .iter()
        .filter_map(|(from, to)| {
            let (language, script, region) = super::subtags(from);
            if !ours(&language) {
                return None;
            }
            let (_, likely_script, likely_region) = super::subtags(to);
            let key = (
                language,
                script.to_ascii_lowercase(),
                region.to_ascii_lowercase(),
            );
            Some((key, (likely_script, likely_region)))
        })
        .collect();
    likely.sort();
    // Grouped by language, each group sorted by script and region: the matcher finds its
    // language among the table's few, then searches a handful of rows.
    let likely = languages.iter().filter_map(|language| {
        let rows: Vec<TokenStream> = likely
            .iter()
            .filter(|((l, _, _), _)| l == language)
            .map(|((_, s, r), (ls, lr))| quote! { ((#s, #r), (#ls, #lr)) })
            .collect();
        (!rows.is_empty()).then(|| quote! { (#language, &[#(#rows),*]) })
    });

    let mut parents: Vec<((String, String, String), &str)> = data::PARENTS
        .iter()
        .filter(|(child, parent)| *parent != "root" && ours(&super::subtags(child).0))
        .map(|(child, parent)| {
            let (language, script, region) = super::subtags(child);
            let key = (
                language,
                region.to_ascii_lowercase(),
                script.to_ascii_lowercase(),
            );
            (key, *parent)
        })
        .collect();
    parents.sort();
    let parents = parents
        .iter()
        .map(|((l, r, s), parent)| quote! { ((#l, #r, #s), #parent) });

    let MatchRows {
        languages: language_rows,
        scripts: script_rows,
        regions: region_rows,
    } = match_rows(&ours);
    let version = data::CLDR_VERSION;
    quote! {
        #module::Rules {
            cldr_version: #version,
            supported: &[#(#supported),*],
            aliases: &[#(#aliases),*],
            likely: &[#(#likely),*],
            parents: &[#(#parents),*],
            languages: &[#(#language_rows),*],
            scripts: &[#(#script_rows),*],
            regions: &[#(#region_rows),*],
        }
    }
}

/// CLDR's `languageMatch` rows that can lead to a language of the table, as tokens.
struct MatchRows {
    languages: Vec<TokenStream>,
    scripts: Vec<TokenStream>,
    regions: Vec<TokenStream>,
}

/// Sorts `languageMatch` into language, script and region rows, keeping those whose supported
/// side is a language `ours` accepts.
fn match_rows(ours: &dyn Fn(&str) -> bool) -> MatchRows {
    let module = locale_module();
    let (mut language_rows, mut script_rows, mut region_rows) =
        (Vec::new(), Vec::new(), Vec::new());
    for &(desired, supported, distance, oneway) in data::LANGUAGE_MATCHES {
        let d: Vec<&str> = desired.split('_').collect();
        let s: Vec<&str> = supported.split('_').collect();
        let directions = if oneway { 1 } else { 2 };
        match (d.as_slice(), s.as_slice()) {
            ([d], [s]) if *d != "*" && *s != "*" => {
                for (d, s) in [(d, s), (s, d)].into_iter().take(directions) {
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
                for (d, s) in [(ds, ss), (ss, ds)].into_iter().take(directions) {
                    script_rows.push(quote! { (#dl, #d, #s, #distance) });
                }
            }
            ([dl, ds, dr], [sl, _, sr]) if dl == sl && (*dl == "*" || ours(dl)) => {
                let (desired, supported) = (regions(dr), regions(sr));
                region_rows.push(quote! {
                    #module::RegionDistance {
                        language: #dl,
                        script: #ds,
                        desired: #desired,
                        supported: #supported,
                        distance: #distance,
                        oneway: #oneway,
                    }
                });
            }
            _ => {}
        }
    }
    // The matcher searches these by (desired, supported); CLDR's first row for a pair wins.
    language_rows.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    language_rows.dedup_by(|later, first| (&later.0, &later.1) == (&first.0, &first.1));
    let languages = language_rows
        .iter()
        .map(|(d, s, n)| {
            let region = super::maximize(d).region;
            quote! { (#d, #s, #n, #region) }
        })
        .collect();
    MatchRows {
        languages,
        scripts: script_rows,
        regions: region_rows,
    }
}

/// A region of a CLDR row: `*`, a match variable (`$enUS`, `$!enUS`) or one region.
fn regions(spec: &str) -> TokenStream {
    let module = locale_module();
    if spec == "*" {
        return quote! { #module::Regions::Any };
    }
    let (negated, name) = match spec.strip_prefix("$!") {
        Some(name) => (true, format!("${name}")),
        None => (false, spec.to_string()),
    };
    let listed: Vec<&str> = data::MATCH_VARIABLES
        .iter()
        .find(|(variable, _)| *variable == name)
        .map_or_else(|| vec![spec], |(_, regions)| regions.to_vec());
    if negated {
        quote! { #module::Regions::NotIn(&[#(#listed),*]) }
    } else {
        quote! { #module::Regions::In(&[#(#listed),*]) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_tables_languages_get_rows() {
        let text = locale_data(&["en", "zh-CN"]).to_string();
        assert!(
            text.contains("(\"\" , \"tw\") , (\"Hant\" , \"TW\")"),
            "likely zh-TW row"
        );
        assert!(text.contains("\"cmn\" , \"zh\""), "alias leading to zh");
        assert!(!text.contains("\"iw\""), "no Hebrew rows without he");
        assert!(
            !text.contains("(\"sh\" ,"),
            "no Serbo-Croatian rows without sr, hr or bs"
        );
        let hebrew = locale_data(&["en", "he"]).to_string();
        assert!(hebrew.contains("(\"iw\" , \"he\" , \"\")"));
    }

    #[test]
    fn supported_tags_are_maximized() {
        let text = locale_data(&["en", "zh-Hant"]).to_string();
        assert!(text.contains("language : \"zh\" , script : \"Hant\" , region : \"TW\""));
    }
}
