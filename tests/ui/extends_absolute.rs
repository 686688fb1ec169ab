status_core::status_codes!("ui/extends_absolute.toml");

fn main() {}
