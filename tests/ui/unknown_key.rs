status_core::status_codes!("ui/unknown_key.toml");

fn main() {}
