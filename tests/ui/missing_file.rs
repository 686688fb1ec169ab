status_core::status_codes!("ui/does_not_exist.toml");

fn main() {}
