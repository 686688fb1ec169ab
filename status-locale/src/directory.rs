//! Every language a table answers to, as numbers the generator writes
//! ([`Rules::language_keys`]): a range's language is found among the table's own and their
//! aliases by searching small integers, and a language the table cannot reach at all is known
//! from its subtag alone, before the rest of the range is read.

use crate::rules::Rules;

/// A language subtag of one to three ASCII letters as a number, five bits a letter from the
/// first (`a` is 1, any case) and 0 for a letter absent, so that keys sort as the subtags do
/// folded: `en` < `eng` < `es`. `None` for anything else (`und` has a key; `*` and `zh-TW` have
/// none).
#[inline]
pub const fn language_key(language: &[u8]) -> Option<u16> {
    if language.is_empty() || language.len() > 3 {
        return None;
    }
    let mut key = 0u16;
    let mut index = 0;
    while index < 3 {
        key <<= 5;
        if index < language.len() {
            let letter = language[index].to_ascii_lowercase();
            if !letter.is_ascii_lowercase() {
                return None;
            }
            key |= (letter - b'a' + 1) as u16;
        }
        index += 1;
    }
    Some(key)
}

/// The key of `und`, whose ranges are read by their region or script (`und-FR`).
const UNDETERMINED: Option<u16> = language_key(b"und");
/// The key of `i`, whose legacy tags are aliases as a whole (`i-klingon`).
const LEGACY: Option<u16> = language_key(b"i");

/// How a range's language reaches a table, by [`Rules::language_keys`].
#[derive(Clone, Copy, Debug)]
pub enum Reach<'a> {
    /// One of the table's languages: its entry in [`Rules::by_language`].
    Own(usize),
    /// An alias, or a language read by more than its subtag (`und`, `i-`): resolved in full
    /// ([`Parts::resolve`](crate::Parts::resolve)).
    Resolve,
    /// A language CLDR relates to the table's: its rows in [`Rules::languages`].
    Related(&'a [u64]),
    /// No tag of the table can fit a range of this language.
    None,
}

/// How the language subtag `language` (letters, any case) reaches the table of `rules`; `None`
/// (the Rust one) when the rules carry no keys, and every range must be read in full. Every
/// language of a table with keys has one, so a subtag with none (longer than three letters)
/// reaches nothing. The rows found for a related language are
/// [`related_rows`](crate::related_rows)'s.
#[inline]
pub fn reach<'r>(language: &str, rules: &Rules<'r>) -> Option<Reach<'r>> {
    let keys = rules.language_keys;
    let (own, aliases) = keys.split_at_checked(rules.by_language.len())?;
    if keys.is_empty() || aliases.len() != rules.aliases.len() {
        return None;
    }
    let Some(key) = language_key(language.as_bytes()) else {
        return Some(Reach::None);
    };
    if key == UNDETERMINED.unwrap_or(0) || key == LEGACY.unwrap_or(0) {
        return Some(Reach::Resolve);
    }
    if let Ok(slot) = own.binary_search(&key) {
        return Some(Reach::Own(slot));
    }
    if aliases.binary_search(&key).is_ok() {
        return Some(Reach::Resolve);
    }
    Some(match rows_of_key(key, rules) {
        [] => Reach::None,
        rows => Reach::Related(rows),
    })
}

/// The rows of [`Rules::languages`] from the language whose key is `key`: they sort first by
/// it, in the high bits.
#[inline]
pub(crate) fn rows_of_key<'r>(key: u16, rules: &Rules<'r>) -> &'r [u64] {
    let rows = rules.languages;
    let key = u64::from(key);
    let first = rows.partition_point(|&row| row >> 48 < key);
    let end = first
        + rows[first..]
            .iter()
            .take_while(|&&row| row >> 48 == key)
            .count();
    &rows[first..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_sort_as_the_subtags_do() {
        let sorted = [
            "a", "af", "ak", "en", "eng", "es", "i", "ia", "z", "zh", "zu", "zza",
        ];
        let keys: [Option<u16>; 12] = sorted.map(|language| language_key(language.as_bytes()));
        assert!(keys.iter().all(Option::is_some));
        assert!(keys.windows(2).all(|pair| pair[0] < pair[1]), "{keys:?}");
        assert_eq!(language_key(b"EN"), language_key(b"en"));
        for other in ["", "engl", "e1", "*", "zh-", "é"] {
            assert_eq!(language_key(other.as_bytes()), None, "{other:?}");
        }
    }
}
