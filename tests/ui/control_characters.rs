status_core::status_codes!("ui/control_characters.toml");

fn main() {}
