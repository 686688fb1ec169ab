//! Names derived from the table: enum variants from reason phrases and locale tags, and the
//! spellings `FromStr` accepts for a code, with the one fold that matches them. Validation,
//! layering and expansion all go through these functions; `status_core::__private::fold` is
//! the same fold at run time (a test in `tests/` checks that they agree).

use heck::ToUpperCamelCase;

/// Associated constants of the generated enums, which a variant of the same name would shadow.
/// (Associated types such as `Err` cannot clash: the generated code never writes `Self::Err`.)
const RESERVED: &[&str] = &["ALL", "DEFAULT"];

/// The longest spelling `FromStr` matches, in bytes once folded (and the longest locale tag);
/// longer ones are refused when the table is checked, so the run-time fold fits a fixed stack
/// buffer. It must equal `status_core::__private::MAX_SPELLING`, the size of that buffer
/// (`tests/it/spellings.rs` checks).
pub const MAX_SPELLING: usize = 128;

/// How `FromStr` compares names: ASCII letters lower-cased, each run of ASCII white space one
/// space, none at the ends. Anything else is kept as it is.
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// [`fold`] into a buffer the caller reuses. Works on bytes: ASCII white space never occurs
/// inside a multi-byte character, so each run between them is a whole piece of the text.
pub(crate) fn fold_into(text: &str, out: &mut String) {
    out.clear();
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at].is_ascii_whitespace() {
            at += 1;
            continue;
        }
        let start = at;
        while at < bytes.len() && !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&text[start..at]);
    }
    out.make_ascii_lowercase();
}

/// A spelling as a reader sees it, into `out`, for telling whether two spellings can be told
/// apart: compatibility forms folded (NFKC: full-width letters, no-break and ideographic
/// spaces), then UTS #39's confusable skeleton (invisible characters such as U+200B, U+00AD
/// and U+FEFF dropped, look-alikes such as Cyrillic `о` or the digit `0` taken for the letter
/// they look like), case ignored, and each run of white space one space. `FromStr` still
/// matches by [`fold`]; this only decides which spellings are too alike to allow.
pub(crate) fn as_read_into(text: &str, out: &mut String) {
    out.clear();
    if text.is_ascii() {
        // Most spellings: each character read on its own, from a table made once, since the
        // generator runs unoptimized and the Unicode tables cost microseconds a character.
        let table = ascii_as_read();
        let mut space = false;
        for byte in text.bytes() {
            let read = table[usize::from(byte)].as_str();
            if read == " " {
                space = !out.is_empty();
                continue;
            }
            if space {
                out.push(' ');
                space = false;
            }
            out.push_str(read);
        }
        return;
    }
    as_read_unicode(text, out);
}

/// How each ASCII character reads, by [`as_read_unicode`]: the skeleton maps characters one by
/// one, so an ASCII text reads as its characters do, one after the other (a test checks).
fn ascii_as_read() -> &'static [String; 128] {
    static TABLE: std::sync::OnceLock<[String; 128]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        std::array::from_fn(|byte| {
            let c = char::from(byte as u8);
            if c.is_whitespace() {
                return " ".to_string();
            }
            let mut read = String::new();
            as_read_unicode(c.encode_utf8(&mut [0; 4]), &mut read);
            read
        })
    })
}

