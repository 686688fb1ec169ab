//! Diagnostics: the collector every phase reports into, and their rustc-style rendering.
//!
//! A diagnostic points into a TOML file, not into Rust code, so it renders its own snippet
//! (`--> codes.toml:12:8`, a gutter, carets) as text; the macro then raises that text as one
//! compile error on the path literal.
//!
//! Output is bounded whatever the input: at most [`MAX_SHOWN`] diagnostics are rendered (then a
//! count of the rest), and a long source line is shown as a window of at most [`WINDOW`]
//! characters around the span.

use std::fmt::Write as _;

use crate::source::{Sources, Span};

/// How many mistakes one build shows; the rest are counted.
pub const MAX_SHOWN: usize = 100;

/// The most characters of one source line a snippet shows.
pub const WINDOW: usize = 120;

/// Why a table could not be generated: every mistake found (up to [`MAX_SHOWN`]), rendered and
/// in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Errors {
    /// Each mistake as rustc-style text, without the leading `error: `.
    pub messages: Vec<String>,
}

impl std::fmt::Display for Errors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (index, message) in self.messages.iter().enumerate() {
            if index > 0 {
                f.write_str("\n\n")?;
            }
            write!(f, "error: {message}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Errors {}

/// One mistake in the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// What is wrong, in one line, lower case.
    pub message: String,
    /// Where it is wrong; `None` for mistakes with no place in a file (such as a missing file).
    pub span: Option<Span>,
    /// A short label under the carets.
    pub label: Option<String>,
    /// Other places that explain the mistake (the first definition of a duplicate...).
    pub related: Vec<(Span, String)>,
    /// What to do about it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// A mistake at `span`.
    pub(crate) fn new(span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            message: message.into(),
            span: Some(span),
            label: None,
            related: Vec::new(),
            help: None,
        }
    }

    /// A mistake that has no place in a file.
    pub(crate) fn global(message: impl Into<String>) -> Self {
        Diagnostic {
            message: message.into(),
            span: None,
            label: None,
            related: Vec::new(),
            help: None,
        }
    }

    pub(crate) fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub(crate) fn related(mut self, span: Span, label: impl Into<String>) -> Self {
        self.related.push((span, label.into()));
        self
    }

    pub(crate) fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Renders the diagnostic as rustc does, without the leading `error: `, which the compiler
    /// adds itself.
    pub fn render(&self, sources: &Sources) -> String {
        let mut out = self.message.clone();
        let mut places: Vec<(&Span, Option<&str>, char)> = Vec::new();
        if let Some(span) = &self.span {
            places.push((span, self.label.as_deref(), '^'));
        }
        for (span, label) in &self.related {
            places.push((span, Some(label), '-'));
        }
        let mut gutter = 1;
        for (span, _, _) in &places {
            let file = sources.get(span.file);
            gutter = gutter.max(digits(file.line_col(span.range.start).0));
        }
        let pad = " ".repeat(gutter);
        for (index, (span, label, mark)) in places.iter().enumerate() {
            let file = sources.get(span.file);
            let (line, column) = file.line_col(span.range.start);
            let arrow = if index == 0 { "-->" } else { ":::" };
            let name = escape_name(&file.display);
            let _ = write!(out, "\n{pad}{arrow} {name}:{line}:{column}");
            let _ = write!(out, "\n{pad} |");
            let text = file.line_text(line - 1);
            let start = file.floor_char_boundary(span.range.start);
            let line_start = start - (column_byte_offset(text, column));
            let end = file
                .floor_char_boundary(span.range.end)
                .clamp(start, line_start + text.len());
            let (shown, from, to) = window(text, start - line_start, end - line_start);
            let before = &shown[..from];
            let marked = &shown[from..to];
            // Measured as shown, escapes and all.
            let indent = display_width(&sanitize(before));
            let width = display_width(&sanitize(marked)).max(1);
            let _ = write!(out, "\n{line:>gutter$} | {}", sanitize(&shown));
            let marks = mark.to_string().repeat(width);
            let _ = write!(out, "\n{pad} | {}{marks}", " ".repeat(indent));
            if let Some(label) = label {
                let _ = write!(out, " {label}");
            }
        }
        if let Some(help) = &self.help {
            if !places.is_empty() {
                let _ = write!(out, "\n{pad} |");
            }
            let _ = write!(out, "\n{pad} = help: {help}");
        }
        out
    }
}

