//! `status-codes`: look up HTTP and vendor status codes from a terminal, with their messages in
//! the table's languages; check a table as the `status_codes!` macro does; export it as a
//! documentation page. `status-codes --help` tells how.

mod args;
mod check;
mod export;
mod labels;
mod output;
mod render;
mod schema;
mod table;

use std::process::ExitCode;

use status_codegen::model::Table;

use args::{Lookup, Query, Request, TableArg};
use output::{FAILED, NEGATIVE, Report, SUCCESS, quote};

fn main() -> ExitCode {
    output::emit(&run(std::env::args_os().skip(1)))
}

/// Everything but the writing: the arguments in, what to print and the exit status out.
fn run(args: impl IntoIterator<Item = std::ffi::OsString>) -> Report {
    let request = match args::parse(args) {
        Ok(request) => request,
        Err(args::UsageError(message)) => {
            return Report::error(
                FAILED,
                &format!("{message}\n\nRun `status-codes --help` for usage."),
            );
        }
    };
    match request {
        Request::Help => Report {
            out: args::USAGE.to_owned(),
            ..Report::default()
        },
        Request::Version => Report {
            out: format!("status-codes {}\n", env!("CARGO_PKG_VERSION")),
            ..Report::default()
        },
        Request::Lookup(lookup) => self::lookup(&lookup),
        Request::Check(check) => self::check(&check.files),
        Request::Export(export) => self::export(&export),
        Request::Schema => Report {
            out: render::json(&schema::table_schema()),
            ..Report::default()
        },
    }
}

/// A table that cannot be read or has mistakes: the note on which table it is, its
/// diagnostics, and the status `status`.
fn table_errors(note: &str, errors: &str, status: u8) -> Report {
    Report {
        out: String::new(),
        err: format!("{note}{errors}\n"),
        status,
    }
}

/// What to try after nothing matched `query` in `source`: the shipped table when it has an
/// answer and was not the one read; else another table for a code number or a class (a
/// vendor's codes are in its own table), or a search of the descriptions for words.
fn miss_help(source: &TableArg, table: &Table, query: &Query) -> String {
    let again = match query {
        Query::Code(text) => quote(text.trim()),
        Query::Class(digit) => format!("{digit}xx"),
        Query::Search(text) => format!("--search {}", quote(text)),
        Query::All => return String::new(),
    };
    if *source != TableArg::Shipped {
        if let Ok(shipped) = table::load(&TableArg::Shipped) {
            let has = match query {
                Query::Code(text) => table::find(shipped, text.trim())
                    .ok()
                    .map(|code| format!("{} {}", code.code(), code.name())),
                Query::Class(digit) => {
                    (!table::class(shipped, *digit).is_empty()).then(|| format!("{digit}xx codes"))
                }
                Query::Search(text) => (!table::search(shipped, text).is_empty())
                    .then(|| "codes that mention it".to_owned()),
                Query::All => None,
            };
            if let Some(has) = has {
                return format!(
                    "help: the shipped table has {has}: run `status-codes --table {} {again}`\n",
                    args::SHIPPED
                );
            }
        }
    }
    let read = match source {
        TableArg::File(file) => quote(file),
        _ => "the shipped table".to_owned(),
    };
    match query {
        Query::Code(text) => {
            let number = text.trim().split(' ').next().unwrap_or_default();
            if number.len() != 3 || !number.bytes().all(|byte| byte.is_ascii_digit()) {
                return format!(
                    "help: to search the descriptions, run `status-codes --search {again}`\n"
                );
            }
            if table
                .codes()
                .iter()
                .any(|code| code.code().to_string() == number)
            {
                // A status line with the wrong name: the error says the right one.
                return String::new();
            }
            format!(
                "help: {number} is not in {read}; to look in another table, run `status-codes --table FILE {again}`\n"
            )
        }
        Query::Class(digit) => format!(
            "help: {read} has no {digit}xx codes; to look in another table, run `status-codes --table FILE {again}`\n"
        ),
        Query::Search(_) | Query::All => String::new(),
    }
}

