status_core::status_codes!("ui/missing_default_message.toml");

fn main() {}