/// At most [`WINDOW`] characters of `text` around the bytes `start..end`, with `…` where it
/// was cut; returns the shown text and the span's byte range in it.
fn window(text: &str, start: usize, end: usize) -> (String, usize, usize) {
    if text.chars().count() <= WINDOW {
        return (text.to_string(), start, end);
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |byte: usize| chars.partition_point(|(offset, _)| *offset < byte);
    let (first, last) = (at(start), at(end));
    // A third of the window before the span, the rest for the span and what follows.
    let from = first.saturating_sub(WINDOW / 3);
    let to = (from + WINDOW)
        .min(chars.len())
        .max(first + 1)
        .min(chars.len());
    let byte = |index: usize| chars.get(index).map_or(text.len(), |(offset, _)| *offset);
    let mut shown = String::new();
    if from > 0 {
        shown.push('…');
    }
    let origin = shown.len();
    shown.push_str(&text[byte(from)..byte(to)]);
    let span_start = origin + byte(first) - byte(from);
    let span_end = origin + byte(last.min(to)) - byte(from);
    if to < chars.len() {
        shown.push('…');
    }
    (shown, span_start, span_end.max(span_start))
}

/// Byte offset of a one-based character column within a line.
fn column_byte_offset(text: &str, column: usize) -> usize {
    text.char_indices()
        .nth(column - 1)
        .map_or(text.len(), |(offset, _)| offset)
}

fn digits(mut n: usize) -> usize {
    let mut count = 1;
    while n >= 10 {
        n /= 10;
        count += 1;
    }
    count
}

/// Terminal columns taken by `text` once sanitized: tabs are four, East Asian wide characters
/// two, so carets line up under Chinese text.
fn display_width(text: &str) -> usize {
    let mut width = 0;
    for c in text.chars() {
        width += match c {
            '\t' => 4,
            c if is_wide(c) => 2,
            _ => 1,
        };
    }
    width
}

fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

/// Escapes what would disturb a terminal or not show (control characters, bidirectional
/// overrides, invisible characters) as `\u{1b}`, so a hostile file cannot rewrite the
/// compiler's output and the reader sees what the line holds.
fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\t' => out.push_str("    "),
            c if is_invisible(c) => out.extend(c.escape_unicode()),
            c => out.push(c),
        }
    }
    out
}

/// The most characters of a file name or path one diagnostic shows.
const NAME_SHOWN: usize = 200;

/// A file name or path as a diagnostic shows it: control and bidirectional characters escaped
/// as in TOML strings (`\u{202e}`), so a hostile name cannot rewrite the compiler's output, and
/// at most [`NAME_SHOWN`] characters, the middle cut so that both the start and the file name
/// at the end stay.
pub(crate) fn escape_name(name: &str) -> String {
    let length = name.chars().count();
    let (head, tail) = if length > NAME_SHOWN {
        (NAME_SHOWN / 3, NAME_SHOWN - NAME_SHOWN / 3 - 1)
    } else {
        (length, 0)
    };
    let mut out = String::new();
    let mut push = |c: char| {
        if is_invisible(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    };
    for c in name.chars().take(head) {
        push(c);
    }
    if tail > 0 {
        push('…');
        for c in name.chars().skip(length - tail) {
            push(c);
        }
    }
    out
}

/// What a diagnostic shows escaped: control characters, the bidirectional formatting
/// characters rustc also refuses to print, line and paragraph separators, and characters a
/// reader cannot see (default-ignorable code points: U+200B, U+00AD, a byte order mark...).
pub(crate) fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
        || (!c.is_ascii() && crate::names::is_default_ignorable(c))
}

