status_core::status_codes!("ui/fallback_cycle.toml");

fn main() {}
