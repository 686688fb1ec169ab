//! Prints the medians of `cargo bench -p status-bench` as the Markdown tables of
//! `BENCHMARKS.md`: per group, the median per input and each contender's time relative to
//! status-codes measured in the same run (above 1.0 means status-codes is faster).
//!
//! Given several criterion directories (one per run of the bench process, see
//! `benches/run-all.sh`), it shows the median over the runs and the range of the ratios: on a
//! shared virtual machine, one process's results can sit a third away from the next one's.
//!
//! ```sh
//! cargo run -q -p status-bench --example report [-- CRITERION_DIR...]
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::Value;

/// The groups of the runtime and negotiation benches, in the order of the document.
const RUNTIME_GROUPS: [&str; 11] = [
    "message",
    "designs",
    "from_u16",
    "reason",
    "parse_code",
    "parse_name",
    "display",
    "negotiate",
    "negotiate-2",
    "negotiate-21",
    "negotiate-43",
];

/// One benchmark's result: its name, the median time of one iteration and the elements per
/// iteration.
struct Measurement {
    name: String,
    median_ns: f64,
    elements: u64,
}

impl Measurement {
    fn per_element(&self) -> f64 {
        self.median_ns / self.elements.max(1) as f64
    }
}

fn main() -> ExitCode {
    let mut roots: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if roots.is_empty() {
        roots.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/criterion"));
    }
    match report(&roots) {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    match values.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => values[n / 2],
        n => (values[n / 2 - 1] + values[n / 2]) / 2.0,
    }
}

fn report(roots: &[PathBuf]) -> Result<String, String> {
    let mut out = String::new();
    for group in RUNTIME_GROUPS {
        // Per contender: its time per input and its ratio to status-codes, one entry per run.
        let mut contenders: Vec<(String, u64, Vec<f64>, Vec<f64>)> = Vec::new();
        for root in roots {
            let rows = group_measurements(root, group)?;
            let Some(ours) = rows
                .iter()
                .find(|row| row.name.starts_with("status-codes"))
                .map(Measurement::per_element)
            else {
                continue;
            };
            for row in rows {
                let position = match contenders.iter().position(|c| c.0 == row.name) {
                    Some(position) => position,
                    None => {
                        contenders.push((row.name.clone(), row.elements, Vec::new(), Vec::new()));
                        contenders.len() - 1
                    }
                };
                contenders[position].2.push(row.per_element());
                contenders[position].3.push(row.per_element() / ours);
            }
        }
        if contenders.is_empty() {
            continue;
        }
        // status-codes first, the others by name.
        contenders.sort_by_key(|c| (!c.0.starts_with("status-codes"), c.0.clone()));
        out.push_str(&format!(
            "\n`{group}` ({} inputs per iteration, {} run(s))\n\n\
             | contender | median per input | relative to status-codes | range over runs |\n\
             | --- | ---: | ---: | ---: |\n",
            contenders[0].1,
            contenders[0].2.len(),
        ));
        for (name, _, times, ratios) in &mut contenders {
            let (low, high) = ratios
                .iter()
                .fold((f64::INFINITY, 0f64), |(low, high), &r| {
                    (low.min(r), high.max(r))
                });
            out.push_str(&format!(
                "| {name} | {:.2} ns | {:.2}× | {low:.2}–{high:.2}× |\n",
                median(times),
                median(ratios),
            ));
        }
    }

    // Expansion: the last directory that has it.
    let mut tables = Vec::new();
    for root in roots {
        let rows = group_measurements(root, "expansion")?;
        if !rows.is_empty() {
            tables = rows;
        }
    }
    tables.sort_by_key(|row| (row.elements, row.name.clone()));
    if !tables.is_empty() {
        out.push_str(
            "\n`expansion` (`generate_from_str`, release build)\n\n\
             | table | codes × locales | median | per code × locale |\n| --- | ---: | ---: | ---: |\n",
        );
        for row in &tables {
            out.push_str(&format!(
                "| {} | {} | {:.2} ms | {:.2} µs |\n",
                row.name,
                row.elements,
                row.median_ns / 1e6,
                row.per_element() / 1e3
            ));
        }
    }
    if out.is_empty() {
        return Err(format!(
            "no results under {roots:?}; run `cargo bench -p status-bench` first"
        ));
    }
    Ok(out)
}

/// Every benchmark of `group` found under `root`.
fn group_measurements(root: &Path, group: &str) -> Result<Vec<Measurement>, String> {
    let dir = root.join(group);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(Vec::new());
    };
    let mut rows = Vec::new();
    for entry in entries.flatten() {
        let new = entry.path().join("new");
        if !new.join("estimates.json").is_file() {
            continue;
        }
        let benchmark = read_json(&new.join("benchmark.json"))?;
        let estimates = read_json(&new.join("estimates.json"))?;
        let name = benchmark["value_str"]
            .as_str()
            .or(benchmark["function_id"].as_str())
            .unwrap_or_default()
            .to_string();
        let median_ns = estimates["median"]["point_estimate"]
            .as_f64()
            .ok_or_else(|| format!("{}: no median", new.display()))?;
        let elements = benchmark["throughput"]["Elements"].as_u64().unwrap_or(1);
        rows.push(Measurement {
            name,
            median_ns,
            elements,
        });
    }
    Ok(rows)
}

fn read_json(path: &Path) -> Result<Value, String> {
    let text =
        std::fs::read_to_string(path).map_err(|error| format!("{}: {error}", path.display()))?;
    serde_json::from_str(&text).map_err(|error| format!("{}: {error}", path.display()))
}
