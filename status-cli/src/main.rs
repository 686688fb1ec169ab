//! `status-codes`: look up HTTP and vendor status codes from a terminal, with their messages in
//! the table's languages. `status-codes --help` tells how.

mod args;
mod render;
mod table;

use std::io::Write as _;
use std::process::ExitCode;

use args::{Lookup, Query, Request};
use table::{Locale, StatusCode};

fn main() -> ExitCode {
    let request = match args::parse(std::env::args_os().skip(1)) {
        Ok(request) => request,
        Err(args::UsageError(message)) => {
            eprintln!("error: {message}\n\nRun `status-codes --help` for usage.");
            return ExitCode::from(2);
        }
    };
    let output = match request {
        Request::Help => Ok(args::USAGE.to_owned()),
        Request::Version => Ok(format!("status-codes {}\n", env!("CARGO_PKG_VERSION"))),
        Request::Lookup(lookup) => run(lookup),
    };
    match output {
        Ok(text) => {
            // A closed pipe (`status-codes | head -1`) is not an error worth a message.
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
            ExitCode::SUCCESS
        }
        Err(NotFound(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(1)
        }
    }
}

/// Nothing matched the query; the message says what was looked for.
struct NotFound(String);

/// The text to print for a lookup.
fn run(lookup: Lookup) -> Result<String, NotFound> {
    let locale = lookup.locale.unwrap_or_else(Locale::from_env);
    let codes: Vec<StatusCode> = match &lookup.query {
        Query::Code(text) => {
            let code = text.trim().parse::<StatusCode>().map_err(|_| {
                NotFound(format!(
                    "no status code matches {text:?}\nhelp: to search the descriptions, run `status-codes --search {:?}`",
                    text.trim()
                ))
            })?;
            return Ok(if lookup.json {
                render::json(&render::json_value(code, locale))
            } else {
                render::detail(code, locale)
            });
        }
        Query::All => StatusCode::ALL.to_vec(),
        Query::Class(digit) => StatusCode::ALL
            .iter()
            .copied()
            .filter(|code| code.code() / 100 == u16::from(*digit))
            .collect(),
        Query::Search(text) => search(text),
    };
    if codes.is_empty() {
        return Err(NotFound(match &lookup.query {
            Query::Class(digit) => format!("the table has no {digit}xx codes"),
            Query::Search(text) => format!("no status code mentions {text:?}"),
            _ => "the table has no codes".to_owned(),
        }));
    }
    Ok(if lookup.json {
        let values = codes
            .iter()
            .map(|code| render::json_value(*code, locale))
            .collect();
        render::json(&serde_json::Value::Array(values))
    } else {
        render::list(&codes, locale)
    })
}

/// The codes whose reason phrase, aliases, messages, scenarios or notes in any language
/// contain `text`, ignoring case.
fn search(text: &str) -> Vec<StatusCode> {
    let needle = text.trim().to_lowercase();
    StatusCode::ALL
        .iter()
        .copied()
        .filter(|code| {
            let texts = Locale::ALL.iter().flat_map(|&locale| {
                [
                    Some(code.message(locale)),
                    code.scenario(locale),
                    code.note(locale),
                ]
            });
            std::iter::once(code.reason())
                .chain(code.aliases().iter().copied())
                .chain(texts.flatten())
                .any(|haystack| haystack.to_lowercase().contains(&needle))
        })
        .collect()
}
