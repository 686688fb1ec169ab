status_core::status_codes!("ui/extends_outside.toml");

fn main() {}
