status_core::status_codes!("ui/problem_about_blank.toml");

fn main() {}
