status_core::status_codes!("codes.toml", serde = "yes");

fn main() {}
