//! The lines most tables are made of, turned into parser events without the general lexer: in an
//! unoptimized build `toml_parser`'s lexer alone costs more than everything else the reader does.
//!
//! Only these lines are read here: blank lines, comments, `[bare.key.path]` headers, and
//! `bare.key.path = value` where the value is a one-line basic string, `true`, `false`, or an
//! array of these (over several lines, with comments), with spaces or tabs around `=`, at the
//! ends and before a trailing comment. On anything else, [`events`] gives up and the whole file
//! goes through `toml_parser`, so what is accepted and every error stay `toml_parser`'s (a string
//! with escapes is still decoded by its decoder). For the lines it reads, the events are the ones
//! `toml_parser` would emit, less the whitespace and comment events the walk reads past.

use toml_parser::Span;
use toml_parser::decoder::Encoding;
use toml_parser::parser::{Event, EventKind};

use super::read::{BARE_KEY, BASIC_UNESCAPED};

/// The events of a text read by [`events`].
#[derive(Debug)]
pub(super) struct Read {
    pub events: Vec<Event>,
    /// Where each basic string starts that needs the decoder (escapes or refused bytes), in
    /// order; every other bare key and basic string is checked and may be taken as it is.
    pub escaped: Vec<usize>,
}

/// The events of `text`, or `None` if a line is not one of the simple kinds.
pub(super) fn events(text: &str) -> Option<Read> {
    let mut reader = Lines {
        bytes: text.as_bytes(),
        at: 0,
        events: Vec::with_capacity(text.len() / 10),
        escaped: Vec::new(),
    };
    while reader.at < reader.bytes.len() {
        reader.line()?;
    }
    Some(Read {
        events: reader.events,
        escaped: reader.escaped,
    })
}

struct Lines<'t> {
    bytes: &'t [u8],
    at: usize,
    events: Vec<Event>,
    escaped: Vec<usize>,
}

