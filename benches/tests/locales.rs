//! The rust-i18n side of the benchmarks holds exactly the shipped table's messages: the
//! committed locale file is what the generator makes from `codes.toml`, and rust-i18n answers
//! every code in every locale with the string `message(locale)` returns.

use std::borrow::Cow;

use rust_i18n::t;

rust_i18n::i18n!("locales");

mod shipped {
    status_core::status_codes!("../codes.toml");
}

use shipped::{Locale, StatusCode};

#[test]
fn committed_locale_file_matches_codes_toml() {
    let root = env!("CARGO_MANIFEST_DIR");
    let table = std::fs::read_to_string(format!("{root}/../codes.toml")).unwrap();
    let model = status_bench::table_model("codes.toml", &table).unwrap();
    let committed = std::fs::read_to_string(format!("{root}/locales/codes.json")).unwrap();
    assert!(
        committed == status_bench::i18n_locale_file(&model),
        "benches/locales/codes.json is stale; regenerate it with\n\
         cargo run -q -p status-bench --example tables -- i18n codes.toml > benches/locales/codes.json"
    );
}

#[test]
fn rust_i18n_answers_with_the_same_messages() {
    for code in StatusCode::ALL {
        for &locale in Locale::ALL {
            let key = code.code().to_string();
            let theirs: Cow<'_, str> = t!(&key, locale = locale.tag());
            assert_eq!(theirs, code.message(locale), "{code} in {locale}");
        }
    }
}

#[test]
fn rust_i18n_misses_codes_the_table_lacks() {
    // A miss gives back the key: the unknown codes of the input take rust-i18n's slow path.
    let known: Vec<u16> = StatusCode::ALL.iter().map(|code| code.code()).collect();
    for code in status_bench::unknown_codes(&known, status_bench::UNKNOWN_PER_LOCALE) {
        let key = code.to_string();
        let theirs: Cow<'_, str> = t!(&key, locale = "en");
        assert_eq!(theirs, key);
    }
}
