//! What a text of the table may hold. Every string a table writes ends up shown somewhere: in a
//! terminal by the `status-codes` command, in logs, in rustdoc's HTML, in exported pages. So a
//! text holds only characters that show as themselves:
//!
//! - no C0 or C1 control character (U+0000–U+001F, U+007F–U+009F), tab included: a terminal
//!   acts on ESC, CSI, BEL or a lone carriage return instead of showing them;
//! - no bidirectional embedding, override or isolate (U+202A–U+202E, U+2066–U+2069): they
//!   reorder the rest of the line they are shown in, outside the text itself (CVE-2021-42574).
//!   Right-to-left text needs none of them, since every Arabic or Hebrew letter carries its own
//!   direction; the marks U+200E, U+200F and U+061C, which only steer the characters next to
//!   them, stay allowed;
//! - no line or paragraph separator (U+2028, U+2029), which break lines as a line feed does.
//!
//! Only the prose of a `scenario` or a `note` may span lines: a line feed, or a carriage return
//! directly followed by one (a multi-line string in a file checked out with Windows line
//! endings), read as a line feed. A name, an alias, a `message` (one line in every listing, and
//! a problem's `detail`) and a `source` are one line. A lone carriage return is refused
//! everywhere: it sends the cursor back over what was printed.

/// Why a character may not be in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Forbidden {
    /// A C0 or C1 control character.
    Control,
    /// A bidirectional embedding, override or isolate.
    Direction,
    /// U+2028 or U+2029.
    Separator,
}

/// The first character of `text` that it may not hold, with its byte offset. `line_breaks`
/// allows `\n` and `\r\n`, for scenarios and notes.
pub(crate) fn first_forbidden(text: &str, line_breaks: bool) -> Option<(usize, char, Forbidden)> {
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let kind = match c {
            '\n' if line_breaks => continue,
            '\r' if line_breaks && chars.peek().map(|&(_, next)| next) == Some('\n') => continue,
            c if c.is_control() => Forbidden::Control,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => Forbidden::Direction,
            '\u{2028}' | '\u{2029}' => Forbidden::Separator,
            _ => continue,
        };
        return Some((at, c, kind));
    }
    None
}

/// `U+001B (escape)`: the code point, and its name where it has a well-known one.
pub(crate) fn describe(c: char) -> String {
    let name = match c {
        '\0' => "null",
        '\u{7}' => "bell",
        '\u{8}' => "backspace",
        '\t' => "tab",
        '\n' => "line feed",
        '\u{B}' => "vertical tab",
        '\u{C}' => "form feed",
        '\r' => "carriage return",
        '\u{1B}' => "escape",
        '\u{7F}' => "delete",
        '\u{85}' => "next line",
        '\u{9B}' => "control sequence introducer",
        '\u{9D}' => "operating system command",
        '\u{202A}' => "left-to-right embedding",
        '\u{202B}' => "right-to-left embedding",
        '\u{202C}' => "pop directional formatting",
        '\u{202D}' => "left-to-right override",
        '\u{202E}' => "right-to-left override",
        '\u{2066}' => "left-to-right isolate",
        '\u{2067}' => "right-to-left isolate",
        '\u{2068}' => "first strong isolate",
        '\u{2069}' => "pop directional isolate",
        '\u{2028}' => "line separator",
        '\u{2029}' => "paragraph separator",
        '\u{FEFF}' => "byte order mark",
        '\u{200B}' => "zero width space",
        '\u{00AD}' => "soft hyphen",
        '\u{2060}' => "word joiner",
        _ => return format!("U+{:04X}", c as u32),
    };
    format!("U+{:04X} ({name})", c as u32)
}

