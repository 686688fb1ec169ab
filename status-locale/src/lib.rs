//! The locale rules of status-codes, in one place: BCP 47 tag parsing with ASCII case folding
//! ([`Parts`], [`same_subtags`]), CLDR's aliases and likely subtags ([`Parts::maximize`]),
//! parent locales ([`is_ancestor`]) and language distance ([`distance`]), over the rows one
//! table needs ([`Rules`]). The generator writes a table's [`Rules`] at build time; the runtime
//! matches with them. Nothing here allocates.
//!
//! With the `data` feature, `status_locale::data` holds CLDR's data (CLDR 48) and the IANA
//! Language Subtag Registry (the file of 2025-08-25), which `data::CLDR_VERSION` and
//! `data::REGISTRY_DATE` name, and what reads them at build time: tag canonicalization and the
//! registry's facts, maximization against all of CLDR and `data::rules_for`, which picks the
//! rows of one table. That feature needs `alloc`; without it the crate is `no_std` with no
//! allocation at all.

#![no_std]

#[cfg(feature = "data")]
extern crate alloc;

#[cfg(feature = "data")]
pub mod data;

mod directory;
mod matching;
mod rules;

pub use directory::{Reach, language_key, reach};
pub use matching::{
    Fit, Parts, Resolved, Tier, compare_folded, distance, distance_with_regions, fold_byte,
    is_ancestor, language_of, related_rows, same_language, same_subtags, written_unlike,
};
pub use rules::{
    LanguageRow, LikelyRow, ParentRow, RegionDistance, Regions, Rules, Subtags, region_key,
};
