#!/usr/bin/env bash
# Install the Debian packages some tests need (Graphviz's dot, Chromium, curl), when they are missing.
# Without root or sudo it only warns: those tests then skip with a reason, or fail under CI.
set -uo pipefail
declare -A package_of=([dot]=graphviz [chromium]=chromium [curl]=curl)
missing=()
for program in "${!package_of[@]}"; do
  command -v "$program" >/dev/null 2>&1 || missing+=("${package_of[$program]}")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ]; then run=(); elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then run=(sudo -n);
else
  echo "setup: cannot install ${missing[*]} (needs root); the tests that use them will skip" >&2
  exit 0
fi
echo "setup: installing Debian packages: ${missing[*]}" >&2
"${run[@]}" apt-get update -qq >/dev/null
"${run[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
  || echo "setup: apt-get could not install ${missing[*]}" >&2
