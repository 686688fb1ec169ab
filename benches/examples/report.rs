//! Prints the medians of the last `cargo bench -p status-bench` run as the Markdown tables of
//! `BENCHMARKS.md`: per group, the median per element and each contender's time relative to
//! status-codes (above 1.0 means status-codes is faster).
//!
//! ```sh
//! cargo run -q -p status-bench --example report [-- path/to/target/criterion]
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::Value;

/// The groups of the runtime bench, in the order of the document.
const RUNTIME_GROUPS: [&str; 6] = [
    "message",
    "from_u16",
    "reason",
    "parse_code",
    "parse_name",
    "display",
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
    let root = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/criterion"));
    match report(&root) {
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

fn report(root: &Path) -> Result<String, String> {
    let mut out = String::new();
    for group in RUNTIME_GROUPS {
        let mut rows = group_measurements(root, group)?;
        // status-codes first, the others by name: ratios are relative to the first row.
        rows.sort_by_key(|row| (!row.name.starts_with("status-codes"), row.name.clone()));
        let Some(ours) = rows.first().map(Measurement::per_element) else {
            continue;
        };
        out.push_str(&format!(
            "\n`{group}` ({} inputs per iteration)\n\n| contender | median per input | relative to status-codes |\n| --- | ---: | ---: |\n",
            rows[0].elements
        ));
        for row in &rows {
            out.push_str(&format!(
                "| {} | {:.2} ns | {:.2}× |\n",
                row.name,
                row.per_element(),
                row.per_element() / ours
            ));
        }
    }

    let mut tables = group_measurements(root, "expansion")?;
    tables.sort_by_key(|row| (row.elements, row.name.clone()));
    if !tables.is_empty() {
        out.push_str(
            "\n`expansion` (`generate_from_str`, release build)\n\n| table | codes × locales | median | per code × locale |\n| --- | ---: | ---: | ---: |\n",
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
            "no results under {}; run `cargo bench -p status-bench` first",
            root.display()
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
