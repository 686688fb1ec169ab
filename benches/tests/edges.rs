//! The dense tables behind `from_u16` and the text lookups at both ends of 100..=999.

mod edges {
    status_core::status_codes!("tests/edges.toml");
}

use edges::{Locale, StatusCode};

#[test]
fn from_u16_knows_exactly_the_table_codes() {
    for number in 0..=u16::MAX {
        let expected = [100, 101, 998, 999].contains(&number);
        assert_eq!(StatusCode::from_u16(number).is_some(), expected, "{number}");
        if let Some(code) = StatusCode::from_u16(number) {
            assert_eq!(code.code(), number);
        }
    }
}

#[test]
fn texts_belong_to_their_codes_at_both_ends() {
    let message = |number, locale| StatusCode::from_u16(number).map(|code| code.message(locale));
    assert_eq!(message(100, Locale::De), Some("erste"));
    assert_eq!(message(101, Locale::De), Some("second"));
    assert_eq!(message(998, Locale::De), Some("vorletzte"));
    assert_eq!(message(999, Locale::En), Some("last"));
    assert_eq!(
        StatusCode::from_u16(999).map(StatusCode::reason),
        Some("Last")
    );
    assert_eq!("998".parse::<StatusCode>().map(|code| code.code()), Ok(998));
    assert!("1000".parse::<StatusCode>().is_err());
}

#[test]
fn long_numbers_are_unknown_codes_not_overflows() {
    for text in ["99999", "65536", "70000", "00404", "0999"] {
        let parsed = text.parse::<StatusCode>().map(|code| code.code());
        let expected = text
            .parse::<u32>()
            .ok()
            .filter(|n| [100, 101, 998, 999].contains(n));
        assert_eq!(parsed.ok(), expected.map(|n| n as u16), "{text}");
    }
}
