status_core::status_codes!("ui/fallback_of_default.toml");

fn main() {}
