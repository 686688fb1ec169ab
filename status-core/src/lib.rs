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
//! The table's format, every key with an example, is in [`format`](mod@format).
//!
//! This crate holds what the generated code needs at run time: [`StatusClass`], the error
//! types, the [`locale`] matching and the current locale ([`LocaleScope`]). Nothing it does
//! allocates, except reading the environment in [`locale::from_env`].
//!
//! # Cargo features
//!
//! - `os-locale` (on by default): `Locale::from_env` asks the operating system for its
//!   preferred languages (Windows, macOS) when the POSIX variables are all empty, through the
//!   `sys-locale` crate, which has no dependencies there. `default-features = false` leaves it
//!   out, and status-core then depends on the macro alone.
//!
//! The others are off by default; without them, no optional dependency is compiled. The
//! generated enums get the impls when `status-core` has the feature: the crate invoking
//! `status_codes!` needs no feature or dependency of its own.
//!
//! - `serde`: `Serialize`/`Deserialize` for `StatusCode` as its number (deserializing also
//!   accepts a numeric string, `"404"`, and rejects codes the table lacks with `unknown status
//!   code 499`), and for `Locale` as its tag (`"zh-CN"`). Also `Problem`, RFC 9457 problem
//!   details (written and read back), and `StatusCode::problem(locale)`.
//! - `http`: `From<StatusCode> for http::StatusCode` and `TryFrom<http::StatusCode> for
//!   StatusCode`, failing with [`UnknownStatusCode`] for a code the table lacks.
//! - `axum`: for axum 0.8, `Locale` as an extractor negotiating `Accept-Language`,
//!   `StatusCode` and `Problem` as `application/problem+json` responses, `Locale::layer()`
//!   setting the current locale per request and `StatusCode::problem_layer()` answering axum's
//!   own errors with problems (module `axum`). Turns `serde` on; adds only crates of axum's
//!   own dependency tree with its default `http1` feature (hyper, for reason phrases).
//!
//! ```
//! # #[cfg(feature = "http")] {
//! status_core::status_codes!("codes.toml");
//!
//! let status = http::StatusCode::from(StatusCode::TooManyRequests);
//! assert_eq!(status, http::StatusCode::TOO_MANY_REQUESTS);
//! assert_eq!(StatusCode::try_from(status), Ok(StatusCode::TooManyRequests));
//! let client_closed = http::StatusCode::from_u16(499).unwrap();
//! assert_eq!(StatusCode::try_from(client_closed).unwrap_err().code(), 499);
//! # }
//! ```

// Lets the generated code's `::status_core::...` paths resolve inside this crate too.
extern crate self as status_core;

#[cfg(feature = "axum")]
pub mod axum;
mod current;
mod error;
#[doc = include_str!("format.md")]
pub mod format {}
mod integrations;
pub mod locale;
#[cfg(feature = "serde")]
pub mod problem;
mod problem_type;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use current::LocaleScope;
pub use error::{ParseLocaleError, ParseStatusCodeError, UnknownStatusCode};
#[cfg(feature = "serde")]
pub use problem::Problem;

