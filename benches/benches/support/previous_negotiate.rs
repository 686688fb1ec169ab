//! `negotiate` as it was before CLDR matching (status-core at commit 550aa02), kept here only so
//! that the bench times the old and the new matcher side by side in one run.

#![allow(dead_code)]

/// A weight of 1 in thousandths, as `q` values have at most three decimals.
const FULL_WEIGHT: u16 = 1000;

/// How well a range fits a tag; higher is better. [`same_script_rank`] gives 10 and up.
const RANK_ANY: u16 = 1;
const RANK_CROSS_SCRIPT: u16 = 2;
const RANK_SAME_SCRIPT: u16 = 10;
const RANK_EXACT: u16 = 1000;

/// Picks the locale an `Accept-Language` header (RFC 9110, section 12.5.4) asks for.
///
/// `supported` holds the table's tags, the default first; the result is an index into it, `0`
/// when nothing fits. Ranges that are not well formed, and weights that are not RFC 9110
/// `qvalue`s (`q=abc`, `q=2`, `q=.5`), drop just their own list element. The rules are in the
/// [module documentation](self).
///
pub(crate) fn negotiate(accept_language: &str, supported: &[&str]) -> usize {
    // Matching walks the ranges several times per supported tag; parsing a real header once
    // onto the stack makes those walks cheap. A longer list is re-parsed on each walk instead,
    // still without allocating.
    const ON_STACK: usize = 16;
    let mut parsed = [None; ON_STACK];
    let mut count = 0;
    for range in (AcceptLanguage {
        rest: accept_language,
    }) {
        let Some(slot) = parsed.get_mut(count) else {
            let all = AcceptLanguage {
                rest: accept_language,
            };
            return best(all, supported);
        };
        *slot = Some(range);
        count += 1;
    }
    best(parsed[..count].iter().flatten().copied(), supported)
}

/// The subtags matching looks at. Borrowed from the input: parsing allocates nothing.
#[derive(Clone, Copy, Debug)]
struct Parts<'a> {
    text: &'a str,
    language: &'a str,
    script: Option<&'a str>,
    region: Option<&'a str>,
    /// Variants and extensions, as written (`1996`, `u-co-pinyin`), or `""`.
    rest: &'a str,
}

impl<'a> Parts<'a> {
    /// Parses `language[-Script][-REGION][-rest]` with `-` or `_`. Every subtag must be 1 to 8
    /// ASCII letters or digits, the first letters only; anything else is `None`.
    fn parse(text: &'a str) -> Option<Parts<'a>> {
        let well_formed = text.split(['-', '_']).enumerate().all(|(index, subtag)| {
            (1..=8).contains(&subtag.len())
                && subtag
                    .bytes()
                    .all(|byte| byte.is_ascii_alphabetic() || (index > 0 && byte.is_ascii_digit()))
        });
        if !well_formed {
            return None;
        }
        let mut parts = Parts {
            text,
            language: text,
            script: None,
            region: None,
            rest: "",
        };
        let mut offset = 0;
        for (index, subtag) in text.split(['-', '_']).enumerate() {
            let alphabetic = subtag.bytes().all(|byte| byte.is_ascii_alphabetic());
            let numeric = subtag.bytes().all(|byte| byte.is_ascii_digit());
            match index {
                0 => parts.language = subtag,
                1 if subtag.len() == 4 && alphabetic => parts.script = Some(subtag),
                1 | 2
                    if parts.region.is_none()
                        && (index == 1 || parts.script.is_some())
                        && ((subtag.len() == 2 && alphabetic)
                            || (subtag.len() == 3 && numeric)) =>
                {
                    parts.region = Some(subtag)
                }
                _ => {
                    parts.rest = &text[offset..];
                    break;
                }
            }
            offset += subtag.len() + 1;
        }
        Some(parts)
    }

    fn is_chinese(&self) -> bool {
        self.language.eq_ignore_ascii_case("zh")
    }

    /// The written script, or for Chinese the one its region implies.
    fn script(&self) -> Option<&'a str> {
        if self.script.is_some() || !self.is_chinese() {
            return self.script;
        }
        let traditional = self.region.is_some_and(|region| {
            ["TW", "HK", "MO"]
                .iter()
                .any(|t| t.eq_ignore_ascii_case(region))
        });
        Some(if traditional { "Hant" } else { "Hans" })
    }

