status_core::status_codes!("ui/extends_cycle.toml");

fn main() {}
