//! status-core under another name (`sc = { package = "status-core" }` in this crate's
//! manifest) works: the generated code reaches it through the macro's `$crate`, not by name.

/// The shipped table, generated through the renamed dependency.
pub mod table {
    sc::status_codes!("../../codes.toml");
}

/// A path of this crate's own to the macro, as a crate that re-exports it has.
pub mod facade {
    pub use sc::status_codes as codes;
}

/// The shipped table again, generated through the re-exported macro.
pub mod through_facade {
    crate::facade::codes!("../../codes.toml");
}

#[cfg(test)]
use table::{Locale, StatusCode};

#[test]
fn a_renamed_dependency_generates_and_runs() {
    assert_eq!(StatusCode::from_u16(404), Some(StatusCode::NotFound));
    assert_eq!(StatusCode::NotFound.to_string(), "404 Not Found");
    assert_eq!(
        "413 Request Entity Too Large".parse(),
        Ok(StatusCode::PayloadTooLarge)
    );
    assert_eq!(Locale::negotiate("zh-CN"), Locale::ZhCn);
    assert_eq!(
        StatusCode::NotFound.message(Locale::ZhCn),
        sc::standard::StatusCode::NotFound.message(sc::standard::Locale::ZhCn)
    );
    let error = "404 Gone".parse::<StatusCode>().unwrap_err();
    assert_eq!(error.expected_reason(), Some("Not Found"));
}

#[test]
fn a_re_exported_macro_generates_and_runs() {
    assert_eq!(through_facade::StatusCode::ALL.len(), StatusCode::ALL.len());
    assert_eq!(
        through_facade::StatusCode::TooManyRequests.code(),
        StatusCode::TooManyRequests.code()
    );
}
