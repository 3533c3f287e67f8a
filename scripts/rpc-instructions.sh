#!/usr/bin/env bash
# rpc-instructions.sh BENCH [REV]: instructions one RPC of the in-process RPC
# benchmarks (internal/provider/rpc_bench_test.go) executes, counted by
# valgrind's callgrind: a figure that the load of a shared machine does not
# change, for comparing two builds. BENCH is a benchmark name such as
# BenchmarkRPCReadChannels; REV, if given, is a commit to measure instead of
# the work tree (it is built from `git archive` into .tmp).
#
# Each count is ((instructions at 2N runs) - (instructions at N runs)) / N,
# so set-up is not counted; the median of K such counts is printed. The
# garbage collector is off (GOGC=off), since when it runs depends on timing
# under valgrind: the figure is the provider's own work, and B/op from
# `go test -bench RPC -benchmem` tells the allocation it leaves to the
# collector. Environment: N (default 200), K (default 5).
set -euo pipefail
bench=${1:?usage: rpc-instructions.sh BENCH [REV]}
rev=${2:-}
n=${N:-200} k=${K:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
command -v valgrind >/dev/null || { echo "valgrind is not on PATH (apt-get install valgrind)" >&2; exit 1; }
mkdir -p "$root/.tmp"
bin=$(mktemp "$root/.tmp/rpc-bench-XXXXXX.test")
trap 'rm -f "$bin"' EXIT
if [ -n "$rev" ]; then
  src=$(mktemp -d "$root/.tmp/rpc-src-XXXXXX")
  trap 'rm -rf "$bin" "$src"' EXIT
  git -C "$root" archive "$rev" | tar -x -C "$src"
  (cd "$src" && go test -c -o "$bin" ./internal/provider/)
else
  (cd "$root" && go test -c -o "$bin" ./internal/provider/)
fi
count() {
  # Callgrind stops at Go's preemption signals unless they are off.
  (cd "$root/internal/provider" && GOGC=off GODEBUG=asyncpreemptoff=1 valgrind --tool=callgrind \
    --callgrind-out-file=/dev/null "$bin" -test.run '^$' -test.bench "^$bench\$" -test.benchtime "${1}x" 2>&1) |
    sed -n 's/.*Collected : //p'
}
vals=()
for _ in $(seq "$k"); do
  a=$(count "$n") b=$(count $((2 * n)))
  vals+=($(((b - a) / n)))
done
median=$(printf '%s\n' "${vals[@]}" | sort -n | sed -n "$(((k + 1) / 2))p")
echo "$bench ${rev:-work tree}: $median instructions per RPC (median of $k: ${vals[*]})"
