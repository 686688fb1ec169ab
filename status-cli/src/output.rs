//! Writing a run's output: stdout and stderr written whole, every failed write noticed, nothing
//! that can panic (`print!` and `eprint!` panic when a write fails), and nothing a terminal
//! would act on: every character [`acts_on_terminal`] is written visibly escaped.

use std::borrow::Cow;
use std::io::{self, Write};
use std::process::ExitCode;

/// Exit status: something was found; for `check`, every table is good.
pub const SUCCESS: u8 = 0;
/// Exit status: nothing matched; for `check`, a table has mistakes.
pub const NEGATIVE: u8 = 1;
/// Exit status: the command could not do its work (a usage mistake, a table that cannot be
/// read, output that cannot be written).
pub const FAILED: u8 = 2;

/// What a run prints and how it ends.
#[derive(Debug, Default)]
pub struct Report {
    /// The answer, for stdout.
    pub out: String,
    /// Errors and notes, for stderr, each line ending in `\n`.
    pub err: String,
    /// The exit status when every write succeeds.
    pub status: u8,
}

impl Report {
    /// A report that says only `message` on stderr, as `error: message`.
    pub fn error(status: u8, message: &str) -> Report {
        Report {
            out: String::new(),
            err: format!("error: {message}\n"),
            status,
        }
    }
}

/// Writes the report to the process's stderr and stdout and gives the exit status.
pub fn emit(report: &Report) -> ExitCode {
    ExitCode::from(write_report(report, &mut io::stdout(), &mut io::stderr()))
}

/// The report is written through [`visible`], whatever made it: a table's texts, a file name,
/// a diagnostic quoting a table. Notes and errors go first, so that a note about the language comes before the text it is
/// about. A closed pipe on either stream ends that stream quietly: the reader has all it wanted
/// (`status-codes | head -1`), and the status stays the run's own (0 for a successful lookup,
/// not 141, so a `set -o pipefail` script does not fail because its reader stopped early). Any
/// other failed write (a full disk, `/dev/full`) makes the status [`FAILED`], said on stderr
/// when it is stdout that failed.
pub fn write_report(report: &Report, stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8 {
    let mut status = report.status;
    match write_all(stderr, &report.err) {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => status = FAILED,
        _ => {}
    }
    match write_all(stdout, &report.out) {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => {
            status = FAILED;
            // Nothing more can be done when stderr fails too.
            let _ = write_all(
                stderr,
                &format!("error: cannot write the output: {}\n", io_reason(&error)),
            );
        }
        _ => {}
    }
    status
}

fn write_all(stream: &mut dyn Write, text: &str) -> io::Result<()> {
    if text.is_empty() {
        return Ok(());
    }
    stream.write_all(visible(text).as_bytes())?;
    stream.flush()
}

/// An I/O error in a few words, without the `(os error 28)` tail.
fn io_reason(error: &io::Error) -> String {
    let text = error.to_string();
    match text.find(" (os error") {
        Some(end) => text[..end].to_lowercase(),
        None => text,
    }
}

/// Whether a terminal would act on `c` rather than show it: the control characters (C0 but
/// the line feed, DEL, C1: cursor moves, screen clears, OSC 8 hyperlinks, bells, a carriage
/// return overwriting its line), the bidirectional controls (U+061C, U+200E, U+200F,
/// U+202A–U+202E, U+2066–U+2069), which reorder the rest of the line, and the line and
/// paragraph separators U+2028 and U+2029. Letters of every script, Arabic and Hebrew
/// included, are text: a terminal orders them by itself.
pub fn acts_on_terminal(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(
            c,
            '\u{061C}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{2028}'
                | '\u{2029}'
        )
}

/// `text` with every character [`acts_on_terminal`] written as a Rust escape (`\u{1b}`),
/// so that it shows and cannot act; a CR before an LF stays, as the line end it is (CSV's).
/// Backslashes are not doubled: text that spells an escape itself reads the same.
pub fn visible(text: &str) -> Cow<'_, str> {
    // Copied only from the first character to escape on: most text has none.
    let mut escaped: Option<String> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let line_end = c == '\r' && chars.peek().is_some_and(|&(_, next)| next == '\n');
        if acts_on_terminal(c) && !line_end {
            escaped
                .get_or_insert_with(|| String::from(&text[..at]))
                .extend(c.escape_unicode());
        } else if let Some(escaped) = &mut escaped {
            escaped.push(c);
        }
    }
    escaped.map_or(Cow::Borrowed(text), Cow::Owned)
}

/// The most characters of an argument an error message shows.
const QUOTED: usize = 60;

