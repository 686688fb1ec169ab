status_core::status_codes!("ui/deprecated_locale_tag.toml");

fn main() {}
