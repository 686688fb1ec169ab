status_core::status_codes!("ui/dotted_key_too_long.toml");

fn main() {}
