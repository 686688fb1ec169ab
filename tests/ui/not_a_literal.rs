status_core::status_codes!(codes_toml);

fn main() {}
