//! The command line, read into a [`Request`]. Options take a value as `--lang zh-CN` or
//! `--lang=zh-CN` (`-l zh-CN`, `-lzh-CN`); flags take none, so `--json=1` is a mistake.

use lexopt::prelude::*;

use crate::output::quote;

/// What the user asked for.
#[derive(Debug, PartialEq)]
pub enum Request {
    /// Look codes up and print them.
    Lookup(Lookup),
    /// Check tables and print a summary of each, or their mistakes.
    Check(Check),
    /// Print a whole table as a document.
    Export(Export),
    /// Print the JSON Schema of the table format.
    Schema,
    /// Print the usage text.
    Help,
    /// Print the version.
    Version,
}

/// Where a table comes from.
#[derive(Debug, PartialEq, Clone)]
pub enum TableArg {
    /// None named: `codes.toml` in the current directory when there is one, as `check` reads,
    /// else the shipped table.
    Default,
    /// The table shipped with status-core (`--table standard`, as `extends = "standard"`).
    Shipped,
    /// A file, as given on the command line (relative to the current directory).
    File(String),
}

/// A lookup: which codes, of which table, in which language, in which format.
#[derive(Debug, PartialEq)]
pub struct Lookup {
    /// Which codes.
    pub query: Query,
    /// The table to look in.
    pub table: TableArg,
    /// The language of the texts; `None` means the environment's.
    pub lang: Option<Lang>,
    /// JSON instead of a table.
    pub json: bool,
}

/// `check [FILE]...`.
#[derive(Debug, PartialEq)]
pub struct Check {
    /// The files to check, at least one (`codes.toml` when none is named).
    pub files: Vec<String>,
}

/// `export --format FORMAT [--lang TAG] [FILE]`.
#[derive(Debug, PartialEq)]
pub struct Export {
    /// The document's format.
    pub format: Format,
    /// The table to export.
    pub table: TableArg,
    /// One language, or `None` for every language of the table side by side (for OpenAPI,
    /// the table's default).
    pub lang: Option<Lang>,
}

/// The formats `export` writes.
#[derive(Debug, PartialEq, Clone, Copy)]
pub enum Format {
    /// A Markdown page: a heading and a table per class.
    Markdown,
    /// A standalone HTML page, the same layout as Markdown.
    Html,
    /// One JSON object: the locales and every code with its texts by locale.
    Json,
    /// CSV (RFC 4180): a header row, then a row per code.
    Csv,
    /// An OpenAPI 3.1 document: the problem schema and a problem response per code.
    OpenApi,
}

/// A `--lang` value, checked for form but not yet matched against a table.
#[derive(Debug, PartialEq, Clone)]
pub enum Lang {
    /// A language tag (`zh-CN`, `zh_CN`, `en`), without any codeset or modifier it was given
    /// with (`zh_CN.UTF-8` → `zh_CN`).
    Tag(String),
    /// `C` or `POSIX`: untranslated, which is the table's default language.
    Untranslated,
}

/// Which codes to print.
#[derive(Debug, PartialEq)]
pub enum Query {
    /// Every code of the table.
    All,
    /// One code, by number or by name: `404`, `not found`, `404 Not Found`.
    Code(String),
    /// The codes of a class, by first digit: `4xx` is 4.
    Class(u8),
    /// The codes whose name or texts, in any language, contain this.
    Search(String),
}

/// A mistake on the command line, said in a sentence.
#[derive(Debug, PartialEq)]
pub struct UsageError(pub String);

/// The words that start a mode other than a lookup, when they come first.
const CHECK: &str = "check";
const EXPORT: &str = "export";
const SCHEMA: &str = "schema";

/// Options as read, before they are checked against the mode.
#[derive(Default)]
struct Options {
    words: Vec<String>,
    search: Option<String>,
    lang: Option<Lang>,
    json: bool,
    table: Option<String>,
    format: Option<Format>,
}

