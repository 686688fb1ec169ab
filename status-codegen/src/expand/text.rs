//! Rust source text, built in one `String` and turned into tokens with one
//! `TokenStream::from_str`: inside rustc that is one call across the proc-macro bridge, lexed by
//! rustc's optimized lexer, where building the same tokens one by one cost a bridge call each,
//! in a generator that runs unoptimized.
//!
//! What reaches the text from the table goes through [`RustText::str`], [`RustText::bytes`]
//! and [`RustText::doc`] (escaped literals) or [`RustText::ident`] (names validation accepted);
//! everything else is code this crate writes.

extern crate proc_macro;

use std::panic;
use std::str::FromStr;

use proc_macro2::TokenStream;

use crate::model::Ident;

/// Rust source text being written.
pub(super) struct RustText {
    text: String,
}

impl RustText {
    /// Empty text with room for `capacity` bytes.
    pub(super) fn with_capacity(capacity: usize) -> RustText {
        RustText {
            text: String::with_capacity(capacity),
        }
    }

    /// Code written by this crate, never text from a table.
    pub(super) fn code(&mut self, code: &'static str) -> &mut RustText {
        self.text.push_str(code);
        self
    }

    /// An identifier: a name validation accepted, never raw (`r#...`) nor a keyword.
    pub(super) fn ident(&mut self, name: &Ident) -> &mut RustText {
        self.text.push_str(name.as_str());
        self
    }

    /// `head { ... }`: an item or a block, opened and closed here around what `body` writes,
    /// so no piece of the writer leaves one open for another to close.
    pub(super) fn block(
        &mut self,
        head: &'static str,
        body: impl FnOnce(&mut RustText),
    ) -> &mut RustText {
        self.code(head).code(" {\n");
        body(self);
        self.code("}\n")
    }

    /// `[a, b, c]`: an array of what `cell` writes for each of `items`.
    pub(super) fn array<I: IntoIterator>(
        &mut self,
        items: I,
        mut cell: impl FnMut(&mut RustText, I::Item),
    ) -> &mut RustText {
        self.code("[");
        for (index, item) in items.into_iter().enumerate() {
            if index > 0 {
                self.code(", ");
            }
            cell(self, item);
        }
        self.code("]")
    }

    /// An unsuffixed integer literal.
    pub(super) fn number(&mut self, value: usize) -> &mut RustText {
        // usize is at most 64 bits on every target Rust supports.
        self.number_u64(value as u64)
    }

    /// An unsuffixed integer literal of up to 64 bits.
    pub(super) fn number_u64(&mut self, value: u64) -> &mut RustText {
        let mut digits = [0u8; 20];
        let mut start = digits.len();
        let mut rest = value;
        loop {
            start -= 1;
            digits[start] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        for &digit in &digits[start..] {
            self.text.push(char::from(digit));
        }
        self
    }

    /// `true` or `false`.
    pub(super) fn bool(&mut self, value: bool) -> &mut RustText {
        self.code(if value { "true" } else { "false" })
    }

    /// A string literal whose value is `value`.
    pub(super) fn str(&mut self, value: &str) -> &mut RustText {
        self.text.push('"');
        escape_str(value, &mut self.text);
        self.text.push('"');
        self
    }

    /// A byte string literal whose value is `value`.
    pub(super) fn bytes(&mut self, value: &[u8]) -> &mut RustText {
        self.text.push_str("b\"");
        for &byte in value {
            if ESCAPE[usize::from(byte)] == 0 && byte.is_ascii() {
                self.text.push(char::from(byte));
            } else {
                escape_byte(byte, &mut self.text);
            }
        }
        self.text.push('"');
        self
    }

    /// `#[doc = "..."]`: rustdoc whose text is `text`.
    pub(super) fn doc(&mut self, text: &str) -> &mut RustText {
        self.text.push_str("#[doc = ");
        self.str(text);
        self.text.push(']');
        self
    }

    /// The text written so far.
    #[cfg(test)]
    pub(super) fn into_string(self) -> String {
        self.text
    }

    /// The tokens of the text. An `Err` is a bug of this crate: the text is written to lex,
    /// whatever the table holds.
    pub(super) fn parse(self) -> Result<TokenStream, String> {
        if proc_macro::is_available() {
            // Straight to rustc's lexer. `proc_macro2`'s `from_str` would first lex the whole
            // text again with its own parser, unoptimized here, to rule out input rustc cannot
            // recover from; this text is ours, and the tests lex all of it with that parser.
            // Old compilers panicked on a lex error instead of returning it.
            return match panic::catch_unwind(|| proc_macro::TokenStream::from_str(&self.text)) {
                Ok(Ok(tokens)) => Ok(TokenStream::from(tokens)),
                Ok(Err(error)) => Err(format!("the generated code does not lex ({error})")),
                Err(_) => Err("the generated code does not lex".to_string()),
            };
        }
        TokenStream::from_str(&self.text)
            .map_err(|error| format!("the generated code does not lex ({error})"))
    }
}

/// Per byte: nonzero when a string literal writes it escaped. `"`, `\` and every ASCII
/// control character (a bare CR is refused by rustc's lexer, the rest would be invisible).
const ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = 1;
        byte += 1;
    }
    table[0x7f] = 1;
    table[b'"' as usize] = 1;
    table[b'\\' as usize] = 1;
    table
};

