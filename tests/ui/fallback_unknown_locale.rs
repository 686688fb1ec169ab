status_core::status_codes!("ui/fallback_unknown_locale.toml");

fn main() {}
