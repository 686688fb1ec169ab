//! The reader against the `toml` crate: for the same text, the same errors (words and places)
//! and, when there are none, the same tree (keys, values, types and spans, in file order). And
//! the line reader against `toml_parser`: where it reads a text, the same events.

use proptest::prelude::*;
use toml::de::{DeTable, DeValue};
use toml_parser::parser::{Event, EventKind, parse_document};

use super::read;
use super::tree::{Kind, Table, Value};

#[path = "../../tests/strategies/mod.rs"]
mod strategies;

/// A message and its span as `(start, end)`.
type Error = (String, Option<(usize, usize)>);

/// What the reader and `toml` make of `text` differ in, if anything.
fn difference(text: &str) -> Option<String> {
    let (ours, our_errors) = read::document(text);
    let (theirs, their_errors) = DeTable::parse_recoverable(text);
    let mut our_errors: Vec<Error> = our_errors
        .iter()
        .map(|error| {
            let span = error.unexpected().map(|span| (span.start(), span.end()));
            // The one place where the reader says more than `toml`, which gives a dotted key
            // too long no place at all.
            let span = span.filter(|_| error.description() != "recursion limit");
            (super::toml_message(error), span)
        })
        .collect();
    let mut their_errors: Vec<Error> = their_errors
        .iter()
        .map(|error| {
            let span = error.span().map(|span| (span.start, span.end));
            (error.message().to_string(), span)
        })
        .collect();
    our_errors.sort();
    their_errors.sort();
    if our_errors != their_errors {
        return Some(format!(
            "errors differ:\n ours   {our_errors:?}\n theirs {their_errors:?}"
        ));
    }
    if our_errors.is_empty() {
        table_difference(&ours, theirs.get_ref(), "root")
    } else {
        None
    }
}

fn table_difference(ours: &Table<'_>, theirs: &DeTable<'_>, at: &str) -> Option<String> {
    let mut their_entries: Vec<_> = theirs.iter().collect();
    their_entries.sort_by_key(|(key, _)| key.span().start);
    if ours.entries().len() != their_entries.len() {
        let ours: Vec<_> = ours.entries().iter().map(|e| &e.key.text).collect();
        let theirs: Vec<_> = their_entries.iter().map(|(key, _)| key.get_ref()).collect();
        return Some(format!("{at}: keys {ours:?} against {theirs:?}"));
    }
    for (entry, (key, value)) in ours.entries().iter().zip(their_entries) {
        let here = format!("{at}.{}", key.get_ref());
        if entry.key.text != *key.get_ref() || entry.key.span != key.span() {
            return Some(format!(
                "{here}: key {:?} at {:?} against {:?} at {:?}",
                entry.key.text,
                entry.key.span,
                key.get_ref(),
                key.span()
            ));
        }
        if let Some(difference) = value_difference(&entry.value, value, &here) {
            return Some(difference);
        }
    }
    None
}

fn value_difference(
    ours: &Value<'_>,
    theirs: &toml::Spanned<DeValue<'_>>,
    at: &str,
) -> Option<String> {
    if ours.span != theirs.span() {
        return Some(format!(
            "{at}: value at {:?} against {:?}",
            ours.span,
            theirs.span()
        ));
    }
    let same = match (&ours.kind, theirs.get_ref()) {
        (Kind::String(ours), DeValue::String(theirs)) => ours == theirs,
        (Kind::Boolean(ours), DeValue::Boolean(theirs)) => ours == theirs,
        (Kind::Integer, DeValue::Integer(_))
        | (Kind::Float, DeValue::Float(_))
        | (Kind::Datetime, DeValue::Datetime(_)) => true,
        (Kind::Array(ours), DeValue::Array(theirs)) => {
            if ours.items.len() != theirs.len() {
                return Some(format!("{at}: array lengths differ"));
            }
            for (index, (ours, theirs)) in ours.items.iter().zip(theirs.iter()).enumerate() {
                let here = format!("{at}[{index}]");
                if let Some(difference) = value_difference(ours, theirs, &here) {
                    return Some(difference);
                }
            }
            true
        }
        (Kind::Table(ours), DeValue::Table(theirs)) => return table_difference(ours, theirs, at),
        _ => false,
    };
    (!same).then(|| format!("{at}: {:?} against {:?}", ours.kind, theirs.get_ref()))
}