/// Reads the arguments (without the program name).
pub fn parse(args: impl IntoIterator<Item = std::ffi::OsString>) -> Result<Request, UsageError> {
    let mut args: Vec<std::ffi::OsString> = args.into_iter().collect();
    let mode = match args.first().and_then(|first| first.to_str()) {
        Some(CHECK) => Some(CHECK),
        Some(EXPORT) => Some(EXPORT),
        Some(SCHEMA) => Some(SCHEMA),
        _ => None,
    };
    if mode.is_some() {
        args.remove(0);
    }
    let mut parser = lexopt::Parser::from_args(args);
    let mut options = Options::default();
    while let Some(arg) = parser.next().map_err(usage)? {
        match arg {
            Short('h') | Long("help") => {
                no_value(&mut parser, "--help")?;
                return Ok(Request::Help);
            }
            Short('V') | Long("version") => {
                no_value(&mut parser, "--version")?;
                return Ok(Request::Version);
            }
            Long("json") => {
                no_value(&mut parser, "--json")?;
                options.json = true;
            }
            Short('l') | Long("lang") => {
                let value = text(parser.value().map_err(usage)?)?;
                options.lang = Some(language(&value)?);
            }
            Short('s') | Long("search") => {
                let value = text(parser.value().map_err(usage)?)?;
                if value.trim().is_empty() {
                    return Err(UsageError("--search needs some text to look for".into()));
                }
                options.search = Some(value);
            }
            Short('t') | Long("table") => {
                let value = text(parser.value().map_err(usage)?)?;
                if value.is_empty() {
                    return Err(UsageError("--table needs a file name".into()));
                }
                options.table = Some(value);
            }
            Short('f') | Long("format") => {
                let value = text(parser.value().map_err(usage)?)?;
                options.format = Some(format(&value)?);
            }
            Value(word) => options.words.push(text(word)?),
            Short(letter) => {
                return Err(UsageError(format!(
                    "unknown option {}",
                    quote(&format!("-{letter}"))
                )));
            }
            Long(name) => {
                return Err(UsageError(format!(
                    "unknown option {}",
                    quote(&format!("--{name}"))
                )));
            }
        }
    }
    match mode {
        None => lookup(options),
        Some(CHECK) => check(options),
        Some(SCHEMA) => schema(options),
        Some(_) => export(options),
    }
}

fn lookup(options: Options) -> Result<Request, UsageError> {
    if options.format.is_some() {
        return Err(UsageError(
            "--format is for `status-codes export`; a lookup prints JSON with --json".into(),
        ));
    }
    let query = match (options.search, options.words.is_empty()) {
        (Some(_), false) => {
            return Err(UsageError(format!(
                "give either --search or a code, not both (got {} too)",
                quote(&options.words.join(" "))
            )));
        }
        (Some(text), true) => Query::Search(text),
        (None, true) => Query::All,
        (None, false) => {
            let text = options.words.join(" ");
            match class_digit(text.trim()) {
                Some(digit) => Query::Class(digit),
                None => Query::Code(text),
            }
        }
    };
    Ok(Request::Lookup(Lookup {
        query,
        table: options.table.map_or(TableArg::Default, table_arg),
        lang: options.lang,
        json: options.json,
    }))
}

fn check(options: Options) -> Result<Request, UsageError> {
    not_for(options.json, "--json", CHECK)?;
    not_for(options.search.is_some(), "--search", CHECK)?;
    not_for(options.lang.is_some(), "--lang", CHECK)?;
    not_for(options.format.is_some(), "--format", CHECK)?;
    let mut files = options.words;
    files.extend(options.table);
    if files.is_empty() {
        files.push(crate::table::LOCAL.to_owned());
    }
    Ok(Request::Check(Check { files }))
}

fn export(options: Options) -> Result<Request, UsageError> {
    if options.json {
        return Err(UsageError(
            "--json is for lookups; `status-codes export` takes --format json".into(),
        ));
    }
    not_for(options.search.is_some(), "--search", EXPORT)?;
    let mut files = options.words.into_iter().chain(options.table);
    let table = files.next().map_or(TableArg::Default, table_arg);
    if let Some(extra) = files.next() {
        return Err(UsageError(format!(
            "`status-codes export` writes one table; {} is one too many",
            quote(&extra)
        )));
    }
    Ok(Request::Export(Export {
        format: options.format.unwrap_or(Format::Markdown),
        table,
        lang: options.lang,
    }))
}

/// The name of the shipped table, as `extends` spells it; a file of that name is `./standard`.
pub const SHIPPED: &str = "standard";

fn table_arg(name: String) -> TableArg {
    if name == SHIPPED {
        TableArg::Shipped
    } else {
        TableArg::File(name)
    }
}

