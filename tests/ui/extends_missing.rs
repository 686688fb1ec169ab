status_core::status_codes!("ui/extends_missing.toml");

fn main() {}
