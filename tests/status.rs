// src/status.rs
status_core::status_codes!("codes.toml");   // relative to your crate's Cargo.toml
