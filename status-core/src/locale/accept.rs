//! Reading an `Accept-Language` header (RFC 9110, section 12.5.4) into ranges, within a fixed
//! bound of work whatever the header's size.

use super::matching::{FULL_WEIGHT, Range, RangeKind, closest_to_first, settled};
use status_locale::{Parts, Reach, Resolved, Rules};

/// The most list elements of a header that are read; the rest is ignored. Browsers send fewer
/// than 10, and real headers fewer than 20.
pub const MAX_RANGES: usize = 32;

/// The most bytes of a header that are read; the rest is ignored. Real headers are well under
/// 200 bytes; a hostile one of a megabyte costs no more than this.
pub const MAX_HEADER_BYTES: usize = 4096;

/// The ranges of a header or of the environment, on the stack.
pub(crate) struct Ranges<'a> {
    ranges: [Range<'a>; MAX_RANGES],
    len: usize,
    /// How many bytes of the input were read.
    pub(crate) read: usize,
}

impl<'a> Ranges<'a> {
    pub(crate) fn new() -> Ranges<'a> {
        // A placeholder past `len`, never read: `*;q=0`.
        let unused = Range {
            kind: RangeKind::Any,
            weight: 0,
        };
        Ranges {
            ranges: [unused; MAX_RANGES],
            len: 0,
            read: 0,
        }
    }

    /// Adds a range; `false` when full.
    pub(crate) fn push(&mut self, range: Range<'a>) -> bool {
        match self.ranges.get_mut(self.len) {
            Some(slot) => {
                *slot = range;
                self.len += 1;
                true
            }
            None => false,
        }
    }

    /// The ranges kept, in order.
    pub(crate) fn as_slice(&self) -> &[Range<'a>] {
        &self.ranges[..self.len]
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.len
    }
}

/// Parses a header once: its first [`MAX_HEADER_BYTES`] bytes and [`MAX_RANGES`] non-empty
/// elements, keeping the well-formed ones, each maximized for matching. The header is bytes, as
/// HTTP carries it: an element that is not UTF-8 is malformed and skipped alone, and the
/// elements around it keep their meaning (`zh-CN\xff;q=0, en` refuses nothing and asks for
/// `en`).
pub(crate) fn parse<'a>(header: &'a [u8], rules: &Rules<'a>, ranges: &mut Ranges<'a>) {
    read(header, rules, None, ranges);
}

/// [`parse`] for the table `tags` whose rules `rules` are: an element whose language the
/// table cannot reach ([`status_locale::reach`]) can fit none of its tags, and is passed over
/// after its language subtag, unread. When the first range settles the answer
/// ([`settled`]), reading stops there and the answer is returned.
pub(crate) fn parse_for_table<'a>(
    header: &'a [u8],
    tags: &[&str],
    rules: &Rules<'a>,
    ranges: &mut Ranges<'a>,
) -> Option<usize> {
    read(header, rules, Some(tags), ranges)
}

