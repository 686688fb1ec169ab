status_core::status_codes!("ui/problem_missing_title.toml");

fn main() {}
