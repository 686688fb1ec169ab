//! `status-codes`: look up HTTP and vendor status codes from a terminal, with their messages in
//! the table's languages; check a table as the `status_codes!` macro does; export it as a
//! documentation page. `status-codes --help` tells how.

mod args;
mod check;
mod export;
mod labels;
mod output;
mod render;
mod table;

use std::process::ExitCode;

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
    }
}

/// A table that cannot be read or has mistakes: its diagnostics, and the status `status`.
fn table_errors(errors: &str, status: u8) -> Report {
    Report {
        out: String::new(),
        err: format!("{errors}\n"),
        status,
    }
}

fn lookup(lookup: &Lookup) -> Report {
    let table = match table::load(&lookup.table) {
        Ok(table) => table,
        Err(errors) => return table_errors(&errors, FAILED),
    };
    let (locale, note) = table::locale(table, lookup.lang.as_ref());
    let mut report = Report {
        err: note.unwrap_or_default(),
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
                    report.status = NEGATIVE;
                    report.err.push_str(&format!(
                        "error: {message}\nhelp: to search the descriptions, run `status-codes --search {}`\n",
                        quote(text.trim())
                    ));
                }
            }
            return report;
        }
        Query::All => table.codes.iter().collect(),
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
        return report;
    }
    report.out = if lookup.json {
        let values = codes
            .iter()
            .map(|code| render::json_value(table, code, locale))
            .collect();
        render::json(&serde_json::Value::Array(values))
    } else {
        render::list(&codes, locale)
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
    let table = match table::load(&request.table) {
        Ok(table) => table,
        Err(errors) => return table_errors(&errors, FAILED),
    };
    let (locales, labels_locale, note) = match &request.lang {
        Some(lang) => {
            let (locale, note) = table::locale(table, Some(lang));
            (vec![locale], locale, note)
        }
        None => {
            let (labels_locale, _) = table::locale(table, None);
            ((0..table.locales.len()).collect(), labels_locale, None)
        }
    };
    let export = export::Export {
        table,
        locales,
        labels_locale,
    };
    Report {
        out: export::document(&export, request.format),
        err: note.unwrap_or_default(),
        status: SUCCESS,
    }
}