/// `text` in double quotes, escaped as a Rust string literal (control and bidi characters
/// included), cut after [`QUOTED`] characters with a count of the rest: an error message about
/// a megabyte-long argument stays one short line.
pub fn quote(text: &str) -> String {
    let mut out = String::from("\"");
    let mut chars = text.chars();
    for c in chars.by_ref().take(QUOTED) {
        match c {
            // `escape_debug` leaves format characters such as U+202E (right-to-left
            // override) as they are; they would reorder the terminal line.
            '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
                out.extend(c.escape_unicode());
            }
            _ => out.extend(c.escape_debug()),
        }
    }
    out.push('"');
    let rest = chars.count();
    if rest > 0 {
        out.push_str(&format!("… ({rest} more characters)"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stream whose every write fails with `kind`.
    struct Failing(io::ErrorKind);

    impl Write for Failing {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::from(self.0))
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    fn report(out: &str, err: &str, status: u8) -> Report {
        Report {
            out: out.into(),
            err: err.into(),
            status,
        }
    }

    #[test]
    fn writes_both_streams_and_keeps_the_status() {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let status = write_report(&report("answer\n", "note: x\n", 1), &mut out, &mut err);
        assert_eq!(
            (status, &out[..], &err[..]),
            (1, &b"answer\n"[..], &b"note: x\n"[..])
        );
    }

    #[test]
    fn a_full_stdout_fails_and_says_so() {
        let mut err = Vec::new();
        let mut full = Failing(io::ErrorKind::StorageFull);
        let status = write_report(&report("answer\n", "", 0), &mut full, &mut err);
        assert_eq!(status, FAILED);
        assert_eq!(
            String::from_utf8(err).unwrap(),
            "error: cannot write the output: no storage space\n"
        );
    }

    #[test]
    fn a_failing_stderr_fails_quietly_but_stdout_is_still_written() {
        let mut out = Vec::new();
        let mut full = Failing(io::ErrorKind::StorageFull);
        let status = write_report(&report("answer\n", "note: x\n", 0), &mut out, &mut full);
        assert_eq!((status, &out[..]), (FAILED, &b"answer\n"[..]));
    }

    #[test]
    fn a_closed_pipe_keeps_the_runs_status() {
        let mut err = Vec::new();
        let mut closed = Failing(io::ErrorKind::BrokenPipe);
        assert_eq!(
            write_report(&report("a\n", "", 0), &mut closed, &mut err),
            0
        );
        assert!(err.is_empty());
        let mut out = Vec::new();
        assert_eq!(
            write_report(&report("", "error: x\n", 1), &mut out, &mut closed),
            1
        );
    }

    #[test]
    fn what_a_terminal_acts_on_is_escaped() {
        for (text, shown) in [
            ("\u{1b}[2Jclear", "\\u{1b}[2Jclear"),
            (
                "\u{1b}]8;;https://example.com\u{1b}\\link\u{1b}]8;;\u{7}",
                "\\u{1b}]8;;https://example.com\\u{1b}\\link\\u{1b}]8;;\\u{7}",
            ),
            ("\u{9b}2J", "\\u{9b}2J"),
            ("abc\u{202E}fed", "abc\\u{202e}fed"),
            ("\u{2067}isolate\u{2069}", "\\u{2067}isolate\\u{2069}"),
            ("\u{200F}\u{061C}", "\\u{200f}\\u{61c}"),
            ("nul\u{0}", "nul\\u{0}"),
            ("over\rwritten", "over\\u{d}written"),
            ("end\r", "end\\u{d}"),
            ("del\u{7f}", "del\\u{7f}"),
            ("tab\t", "tab\\u{9}"),
            ("sep\u{2028}\u{2029}", "sep\\u{2028}\\u{2029}"),
        ] {
            assert_eq!(visible(text), shown, "{text:?}");
        }
    }

    #[test]
    fn text_of_every_script_and_line_ends_stay_as_they_are() {
        for text in [
            "خطأ في الخادم",
            "השרת לא מצא את הדף",
            "服务器无法找到被请求的页面。",
            "ページが見つかりません",
            "a\nb\r\nc\r\n",
            "C:\\path \\u{1b} spelled out",
            "",
        ] {
            assert!(matches!(visible(text), Cow::Borrowed(_)), "{text:?}");
        }
    }

    #[test]
    fn both_streams_are_written_escaped() {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        write_report(
            &report("\u{1b}[2J\u{202E}x\n", "error: \u{9b}\u{0}\n", 1),
            &mut out,
            &mut err,
        );
        assert_eq!(out, b"\\u{1b}[2J\\u{202e}x\n");
        assert_eq!(err, b"error: \\u{9b}\\u{0}\n");
    }

    #[test]
    fn quote_escapes_and_bounds() {
        assert_eq!(quote("zh CN"), "\"zh CN\"");
        assert_eq!(quote("a\"b\n\u{7}"), "\"a\\\"b\\n\\u{7}\"");
        assert_eq!(quote("a\u{202E}b"), "\"a\\u{202e}b\"");
        let long = "é".repeat(1000);
        let quoted = quote(&long);
        assert_eq!(
            quoted,
            format!("\"{}\"… (940 more characters)", "é".repeat(60))
        );
    }
}
