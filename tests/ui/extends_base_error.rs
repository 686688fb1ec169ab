status_core::status_codes!("ui/extends_base_error.toml");

fn main() {}
