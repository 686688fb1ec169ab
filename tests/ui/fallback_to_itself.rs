status_core::status_codes!("ui/fallback_to_itself.toml");

fn main() {}
