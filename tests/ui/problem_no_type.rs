status_core::status_codes!("ui/problem_no_type.toml");

fn main() {}
