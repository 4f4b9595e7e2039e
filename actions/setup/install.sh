#!/usr/bin/env bash
# Installs Gates tools into "$RUNNER_TEMP/gates/tools" and adds that folder to $GITHUB_PATH.
#
#   install.sh                      tools from GATES_SETUP_TOOLS (names separated by spaces, commas or lines)
#
# Environment (the actions map their inputs here; nothing is read from the command line but tool names):
#   GATES_SETUP_TOOLS    eval-gate, latency-bench, drift-check, canary-validate, manifest-bump, gate-report
#   GATES_SETUP_MODE     auto (default) | feed | source
#   GATES_SETUP_VERSION  package version to install from the feed; default: the version pinned in gates-version
#   GATES_SETUP_FEED     an extra NuGet feed (URL or folder) for feed installs
#
# Modes: `feed` runs `dotnet tool install <package> --version <v>`. `source` packs the tools from the source
# tree this script came with (the action's own checkout: a branch or a SHA) and installs those packages from
# that folder only (the build restores its NuGet dependencies as any build does). `auto` uses the feed when
# a version is given or pinned, and the source when gates-version says `source` (as it does on the main
# branch; release automation writes the released version there).
#
# Installing is idempotent within a job: a tool already installed the same way is not installed again.
# Exit codes follow the tools: 2 for a bad input, 3 when the install itself fails.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

fail() { # code message
  echo "::error title=Gates setup::$2" >&2
  exit "$1"
}

package_of() {
  case "$1" in
    eval-gate) echo Gates.EvalGate ;;
    latency-bench) echo Gates.LatencyBench ;;
    drift-check) echo Gates.DriftCheck ;;
    canary-validate) echo Gates.CanaryValidate ;;
    manifest-bump) echo Gates.ManifestBump ;;
    gate-report) echo Gates.GateReport ;;
    *) return 1 ;;
  esac
}

read -r -a tools <<< "$(printf '%s' "${GATES_SETUP_TOOLS:-}" | tr ',\r\n\t' '    ')"
[ "${#tools[@]}" -gt 0 ] || fail 2 "no tool named: set the 'tools' input (for example: eval-gate)"
for tool in "${tools[@]}"; do
  package_of "$tool" >/dev/null ||
    fail 2 "unknown tool '$tool': expected eval-gate, latency-bench, drift-check, canary-validate, manifest-bump or gate-report"
done

mode="${GATES_SETUP_MODE:-auto}"
version="${GATES_SETUP_VERSION:-}"
pinned="$(tr -d '[:space:]' < "$here/gates-version")"
case "$mode" in
  auto)
    if [ -n "$version" ]; then mode=feed
    elif [ "$pinned" = source ]; then mode=source
    else mode=feed; version="$pinned"; fi ;;
  feed)
    if [ -z "$version" ]; then
      [ "$pinned" != source ] || fail 2 "install: feed needs a 'version': this copy of the actions is not a release (gates-version says 'source')"
      version="$pinned"
    fi ;;
  source)
    [ -z "$version" ] || fail 2 "install: source builds the version in the source tree; leave 'version' empty" ;;
  *) fail 2 "install: '$mode' is not one of auto|feed|source" ;;
esac
if [ "$mode" = feed ] && ! [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$ ]]; then
  fail 2 "version: '$version' is not a package version such as 1.2.3"
fi

command -v dotnet >/dev/null 2>&1 ||
  fail 2 "dotnet is not on PATH: Gates needs the .NET 10 SDK (actions/setup-dotnet with dotnet-version 10.0.x, or an SDK image)"

base="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/gates"
bin="$base/tools"
mkdir -p "$bin"

installed_as() { cat "$bin/.installed-$1" 2>/dev/null || true; }

install_from_feed() { # tool package
  # update installs when missing and replaces another version installed earlier in the job.
  local args=(tool update "$2" --version "$version" --tool-path "$bin" --allow-downgrade)
  [ -z "${GATES_SETUP_FEED:-}" ] || args+=(--add-source "$GATES_SETUP_FEED")
  dotnet "${args[@]}" || fail 3 "could not install $2 $version from the package feed"
  echo "feed $version" > "$bin/.installed-$1"
}

install_from_source() { # tool package
  local project="$root/src/$2/$2.csproj" packages="$base/packages" config="$base/nuget.config"
  [ -f "$project" ] || fail 2 "$1 is not in this version of the Gates source (no src/$2): use a release, or install: feed with a version"
  mkdir -p "$packages"
  rm -f "$packages/$2".[0-9]*.nupkg "$packages/$2".any.[0-9]*.nupkg "$packages/$2".linux-x64.[0-9]*.nupkg
  echo "gates: packing $2 from $root/src"
  # ReadyToRun for every tool (eval-gate's release package is Native AOT): packs in seconds on any runner, no C toolchain.
  dotnet pack "$project" -c Release -o "$packages" --nologo -v quiet -p:GatesNativeAot=false || fail 3 "could not build $2 from source"
  local nupkg
  nupkg="$(cd "$packages" && ls "$2".[0-9]*.nupkg | head -n 1)"
  local built="${nupkg#"$2".}"
  built="${built%.nupkg}"
  # Only the freshly packed folder as a source, and a private package cache, so that neither a published
  # package nor a stale cached copy of the same version is installed instead.
  printf '<?xml version="1.0" encoding="utf-8"?>\n<configuration><packageSources><clear /><add key="gates-source" value="%s" /></packageSources></configuration>\n' \
    "$packages" > "$config"
  [ ! -e "$bin/$1" ] || dotnet tool uninstall "$2" --tool-path "$bin" >/dev/null 2>&1 || true
  NUGET_PACKAGES="$base/nuget-source" dotnet tool install "$2" --version "$built" --tool-path "$bin" --configfile "$config" ||
    fail 3 "could not install $2 from $packages"
  version="$built"
  echo "source $built" > "$bin/.installed-$1"
}

for tool in "${tools[@]}"; do
  package="$(package_of "$tool")"
  previous="$(installed_as "$tool")"
  if [ -x "$bin/$tool" ] && { [ "$previous" = "$mode $version" ] || { [ "$mode" = source ] && [ "${previous%% *}" = source ]; }; }; then
    version="${previous#* }"
    echo "gates: $tool $version already installed ($mode) in $bin"
    continue
  fi
  if [ "$mode" = feed ]; then install_from_feed "$tool" "$package"; else install_from_source "$tool" "$package"; fi
  echo "gates: installed $tool $version ($mode) in $bin"
done

echo "$bin" >> "${GITHUB_PATH:-/dev/null}"
{
  echo "path=$bin"
  echo "version=$version"
  echo "mode=$mode"
} >> "${GITHUB_OUTPUT:-/dev/null}"