fn schema(options: Options) -> Result<Request, UsageError> {
    not_for(options.json, "--json", SCHEMA)?;
    not_for(options.search.is_some(), "--search", SCHEMA)?;
    not_for(options.lang.is_some(), "--lang", SCHEMA)?;
    not_for(options.format.is_some(), "--format", SCHEMA)?;
    not_for(options.table.is_some(), "--table", SCHEMA)?;
    if let Some(word) = options.words.first() {
        return Err(UsageError(format!(
            "`status-codes schema` describes every table and reads none; {} is one too many",
            quote(word)
        )));
    }
    Ok(Request::Schema)
}

fn not_for(given: bool, option: &str, mode: &str) -> Result<(), UsageError> {
    if given {
        return Err(UsageError(format!(
            "{option} does not apply to `status-codes {mode}`"
        )));
    }
    Ok(())
}

/// A flag written with a value (`--json=1`) is a mistake, not a silent `true`.
fn no_value(parser: &mut lexopt::Parser, flag: &str) -> Result<(), UsageError> {
    match parser.optional_value() {
        Some(value) => Err(UsageError(format!(
            "{flag} takes no value (got {})",
            quote(&value.to_string_lossy())
        ))),
        None => Ok(()),
    }
}

/// An argument as text; names and tags are UTF-8, and so are the paths this tool reads.
fn text(value: std::ffi::OsString) -> Result<String, UsageError> {
    value.into_string().map_err(|value| {
        UsageError(format!(
            "arguments must be UTF-8 text; {} is not",
            quote(&value.to_string_lossy())
        ))
    })
}

/// A lexopt error in our words, quoting at most a bounded part of any argument.
fn usage(error: lexopt::Error) -> UsageError {
    UsageError(match error {
        lexopt::Error::MissingValue { option } => match option {
            // Always one of this tool's options: the value is asked for only after a match.
            Some(option) => format!("{option} needs a value"),
            None => "an option needs a value".to_owned(),
        },
        lexopt::Error::UnexpectedOption(option) => format!("unknown option {}", quote(&option)),
        lexopt::Error::UnexpectedArgument(value) => {
            format!("unexpected argument {}", quote(&value.to_string_lossy()))
        }
        lexopt::Error::UnexpectedValue { option, value } => format!(
            "{} takes no value (got {})",
            quote(&option),
            quote(&value.to_string_lossy())
        ),
        lexopt::Error::NonUnicodeValue(value) => format!(
            "arguments must be UTF-8 text; {} is not",
            quote(&value.to_string_lossy())
        ),
        lexopt::Error::ParsingFailed { value, .. } => {
            format!("cannot read the argument {}", quote(&value))
        }
        // Only made by the caller's own code, which makes none.
        other => quote(&other.to_string()),
    })
}

/// A `--lang` value: a language tag as in `Accept-Language` (`zh-CN`, `en`), any case, `_` for
/// `-`, or a POSIX locale name as in `LANG` (`zh_CN.UTF-8`, `sr_RS@latin`, `C`).
fn language(value: &str) -> Result<Lang, UsageError> {
    // As gettext reads a locale name: `language[_territory][.codeset][@modifier]`.
    let tag = value.split(['.', '@']).next().unwrap_or_default();
    if tag == "C" || tag == "POSIX" {
        return Ok(Lang::Untranslated);
    }
    // Read as the matching reads a range; a one-letter language (`x`, `i`) is no language.
    let parts = status_locale::Parts::parse(tag);
    if parts.is_some_and(|parts| parts.language.len() >= 2) {
        Ok(Lang::Tag(tag.to_owned()))
    } else {
        Err(UsageError(format!(
            "--lang needs a language tag such as en, zh-CN or zh_CN.UTF-8, not {}",
            quote(value)
        )))
    }
}

