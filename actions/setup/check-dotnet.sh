#!/usr/bin/env bash
# Says whether a .NET SDK 10 or newer is on PATH, as the step output `found=true|false`, so the action
# runs actions/setup-dotnet only when it is missing (self-hosted runners and SDK container images have one).
set -euo pipefail
found=false
if command -v dotnet >/dev/null 2>&1; then
  while read -r version _; do
    major="${version%%.*}"
    if [[ "$major" =~ ^[0-9]+$ ]] && [ "$major" -ge 10 ]; then
      found=true
    fi
  done < <(dotnet --list-sdks 2>/dev/null || true)
fi
echo "gates: .NET SDK 10 or newer on PATH: $found"
echo "found=$found" >> "${GITHUB_OUTPUT:-/dev/null}"
