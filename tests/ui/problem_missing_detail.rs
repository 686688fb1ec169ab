status_core::status_codes!("ui/problem_missing_detail.toml");

fn main() {}