fn format(value: &str) -> Result<Format, UsageError> {
    match value.to_ascii_lowercase().as_str() {
        "markdown" | "md" => Ok(Format::Markdown),
        "html" => Ok(Format::Html),
        "json" => Ok(Format::Json),
        "csv" => Ok(Format::Csv),
        "openapi" => Ok(Format::OpenApi),
        _ => Err(UsageError(format!(
            "unknown format {} for --format; choose markdown, html, json, csv or openapi",
            quote(value)
        ))),
    }
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
Look up HTTP and vendor status codes, with their messages in several languages; check a table
of codes, turn it into a documentation page or an OpenAPI description of an API's errors, or
describe its format for an editor.

Usage: status-codes [OPTIONS] [CODE | NAME | CLASS | PROBLEM TYPE]
       status-codes check [FILE]...
       status-codes export [--format FORMAT] [--lang TAG] [FILE]
       status-codes schema

  status-codes 404               one code, by number
  status-codes not found         one code, by name or alias (any case)
  status-codes 4xx               the codes of a class
  status-codes --search timeout  codes whose name or texts, in any language, contain the text
  status-codes                   every code
  status-codes --table vendor.toml 499
                                 look in a table of one's own
  status-codes --table vendor.toml out-of-credit
                                 one problem type of a table, by its key
  status-codes check             check ./codes.toml (and every table it extends) as the
                                 status_codes! macro does: a summary, or every mistake
  status-codes export --format html vendor.toml > status-codes.html
                                 the table as a page: a heading and a table per class
  status-codes export --format openapi --lang zh-CN > problems.json
                                 an OpenAPI 3.1 document: RFC 9457's problem schema and a
                                 response per code, to merge into an API's description
  status-codes schema > status-codes.schema.json
                                 the JSON Schema of the table format, for editors (taplo,
                                 Even Better TOML): a table whose first line is
                                 `#:schema ./status-codes.schema.json` is checked as it is
                                 typed

Options:
  -t, --table FILE     the table to read; `standard` is the shipped table. Default:
                       ./codes.toml when there is one (said on stderr), as check reads,
                       else the shipped table
  -l, --lang TAG       language of the texts: any tag (en, zh-CN, en-GB, zh_CN.UTF-8) finds
                       the table's closest language; default: from LANGUAGE, LC_ALL,
                       LC_MESSAGES or LANG, else the table's default. For export, every
                       language side by side when not given
  -s, --search TEXT    search the names and texts of every language, ignoring case
      --json           print JSON instead of a table
  -f, --format FORMAT  export as markdown (default), html, json, csv or openapi (the
                       problem responses of an API, one per code, in one language: --lang,
                       else the table's default)
  -h, --help           print this text
  -V, --version        print the version

Exit status: 0 when something was found (for check: every table is good); 1 when nothing
matched (for check: a table has mistakes); 2 when the command could not do its work: a usage
mistake, a table that cannot be read, output that cannot be written. A closed pipe
(`status-codes | head -1`) ends the output quietly with the status the run had.
";

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_words(words: &[&str]) -> Result<Request, UsageError> {
        parse(words.iter().map(|word| word.into()))
    }

    fn lookup(query: Query, lang: Option<&str>, json: bool) -> Result<Request, UsageError> {
        Ok(Request::Lookup(Lookup {
            query,
            table: TableArg::Default,
            lang: lang.map(|tag| Lang::Tag(tag.into())),
            json,
        }))
    }

    fn message(words: &[&str]) -> String {
        match parse_words(words) {
            Err(UsageError(message)) => message,
            other => panic!("{words:?} gave {other:?}"),
        }
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
        for words in [
            &["--lang=zh-CN", "404"][..],
            &["--lang", "zh-CN", "404"],
            &["-l", "zh-CN", "404"],
            &["-lzh-CN", "404"],
        ] {
            assert_eq!(
                parse_words(words),
                lookup(Query::Code("404".into()), Some("zh-CN"), false),
                "{words:?}"
            );
        }
        assert_eq!(
            parse_words(&["-t", "standard", "499"]),
            Ok(Request::Lookup(Lookup {
                query: Query::Code("499".into()),
                table: TableArg::Shipped,
                lang: None,
                json: false,
            }))
        );
        assert_eq!(
            parse_words(&["--table=a b.toml", "499"]),
            Ok(Request::Lookup(Lookup {
                query: Query::Code("499".into()),
                table: TableArg::File("a b.toml".into()),
                lang: None,
                json: false,
            }))
        );
    }

    #[test]
    fn lang_takes_tags_and_the_environments_locale_names() {
        let lang = |value: &str| language(value);
        assert_eq!(lang("zh_CN.UTF-8"), Ok(Lang::Tag("zh_CN".into())));
        assert_eq!(lang("sr_RS@latin"), Ok(Lang::Tag("sr_RS".into())));
        assert_eq!(lang("zh-Hant-TW"), Ok(Lang::Tag("zh-Hant-TW".into())));
        assert_eq!(lang("es-419"), Ok(Lang::Tag("es-419".into())));
        assert_eq!(lang("C"), Ok(Lang::Untranslated));
        assert_eq!(lang("POSIX"), Ok(Lang::Untranslated));
        assert_eq!(lang("C.UTF-8"), Ok(Lang::Untranslated));
        for bad in ["", "zh CN", "1x", "zh--CN", "zh-", "toolongtag", "ζ", "*"] {
            assert!(
                lang(bad)
                    .unwrap_err()
                    .0
                    .starts_with("--lang needs a language tag"),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn flags_take_no_value() {
        assert_eq!(message(&["--json=1"]), "--json takes no value (got \"1\")");
        assert_eq!(message(&["--help=x"]), "--help takes no value (got \"x\")");
        assert_eq!(
            message(&["--version="]),
            "--version takes no value (got \"\")"
        );
    }

    #[test]
    fn modes_take_their_own_options() {
        assert_eq!(
            parse_words(&["check"]),
            Ok(Request::Check(Check {
                files: vec!["codes.toml".into()]
            }))
        );
        assert_eq!(
            parse_words(&["check", "a.toml", "b.toml"]),
            Ok(Request::Check(Check {
                files: vec!["a.toml".into(), "b.toml".into()]
            }))
        );
        assert_eq!(
            parse_words(&["export", "--format", "OpenAPI"]),
            Ok(Request::Export(Export {
                format: Format::OpenApi,
                table: TableArg::Default,
                lang: None,
            }))
        );
        assert_eq!(
            parse_words(&["export", "--format=CSV", "-l", "zh_CN.UTF-8", "v.toml"]),
            Ok(Request::Export(Export {
                format: Format::Csv,
                table: TableArg::File("v.toml".into()),
                lang: Some(Lang::Tag("zh_CN".into())),
            }))
        );
        assert_eq!(
            parse_words(&["export"]),
            Ok(Request::Export(Export {
                format: Format::Markdown,
                table: TableArg::Default,
                lang: None,
            }))
        );
        assert_eq!(
            parse_words(&["export", "standard"]),
            Ok(Request::Export(Export {
                format: Format::Markdown,
                table: TableArg::Shipped,
                lang: None,
            }))
        );
        // Only the first word starts a mode.
        assert_eq!(
            parse_words(&["--json", "check"]),
            lookup(Query::Code("check".into()), None, true)
        );
        assert!(message(&["check", "--lang", "en"]).contains("does not apply"));
        assert!(message(&["export", "--json"]).contains("takes --format json"));
        assert!(message(&["export", "a.toml", "b.toml"]).contains("one too many"));
        assert!(message(&["export", "--format", "pdf"]).starts_with("unknown format \"pdf\""));
        assert!(message(&["404", "--format", "csv"]).contains("--json"));
        assert_eq!(parse_words(&["schema"]), Ok(Request::Schema));
        assert!(message(&["schema", "codes.toml"]).contains("reads none"));
        assert!(message(&["schema", "--table", "codes.toml"]).contains("does not apply"));
        assert!(message(&["schema", "--lang", "en"]).contains("does not apply"));
    }

    #[test]
    fn mistakes_are_usage_errors() {
        assert!(message(&["--lang"]).contains("needs a value"));
        assert_eq!(message(&["--colour"]), "unknown option \"--colour\"");
        assert_eq!(message(&["-x"]), "unknown option \"-x\"");
        assert!(message(&["--search", "x", "404"]).contains("not both"));
        assert!(message(&["--search", " "]).contains("needs some text"));
    }

    #[test]
    fn a_huge_argument_is_quoted_in_part() {
        let huge = "x".repeat(1 << 20);
        for words in [
            vec![format!("--{huge}")],
            vec!["--lang".into(), huge.clone()],
            vec!["--json=".to_owned() + &huge],
            vec!["--search".into(), "a".into(), huge.clone()],
            vec!["export".into(), "a".into(), huge.clone()],
        ] {
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            let text = message(&words);
            assert!(text.len() < 300, "{} bytes", text.len());
            assert!(text.contains(" more characters)"), "{text}");
        }
    }
}
