status_core::status_codes!("ui/problem_unopened_brace.toml");

fn main() {}
