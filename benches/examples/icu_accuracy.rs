//! How often each negotiator answers as ICU's own `LocaleMatcher` suite expects
//! (`tests/data/localeMatcherTest.txt`): every case run with default settings (no
//! `@favor=script`, no `@threshold`; the expected match only), each `@supported` list as the
//! available locales with ICU's default first (`@default`, else the list's first tag), the
//! desired list read as an `Accept-Language` header. Every contender gets the same lists as
//! written; `tests/it/icu_agreement.rs` holds the per-case account of ours, with the tags our
//! tables refuse and the answers given otherwise on purpose.
//!
//! `cargo run --release -p status-bench --example icu_accuracy`

use fluent_langneg::{NegotiationStrategy, negotiate_languages};

/// One case: the available tags (default first), the desired list, the expected answer.
struct Case {
    available: Vec<&'static str>,
    desired: &'static str,
    expected: &'static str,
}

fn cases() -> Vec<Case> {
    let text = include_str!("../../tests/data/localeMatcherTest.txt");
    let (mut supported, mut default): (Vec<&str>, Option<&str>) = (Vec::new(), None);
    let (mut favor, mut threshold) = (false, false);
    let mut cases = Vec::new();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("");
        if line.starts_with("** test:") {
            (supported, default, favor, threshold) = (Vec::new(), None, false, false);
        } else if let Some(list) = line.strip_prefix("@supported=") {
            supported = list.split(',').map(str::trim).collect();
        } else if let Some(tag) = line.strip_prefix("@default=") {
            default = Some(tag.trim()).filter(|tag| !tag.is_empty());
        } else if let Some(value) = line.strip_prefix("@favor=") {
            favor = !value.trim().is_empty();
        } else if let Some(value) = line.strip_prefix("@threshold=") {
            threshold = !value.trim().is_empty();
        } else if let Some((desired, expected)) = line.split_once(">>") {
            let expected = expected.split('|').next().unwrap_or("").trim();
            if expected.is_empty() || expected == "null" || favor || threshold {
                continue;
            }
            let mut available: Vec<&str> = default.into_iter().collect();
            for tag in &supported {
                if !available.contains(tag) {
                    available.push(tag);
                }
            }
            if available.is_empty() {
                continue;
            }
            cases.push(Case {
                available,
                desired: desired.trim(),
                expected,
            });
        }
    }
    cases
}

fn main() {
    let cases = cases();
    let (mut ours, mut fluent, mut accept) = (0, 0, 0);
    for case in &cases {
        let tags = &case.available;
        let index = status_locale::data::rules_for(tags, |rules| {
            status_core::locale::negotiate(case.desired, tags, rules)
        });
        ours += usize::from(tags[index] == case.expected);

        let available = fluent_langneg::convert_vec_str_to_langids_lossy(tags.iter());
        let requested = fluent_langneg::accepted_languages::parse(case.desired);
        let chosen = negotiate_languages(
            &requested,
            &available,
            available.first(),
            NegotiationStrategy::Lookup,
        );
        let answer = chosen.first().map(|id| id.to_string());
        fluent += usize::from(answer.as_deref() == Some(case.expected));

        let matches = accept_language::intersection(case.desired, tags);
        let answer = matches.first().map_or(tags[0], String::as_str);
        accept += usize::from(answer == case.expected);
    }
    println!(
        "ICU LocaleMatcher suite, {} default-settings cases:",
        cases.len()
    );
    println!("| negotiator | answers as ICU's suite expects |");
    println!("| --- | ---: |");
    println!("| status-codes `Locale::negotiate` | {ours} |");
    println!("| fluent-langneg 0.14 (`Lookup`) | {fluent} |");
    println!("| accept-language 3 (`intersection`) | {accept} |");
}
