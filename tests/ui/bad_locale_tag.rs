status_core::status_codes!("ui/bad_locale_tag.toml");

fn main() {}