    /// The region a tag without one most likely means (CLDR likely subtags), where it matters.
    fn likely_region(&self) -> Option<&'static str> {
        if self.region.is_some() || !self.is_chinese() {
            return None;
        }
        match self.script() {
            Some(script) if script.eq_ignore_ascii_case("Hant") => Some("TW"),
            Some(script) if script.eq_ignore_ascii_case("Hans") => Some("CN"),
            _ => None,
        }
    }
}

/// How well `range` fits the supported tag `tag`, if at all.
fn rank(range: &Parts<'_>, tag: &Parts<'_>) -> Option<u16> {
    if same_subtags(range.text, tag.text) {
        return Some(RANK_EXACT);
    }
    if !range.language.eq_ignore_ascii_case(tag.language) {
        return None;
    }
    match (range.script(), tag.script()) {
        (Some(wanted), Some(offered)) if !wanted.eq_ignore_ascii_case(offered) => {
            let chinese_scripts = |script: &str| {
                script.eq_ignore_ascii_case("Hans") || script.eq_ignore_ascii_case("Hant")
            };
            (range.is_chinese() && chinese_scripts(wanted) && chinese_scripts(offered))
                .then_some(RANK_CROSS_SCRIPT)
        }
        _ => Some(same_script_rank(range, tag)),
    }
}

/// Within one language and script: the range's own region, then a region-free tag, then any.
fn same_script_rank(range: &Parts<'_>, tag: &Parts<'_>) -> u16 {
    let region = match (range.region, tag.region) {
        (Some(wanted), Some(offered)) if wanted.eq_ignore_ascii_case(offered) => 4,
        (None, Some(offered))
            if range
                .likely_region()
                .is_some_and(|likely| likely.eq_ignore_ascii_case(offered)) =>
        {
            3
        }
        (_, None) => 2,
        // CLDR's parent of zh-Hant-MO is zh-Hant-HK.
        (Some(wanted), Some(offered))
            if range.is_chinese()
                && wanted.eq_ignore_ascii_case("MO")
                && offered.eq_ignore_ascii_case("HK") =>
        {
            1
        }
        _ => 0,
    };
    let rest = if tag.rest.is_empty() {
        1
    } else if same_subtags(range.rest, tag.rest) {
        2
    } else {
        0
    };
    RANK_SAME_SCRIPT + region * 10 + rest
}

/// Two tags are the same ignoring ASCII case, with `_` read as `-`.
fn same_subtags(a: &str, b: &str) -> bool {
    let fold = |byte: &u8| match byte {
        b'_' => b'-',
        byte => byte.to_ascii_lowercase(),
    };
    a.len() == b.len()
        && a.as_bytes()
            .iter()
            .map(fold)
            .eq(b.as_bytes().iter().map(fold))
}

/// One element of a list of language ranges, with its weight in thousandths.
#[derive(Clone, Copy, Debug)]
struct Range<'a> {
    kind: RangeKind<'a>,
    weight: u16,
}

#[derive(Clone, Copy, Debug)]
enum RangeKind<'a> {
    Tag(Parts<'a>),
    /// `*`: any locale.
    Any,
}

impl Range<'_> {
    fn rank(&self, _index: usize, tag: &Parts<'_>) -> Option<u16> {
        match &self.kind {
            RangeKind::Tag(range) => rank(range, tag),
            RangeKind::Any => Some(RANK_ANY),
        }
    }
}

/// Which rule of the module documentation a rank belongs to: same script, other script, `*`.
fn tier(rank: u16) -> u16 {
    rank.min(RANK_SAME_SCRIPT)
}

