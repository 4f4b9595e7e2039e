#!/usr/bin/env bash
# Runs one installed Gates tool for a composite action and exits with the tool's exit code.
#
#   run.sh TOOL
#
# Environment:
#   GATES_TOOLS_DIR    folder with the installed tools (the setup step's `path` output)
#   GATES_ARGS         extra arguments, one per line, passed as they are (data, never evaluated by the shell)
#   GATES_*            every other flag, read by the tool itself (GATES_RESULTS, GATES_THRESHOLDS, ...)
#
# When GATES_REPORT_JSON is empty the report goes to a fresh folder under "$RUNNER_TEMP/gates/reports", so
# the `report-json` output is always set when the tool produced a report. The Markdown report is written
# next to it (`report-markdown` output) and the text report goes to the log. Besides the outputs the tool
# writes itself (verdict, passed, report-json), this adds `exit-code` and `report-markdown`.
set -euo pipefail

tool="${1:-}"
case "$tool" in
  eval-gate | latency-bench | drift-check | canary-validate | manifest-bump | gate-report) ;;
  *)
    echo "::error title=Gates::unknown tool '$tool': expected eval-gate, latency-bench, drift-check, canary-validate, manifest-bump or gate-report" >&2
    echo "exit-code=2" >> "${GITHUB_OUTPUT:-/dev/null}"
    exit 2 ;;
esac

exe="${GATES_TOOLS_DIR:-${RUNNER_TEMP:-/tmp}/gates/tools}/$tool"
if [ ! -x "$exe" ]; then
  echo "::error title=Gates::$tool is not installed in ${exe%/*}" >&2
  echo "exit-code=3" >> "${GITHUB_OUTPUT:-/dev/null}"
  exit 3
fi
unset GATES_TOOLS_DIR GATES_TOOL

reports="${RUNNER_TEMP:-/tmp}/gates/reports"
mkdir -p "$reports"
run_dir="$(mktemp -d "$reports/$tool.XXXXXX")"
if [ -z "${GATES_REPORT_JSON:-}" ]; then
  export GATES_REPORT_JSON="$run_dir/$tool.json"
fi
markdown="$run_dir/$tool.md"
export GATES_FORMAT=markdown GATES_OUTPUT="$markdown"

args=()
while IFS= read -r line || [ -n "$line" ]; do
  line="${line%$'\r'}"
  [ -z "${line//[[:space:]]/}" ] || args+=("$line")
done <<< "${GATES_ARGS:-}"
unset GATES_ARGS

code=0
"$exe" ${args[@]+"${args[@]}"} || code=$?

{
  echo "exit-code=$code"
  if [ -f "$markdown" ]; then echo "report-markdown=$markdown"; fi
} >> "${GITHUB_OUTPUT:-/dev/null}"
exit "$code"