/// The events `toml_parser` emits for `text`, without whitespace and comments.
fn parser_events(text: &str) -> Vec<Event> {
    let source = toml_parser::Source::new(text);
    let tokens = source.lex().into_vec();
    let mut events = Vec::new();
    let mut errors = Vec::new();
    parse_document(&tokens, &mut events, &mut errors);
    events.retain(|event| !matches!(event.kind(), EventKind::Whitespace | EventKind::Comment));
    events
}

fn assert_same(text: &str) {
    if let Some(difference) = difference(text) {
        panic!("reading {text:?}:\n{difference}");
    }
    if let Some(read) = super::lines::events(text) {
        assert_eq!(read.events, parser_events(text), "line events of {text:?}");
    }
}

/// Texts that take each rule of TOML 1.1 in turn, accepted and refused.
const CASES: &[&str] = &[
    "",
    "\n\n",
    "a = 1",
    "a = \"x\"\nb = 'y'\n",
    "# comment only",
    "a = \"x\" # trailing comment\n",
    "a = \"x\"\r\nb = true\r\n",
    "\u{feff}a = \"bom\"\n",
    "a = \"x\"\rb = 1",
    "a=\"tight\"\n\tb\t=\tfalse\t\n",
    "trueish = true\nx = trueish\n",
    "a = truefalse",
    // Dotted keys and the implicit tables they make.
    "message.en = \"x\"\nmessage.de = \"y\"\n",
    "a.b.c = 1\na.b.d = 2\na.e = 3\n",
    "a . b = 1\n\"a\" . 'c' = 2\n",
    "a.b = 1\na.b.c = 2\n",
    "a.b = 1\na = 2\n",
    // Headers.
    "[codes.404]\nname = \"Not Found\"\nmessage.en = \"Nothing here.\"\n",
    "[codes.\"404\"]\nname = \"x\"\n[codes.'500']\nname = \"y\"\n",
    "[ codes . 404 ]\nname = \"x\"\n",
    "[a.b.c]\nx = 1\n[a]\ny = 2\n",
    "[a.b.c]\nx = 1\n[a.b]\ny = 2\n[a]\nz = 3\n",
    "[a]\nx = 1\n[a]\ny = 2\n",
    "[a]\nb.c = 1\n[a.b]\nd = 2\n",
    "a.b.c = 1\n[a]\nd = 2\n",
    "a.b.c = 1\n[a.b]\nd = 2\n",
    "[a]\nb = 1\n[a.b]\nc = 2\n",
    "[a.b]\nc = 1\n[a]\nb.d = 2\n",
    "[a.b.c]\n[a]\nb.d = true\n[a.b]\n",
    "a = 1\n[a.b]\nc = 2\n",
    "a = [1]\n[a.b]\nc = 2\n",
    "[a]\n[a.b]\n[a.b.c]\n[a.d]\n",
    "[]\n",
    "[a\n",
    "[a]]\n",
    // Arrays of tables.
    "[[a]]\nx = 1\n[[a]]\nx = 2\n[a.b]\ny = 3\n",
    "[[a]]\n[[a.b]]\nx = 1\n[[a.b]]\nx = 2\n[[a]]\n",
    "a = [1, 2]\n[[a]]\nx = 1\n",
    "[a]\n[[a]]\n",
    "[[a]]\n[a]\n",
    "[[a]]\nb = 1\n[[a.b]]\n",
    "[[a]]\na.b = 1\n",
    // Inline tables: closed once written, dotted keys inside.
    "a = { b = 1, c.d = \"x\", c.e = true }\n",
    "a = { b = 1 }\na.c = 2\n",
    "a = { b = 1 }\n[a]\nc = 2\n",
    "a = { b = 1 }\n[a.c]\n",
    "a = { b = 1, b = 2 }\n",
    "a = { b.c = 1, b = 2 }\n",
    "a = { b = 1, b.c = 2 }\n",
    "a = { b = { c = 1 }, b.d = 2 }\n",
    "a = {\n  b = 1,\n  c = 2,\n}\n",
    "a = { b = 1 c = 2 }\n",
    "a = {",
    "a = { = 1 }\n",
    "a = [\"x\", true, \"\\u00e9\", ] # note\nb = []\nc = [\n# only a comment\n]\n",
    "a = [\"bell\u{7}\", \"\\q\"]\n",
    "a = [\"x\" # comment \u{7f}\n]\n",
    "a = [\"x\"\r]\n",
    "a = [\"x\",,]\n",
    "a = [true false]\n",
    "a = [\"x\"\n",
    // The parser's recovery events after a comment.
    "={=.{a}0#",
    // Arrays.
    "a = [\"x\", 'y', \"\"\"z\"\"\", [1, [2]], { b = 3 }]\n",
    "a = [\n  1, # one\n  2,\n]\n",
    "a = [1 2]\n",
    "a = [1,,2]\n",
    "a = [",
    // Strings: escapes, multi-line, literal.
    "a = \"caf\\u00e9 \\U0001F600 \\e \\x41 \\t \\\" \\\\\"\n",
    "a = \"\\q\"\n",
    "a = \"\\u00\"\n",
    "a = \"\\uD800\"\n",
    "a = \"tab\there\"\n",
    "a = \"bell\u{7}\"\n",
    "a = \"del\u{7f}\"\n",
    "a = \"open\n",
    "a = \"\"\"\nline one\nline two \\\n   continued\"\"\"\n",
    "a = \"\"\"two quotes \"\" inside\"\"\"\n",
    "a = '''\nraw \\n text\n'''\n",
    "a = 'literal \\ backslash'\n",
    "a = 'open\n",
    "\"quoted \\u00e9 key\" = 1\n'literal key' = 2\n\"\" = 3\n",
    "\"a.b\" = 1\na.b = 2\n",
    "\"\"\"ml\"\"\" = 1\n",
    // Other scalars.
    "a = 1_000\nb = 0xff\nc = 0o7\nd = 0b1\ne = -1.5e3\nf = inf\ng = nan\n",
    "a = 1979-05-27T07:32:00Z\nb = 1979-05-27\nc = 07:32:00\nd = 1979-05-27 07:32\n",
    "a = 1979-13-27\n",
    "a = 1979-02-30T25:00:00Z\n",
    "a = 01\n",
    "a = 1__0\n",
    "a = True\n",
    "a = Not Found\n",
    "a = \n",
    "a\n",
    "= 1\n",
    "a = 1 b = 2\n",
    // Duplicates.
    "a = 1\na = 2\n",
    "a = 1\n\"a\" = 2\n",
    "[codes.404]\nname = \"x\"\nname = \"y\"\n",
    "[codes.404]\n[codes.0404]\n[codes.404]\n",
    // Control characters in comments.
    "# bell \u{7}\na = 1\n",
    "a = 1 # del \u{7f}\n",
    "# bell \u{7}\na = true\n",
    "a = \"x\" # del \u{7f}\n",
    "a = \"x\" # cr \r\n",
    "a = \"unit\u{1f}separator\"\n",
    "a = \"nul\u{0}\"\n",
    "a = \"next line\u{85}\"\n",
];

