status_core::status_codes!("ui/wrong_types.toml");

fn main() {}
