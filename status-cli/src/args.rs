//! The command line, read into a [`Request`].

use lexopt::prelude::*;

use crate::table::Locale;

/// What the user asked for.
#[derive(Debug, PartialEq)]
pub enum Request {
    /// Look codes up and print them.
    Lookup(Lookup),
    /// Print the usage text.
    Help,
    /// Print the version.
    Version,
}

/// A lookup: which codes, in which language, in which format.
#[derive(Debug, PartialEq)]
pub struct Lookup {
    /// Which codes.
    pub query: Query,
    /// The language of the texts; `None` means the environment's.
    pub locale: Option<Locale>,
    /// JSON instead of a table.
    pub json: bool,
}

/// Which codes to print.
#[derive(Debug, PartialEq)]
pub enum Query {
    /// Every code of the table.
    All,
    /// One code, by number or by name: `404`, `not found`.
    Code(String),
    /// The codes of a class, by first digit: `4xx` is 4.
    Class(u8),
    /// The codes whose name or texts, in any language, contain this.
    Search(String),
}

/// A mistake on the command line, said in a sentence.
#[derive(Debug, PartialEq)]
pub struct UsageError(pub String);

impl From<lexopt::Error> for UsageError {
    fn from(error: lexopt::Error) -> Self {
        UsageError(error.to_string())
    }
}

/// Reads the arguments (without the program name).
pub fn parse(args: impl IntoIterator<Item = std::ffi::OsString>) -> Result<Request, UsageError> {
    let mut parser = lexopt::Parser::from_args(args);
    let mut words: Vec<String> = Vec::new();
    let mut search = None;
    let mut locale = None;
    let mut json = false;
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => return Ok(Request::Help),
            Short('V') | Long("version") => return Ok(Request::Version),
            Long("json") => json = true,
            Short('l') | Long("lang") => {
                let tag = parser.value()?.string()?;
                // Matched as one range of an Accept-Language header, so `en-GB` finds `en`.
                match Locale::parse_lenient(&tag) {
                    Some(found) => locale = Some(found),
                    None => {
                        let tags: Vec<&str> =
                            Locale::ALL.iter().map(|locale| locale.tag()).collect();
                        return Err(UsageError(format!(
                            "unknown language {tag:?} for --lang; the table has {}",
                            tags.join(", ")
                        )));
                    }
                }
            }
            Short('s') | Long("search") => {
                let text = parser.value()?.string()?;
                if text.trim().is_empty() {
                    return Err(UsageError("--search needs some text to look for".into()));
                }
                search = Some(text);
            }
            Value(word) => words.push(word.string()?),
            _ => return Err(arg.unexpected().into()),
        }
    }
    let query = match (search, words.is_empty()) {
        (Some(_), false) => {
            return Err(UsageError(format!(
                "give either --search or a code, not both (got {:?} too)",
                words.join(" ")
            )));
        }
        (Some(text), true) => Query::Search(text),
        (None, true) => Query::All,
        (None, false) => {
            let text = words.join(" ");
            match class_digit(text.trim()) {
                Some(digit) => Query::Class(digit),
                None => Query::Code(text),
            }
        }
    };
    Ok(Request::Lookup(Lookup {
        query,
        locale,
        json,
    }))
}

/// `4xx` or `4XX` → 4.
fn class_digit(text: &str) -> Option<u8> {
    match text.as_bytes() {
        [digit @ b'1'..=b'9', x, y]
            if x.eq_ignore_ascii_case(&b'x') && y.eq_ignore_ascii_case(&b'x') =>
        {
            Some(digit - b'0')
        }
        _ => None,
    }
}

/// The text `--help` prints.
pub const USAGE: &str = "\
Look up HTTP and vendor status codes, with their messages in several languages.

Usage: status-codes [OPTIONS] [CODE | NAME | CLASS]

  status-codes 404               one code, by number
  status-codes not found         one code, by name or alias (any case)
  status-codes 4xx               the codes of a class
  status-codes --search timeout  codes whose name or texts, in any language, contain the text
  status-codes                   every code

Options:
  -l, --lang TAG      language of the texts (en, zh-CN, en-GB, zh_cn); default: from
                      LANGUAGE, LC_ALL, LC_MESSAGES or LANG, else the table's default
  -s, --search TEXT   search the names and texts of every language, ignoring case
      --json          print JSON instead of a table
  -h, --help          print this text
  -V, --version       print the version

Exit status: 0 when something was found, 1 when nothing matched, 2 for a usage error.
";

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_words(words: &[&str]) -> Result<Request, UsageError> {
        parse(words.iter().map(|word| word.into()))
    }

    fn lookup(query: Query, locale: Option<Locale>, json: bool) -> Result<Request, UsageError> {
        Ok(Request::Lookup(Lookup {
            query,
            locale,
            json,
        }))
    }

    #[test]
    fn words_become_one_query() {
        assert_eq!(
            parse_words(&["not", "found"]),
            lookup(Query::Code("not found".into()), None, false)
        );
        assert_eq!(parse_words(&[]), lookup(Query::All, None, false));
        assert_eq!(
            parse_words(&["5XX", "--json"]),
            lookup(Query::Class(5), None, true)
        );
        assert_eq!(
            parse_words(&["0xx"]),
            lookup(Query::Code("0xx".into()), None, false)
        );
    }

    #[test]
    fn options_take_values_in_either_spelling() {
        assert_eq!(
            parse_words(&["--lang=zh_cn", "404"]),
            lookup(Query::Code("404".into()), Some(Locale::ZhCn), false)
        );
        assert_eq!(
            parse_words(&["-l", "en", "-s", "Timeout"]),
            lookup(Query::Search("Timeout".into()), Some(Locale::En), false)
        );
        // A regional or script variant finds the table's locale, as in a header.
        assert_eq!(
            parse_words(&["--lang", "en-GB", "404"]),
            lookup(Query::Code("404".into()), Some(Locale::En), false)
        );
        assert_eq!(
            parse_words(&["--lang", "zh-Hans-SG", "404"]),
            lookup(Query::Code("404".into()), Some(Locale::ZhCn), false)
        );
    }

    #[test]
    fn mistakes_are_usage_errors() {
        let message = |words: &[&str]| match parse_words(words) {
            Err(UsageError(message)) => message,
            other => panic!("{words:?} gave {other:?}"),
        };
        assert_eq!(
            message(&["--lang", "fr"]),
            "unknown language \"fr\" for --lang; the table has en, zh-CN"
        );
        assert!(message(&["--lang"]).contains("missing argument"));
        assert!(message(&["--colour"]).contains("--colour"));
        assert!(message(&["--search", "x", "404"]).contains("not both"));
        assert!(message(&["--search", " "]).contains("needs some text"));
    }
}
