//! The strategies of the property tests: hostile strings, names and locale tags, and tables
//! of the schema's shape built from them. Shared by `no_panic.rs` here and by the test in
//! `tests/` that compiles the generated code of such tables with rustc.

#![allow(dead_code)]

use proptest::prelude::*;

/// Whether the long run is asked for (`STATUS_CODES_FULL_TESTS=1`, as CI sets it): the property
/// tests then run all their cases and every generated table is compiled. Without it they run a
/// tenth, so that `cargo test` stays quick; what each case checks is the same.
pub fn full_run() -> bool {
    std::env::var_os("STATUS_CODES_FULL_TESTS").is_some_and(|value| value == "1")
}

/// `full` cases in the long run, a tenth of them otherwise.
pub fn scaled(full: u32) -> u32 {
    if full_run() { full } else { full.div_ceil(10) }
}

/// Strings chosen to break naive code generation or terminals, plus arbitrary Unicode.
pub fn hostile_string() -> impl Strategy<Value = String> {
    prop_oneof![
        20 => "[ -~]{1,40}",
        1 => Just(String::new()),
        1 => Just(" ".to_string()),
        1 => Just("\"#".to_string()),
        1 => Just("\"##; fn main() {} r#\"".to_string()),
        1 => Just("*/ panic!() /*".to_string()),
        1 => Just("{} {0} {:?} {{".to_string()),
        1 => Just("\\ \\n \\u{0}".to_string()),
        1 => Just("line\nbreak\r\n".to_string()),
        1 => Just("\u{0}\u{7}\u{1b}[31mred".to_string()),
        1 => Just("\u{202e}txet desrever\u{202c}".to_string()),
        1 => Just("\u{2066}isolate\u{2069}".to_string()),
        1 => Just("\u{feff}bom".to_string()),
        1 => Just("服务器无法找到被请求的页面。".to_string()),
        1 => Just("x".repeat(20_000)),
        3 => any::<String>(),
    ]
}

/// Names that must become identifiers or be rejected.
pub fn hostile_name() -> impl Strategy<Value = String> {
    prop_oneof![
        40 => "[A-Z][a-z]{1,8}( [A-Za-z][a-z]{0,8}){0,2}",
        1 => Just("Not Found".to_string()),
        1 => Just("I'm a teapot".to_string()),
        1 => Just("Self".to_string()),
        1 => Just("self".to_string()),
        1 => Just("type".to_string()),
        1 => Just("r#type".to_string()),
        1 => Just("crate".to_string()),
        1 => Just("_".to_string()),
        1 => Just("ALL".to_string()),
        1 => Just("404".to_string()),
        1 => Just("4xx Error".to_string()),
        1 => Just("---".to_string()),
        1 => Just("Ñoño".to_string()),
        1 => Just("StatusCode".to_string()),
        // Names of the generated code's associated items and of the prelude.
        1 => Just("Error".to_string()),
        1 => Just("Err".to_string()),
        1 => Just("ERR".to_string()),
        1 => Just("Ok".to_string()),
        1 => Just("Some".to_string()),
        1 => Just("Option".to_string()),
        1 => Just("Default".to_string()),
        1 => Just("Target".to_string()),
        2 => hostile_string(),
        2 => "[A-Za-z0-9 '_-]{0,12}",
    ]
}

pub fn locale_tag() -> impl Strategy<Value = String> {
    prop_oneof![
        20 => Just("en".to_string()),
        20 => Just("zh-CN".to_string()),
        20 => Just("ja".to_string()),
        1 => Just("EN".to_string()),
        1 => Just("zh_cn".to_string()),
        1 => Just("en-".to_string()),
        1 => Just("sr-Latn-RS".to_string()),
        1 => Just("err".to_string()),
        1 => Just("es-419-1234".to_string()),
        1 => Just("es-4191234".to_string()),
        1 => Just("x".to_string()),
        1 => Just(String::new()),
        1 => Just("\u{202e}en".to_string()),
        2 => "[a-z]{2,3}(-[A-Z]{2})?",
        1 => "[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8}){0,2}",
    ]
}

pub fn code_key() -> impl Strategy<Value = String> {
    prop_oneof![
        30 => (100u16..=999).prop_map(|code| code.to_string()),
        1 => (0u16..=1200).prop_map(|code| format!("{code:04}")),
        1 => hostile_string(),
    ]
}

/// A structurally valid table (the schema's shape), with hostile contents.
pub fn table() -> impl Strategy<Value = String> {
    let code = (
        code_key(),
        hostile_name(),
        proptest::option::weighted(0.2, hostile_name()),
        proptest::collection::vec(hostile_name(), 0..2),
        proptest::collection::vec((locale_tag(), hostile_string()), 0..3),
        proptest::option::of(any::<bool>()),
    );
    (
        locale_tag(),
        proptest::collection::vec(code, 0..5),
        proptest::bool::weighted(0.95),
    )
        .prop_map(|(default, codes, with_locales)| {
            let mut root = toml::Table::new();
            if with_locales {
                let mut locales = toml::Table::new();
                locales.insert("default".into(), default.clone().into());
                root.insert("locales".into(), locales.into());
            }
            let mut table = toml::Table::new();
            for (key, name, variant, aliases, messages, retry) in codes {
                let mut entry = toml::Table::new();
                entry.insert("name".into(), name.into());
                if let Some(variant) = variant {
                    entry.insert("variant".into(), variant.into());
                }
                if !aliases.is_empty() {
                    let aliases: Vec<toml::Value> = aliases.into_iter().map(Into::into).collect();
                    entry.insert("aliases".into(), aliases.into());
                }
                let mut message = toml::Table::new();
                message.insert(default.clone(), "default text".into());
                for (tag, text) in messages {
                    message.insert(tag, text.into());
                }
                entry.insert("message".into(), message.into());
                if let Some(retry) = retry {
                    entry.insert("retry_unchanged".into(), retry.into());
                }
                table.insert(key, entry.into());
            }
            root.insert("codes".into(), table.into());
            toml::to_string(&root).unwrap_or_default()
        })
}
