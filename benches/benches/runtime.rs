//! Run-time cost of the generated code against the `http` crate, rust-i18n and a std
//! `HashMap`, one criterion group per operation so the medians sit side by side.
//!
//! Every contender of a group walks the same shuffled input (see `status_bench::lookups`),
//! prepared in its own natural form before timing starts; one iteration is the whole input,
//! so a median divided by the group's element count is the cost of one lookup.
//!
//! ```sh
//! cargo bench -p status-bench --bench runtime
//! ```

// criterion_group! makes an undocumented public function.
#![allow(missing_docs)]

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rust_i18n::t;

// The same strings for rust-i18n, made from `codes.toml` (`tests/locales.rs` checks it).
rust_i18n::i18n!("locales");

mod shipped {
    status_core::status_codes!("../codes.toml");
}

use shipped::{Locale, StatusCode};

#[path = "support/previous_negotiate.rs"]
mod previous;

/// The shuffled lookups of the shipped table: every code and unknown ones, in every locale.
fn lookups() -> Vec<status_bench::Lookup> {
    let known: Vec<u16> = StatusCode::ALL.iter().map(|code| code.code()).collect();
    status_bench::lookups(&known, Locale::ALL.len())
}

/// `from_u16` + `message(locale)`: a code from the wire to its text in the caller's language.
fn message(c: &mut Criterion) {
    let lookups = lookups();
    let ours: Vec<(u16, Locale)> = lookups
        .iter()
        .map(|l| (l.code, Locale::ALL[l.locale]))
        .collect();
    let keys: Vec<(String, &str)> = lookups
        .iter()
        .map(|l| (l.code.to_string(), Locale::ALL[l.locale].tag()))
        .collect();
    let map: HashMap<(u16, u8), &str> = StatusCode::ALL
        .iter()
        .flat_map(|&code| {
            Locale::ALL
                .iter()
                .map(move |&locale| ((code.code(), locale as u8), code.message(locale)))
        })
        .collect();
    // The least work any lookup can do: one load from an array indexed by the raw number,
    // no check at all. Not a usable API (it trusts the input); it marks the hardware's limit.
    let mut dense = vec![[None::<&str>; Locale::ALL.len()]; 1024];
    for &code in StatusCode::ALL {
        for &locale in Locale::ALL {
            dense[usize::from(code.code())][locale as usize] = Some(code.message(locale));
        }
    }
    let numbers: Vec<(u16, u8)> = lookups.iter().map(|l| (l.code, l.locale as u8)).collect();

    let mut group = c.benchmark_group("message");
    group.throughput(Throughput::Elements(lookups.len() as u64));
    group.bench_function("status-codes from_u16+message", |b| {
        b.iter(|| {
            for &(code, locale) in black_box(&ours) {
                black_box(StatusCode::from_u16(code).map(|code| code.message(locale)));
            }
        })
    });
    group.bench_function("http from_u16+canonical_reason", |b| {
        b.iter(|| {
            for &(code, _) in black_box(&ours) {
                black_box(
                    http::StatusCode::from_u16(code)
                        .ok()
                        .and_then(|code| code.canonical_reason()),
                );
            }
        })
    });
    group.bench_function("rust-i18n t! locale=", |b| {
        b.iter(|| {
            for (key, tag) in black_box(&keys) {
                let key: &str = key;
                let text: Cow<'_, str> = t!(key, locale = tag);
                black_box(text);
            }
        })
    });
    group.bench_function("rust-i18n t! global locale", |b| {
        // One process-wide locale: the input's per-lookup locale cannot be honoured.
        rust_i18n::set_locale(Locale::DEFAULT.tag());
        b.iter(|| {
            for (key, _) in black_box(&keys) {
                let key: &str = key;
                let text: Cow<'_, str> = t!(key);
                black_box(text);
            }
        })
    });
    group.bench_function("reference: one load from a dense array", |b| {
        b.iter(|| {
            for &(code, locale) in black_box(&ours) {
                black_box(dense[usize::from(code) & 1023][locale as usize]);
            }
        })
    });
    group.bench_function("std HashMap<(u16,u8),&str>", |b| {
        b.iter(|| {
            for key in black_box(&numbers) {
                black_box(map.get(key));
            }
        })
    });
    group.finish();
}