fn read<'a>(
    header: &'a [u8],
    rules: &Rules<'a>,
    table: Option<&[&str]>,
    ranges: &mut Ranges<'a>,
) -> Option<usize> {
    let for_table = table.is_some();
    let end = header.len().min(MAX_HEADER_BYTES);
    let mut elements = 0;
    let mut rest = &header[..end];
    // A header is checked as UTF-8 once, as a whole; only when that fails (a byte that is not,
    // or a character cut at the byte bound) is each element checked alone.
    let whole = core::str::from_utf8(rest).ok();
    // `bytes`, starting `at` in the header, as text; elements are cut beside ASCII bytes, so
    // a slice of a UTF-8 header is UTF-8.
    let text = |bytes: &'a [u8], at: usize| match whole {
        Some(whole) => whole.get(at..at + bytes.len()),
        None => core::str::from_utf8(bytes).ok(),
    };
    // The language of the last range read, for the next of the same language.
    let mut last = None;
    // The last language subtag placed and where it reaches: headers name a language twice
    // (`fr-FR, fr;q=0.9`), most often one the table lacks.
    let mut placed = None;
    // A tag the first range fits closely, with that range's weight, where reading would go on
    // in full and how many elements were read there: the answer unless a later element weighs
    // more or refuses something (`q=0`), so later elements are read for their weights alone.
    let mut decided: Option<(usize, u16, &'a [u8], usize)> = None;
    while elements < MAX_RANGES {
        // Empty elements and the whitespace around elements, in one tight loop: a header of
        // nothing but commas costs a scan of its first bytes and no more.
        let start = rest
            .iter()
            .position(|byte| !matches!(byte, b',' | b' ' | b'\t'))
            .unwrap_or(rest.len());
        rest = &rest[start..];
        if rest.is_empty() {
            break;
        }
        let at = end - rest.len();
        // Once decided, only weights are read.
        let reach = match (for_table, decided) {
            (true, None) => language_reach(rest, |language| text(language, at), rules, &mut placed),
            _ => None,
        };
        if let Some(Reach::None) = reach {
            // Counted as read, as any element is; its weight and the rest of its range cannot
            // change the answer.
            elements += 1;
            rest = match rest.iter().position(|&byte| byte == b',') {
                Some(comma) => &rest[comma + 1..],
                None => &rest[rest.len()..],
            };
            continue;
        }
        // One pass over the element: where it ends (a comma), where its parameters start (its
        // first `;`), and where its range ends (after its last byte that is not blank before
        // them). It starts with neither a blank nor a comma, so it is not empty.
        let (mut length, mut semicolon, mut range_end) = (0, None, 0);
        while let Some(&byte) = rest.get(length) {
            match byte {
                b',' => break,
                b';' if semicolon.is_none() => semicolon = Some(length),
                b' ' | b'\t' => {}
                _ if semicolon.is_none() => range_end = length + 1,
                _ => {}
            }
            length += 1;
        }
        let element = &rest[..length];
        rest = rest.get(length + 1..).unwrap_or(&[]);
        elements += 1;
        // A cut at the byte bound may split a character: that element is malformed too.
        let Some(element) = text(element, at) else {
            continue;
        };
        // Both cuts are beside ASCII bytes, so within the text.
        let (Some(range), Some(parameters)) = (
            element.get(..range_end),
            element.get(semicolon.unwrap_or(length)..),
        ) else {
            continue;
        };
        if let Some((_, first, resume, read)) = decided {
            // A malformed weight drops the element; a weight above the first range's, or of
            // 0, may change the answer: the elements after the first range are then read again
            // in full.
            if weight(parameters).is_some_and(|weight| weight == 0 || weight > first) {
                (rest, elements, decided) = (resume, read, None);
            }
            continue;
        }
        if let Some(range) = accept_element(range, parameters, rules, reach, &mut last) {
            // The first range may decide alone: when it names a tag at full weight; or when it
            // fits one closely, unless a later element weighs more or refuses a tag.
            let answer = match (ranges.len, table) {
                (0, Some(tags)) => match settled(&range, tags, rules) {
                    Some(answer) => Some(answer),
                    None => {
                        decided = closest_to_first(&range, tags, rules)
                            .map(|answer| (answer, range.weight, rest, elements));
                        None
                    }
                },
                _ => None,
            };
            ranges.push(range);
            if answer.is_some() {
                ranges.read = end - rest.len();
                return answer;
            }
        }
    }
    ranges.read = end - rest.len();
    decided.map(|(answer, ..)| answer)
}

/// `range *( OWS ";" OWS parameter )`, split into the range (without whitespace) and its
/// parameters (empty, or from the first `;`); `None` if the range or its weight is malformed.
fn accept_element<'a>(
    range: &'a str,
    parameters: &'a str,
    rules: &Rules<'a>,
    reach: Option<Reach<'a>>,
    last: &mut Option<(Resolved<'a>, &'a [u64])>,
) -> Option<Range<'a>> {
    let weight = weight(parameters)?;
    if matches!(range.as_bytes(), [b'*']) {
        return Some(Range {
            kind: RangeKind::Any,
            weight,
        });
    }
    let parts = Parts::parse(range)?;
    Some(match reach {
        Some(reach) => Range::tag_reached(parts, weight, rules, reach, last),
        None => Range::tag_after(parts, weight, rules, last),
    })
}

