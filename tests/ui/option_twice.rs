status_core::status_codes!("codes.toml", serde = true, serde = false);

fn main() {}
