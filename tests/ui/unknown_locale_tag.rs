status_core::status_codes!("ui/unknown_locale_tag.toml");

fn main() {}
