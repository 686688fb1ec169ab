//! HTTP and vendor status codes from a TOML table, generated at compile time, with messages in
//! as many languages as the table holds.
//!
//! One line generates a `StatusCode` enum and a `Locale` enum into the calling module:
//!
//! ```
//! status_core::status_codes!("codes.toml");
//!
//! let code: StatusCode = "not found".parse().unwrap();
//! assert_eq!(code.code(), 404);
//! assert_eq!(code.to_string(), "404 Not Found");
//! assert_eq!(code.message(Locale::En), "The server could not find the requested page.");
//! assert_eq!(code.message("zh-CN".parse().unwrap()), "服务器无法找到被请求的页面。");
//! assert!(code.is_client_error());
//! ```
//!
//! This crate holds what the generated code needs at run time: [`StatusClass`] and the error
//! types. It has no dependencies beyond the macro; nothing it does allocates.
//!
//! # Cargo features
//!
//! Both are off by default; with neither, neither dependency is compiled. The generated enums
//! get the impls when `status-core` has the feature: the crate invoking `status_codes!` needs
//! no feature or dependency of its own.
//!
//! - `serde`: `Serialize`/`Deserialize` for `StatusCode` as its number (deserializing also
//!   accepts a numeric string, `"404"`, and rejects codes the table lacks with `unknown status
//!   code 499`), and for `Locale` as its tag (`"zh-CN"`).
//! - `http`: `From<StatusCode> for http::StatusCode` and `TryFrom<http::StatusCode> for
//!   StatusCode`, failing with [`UnknownStatusCode`] for a code the table lacks.
//!
//! ```
//! # #[cfg(feature = "http")] {
//! status_core::status_codes!("codes.toml");
//!
//! let status = http::StatusCode::from(StatusCode::TooManyRequests);
//! assert_eq!(status, http::StatusCode::TOO_MANY_REQUESTS);
//! assert_eq!(StatusCode::try_from(status), Ok(StatusCode::TooManyRequests));
//! assert_eq!(StatusCode::try_from(http::StatusCode::IM_A_TEAPOT).unwrap_err().code(), 418);
//! # }
//! ```

mod error;
mod integrations;

#[doc(hidden)]
pub use integrations::__private;

pub use error::{ParseLocaleError, ParseStatusCodeError, UnknownStatusCode};

/// Generates `StatusCode` and `Locale` from a TOML table of status codes.
///
/// The path is relative to the invoking crate's `CARGO_MANIFEST_DIR` (the directory of its
/// `Cargo.toml`). The file is read at compile time and cargo rebuilds the crate when it
/// changes. Mistakes in it are compile errors that name the file, line and column.
///
/// The generated items, in the calling module:
///
/// - `enum StatusCode`: one variant per code, `#[repr(u16)]` with the code as discriminant;
///   `ALL`, `code`, `from_u16`, `reason`, `message(locale)`, `scenario(locale)`,
///   `note(locale)`, `retry_unchanged`, `aliases`, `class`, `is_*`; `Display` (`404 Not
///   Found`), `FromStr` (number, name in any case, alias, variant, status line),
///   `TryFrom<u16>`, `From<StatusCode> for u16`.
/// - `enum Locale`: one variant per locale tag (`En`, `ZhCn`); `ALL`, `DEFAULT`, `tag`;
///   `Display`, `FromStr` (any case, `_` for `-`), `Default`.
/// - With this crate's `serde` feature, `Serialize`/`Deserialize` for both enums; with its
///   `http` feature, conversions between `StatusCode` and `http::StatusCode` (see the crate
///   docs, "Cargo features").
///
/// ```
/// mod standard {
///     status_core::status_codes!("codes.toml");
/// }
/// use standard::{Locale, StatusCode};
///
/// assert_eq!(StatusCode::from_u16(503), Some(StatusCode::ServiceUnavailable));
/// assert_eq!(StatusCode::ALL.len(), 35);
/// assert_eq!("zh_cn".parse::<Locale>(), Ok(Locale::ZhCn));
/// assert_eq!(StatusCode::try_from(499).unwrap_err().to_string(), "unknown status code 499");
/// ```
pub use status_macros::status_codes;

/// The class of a status code, from its first digit (RFC 9110, section 15).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StatusClass {
    /// 1xx: the request was received, processing goes on.
    Informational,
    /// 2xx: the request was received, understood and accepted.
    Success,
    /// 3xx: further action is needed to complete the request.
    Redirection,
    /// 4xx: the request is wrong or cannot be fulfilled.
    ClientError,
    /// 5xx: the server failed to fulfil a valid request.
    ServerError,
    /// 6xx to 9xx: outside the classes HTTP defines, used by some vendors.
    Other,
}

impl StatusClass {
    /// The class of a code. Codes below 100 have no class in HTTP; they count as [`Other`] too.
    ///
    /// [`Other`]: StatusClass::Other
    ///
    /// ```
    /// use status_core::StatusClass;
    /// assert_eq!(StatusClass::of(404), StatusClass::ClientError);
    /// assert_eq!(StatusClass::of(520), StatusClass::ServerError);
    /// assert_eq!(StatusClass::of(699), StatusClass::Other);
    /// ```
    #[inline]
    pub const fn of(code: u16) -> StatusClass {
        match code {
            100..=199 => StatusClass::Informational,
            200..=299 => StatusClass::Success,
            300..=399 => StatusClass::Redirection,
            400..=499 => StatusClass::ClientError,
            500..=599 => StatusClass::ServerError,
            _ => StatusClass::Other,
        }
    }
}
