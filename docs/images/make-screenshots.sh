#!/usr/bin/env bash
# Makes the README's screenshots of the --html reports: runs each tool on the bundled samples with --html and takes a
# PNG of each page with headless Chromium (Debian package "chromium"). Run from anywhere: bash docs/images/make-screenshots.sh
# Offline: the pages load nothing from the network. Writes docs/images/<tool>-report.png (each kept small).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
images="$root/docs/images"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
chromium="$(command -v chromium || command -v chromium-browser || true)"
[ -n "$chromium" ] || { echo "make-screenshots: install Chromium (Debian package 'chromium')" >&2; exit 2; }

tools=(Gates.EvalGate Gates.DriftCheck Gates.GateReport Gates.ManifestBump Gates.LatencyBench)
for project in "${tools[@]}"; do
  dotnet build "$root/src/$project" -v quiet -nologo >/dev/null
done
run() { local project="$1"; shift; (cd "$root" && dotnet run --no-build --project "src/$project" -- "$@" >/dev/null) || true; }

# Each tool on its sample; exit codes 1 (fail) are expected for the failing samples.
run Gates.EvalGate --results samples/eval/items-candidate.jsonl --baseline samples/eval/items-baseline.jsonl \
  --thresholds thresholds/quality-paired.yaml --html "$work/eval-gate.html" --report-json "$work/eval.json"
run Gates.DriftCheck --reference samples/drift/reference.csv --current samples/drift/current-drift.csv \
  --thresholds samples/drift/thresholds.yaml --html "$work/drift-check.html" --report-json "$work/drift.json"
run Gates.EvalGate --results samples/eval/warn.json --thresholds thresholds/quality.yaml --report-json "$work/eval-warn.json"
(cd "$work" && dotnet run --no-build --project "$root/src/Gates.GateReport" -- \
  --reports eval.json --reports eval-warn.json --reports drift.json --html gate-report.html >/dev/null) || true
cp -r "$root/samples/manifests" "$work/manifests"
run Gates.ManifestBump --config "$work/manifests/manifest-bump.yaml" --model-version 13 --repo-root "$work/manifests" \
  --dry-run --html "$work/manifest-bump.html"
run Gates.LatencyBench gate --results samples/latency/vllm-bench-serve.json --thresholds thresholds/latency.yaml \
  --html "$work/latency-bench.html"
# canary-validate needs a Prometheus with a canary's series: the page is the one its chart test makes against the real
# Prometheus of the tests (a canary rolled back on its error rate).
GATES_SCREENSHOT_DIR="$work" dotnet test "$root/tests/Gates.CanaryValidate.Tests" -v quiet -nologo \
  --filter "FullyQualifiedName~A_rolled_back_canary_shows_its_gates_over_the_looks" >/dev/null

shoot() {
  local name="$1" size="$2"
  [ -s "$work/$name.html" ] || { echo "make-screenshots: $name wrote no HTML report" >&2; exit 1; }
  "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --disable-background-networking \
    --user-data-dir="$work/profile" --window-size="$size" --screenshot="$images/$name-report.png" \
    "file://$work/$name.html" >/dev/null 2>&1
  echo "$images/$name-report.png $(stat -c %s "$images/$name-report.png") bytes"
}
shoot eval-gate 1000,760
shoot drift-check 1000,760
shoot gate-report 1000,900
shoot manifest-bump 1000,700
shoot latency-bench 1000,900
shoot canary-validate 1000,900
