status_core::status_codes!("ui/keyword_variant.toml");

fn main() {}
