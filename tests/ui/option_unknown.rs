status_core::status_codes!("codes.toml", colour = true);

fn main() {}
