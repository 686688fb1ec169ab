#!/usr/bin/env bash
# Build cost of `status_codes!`: `cargo check` time of a small crate that uses the macro, against
# the same crate with the macro's expansion pasted in as plain source (the difference is the
# macro's own work) and against the same crate on rust-i18n with the same strings. Run for the
# shipped table and for generated tables of 100, 300 and 900 codes × 2 and 10 locales.
#
#   bash benches/build-cost.sh            # all tables, 15 timed runs each
#   CHECK_RUNS=3 TABLES="shipped 900x10" bash benches/build-cost.sh
#   MACRO_OPT_LEVEL=3 bash benches/build-cost.sh   # proc macros built optimized
#
# Each timed run touches the crate's src/lib.rs first, so only that crate is checked again; its
# dependencies are built once beforehand. Times are medians (hyperfine when installed, else a
# timing loop). The generated crates live under target/build-cost (BUILD_COST_DIR overrides).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="${BUILD_COST_DIR:-$root/target/build-cost}"
runs="${CHECK_RUNS:-15}"
command="${COMMAND:-check}" # or `build`, to include code generation
tables="${TABLES:-shipped 100x2 100x10 300x2 300x10 900x2 900x10}"
ws="$out/ws"
# Proc macros run as built by `[profile.dev.build-override]`: unoptimized unless a user sets it.
opt_level="${MACRO_OPT_LEVEL:-}"

cargo build -q -p status-bench --example tables --manifest-path "$root/Cargo.toml"
tool="$(cargo metadata -q --format-version 1 --no-deps --manifest-path "$root/Cargo.toml" |
    sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')/debug/examples/tables"
# The probes build apart from the workspace, in a directory kept between runs.
export CARGO_TARGET_DIR="$out/target${opt_level:+-opt$opt_level}"

rm -rf "$ws"
mkdir -p "$ws"
members=()

# The user's side of every probe: one function that turns a code and a tag into a message.
write_status_crate() { # dir name mode(macro|pasted)
    local dir="$1" name="$2" mode="$3"
    mkdir -p "$dir/src"
    cp "$ws/tables/$table.toml" "$dir/codes.toml"
    cat >"$dir/Cargo.toml" <<EOF
[package]
name = "$name"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
status-core = { path = "$root/status-core" }
EOF
    {
        echo '//! Build-cost probe.'
        echo '#![allow(missing_docs)]'
        if [ "$mode" = macro ]; then
            echo 'status_core::status_codes!("codes.toml");'
        else
            "$tool" expand "$dir" codes.toml
        fi
        cat <<'EOF'
pub fn describe(code: u16, tag: &str) -> Option<&'static str> {
    let locale: Locale = tag.parse().unwrap_or_default();
    StatusCode::from_u16(code).map(|code| code.message(locale))
}
EOF
    } >"$dir/src/lib.rs"
    if [ "$mode" = pasted ] && command -v rustfmt >/dev/null; then
        rustfmt --edition 2024 "$dir/src/lib.rs" 2>/dev/null || true
    fi
}

write_i18n_crate() { # dir name
    local dir="$1" name="$2"
    mkdir -p "$dir/src" "$dir/locales"
    "$tool" i18n "$ws/tables/$table.toml" >"$dir/locales/codes.json"
    cat >"$dir/Cargo.toml" <<EOF
[package]
name = "$name"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
rust-i18n = "4"
EOF
    cat >"$dir/src/lib.rs" <<'EOF'
//! Build-cost probe.
rust_i18n::i18n!("locales");

pub fn describe(code: u16, tag: &str) -> String {
    let key = code.to_string();
    rust_i18n::t!(&key, locale = tag).into_owned()
}
EOF
}

mkdir -p "$ws/tables"
for table in $tables; do
    if [ "$table" = shipped ]; then
        cp "$root/codes.toml" "$ws/tables/$table.toml"
    else
        "$tool" table "${table%x*}" "${table#*x}" >"$ws/tables/$table.toml"
    fi
    write_status_crate "$ws/macro-$table" "macro-$table" macro
    write_status_crate "$ws/pasted-$table" "pasted-$table" pasted
    write_i18n_crate "$ws/i18n-$table" "i18n-$table"
    members+=("macro-$table" "pasted-$table" "i18n-$table")
done

{
    echo '[workspace]'
    echo 'resolver = "3"'
    printf 'members = ['
    printf '"%s", ' "${members[@]}"
    echo ']'
    if [ -n "$opt_level" ]; then
        printf '\n[profile.dev.build-override]\nopt-level = %s\n' "$opt_level"
    fi
} >"$ws/Cargo.toml"
# The benchmarks' own lock file pins the same dependency versions.
cp "$root/Cargo.lock" "$ws/Cargo.lock"

echo "building dependencies once" >&2
(cd "$ws" && cargo "$command" -q --workspace)

# median_ms NAME: median wall time of `cargo check -p NAME` after touching its lib.rs.
median_ms() {
    local name="$1" lib="$ws/$1/src/lib.rs"
    if command -v hyperfine >/dev/null; then
        (cd "$ws" && hyperfine -N --style none --warmup 1 --runs "$runs" \
            --prepare "touch $lib" --export-csv "$out/$name.csv" \
            "cargo $command -q --offline -p $name" >/dev/null 2>"$out/$name.log")
        # CSV columns: command,mean,stddev,median,... in seconds.
        awk -F, 'NR == 2 { printf "%.0f", $4 * 1000 }' "$out/$name.csv"
    else
        local samples=() start end
        for _ in $(seq 0 "$runs"); do
            touch "$lib"
            start=$(date +%s%N)
            (cd "$ws" && cargo "$command" -q --offline -p "$name")
            end=$(date +%s%N)
            samples+=($(((end - start) / 1000000)))
        done
        # The first run is a warm-up.
        printf '%s\n' "${samples[@]:1}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
    fi
}

# What cargo itself costs when nothing needs checking: part of every number below.
noop=$(cd "$ws" && for _ in 1 2 3 4 5; do
    start=$(date +%s%N)
    cargo "$command" -q --offline -p "macro-${tables%% *}"
    echo $((($(date +%s%N) - start) / 1000000))
done | sort -n | sed -n 3p)

echo
echo "cargo $command${opt_level:+, proc macros at opt-level $opt_level}; load before timing: $(cut -d' ' -f1-3 /proc/loadavg); runs per cell: $runs; cargo's no-op: $noop ms"
echo
echo "| table | codes × locales | macro (ms) | pasted expansion (ms) | macro's own (ms) | macro's share | rust-i18n (ms) |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for table in $tables; do
    codes=$(grep -c "^\[codes\." "$ws/tables/$table.toml")
    locales=$(grep -o '^message\.[A-Za-z0-9-]*' "$ws/tables/$table.toml" | sort -u | wc -l)
    macro=$(median_ms "macro-$table")
    pasted=$(median_ms "pasted-$table")
    i18n=$(median_ms "i18n-$table")
    awk -v t="$table" -v c="$codes" -v l="$locales" -v m="$macro" -v p="$pasted" -v i="$i18n" 'BEGIN {
        printf "| %s | %d × %d = %d | %d | %d | %d | %.1f%% | %d |\n", t, c, l, c * l, m, p, m - p, 100 * (m - p) / m, i
    }'
done
