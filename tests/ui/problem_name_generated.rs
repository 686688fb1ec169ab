status_core::status_codes!("ui/problem_name_generated.toml");

fn main() {}
