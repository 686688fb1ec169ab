//! Ranking the ranges of a list against a table's tags: each (range, tag) pair's CLDR
//! distance (`status_locale`), then the ranges' weights and order.

use core::cmp::{Ordering, Reverse};

use status_locale::{
    Fit, LanguageRow, Parts, Reach, Resolved, Rules, Subtags, Tier, distance,
    distance_with_regions, is_ancestor, language_key, language_of, related_rows, same_subtags,
    written_unlike,
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
    /// A tag, as written and maximized, CLDR's rows from its language to others, and its
    /// language's entry in `Rules::by_language` if the table has it.
    Tag(&'a str, Subtags<'a>, &'a [u64], Option<u16>),
    /// `*`: any locale.
    Any,
    /// POSIX `C`: the untranslated, default locale.
    Default,
}

impl<'a> Range<'a> {
    /// A range for a tag, maximized once here so that every table tag reuses it.
    pub(crate) fn tag(parts: Parts<'a>, weight: u16, rules: &Rules<'a>) -> Range<'a> {
        Range::tag_after(parts, weight, rules, &mut None)
    }

    /// [`Range::tag`], reusing the language of the range read before when it is the same
    /// (`en-US, en`): `last` holds it, and this range's for the next.
    pub(crate) fn tag_after(
        parts: Parts<'a>,
        weight: u16,
        rules: &Rules<'a>,
        last: &mut Option<(Resolved<'a>, &'a [u64])>,
    ) -> Range<'a> {
        let (resolved, related) = match *last {
            Some(known) if known.0.reusable_for(&parts) => known,
            _ => {
                let resolved = parts.resolve(rules);
                let related = match resolved.in_table {
                    true => &[],
                    false => related_rows(resolved.language, rules),
                };
                (resolved, related)
            }
        };
        *last = Some((resolved, related));
        let (subtags, _, slot) = parts.maximize_resolved(&resolved, rules);
        let slot = slot.and_then(|slot| u16::try_from(slot).ok());
        Range {
            kind: RangeKind::Tag(parts.text, subtags, related, slot),
            weight,
        }
    }

    /// [`Range::tag_after`] for a range whose language the table's keys already placed
    /// ([`status_locale::reach`]): one of its own, or one CLDR relates to them, is resolved
    /// with no further search.
    pub(crate) fn tag_reached(
        parts: Parts<'a>,
        weight: u16,
        rules: &Rules<'a>,
        reach: Reach<'a>,
        last: &mut Option<(Resolved<'a>, &'a [u64])>,
    ) -> Range<'a> {
        let resolved = |in_table, slot| Resolved {
            written: parts.language,
            language: parts.language,
            implied_script: "",
            in_table,
            slot,
        };
        let known = match reach {
            Reach::Own(slot) => Some((resolved(true, Some(slot)), &[][..])),
            Reach::Related(rows) => Some((resolved(false, None), rows)),
            Reach::Resolve | Reach::None => None,
        };
        // `tag_after` reuses what `last` holds for a range of the same written language.
        if let Some(known) = known {
            *last = Some(known);
        }
        Range::tag_after(parts, weight, rules, last)
    }

    fn fit(
        &self,
        index: usize,
        tag: &str,
        supported: &Subtags<'_>,
        rules: &Rules<'_>,
    ) -> Option<Fit> {
        match &self.kind {
            RangeKind::Tag(text, _, _, _) if same_subtags(text, tag) => Some(Fit {
                tier: Tier::Close,
                distance: 0,
                exact: true,
            }),
            RangeKind::Tag(_, desired, related, _) => distance(desired, related, supported, rules),
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

/// The most tags [`choose`] finds by language; a bigger table is read whole.
const INDEXED_TAGS: usize = 256;

/// The table tag the ranges ask for most, if any fits with a positive weight. With the table's
/// index of tags by language (`Rules::by_language`), only the tags of the languages the ranges
/// name (or CLDR relates them to) are ranked, so the time does not grow with the table; without
/// it, each tag's language is compared with each range's first.
pub(crate) fn choose<'a>(ranges: &[Range<'a>], tags: &[&str], rules: &Rules<'_>) -> Option<usize> {
    choose_ranked(ranges, tags, rules).map(|(index, _)| index)
}

