//! The one kind of hash map the generator keeps: text to a position.
//!
//! Each `HashMap<K, V>` with a new key or value type is another copy of hashbrown's code for
//! rustc to collect and compile, some two thousand lines of LLVM IR in an unoptimized build.
//! With one map type, whose values index a vector of whatever the caller stores, that code is
//! compiled once.

use std::borrow::Cow;
use std::collections::HashMap;

/// Text, borrowed from the input where it can be, to a position in a list the caller keeps.
pub(crate) type TextIndex<'a> = HashMap<Cow<'a, str>, usize>;
