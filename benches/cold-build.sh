#!/usr/bin/env bash
# Cold build time of a one-line user crate: `status_core::status_codes!("codes.toml")` with the
# shipped table, against the same codes declared with thiserror's derive and with strum's
# derives (`tables thiserror` / `tables strum`), each built from nothing (`cargo build`, the
# dev profile, every dependency included).
#
#   bash benches/cold-build.sh                     # this checkout, thiserror, strum; 5 rounds
#   BASELINE=/tmp/old bash benches/cold-build.sh   # plus the same crate on another checkout
#   ROUNDS=3 bash benches/cold-build.sh
#   SOURCE=path bash benches/cold-build.sh         # status-core as a path dependency
#
# status-core comes in as a user's crate gets it from crates.io: by default (SOURCE=git) as a git
# dependency on the checkout's HEAD commit, which cargo compiles as it compiles a registry crate
# (no incremental compilation, lints capped), like thiserror and strum here. Uncommitted changes
# are not measured then. SOURCE=path makes it a path dependency instead, which cargo compiles as
# a local crate, with incremental compilation and our workspace's lints, as a contributor's
# build does; that is slower (BENCHMARKS.md, run H) and is how runs E and G measured.
#
# A baseline checkout is made with `git worktree add /tmp/old COMMIT`; its crate uses that
# checkout's status-core, lock file and shipped table. Every crate is its own workspace with its
# own target directory, removed before each build (hyperfine's --prepare); sources are fetched
# once, so the builds run offline. One round builds every crate once, in an order that rotates
# between rounds, so that a slow stretch of the shared machine falls on all of them. The crates
# live under target/cold-build (COLD_BUILD_DIR overrides).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="${COLD_BUILD_DIR:-$root/target/cold-build}"
rounds="${ROUNDS:-5}"
baseline="${BASELINE:-}"
source="${SOURCE:-git}"
case "$source" in git | path) ;; *) echo "SOURCE must be git or path, not $source" >&2 && exit 2 ;; esac

cargo build -q -p status-bench --example tables --manifest-path "$root/Cargo.toml"
tool="$(cargo metadata -q --format-version 1 --no-deps --manifest-path "$root/Cargo.toml" |
    sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')/debug/examples/tables"

rm -rf "$out"
mkdir -p "$out"
crates=()

manifest() { # name dependency-lines...
    local name="$1"
    shift
    printf '[package]\nname = "%s"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n' "$name"
    printf '[dependencies]\n'
    printf '%s\n' "$@"
    # Its own workspace, so that it builds apart from the one around it.
    printf '\n[workspace]\n'
}

status_crate() { # name checkout
    local dir="$out/$1" checkout="$2"
    mkdir -p "$dir/src"
    if [ "$source" = git ]; then
        local repo rev
        repo="$(git -C "$checkout" rev-parse --path-format=absolute --git-common-dir)"
        rev="$(git -C "$checkout" rev-parse HEAD)"
        if [ -n "$(git -C "$checkout" status --porcelain --untracked-files=no)" ]; then
            echo "note: $checkout has uncommitted changes; SOURCE=git builds its commit $rev" >&2
        fi
        manifest "$1" "status-core = { git = \"file://$repo\", rev = \"$rev\" }" >"$dir/Cargo.toml"
    else
        manifest "$1" "status-core = { path = \"$checkout/status-core\" }" >"$dir/Cargo.toml"
    fi
    cp "$checkout/codes.toml" "$dir/codes.toml"
    cp "$checkout/Cargo.lock" "$dir/Cargo.lock"
    printf '%s\n' '//! Cold-build probe.' '#![allow(missing_docs)]' \
        'status_core::status_codes!("codes.toml");' >"$dir/src/lib.rs"
    crates+=("$1")
}

derive_crate() { # derive dependency-line
    local name="with-$1" dir="$out/with-$1"
    mkdir -p "$dir/src"
    manifest "$name" "$2" >"$dir/Cargo.toml"
    "$tool" "$1" "$root/codes.toml" >"$dir/src/lib.rs"
    crates+=("$name")
}

status_crate with-status-codes "$root"
[ -n "$baseline" ] && status_crate with-status-codes-baseline "$baseline"
derive_crate thiserror 'thiserror = "2"'
derive_crate strum 'strum = { version = "0.27", features = ["derive"] }'

echo "fetching sources and checking that every crate builds" >&2
for crate in "${crates[@]}"; do
    (cd "$out/$crate" && cargo fetch -q && cargo build -q --offline && rm -rf target)
done

echo
echo "rustc: $(rustc --version); started $(date -u '+%F %R UTC'); load: $(cut -d' ' -f1-3 /proc/loadavg); rounds: $rounds; status-core from: $source"
for crate in "${crates[@]}"; do
    (cd "$out/$crate" && printf -- '- %s: %s\n' "$crate" \
        "$(cargo tree -q --offline -e normal,build --prefix none | sed 's/ (.*//; s/ v/ /' | sort -u |
            grep -v "^$crate " | tr '\n' ',' | sed 's/,$//; s/,/, /g')")
done

for round in $(seq 1 "$rounds"); do
    # Rotate the order: round r starts with crate r.
    order=()
    for index in "${!crates[@]}"; do
        order+=("${crates[$(((index + round - 1) % ${#crates[@]}))]}")
    done
    args=()
    for crate in "${order[@]}"; do
        args+=(--prepare "rm -rf $out/$crate/target" --command-name "$crate"
            "cargo build -q --offline --manifest-path $out/$crate/Cargo.toml")
    done
    hyperfine -N --style none --runs 1 --export-json "$out/round-$round.json" "${args[@]}" >/dev/null
done
echo "finished $(date -u '+%F %R UTC'); load: $(cut -d' ' -f1-3 /proc/loadavg)"

# Per crate: the median wall time over the rounds, the median CPU time (user + system), and the
# median over the rounds of its wall time divided by strum's in the same round.
echo
echo "| crate | wall (s) | range (s) | CPU, user + system (s) | relative to strum | range |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
jq -s -r '
    def median: sort | .[(length - 1) / 2 | floor];
    [.[].results[] | {name: .command, wall: .times[0], cpu: (.user + .system)}] as $all
    | [.[] | (.results | map({(.command): .times[0]}) | add)] as $byround
    | ($all | map(.name) | unique) as $names
    | ["with-status-codes", "with-status-codes-baseline", "with-thiserror", "with-strum"][] as $name
    | select($names | index($name))
    | [$all[] | select(.name == $name)] as $runs
    | [$byround[] | .[$name] / .["with-strum"]] as $ratio
    | "| \($name) | \($runs | map(.wall) | median | . * 100 | round / 100) | \($runs | map(.wall) | min | . * 100 | round / 100)–\($runs | map(.wall) | max | . * 100 | round / 100) | \($runs | map(.cpu) | median | . * 100 | round / 100) | \($ratio | median | . * 100 | round / 100)× | \($ratio | min | . * 100 | round / 100)–\($ratio | max | . * 100 | round / 100)× |"
' "$out"/round-*.json