#[test]
fn handwritten_cases_read_as_toml_reads_them() {
    for text in CASES {
        assert_same(text);
    }
}

/// The shape of generated and hand-written tables takes the line reader, comments and all.
#[test]
fn common_lines_skip_the_lexer() {
    let text = concat!(
        "# codes\n[locales]\ndefault = \"en\"\n\n[codes.404] # found\n",
        "name = \"Not Found\"\naliases = [\"Gone Missing\", \"Nope\"]  # old names\n",
        "message.en = \"Nothing \\\"here\\\".\"\nretry_unchanged = false\n",
        "[codes.413]\naliases = [\r\n  \"Too Large\",  # RFC 2616\r\n  \"Way Too Large\",\r\n]\r\n",
    );
    assert!(super::lines::events(text).is_some());
    assert_same(text);
    for text in [
        "a = 1\n",
        "a = 'x'\n",
        "[[a]]\n",
        "a = [[\"x\"]]\n",
        "a = \"\"\"x\"\"\"\n",
        "a = { b = true }\n",
        "\"a\" = true\n",
        "a = \"open\n",
        "a = [\"x\" \"y\"]\n",
        "a = [,]\n",
    ] {
        assert!(super::lines::events(text).is_none(), "{text:?}");
        assert_same(text);
    }
}

