#!/usr/bin/env bash
# Build cost of `status_codes!`: `cargo check` time of a small crate that uses the macro, against
# the same crate with the macro's expansion pasted in as plain source (the difference is the
# macro's own work) and against the same crate on rust-i18n with the same strings. Run for the
# shipped table and for generated tables of 100, 300 and 900 codes × 2 and 10 locales.
#
#   bash benches/build-cost.sh            # all tables, 15 timed rounds each
#   CHECK_RUNS=3 TABLES="shipped 900x10" bash benches/build-cost.sh
#   MACRO_OPT_LEVEL=3 bash benches/build-cost.sh   # proc macros built optimized
#
# Each timed run touches the crate's src/lib.rs first, so only that crate is checked again; its
# dependencies are built once beforehand. The three crates of a table are timed in interleaved
# rounds; times are medians over the rounds, and the macro's own time is the median of the
# per-round differences. The generated crates live under target/build-cost (BUILD_COST_DIR
# overrides).
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

# time_ms NAME: wall time of one `cargo check -p NAME` after touching its lib.rs, in ms.
time_ms() {
    local start
    touch "$ws/$1/src/lib.rs"
    start=$(date +%s%N)
    (cd "$ws" && cargo "$command" -q --offline -p "$1")
    echo $((($(date +%s%N) - start) / 1000000))
}

# median: of the numbers on standard input.
median() {
    sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

# What cargo itself costs when nothing needs checking: part of every number below.
noop=$(cd "$ws" && for _ in 1 2 3 4 5; do
    start=$(date +%s%N)
    cargo "$command" -q --offline -p "macro-${tables%% *}"
    echo $((($(date +%s%N) - start) / 1000000))
done | sort -n | sed -n 3p)

echo
echo "cargo $command${opt_level:+, proc macros at opt-level $opt_level}; load before timing: $(cut -d' ' -f1-3 /proc/loadavg); rounds: $runs; cargo's no-op: $noop ms"
echo
echo "| table | codes × locales | macro (ms) | pasted expansion (ms) | macro's own (ms) | macro's share | rust-i18n (ms) |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for table in $tables; do
    codes=$(grep -c "^\[codes\." "$ws/tables/$table.toml")
    locales=$(grep -o '^message\.[A-Za-z0-9-]*' "$ws/tables/$table.toml" | sort -u | wc -l)
    # One round times the three probes back to back, in alternating order, so that a slow
    # stretch of a shared machine hits all three; the macro's own time is the median of the
    # per-round differences. Round 0 is a warm-up.
    macro=() pasted=() i18n=() own=()
    for round in $(seq 0 "$runs"); do
        if [ $((round % 2)) = 0 ]; then
            m=$(time_ms "macro-$table") p=$(time_ms "pasted-$table")
        else
            p=$(time_ms "pasted-$table") m=$(time_ms "macro-$table")
        fi
        i=$(time_ms "i18n-$table")
        [ "$round" = 0 ] && continue
        macro+=("$m") pasted+=("$p") i18n+=("$i") own+=($((m - p)))
    done
    m=$(printf '%s\n' "${macro[@]}" | median)
    p=$(printf '%s\n' "${pasted[@]}" | median)
    i=$(printf '%s\n' "${i18n[@]}" | median)
    o=$(printf '%s\n' "${own[@]}" | median)
    awk -v t="$table" -v c="$codes" -v l="$locales" -v m="$m" -v p="$p" -v o="$o" -v i="$i" 'BEGIN {
        printf "| %s | %d × %d = %d | %d | %d | %d | %.1f%% | %d |\n", t, c, l, c * l, m, p, o, 100 * o / m, i
    }'
done
