//! A vendor table (`tests/vendor.toml`): codes outside HTTP's registry, a third locale with
//! gaps that fall back to the default, and hostile strings that must arrive verbatim.

use status_core::StatusClass;

mod table {
    status_core::status_codes!("vendor.toml");
}

use table::{Locale, StatusCode};

#[test]
fn vendor_codes_exist_with_their_classes() {
    let codes: Vec<u16> = StatusCode::ALL.iter().map(|c| c.code()).collect();
    assert_eq!(codes, [200, 404, 499, 520, 600]);
    assert_eq!(
        StatusCode::ClientClosedRequest.class(),
        StatusClass::ClientError
    );
    assert_eq!(
        StatusCode::UnknownOriginError.class(),
        StatusClass::ServerError
    );
    assert_eq!(StatusCode::VendorQuotaExhausted.class(), StatusClass::Other);
    assert!(!StatusCode::VendorQuotaExhausted.is_server_error());
    assert_eq!(
        StatusCode::from_u16(499),
        Some(StatusCode::ClientClosedRequest)
    );
    assert_eq!(
        StatusCode::VendorQuotaExhausted.retry_unchanged(),
        Some(false)
    );
    assert_eq!(StatusCode::Ok.retry_unchanged(), None);
}

#[test]
fn explicit_variant_names_and_aliases() {
    assert_eq!(
        StatusCode::UnknownOriginError.reason(),
        "Web Server Returned an Unknown Error"
    );
    assert_eq!(
        "UnknownOriginError".parse(),
        Ok(StatusCode::UnknownOriginError)
    );
    assert_eq!(
        "web server returned an unknown error".parse(),
        Ok(StatusCode::UnknownOriginError)
    );
    assert_eq!("QUOTA".parse(), Ok(StatusCode::VendorQuotaExhausted));
    assert_eq!("未找到".parse(), Ok(StatusCode::NotFound));
    assert_eq!("missing".parse(), Ok(StatusCode::NotFound));
    assert_eq!(StatusCode::NotFound.aliases(), ["Missing", "未找到"]);
}

#[test]
fn locales_are_collected_from_the_file_in_order() {
    assert_eq!(Locale::ALL, [Locale::En, Locale::ZhCn, Locale::Ja]);
    assert_eq!(Locale::Ja.tag(), "ja");
    assert_eq!("JA".parse(), Ok(Locale::Ja));
}

#[test]
fn missing_messages_fall_back_to_the_default_locale() {
    assert_eq!(StatusCode::Ok.message(Locale::Ja), "成功しました。");
    assert_eq!(
        StatusCode::ClientClosedRequest.message(Locale::Ja),
        StatusCode::ClientClosedRequest.message(Locale::En)
    );
    assert_eq!(
        StatusCode::UnknownOriginError.message(Locale::ZhCn),
        StatusCode::UnknownOriginError.message(Locale::En)
    );
    assert_eq!(
        StatusCode::VendorQuotaExhausted.message(Locale::ZhCn),
        "The vendor quota is used up."
    );
    assert_eq!(
        StatusCode::UnknownOriginError.message(Locale::Ja),
        "不明なエラー 🙀"
    );
}

#[test]
fn strings_arrive_verbatim() {
    assert_eq!(
        StatusCode::NotFound.message(Locale::En),
        "Quotes \" and braces {} and {0} and backslashes \\ and */ comments /* stay."
    );
    assert_eq!(
        StatusCode::UnknownOriginError.message(Locale::En),
        "Escapes é and 😀, Hebrew שלום and Arabic مرحبا."
    );
    // Only a note may span lines (texts refuse control characters but its line feeds).
    assert_eq!(
        StatusCode::UnknownOriginError.note(Locale::En),
        Some("Line one,\nline two.")
    );
}

#[test]
fn display_stays_ascii_on_the_wire() {
    assert_eq!(
        StatusCode::ClientClosedRequest.to_string(),
        "499 Client Closed Request"
    );
    assert_eq!(
        StatusCode::VendorQuotaExhausted.to_string(),
        "600 Vendor Quota Exhausted"
    );
}

mod second_table {
    // A second invocation in another module of the same crate: its own enums, no clash.
    status_core::status_codes!("../codes.toml");
}

#[test]
fn two_tables_coexist_and_convert_by_code() {
    let vendor = StatusCode::NotFound;
    let standard = second_table::StatusCode::from_u16(vendor.code());
    assert_eq!(standard, Some(second_table::StatusCode::NotFound));
    assert_eq!(
        second_table::StatusCode::from_u16(StatusCode::ClientClosedRequest.code()),
        None
    );
}
