status_core::status_codes!("ui/duplicate_code.toml");

fn main() {}
