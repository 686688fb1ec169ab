status_core::status_codes!("ui/problem_placeholder_name.toml");

fn main() {}