fn as_read_unicode(text: &str, out: &mut String) {
    use unicode_normalization::UnicodeNormalization as _;
    out.clear();
    let compatible: String = text.nfkc().collect();
    // The skeleton before lower-casing, so that `I` reads as `l`; again after, since a
    // lower-case letter may have a prototype of its own (`m` reads as `rn`).
    let mut lower = String::with_capacity(compatible.len());
    for c in unicode_security::skeleton(&compatible) {
        lower.extend(c.to_lowercase());
    }
    let mut space = false;
    for c in unicode_security::skeleton(&lower) {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
}

/// `text` with each character escaped (`\u{43e}`) that a reader takes for another, plainer one
/// or cannot see: the look-alikes, compatibility forms and invisible characters that make two
/// spellings read alike, shown for what they are.
pub(crate) fn reveal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut read = String::new();
    for c in text.chars() {
        as_read_unicode(c.encode_utf8(&mut [0; 4]), &mut read);
        if !c.is_ascii() && (read.is_empty() || read.is_ascii()) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether a reader cannot see `c`: a default-ignorable code point (U+200B, U+00AD, U+FEFF...).
pub(crate) fn is_default_ignorable(c: char) -> bool {
    // The skeleton drops exactly the default-ignorable code points; every other character has
    // one.
    unicode_security::skeleton(c.encode_utf8(&mut [0; 4]))
        .next()
        .is_none()
}

/// The first character of `text` that a reader cannot see (a default-ignorable code point,
/// such as U+200B, U+2060, U+00AD or U+FEFF).
pub(crate) fn first_invisible(text: &str) -> Option<char> {
    let mut buffer = [0; 4];
    text.chars().find(|&c| {
        // The skeleton drops exactly the default-ignorable code points; every other
        // character has one.
        !c.is_ascii()
            && unicode_security::skeleton(c.encode_utf8(&mut buffer))
                .next()
                .is_none()
    })
}

/// The spellings `FromStr` accepts for a code, in this order: its name, its aliases, its
/// variant. (A status line is the number followed by any of them.) Generic so that validation
/// lists them with their spans and expansion as plain text.
pub(crate) fn spellings<T>(
    name: Option<T>,
    aliases: impl IntoIterator<Item = T>,
    variant: Option<T>,
) -> impl Iterator<Item = T> {
    name.into_iter().chain(aliases).chain(variant)
}

/// How `FromStr` reads a text before it compares names: a number (`404`), a status line (`404
/// Not Found`: a number, white space, then a name of that code), or a name.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Reading {
    /// Only digits (after trimming white space).
    Number(u64),
    /// Digits, white space, then more text: the number and the text after it.
    StatusLine(u64, String),
    /// Anything else.
    Name,
}

/// The reading of a spelling, once [`fold`]ed, as `status_core::__private` parses input.
pub(crate) fn reading(folded: &str) -> Reading {
    let bytes = folded.as_bytes();
    let mut digits = 0;
    while digits < bytes.len() && bytes[digits].is_ascii_digit() {
        digits += 1;
    }
    let number = || {
        let mut n = 0u64;
        for &b in &bytes[..digits] {
            n = n.saturating_mul(10).saturating_add(u64::from(b - b'0'));
        }
        n
    };
    match bytes.get(digits) {
        _ if digits == 0 => Reading::Name,
        None => Reading::Number(number()),
        Some(b' ') => Reading::StatusLine(number(), folded[digits + 1..].to_string()),
        Some(_) => Reading::Name,
    }
}

/// The variant a reason phrase gives: `Not Found` → `NotFound`, `I'm a teapot` → `ImATeapot`.
pub fn variant_from_name(name: &str) -> String {
    if name.is_ascii() {
        let mut out = String::with_capacity(name.len());
        upper_camel_ascii(name.as_bytes(), b"'", &mut out);
        return out;
    }
    let mut kept = String::with_capacity(name.len());
    for c in name.chars() {
        if c != '\'' && c != '’' {
            kept.push(c);
        }
    }
    kept.to_upper_camel_case()
}

/// The variant a locale tag gives: `zh-CN` → `ZhCn`, `es-419` → `Es419`.
pub fn variant_from_tag(tag: &str) -> String {
    if tag.is_ascii() {
        let mut out = String::with_capacity(tag.len());
        upper_camel_ascii(tag.as_bytes(), b"", &mut out);
        return out;
    }
    tag.to_upper_camel_case()
}

/// heck's UpperCamelCase of an ASCII text with the bytes in `dropped` removed first, as a
/// plain loop: the generator runs unoptimized inside rustc, where heck's formatter-driven
/// version costs microseconds a name. Words are split at anything not a letter or digit, after
/// a lower-case letter (or digits after one) followed by a capital, and before the last
/// capital of a run followed by a lower-case letter (`HTTPServer` → `Http`, `Server`). The
/// first letter of a word is upper-cased, the rest lower-cased. A test checks it against heck.
fn upper_camel_ascii(text: &[u8], dropped: &[u8], out: &mut String) {
    #[derive(Clone, Copy, PartialEq)]
    enum Mode {
        Boundary,
        Lower,
        Upper,
    }
    let mut word: Vec<u8> = Vec::with_capacity(text.len());
    let mut at = 0;
    while at < text.len() {
        word.clear();
        while at < text.len() {
            let b = text[at];
            if b.is_ascii_alphanumeric() {
                word.push(b);
            } else if !dropped.contains(&b) {
                break;
            }
            at += 1;
        }
        // Past the separator.
        at += 1;
        let mut mode = Mode::Boundary;
        let mut starts_word = true;
        for index in 0..word.len() {
            let c = word[index];
            let mut begins = starts_word;
            starts_word = false;
            if let Some(&next) = word.get(index + 1) {
                let next_mode = if c.is_ascii_lowercase() {
                    Mode::Lower
                } else if c.is_ascii_uppercase() {
                    Mode::Upper
                } else {
                    mode
                };
                if next_mode == Mode::Lower && next.is_ascii_uppercase() {
                    starts_word = true;
                    mode = Mode::Boundary;
                } else if mode == Mode::Upper && c.is_ascii_uppercase() && next.is_ascii_lowercase()
                {
                    begins = true;
                    mode = Mode::Boundary;
                } else {
                    mode = next_mode;
                }
            }
            out.push(if begins {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            } as char);
        }
    }
}

/// Why `ident` cannot name a variant, if it cannot. Variants are plain ASCII UpperCamelCase, so
/// they are valid identifiers in every edition and never keywords.
pub fn variant_problem(ident: &str) -> Option<&'static str> {
    let mut chars = ident.chars();
    match chars.next() {
        None => Some("it is empty"),
        Some(first) if !first.is_ascii_uppercase() => {
            Some("a variant must start with an ASCII capital letter")
        }
        _ if !chars.all(|c| c.is_ascii_alphanumeric()) => {
            Some("a variant may only hold ASCII letters and digits")
        }
        _ if ident == "Self" => Some("`Self` is a Rust keyword"),
        _ if RESERVED.contains(&ident) => Some("it is reserved by the generated code"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_lowers_ascii_and_squeezes_white_space() {
        assert_eq!(fold("  Not \t Found "), "not found");
        assert_eq!(fold("Request-URI Too Long"), "request-uri too long");
        // Only ASCII folds: the Kelvin sign stays apart from `k`.
        assert_eq!(fold("\u{212A}"), "\u{212A}");
        assert_eq!(fold("ÄB"), "Äb");
    }

    fn as_read(text: &str) -> String {
        let mut out = String::new();
        as_read_into(text, &mut out);
        out
    }

    #[test]
    fn spellings_that_look_alike_read_alike() {
        let not_found = as_read("Not Found");
        // The seven spellings of 404's name, written as aliases of 410.
        for alike in [
            "N\u{43e}t Found",
            "Not Found\u{200b}",
            "N\u{ad}ot Found",
            "Not\u{a0}Found",
            "Not\u{3000}Found",
            "\u{ff2e}\u{ff4f}\u{ff54} \u{ff26}\u{ff4f}\u{ff55}\u{ff4e}\u{ff44}",
            "NOT FOUND\u{feff}",
            "  not   found ",
            "N0t F\u{2060}ound",
        ] {
            assert_eq!(as_read(alike), not_found, "{alike:?}");
        }
        assert_eq!(as_read("Iost"), as_read("lost"));
        for other in ["Not Fund", "Not Found!", "Notfound", "Gone", "未找到"] {
            assert_ne!(as_read(other), not_found, "{other:?}");
        }
    }

    #[test]
    fn look_alikes_are_revealed_and_other_scripts_kept() {
        assert_eq!(reveal("N\u{43e}t Found"), "N\\u{43e}t Found");
        assert_eq!(reveal("Not\u{a0}Found\u{200b}"), "Not\\u{a0}Found\\u{200b}");
        assert_eq!(reveal("\u{ff2e}o"), "\\u{ff2e}o");
        // Letters of other scripts that look like no Latin letter stay as they are.
        assert_eq!(reveal("未找到 לא נמצא"), "未找到 לא נמצא");
    }

    #[test]
    fn invisible_characters_are_found() {
        assert_eq!(first_invisible("Not Found"), None);
        assert_eq!(first_invisible("未找到 Ünknown"), None);
        assert_eq!(first_invisible("Not\u{200b}"), Some('\u{200b}'));
        assert_eq!(first_invisible("a\u{ad}b"), Some('\u{ad}'));
        assert_eq!(first_invisible("\u{feff}x"), Some('\u{feff}'));
        assert_eq!(first_invisible("x\u{2060}"), Some('\u{2060}'));
    }

    #[test]
    fn readings_tell_numbers_and_status_lines_from_names() {
        assert_eq!(reading(&fold("404")), Reading::Number(404));
        assert_eq!(reading(&fold(" 0404 ")), Reading::Number(404));
        assert_eq!(
            reading(&fold("404  Not Found")),
            Reading::StatusLine(404, "not found".into())
        );
        assert_eq!(reading(&fold("2FA Required")), Reading::Name);
        assert_eq!(reading(&fold("Not Found")), Reading::Name);
    }

    #[test]
    fn names_become_upper_camel_case() {
        assert_eq!(variant_from_name("Not Found"), "NotFound");
        assert_eq!(variant_from_name("OK"), "Ok");
        assert_eq!(variant_from_name("URI Too Long"), "UriTooLong");
        assert_eq!(
            variant_from_name("Non-Authoritative Information"),
            "NonAuthoritativeInformation"
        );
        assert_eq!(variant_from_name("I'm a teapot"), "ImATeapot");
        assert_eq!(
            variant_from_name("Client Closed Request"),
            "ClientClosedRequest"
        );
    }

    proptest::proptest! {
        #[test]
        fn the_ascii_camel_case_is_hecks(text in "[ -~]{0,24}") {
            proptest::prop_assert_eq!(
                variant_from_name(&text),
                text.replace('\'', "").to_upper_camel_case()
            );
            proptest::prop_assert_eq!(variant_from_tag(&text), text.to_upper_camel_case());
        }

        #[test]
        fn ascii_reads_as_the_unicode_path_reads_it(text in "[ -~\t\n]{0,24}") {
            let (mut fast, mut slow) = (String::new(), String::new());
            as_read_into(&text, &mut fast);
            as_read_unicode(&text, &mut slow);
            proptest::prop_assert_eq!(fast, slow);
        }

        #[test]
        fn the_byte_fold_is_the_char_fold(text in "[ \t\n\r\x0CaZ9K\u{212A}Ä’-]{0,24}") {
            let mut chars = String::new();
            for word in text.split(|c: char| c.is_ascii_whitespace()).filter(|w| !w.is_empty()) {
                if !chars.is_empty() {
                    chars.push(' ');
                }
                chars.extend(word.chars().map(|c| c.to_ascii_lowercase()));
            }
            proptest::prop_assert_eq!(fold(&text), chars);
        }
    }

    #[test]
    fn camel_case_splits_where_heck_does() {
        for text in [
            "HTTPServer",
            "already CamelCase",
            "a1B",
            "AB1c",
            "x  y",
            "IM_USED",
            "'",
            "9a",
        ] {
            assert_eq!(variant_from_tag(text), text.to_upper_camel_case(), "{text}");
        }
        assert_eq!(
            variant_from_name("HTTPVersion Not Supported"),
            "HttpVersionNotSupported"
        );
    }

    #[test]
    fn tags_become_upper_camel_case() {
        assert_eq!(variant_from_tag("en"), "En");
        assert_eq!(variant_from_tag("zh-CN"), "ZhCn");
        assert_eq!(variant_from_tag("zh-Hant-TW"), "ZhHantTw");
        assert_eq!(variant_from_tag("es-419"), "Es419");
    }

    #[test]
    fn only_plain_upper_camel_case_idents_pass() {
        assert_eq!(variant_problem("NotFound"), None);
        assert_eq!(variant_problem("Code499"), None);
        assert!(variant_problem("").is_some());
        assert!(variant_problem("404").is_some());
        assert!(variant_problem("notFound").is_some());
        assert!(variant_problem("Not_Found").is_some());
        assert!(variant_problem("Self").is_some());
        assert!(variant_problem("ALL").is_some());
        assert!(variant_problem("Ünknown").is_some());
    }
}