/// The table a lookup or export reads, and a note for stderr when none was named and it is
/// `./codes.toml`: the answer then is not the shipped table's.
fn source(named: &TableArg) -> (TableArg, String) {
    let source = table::resolve(named);
    let note = match (named, &source) {
        (TableArg::Default, TableArg::File(file)) => format!(
            "note: reading ./{file}, the table in the current directory; `--table {}` reads the shipped one\n",
            args::SHIPPED
        ),
        _ => String::new(),
    };
    (source, note)
}

fn lookup(lookup: &Lookup) -> Report {
    let (source, source_note) = self::source(&lookup.table);
    let table = match table::load(&source) {
        Ok(table) => table,
        Err(errors) => return table_errors(&source_note, &errors, FAILED),
    };
    let (locale, note) = table::locale(table, lookup.lang.as_ref());
    let mut report = Report {
        err: source_note + &note.unwrap_or_default(),
        ..Report::default()
    };
    let codes = match &lookup.query {
        Query::Code(text) => {
            match table::find(table, text) {
                Ok(code) => {
                    report.out = if lookup.json {
                        render::json(&render::json_value(table, code, locale))
                    } else {
                        render::detail(table, code, locale)
                    };
                }
                Err(message) => {
                    // Not a code: a problem type's key, such as `out-of-credit`.
                    if let Some(problem) = table::find_problem(table, text) {
                        report.out = if lookup.json {
                            render::json(&render::problem_json(table, problem, locale))
                        } else {
                            render::problem_detail(table, problem, locale)
                        };
                        return report;
                    }
                    report.status = NEGATIVE;
                    report.err.push_str(&format!("error: {message}\n"));
                    report
                        .err
                        .push_str(&miss_help(&source, table, &lookup.query));
                }
            }
            return report;
        }
        Query::All => table.codes().iter().collect(),
        Query::Class(digit) => table::class(table, *digit),
        Query::Search(text) => table::search(table, text),
    };
    if codes.is_empty() {
        report.status = NEGATIVE;
        let message = match &lookup.query {
            Query::Class(digit) => format!("the table has no {digit}xx codes"),
            Query::Search(text) => format!("no status code mentions {}", quote(text)),
            _ => "the table has no codes".to_owned(),
        };
        report.err.push_str(&format!("error: {message}\n"));
        report
            .err
            .push_str(&miss_help(&source, table, &lookup.query));
        return report;
    }
    report.out = if lookup.json {
        let values = codes
            .iter()
            .map(|code| render::json_value(table, code, locale))
            .collect();
        render::json(&serde_json::Value::Array(values))
    } else {
        render::list(table, &codes, locale)
    };
    report
}

/// Every file is checked, even after one has mistakes, so a hook reports them all at once.
fn check(files: &[String]) -> Report {
    let mut report = Report::default();
    for file in files {
        match table::load(&TableArg::File(file.clone())) {
            Ok(table) => report.out.push_str(&check::summary(file, table)),
            Err(errors) => {
                if !report.err.is_empty() {
                    report.err.push('\n');
                }
                report.err.push_str(&errors);
                report.err.push('\n');
                report.status = NEGATIVE;
            }
        }
    }
    report
}

fn export(request: &args::Export) -> Report {
    let (source, source_note) = self::source(&request.table);
    let table = match table::load(&source) {
        Ok(table) => table,
        Err(errors) => return table_errors(&source_note, &errors, FAILED),
    };
    let (locales, labels_locale, note) = match &request.lang {
        Some(lang) => {
            let (locale, note) = table::locale(table, Some(lang));
            (vec![locale], locale, note)
        }
        // One language per document: the default, whatever the environment says, so that a
        // service's description reads the same wherever it is built.
        None if request.format == args::Format::OpenApi => (vec![0], 0, None),
        None => {
            let (labels_locale, _) = table::locale(table, None);
            ((0..table.locales().len()).collect(), labels_locale, None)
        }
    };
    let export = export::Export {
        table,
        locales,
        labels_locale,
    };
    Report {
        out: export::document(&export, request.format),
        err: source_note + &note.unwrap_or_default(),
        status: SUCCESS,
    }
}
