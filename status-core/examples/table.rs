//! Prints the shipped table in every locale: `cargo run -p status-core --example table`.
//! Pass a locale tag (`zh-CN`) to print only that locale.

use std::process::ExitCode;

status_core::status_codes!("codes.toml");

fn main() -> ExitCode {
    let only = match std::env::args().nth(1).map(|tag| tag.parse::<Locale>()) {
        None => None,
        Some(Ok(locale)) => Some(locale),
        Some(Err(error)) => {
            let tags: Vec<&str> = Locale::ALL.iter().map(|locale| locale.tag()).collect();
            eprintln!("error: {error}; the table has {}", tags.join(", "));
            return ExitCode::from(2);
        }
    };
    for &locale in Locale::ALL
        .iter()
        .filter(|&&locale| only.is_none_or(|only| only == locale))
    {
        println!("# {locale}\n");
        for code in StatusCode::ALL {
            println!("{:<36} {}", code.to_string(), code.message(locale));
        }
        println!();
    }
    ExitCode::SUCCESS
}
