status_core::status_codes!("ui/problem_placeholder_extra.toml");

fn main() {}
