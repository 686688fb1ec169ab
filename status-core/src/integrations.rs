//! Impls of other crates' traits for the generated enums, behind this crate's cargo features.
//!
//! The generated code always invokes these macros; each is defined twice, once doing the work
//! and once empty, so whether the impls exist follows `status-core`'s features alone and the
//! user's crate needs neither a feature of its own nor the dependency.

/// `serde` impls: `StatusCode` as its number, `Locale` as its tag; `StatusCode::problem`.
#[cfg(feature = "serde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __serde_impls {
    ($status_code:ident, $locale:ident) => {
        impl $status_code {
            /// The RFC 9457 problem that is just this code: `type` `about:blank`, `status` the
            /// code, `title` the reason phrase, `detail` the message in `locale`, and as its
            /// language the locale that message is written in (`message_locale(locale)`: the
            /// default locale's where `locale` has no text of its own). Borrows the table's
            /// texts: allocates nothing.
            #[inline]
            pub const fn problem(self, locale: $locale) -> $crate::Problem<'static> {
                $crate::Problem::for_status(
                    self.code(),
                    self.reason(),
                    self.message(locale),
                    self.message_locale(locale).tag(),
                )
            }
        }

        #[automatically_derived]
        impl $crate::__private::serde::Serialize for $status_code {
            /// Serializes as the number, such as `404`.
            fn serialize<S>(
                &self,
                serializer: S,
            ) -> $crate::__private::core::result::Result<S::Ok, S::Error>
            where
                S: $crate::__private::serde::Serializer,
            {
                serializer.serialize_u16(self.code())
            }
        }

        #[automatically_derived]
        impl<'de> $crate::__private::serde::Deserialize<'de> for $status_code {
            /// Accepts a number (`404`) or a string holding one (`"404"`), if the table has
            /// that code.
            fn deserialize<D>(
                deserializer: D,
            ) -> $crate::__private::core::result::Result<Self, D::Error>
            where
                D: $crate::__private::serde::Deserializer<'de>,
            {
                use $crate::__private::serde::de;

                struct Visitor;

                impl Visitor {
                    fn code<E: de::Error>(
                        number: u64,
                    ) -> $crate::__private::core::result::Result<$status_code, E> {
                        match $crate::__private::core::convert::TryFrom::try_from(number)
                            .ok()
                            .and_then($status_code::from_u16)
                        {
                            $crate::__private::core::option::Option::Some(code) => {
                                $crate::__private::core::result::Result::Ok(code)
                            }
                            $crate::__private::core::option::Option::None => {
                                $crate::__private::core::result::Result::Err(E::custom(
                                    $crate::__private::core::format_args!(
                                        "unknown status code {}",
                                        number
                                    ),
                                ))
                            }
                        }
                    }
                }

                impl<'de> de::Visitor<'de> for Visitor {
                    type Value = $status_code;

                    fn expecting(
                        &self,
                        f: &mut $crate::__private::core::fmt::Formatter<'_>,
                    ) -> $crate::__private::core::fmt::Result {
                        f.write_str("a status code as a number or a numeric string")
                    }

                    fn visit_u64<E: de::Error>(
                        self,
                        number: u64,
                    ) -> $crate::__private::core::result::Result<$status_code, E> {
                        Visitor::code(number)
                    }

                    fn visit_i64<E: de::Error>(
                        self,
                        number: i64,
                    ) -> $crate::__private::core::result::Result<$status_code, E> {
                        match <u64 as $crate::__private::core::convert::TryFrom<i64>>::try_from(
                            number,
                        ) {
                            $crate::__private::core::result::Result::Ok(number) => {
                                Visitor::code(number)
                            }
                            $crate::__private::core::result::Result::Err(_) => {
                                $crate::__private::core::result::Result::Err(E::custom(
                                    $crate::__private::core::format_args!(
                                        "unknown status code {}",
                                        number
                                    ),
                                ))
                            }
                        }
                    }

                    fn visit_str<E: de::Error>(
                        self,
                        text: &str,
                    ) -> $crate::__private::core::result::Result<$status_code, E> {
                        // Five digits at most: longer runs cannot be a code and could overflow.
                        match $crate::__private::number(text.as_bytes()) {
                            $crate::__private::core::option::Option::Some(number) => {
                                Visitor::code(<u64 as $crate::__private::core::convert::From<
                                    u32,
                                >>::from(number))
                            }
                            $crate::__private::core::option::Option::None => {
                                $crate::__private::core::result::Result::Err(E::invalid_value(
                                    de::Unexpected::Str(text),
                                    &self,
                                ))
                            }
                        }
                    }
                }

                // Binary formats cannot say what comes next; they get the number `serialize` wrote.
                if deserializer.is_human_readable() {
                    deserializer.deserialize_any(Visitor)
                } else {
                    deserializer.deserialize_u16(Visitor)
                }
            }
        }

        #[automatically_derived]
        impl $crate::__private::serde::Serialize for $locale {
            /// Serializes as the tag, such as `"zh-CN"`.
            fn serialize<S>(
                &self,
                serializer: S,
            ) -> $crate::__private::core::result::Result<S::Ok, S::Error>
            where
                S: $crate::__private::serde::Serializer,
            {
                serializer.serialize_str(self.tag())
            }
        }

        #[automatically_derived]
        impl<'de> $crate::__private::serde::Deserialize<'de> for $locale {
            /// Accepts a tag of the table as `FromStr` does: any case, `_` for `-`.
            fn deserialize<D>(
                deserializer: D,
            ) -> $crate::__private::core::result::Result<Self, D::Error>
            where
                D: $crate::__private::serde::Deserializer<'de>,
            {
                use $crate::__private::serde::de;

                struct Visitor;

                impl<'de> de::Visitor<'de> for Visitor {
                    type Value = $locale;

                    fn expecting(
                        &self,
                        f: &mut $crate::__private::core::fmt::Formatter<'_>,
                    ) -> $crate::__private::core::fmt::Result {
                        f.write_str("a locale tag of the table")
                    }

                    fn visit_str<E: de::Error>(
                        self,
                        text: &str,
                    ) -> $crate::__private::core::result::Result<$locale, E> {
                        $crate::__private::core::str::FromStr::from_str(text).map_err(E::custom)
                    }
                }

                deserializer.deserialize_str(Visitor)
            }
        }
    };
}