impl Lines<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn emit(&mut self, kind: EventKind, encoding: Option<Encoding>, start: usize) {
        let span = Span::new_unchecked(start, self.at);
        self.events.push(Event::new_unchecked(kind, encoding, span));
    }

    /// One byte that must be `expected`, as an event of `kind`.
    fn punct(&mut self, expected: u8, kind: EventKind) -> Option<()> {
        if self.peek() != Some(expected) {
            return None;
        }
        let start = self.at;
        self.at += 1;
        self.emit(kind, None, start);
        Some(())
    }

    fn whitespace(&mut self) {
        while let Some(b' ' | b'\t') = self.peek() {
            self.at += 1;
        }
    }

    fn line(&mut self) -> Option<()> {
        self.whitespace();
        match self.peek()? {
            b'\n' | b'\r' | b'#' => {}
            b'[' => {
                self.punct(b'[', EventKind::StdTableOpen)?;
                self.key()?;
                self.punct(b']', EventKind::StdTableClose)?;
            }
            _ => {
                self.key()?;
                self.whitespace();
                self.punct(b'=', EventKind::KeyValSep)?;
                self.whitespace();
                self.value()?;
            }
        }
        self.end_of_line()
    }

    /// `a.b.c`, bare parts without whitespace around the dots.
    fn key(&mut self) -> Option<()> {
        loop {
            let start = self.at;
            self.at = run(self.bytes, start, &BARE_KEY);
            if self.at == start {
                return None;
            }
            self.emit(EventKind::SimpleKey, None, start);
            if self.peek() != Some(b'.') {
                return Some(());
            }
            self.punct(b'.', EventKind::KeySep)?;
        }
    }

    /// A value: a basic string, `true`, `false`, or an array of these over any number of lines.
    fn value(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' => self.basic_string(),
            b'[' => self.array(),
            _ => self.boolean(),
        }
    }

    /// `"..."`, ended as the lexer ends it. One with an escape or a byte the decoder would refuse
    /// is left for the decoder, and noted in [`Lines::escaped`].
    fn basic_string(&mut self) -> Option<()> {
        let start = self.at;
        if self
            .bytes
            .get(start..)
            .is_some_and(|rest| rest.starts_with(b"\"\"\""))
        {
            return None;
        }
        self.at = run(self.bytes, start + 1, &BASIC_UNESCAPED);
        if self.peek()? != b'"' {
            self.escaped.push(start);
            loop {
                match self.peek()? {
                    b'"' => break,
                    b'\n' => return None,
                    b'\\' => {
                        self.at += 1;
                        if let Some(b'\\' | b'"') = self.peek() {
                            self.at += 1;
                        }
                    }
                    _ => self.at += 1,
                }
            }
        }
        self.at += 1;
        self.emit(EventKind::Scalar, Some(Encoding::BasicString), start);
        Some(())
    }

    fn boolean(&mut self) -> Option<()> {
        let start = self.at;
        let rest = self.bytes.get(start..)?;
        let word = if rest.starts_with(b"true") {
            4
        } else if rest.starts_with(b"false") {
            5
        } else {
            return None;
        };
        self.at += word;
        // The lexer reads up to one of these: `trueish` is one token, not `true`.
        if !matches!(
            self.peek(),
            None | Some(
                b'.' | b'='
                    | b','
                    | b'['
                    | b']'
                    | b'{'
                    | b'}'
                    | b' '
                    | b'\t'
                    | b'#'
                    | b'\r'
                    | b'\n'
            )
        ) {
            return None;
        }
        self.emit(EventKind::Scalar, None, start);
        Some(())
    }

    /// `[ value, value, ]`, with whitespace, comments and newlines between them; no nested arrays.
    fn array(&mut self) -> Option<()> {
        self.punct(b'[', EventKind::ArrayOpen)?;
        loop {
            self.gap()?;
            if self.peek()? == b']' {
                return self.punct(b']', EventKind::ArrayClose);
            }
            match self.peek()? {
                b'"' => self.basic_string()?,
                _ => self.boolean()?,
            }
            self.gap()?;
            match self.peek()? {
                b',' => self.punct(b',', EventKind::ValueSep)?,
                b']' => return self.punct(b']', EventKind::ArrayClose),
                _ => return None,
            }
        }
    }

    /// Whitespace, comments and newlines between the values of an array.
    fn gap(&mut self) -> Option<()> {
        loop {
            self.whitespace();
            self.comment()?;
            if !self.newline()? {
                return Some(());
            }
        }
    }

    /// A comment, if one starts here, checked as the parser checks it.
    fn comment(&mut self) -> Option<()> {
        if self.peek() == Some(b'#') {
            // `non-eol = %x09 / %x20-7E / non-ascii`
            while let Some(b) = self.peek() {
                if b == b'\r' || b == b'\n' {
                    break;
                }
                if b != b'\t' && !(0x20..0x7f).contains(&b) && b < 0x80 {
                    return None;
                }
                self.at += 1;
            }
        }
        Some(())
    }

    /// A newline, if one is here: `Some(true)` if read, `Some(false)` if there is none, `None`
    /// for a lone carriage return.
    fn newline(&mut self) -> Option<bool> {
        let start = self.at;
        match self.peek() {
            Some(b'\n') => self.at += 1,
            Some(b'\r') if self.bytes.get(self.at + 1) == Some(&b'\n') => self.at += 2,
            Some(b'\r') => return None,
            _ => return Some(false),
        }
        self.emit(EventKind::Newline, None, start);
        Some(true)
    }

    /// Trailing whitespace, a comment, then a newline or the end of the text.
    fn end_of_line(&mut self) -> Option<()> {
        self.whitespace();
        self.comment()?;
        if self.newline()? || self.at == self.bytes.len() {
            Some(())
        } else {
            None
        }
    }
}

/// Where the run of `allowed` bytes from `start` ends. An indexed loop: in an unoptimized build
/// an iterator costs a call per byte.
fn run(bytes: &[u8], start: usize, allowed: &[bool; 256]) -> usize {
    let mut at = start;
    while at < bytes.len() && allowed[usize::from(bytes[at])] {
        at += 1;
    }
    at
}
