//! Ranking the ranges of a list against a table's tags: each (range, tag) pair's CLDR
//! distance (`status_locale`), then the ranges' weights and order.

use core::cmp::{Ordering, Reverse};

use status_locale::{
    Fit, LanguageRow, Parts, Rules, Subtags, Tier, distance, is_ancestor, related_rows,
    same_subtags, written_unlike,
};

/// A weight of 1 in thousandths, as `q` values have at most three decimals.
pub(crate) const FULL_WEIGHT: u16 = 1000;

/// One language range of a list, with its weight in thousandths.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Range<'a> {
    pub(crate) kind: RangeKind<'a>,
    pub(crate) weight: u16,
}

#[derive(Clone, Copy, Debug)]
pub(crate) enum RangeKind<'a> {
    /// A tag, as written and maximized, and CLDR's rows from its language to others.
    Tag(&'a str, Subtags<'a>, &'a [LanguageRow<'a>]),
    /// `*`: any locale.
    Any,
    /// POSIX `C`: the untranslated, default locale.
    Default,
}

impl<'a> Range<'a> {
    /// A range for a tag, maximized once here so that every table tag reuses it.
    pub(crate) fn tag(parts: Parts<'a>, weight: u16, rules: &Rules<'a>) -> Range<'a> {
        Range {
            kind: {
                let (subtags, in_table) = parts.maximize_for_table(rules);
                let related = match in_table {
                    true => &[],
                    false => related_rows(subtags.language, rules),
                };
                RangeKind::Tag(parts.text, subtags, related)
            },
            weight,
        }
    }

    fn fit(
        &self,
        index: usize,
        tag: &str,
        supported: &Subtags<'_>,
        rules: &Rules<'_>,
    ) -> Option<Fit> {
        match &self.kind {
            RangeKind::Tag(text, _, _) if same_subtags(text, tag) => Some(Fit {
                tier: Tier::Close,
                distance: 0,
                exact: true,
            }),
            RangeKind::Tag(_, desired, related) => distance(desired, related, supported, rules),
            RangeKind::Any => Some(Fit {
                tier: Tier::Any,
                distance: 0,
                exact: false,
            }),
            RangeKind::Default => (index == 0).then_some(Fit {
                tier: Tier::Close,
                distance: 0,
                exact: true,
            }),
        }
    }
}

/// The order between the ranges fitting one tag, best last: rule, weight, position in the list,
/// distance, exact.
type RangeKey = (Tier, u16, Reverse<usize>, Reverse<u8>, bool);

/// The table tag the ranges ask for most, if any fits with a positive weight. Looks at each
/// (range, tag) pair once: the time is the number of ranges times the number of tags.
pub(crate) fn choose<'a>(ranges: &[Range<'a>], tags: &[&str], rules: &Rules<'_>) -> Option<usize> {
    let precomputed = rules.supported.len() == tags.len();
    let mut winner: Option<Candidate<'_, 'a, '_>> = None;
    for (index, tag) in tags.iter().enumerate() {
        let supported = if precomputed {
            rules.supported[index]
        } else {
            match Parts::parse(tag) {
                Some(parts) => parts.maximize(rules),
                None => continue,
            }
        };
        // Only a tag of a range's language, or of one CLDR relates it to, can fit a range
        // (or `*`, `C`): the others are passed over with a comparison of language subtags.
        let wanted = |range: &Range<'_>| match &range.kind {
            RangeKind::Tag(_, desired, related) => {
                let language = supported.language;
                desired.language.eq_ignore_ascii_case(language)
                    || related
                        .iter()
                        .any(|row| row.1.eq_ignore_ascii_case(language))
            }
            RangeKind::Any | RangeKind::Default => true,
        };
        if !ranges.iter().any(wanted) {
            continue;
        }
        let Some((key, range)) = rank(ranges, index, tag, &supported, rules) else {
            continue;
        };
        let candidate = Candidate {
            key,
            range,
            index,
            tag,
            ancestor: None,
        };
        let wins = match &mut winner {
            Some(best) => candidate.beats(best, rules),
            None => true,
        };
        if wins {
            winner = Some(candidate);
        }
    }
    winner.map(|candidate| candidate.index)
}

/// How the ranges rank one tag: `None` when none fits it with a positive weight, or the range
/// that fits it best refuses it (`q=0`).
fn rank<'r, 'a>(
    ranges: &'r [Range<'a>],
    index: usize,
    tag: &str,
    supported: &Subtags<'_>,
    rules: &Rules<'_>,
) -> Option<(RangeKey, &'r Range<'a>)> {
    let mut closest: Option<(Fit, u16)> = None;
    let mut ranked: Option<(RangeKey, &'r Range<'a>)> = None;
    for (position, range) in ranges.iter().enumerate() {
        let Some(fit) = range.fit(index, tag, supported, rules) else {
            continue;
        };
        // Refusing one script of Chinese says nothing about the other.
        if fit.tier == Tier::LastResort && range.weight == 0 {
            continue;
        }
        if closest.is_none_or(|(best, _)| fit.quality() > best.quality()) {
            closest = Some((fit, range.weight));
        }
        let key = (
            fit.tier,
            range.weight,
            Reverse(position),
            Reverse(fit.distance),
            fit.exact,
        );
        if range.weight > 0 && ranked.is_none_or(|(best, _)| key > best) {
            ranked = Some((key, range));
        }
    }
    match closest {
        Some((_, weight)) if weight > 0 => ranked,
        _ => None,
    }
}

/// A tag in the running, with the tie-breakers past its key computed only when a tie needs them.
struct Candidate<'r, 'a, 't> {
    key: RangeKey,
    range: &'r Range<'a>,
    index: usize,
    tag: &'t str,
    ancestor: Option<bool>,
}

impl Candidate<'_, '_, '_> {
    /// Whether this tag ranks above `best`: by key, then (at distance 0) the subtags written
    /// as the range writes them, then descent from the range, then table order (the earlier
    /// tag, `best`, wins a full tie).
    fn beats(&self, best: &mut Candidate<'_, '_, '_>, rules: &Rules<'_>) -> bool {
        match self.key.cmp(&best.key) {
            Ordering::Greater => return true,
            Ordering::Less => return false,
            Ordering::Equal => {}
        }
        // At distance 0 (the same locale once maximized), the tag that writes the same
        // subtags as the range wins, as in ICU: `af-Latn` for `af-Latn-ZA` over `af`.
        if self.key.3.0 == 0 {
            if let RangeKind::Tag(text, _, _) = &self.range.kind {
                let (mine, theirs) = (
                    written_unlike(text, self.tag),
                    written_unlike(text, best.tag),
                );
                if mine != theirs {
                    return mine < theirs;
                }
            }
        }
        let ancestor = |candidate: &Candidate<'_, '_, '_>| match &candidate.range.kind {
            RangeKind::Tag(text, maximized, _) => {
                is_ancestor(text, maximized, candidate.tag, rules)
            }
            _ => false,
        };
        let mine = ancestor(self);
        let theirs = match best.ancestor {
            Some(known) => known,
            None => {
                let known = ancestor(best);
                best.ancestor = Some(known);
                known
            }
        };
        mine && !theirs
    }
}
