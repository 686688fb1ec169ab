status_core::status_codes!("codes.toml"suffix);

fn main() {}
