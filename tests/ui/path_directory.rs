// `ui` is the directory the fixtures are copied to.
status_core::status_codes!("ui");

fn main() {}
