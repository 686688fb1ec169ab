//! What every expansion of `status_codes!` shares, written once here instead of in every
//! user's crate: parsing a status code or a locale tag from text, and the names the generated
//! code imports. Not a public API: only generated code calls it, and it may change in any
//! release.

pub use core;
pub use std;

pub use crate::error::{ParseLocaleError, ParseStatusCodeError, UnknownStatusCode};
pub use crate::{StatusClass, locale};

pub use crate::current::{CurrentLocale, LocaleScope};
pub use crate::problem_type::{Piece, render};

#[cfg(feature = "axum")]
pub use crate::axum::{accept_language, code_response, negotiate_headers};
#[cfg(feature = "axum")]
pub use axum;
#[cfg(feature = "http")]
pub use http;
#[cfg(feature = "serde")]
pub use serde;

/// The procedural macro behind `status_core::status_codes!`, which passes it `$crate`.
pub use status_macros::status_codes;

/// The longest spelling `FromStr` compares, in bytes once folded; the generator refuses longer
/// names, so the fold fits a stack buffer.
pub const MAX_SPELLING: usize = 128;

/// Folds `text` as the generator folds names (`status_codegen`'s `names::fold`): ASCII letters
/// lower-cased, each run of ASCII white space one space, none at the ends. `None` when the
/// result would not fit, in which case no name can match it.
#[inline]
pub fn fold<'b>(text: &[u8], buffer: &'b mut [u8; MAX_SPELLING]) -> Option<&'b [u8]> {
    let mut len = 0;
    let mut pending_space = false;
    for &byte in text {
        if byte.is_ascii_whitespace() {
            pending_space = len > 0;
            continue;
        }
        if pending_space {
            *buffer.get_mut(len)? = b' ';
            len += 1;
            pending_space = false;
        }
        *buffer.get_mut(len)? = byte.to_ascii_lowercase();
        len += 1;
    }
    Some(&buffer[..len])
}

/// The number of a string of digits, if it has at most five (more cannot be a code, and could
/// overflow).
#[inline]
pub fn number(digits: &[u8]) -> Option<u32> {
    if digits.is_empty() || digits.len() > 5 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(
        digits
            .iter()
            .fold(0, |number, digit| number * 10 + u32::from(digit - b'0')),
    )
}

/// `FromStr` for a generated `StatusCode`. `from_u16` and `from_folded` are the table's
/// lookups by number and by folded spelling; `reason` names a code in the error for a status
/// line whose name belongs to another code.
#[inline]
pub fn parse_status_code<T: Copy + PartialEq>(
    text: &str,
    from_u16: impl Fn(u16) -> Option<T>,
    from_folded: impl Fn(&[u8]) -> Option<T>,
    reason: impl Fn(T) -> &'static str,
) -> Result<T, ParseStatusCodeError> {
    let bytes = text.as_bytes();
    // The common case first, as a code comes off the wire: exactly three digits.
    if let [a @ b'0'..=b'9', b @ b'0'..=b'9', c @ b'0'..=b'9'] = *bytes {
        let number = u16::from(a - b'0') * 100 + u16::from(b - b'0') * 10 + u16::from(c - b'0');
        // The error is built only on failure: it is larger than the code.
        return match from_u16(number) {
            Some(code) => Ok(code),
            None => Err(ParseStatusCodeError::digits([a, b, c])),
        };
    }
    parse_status_code_text(text, from_u16, from_folded, reason)
}

/// [`parse_status_code`] for anything but three digits: out of line, so that the common case
/// inlines small.
#[inline(never)]
fn parse_status_code_text<T: Copy + PartialEq>(
    text: &str,
    from_u16: impl Fn(u16) -> Option<T>,
    from_folded: impl Fn(&[u8]) -> Option<T>,
    reason: impl Fn(T) -> &'static str,
) -> Result<T, ParseStatusCodeError> {
    let mut buffer = [0; MAX_SPELLING];
    let Some(folded) = fold(text.as_bytes(), &mut buffer) else {
        return Err(ParseStatusCodeError::new(text));
    };
    let digits = folded
        .iter()
        .take_while(|byte| byte.is_ascii_digit())
        .count();
    // The leading number as a code's, if it fits a `u16`.
    let number = number(&folded[..digits]).and_then(|number| u16::try_from(number).ok());
    let found = match folded.get(digits) {
        _ if digits == 0 => from_folded(folded),
        None => number.and_then(&from_u16),
        // A status line: the number, then any name of that same code.
        Some(b' ') => {
            let Some((number, status)) = number.and_then(|n| Some((n, from_u16(n)?))) else {
                return Err(ParseStatusCodeError::new(text));
            };
            return match from_folded(&folded[digits + 1..]) {
                Some(named) if named == status => Ok(status),
                _ => Err(ParseStatusCodeError::wrong_name(
                    text,
                    number,
                    reason(status),
                )),
            };
        }
        Some(_) => from_folded(folded),
    };
    found.ok_or_else(|| ParseStatusCodeError::new(text))
}

