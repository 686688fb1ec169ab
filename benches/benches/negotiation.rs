//! Negotiation on the 275 headers of `tests/matching/headers.txt` against tables of 2, 21 and
//! 43 locales (`tests/matching/regional.toml`, `wide.toml`), ours beside fluent-langneg and
//! accept-language in one criterion run: one group per table size, every contender walking
//! the whole corpus per iteration, so a median divided by 275 is the cost of one header.
//!
//! The accuracy of each on ICU's `LocaleMatcher` suite is measured by
//! `cargo run --release -p status-bench --example icu_accuracy`.

// criterion_group! makes an undocumented public function.
#![allow(missing_docs)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use status_bench::negotiation::{TABLES, corpus};

fn negotiate(c: &mut Criterion) {
    let headers = corpus();
    for (name, tags) in TABLES {
        let mut group = c.benchmark_group(format!("negotiate-{}", tags.len()));
        group.throughput(Throughput::Elements(headers.len() as u64));
        status_locale::data::rules_for(tags, |rules| {
            group.bench_function(format!("status-codes ({name})"), |b| {
                b.iter(|| {
                    for header in black_box(&headers) {
                        black_box(status_core::locale::negotiate(header, tags, rules));
                    }
                })
            });
        });
        let available = fluent_langneg::convert_vec_str_to_langids_lossy(tags.iter());
        let default = &available[0];
        group.bench_function("fluent-langneg", |b| {
            b.iter(|| {
                for header in black_box(&headers) {
                    let requested = fluent_langneg::accepted_languages::parse(header);
                    black_box(negotiate_languages(
                        &requested,
                        &available,
                        Some(default),
                        NegotiationStrategy::Lookup,
                    ));
                }
            })
        });
        group.bench_function("accept-language", |b| {
            b.iter(|| {
                for header in black_box(&headers) {
                    black_box(accept_language::intersection(header, tags));
                }
            })
        });
        group.finish();
    }
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
}

criterion_group! {
    name = negotiation;
    config = config();
    targets = negotiate
}
criterion_main!(negotiation);