/// Generates `StatusCode` and `Locale` from a TOML table of status codes.
///
/// The path is relative to the invoking crate's `CARGO_MANIFEST_DIR` (the directory of its
/// `Cargo.toml`). The file is read at compile time and cargo rebuilds the crate when it
/// changes. Mistakes in it are compile errors that name the file, line and column. The keys
/// of the table are in [`format`](mod@format).
///
/// Options may follow the path: `serde = false`, `http = false` and `axum = false` leave out
/// the impls this crate's `serde`, `http` and `axum` features would otherwise give the enums,
/// for a crate that writes its own (a feature turned on by any crate of the build is on for
/// all):
///
/// ```
/// status_core::status_codes!("codes.toml", serde = false, http = false, axum = false);
/// # assert_eq!(StatusCode::NotFound.code(), 404);
/// ```
///
/// The generated code reaches this crate through the macro's own path, so it works when the
/// dependency is renamed (`sc = { package = "status-core" }`) or re-exported by another crate.
///
/// A table may start with `extends = "standard"` (the shipped table, see [`standard`]) or
/// `extends = "base.toml"` (relative to the file that names it) and then hold only what
/// differs: added codes and locales, keys that replace the base's one by one, and
/// `remove = true` to drop a code. Every file of the chain is tracked for rebuilds.
///
/// The generated items, in the calling module:
///
/// - `enum StatusCode`: one variant per code, `#[repr(u16)]` with the code as discriminant;
///   `ALL`, `code`, `from_u16`, `reason`, `message(locale)`, `message_locale(locale)` (the
///   locale that message is written in, after fallbacks), `scenario(locale)`,
///   `note(locale)`, `retry_unchanged`, `aliases`, `class`, `is_*`; `Display` (`404 Not
///   Found`), `FromStr` (number, name in any case, alias, variant, status line),
///   `TryFrom<u16>`, `From<StatusCode> for u16`.
/// - `enum Locale`: one variant per locale tag (`En`, `ZhCn`); `ALL`, `DEFAULT`, `tag`;
///   `Display`, `FromStr` (any case, `_` for `-`), `Default`.
/// - Choosing the locale at run time: `Locale::negotiate(accept_language)`,
///   `Locale::from_env()`, a process-wide `Locale::set_current`/`Locale::current` with a
///   per-thread `Locale::with_current(locale, f)` and a per-task `Locale::scope(locale,
///   future)` ([`LocaleScope`]); `StatusCode::localized(locale)` (a value that displays the
///   message) and `StatusCode::message_current()`. The rules are in [`locale`].
/// - With this crate's `serde` feature, `Serialize`/`Deserialize` for both enums and
///   `StatusCode::problem(locale)`; with its `http` feature, conversions between `StatusCode`
///   and `http::StatusCode`; with its `axum` feature, the axum impls, `Locale::layer()` and
///   `StatusCode::problem_layer()` (see the crate docs, "Cargo features").
///
/// ```
/// mod standard {
///     status_core::status_codes!("codes.toml");
/// }
/// use standard::{Locale, StatusCode};
///
/// assert_eq!(StatusCode::from_u16(503), Some(StatusCode::ServiceUnavailable));
/// assert_eq!(StatusCode::ALL.len(), 62);
/// assert_eq!("zh_cn".parse::<Locale>(), Ok(Locale::ZhCn));
/// assert_eq!(StatusCode::try_from(499).unwrap_err().to_string(), "unknown status code 499");
///
/// // A Taiwanese browser, against a table with English and Simplified Chinese only.
/// assert_eq!(Locale::negotiate("zh-TW,en-US;q=0.8,en;q=0.7"), Locale::En);
/// assert_eq!(Locale::negotiate("zh-TW"), Locale::ZhCn); // better than English: last resort
/// assert_eq!(Locale::negotiate("en-GB,en;q=0.9"), Locale::En);
/// assert_eq!(Locale::negotiate("q=abc,,"), Locale::DEFAULT);
///
/// let not_found = StatusCode::NotFound;
/// Locale::with_current(Locale::ZhCn, || {
///     assert_eq!(not_found.message_current(), "服务器无法找到被请求的页面。");
/// });
/// assert_eq!(format!("{}", not_found.localized(Locale::ZhCn)), "服务器无法找到被请求的页面。");
/// ```
#[macro_export]
macro_rules! status_codes {
    ($($input:tt)*) => {
        $crate::__private::status_codes! { $crate; $($input)* }
    };
}

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

/// The shipped table (`codes.toml` of this crate), generated: 62 codes with English and
/// Chinese (`zh-CN`) texts, ready to use with no TOML of one's own.
///
/// ```
/// use status_core::standard::{Locale, StatusCode};
///
/// let code = StatusCode::from_u16(429).unwrap();
/// assert_eq!(code.to_string(), "429 Too Many Requests");
/// assert_eq!(code.message(Locale::ZhCn), "客户端在给定时间内发送的请求过多，已被限流。");
/// assert_eq!(StatusCode::ALL.len(), 62);
/// ```
///
/// A table of one's own, such as a vendor's layered on this one with `extends = "standard"`, is
/// another enum; converting between the two goes by the number, and fails only for a code the
/// target lacks:
///
/// ```
/// mod vendor {
///     // In a real crate: a file with `extends = "standard"` and the vendor's changes.
///     status_core::status_codes!("codes.toml");
/// }
/// use status_core::standard;
///
/// let code = vendor::StatusCode::try_from(standard::StatusCode::NotFound.code()).unwrap();
/// assert_eq!(code, vendor::StatusCode::NotFound);
/// let back = standard::StatusCode::try_from(code.code()).unwrap();
/// assert_eq!(back, standard::StatusCode::NotFound);
/// assert!(standard::StatusCode::try_from(499).is_err());
/// ```
pub mod standard {
    crate::status_codes!("codes.toml");
}
