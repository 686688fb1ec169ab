status_core::status_codes!("");

fn main() {}
