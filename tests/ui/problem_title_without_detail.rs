status_core::status_codes!("ui/problem_title_without_detail.toml");

fn main() {}
