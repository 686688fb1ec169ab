//! TOML text → [`Table`]: `toml_parser` (the `toml` crate's own lexer and parser) turns the text
//! into events, and this walks them, applying TOML's table rules (dotted keys, `[a.b]` headers
//! and the implicit tables they make, `[[array]]` tables, closed inline tables, no key or table
//! defined twice) with the same errors, in the same words and places, as `toml`'s document
//! reader. On broken input the walk skips and stops where `toml`'s does, so a file with several
//! mistakes reports the same ones (`differential.rs` checks all of this against `toml`).
//!
//! Why not `toml::de::DeTable`: the macro runs unoptimized (cargo's default dev profile), and
//! there building that document cost most of the macro's time, most of it decoding strings char
//! by char. Here a basic string without escapes, and a bare key, are slices of the source checked
//! by one byte loop; everything else goes through `toml_parser`'s decoder. A file made only of
//! the common kinds of line gets its events from [`super::lines`], without the lexer.

use std::borrow::Cow;
use std::ops::Range;

use toml_parser::decoder::{Encoding, ScalarKind};
use toml_parser::parser::{Event, EventKind, RecursionGuard, ValidateWhitespace, parse_document};
use toml_parser::{ParseError, Source, Span};

use super::tree::{Array, Key, Kind, Table, Value};

/// How deeply arrays and inline tables may nest, and how many parts a dotted key may have: deep
/// enough for any table, shallow enough that walking the events cannot exhaust the stack. The
/// same bound as `toml`'s.
const MAX_DEPTH: u32 = 80;

/// Reads a document. Every mistake is in the returned errors; the tree is only meaningful when
/// there are none.
pub(crate) fn document(text: &str) -> (Table<'_>, Vec<ParseError>) {
    let source = Source::new(text);
    let mut errors = Vec::new();
    let (events, escaped) = match super::lines::events(text) {
        Some(read) => (read.events, Some(read.escaped)),
        None => {
            let tokens = source.lex().into_vec();
            let mut events = Vec::with_capacity(tokens.len());
            let mut validate = ValidateWhitespace::new(&mut events, source);
            let mut guard = RecursionGuard::new(&mut validate, MAX_DEPTH);
            parse_document(&tokens, &mut guard, &mut errors);
            (events, None)
        }
    };
    let mut walk = Walk {
        source,
        events: &events,
        at: 0,
        checked: escaped.as_deref(),
        errors,
    };
    let root = walk.document();
    (root, walk.errors)
}

/// A `[header]` or `[[header]]`: the path to its table, the table's own key, and its span from
/// `[` to `]`.
struct Header<'i> {
    path: Vec<Key<'i>>,
    key: Option<Key<'i>>,
    span: Range<usize>,
    is_array: bool,
}

struct Walk<'i, 'e> {
    source: Source<'i>,
    events: &'e [Event],
    at: usize,
    /// For events from [`super::lines`], which checked every bare key and basic string: where
    /// the strings start that still need the decoder.
    checked: Option<&'e [usize]>,
    errors: Vec<ParseError>,
}

