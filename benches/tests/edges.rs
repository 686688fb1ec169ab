//! The dense tables behind `from_u16` and the text lookups at both ends of 100..=999, for a
//! table small enough to read messages by code and for a sparse one that reads them by row.

mod edges {
    status_core::status_codes!("tests/edges.toml");
}

mod sparse {
    status_core::status_codes!("tests/sparse.toml");
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

#[test]
fn sparse_tables_find_every_text_through_the_rows() {
    use sparse::{Locale, StatusCode};
    let expected = [
        (100, ["first", "erste", "premier", "primero", "primo"]),
        (550, ["middle", "middle", "middle", "middle", "mezzo"]),
        (999, ["last", "last", "dernier", "last", "last"]),
    ];
    for (number, texts) in expected {
        let code = StatusCode::from_u16(number).unwrap();
        let found: Vec<&str> = Locale::ALL.iter().map(|&l| code.message(l)).collect();
        assert_eq!(found, texts, "{number}");
    }
    let known = (0..=u16::MAX).filter(|&n| StatusCode::from_u16(n).is_some());
    assert_eq!(known.collect::<Vec<_>>(), [100, 550, 999]);
}

#[test]
fn message_reads_by_code_only_while_that_table_is_small() {
    let expand = |file: &str| {
        let text = std::fs::read_to_string(format!("{}/{file}", env!("CARGO_MANIFEST_DIR")));
        status_codegen::generate_from_str(file, &text.unwrap())
            .unwrap()
            .to_string()
    };
    // 900 numbers × 2 locales fit; 900 × 5 do not.
    assert!(expand("tests/edges.toml").contains("BY_CODE"));
    assert!(!expand("tests/sparse.toml").contains("BY_CODE"));
}