/// Without the `serde` feature: nothing.
#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __serde_impls {
    ($status_code:ident, $locale:ident) => {};
}

/// `http` impls: conversions to and from `http::StatusCode`.
#[cfg(feature = "http")]
#[doc(hidden)]
#[macro_export]
macro_rules! __http_impls {
    ($status_code:ident) => {
        #[automatically_derived]
        impl $crate::__private::core::convert::From<$status_code>
            for $crate::__private::http::StatusCode
        {
            /// Every code of the table is in 100..=999, which `http::StatusCode` accepts.
            fn from(code: $status_code) -> $crate::__private::http::StatusCode {
                match $crate::__private::http::StatusCode::from_u16(code.code()) {
                    $crate::__private::core::result::Result::Ok(status) => status,
                    $crate::__private::core::result::Result::Err(_) => {
                        $crate::__private::core::unreachable!(
                            "status_codes! accepts codes from 100 to 999 only"
                        )
                    }
                }
            }
        }

        #[automatically_derived]
        impl $crate::__private::core::convert::TryFrom<$crate::__private::http::StatusCode>
            for $status_code
        {
            type Error = $crate::UnknownStatusCode;

            /// Fails for a code the table does not hold.
            fn try_from(
                status: $crate::__private::http::StatusCode,
            ) -> $crate::__private::core::result::Result<$status_code, $crate::UnknownStatusCode>
            {
                $crate::__private::core::convert::TryFrom::try_from(status.as_u16())
            }
        }
    };
}

/// Without the `http` feature: nothing.
#[cfg(not(feature = "http"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __http_impls {
    ($status_code:ident) => {};
}

/// `axum` impls: `Locale` as an extractor, `StatusCode` as a response, `Locale::layer`,
/// `StatusCode::problem_layer`.
#[cfg(feature = "axum")]
#[doc(hidden)]
#[macro_export]
macro_rules! __axum_impls {
    ($status_code:ident, $locale:ident) => {
        #[automatically_derived]
        impl<S: $crate::__private::core::marker::Send + $crate::__private::core::marker::Sync>
            $crate::__private::axum::extract::FromRequestParts<S> for $locale
        {
            type Rejection = $crate::__private::core::convert::Infallible;

            /// The locale the request's `Accept-Language` field lines ask for, combined in
            /// order; never rejects.
            async fn from_request_parts(
                parts: &mut $crate::__private::axum::http::request::Parts,
                _: &S,
            ) -> $crate::__private::core::result::Result<
                $locale,
                $crate::__private::core::convert::Infallible,
            > {
                $crate::__private::core::result::Result::Ok($crate::__private::negotiate_headers(
                    &parts.headers,
                    $locale::negotiate_bytes,
                ))
            }
        }

        /// The problem of the table's `code` in `locale`, its language the one its message is
        /// written in; `None` for a code the table lacks.
        fn problem_of(
            code: u16,
            locale: $locale,
        ) -> $crate::__private::core::option::Option<$crate::Problem<'static>> {
            let code = $status_code::from_u16(code)?;
            $crate::__private::core::option::Option::Some($crate::Problem::for_status(
                code.code(),
                code.reason(),
                code.message(locale),
                code.message_locale(locale).tag(),
            ))
        }

        #[automatically_derived]
        impl $crate::__private::axum::response::IntoResponse for $status_code {
            /// The code's problem in `Locale::current()` (see `status_core::axum`).
            fn into_response(self) -> $crate::__private::axum::response::Response {
                let locale = $locale::current();
                $crate::__private::code_response(self.code(), |code| problem_of(code, locale))
            }
        }

        impl $locale {
            /// A tower layer that runs each request with the locale its `Accept-Language`
            /// asks for as [`Locale::current`], and adds `Accept-Language` to the `Vary` of
            /// every response: `router.layer(Locale::layer())`.
            pub fn layer() -> $crate::axum::LocaleLayer<$locale> {
                // `CURRENT_LOCALE`: the table's static, beside this in the generated `const _`;
                // it takes a locale as its index in `ALL`.
                $crate::axum::LocaleLayer::new(
                    |header| $locale::negotiate_bytes(header) as usize,
                    &CURRENT_LOCALE,
                )
            }
        }

        impl $status_code {
            /// A tower layer that answers the error responses that carry no problem (axum's
            /// rejections, the router's 404 and 405, a bare status) with the table's problem
            /// for their status, in the language the request's `Accept-Language` asks for:
            /// `router.layer(StatusCode::problem_layer())`. See
            /// `status_core::axum::ProblemLayer`.
            pub fn problem_layer() -> $crate::axum::ProblemLayer<$locale> {
                $crate::axum::ProblemLayer::new($locale::negotiate_bytes, problem_of)
            }
        }
    };
}

/// Without the `axum` feature: nothing.
#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __axum_impls {
    ($status_code:ident, $locale:ident) => {};
}