impl<'i> Walk<'i, '_> {
    fn next(&mut self) -> Option<Event> {
        let event = self.events.get(self.at).copied();
        self.at += 1;
        event
    }

    fn peek(&self) -> Option<EventKind> {
        self.events.get(self.at).map(Event::kind)
    }

    /// `toml = expression *( newline expression )`: key/value pairs into the current table, and
    /// each header closing the table before it.
    fn document(&mut self) -> Table<'i> {
        let mut root = Table::default();
        let mut current = Table::default();
        let mut header: Option<Header<'i>> = None;
        while let Some(event) = self.next() {
            match event.kind() {
                EventKind::StdTableOpen | EventKind::ArrayTableOpen => {
                    self.finish_table(&mut root, &mut current, header.take());
                    let next = self.header(event);
                    self.start_table(&mut root, &mut current, &next);
                    header = Some(next);
                }
                EventKind::SimpleKey => {
                    let (path, key) = self.key(event);
                    let Some(key) = key else { break };
                    let Some(mut next) = self.next() else { break };
                    if next.kind() == EventKind::Whitespace {
                        let Some(after) = self.next() else { break };
                        next = after;
                    }
                    if next.kind() != EventKind::KeyValSep {
                        break;
                    }
                    if self.peek() == Some(EventKind::Whitespace) {
                        self.at += 1;
                    }
                    let value = self.value();
                    self.key_value(&mut current, &path, key, value);
                }
                _ => {}
            }
        }
        self.finish_table(&mut root, &mut current, header);
        root
    }

    /// `[a.b]` or `[[a.b]]`, after its opening bracket.
    fn header(&mut self, open: Event) -> Header<'i> {
        let mut path = Vec::new();
        let mut key = None;
        let mut span = open.span();
        while let Some(event) = self.next() {
            match event.kind() {
                EventKind::StdTableClose | EventKind::ArrayTableClose => {
                    span = span.append(event.span());
                    break;
                }
                EventKind::SimpleKey => (path, key) = self.key(event),
                _ => {}
            }
        }
        Header {
            path,
            key,
            span: span.start()..span.end(),
            is_array: open.kind() == EventKind::ArrayTableOpen,
        }
    }

    /// A `[header]` opens its table: one made implicitly by an earlier header's path is taken
    /// up again; one defined already is an error.
    fn start_table(&mut self, root: &mut Table<'i>, current: &mut Table<'i>, header: &Header<'i>) {
        if let (false, Some(key)) = (header.is_array, &header.key) {
            if let Some(parent) = descend(root, &header.path, false, &mut self.errors) {
                if let Some(at) = parent.position(&key.text) {
                    let old = parent.remove(at);
                    match old.value.kind {
                        Kind::Table(table) if table.implicit && !table.dotted => *current = *table,
                        kind => {
                            self.errors
                                .push(duplicate_key(&key.span, Some(&old.key.span)));
                            if let Kind::Table(table) = kind {
                                *current = *table;
                            }
                        }
                    }
                }
            }
        }
        current.implicit = false;
        current.dotted = false;
    }

    /// The table under a header is complete: it goes in its place in the tree (the keys before
    /// any header are the root).
    fn finish_table(
        &mut self,
        root: &mut Table<'i>,
        current: &mut Table<'i>,
        header: Option<Header<'i>>,
    ) {
        let table = std::mem::take(current);
        let Some(header) = header else {
            *root = table;
            return;
        };
        let Some(key) = header.key else { return };
        let Some(parent) = descend(root, &header.path, false, &mut self.errors) else {
            return;
        };
        let value = Value {
            span: header.span.clone(),
            kind: Kind::Table(Box::new(table)),
        };
        match (parent.position(&key.text), header.is_array) {
            (None, true) => {
                let array = Array {
                    items: vec![value],
                    of_tables: true,
                };
                parent.push(
                    key,
                    Value {
                        span: header.span,
                        kind: Kind::Array(array),
                    },
                );
            }
            (None, false) => {
                parent.push(key, value);
            }
            (Some(at), is_array) => {
                let Some(entry) = parent.entry_mut(at) else {
                    return;
                };
                match (&mut entry.value.kind, is_array) {
                    (Kind::Array(array), true) if array.of_tables => array.items.push(value),
                    (_, true) => {
                        let error = duplicate_key(&key.span, Some(&entry.value.span));
                        self.errors.push(error);
                    }
                    // The header's own entry was taken out when it opened.
                    (_, false) => entry.value = value,
                }
            }
        }
    }

    /// `key = value` in a `[header]`'s table (or the root).
    fn key_value(
        &mut self,
        table: &mut Table<'i>,
        path: &[Key<'i>],
        key: Key<'i>,
        value: Value<'i>,
    ) {
        let dotted = !path.is_empty();
        let Some(parent) = descend(table, path, dotted, &mut self.errors) else {
            return;
        };
        // A dotted key cannot add to a table defined by a header.
        if dotted && !parent.implicit {
            self.errors.push(duplicate_key(&key.span, None));
            return;
        }
        match parent.position(&key.text) {
            None => {
                parent.push(key, value);
            }
            Some(at) => {
                let first = parent.entries().get(at).map(|entry| entry.key.span.clone());
                self.errors.push(duplicate_key(&key.span, first.as_ref()));
            }
        }
    }

    /// A key, dotted or not, after its first part: the path to its table and its last part.
    /// `None` for the key when the path is too long.
    fn key(&mut self, first: Event) -> (Vec<Key<'i>>, Option<Key<'i>>) {
        let mut path = Vec::new();
        let mut last = None;
        let mut pending = Some(first);
        if self.more_key() {
            while let Some(event) = self.next() {
                match event.kind() {
                    EventKind::SimpleKey => {
                        pending = Some(event);
                        if !self.more_key() {
                            break;
                        }
                    }
                    EventKind::KeySep => self.close_key(&mut pending, &mut path, &mut last),
                    _ => {}
                }
            }
        }
        self.close_key(&mut pending, &mut path, &mut last);
        if path.len() >= MAX_DEPTH as usize {
            // `toml` gives no place; the first part past the limit is where to look.
            let error = ParseError::new("recursion limit");
            let error = match path.get(MAX_DEPTH as usize).or(last.as_ref()) {
                Some(part) => error.with_unexpected(span(&part.span)),
                None => error,
            };
            self.errors.push(error);
            return (Vec::new(), None);
        }
        (path, last)
    }

    fn more_key(&self) -> bool {
        match self.peek() {
            Some(EventKind::KeySep) => true,
            Some(EventKind::Whitespace) => {
                self.events.get(self.at + 1).map(Event::kind) == Some(EventKind::KeySep)
            }
            _ => false,
        }
    }

    fn close_key(
        &mut self,
        pending: &mut Option<Event>,
        path: &mut Vec<Key<'i>>,
        last: &mut Option<Key<'i>>,
    ) {
        let Some(event) = pending.take() else { return };
        let key = Key {
            text: self.key_text(event),
            span: event.span().start()..event.span().end(),
        };
        if let Some(before) = last.replace(key) {
            path.push(before);
        }
    }

    fn key_text(&mut self, event: Event) -> Cow<'i, str> {
        let Some(raw) = self.source.get(event) else {
            return Cow::Borrowed("");
        };
        let text = raw.as_str();
        let plain = match event.encoding() {
            None if self.checked.is_some() => Some(text),
            None if !text.is_empty() && all_bytes(text.as_bytes(), &BARE_KEY) => Some(text),
            Some(Encoding::BasicString) => plain_basic_string(text),
            _ => None,
        };
        if let Some(plain) = plain {
            return Cow::Borrowed(plain);
        }
        let mut decoded = Cow::Borrowed("");
        raw.decode_key(&mut decoded, &mut self.errors);
        decoded
    }

    /// `val`: the value after `key =`.
    fn value(&mut self) -> Value<'i> {
        if let Some(event) = self.next() {
            match event.kind() {
                EventKind::InlineTableOpen => return self.inline_table(event),
                EventKind::ArrayOpen => return self.array(event),
                EventKind::Scalar => return self.scalar(event),
                _ => {}
            }
        }
        Value {
            span: 0..0,
            kind: Kind::Integer,
        }
    }

    fn scalar(&mut self, event: Event) -> Value<'i> {
        let span = event.span().start()..event.span().end();
        let Some(raw) = self.source.get(event) else {
            return Value {
                span,
                kind: Kind::Integer,
            };
        };
        let text = raw.as_str();
        let fast = match event.encoding() {
            Some(Encoding::BasicString) if self.checked.is_some() => {
                let escaped = self
                    .checked
                    .is_some_and(|starts| starts.binary_search(&span.start).is_ok());
                let inner = text.get(1..text.len().saturating_sub(1));
                inner
                    .filter(|_| !escaped)
                    .map(|inner| Kind::String(Cow::Borrowed(inner)))
            }
            Some(Encoding::BasicString) => plain_basic_string(text)
                .map(Cow::Borrowed)
                .map(Kind::String),
            None if text == "true" => Some(Kind::Boolean(true)),
            None if text == "false" => Some(Kind::Boolean(false)),
            _ => None,
        };
        if let Some(kind) = fast {
            return Value { span, kind };
        }
        let mut decoded = Cow::Borrowed("");
        let kind = match raw.decode_scalar(&mut decoded, &mut self.errors) {
            ScalarKind::String => Kind::String(decoded),
            ScalarKind::Boolean(flag) => Kind::Boolean(flag),
            ScalarKind::DateTime => {
                if let Err(error) = decoded.parse::<toml_datetime::Datetime>() {
                    let error = ParseError::new(error.to_string()).with_unexpected(event.span());
                    self.errors.push(error);
                }
                Kind::Datetime
            }
            ScalarKind::Float => Kind::Float,
            ScalarKind::Integer(_) => Kind::Integer,
        };
        Value { span, kind }
    }

    /// `[ ... ]`, after its `[`.
    fn array(&mut self, open: Event) -> Value<'i> {
        let mut items = Vec::new();
        let mut item = None;
        let mut close = open.span();
        while let Some(event) = self.next() {
            close = event.span();
            match event.kind() {
                EventKind::Error
                | EventKind::Newline
                | EventKind::Whitespace
                | EventKind::Comment => {}
                EventKind::InlineTableOpen => item = Some(self.inline_table(event)),
                EventKind::ArrayOpen => item = Some(self.array(event)),
                EventKind::Scalar => item = Some(self.scalar(event)),
                EventKind::ValueSep => items.extend(item.take()),
                EventKind::ArrayClose => {
                    items.extend(item.take());
                    break;
                }
                EventKind::StdTableOpen
                | EventKind::ArrayTableOpen
                | EventKind::InlineTableClose
                | EventKind::SimpleKey
                | EventKind::KeySep
                | EventKind::KeyValSep
                | EventKind::StdTableClose
                | EventKind::ArrayTableClose => break,
            }
        }
        Value {
            span: open.span().start()..close.end(),
            kind: Kind::Array(Array {
                items,
                of_tables: false,
            }),
        }
    }

    /// `{ ... }`, after its `{`.
    fn inline_table(&mut self, open: Event) -> Value<'i> {
        let mut table = Table::new(false, false, true);
        let mut key = None;
        let mut value = None;
        let mut close = open.span();
        while let Some(event) = self.next() {
            close = event.span();
            match event.kind() {
                EventKind::Error
                | EventKind::KeyValSep
                | EventKind::Newline
                | EventKind::Whitespace
                | EventKind::Comment => {}
                EventKind::SimpleKey => {
                    if let (path, Some(last)) = self.key(event) {
                        key = Some((path, last));
                    }
                }
                EventKind::InlineTableOpen => value = Some(self.inline_table(event)),
                EventKind::ArrayOpen => value = Some(self.array(event)),
                EventKind::Scalar => value = Some(self.scalar(event)),
                EventKind::ValueSep => self.inline_entry(&mut table, key.take(), value.take()),
                EventKind::InlineTableClose => {
                    self.inline_entry(&mut table, key.take(), value.take());
                    break;
                }
                EventKind::StdTableOpen
                | EventKind::ArrayTableOpen
                | EventKind::StdTableClose
                | EventKind::ArrayClose
                | EventKind::ArrayTableClose
                | EventKind::KeySep => break,
            }
        }
        Value {
            span: open.span().start()..close.end(),
            kind: Kind::Table(Box::new(table)),
        }
    }

    fn inline_entry(
        &mut self,
        table: &mut Table<'i>,
        key: Option<(Vec<Key<'i>>, Key<'i>)>,
        value: Option<Value<'i>>,
    ) {
        let (Some((path, key)), Some(value)) = (key, value) else {
            return;
        };
        let Some(parent) = descend_inline(table, &path, &mut self.errors) else {
            return;
        };
        if parent.dotted == path.is_empty() {
            self.errors.push(duplicate_key(&key.span, None));
            return;
        }
        match parent.position(&key.text) {
            None => {
                parent.push(key, value);
            }
            Some(at) => {
                let first = parent.entries().get(at).map(|entry| entry.key.span.clone());
                self.errors.push(duplicate_key(&key.span, first.as_ref()));
            }
        }
    }
}

