#!/usr/bin/env bash
# Where the macro's time goes: rustc's `macro_expand_crate` time for a probe crate whose one
# `status_codes!` line reads a generated table, with proc macros unoptimized as cargo builds them
# by default. benches/build-cost.sh gives the numbers BENCHMARKS.md compares; this one isolates
# the expansion, for looking into it.
#
#   bash benches/macro-time.sh                 # 900 codes × 10 locales
#   bash benches/macro-time.sh shipped         # or 100x2, 300x10, ...
#   PERF=1 bash benches/macro-time.sh          # also a perf profile with call graphs
#
# `-Ztime-passes` is a nightly flag: the probe's rustc command is run again by hand with
# RUSTC_BOOTSTRAP=1, on the stable toolchain. The time includes rustc's own parse of the tokens
# the macro returns (about 20 ms at 900 × 10), which a crate holding the expansion as source
# also pays. Prints the median of 7 runs.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
table="${1:-900x10}"
out="$root/target/macro-time"
mkdir -p "$out/probe/src"
cargo build -q -p status-bench --example tables --manifest-path "$root/Cargo.toml"
tool="$(cargo metadata -q --format-version 1 --no-deps --manifest-path "$root/Cargo.toml" |
    sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')/debug/examples/tables"
if [ "$table" = shipped ]; then
    cp "$root/codes.toml" "$out/probe/codes.toml"
else
    "$tool" table "${table%x*}" "${table#*x}" >"$out/probe/codes.toml"
fi
# Line tables only, for the profile's call graphs; the code is as unoptimized as by default.
cat >"$out/probe/Cargo.toml" <<EOT
[package]
name = "probe"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
status-core = { path = "$root/status-core" }

[workspace]

[profile.dev.build-override]
debug = "line-tables-only"
EOT
cat >"$out/probe/src/lib.rs" <<'EOT'
//! Expansion-time probe.
#![allow(missing_docs)]
status_core::status_codes!("codes.toml");

pub fn describe(code: u16, tag: &str) -> Option<&'static str> {
    let locale: Locale = tag.parse().unwrap_or_default();
    StatusCode::from_u16(code).map(|code| code.message(locale))
}
EOT
cp "$root/Cargo.lock" "$out/probe/Cargo.lock"
cd "$out/probe"
export CARGO_TARGET_DIR="$out/target"
cargo check -q --offline
touch src/lib.rs
command=$(cargo check -v --offline 2>&1 |
    sed -n 's/^ *Running `\(.*rustc --crate-name probe .*\)`$/\1/p' | tail -1)
export CARGO_MANIFEST_DIR="$out/probe"
for _ in 1 2 3 4 5 6 7; do
    RUSTC_BOOTSTRAP=1 bash -c "$command -Ztime-passes" 2>&1 |
        awk -F'\t' '$2 == "macro_expand_crate" { split($1, t, /[ ;]+/); print t[2] * 1000 }'
done | sort -n | sed -n 4p | xargs printf '%s: macro_expand_crate %s ms (median of 7)\n' "$table"
if [ "${PERF:-}" = 1 ]; then
    perf record -q -e cpu-clock -F 5000 --call-graph dwarf,32768 -o "$out/perf.data" -- \
        bash -c "$command" >/dev/null 2>&1
    echo "perf report -i $out/perf.data --children --sort sym -g none | grep status_codegen"
fi