/// The collector: every phase pushes into it, and [`Diagnostics::finish`] is its only way out.
#[derive(Debug, Default)]
pub(crate) struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub(crate) fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub(crate) fn len(&self) -> usize {
        self.items.len()
    }

    /// The value, if there is one and nothing was reported; otherwise every mistake, rendered
    /// in file order. A phase that gave up without saying why becomes an internal error here,
    /// so a failed build always says something.
    pub(crate) fn finish<T>(mut self, value: Option<T>, sources: &Sources) -> Result<T, Errors> {
        match value {
            Some(value) if self.items.is_empty() => return Ok(value),
            None if self.items.is_empty() => self.push(
                Diagnostic::global("internal error: the table was refused without a reason")
                    .help("this is a bug in status-codes; please report it with the table"),
            ),
            _ => {}
        }
        let all = self.into_sorted();
        let hidden = all.len().saturating_sub(MAX_SHOWN);
        let mut messages = Vec::with_capacity(all.len().min(MAX_SHOWN) + 1);
        for diagnostic in all.iter().take(MAX_SHOWN) {
            messages.push(diagnostic.render(sources));
        }
        if hidden > 0 {
            messages.push(format!(
                "{hidden} more mistake{} not shown; fix these first",
                if hidden == 1 { "" } else { "s" }
            ));
        }
        Err(Errors { messages })
    }

    /// The diagnostics in file order: mistakes without a place first, then by file and offset.
    fn into_sorted(mut self) -> Vec<Diagnostic> {
        crate::order::sort_by(&mut self.items, &|a, b| {
            let key = |d: &Diagnostic| {
                d.span
                    .as_ref()
                    .map(|s| (s.file, s.range.start, s.range.end))
            };
            key(a).cmp(&key(b))
        });
        self.items.dedup();
        self.items
    }
}

/// The closest of `candidates` to a misspelled `word`, if one is close enough to suggest.
pub(crate) fn did_you_mean<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let word = word.to_ascii_lowercase();
    // The first of the closest, as `min_by_key` gives.
    let mut best: Option<(usize, &'a str)> = None;
    for &candidate in candidates {
        let distance = edit_distance(&word, &candidate.to_ascii_lowercase());
        let close = distance <= (candidate.len() / 3).max(1);
        let closer = match best {
            Some((nearest, _)) => distance < nearest,
            None => true,
        };
        if close && closer {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

/// Optimal string alignment distance: edits, including swaps of neighbours (`mesage`, `nmae`).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Bound the work: hostile keys may be huge, and nothing that long is a typo of ours.
    if a.len().abs_diff(b.len()) > 3 || a.len() > 64 {
        return usize::MAX;
    }
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{SourceFile, Sources};

    #[test]
    fn suggests_close_keys_only() {
        let keys = ["name", "message", "aliases"];
        assert_eq!(did_you_mean("mesage", &keys), Some("message"));
        assert_eq!(did_you_mean("nmae", &keys), Some("name"));
        assert_eq!(did_you_mean("Alias", &keys), Some("aliases"));
        assert_eq!(did_you_mean("colour", &keys), None);
    }

    #[test]
    fn renders_like_rustc() {
        let mut sources = Sources::new();
        let file = sources.add(SourceFile::new(
            "codes.toml",
            None,
            "[codes.404]\nname = \"Not Found\"\n[codes.0404]\n",
        ));
        let text = Diagnostic::new(Span::new(file, 38..42), "duplicate code 404")
            .label("defined again here")
            .related(Span::new(file, 7..10), "first defined here")
            .help("remove one of the two tables")
            .render(&sources);
        let expected = "duplicate code 404
 --> codes.toml:3:8
  |
3 | [codes.0404]
  |        ^^^^ defined again here
 ::: codes.toml:1:8
  |
1 | [codes.404]
  |        --- first defined here
  |
  = help: remove one of the two tables";
        assert_eq!(text, expected);
    }

    #[test]
    fn names_are_escaped_and_cut_in_the_middle() {
        assert_eq!(
            escape_name("a\u{1b}[2J\u{202e}\nb.toml"),
            "a\\u{1b}[2J\\u{202e}\\u{a}b.toml"
        );
        let long = format!("/{}/base.toml", "d".repeat(1000));
        let shown = escape_name(&long);
        assert_eq!(shown.chars().count(), NAME_SHOWN);
        assert!(
            shown.starts_with("/ddd") && shown.ends_with("ddd/base.toml"),
            "{shown}"
        );
        assert!(shown.contains('…'), "{shown}");
        let exact = "x".repeat(NAME_SHOWN);
        assert_eq!(escape_name(&exact), exact);
    }

    #[test]
    fn carets_line_up_under_wide_characters_and_hostile_text_is_neutralised() {
        let mut sources = Sources::new();
        let file = sources.add(SourceFile::new("t.toml", None, "a = \"中\u{202E}\" x"));
        let x = sources.get(file).text.find('x').unwrap();
        let text = Diagnostic::new(Span::new(file, x..x + 1), "m").render(&sources);
        assert!(
            text.ends_with("1 | a = \"中\\u{202e}\" x\n  |                  ^"),
            "{text}"
        );
    }
}