#[test]
fn deep_nesting_is_refused_alike() {
    assert_same(&format!("a = {}1{}\n", "[".repeat(100), "]".repeat(100)));
    assert_same(&format!(
        "a = {}{}\n",
        "{ b = ".repeat(100),
        "}".repeat(100)
    ));
    let long_key = vec!["k"; 100].join(".");
    assert_same(&format!("{long_key} = 1\n"));
    assert_same(&format!("[{long_key}]\n"));
    // ... and the reader points at the 81st part of the key.
    for text in [format!("{long_key} = 1\n"), format!("[{long_key}]\n")] {
        let (_, errors) = read::document(&text);
        let span = errors[0].unexpected().map(|span| span.start()..span.end());
        let at = text.find(&long_key).unwrap_or_default() + 2 * 80;
        assert_eq!(span, Some(at..at + 1), "{text}");
    }
}

/// Pieces of TOML that clash with each other when shuffled: a few keys, every way of making a
/// table, and values of each type.
fn fragment() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "[a]",
        "[a.b]",
        "[b]",
        "[a.b.c]",
        "[[a]]",
        "[[a.b]]",
        "[[c]]",
        "a = 1",
        "b = \"x\"",
        "a.b = true",
        "b.c = 'y'",
        "c = { d = 1 }",
        "a = [1, { b = 2 }]",
        "c.d = 2",
        "d = \"\\u00e9\"",
        "e = 1979-05-27",
        "\"a\" = 2",
        "[\"a\".b]",
        "# note",
        "",
        "x = [",
        "]",
        "{",
        "a = {",
        "b = \"\"\"",
        "\"\"\"",
        "a.b.c.d = 1",
        "[c.d]",
        "c = 1",
    ])
}

/// A line-based mutation of a text: one fragment inserted at a line boundary.
fn mutated(text: String, insert: &str, at: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let at = at % (lines.len() + 1);
    let mut out: Vec<&str> = lines[..at].to_vec();
    out.push(insert);
    out.extend(&lines[at..]);
    out.join("\n")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn fragment_soups_read_as_toml_reads_them(
        lines in prop::collection::vec(fragment(), 0..12),
        crlf in any::<bool>(),
    ) {
        let text = lines.join(if crlf { "\r\n" } else { "\n" });
        prop_assert!(difference(&text).is_none(), "{text:?}: {:?}", difference(&text));
        if let Some(read) = super::lines::events(&text) {
            prop_assert_eq!(read.events, parser_events(&text));
        }
    }

    #[test]
    fn generated_tables_read_as_toml_reads_them(text in strategies::table()) {
        prop_assert!(difference(&text).is_none(), "{text:?}: {:?}", difference(&text));
        if let Some(read) = super::lines::events(&text) {
            prop_assert_eq!(read.events, parser_events(&text));
        }
    }

    #[test]
    fn broken_tables_read_as_toml_reads_them(
        text in strategies::table(),
        insert in fragment(),
        at in any::<usize>(),
    ) {
        let text = mutated(text, insert, at);
        prop_assert!(difference(&text).is_none(), "{text:?}: {:?}", difference(&text));
    }

    #[test]
    fn any_string_reads_as_toml_reads_it(
        key in "([a-z_-]|[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}\"'\\\\é]|\\PC){0,6}",
        text in "([a-z ]|[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}\"'\\\\é]|\\PC){0,12}",
    ) {
        for quote in ["\"", "'", "\"\"\"", "'''"] {
            let line = format!("{quote}{key}{quote} = {quote}{text}{quote}\n");
            prop_assert!(difference(&line).is_none(), "{line:?}: {:?}", difference(&line));
        }
        let bare = format!("{key} = \"{text}\"\n");
        prop_assert!(difference(&bare).is_none(), "{bare:?}: {:?}", difference(&bare));
        if let Some(read) = super::lines::events(&bare) {
            prop_assert_eq!(read.events, parser_events(&bare));
        }
    }

    #[test]
    fn any_text_reads_as_toml_reads_it(
        text in "(true|false|[\\[\\]{}=,.\"'#a-c0-9 \\t\\r\\n\\\\\\x07\\x7f]){0,40}",
    ) {
        prop_assert!(difference(&text).is_none(), "{text:?}: {:?}", difference(&text));
        if let Some(read) = super::lines::events(&text) {
            prop_assert_eq!(read.events, parser_events(&text));
        }
    }
}
