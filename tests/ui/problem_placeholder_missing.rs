status_core::status_codes!("ui/problem_placeholder_missing.toml");

fn main() {}