/// The table a dotted key's (or a header's) path leads to, from `table`, making the implicit
/// tables on the way. Into an array of tables, a path leads to its last table.
fn descend<'t, 'i>(
    mut table: &'t mut Table<'i>,
    path: &[Key<'i>],
    dotted: bool,
    errors: &mut Vec<ParseError>,
) -> Option<&'t mut Table<'i>> {
    for key in path {
        let at = match table.position(&key.text) {
            Some(at) => at,
            None => table.push(key.clone(), implicit(key, dotted, false)),
        };
        let entry = table.entry_mut(at)?;
        let old = entry.value.span.clone();
        table = match &mut entry.value.kind {
            Kind::Array(array) if !array.of_tables => {
                errors.push(cannot_extend("array", &key.span, Some(&old)));
                return None;
            }
            Kind::Array(array) => match array.items.last_mut() {
                Some(Value {
                    kind: Kind::Table(last),
                    ..
                }) => last,
                Some(other) => {
                    errors.push(cannot_extend(other.kind.toml_type(), &key.span, Some(&old)));
                    return None;
                }
                None => return None,
            },
            Kind::Table(child) if child.inline => {
                errors.push(cannot_extend("inline table", &key.span, None));
                return None;
            }
            Kind::Table(child) => {
                if dotted {
                    // A dotted key cannot reach into a table defined by a header; the tables it
                    // makes or passes through can no longer be defined by one.
                    if !child.implicit {
                        errors.push(duplicate_key(&key.span, None));
                        return None;
                    }
                    child.dotted = true;
                }
                child
            }
            other => {
                errors.push(cannot_extend(other.toml_type(), &key.span, Some(&old)));
                return None;
            }
        };
    }
    Some(table)
}

/// [`descend`] inside an inline table, where every path is a dotted key.
fn descend_inline<'t, 'i>(
    mut table: &'t mut Table<'i>,
    path: &[Key<'i>],
    errors: &mut Vec<ParseError>,
) -> Option<&'t mut Table<'i>> {
    for key in path {
        let at = match table.position(&key.text) {
            Some(at) => at,
            None => table.push(key.clone(), implicit(key, true, true)),
        };
        let entry = table.entry_mut(at)?;
        let old = entry.value.span.clone();
        table = match &mut entry.value.kind {
            Kind::Table(child) if !child.implicit => {
                errors.push(duplicate_key(&key.span, None));
                return None;
            }
            Kind::Table(child) => child,
            other => {
                errors.push(cannot_extend(other.toml_type(), &key.span, Some(&old)));
                return None;
            }
        };
    }
    Some(table)
}

/// The table a key of a path makes, spanning that key.
fn implicit<'i>(key: &Key<'i>, dotted: bool, inline: bool) -> Value<'i> {
    Value {
        span: key.span.clone(),
        kind: Kind::Table(Box::new(Table::new(true, dotted, inline))),
    }
}

