status_core::status_codes!("ui/alias_looks_alike.toml");

fn main() {}
