//! Expansion cost of the generator (`status_codegen::generate_from_str`: parse, validate,
//! expand) for the shipped table and generated tables of 100, 300 and 900 codes × 2 and 10
//! locales. Throughput is counted in code × locale cells, so a flat time per cell across the
//! sizes shows that the cost grows linearly.
//!
//! ```sh
//! cargo bench -p status-bench --bench expansion
//! ```

// criterion_group! makes an undocumented public function.
#![allow(missing_docs)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};

fn expansion(c: &mut Criterion) {
    let shipped = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../codes.toml"))
        .expect("the shipped codes.toml is readable");
    let mut tables = vec![("shipped".to_string(), shipped)];
    for codes in [100, 300, 900] {
        for locales in [2, 10] {
            tables.push((
                format!("{codes}x{locales}"),
                status_bench::synthetic_table(codes, locales),
            ));
        }
    }

    let mut group = c.benchmark_group("expansion");
    // The largest table takes milliseconds per call: one iteration per sample is plenty.
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(20);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(3));
    for (name, text) in &tables {
        let model = status_bench::table_model("codes.toml", text).expect("the table is valid");
        let cells = model.codes().len() * model.locales().len();
        group.throughput(Throughput::Elements(cells as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), text, |b, text| {
            b.iter(|| {
                black_box(status_codegen::generate_from_str(
                    "codes.toml",
                    black_box(text),
                ))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, expansion);
criterion_main!(benches);
