//! Error types of the generated conversions. They keep what was rejected inline, so making one
//! never allocates.

use core::fmt;

/// `u16` → `StatusCode` failed: the table has no such code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct UnknownStatusCode {
    code: u16,
}

impl UnknownStatusCode {
    #[doc(hidden)]
    pub const fn new(code: u16) -> Self {
        UnknownStatusCode { code }
    }

    /// The number that was rejected.
    pub const fn code(&self) -> u16 {
        self.code
    }
}

impl fmt::Display for UnknownStatusCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown status code {}", self.code)
    }
}

impl std::error::Error for UnknownStatusCode {}

/// The first bytes of rejected input, cut at a character boundary.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Excerpt {
    bytes: [u8; Excerpt::CAPACITY],
    len: u8,
    truncated: bool,
}

impl Excerpt {
    const CAPACITY: usize = 48;

    fn new(text: &str) -> Self {
        let mut len = text.len().min(Self::CAPACITY);
        while !text.is_char_boundary(len) {
            len -= 1;
        }
        let mut bytes = [0; Self::CAPACITY];
        bytes[..len].copy_from_slice(&text.as_bytes()[..len]);
        Excerpt {
            bytes,
            len: len as u8,
            truncated: len < text.len(),
        }
    }

    fn as_str(&self) -> &str {
        // Always valid: `new` cuts at a character boundary.
        core::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }
}

impl fmt::Display for Excerpt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.as_str())?;
        if self.truncated {
            f.write_str("…")?;
        }
        Ok(())
    }
}

macro_rules! parse_error {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash)]
        pub struct $name {
            input: Excerpt,
        }

        impl $name {
            #[doc(hidden)]
            pub fn new(input: &str) -> Self {
                $name { input: Excerpt::new(input) }
            }

            /// The rejected input, or its first 48 bytes if it was longer.
            pub fn input(&self) -> &str {
                self.input.as_str()
            }

            /// Whether [`input`](Self::input) was cut short.
            pub fn is_truncated(&self) -> bool {
                self.input.truncated
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!("no ", $what, " matches {}"), self.input)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_struct(stringify!($name))
                    .field("input", &self.input())
                    .field("truncated", &self.is_truncated())
                    .finish()
            }
        }

        impl std::error::Error for $name {}
    };
}

parse_error!(
    /// Text → `StatusCode` failed: no code of the table has that number or name.
    ParseStatusCodeError,
    "status code"
);

parse_error!(
    /// Text → `Locale` failed: the table has no locale with that tag.
    ParseLocaleError,
    "locale"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_say_what_was_rejected() {
        assert_eq!(
            UnknownStatusCode::new(499).to_string(),
            "unknown status code 499"
        );
        assert_eq!(
            ParseStatusCodeError::new("Nto Found").to_string(),
            "no status code matches \"Nto Found\""
        );
        assert_eq!(
            ParseLocaleError::new("fr\n").to_string(),
            "no locale matches \"fr\\n\""
        );
    }

    #[test]
    fn long_input_is_cut_at_a_character_boundary() {
        let input = "é".repeat(40);
        let error = ParseLocaleError::new(&input);
        assert!(error.is_truncated());
        assert_eq!(error.input(), "é".repeat(24));
        assert!(error.to_string().ends_with("\"…"));
    }
}
