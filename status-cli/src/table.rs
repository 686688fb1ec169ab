//! The table the tool looks codes up in: the shipped one.

status_core::status_codes!("codes.toml");
