#!/usr/bin/env bash
# drift-check on an embedding column of ROWS x DIM float vectors on each side (JSON lines), wall time and peak memory
# from /usr/bin/time -v, with the load average before and after. See docs/benchmarks.md, "drift-check: embeddings".
#
# usage: bench/drift/embeddings.sh [DATA_DIR] [ROWS] [DIM]
# needs: .NET SDK, Debian python3-numpy (/usr/bin/python3), GNU time (/usr/bin/time)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="${1:-/tmp/drift-embeddings}"
rows="${2:-100000}"
dim="${3:-768}"
mkdir -p "$data"

if [ ! -f "$data/reference.jsonl" ] || [ "$(wc -l < "$data/reference.jsonl")" -ne "$rows" ] || [ "$(cat "$data/dim" 2>/dev/null)" != "$dim" ]; then
  echo "generating $rows x $dim vectors per side into $data"
  /usr/bin/python3 "$here/generate_embeddings.py" "$data" "$rows" "$dim"
  echo "$dim" > "$data/dim"
fi
ls -l "$data"/*.jsonl

echo "building drift-check (Release)"
dotnet publish "$root/src/Gates.DriftCheck" -c Release -o "$data/tool" --nologo -v q >/dev/null

echo "load average before: $(cat /proc/loadavg)"
status=0
/usr/bin/time -v dotnet "$data/tool/drift-check.dll" --reference "$data/reference.jsonl" --current "$data/current.jsonl" \
  -t "$here/embeddings.yaml" --ci none --drift-json "$data/drift.json" >"$data/out.txt" 2>"$data/time.txt" || status=$?
echo "load average after:  $(cat /proc/loadavg)"
echo "exit code $status (1 = the shift was detected)"
grep -E "Elapsed \(wall clock\)|Maximum resident set size|User time|System time" "$data/time.txt"
/usr/bin/python3 - "$data/drift.json" <<'PY'
import json, sys
for column in json.load(open(sys.argv[1]))["columns"]:
    if "embedding" in column:
        e = column["embedding"]
        print(f"{column['name']}: {column['status']}, {e['dimension']} dims, {e['referenceRows']} + {e['currentRows']} rows")
        for m in e["methods"]:
            print(f"  {m['name']}: {m['statisticName']} {m['statistic']:.4g} (threshold {m['threshold']}), p {m['pValue']:.4g}, drift {m['drift']}")
PY
