status_core::status_codes!("ui/code_out_of_range.toml");

fn main() {}
