//! Searching the generated tables. They are text, not arrays: a `&[(&str, &str)]` of a few
//! thousand rows is a few thousand constants for rustc to type-check, borrow-check and encode,
//! about a tenth of the generator's compile time, where one string literal costs almost nothing.

use core::cmp::Ordering;

/// The first record of `records` whose first field is `key`: records are separated by
/// `separator`, their fields by single spaces, and they are sorted by their first field.
pub(crate) fn find(records: &'static str, separator: u8, key: &str) -> Option<&'static str> {
    find_at(records, separator, key).map(|(start, end)| &records[start..end])
}

/// The rows (separated by `\n`) whose first field is `language` or starts with `language-`:
/// one language's rows of a table sorted by tag, which follow each other since `-` sorts before
/// every letter and digit.
pub(crate) fn of_language(
    rows: &'static str,
    language: &str,
) -> impl Iterator<Item = &'static str> + use<> {
    // The row of the language alone comes first; without it there are none.
    let (start, key) = match find_at(rows, b'\n', language) {
        Some((start, end)) => (start, &rows[start..end.min(start + language.len())]),
        None => (rows.len(), ""),
    };
    rows[start..].lines().take_while(move |row| {
        let first = row.split_once(' ').map_or(*row, |(first, _)| first);
        first == key
            || first
                .strip_prefix(key)
                .is_some_and(|rest| rest.starts_with('-'))
    })
}

/// Where the first record whose first field is `key` starts and ends.
fn find_at(records: &'static str, separator: u8, key: &str) -> Option<(usize, usize)> {
    let bytes = records.as_bytes();
    // `low..high` holds whole records: `low` is where one starts, `high` where one ends.
    let (mut low, mut high) = (0, bytes.len());
    let mut found = None;
    while low < high {
        let middle = low + (high - low) / 2;
        let mut start = middle;
        while start > low && bytes[start - 1] != separator {
            start -= 1;
        }
        let mut end = middle;
        while end < high && bytes[end] != separator {
            end += 1;
        }
        let record = &records[start..end];
        let first = record.split_once(' ').map_or(record, |(first, _)| first);
        match first.cmp(key) {
            Ordering::Less => low = end + 1,
            // An earlier record may have the same key: look on to the left.
            Ordering::Equal | Ordering::Greater => {
                if first == key {
                    found = Some((start, end));
                }
                high = start.saturating_sub(1);
            }
        }
    }
    found
}

/// The first `N` fields of a record, if it has that many.
pub(crate) fn fields<const N: usize>(record: &'static str) -> Option<[&'static str; N]> {
    let mut fields = record.split(' ');
    let mut first = [""; N];
    for field in &mut first {
        *field = fields.next()?;
    }
    Some(first)
}

#[cfg(test)]
mod tests {
    use alloc::vec::Vec;

    use super::*;

    #[test]
    fn finds_each_record_and_nothing_between() {
        let words = "b dd f gg h";
        for word in words.split(' ') {
            assert_eq!(find(words, b' ', word), Some(word));
        }
        for absent in ["", "a", "c", "d", "ddd", "e", "g", "ggg", "i"] {
            assert_eq!(find(words, b' ', absent), None, "{absent}");
        }
        let rows = "a 1\nc 2 x\ne 3";
        assert_eq!(find(rows, b'\n', "c"), Some("c 2 x"));
        assert_eq!(find(rows, b'\n', "e"), Some("e 3"));
        assert_eq!(find(rows, b'\n', "b"), None);
        assert_eq!(find("", b'\n', "a"), None);
    }

    #[test]
    fn finds_the_first_of_equal_keys() {
        let rows = "a 1\nb 1\nb 2\nb 3\nc 1";
        assert_eq!(find(rows, b'\n', "b"), Some("b 1"));
        let rows = "b 1\nb 2\nb 3\nb 4\nb 5\nb 6\nb 7";
        assert_eq!(find(rows, b'\n', "b"), Some("b 1"));
    }

    #[test]
    fn finds_the_rows_of_one_language() {
        let rows = "en 1\nen-gb 2\nen-us 3\nena 4\nes 5";
        let en: Vec<&str> = of_language(rows, "en").collect();
        assert_eq!(en, ["en 1", "en-gb 2", "en-us 3"]);
        assert_eq!(of_language(rows, "es").collect::<Vec<_>>(), ["es 5"]);
        assert_eq!(of_language(rows, "e").count(), 0);
        assert_eq!(of_language(rows, "fr").count(), 0);
    }

    #[test]
    fn splits_fields() {
        assert_eq!(fields("en fr 4 true"), Some(["en", "fr", "4", "true"]));
        assert_eq!(fields("en fr 4"), Some(["en", "fr"]));
        assert_eq!(fields::<3>("en fr"), None);
    }
}
