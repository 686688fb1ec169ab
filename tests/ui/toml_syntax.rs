status_core::status_codes!("ui/toml_syntax.toml");

fn main() {}