/// `value`'s characters as a string literal's body: runs that need no escape copied whole, the
/// rest escaped as `proc_macro::Literal::string` does (`\"`, `\\`, `\n`, `\r`, `\t`, `\0`,
/// `\x..`); non-ASCII characters as they are, since a byte of one is never below 0x80.
fn escape_str(value: &str, out: &mut String) {
    let bytes = value.as_bytes();
    let mut run = 0;
    let mut at = 0;
    // Eight bytes at a time while none needs escaping: the generator runs unoptimized, and
    // nearly every text is such a run.
    while at + 8 <= bytes.len() {
        let word = u64::from_le_bytes([
            bytes[at],
            bytes[at + 1],
            bytes[at + 2],
            bytes[at + 3],
            bytes[at + 4],
            bytes[at + 5],
            bytes[at + 6],
            bytes[at + 7],
        ]);
        if needs_escape(word) {
            break;
        }
        at += 8;
    }
    while at < bytes.len() {
        let byte = bytes[at];
        if ESCAPE[usize::from(byte)] != 0 {
            // `at` is on an ASCII byte, so both ends of the run are character boundaries.
            out.push_str(&value[run..at]);
            escape_byte(byte, out);
            run = at + 1;
        }
        at += 1;
    }
    out.push_str(&value[run..]);
}

/// Whether any of the eight bytes of `word` is one [`ESCAPE`] marks: below 0x20, `"`, `\\` or
/// 0x7f (the classic "has a byte less than" and "has a zero byte" bit tricks; a false positive
/// only sends the caller to its byte loop).
fn needs_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below_space = word.wrapping_sub(ONES.wrapping_mul(0x20)) & !word;
    let equal = |byte: u64| {
        let diff = word ^ ONES.wrapping_mul(byte);
        diff.wrapping_sub(ONES) & !diff
    };
    (below_space | equal(0x22) | equal(0x5c) | equal(0x7f)) & HIGH != 0
}

/// One byte in a literal's escaped form, as rustc's `Literal::string` writes it.
fn escape_byte(byte: u8, out: &mut String) {
    match byte {
        b'\0' => out.push_str("\\0"),
        b'\t' => out.push_str("\\t"),
        b'\n' => out.push_str("\\n"),
        b'\r' => out.push_str("\\r"),
        b'"' => out.push_str("\\\""),
        b'\\' => out.push_str("\\\\"),
        _ => {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\x");
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xf)]));
        }
    }
}

#[cfg(test)]
mod tests {
    use proc_macro2::TokenTree;
    use proptest::prelude::*;

    use super::*;

    /// Strings that have broken code generators: quotes, escapes, comment and raw-string ends,
    /// a bare CR (which rustc's lexer refuses), NUL before digits, line and paragraph
    /// separators, bidi controls, a byte order mark, closing delimiters.
    const HOSTILE: &[&str] = &[
        "",
        "\"",
        "\\",
        "ends with a backslash \\",
        "*/ /* */",
        "\"#",
        "\"## r#\"",
        "a\rb",
        "a\r\nb",
        "\r",
        "\0",
        "\u{0}7\u{0}0",
        "\u{1}\u{1f}\u{7f}",
        "\u{2028}\u{2029}",
        "\u{202e}abc\u{2066}\u{2069}\u{200f}",
        "\u{feff}",
        "}",
        "]",
        ")}]",
        "\\x41\\u{41}\\n",
        "'",
        "é中😀\u{301}",
    ];

    /// The value of the one string literal `text` lexes to.
    fn value_of(text: &str) -> String {
        let tokens = TokenStream::from_str(text).expect("the literal lexes");
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        assert_eq!(trees.len(), 1, "one token: {text}");
        let TokenTree::Literal(literal) = &trees[0] else {
            panic!("a literal: {text}");
        };
        match syn::Lit::new(literal.clone()) {
            syn::Lit::Str(string) => string.value(),
            other => panic!("a string literal: {text} is {other:?}"),
        }
    }

