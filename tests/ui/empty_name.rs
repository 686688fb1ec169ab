status_core::status_codes!("ui/empty_name.toml");

fn main() {}
