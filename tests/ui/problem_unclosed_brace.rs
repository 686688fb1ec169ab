status_core::status_codes!("ui/problem_unclosed_brace.toml");

fn main() {}
