status_core::status_codes!("ui/alias_reads_as_code.toml");

fn main() {}
