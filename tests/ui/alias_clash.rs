status_core::status_codes!("ui/alias_clash.toml");

fn main() {}
