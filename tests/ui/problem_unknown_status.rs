status_core::status_codes!("ui/problem_unknown_status.toml");

fn main() {}