fn duplicate_key(key: &Range<usize>, first: Option<&Range<usize>>) -> ParseError {
    let error = ParseError::new("duplicate key").with_unexpected(span(key));
    match first {
        Some(first) => error.with_context(span(first)),
        None => error,
    }
}

fn cannot_extend(type_name: &str, key: &Range<usize>, old: Option<&Range<usize>>) -> ParseError {
    let error = ParseError::new(format!(
        "cannot extend value of type {type_name} with a dotted key"
    ))
    .with_unexpected(span(key));
    match old {
        Some(old) => error.with_context(span(old)),
        None => error,
    }
}

fn span(range: &Range<usize>) -> Span {
    Span::new_unchecked(range.start, range.end)
}

/// The bytes of a bare key: `A-Za-z0-9_-`.
pub(super) const BARE_KEY: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        table[byte] = b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
        byte += 1;
    }
    table
};

/// The bytes a basic string holds as they are: anything but `"`, `\` and the control
/// characters other than tab (TOML 1.1.0, `basic-unescaped`).
pub(super) const BASIC_UNESCAPED: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        table[byte] = (b >= 0x20 || b == b'\t') && b != b'"' && b != b'\\' && b != 0x7f;
        byte += 1;
    }
    table
};

/// The text of `"..."` when it needs no decoding: closed, and without escapes or forbidden
/// characters.
fn plain_basic_string(raw: &str) -> Option<&str> {
    let bytes = raw.as_bytes();
    let last = bytes.len().checked_sub(1)?;
    if last == 0 || bytes[0] != b'"' || bytes[last] != b'"' {
        return None;
    }
    let inner = raw.get(1..last)?;
    all_bytes(inner.as_bytes(), &BASIC_UNESCAPED).then_some(inner)
}

/// An indexed loop over a lookup table: in an unoptimized build an iterator costs a call per byte.
fn all_bytes(bytes: &[u8], allowed: &[bool; 256]) -> bool {
    let mut at = 0;
    while at < bytes.len() {
        if !allowed[bytes[at] as usize] {
            return false;
        }
        at += 1;
    }
    true
}
