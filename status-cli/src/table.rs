//! The table the tool looks codes up in: the shipped one.

pub use status_core::standard::{Locale, StatusCode};