/// The layouts `from_u16` + `message` could have, written out by hand over the shipped table
/// so that the one the generator emits is measured against the ones it replaced in the same
/// process (BENCHMARKS.md, "Designs tried").
mod designs {
    use super::StatusCode;

    const FIRST: u16 = StatusCode::ALL[0].code();
    const LAST: u16 = StatusCode::ALL[StatusCode::ALL.len() - 1].code();
    /// Numbers from the first code to the last, plus one `None` entry for clamped numbers.
    const SPAN: usize = (LAST - FIRST) as usize + 1;

    /// `from_u16`'s table from the first code on; the last entry stays `None`.
    const CODES: [Option<StatusCode>; SPAN + 1] = {
        let mut table = [None; SPAN + 1];
        let mut row = 0;
        while row < StatusCode::ALL.len() {
            let code = StatusCode::ALL[row];
            table[(code.code() - FIRST) as usize] = Some(code);
            row += 1;
        }
        table
    };

    /// The former generated `from_u16`: a table from the first code, so every lookup pays a
    /// subtraction and a zero extension before its range check.
    #[inline]
    pub fn from_first(code: u16) -> Option<StatusCode> {
        let offset = code.wrapping_sub(FIRST) as usize;
        if offset < SPAN { CODES[offset] } else { None }
    }

    /// No range branch: numbers outside the table land on its trailing `None` entry.
    #[inline]
    pub fn clamped(code: u16) -> Option<StatusCode> {
        let offset = code.wrapping_sub(FIRST) as usize;
        CODES[offset.min(SPAN)]
    }
}

/// `from_u16` + `message` in the layouts the generator chose between.
fn designs(c: &mut Criterion) {
    let ours: Vec<(u16, Locale)> = lookups()
        .iter()
        .map(|l| (l.code, Locale::ALL[l.locale]))
        .collect();
    let mut group = c.benchmark_group("designs");
    group.throughput(Throughput::Elements(ours.len() as u64));
    group.bench_function("status-codes generated: table from 0", |b| {
        b.iter(|| {
            for &(code, locale) in black_box(&ours) {
                black_box(StatusCode::from_u16(code).map(|code| code.message(locale)));
            }
        })
    });
    group.bench_function("former: table from the first code", |b| {
        b.iter(|| {
            for &(code, locale) in black_box(&ours) {
                black_box(designs::from_first(code).map(|code| code.message(locale)));
            }
        })
    });
    group.bench_function("clamped: no range branch", |b| {
        b.iter(|| {
            for &(code, locale) in black_box(&ours) {
                black_box(designs::clamped(code).map(|code| code.message(locale)));
            }
        })
    });
    group.finish();
}

/// `from_u16` alone: a number from the wire to a typed code.
fn from_u16(c: &mut Criterion) {
    let codes: Vec<u16> = lookups().iter().map(|l| l.code).collect();
    let mut group = c.benchmark_group("from_u16");
    group.throughput(Throughput::Elements(codes.len() as u64));
    group.bench_function("status-codes", |b| {
        b.iter(|| {
            for &code in black_box(&codes) {
                black_box(StatusCode::from_u16(code));
            }
        })
    });
    group.bench_function("http", |b| {
        b.iter(|| {
            for &code in black_box(&codes) {
                black_box(http::StatusCode::from_u16(code).ok());
            }
        })
    });
    group.finish();
}

