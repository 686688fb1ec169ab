status_core::status_codes!("ui/variant_collision.toml");

fn main() {}
