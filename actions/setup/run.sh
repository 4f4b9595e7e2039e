#!/usr/bin/env bash
# Runs one installed Gates tool for a composite action and exits with the tool's exit code.
#
#   run.sh TOOL
#
# Environment:
#   GATES_TOOLS_DIR    folder with the installed tools (the setup step's `path` output)
#   GATES_SUBCOMMAND   latency-bench: run | gate | merge; manifest-bump: empty or promote-alias
#   GATES_ARGS         extra arguments, one per line, passed as they are (data, never evaluated by the shell)
#   GATES_*            every other flag, read by the tool itself (GATES_RESULTS, GATES_THRESHOLDS, ...)
#
# Files the tool can write get a default place in a fresh folder under "$RUNNER_TEMP/gates/reports" when their
# input is empty: the gate report (GATES_REPORT_JSON), latency-bench's results file, drift-check's HTML and
# Markdown, gate-report's evidence bundle. Besides the outputs the tool writes itself (verdict, passed,
# report-json), this adds `exit-code`, `report-markdown` (a copy of the step summary the tool wrote) and the
# tool's own file outputs, each only when the file exists.
set -euo pipefail

tool="${1:-}"
output() { echo "$1=$2" >> "${GITHUB_OUTPUT:-/dev/null}"; }
refuse() { # code message
  echo "::error title=Gates::$2" >&2
  output exit-code "$1"
  exit "$1"
}

sub="${GATES_SUBCOMMAND:-}"
case "$tool" in
  eval-gate | drift-check | canary-validate | gate-report)
    [ -z "$sub" ] || refuse 2 "$tool has no subcommand '$sub'" ;;
  manifest-bump)
    case "$sub" in
      "" | promote-alias) ;;
      *) refuse 2 "manifest-bump command: '$sub' is not empty or promote-alias" ;;
    esac ;;
  latency-bench)
    case "$sub" in
      run | gate | merge) ;;
      *) refuse 2 "latency-bench command: '$sub' is not one of run|gate|merge" ;;
    esac ;;
  *) refuse 2 "unknown tool '$tool': expected eval-gate, latency-bench, drift-check, canary-validate, manifest-bump or gate-report" ;;
esac

exe="${GATES_TOOLS_DIR:-${RUNNER_TEMP:-/tmp}/gates/tools}/$tool"
[ -x "$exe" ] || refuse 3 "$tool is not installed in ${exe%/*}"
unset GATES_TOOLS_DIR GATES_TOOL GATES_SUBCOMMAND

reports="${RUNNER_TEMP:-/tmp}/gates/reports"
mkdir -p "$reports"
run_dir="$(mktemp -d "$reports/$tool.XXXXXX")"
default() { # variable path: gives the variable a path in the run folder when it is empty
  if [ -z "${!1:-}" ]; then export "$1=$run_dir/$2"; fi
}
default GATES_REPORT_JSON "$tool.json"
files=() # output=variable pairs reported when the file exists
case "$tool/$sub" in
  latency-bench/run | latency-bench/merge) default GATES_SAVE_RESULTS latency-results.json; files+=(results-file=GATES_SAVE_RESULTS) ;;
  drift-check/) default GATES_HTML drift.html; default GATES_MARKDOWN drift.md; files+=(html-report=GATES_HTML drift-markdown=GATES_MARKDOWN evidently-json=GATES_EVIDENTLY_JSON) ;;
  gate-report/) default GATES_EVIDENCE evidence.json; files+=(evidence=GATES_EVIDENCE) ;;
esac

args=()
[ -z "$sub" ] || args+=("$sub")
while IFS= read -r line || [ -n "$line" ]; do
  line="${line%$'\r'}"
  [ -z "${line//[[:space:]]/}" ] || args+=("$line")
done <<< "${GATES_ARGS:-}"
unset GATES_ARGS

code=0
"$exe" ${args[@]+"${args[@]}"} || code=$?

output exit-code "$code"
summary="${GITHUB_STEP_SUMMARY:-}"
if [ -n "$summary" ] && [ -s "$summary" ]; then
  cp "$summary" "$run_dir/$tool.md"
  output report-markdown "$run_dir/$tool.md"
fi
for pair in ${files[@]+"${files[@]}"}; do
  variable="${pair#*=}"
  path="${!variable:-}"
  if [ -f "$path" ]; then output "${pair%%=*}" "$path"; fi
done
if [ "$tool" = canary-validate ]; then
  case "$code" in
    0) output decision promote ;;
    1) output decision rollback ;;
    4) output decision inconclusive ;;
  esac
fi
exit "$code"
