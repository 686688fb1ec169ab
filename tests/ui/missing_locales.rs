status_core::status_codes!("ui/missing_locales.toml");

fn main() {}
