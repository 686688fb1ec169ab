//! The optional impls (`serde`, `http` features of status-core), used as a user uses them. The
//! package enables the features on its status-core dependency; its library (`lib.rs`) builds
//! the impls with neither serde nor http among its own dependencies, which only the tests use.

mod shipped {
    status_core::status_codes!("../codes.toml");
}

use shipped::{Locale, StatusCode};

mod serde_impls {
    use super::*;

    #[test]
    fn status_codes_serialize_as_numbers() {
        for &code in StatusCode::ALL {
            assert_eq!(
                serde_json::to_string(&code).unwrap(),
                code.code().to_string()
            );
        }
        let body = serde_json::json!({ "status": StatusCode::NotFound });
        assert_eq!(body.to_string(), r#"{"status":404}"#);
    }

    #[test]
    fn status_codes_deserialize_from_numbers_and_numeric_strings() {
        for &code in StatusCode::ALL {
            let number = code.code().to_string();
            assert_eq!(serde_json::from_str::<StatusCode>(&number).unwrap(), code);
            let quoted = format!("\"{number}\"");
            assert_eq!(serde_json::from_str::<StatusCode>(&quoted).unwrap(), code);
        }
        // `serde_json::Value` deserializes through the same visitor.
        let value = serde_json::json!([429, "503"]);
        let codes: Vec<StatusCode> = serde_json::from_value(value).unwrap();
        assert_eq!(
            codes,
            [StatusCode::TooManyRequests, StatusCode::ServiceUnavailable]
        );
    }

    #[test]
    fn unknown_codes_are_rejected_by_number() {
        for input in ["499", "\"499\"", "99999", "\"99999\"", "70000", "-404"] {
            let error = serde_json::from_str::<StatusCode>(input)
                .unwrap_err()
                .to_string();
            let number = input.trim_matches('"');
            assert!(
                error.starts_with(&format!("unknown status code {number}")),
                "{input}: {error}"
            );
        }
    }

    #[test]
    fn other_inputs_say_what_was_expected() {
        for input in [
            r#""not found""#,
            r#""""#,
            r#"" 404""#,
            r#""4040404""#,
            "404.5",
            "null",
            "[404]",
        ] {
            let error = serde_json::from_str::<StatusCode>(input)
                .unwrap_err()
                .to_string();
            assert!(
                error.contains("a status code as a number or a numeric string"),
                "{input}: {error}"
            );
        }
    }

    #[test]
    fn locales_round_trip_as_tags() {
        for &locale in Locale::ALL {
            let json = serde_json::to_string(&locale).unwrap();
            assert_eq!(json, format!("\"{}\"", locale.tag()));
            assert_eq!(serde_json::from_str::<Locale>(&json).unwrap(), locale);
        }
        assert_eq!(
            serde_json::from_str::<Locale>(r#""zh_cn""#).unwrap(),
            Locale::ZhCn
        );
    }

    #[test]
    fn unknown_locales_are_rejected_by_tag() {
        let error = serde_json::from_str::<Locale>(r#""fr""#)
            .unwrap_err()
            .to_string();
        assert!(error.starts_with("no locale matches \"fr\""), "{error}");
        let error = serde_json::from_str::<Locale>("7").unwrap_err().to_string();
        assert!(error.contains("a locale tag of the table"), "{error}");
    }
}

/// A binary format in miniature: it cannot say what comes next (no `deserialize_any`), so it
/// only works if the impl asks for the `u16` that `serialize` wrote.
mod binary {
    use serde::de::{self, Deserializer, Visitor};

    #[derive(Debug)]
    pub struct Error(pub String);

    impl std::fmt::Display for Error {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(&self.0)
        }
    }

    impl std::error::Error for Error {}

    impl de::Error for Error {
        fn custom<T: std::fmt::Display>(message: T) -> Self {
            Error(message.to_string())
        }
    }

    pub struct U16(pub u16);

    impl<'de> Deserializer<'de> for U16 {
        type Error = Error;

        fn is_human_readable(&self) -> bool {
            false
        }

        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Error> {
            Err(Error("this format is not self-describing".into()))
        }

        fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            visitor.visit_u16(self.0)
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u32 u64 u128 f32 f64 char str string bytes byte_buf
            option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
            identifier ignored_any
        }
    }
}

#[test]
fn binary_formats_get_the_number() {
    use serde::Deserialize;
    let code = StatusCode::deserialize(binary::U16(404)).unwrap();
    assert_eq!(code, StatusCode::NotFound);
    let error = StatusCode::deserialize(binary::U16(499)).unwrap_err();
    assert_eq!(error.0, "unknown status code 499");
}

mod http_impls {
    use super::*;

    #[test]
    fn every_code_round_trips_through_http() {
        for &code in StatusCode::ALL {
            let status = http::StatusCode::from(code);
            assert_eq!(status.as_u16(), code.code());
            assert_eq!(StatusCode::try_from(status), Ok(code));
        }
    }

    #[test]
    fn reason_phrases_agree_where_http_knows_the_code() {
        let mut compared = 0;
        for &code in StatusCode::ALL {
            if let Some(reason) = http::StatusCode::from(code).canonical_reason() {
                // Where names drifted (203's hyphen), http's phrase is one of the aliases.
                assert!(
                    code.reason() == reason || code.aliases().contains(&reason),
                    "{code}: {reason}"
                );
                compared += 1;
            }
        }
        assert_eq!(compared, StatusCode::ALL.len());
    }

    #[test]
    fn codes_the_table_lacks_are_rejected() {
        let client_closed = http::StatusCode::from_u16(499).unwrap();
        let error = StatusCode::try_from(client_closed).unwrap_err();
        assert_eq!(error.code(), 499);
        assert_eq!(error.to_string(), "unknown status code 499");
        let mut known = 0;
        for number in 100..=999 {
            let status = http::StatusCode::from_u16(number).unwrap();
            match StatusCode::try_from(status) {
                Ok(code) => {
                    assert_eq!(code.code(), number);
                    known += 1;
                }
                Err(error) => assert_eq!(error.code(), number),
            }
        }
        assert_eq!(known, StatusCode::ALL.len());
    }
}

/// A crate that writes its own serde and http impls turns the generated ones off, and keeps
/// building whatever features other crates turn on for status-core (here all of them).
mod own_impls {
    status_core::status_codes!("../codes.toml", serde = false, http = false, axum = false);

    impl serde::Serialize for StatusCode {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.reason())
        }
    }

    impl From<StatusCode> for http::StatusCode {
        fn from(code: StatusCode) -> http::StatusCode {
            http::StatusCode::from_u16(code.code()).unwrap_or(http::StatusCode::IM_A_TEAPOT)
        }
    }

    #[test]
    fn the_crates_own_impls_are_the_ones_used() {
        let json = serde_json::to_string(&StatusCode::NotFound).unwrap();
        assert_eq!(json, "\"Not Found\"");
        assert_eq!(
            http::StatusCode::from(StatusCode::NotFound),
            http::StatusCode::NOT_FOUND
        );
        // The rest of the generated API is unchanged.
        assert_eq!("404".parse(), Ok(StatusCode::NotFound));
    }
}
