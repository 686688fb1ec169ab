//! What `FromStr` accepts is exactly what the table says: every spelling that `reason()`,
//! `aliases()` and the variant (`Debug`) report parses back to its code, in any ASCII case and
//! spacing, alone or after the code's number; and any other text parses to nothing. The
//! reference below is written from the documented rules, independently of the generator.

use proptest::prelude::*;
use status_core::standard::StatusCode;

/// The documented fold: ASCII letters lower-cased, runs of white space one space, none at the
/// ends.
fn fold(text: &str) -> String {
    text.split_ascii_whitespace()
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn spellings(code: StatusCode) -> Vec<String> {
    std::iter::once(code.reason().to_string())
        .chain(code.aliases().iter().map(|alias| alias.to_string()))
        .chain(std::iter::once(format!("{code:?}")))
        .collect()
}

/// The code the documented rules give for `text`, if any.
fn expected(text: &str) -> Option<StatusCode> {
    let folded = fold(text);
    let digits = folded.bytes().take_while(u8::is_ascii_digit).count();
    let number = || -> Option<StatusCode> {
        let number: u32 = folded[..digits].parse().ok().filter(|_| digits <= 5)?;
        StatusCode::from_u16(u16::try_from(number).ok()?)
    };
    let named = |name: &str| {
        StatusCode::ALL.iter().copied().find(|&code| {
            spellings(code)
                .iter()
                .any(|spelling| fold(spelling) == name)
        })
    };
    match folded.as_bytes().get(digits) {
        _ if digits == 0 => named(&folded),
        None => number(),
        Some(b' ') => number().filter(|&code| named(&folded[digits + 1..]) == Some(code)),
        Some(_) => named(&folded),
    }
}

/// What the generator accepts is what the run-time fold can hold: the two crates cannot share
/// the constant (status-core depends on the generator through the macro), so it is pinned here.
#[test]
fn the_generator_and_the_run_time_agree_on_the_longest_spelling() {
    assert_eq!(
        status_codegen::MAX_SPELLING,
        status_core::__private::MAX_SPELLING
    );
    let longest = "A".repeat(status_codegen::MAX_SPELLING);
    let table = format!(
        "[locales]\ndefault = \"en\"\n[codes.499]\nname = \"Closed\"\naliases = [\"{longest}\"]\nmessage.en = \"x\"\n"
    );
    assert!(status_codegen::load_str("t.toml", &table).is_ok());
    let longer = table.replace(&longest, &format!("{longest}A"));
    let errors = status_codegen::load_str("t.toml", &longer).unwrap_err();
    assert!(
        errors.to_string().contains("is longer than 128 bytes"),
        "{errors}"
    );
}

#[test]
fn every_reported_spelling_parses_back_to_its_code() {
    for &code in StatusCode::ALL {
        for spelling in spellings(code) {
            assert_eq!(spelling.parse(), Ok(code), "{spelling:?}");
            let line = format!("{} {spelling}", code.code());
            assert_eq!(line.parse(), Ok(code), "{line:?}");
        }
    }
}

/// A spelling of some code, mangled: case flipped, white space added or a character changed.
fn mangled() -> impl Strategy<Value = String> {
    let spelling = (0..StatusCode::ALL.len(), 0usize..8).prop_map(|(row, pick)| {
        let code = StatusCode::ALL[row];
        let spellings = spellings(code);
        let spelling = spellings[pick % spellings.len()].clone();
        if pick % 3 == 0 {
            format!(
                "{} {spelling}",
                StatusCode::ALL[(row + pick) % StatusCode::ALL.len()].code()
            )
        } else {
            spelling
        }
    });
    (spelling, any::<u64>(), 0u8..4).prop_map(|(text, seed, edit)| {
        let mut chars: Vec<char> = text.chars().collect();
        let at = (seed as usize) % chars.len().max(1);
        match edit {
            0 => chars.iter_mut().for_each(|c| {
                if seed.count_ones() % 2 == 0 {
                    *c = c.to_ascii_uppercase();
                }
            }),
            1 => chars.insert(at, if seed % 2 == 0 { ' ' } else { '\t' }),
            2 if !chars.is_empty() => {
                chars.remove(at);
            }
            _ => chars.insert(at, char::from(b'a' + (seed % 26) as u8)),
        }
        chars.into_iter().collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: crate::scaled(3_000), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mangled_spellings_parse_as_the_rules_say(text in mangled()) {
        prop_assert_eq!(text.parse::<StatusCode>().ok(), expected(&text), "{:?}", text);
    }

    #[test]
    fn arbitrary_text_parses_as_the_rules_say(text in "[ -~]{0,40}|[0-9 ]{1,12}") {
        prop_assert_eq!(text.parse::<StatusCode>().ok(), expected(&text), "{:?}", text);
    }
}
