#!/usr/bin/env bash
# End-to-end eval-gate benchmark: one million per-item JSONL lines (~160 MB) through ten gates, as a user runs it.
# Usage: bash bench/eval-gate.sh [lines]   (numbers go to docs/benchmarks.md)
set -euo pipefail
cd "$(dirname "$0")/.."
lines=${1:-1000000}
file=/tmp/gates-bench-$lines.jsonl
dotnet build -c Release src/Gates.EvalGate -o /tmp/gates-bench-eval-gate >/dev/null
[ -f "$file" ] || dotnet run -c Release --project bench/EvalGateJsonl -- "$lines" "$file" --repeat 0 >/dev/null
mb=$(( $(stat -c %s "$file") / 1000000 ))
echo "file: $file ($mb MB, $lines lines)"
for run in 1 2 3 4 5; do
  /usr/bin/time -f "%e %M %U %S" -o /tmp/gates-bench-time dotnet /tmp/gates-bench-eval-gate/eval-gate.dll \
    --results "$file" --thresholds bench/EvalGateJsonl/ten-gates.yaml --ci none >/dev/null || true
  read -r seconds kb user sys < /tmp/gates-bench-time
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN{print u+s}')
  echo "run $run: ${seconds}s wall ($(awk -v m="$mb" -v s="$seconds" 'BEGIN{printf "%.0f", m/s}') MB/s), ${cpu}s CPU, peak RSS $((kb / 1024)) MB"
done
