// 900 codes × 10 locales, written by `tests/ui.rs` before this case compiles.
status_core::status_codes!("ui/big_table.toml");

fn main() {
    assert_eq!(StatusCode::ALL.len(), 900);
    assert_eq!(Locale::ALL.len(), 10);
    for (index, code) in StatusCode::ALL.into_iter().enumerate() {
        assert_eq!(code.code(), 100 + index as u16);
        assert_eq!(StatusCode::from_u16(code.code()), Some(code));
        assert_eq!(code.reason(), format!("Code {}", code.code()));
        // No code of this table has these: the generator writes no table for them.
        assert_eq!(code.retry_unchanged(), None);
        assert!(code.aliases().is_empty());
        for locale in Locale::ALL {
            assert_eq!(code.message(locale), format!("{} message {}", locale.tag(), code.code()));
            assert_eq!(code.scenario(locale), None);
            assert_eq!(code.note(locale), None);
        }
    }
}