/// The known codes of the input, as each library's own type.
fn known_codes() -> (Vec<StatusCode>, Vec<http::StatusCode>) {
    let ours: Vec<StatusCode> = lookups()
        .iter()
        .filter_map(|l| StatusCode::from_u16(l.code))
        .collect();
    let theirs = ours
        .iter()
        .filter_map(|code| http::StatusCode::from_u16(code.code()).ok())
        .collect();
    (ours, theirs)
}

/// `reason()`: the English reason phrase of a typed code.
fn reason(c: &mut Criterion) {
    let (ours, theirs) = known_codes();
    let mut group = c.benchmark_group("reason");
    group.throughput(Throughput::Elements(ours.len() as u64));
    group.bench_function("status-codes reason", |b| {
        b.iter(|| {
            for &code in black_box(&ours) {
                black_box(code.reason());
            }
        })
    });
    group.bench_function("http canonical_reason", |b| {
        b.iter(|| {
            for &code in black_box(&theirs) {
                black_box(code.canonical_reason());
            }
        })
    });
    group.finish();
}

/// `FromStr` of a number (`"404"`), known and unknown.
fn parse_code(c: &mut Criterion) {
    let texts: Vec<String> = lookups().iter().map(|l| l.code.to_string()).collect();
    let mut group = c.benchmark_group("parse_code");
    group.throughput(Throughput::Elements(texts.len() as u64));
    group.bench_function("status-codes", |b| {
        b.iter(|| {
            for text in black_box(&texts) {
                black_box(text.parse::<StatusCode>().ok());
            }
        })
    });
    group.bench_function("http", |b| {
        b.iter(|| {
            for text in black_box(&texts) {
                black_box(text.parse::<http::StatusCode>().ok());
            }
        })
    });
    group.finish();
}

/// `FromStr` of a reason phrase in any case (`"not found"`). http has no such parser; the
/// baseline folds case into a stack buffer and asks a std `HashMap` of lower-case names.
fn parse_name(c: &mut Criterion) {
    let names: Vec<String> = lookups()
        .iter()
        .map(|l| match StatusCode::from_u16(l.code) {
            // Alternate the spelling so case folding is exercised.
            Some(code) if l.locale % 2 == 0 => code.reason().to_ascii_lowercase(),
            Some(code) => code.reason().to_string(),
            None => format!("Unknown Status {}", l.code),
        })
        .collect();
    let map: HashMap<Vec<u8>, StatusCode> = StatusCode::ALL
        .iter()
        .map(|&code| (code.reason().to_ascii_lowercase().into_bytes(), code))
        .collect();
    let mut group = c.benchmark_group("parse_name");
    group.throughput(Throughput::Elements(names.len() as u64));
    group.bench_function("status-codes", |b| {
        b.iter(|| {
            for name in black_box(&names) {
                black_box(name.parse::<StatusCode>().ok());
            }
        })
    });
    group.bench_function("std HashMap lower-cased", |b| {
        b.iter(|| {
            for name in black_box(&names) {
                let mut buffer = [0u8; 64];
                let found = buffer.get_mut(..name.len()).and_then(|folded| {
                    folded.copy_from_slice(name.as_bytes());
                    folded.make_ascii_lowercase();
                    map.get(&*folded)
                });
                black_box(found);
            }
        })
    });
    group.finish();
}

/// `Display` (`404 Not Found`) into a reused `String`: what a server does per response line.
fn display(c: &mut Criterion) {
    let (ours, theirs) = known_codes();
    let mut group = c.benchmark_group("display");
    group.throughput(Throughput::Elements(ours.len() as u64));
    group.bench_function("status-codes", |b| {
        let mut line = String::with_capacity(64);
        b.iter(|| {
            for code in black_box(&ours) {
                line.clear();
                let _ = write!(line, "{code}");
                black_box(&line);
            }
        })
    });
    group.bench_function("http", |b| {
        let mut line = String::with_capacity(64);
        b.iter(|| {
            for code in black_box(&theirs) {
                line.clear();
                let _ = write!(line, "{code}");
                black_box(&line);
            }
        })
    });
    group.finish();
}