/// [`choose`], with the tier of the fit that won.
pub(crate) fn choose_ranked<'a, 't>(
    ranges: &[Range<'a>],
    tags: &[&'t str],
    rules: &Rules<'_>,
) -> Option<(usize, Tier)> {
    let precomputed = rules.supported.len() == tags.len();
    let mut winner: Option<Candidate<'_, 'a, 't>> = None;
    let mut consider = |index: usize, tag: &'t str| {
        let supported = if precomputed {
            rules.supported[index]
        } else {
            match Parts::parse(tag) {
                Some(parts) => parts.maximize(rules),
                None => return,
            }
        };
        // The tag's region sets, as the generator wrote them for the table's own tags.
        let regions = match precomputed {
            // Masked with the rows of the tag's language and script, where written.
            true => rules
                .supported_regions
                .get(index)
                .map(|&(desired, supported)| {
                    let rows = rules.supported_rows.get(index).copied().unwrap_or(u64::MAX);
                    (desired & rows, supported & rows)
                }),
            false => None,
        };
        // How a range of the tag's language alone fits it, as the generator computed.
        let bare = match precomputed {
            true => rules.bare_fits.get(index).copied(),
            false => None,
        };
        let Some((key, range)) = rank(ranges, index, tag, (&supported, regions, bare), rules)
        else {
            return;
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
    };
    let mut marked = [0u64; INDEXED_TAGS / 64];
    if precomputed && tags.len() <= INDEXED_TAGS && mark(ranges, rules, &mut marked) {
        // Set bits in ascending order: table order, which breaks full ties.
        for (word, bits) in marked.iter().enumerate() {
            let mut bits = *bits;
            while bits != 0 {
                let index = word * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                if let Some(tag) = tags.get(index) {
                    consider(index, tag);
                }
            }
        }
    } else {
        for (index, tag) in tags.iter().enumerate() {
            // Only a tag of a range's language, or of one CLDR relates it to, can fit a range
            // (or `*`, `C`): the others are passed over with a comparison of language subtags.
            let language = match precomputed {
                true => rules.supported[index].language,
                false => language_of(tag),
            };
            let key = language_key(language.as_bytes());
            let wanted = |range: &Range<'_>| match &range.kind {
                RangeKind::Tag(_, desired, related, _) => {
                    desired.language.eq_ignore_ascii_case(language)
                        || related
                            .iter()
                            .any(|&row| Some(LanguageRow::from_bits(row).supported) == key)
                }
                RangeKind::Any | RangeKind::Default => true,
            };
            if precomputed && !ranges.iter().any(wanted) {
                continue;
            }
            consider(index, tag);
        }
    }
    winner.map(|candidate| (candidate.index, candidate.key.0))
}

/// The tag a list whose first range is `first` gets, if no later range weighs more than
/// `first` or refuses anything (`q=0`): where `first` fits some tag closely, that fit ranks
/// above any other range's fit to any tag (by rule, weight and position), so ranking `first`
/// alone finds the answer, and the caller need only read the later ranges' weights. `None`
/// when `first` cannot say.
pub(crate) fn closest_to_first(
    first: &Range<'_>,
    tags: &[&str],
    rules: &Rules<'_>,
) -> Option<usize> {
    if first.weight == 0 || !matches!(first.kind, RangeKind::Tag(..)) {
        return None;
    }
    match choose_ranked(core::slice::from_ref(first), tags, rules)? {
        (index, Tier::Close) => Some(index),
        _ => None,
    }
}

/// The tag that a list whose first range is `first` gets, whatever follows, if `first` settles
/// it: a range at full weight written as one of the tags (ignoring case and `_`). That fit
/// ranks above any other range's (by rule, weight and position), and no later range can fit
/// the tag better to refuse it (`q=0`); of several tags written alike, the first wins, as in
/// [`choose`]. Tags written alike have one language, so the range's entry in
/// `Rules::by_language` holds them all.
pub(crate) fn settled(first: &Range<'_>, tags: &[&str], rules: &Rules<'_>) -> Option<usize> {
    let RangeKind::Tag(text, _, _, Some(slot)) = first.kind else {
        return None;
    };
    if first.weight != FULL_WEIGHT || rules.supported.len() != tags.len() {
        return None;
    }
    let (_, indices) = rules.by_language.get(usize::from(slot))?;
    indices
        .iter()
        .map(|&index| usize::from(index))
        .find(|&index| tags.get(index).is_some_and(|tag| same_subtags(text, tag)))
}

/// Marks the tags of the languages the ranges name or CLDR relates them to, by the table's
/// index; `false` when the index cannot say (no index, or `*` or `C`, which reach every tag).
fn mark(ranges: &[Range<'_>], rules: &Rules<'_>, marked: &mut [u64]) -> bool {
    if rules.by_language.is_empty() {
        return false;
    }
    let mut mark_slot = |slot: usize| {
        for &index in rules.by_language[slot].1 {
            let index = usize::from(index);
            if let Some(word) = marked.get_mut(index / 64) {
                *word |= 1 << (index % 64);
            }
        }
    };
    for range in ranges {
        match &range.kind {
            RangeKind::Tag(_, _, related, slot) => {
                // A language found in the index when the range was read; one that is not
                // the table's reaches tags only through its related rows.
                if let Some(slot) = slot {
                    mark_slot(usize::from(*slot));
                }
                for &row in *related {
                    if let Some(slot) = language_slot(LanguageRow::from_bits(row).supported, rules)
                    {
                        mark_slot(slot);
                    }
                }
            }
            RangeKind::Any | RangeKind::Default => return false,
        }
    }
    true
}

/// The entry of `Rules::by_language` of the language whose key is `key`: found among the
/// table's keys where the generator wrote them, else by keying its languages.
fn language_slot(key: u16, rules: &Rules<'_>) -> Option<usize> {
    match rules.language_keys.get(..rules.by_language.len()) {
        Some(own) if !rules.language_keys.is_empty() => own.binary_search(&key).ok(),
        _ => rules
            .by_language
            .binary_search_by_key(&Some(key), |(language, _)| {
                language_key(language.as_bytes())
            })
            .ok(),
    }
}

/// How the ranges rank one tag: `None` when none fits it with a positive weight, or the range
/// that fits it best refuses it (`q=0`).
fn rank<'r, 'a>(
    ranges: &'r [Range<'a>],
    index: usize,
    tag: &str,
    (supported, regions, bare): (&Subtags<'_>, Option<(u64, u64)>, Option<u8>),
    rules: &Rules<'_>,
) -> Option<(RangeKey, &'r Range<'a>)> {
    let mut closest: Option<(Fit, u16)> = None;
    let mut ranked: Option<(RangeKey, &'r Range<'a>)> = None;
    // The last distance computed, by the range's maximized subtags: a header often names one
    // locale twice (`en-us, en` are both `en-Latn-US`), and the distance, with its region
    // rows, depends on nothing else.
    let mut last: Option<(Subtags<'a>, Option<Fit>)> = None;
    for (position, range) in ranges.iter().enumerate() {
        let fit = match &range.kind {
            RangeKind::Tag(text, desired, related, slot) if !same_subtags(text, tag) => {
                match last {
                    // Most pairs are two unrelated languages, told apart before the memo is read.
                    _ if related.is_empty()
                        && !desired.language.eq_ignore_ascii_case(supported.language) =>
                    {
                        None
                    }
                    // A range of one of the table's languages, written alone (`en`), is of the
                    // tag's language here: the generator computed its fit.
                    _ if slot.is_some()
                        && bare.is_some()
                        && text.eq_ignore_ascii_case(desired.language) =>
                    {
                        let fit = bare.and_then(Fit::from_byte);
                        last = Some((*desired, fit));
                        fit
                    }
                    Some((seen, fit)) if seen.same_locale(desired) => fit,
                    _ => {
                        let fit =
                            distance_with_regions(desired, related, supported, regions, rules);
                        last = Some((*desired, fit));
                        fit
                    }
                }
            }
            _ => range.fit(index, tag, supported, rules),
        };
        let Some(fit) = fit else {
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
            if let RangeKind::Tag(text, _, _, _) = &self.range.kind {
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
            RangeKind::Tag(text, maximized, _, _) => {
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
