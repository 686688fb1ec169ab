//! The current locale: `message_current()` outside any scope, and `with_current` around it,
//! over the shipped table, with `message(locale)` beside them as the floor. Written so that the
//! same file builds against an older checkout, for a side-by-side run:
//!
//! ```sh
//! cargo bench -p status-bench --bench current
//! ```

// criterion_group! makes an undocumented public function.
#![allow(missing_docs)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

mod shipped {
    status_core::status_codes!("../codes.toml");
}

mod other {
    status_core::status_codes!("../tests/chinese.toml");
}

use shipped::{Locale, StatusCode};

/// The shuffled lookups of the shipped table, as codes of it and locales.
fn lookups() -> Vec<(StatusCode, Locale)> {
    let known: Vec<u16> = StatusCode::ALL.iter().map(|code| code.code()).collect();
    status_bench::lookups(&known, Locale::ALL.len())
        .iter()
        .filter_map(|l| Some((StatusCode::from_u16(l.code)?, Locale::ALL[l.locale])))
        .collect()
}

fn current(c: &mut Criterion) {
    let lookups = lookups();
    let mut group = c.benchmark_group("current");
    group.throughput(Throughput::Elements(lookups.len() as u64));
    group.bench_function("message(locale)", |b| {
        b.iter(|| {
            for &(code, locale) in black_box(&lookups) {
                black_box(code.message(locale));
            }
        })
    });
    group.bench_function("message_current(), no scope", |b| {
        b.iter(|| {
            for &(code, _) in black_box(&lookups) {
                black_box(code.message_current());
            }
        })
    });
    group.bench_function("message_current() in with_current", |b| {
        Locale::with_current(Locale::ALL[1], || {
            b.iter(|| {
                for &(code, _) in black_box(&lookups) {
                    black_box(code.message_current());
                }
            })
        })
    });
    // Another table's scope inside this one's: each read passes over it.
    group.bench_function("message_current() under another table's scope", |b| {
        Locale::with_current(Locale::ALL[1], || {
            other::Locale::with_current(other::Locale::ALL[0], || {
                b.iter(|| {
                    for &(code, _) in black_box(&lookups) {
                        black_box(code.message_current());
                    }
                })
            })
        })
    });
    group.bench_function("with_current(locale, message_current)", |b| {
        b.iter(|| {
            for &(code, locale) in black_box(&lookups) {
                black_box(Locale::with_current(locale, || code.message_current()));
            }
        })
    });
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
}

criterion_group! {
    name = benches;
    config = config();
    targets = current
}
criterion_main!(benches);