/// The weight an element's parameters give it (empty, or from the first `;`): its `q`, or full
/// weight without one; `None` if a parameter is malformed.
fn weight(parameters: &str) -> Option<u16> {
    // The forms browsers send, `;q=0.8` and none, read without splitting.
    match parameters.as_bytes() {
        [] => return Some(FULL_WEIGHT),
        [b';', b'q' | b'Q', b'=', value @ ..] => {
            if let Some(weight) = qvalue_bytes(value) {
                return Some(weight);
            }
        }
        _ => {}
    }
    let mut weight = FULL_WEIGHT;
    // `rest` is empty or starts with `;`.
    let mut rest = parameters;
    while let Some(after) = rest.strip_prefix(';') {
        let end = after
            .bytes()
            .position(|byte| byte == b';')
            .unwrap_or(after.len());
        let (parameter, next) = after.split_at(end);
        rest = next;
        let equals = parameter.bytes().position(|byte| byte == b'=')?;
        let (name, value) = (&parameter[..equals], &parameter[equals + 1..]);
        let name = trim_whitespace(name);
        if name.is_empty() || !name.bytes().all(|byte| byte.is_ascii_graphic()) {
            return None;
        }
        if name.eq_ignore_ascii_case("q") {
            weight = qvalue(trim_whitespace(value))?;
        }
    }
    Some(weight)
}

/// How the language subtag that starts `element` reaches the table, if the rules can say
/// from the subtag alone: letters ending at a separator. `text` reads the letters as text.
fn language_reach<'a>(
    element: &'a [u8],
    text: impl Fn(&'a [u8]) -> Option<&'a str>,
    rules: &Rules<'a>,
    placed: &mut Option<(&'a [u8], Reach<'a>)>,
) -> Option<Reach<'a>> {
    let letters = element
        .iter()
        .position(|byte| !byte.is_ascii_alphabetic())
        .unwrap_or(element.len());
    let ends = element
        .get(letters)
        .is_none_or(|byte| matches!(byte, b'-' | b'_' | b';' | b',' | b' ' | b'\t'));
    if !(1..=8).contains(&letters) || !ends {
        return None;
    }
    let language = &element[..letters];
    if let Some((known, reach)) = *placed {
        if known.eq_ignore_ascii_case(language) {
            return Some(reach);
        }
    }
    let reach = status_locale::reach(text(language)?, rules)?;
    *placed = Some((language, reach));
    Some(reach)
}

/// RFC 9110 `qvalue` in thousandths: `0`, `0.5`, `0.125`, `1`, `1.000`.
pub(crate) fn qvalue(text: &str) -> Option<u16> {
    qvalue_bytes(text.as_bytes())
}

/// [`qvalue`] of bytes: `0` or `1`, then optionally `.` and up to three digits (only zeros
/// after `1`).
fn qvalue_bytes(text: &[u8]) -> Option<u16> {
    let (whole, fraction) = match text {
        [whole] => (*whole, &[][..]),
        [whole, b'.', fraction @ ..] if fraction.len() <= 3 => (*whole, fraction),
        _ => return None,
    };
    let mut thousandths = 0;
    for (&digit, scale) in fraction.iter().zip([100, 10, 1]) {
        if !digit.is_ascii_digit() {
            return None;
        }
        thousandths += u16::from(digit - b'0') * scale;
    }
    match whole {
        b'0' => Some(thousandths),
        b'1' if thousandths == 0 => Some(FULL_WEIGHT),
        _ => None,
    }
}

/// HTTP's optional whitespace: spaces and tabs.
fn trim_whitespace(text: &str) -> &str {
    // By bytes, not chars: both are ASCII, so cutting beside them keeps the text UTF-8, and
    // nothing is decoded.
    let blank = |byte: &u8| matches!(byte, b' ' | b'\t');
    let bytes = text.as_bytes();
    let start = bytes
        .iter()
        .position(|byte| !blank(byte))
        .unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|byte| !blank(byte))
        .map_or(start, |last| last + 1);
    text.get(start..end).unwrap_or("")
}