/// `FromStr` for a generated `Locale`: the tag of `all`'s locale in `tags` (its tags, in its
/// order), in any case, with `_` for `-`.
#[inline]
pub fn parse_locale<T: Copy>(text: &str, all: &[T], tags: &[&str]) -> Result<T, ParseLocaleError> {
    let same = |tag: &&str| status_locale::same_subtags(tag, text);
    match tags.iter().position(same).and_then(|at| all.get(at)) {
        Some(locale) => Ok(*locale),
        None => Err(ParseLocaleError::new(text)),
    }
}

/// The class test behind a generated `is_success()` and its siblings.
#[inline]
pub const fn in_class(code: u16, class: StatusClass) -> bool {
    StatusClass::of(code) as u8 == class as u8
}

/// `TryFrom<u16>` for a generated `StatusCode`: `found` is `from_u16(code)`.
#[inline]
pub fn known<T>(code: u16, found: Option<T>) -> Result<T, UnknownStatusCode> {
    match found {
        Some(status) => Ok(status),
        None => Err(UnknownStatusCode::new(code)),
    }
}

/// A table by code number of `LEN` cells from `first` on: `values[row]` in the cell of
/// `numbers[row]`, `empty` in the others. Generated code calls it in its constants, so the
/// loop runs in the compiler, once per table, and a lookup is one load by number.
pub const fn by_number<T: Copy, const LEN: usize>(
    numbers: &[u16],
    first: u16,
    values: &[T],
    empty: T,
) -> [T; LEN] {
    let mut table = [empty; LEN];
    let mut row = 0;
    while row < numbers.len() && row < values.len() {
        table[(numbers[row] - first) as usize] = values[row];
        row += 1;
    }
    table
}

/// [`by_number`] from 0 with each of `values` as `Some`: `from_u16`'s table.
pub const fn some_by_number<T: Copy, const LEN: usize>(
    numbers: &[u16],
    values: &[T],
) -> [Option<T>; LEN] {
    let mut table = [None; LEN];
    let mut row = 0;
    while row < numbers.len() && row < values.len() {
        table[numbers[row] as usize] = Some(values[row]);
        row += 1;
    }
    table
}

/// [`by_number`] with each code's row, its index in `numbers` (and in `StatusCode::ALL`).
pub const fn rows_by_number<const LEN: usize>(numbers: &[u16], first: u16) -> [u16; LEN] {
    let mut table = [0; LEN];
    let mut row = 0;
    while row < numbers.len() {
        table[(numbers[row] - first) as usize] = row as u16;
        row += 1;
    }
    table
}

/// The cell of `code` in a table from [`some_by_number`]; `None` past its end.
#[inline]
pub const fn by_code<T: Copy>(table: &[Option<T>], code: u16) -> Option<T> {
    if (code as usize) < table.len() {
        table[code as usize]
    } else {
        None
    }
}

/// The rows of a generated `Locale::MATCHING_RULES` that would take rustc's printer a line or
/// two each, written by the generator as one string literal and decoded here at compile time
/// (every caller is a `const` item). Words are separated by single spaces, and `-` stands for
/// an empty subtag, which no subtag spells. A text the generator did not write fails the build.
pub mod rows {
    use status_locale::{LikelyRow, RegionDistance, Regions, Subtags};

    /// The `u64`s of [`Rules::languages`](crate::locale::Rules::languages), each written as 16
    /// lower-case hex digits, one after the other.
    pub const fn languages<const N: usize>(hex: &str) -> [u64; N] {
        let hex = hex.as_bytes();
        assert!(hex.len() == N * 16, "16 hex digits a row");
        let mut rows = [0; N];
        let mut at = 0;
        while at < hex.len() {
            let digit = match hex[at] {
                digit @ b'0'..=b'9' => digit - b'0',
                digit @ b'a'..=b'f' => digit - b'a' + 10,
                _ => panic!("a hex digit"),
            };
            rows[at / 16] = rows[at / 16] << 4 | digit as u64;
            at += 1;
        }
        rows
    }