    fn doc_value_of(text: &str) -> String {
        let tokens = TokenStream::from_str(text).expect("the attribute lexes");
        let parsed = syn::parse::Parser::parse2(syn::Attribute::parse_outer, tokens)
            .expect("the attribute parses");
        assert_eq!(parsed.len(), 1, "one attribute: {text}");
        assert!(parsed[0].path().is_ident("doc"), "a doc attribute: {text}");
        let syn::Meta::NameValue(meta) = &parsed[0].meta else {
            panic!("doc = \"...\": {text}");
        };
        match &meta.value {
            syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(string),
                ..
            }) => string.value(),
            other => panic!("a string literal: {other:?}"),
        }
    }

    fn round_trip(value: &str) {
        let mut text = RustText::with_capacity(0);
        text.str(value);
        assert_eq!(value_of(&text.text), value);
        let mut text = RustText::with_capacity(0);
        text.doc(value);
        assert_eq!(doc_value_of(&text.text), value);
    }

    fn bytes_round_trip(value: &[u8]) {
        let mut text = RustText::with_capacity(0);
        text.bytes(value);
        let tokens = TokenStream::from_str(&text.text).expect("the literal lexes");
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        assert_eq!(trees.len(), 1, "one token: {}", text.text);
        let TokenTree::Literal(literal) = &trees[0] else {
            panic!("a literal: {}", text.text);
        };
        match syn::Lit::new(literal.clone()) {
            syn::Lit::ByteStr(string) => assert_eq!(string.value(), value),
            other => panic!("a byte string literal: {} is {other:?}", text.text),
        }
    }

    #[test]
    fn hostile_strings_come_back_as_they_went_in() {
        for value in HOSTILE {
            round_trip(value);
            bytes_round_trip(value.as_bytes());
        }
    }

    proptest! {
        #[test]
        fn any_string_comes_back_as_it_went_in(value in any::<String>()) {
            round_trip(&value);
        }

        #[test]
        fn any_string_among_hostile_ones_comes_back(
            parts in proptest::collection::vec(
                prop_oneof![any::<String>(), proptest::sample::select(HOSTILE).prop_map(String::from)],
                0..6,
            )
        ) {
            round_trip(&parts.concat());
        }

        #[test]
        fn any_bytes_come_back_as_they_went_in(value in any::<Vec<u8>>()) {
            bytes_round_trip(&value);
        }
    }

    fn literal(value: &str) -> String {
        let mut text = RustText::with_capacity(0);
        text.str(value);
        text.text
    }

    #[test]
    fn escapes_as_rustc_writes_a_string_literal() {
        assert_eq!(literal("plain é 中"), "\"plain é 中\"");
        assert_eq!(literal("a\"b\\c"), "\"a\\\"b\\\\c\"");
        assert_eq!(literal("\n\r\t\0\x01\x7f"), "\"\\n\\r\\t\\0\\x01\\x7f\"");
        assert_eq!(literal("'"), "\"'\"");
        assert_eq!(literal("\u{2028}\u{202e}"), "\"\u{2028}\u{202e}\"");
    }

    #[test]
    fn every_byte_that_needs_escaping_is_found_in_a_word() {
        for byte in 0..=255u8 {
            for at in 0..8 {
                let mut word = *b"abcdefgh";
                word[at] = byte;
                let found = needs_escape(u64::from_le_bytes(word));
                if ESCAPE[usize::from(byte)] != 0 {
                    assert!(found, "byte {byte:#04x} at {at}");
                }
                if byte >= 0x80 || ESCAPE[usize::from(byte)] == 0 {
                    assert!(!found, "false positive for {byte:#04x} at {at}");
                }
            }
        }
    }

    #[test]
    fn escapes_bytes_as_rustc_writes_a_byte_string() {
        let mut text = RustText::with_capacity(0);
        text.bytes("é\"a\0".as_bytes());
        assert_eq!(text.text, "b\"\\xc3\\xa9\\\"a\\0\"");
    }

    #[test]
    fn numbers_are_written_in_decimal() {
        let mut text = RustText::with_capacity(0);
        text.number(0)
            .code(" ")
            .number(65535)
            .code(" ")
            .number_u64(u64::MAX);
        assert_eq!(text.text, "0 65535 18446744073709551615");
    }
}
