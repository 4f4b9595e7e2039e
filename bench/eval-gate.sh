#!/usr/bin/env bash
# End-to-end eval-gate benchmark: one million per-item JSONL lines (~160 MB) through ten gates, as a user runs it,
# side by side in each round with: the same file paired against itself (--baseline, one McNemar delta gate over 1M
# items), a plain Python json.loads loop (bench/eval-gate-python.py) and `cat` (the page-cache floor).
# The same ten gates over the file's first 1,000 lines show the fixed cost of a run (start-up, JIT, thresholds, report;
# its MB/s column means nothing).
# Usage: bash bench/eval-gate.sh [lines] [rounds]   (numbers go to docs/benchmarks.md)
# BEFORE=/path/to/eval-gate.dll (or an installed eval-gate command, e.g. main's ReadyToRun install in its OUT dir:
# BEFORE=/tmp/gates-bench-eval-gate/tools/eval-gate) adds an earlier build to each round; OUT=dir packs and installs into dir.
set -euo pipefail
cd "$(dirname "$0")/.."
lines=${1:-1000000}
rounds=${2:-3}
file=/tmp/gates-bench-$lines.jsonl
out=${OUT:-/tmp/gates-bench-eval-gate}  # OUT=... keeps installs of parallel checkouts apart
# As users run it: packed and installed with `dotnet tool install`, which picks the Native AOT linux-x64 package
# here (a private package cache, so a stale copy of the same version is never installed).
rm -rf "$out" && mkdir -p "$out"
dotnet pack -c Release src/Gates.EvalGate -o "$out/packages" >/dev/null
NUGET_PACKAGES="$out/cache" dotnet tool install Gates.EvalGate --prerelease --tool-path "$out/tools" --add-source "$out/packages" >/dev/null
eval_gate="$out/tools/eval-gate"
before=()
if [ -n "${BEFORE:-}" ]; then
  case "$BEFORE" in *.dll) before=(dotnet "$BEFORE") ;; *) before=("$BEFORE") ;; esac
fi
[ -f "$file" ] || dotnet run -c Release --project bench/EvalGateJsonl -- "$lines" "$file" --repeat 0 >/dev/null
small=/tmp/gates-bench-1000.jsonl
head -1000 "$file" > "$small"
mb=$(awk -v b="$(stat -c %s "$file")" 'BEGIN{printf "%.1f", b/1e6}')
echo "file: $file ($mb MB, $lines lines), $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg)"

measure() { # name, command...
  local name=$1; shift
  /usr/bin/time -f "%e %M %U %S" -o /tmp/gates-bench-time "$@" >/dev/null || true
  read -r seconds kb user sys < /tmp/gates-bench-time
  awk -v n="$name" -v s="$seconds" -v k="$kb" -v u="$user" -v y="$sys" -v m="$mb" \
    'BEGIN{printf "  %-24s %6.2f s wall %6.0f MB/s  %5.2f s CPU  peak RSS %4.0f MB\n", n, s, m/s, u+y, k/1024}'
}

for round in $(seq "$rounds"); do
  echo "round $round (load average $(cut -d' ' -f1 /proc/loadavg))"
  measure "eval-gate" "$eval_gate" --results "$file" \
    --thresholds bench/EvalGateJsonl/ten-gates.yaml --ci none
  if [ -n "${BEFORE:-}" ]; then
    measure "eval-gate (before)" "${before[@]}" --results "$file" \
      --thresholds bench/EvalGateJsonl/ten-gates.yaml --ci none
  fi
  measure "eval-gate, 1,000 lines" "$eval_gate" --results "$small" \
    --thresholds bench/EvalGateJsonl/ten-gates.yaml --ci none
  if [ -n "${BEFORE:-}" ]; then
    measure "eval-gate, 1,000 lines (before)" "${before[@]}" --results "$small" \
      --thresholds bench/EvalGateJsonl/ten-gates.yaml --ci none
  fi
  measure "eval-gate --baseline" "$eval_gate" --results "$file" --baseline "$file" \
    --thresholds bench/EvalGateJsonl/ten-gates-paired.yaml --ci none
  if [ -n "${BEFORE:-}" ]; then
    measure "eval-gate --baseline (before)" "${before[@]}" --results "$file" --baseline "$file" \
      --thresholds bench/EvalGateJsonl/ten-gates-paired.yaml --ci none
  fi
  measure "python json loop" python3 bench/eval-gate-python.py "$file"
  measure "cat (page cache)" cat "$file"
done