    /// Two words a row: [`Rules::undetermined`](crate::locale::Rules::undetermined).
    pub const fn pairs<const N: usize>(text: &'static str) -> [(&'static str, &'static str); N] {
        let mut rows = [("", ""); N];
        let mut words = Words::new(text);
        let mut row = 0;
        while row < N {
            rows[row] = (words.next(), words.next());
            row += 1;
        }
        words.end();
        rows
    }

    /// Three words a row: [`Rules::aliases`](crate::locale::Rules::aliases).
    pub const fn triples<const N: usize>(
        text: &'static str,
    ) -> [(&'static str, &'static str, &'static str); N] {
        let mut rows = [("", "", ""); N];
        let mut words = Words::new(text);
        let mut row = 0;
        while row < N {
            rows[row] = (words.next(), words.next(), words.next());
            row += 1;
        }
        words.end();
        rows
    }

    /// Four words a row, the script and region looked up and those they imply: the rows of
    /// one language of [`Rules::likely`](crate::locale::Rules::likely).
    pub const fn likely<const N: usize>(text: &'static str) -> [LikelyRow<'static>; N] {
        let mut rows = [(("", ""), ("", "")); N];
        let mut words = Words::new(text);
        let mut row = 0;
        while row < N {
            let looked_up = (words.next(), words.next());
            rows[row] = (looked_up, (words.next(), words.next()));
            row += 1;
        }
        words.end();
        rows
    }

    /// One word a row: a set of regions of [`Rules::regions`](crate::locale::Rules::regions).
    pub const fn words<const N: usize>(text: &'static str) -> [&'static str; N] {
        let mut rows = [""; N];
        let mut words = Words::new(text);
        let mut row = 0;
        while row < N {
            rows[row] = words.next();
            row += 1;
        }
        words.end();
        rows
    }

    /// Three words a tag, its language, script and region:
    /// [`Rules::supported`](crate::locale::Rules::supported).
    pub const fn subtags<const N: usize>(text: &'static str) -> [Subtags<'static>; N] {
        let mut rows = [Subtags {
            language: "",
            script: "",
            region: "",
        }; N];
        let mut words = Words::new(text);
        let mut row = 0;
        while row < N {
            rows[row] = Subtags {
                language: words.next(),
                script: words.next(),
                region: words.next(),
            };
            row += 1;
        }
        words.end();
        rows
    }

    /// Six words a row, [`Rules::regions`](crate::locale::Rules::regions): the language, the
    /// script, the desired and the supported regions (`*` for any, `+3` for those of
    /// `sets[3]`, `!3` for all others), the distance and `1` for one way only, else `0`.
    pub const fn regions<const N: usize>(
        sets: &'static [&'static [&'static str]],
        text: &'static str,
    ) -> [RegionDistance<'static>; N] {
        let mut rows = [RegionDistance {
            language: "",
            script: "",
            desired: Regions::Any,
            supported: Regions::Any,
            distance: 0,
            oneway: false,
        }; N];
        let mut words = Words::new(text);
        let mut row = 0;
        while row < N {
            rows[row] = RegionDistance {
                language: words.next(),
                script: words.next(),
                desired: region_set(sets, words.next()),
                supported: region_set(sets, words.next()),
                distance: number(words.next()) as u8,
                oneway: number(words.next()) == 1,
            };
            row += 1;
        }
        words.end();
        rows
    }

    /// `*`, `+3` or `!3`, as [`regions`] reads them.
    const fn region_set(sets: &'static [&'static [&'static str]], word: &str) -> Regions<'static> {
        match word.as_bytes() {
            [b'*'] => Regions::Any,
            [b'+', index @ ..] => Regions::In(sets[digits(index)]),
            [b'!', index @ ..] => Regions::NotIn(sets[digits(index)]),
            _ => panic!("a set of regions"),
        }
    }

    /// A decimal number of at most three digits.
    const fn number(word: &str) -> usize {
        digits(word.as_bytes())
    }

    const fn digits(digits: &[u8]) -> usize {
        assert!(!digits.is_empty() && digits.len() <= 3, "a number");
        let mut value = 0;
        let mut at = 0;
        while at < digits.len() {
            assert!(digits[at].is_ascii_digit(), "a digit");
            value = value * 10 + (digits[at] - b'0') as usize;
            at += 1;
        }
        value
    }

    /// The words of a text, in order.
    struct Words {
        rest: &'static [u8],
    }

    impl Words {
        const fn new(text: &'static str) -> Words {
            Words {
                rest: text.as_bytes(),
            }
        }

        /// The next word (`""` for `-`); fails when there is none.
        const fn next(&mut self) -> &'static str {
            let mut len = 0;
            while len < self.rest.len() && self.rest[len] != b' ' {
                len += 1;
            }
            assert!(len > 0, "a word");
            let (word, rest) = self.rest.split_at(len);
            self.rest = match rest {
                [b' ', rest @ ..] => rest,
                _ => rest,
            };
            match word {
                [b'-'] => "",
                _ => match core::str::from_utf8(word) {
                    Ok(word) => word,
                    Err(_) => panic!("UTF-8"),
                },
            }
        }

        /// Fails unless every word was read.
        const fn end(&self) {
            assert!(self.rest.is_empty(), "no more words than rows");
        }
    }
}

/// The locale at `index` in `all` (a generated `Locale::ALL`, never empty), or the default,
/// `all[0]`, for any other index.
#[inline]
pub const fn locale_at<L: Copy>(all: &[L], index: usize) -> L {
    if index < all.len() {
        all[index]
    } else {
        all[0]
    }
}

/// `Locale::negotiate`: `all` and `tags` are the table's locales and their tags, in one order.
#[inline]
pub fn negotiate<L: Copy>(header: &[u8], all: &[L], tags: &[&str], rules: &locale::Rules<'_>) -> L {
    locale_at(all, locale::negotiate_bytes(header, tags, rules))
}

/// `Locale::parse_lenient`, as [`negotiate`].
#[inline]
pub fn lookup<L: Copy>(
    tag: &str,
    all: &[L],
    tags: &[&str],
    rules: &locale::Rules<'_>,
) -> Option<L> {
    match locale::lookup(tag, tags, rules) {
        Some(index) => Some(locale_at(all, index)),
        None => None,
    }
}

/// `Locale::from_env`, as [`negotiate`].
pub fn from_env<L: Copy>(all: &[L], tags: &[&str], rules: &locale::Rules<'_>) -> L {
    locale_at(all, locale::from_env(tags, rules))
}

/// An optional text of a generated table, where the empty string stands for none (the
/// generator refuses empty texts).
#[inline]
pub const fn non_empty(text: &'static str) -> Option<&'static str> {
    if text.is_empty() { None } else { Some(text) }
}

/// Fails the build, with `message`, unless the table file rustc includes (`text`) has the
/// length the generator read (`len`): the file changed in between.
pub const fn unchanged(text: &str, len: usize, message: &str) {
    if text.len() != len {
        panic!("{}", message);
    }
}

/// A `fn` of each name the generated code binds as a parameter or a local. The expansion
/// imports them all into its `const _` block, nearer in scope than the user's module, so that a
/// user's `const code` (or unit struct) of such a name cannot turn the binding into a constant
/// pattern: a function never is one.
pub mod bound {
    macro_rules! bound {
        ($($name:ident)*) => {
            $(
                #[doc(hidden)]
                pub fn $name() {}
            )*
        };
    }
    bound! {
        accept_language code deserializer f folded future header locale number other parts
        serializer state status tag text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> Option<String> {
        let mut buffer = [0; MAX_SPELLING];
        fold(text.as_bytes(), &mut buffer).map(|bytes| String::from_utf8_lossy(bytes).into_owned())
    }

    #[test]
    fn fold_squeezes_spaces_and_lowers_ascii_only() {
        assert_eq!(folded(" Not \t  FOUND\n").as_deref(), Some("not found"));
        assert_eq!(folded("\u{212A}").as_deref(), Some("\u{212A}"));
        assert_eq!(
            folded(&"a".repeat(MAX_SPELLING)).map(|s| s.len()),
            Some(MAX_SPELLING)
        );
        assert_eq!(folded(&"a".repeat(MAX_SPELLING + 1)), None);
        // Trailing white space never overflows: it is only written before a later word.
        assert!(folded(&format!("{} ", "a".repeat(MAX_SPELLING))).is_some());
    }

    #[test]
    fn tables_by_number_put_each_value_in_its_codes_cell() {
        const NUMBERS: [u16; 3] = [200, 404, 503];
        const TEXTS: [&str; 3] = ["ok", "missing", "busy"];
        const BY_CODE: [&str; 304] = by_number(&NUMBERS, 200, &TEXTS, "");
        assert_eq!(
            (BY_CODE[0], BY_CODE[204], BY_CODE[303]),
            ("ok", "missing", "busy")
        );
        assert_eq!(BY_CODE.iter().filter(|text| text.is_empty()).count(), 301);

        const ROWS: [u16; 304] = rows_by_number(&NUMBERS, 200);
        assert_eq!((ROWS[0], ROWS[204], ROWS[303]), (0, 1, 2));

        const CODES: [Option<char>; 504] = some_by_number(&NUMBERS, &['a', 'b', 'c']);
        assert_eq!(by_code(&CODES, 404), Some('b'));
        assert_eq!(by_code(&CODES, 503), Some('c'));
        assert_eq!(by_code(&CODES, 405), None);
        // Past the table's end, as any number above the last code is.
        assert_eq!(by_code(&CODES, 504), None);
        assert_eq!(by_code(&CODES, u16::MAX), None);
    }

    #[test]
    fn classes_and_locales_by_index() {
        assert!(in_class(404, StatusClass::ClientError));
        assert!(!in_class(404, StatusClass::ServerError));
        assert!(in_class(999, StatusClass::Other));
        assert_eq!(locale_at(&["en", "zh-CN"], 1), "zh-CN");
        // Any index the matcher could not have given falls back to the default.
        assert_eq!(locale_at(&["en", "zh-CN"], 2), "en");
        assert_eq!(known(404, Some('b')), Ok('b'));
        assert_eq!(known::<char>(405, None), Err(UnknownStatusCode::new(405)));
    }

    #[test]
    fn numbers_have_at_most_five_digits() {
        assert_eq!(number(b"404"), Some(404));
        assert_eq!(number(b"99999"), Some(99999));
        assert_eq!(number(b"999999"), None);
        assert_eq!(number(b""), None);
        assert_eq!(number(b"4o4"), None);
    }

    #[test]
    fn rows_decode_what_the_generator_writes() {
        let rows: [u64; 3] = rows::languages("00000000000000ff0123456789abcdefffffffffffffffff");
        assert_eq!(rows, [0xff, 0x0123_4567_89ab_cdef, u64::MAX]);
        let likely: [_; 2] = rows::likely("- - Latn US shaw - Shaw GB");
        assert_eq!(
            likely,
            [(("", ""), ("Latn", "US")), (("shaw", ""), ("Shaw", "GB"))]
        );
        let aliases: [_; 2] = rows::triples("i-default en - sh sr Latn");
        assert_eq!(aliases, [("i-default", "en", ""), ("sh", "sr", "Latn")]);
        assert_eq!(rows::pairs::<1>("hant zh"), [("hant", "zh")]);
        assert_eq!(rows::words::<3>("AS CA 419"), ["AS", "CA", "419"]);
        let sets: &[&[&str]] = &[&["GB"], &["HK", "MO"]];
        let [first, second]: [locale::RegionDistance<'_>; 2] =
            rows::regions(sets, "en * !0 +0 3 0 zh Hant * +1 104 1");
        assert_eq!(
            (first.language, first.script, first.distance, first.oneway),
            ("en", "*", 3, false)
        );
        assert!(matches!(first.desired, locale::Regions::NotIn(["GB"])));
        assert!(matches!(first.supported, locale::Regions::In(["GB"])));
        assert!(matches!(second.desired, locale::Regions::Any));
        assert!(matches!(
            second.supported,
            locale::Regions::In(["HK", "MO"])
        ));
        assert_eq!((second.distance, second.oneway), (104, true));
    }

    #[test]
    #[should_panic = "no more words than rows"]
    fn rows_refuse_words_left_over() {
        let _: [_; 1] = rows::pairs("a b c");
    }

    #[test]
    #[should_panic = "a word"]
    fn rows_refuse_too_few_words() {
        let _: [_; 2] = rows::pairs("a b c");
    }

    #[test]
    #[should_panic = "16 hex digits a row"]
    fn rows_refuse_a_short_hex_row() {
        let _: [_; 1] = rows::languages("0123");
    }
}
