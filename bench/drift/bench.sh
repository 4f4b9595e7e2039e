#!/usr/bin/env bash
# drift-check against pandas read_csv + scipy ks_2samp / chi2_contingency + numpy PSI doing the same per-column work,
# on the same machine in the same run, wall time and peak memory from /usr/bin/time -v. See docs/benchmarks.md.
#
# usage: bench/drift/bench.sh [DATA_DIR] [ROWS] [REPEATS]
# needs: .NET SDK, Debian python3-pandas and python3-scipy (/usr/bin/python3), GNU time (/usr/bin/time)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="${1:-/tmp/drift-bench}"
rows="${2:-1000000}"
repeats="${3:-3}"
python=/usr/bin/python3
mkdir -p "$data"

if [ ! -f "$data/reference.csv" ] || [ "$(($(wc -l < "$data/reference.csv") - 1))" -ne "$rows" ]; then
  echo "generating $rows rows x 20 columns into $data"
  "$python" "$here/generate.py" "$data" "$rows"
fi

echo "packing and installing drift-check (Release)"
# As users run it: `dotnet tool install` takes the precompiled linux-x64 package on this machine (a private package
# cache, so a stale copy of the same version is never installed). Not `publish -r linux-x64`: that would restore
# every referenced project for the RID and rewrite their lock files.
rm -rf "$data/tool" && mkdir -p "$data/tool"
dotnet pack "$root/src/Gates.DriftCheck" -c Release -o "$data/tool/packages" --nologo -v q >/dev/null
NUGET_PACKAGES="$data/tool/cache" dotnet tool install Gates.DriftCheck --prerelease --tool-path "$data/tool/bin" \
  --add-source "$data/tool/packages" >/dev/null

run_drift() {
  /usr/bin/time -v "$data/tool/bin/drift-check" --reference "$data/reference.csv" --current "$data/current.csv" \
    -t "$here/thresholds.yaml" --ci none --drift-json "$data/drift.json" >/dev/null 2>"$data/time-drift.txt" || true
}

run_pandas() {
  /usr/bin/time -v "$python" "$here/pandas_scipy.py" "$data/reference.csv" "$data/current.csv" "$data/pandas.json" \
    >/dev/null 2>"$data/time-pandas.txt"
}

seconds() { awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$1"; }
peak_mb() { awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$1"; }
cpu() { awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {printf "%.1f", u + s}' "$1"; }

printf '%-8s %-12s %10s %10s %12s\n' run tool wall_s cpu_s peak_MiB
for i in $(seq 1 "$repeats"); do
  # alternate the order so that neither tool always runs on a warmer page cache
  if [ $((i % 2)) -eq 1 ]; then order="drift pandas"; else order="pandas drift"; fi
  for tool in $order; do
    "run_$tool"
    f="$data/time-$tool.txt"
    printf '%-8s %-12s %10s %10s %12s\n' "$i" "$tool" "$(seconds "$f")" "$(cpu "$f")" "$(peak_mb "$f")"
  done
done

echo
echo "sanity check: the same statistics from both"
"$python" "$here/check_same.py" "$data/drift.json" "$data/pandas.json" | tail -1

corpus="$root/../shared/corpus/tables/adult_income.csv"
if [ -f "$corpus" ]; then
  "$python" - "$corpus" "$data" <<'PY'
import sys, pandas as pd
frame = pd.read_csv(sys.argv[1])
frame[frame.sex == "Male"].to_csv(sys.argv[2] + "/adult-male.csv", index=False)
frame[frame.sex == "Female"].to_csv(sys.argv[2] + "/adult-female.csv", index=False)
PY
  "$data/tool/bin/drift-check" --reference "$data/adult-male.csv" --current "$data/adult-female.csv" -t "$here/thresholds.yaml" \
    --ci none --drift-json "$data/adult-drift.json" >/dev/null || true
  "$python" "$here/pandas_scipy.py" "$data/adult-male.csv" "$data/adult-female.csv" "$data/adult-pandas.json" >/dev/null
  echo "sanity check on the corpus (adult_income.csv, male vs female):"
  "$python" "$here/check_same.py" "$data/adult-drift.json" "$data/adult-pandas.json" | tail -1
fi
