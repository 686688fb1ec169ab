status_core::status_codes!("ui/code_not_a_number.toml");

fn main() {}
