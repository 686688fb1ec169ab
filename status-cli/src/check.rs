//! `status-codes check`: a table read and checked as the `status_codes!` macro reads it, told
//! in one line when it is good: its codes, locales and problem types, and the texts missing.

use status_codegen::model::Table;

use crate::table::{Field, missing};

/// The one-line summary of a good table: its codes and locales, and which texts each locale
/// lacks (see [`missing`]).
pub fn summary(file: &str, table: &Table) -> String {
    let tags: Vec<&str> = table.locales().iter().map(|locale| locale.tag()).collect();
    let mut out = format!(
        "{file}: {}, {} ({})",
        count(table.codes().len(), "code", "codes"),
        count(tags.len(), "locale", "locales"),
        tags.join(", ")
    );
    if !table.problems().is_empty() {
        out.push_str(&format!(
            ", {}",
            count(table.problems().len(), "problem type", "problem types")
        ));
    }
    let lacking: Vec<String> = (0..table.locales().len())
        .filter_map(|locale| {
            let counts = missing(table, locale);
            let parts: Vec<String> = Field::ALL
                .into_iter()
                .zip(counts)
                .filter(|(_, n)| *n > 0)
                .map(|(field, n)| match field {
                    Field::Message => count(n, "message", "messages"),
                    Field::Scenario => count(n, "scenario", "scenarios"),
                    Field::Note => count(n, "note", "notes"),
                })
                .chain(missing_problem_texts(table, locale))
                .collect();
            (!parts.is_empty()).then(|| format!("{} {}", tags[locale], parts.join(", ")))
        })
        .collect();
    if lacking.is_empty() {
        out.push_str("; no texts missing\n");
    } else {
        out.push_str(&format!("; texts missing: {}\n", lacking.join("; ")));
    }
    out
}

/// The problem types whose texts `locale` shows from another locale, counted. Title and
/// detail are translated together (the generator sees to it), so one count covers both.
fn missing_problem_texts(table: &Table, locale: usize) -> Option<String> {
    let missing = table
        .problems()
        .iter()
        .filter(|problem| problem.detail_locale().get(locale) != Some(&locale))
        .count();
    (missing > 0).then(|| count(missing, "problem type", "problem types"))
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_counts_codes_locales_and_missing_texts() {
        let table = status_codegen::load_str(
            "t.toml",
            r#"
                [locales]
                default = "en"
                [codes.404]
                name = "Not Found"
                message.en = "Nothing here."
                message.ja = "ありません。"
                scenario.en = "A wrong ID."
                note.en = "Also 410."
                [codes.499]
                name = "Client Closed Request"
                message.en = "The client left."
            "#,
        )
        .unwrap();
        assert_eq!(
            summary("t.toml", &table),
            "t.toml: 2 codes, 2 locales (en, ja); texts missing: ja 1 message, 1 scenario, 1 note\n"
        );
        let whole = status_codegen::load_str(
            "w.toml",
            "[locales]\ndefault = \"en\"\n[codes.200]\nname = \"OK\"\nmessage.en = \"Fine.\"\n",
        )
        .unwrap();
        assert_eq!(
            summary("w.toml", &whole),
            "w.toml: 1 code, 1 locale (en); no texts missing\n"
        );
        let problems = status_codegen::load_str(
            "p.toml",
            "[locales]\ndefault = \"en\"\n[codes.404]\nname = \"Not Found\"\n\
             message.en = \"Nothing.\"\nmessage.ja = \"ない。\"\n\
             [problems.gone]\nstatus = 404\ntype = \"https://e.com/gone\"\n\
             title.en = \"Gone\"\ndetail.en = \"{thing} is gone.\"\n",
        )
        .unwrap();
        assert_eq!(
            summary("p.toml", &problems),
            "p.toml: 1 code, 2 locales (en, ja), 1 problem type; texts missing: ja 1 problem type\n"
        );
    }
}
