status_core::status_codes!("ui/default_locale_unused.toml");

fn main() {}
