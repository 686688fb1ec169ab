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

/// Text → `StatusCode` failed: no code of the table has that number or name, or a status line
/// (`404 Gone`) joins a number to another code's name.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ParseStatusCodeError {
    reason: Rejected,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Rejected {
    /// Three digits of a code the table lacks: kept as they are, the cheapest error to make.
    Digits([u8; 3]),
    /// Text that matches nothing.
    Text(Excerpt),
    /// A status line whose name is not one of its code's; the code and its reason phrase.
    WrongName(Excerpt, u16, &'static str),
}

impl ParseStatusCodeError {
    #[doc(hidden)]
    pub fn new(input: &str) -> Self {
        ParseStatusCodeError {
            reason: Rejected::Text(Excerpt::new(input)),
        }
    }

    #[doc(hidden)]
    pub const fn digits(digits: [u8; 3]) -> Self {
        ParseStatusCodeError {
            reason: Rejected::Digits(digits),
        }
    }

    #[doc(hidden)]
    pub fn wrong_name(input: &str, code: u16, reason: &'static str) -> Self {
        ParseStatusCodeError {
            reason: Rejected::WrongName(Excerpt::new(input), code, reason),
        }
    }

    /// The rejected input, or its first 48 bytes if it was longer.
    pub fn input(&self) -> &str {
        match &self.reason {
            // Always ASCII digits.
            Rejected::Digits(digits) => core::str::from_utf8(digits).unwrap_or_default(),
            Rejected::Text(input) | Rejected::WrongName(input, ..) => input.as_str(),
        }
    }

    /// Whether [`input`](Self::input) was cut short.
    pub fn is_truncated(&self) -> bool {
        match &self.reason {
            Rejected::Digits(_) => false,
            Rejected::Text(input) | Rejected::WrongName(input, ..) => input.truncated,
        }
    }

    /// For a status line whose name belongs to another code (`404 Gone`), the reason phrase
    /// of the code its number names (`Not Found`).
    pub fn expected_reason(&self) -> Option<&'static str> {
        match self.reason {
            Rejected::WrongName(_, _, reason) => Some(reason),
            Rejected::Digits(_) | Rejected::Text(_) => None,
        }
    }
}

impl fmt::Display for ParseStatusCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.reason {
            Rejected::Digits(_) => write!(f, "no status code matches {:?}", self.input()),
            Rejected::Text(input) => write!(f, "no status code matches {input}"),
            Rejected::WrongName(input, code, reason) => write!(
                f,
                "status line {input} has the wrong name: {code} is {reason:?}"
            ),
        }
    }
}

impl fmt::Debug for ParseStatusCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ParseStatusCodeError")
            .field("input", &self.input())
            .field("truncated", &self.is_truncated())
            .field("expected_reason", &self.expected_reason())
            .finish()
    }
}

impl std::error::Error for ParseStatusCodeError {}

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
    fn each_rejection_says_what_it_is() {
        let digits = ParseStatusCodeError::digits(*b"499");
        assert_eq!(digits.to_string(), "no status code matches \"499\"");
        assert_eq!(digits.input(), "499");
        let wrong = ParseStatusCodeError::wrong_name("404 Gone", 404, "Not Found");
        assert_eq!(
            wrong.to_string(),
            "status line \"404 Gone\" has the wrong name: 404 is \"Not Found\""
        );
        assert_eq!(wrong.expected_reason(), Some("Not Found"));
        assert_eq!(digits.expected_reason(), None);
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
