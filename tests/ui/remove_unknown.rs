status_core::status_codes!("ui/remove_unknown.toml");

fn main() {}