/// Where `c` is written in `raw`, the source of a TOML string (quotes included): as itself, or
/// as an escape of a basic string (`\u001B`, `\e`). Byte range within `raw`; `None` when not
/// found, and the caller points at the whole string.
pub(crate) fn written_at(raw: &str, c: char) -> Option<std::ops::Range<usize>> {
    let escapes = raw.starts_with('"');
    let mut chars = raw.char_indices();
    while let Some((at, next)) = chars.next() {
        if next == c {
            return Some(at..at + c.len_utf8());
        }
        if next != '\\' || !escapes {
            continue;
        }
        let (_, kind) = chars.next()?;
        let (decoded, end) = match kind {
            'x' | 'u' | 'U' => {
                let digits = match kind {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let start = at + 2;
                let hex = raw.get(start..start + digits)?;
                for _ in 0..digits {
                    chars.next();
                }
                let decoded = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32);
                (decoded, start + digits)
            }
            'b' => (Some('\u{8}'), at + 2),
            't' => (Some('\t'), at + 2),
            'n' => (Some('\n'), at + 2),
            'f' => (Some('\u{C}'), at + 2),
            'r' => (Some('\r'), at + 2),
            'e' => (Some('\u{1B}'), at + 2),
            _ => (None, at + 2),
        };
        if decoded == Some(c) {
            return Some(at..end);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_directions_and_separators_are_found_with_their_offset() {
        assert_eq!(
            first_forbidden("ab\u{1b}[2J", false),
            Some((2, '\u{1b}', Forbidden::Control))
        );
        assert_eq!(
            first_forbidden("é\u{9b}", false),
            Some((2, '\u{9b}', Forbidden::Control))
        );
        assert_eq!(
            first_forbidden("x\u{202e}y", false),
            Some((1, '\u{202e}', Forbidden::Direction))
        );
        assert_eq!(
            first_forbidden("x\u{2069}", false),
            Some((1, '\u{2069}', Forbidden::Direction))
        );
        assert_eq!(
            first_forbidden("a\u{2028}b", true),
            Some((1, '\u{2028}', Forbidden::Separator))
        );
        assert_eq!(
            first_forbidden("a\tb", false),
            Some((1, '\t', Forbidden::Control))
        );
        assert_eq!(
            first_forbidden("\0", false),
            Some((0, '\0', Forbidden::Control))
        );
    }

    #[test]
    fn only_prose_breaks_lines_and_never_with_a_lone_carriage_return() {
        assert_eq!(first_forbidden("one\ntwo\r\nthree", true), None);
        assert_eq!(
            first_forbidden("one\ntwo", false),
            Some((3, '\n', Forbidden::Control))
        );
        assert_eq!(
            first_forbidden("one\rtwo", true),
            Some((3, '\r', Forbidden::Control))
        );
        assert_eq!(
            first_forbidden("one\r", true),
            Some((3, '\r', Forbidden::Control))
        );
        assert_eq!(
            first_forbidden("a\r\r\n", true),
            Some((1, '\r', Forbidden::Control))
        );
    }

    #[test]
    fn right_to_left_text_and_its_marks_are_text() {
        // Arabic and Hebrew, with numbers, Latin words and the marks that steer neutrals.
        for text in [
            "لم يتمكن الخادم من العثور على الصفحة المطلوبة (404).",
            "השרת לא מצא את הדף המבוקש: Not Found.",
            "\u{200F}404\u{200F} לא נמצא",
            "رمز الحالة\u{061C} 404",
            "\u{200E}HTTP\u{200E} שגיאה",
            "服务器无法找到被请求的页面。",
            "emoji 👩\u{200D}💻 and Persian می\u{200C}خواهم",
        ] {
            assert_eq!(first_forbidden(text, false), None, "{text}");
        }
    }

    #[test]
    fn characters_are_found_where_written_raw_or_escaped() {
        assert_eq!(written_at("\"a\u{9b}b\"", '\u{9b}'), Some(2..4));
        assert_eq!(written_at("\"ab\\u001Bc\"", '\u{1b}'), Some(3..9));
        assert_eq!(written_at("\"\\\\e \\e\"", '\u{1b}'), Some(5..7));
        assert_eq!(written_at("\"\\U0000202e\"", '\u{202e}'), Some(1..11));
        // A literal string has no escapes: the backslash is itself.
        assert_eq!(written_at("'\\e'", '\u{1b}'), None);
    }

    #[test]
    fn characters_are_named_by_code_point() {
        assert_eq!(describe('\u{1b}'), "U+001B (escape)");
        assert_eq!(describe('\u{202e}'), "U+202E (right-to-left override)");
        assert_eq!(describe('\u{1}'), "U+0001");
        assert_eq!(describe('\u{9b}'), "U+009B (control sequence introducer)");
    }
}
