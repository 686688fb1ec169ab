//! Layered tables as users write them: a chain `layers/product.toml` → `layers/platform.toml`
//! → the shipped table, next to `status_core::standard` in the same crate.

use status_core::standard;

mod product {
    status_core::status_codes!("layers/product.toml");
}

use product::{Locale, StatusCode};

#[test]
fn every_layer_contributes_and_removed_codes_are_gone() {
    let codes: Vec<u16> = StatusCode::ALL.iter().map(|code| code.code()).collect();
    let mut expected: Vec<u16> = standard::StatusCode::ALL
        .iter()
        .map(|code| code.code())
        .filter(|code| *code != 102)
        .chain([499, 520])
        .collect();
    expected.sort_unstable();
    assert_eq!(codes, expected);
    assert_eq!(StatusCode::from_u16(102), None);
    assert_eq!("processing".parse::<StatusCode>().ok(), None);
    assert_eq!(
        StatusCode::UnknownOriginError.to_string(),
        "520 Web Server Returned an Unknown Error"
    );
}

#[test]
fn an_override_keeps_the_rest_of_the_entry() {
    let code = StatusCode::NotFound;
    let base = standard::StatusCode::NotFound;
    // Written in the product layer.
    assert_eq!(code.message(Locale::ZhCn), "该产品中不存在此资源。");
    // Written in the platform layer.
    assert_eq!(
        code.message(Locale::En),
        "No such resource on this platform."
    );
    // Inherited from the standard.
    assert_eq!(code.reason(), base.reason());
    assert_eq!(
        code.scenario(Locale::En),
        base.scenario(standard::Locale::En)
    );
    assert_eq!(code.note(Locale::ZhCn), base.note(standard::Locale::ZhCn));
    assert_eq!(code.retry_unchanged(), base.retry_unchanged());

    // A code added by the platform, changed by the product in one key only.
    let closed = StatusCode::ClientClosedRequest;
    assert_eq!(closed.retry_unchanged(), Some(true));
    assert_eq!(
        closed.message(Locale::ZhCn),
        "客户端在服务器响应之前关闭了连接。"
    );
}

#[test]
fn locales_are_inherited_and_extended() {
    assert_eq!(Locale::DEFAULT, Locale::En);
    assert_eq!(Locale::ALL, [Locale::En, Locale::ZhCn, Locale::Ja]);
    assert_eq!(StatusCode::Ok.message(Locale::Ja), "成功しました。");
    // Codes without a Japanese text fall back to the default locale.
    assert_eq!(
        StatusCode::Created.message(Locale::Ja),
        standard::StatusCode::Created.message(standard::Locale::En)
    );
    // The standard's Chinese texts come through untouched.
    assert_eq!(
        StatusCode::Created.message(Locale::ZhCn),
        standard::StatusCode::Created.message(standard::Locale::ZhCn)
    );
}

#[test]
fn two_tables_in_one_crate_convert_by_code() {
    // Every standard code but the removed one has a counterpart, with the same variant.
    for &code in standard::StatusCode::ALL {
        match StatusCode::try_from(code.code()) {
            Ok(ours) => {
                assert_eq!(ours.code(), code.code());
                assert_eq!(format!("{ours:?}"), format!("{code:?}"));
            }
            Err(error) => {
                assert_eq!(code, standard::StatusCode::Processing);
                assert_eq!(error.to_string(), "unknown status code 102");
            }
        }
    }
    // And back: the product's own codes are unknown to the standard.
    let back = standard::StatusCode::try_from(StatusCode::BadGateway.code());
    assert_eq!(back, Ok(standard::StatusCode::BadGateway));
    let unknown = standard::StatusCode::try_from(StatusCode::ClientClosedRequest.code());
    assert_eq!(
        unknown.map_err(|error| error.to_string()),
        Err("unknown status code 499".to_string())
    );
}
