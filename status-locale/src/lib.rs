//! The locale rules of status-codes, in one place: BCP 47 tag parsing with ASCII case folding
//! ([`Parts`], [`same_subtags`]), CLDR's aliases and likely subtags ([`Parts::maximize`]),
//! parent locales ([`is_ancestor`]) and language distance ([`distance`]), over the rows one
//! table needs ([`Rules`]). The generator writes a table's [`Rules`] at build time; the runtime
//! matches with them. Nothing here allocates.

#![no_std]

mod directory;
mod matching;
mod rules;

pub use directory::{Reach, language_key, reach};
pub use matching::{
    Fit, Parts, Resolved, Tier, compare_folded, distance, distance_with_regions, is_ancestor,
    language_of, related_rows, same_subtags, written_unlike,
};
pub use rules::{LanguageRow, LikelyRow, ParentRow, RegionDistance, Regions, Rules, Subtags};
