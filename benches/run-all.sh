#!/usr/bin/env bash
# Every table of BENCHMARKS.md in one go, printed as Markdown:
#
#   bash benches/run-all.sh            # RUNS=5 runtime processes, then expansion and build cost
#   BASELINE=/tmp/old bash benches/run-all.sh   # also the runtime bench of another checkout
#
# A baseline checkout (`git worktree add /tmp/old COMMIT`) runs its own runtime bench in
# processes alternating with ours, so both sit through the same load; its tables follow ours,
# and the cold-build comparison (`cold-build.sh`) builds its crate too.
#
# The runtime bench runs in RUNS separate processes: on a shared virtual machine one process's
# results can sit a third away from the next one's while each is tight in itself, so the report
# gives the median over the runs and the range of each ratio. Results go to target/bench-runs.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${RUNS:-5}"
baseline="${BASELINE:-}"
out="$root/target/bench-runs"
rm -rf "$out"
mkdir -p "$out"
cd "$root"

echo "rustc: $(rustc --version); started $(date -u '+%F %R UTC'); load: $(cut -d' ' -f1-3 /proc/loadavg)"
cargo bench -q -p status-bench --no-run 2>/dev/null
[ -n "$baseline" ] && (cd "$baseline" && cargo bench -q -p status-bench --no-run 2>/dev/null)
dirs=() baseline_dirs=()
for run in $(seq 1 "$runs"); do
    if [ -n "$baseline" ]; then
        (cd "$baseline" && CRITERION_HOME="$out/baseline-runtime-$run" \
            cargo bench -q -p status-bench --bench runtime >"$out/baseline-runtime-$run.log")
        baseline_dirs+=("$out/baseline-runtime-$run")
    fi
    CRITERION_HOME="$out/runtime-$run" cargo bench -q -p status-bench --bench runtime >"$out/runtime-$run.log"
    CRITERION_HOME="$out/runtime-$run" cargo bench -q -p status-bench --bench negotiation \
        >>"$out/runtime-$run.log"
    dirs+=("$out/runtime-$run")
done
CRITERION_HOME="$out/expansion" cargo bench -q -p status-bench --bench expansion >"$out/expansion.log"
echo "load after the criterion benches: $(cut -d' ' -f1-3 /proc/loadavg)"
cargo run -q -p status-bench --example report -- "${dirs[@]}" "$out/expansion"
if [ -n "$baseline" ]; then
    echo
    echo "baseline: $baseline at $(git -C "$baseline" rev-parse --short HEAD)"
    cargo run -q -p status-bench --example report -- "${baseline_dirs[@]}"
fi

echo
bash benches/build-cost.sh
echo
MACRO_OPT_LEVEL=3 bash benches/build-cost.sh
echo
bash benches/cold-build.sh
echo
echo "finished $(date -u '+%F %R UTC'); load: $(cut -d' ' -f1-3 /proc/loadavg)"
