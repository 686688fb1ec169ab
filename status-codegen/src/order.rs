//! One stable sort for every list the generator orders.
//!
//! Each `sort_by_key` or `sort` on a new element type or with a new closure is a new copy of
//! the standard library's sort, some two thousand lines of LLVM IR, and an unoptimized build of
//! this crate spent a seventh of its code on eight such copies. Here the standard sort runs on
//! indices behind a `dyn` comparator, so it is compiled once; a new element type only adds the
//! small permutation loop below.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order, as `slice::sort_by` does.
pub(crate) fn sort_by<T>(items: &mut [T], compare: &dyn Fn(&T, &T) -> Ordering) {
    let order = sorted_indices(items.len(), &|a, b| compare(&items[a], &items[b]));
    permute(items, order);
}

/// Sorts `items` in their natural order, keeping equal items in their order.
pub(crate) fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, &T::cmp);
}

/// `0..len` in the stable order `compare` gives the items at those indices.
fn sorted_indices(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Moves `items[order[i]]` to `i` for every `i`, one cycle of the permutation at a time;
/// `order` marks each placed index by pointing it at itself.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = at;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_as_the_standard_stable_sort_does() {
        // Pairs compared by their first half only: a stable sort keeps each key's second
        // halves in their input order; an unstable one may not.
        let mut seed = 0x2545_f491_u32;
        for len in [0, 1, 2, 3, 7, 20, 33, 100, 257] {
            let mut items = Vec::with_capacity(len);
            for index in 0..len {
                seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                items.push(((seed >> 24) % 5, index));
            }
            let mut expected = items.clone();
            expected.sort_by_key(|item| item.0);
            sort_by(&mut items, &|a, b| a.0.cmp(&b.0));
            assert_eq!(items, expected, "{len} items");
        }
    }

    #[test]
    fn sorts_strings_in_their_natural_order() {
        let mut words = vec!["pear", "apple", "fig", "apple", "banana"];
        sort(&mut words);
        assert_eq!(words, ["apple", "apple", "banana", "fig", "pear"]);
    }
}
