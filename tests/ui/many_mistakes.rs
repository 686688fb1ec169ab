status_core::status_codes!("ui/many_mistakes.toml");

fn main() {}
