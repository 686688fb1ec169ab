status_core::status_codes!("ui/problem_name_clash.toml");

fn main() {}
