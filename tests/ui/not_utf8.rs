status_core::status_codes!("ui/not_utf8.toml");

fn main() {}