fn best<'a>(ranges: impl Iterator<Item = Range<'a>> + Clone, supported: &[&str]) -> usize {
    choose(ranges, supported).unwrap_or(0)
}

/// The supported tag the ranges ask for most. Walks the list twice per supported tag, so the
/// time is linear in the length of the list and nothing needs storing.
fn choose<'a>(
    ranges: impl Iterator<Item = Range<'a>> + Clone,
    supported: &[&str],
) -> Option<usize> {
    type Key = (u16, u16, core::cmp::Reverse<usize>, u16);
    let mut winner: Option<(Key, usize)> = None;
    for (index, tag) in supported.iter().enumerate() {
        let Some(tag) = Parts::parse(tag) else {
            continue;
        };
        // The range that fits this tag best gives it its weight; the first one on ties.
        let mut fit: Option<(u16, u16)> = None;
        for range in ranges.clone() {
            match range.rank(index, &tag) {
                // Refusing one script of Chinese says nothing about the other.
                Some(RANK_CROSS_SCRIPT) if range.weight == 0 => {}
                Some(rank) if fit.is_none_or(|(best, _)| rank > best) => {
                    fit = Some((rank, range.weight));
                }
                _ => {}
            }
        }
        let Some((rank, weight)) = fit else {
            continue;
        };
        if weight == 0 {
            continue;
        }
        // Between tags, the first range giving this weight in this tier decides the order.
        let first = ranges.clone().enumerate().find_map(|(position, range)| {
            let first_rank = range.rank(index, &tag)?;
            (tier(first_rank) == tier(rank) && range.weight == weight)
                .then_some((position, first_rank))
        });
        let Some((position, first_rank)) = first else {
            continue;
        };
        let key = (tier(rank), weight, core::cmp::Reverse(position), first_rank);
        if winner.is_none_or(|(best, _)| key > best) {
            winner = Some((key, index));
        }
    }
    winner.map(|(_, index)| index)
}

/// The elements of an `Accept-Language` header that are well formed, in order.
#[derive(Clone, Debug)]
struct AcceptLanguage<'a> {
    rest: &'a str,
}

impl<'a> Iterator for AcceptLanguage<'a> {
    type Item = Range<'a>;

    fn next(&mut self) -> Option<Range<'a>> {
        while !self.rest.is_empty() {
            let (element, rest) = self.rest.split_once(',').unwrap_or((self.rest, ""));
            self.rest = rest;
            if let Some(range) = accept_element(element) {
                return Some(range);
            }
        }
        None
    }
}

/// `range *( OWS ";" OWS parameter )`; `None` if the range or its weight is malformed.
fn accept_element(element: &str) -> Option<Range<'_>> {
    let mut parameters = element.split(';');
    let range = trim_whitespace(parameters.next()?);
    let kind = if range == "*" {
        RangeKind::Any
    } else {
        RangeKind::Tag(Parts::parse(range)?)
    };
    let mut weight = FULL_WEIGHT;
    for parameter in parameters {
        let (name, value) = parameter.split_once('=')?;
        let name = trim_whitespace(name);
        if name.is_empty() || !name.bytes().all(|byte| byte.is_ascii_graphic()) {
            return None;
        }
        if name.eq_ignore_ascii_case("q") {
            weight = qvalue(trim_whitespace(value))?;
        }
    }
    Some(Range { kind, weight })
}

/// RFC 9110 `qvalue` in thousandths: `0`, `0.5`, `0.125`, `1`, `1.000`.
fn qvalue(text: &str) -> Option<u16> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    let thousandths = fraction
        .bytes()
        .zip([100, 10, 1])
        .map(|(digit, scale)| u16::from(digit - b'0') * scale)
        .sum::<u16>();
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(FULL_WEIGHT),
        _ => None,
    }
}

/// HTTP's optional whitespace: spaces and tabs.
fn trim_whitespace(text: &str) -> &str {
    text.trim_matches([' ', '\t'])
}