/// Real `Accept-Language` headers, as browsers send them, plus hostile ones.
const HEADERS: [&str; 12] = [
    // Chrome, zh-TW user
    "zh-TW,zh;q=0.9,en-US;q=0.8,en;q=0.7",
    // Chrome, zh-CN user
    "zh-CN,zh;q=0.9,en;q=0.8",
    // Firefox, en-GB user
    "en-GB,en;q=0.5",
    // Firefox, ja user
    "ja,en-US;q=0.7,en;q=0.3",
    // Safari, zh-TW
    "zh-TW",
    // Safari, en-GB
    "en-GB",
    // Edge, several languages
    "fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5",
    "zh-Hant-HK,zh-Hant;q=0.9,zh;q=0.8,en;q=0.7",
    "",
    "*",
    ";;,,q=abc,zh-CN;q=1.5",
    "de-DE,de;q=0.9",
];

/// `Locale::negotiate` on real headers. Neither http nor rust-i18n negotiates, so the
/// reference is the `accept-language` crate's `intersection` (the most used crate for it),
/// which returns the matches as a `Vec<String>`; beside it, the matcher as it was before CLDR
/// data (`support/previous_negotiate.rs`), on the same tags.
fn negotiate(c: &mut Criterion) {
    let tags: Vec<&str> = Locale::ALL.iter().map(|locale| locale.tag()).collect();
    let mut group = c.benchmark_group("negotiate");
    group.throughput(Throughput::Elements(HEADERS.len() as u64));
    group.bench_function("status-codes Locale::negotiate", |b| {
        b.iter(|| {
            for header in black_box(&HEADERS) {
                black_box(Locale::negotiate(header));
            }
        })
    });
    group.bench_function("before CLDR matching", |b| {
        b.iter(|| {
            for header in black_box(&HEADERS) {
                black_box(previous::negotiate(header, &tags));
            }
        })
    });
    group.bench_function("accept-language intersection", |b| {
        b.iter(|| {
            for header in black_box(&HEADERS) {
                black_box(accept_language::intersection(header, &tags));
            }
        })
    });
    group.finish();
}

/// Hostile headers against a real one, one header per iteration: the bound on what is read
/// (`status_core::locale::MAX_HEADER_BYTES`, `MAX_RANGES`) keeps a megabyte as cheap as a
/// short header, where the matcher before it took time in proportion to the length.
fn negotiate_hostile(c: &mut Criterion) {
    let tags: Vec<&str> = Locale::ALL.iter().map(|locale| locale.tag()).collect();
    let headers = [
        ("real (Chrome zh-TW)", HEADERS[0].to_string()),
        ("1 MB of commas", ",".repeat(1 << 20)),
        ("400 KB of ranges", "xx-YY;q=0.1, ".repeat(400 * 1024 / 13)),
        (
            "1 MB range list then zh",
            "fr;q=0.5,".repeat((1 << 20) / 9) + "zh",
        ),
    ];
    let mut group = c.benchmark_group("negotiate-hostile");
    group.throughput(Throughput::Elements(1));
    for (name, header) in &headers {
        group.bench_function(format!("status-codes {name}"), |b| {
            b.iter(|| black_box(Locale::negotiate(black_box(header))))
        });
    }
    // The old matcher re-parsed long lists on every walk: only the smaller inputs, or a run
    // would take minutes.
    for (name, header) in &headers[..2] {
        group.bench_function(format!("before CLDR matching {name}"), |b| {
            b.iter(|| black_box(previous::negotiate(black_box(header), &tags)))
        });
    }
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
}

criterion_group! {
    name = runtime;
    config = config();
    targets = message, designs, from_u16, reason, parse_code, parse_name, display, negotiate,
        negotiate_hostile
}
criterion_main!(runtime);
