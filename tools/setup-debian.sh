#!/usr/bin/env bash
# Install the Debian packages that some tests drive, when they are missing. One line per step on stderr.
# Without root (or password-less sudo) or without the package archive it says so once and exits 0: the tests that
# need a missing program then skip with a reason, or fail under CI=true.
# DIPLOGRAPH_SETUP_REINSTALL=1 goes through apt even when nothing is missing (the set-up's own test uses it).
set -euo pipefail

# program -> Debian package, and why the tests need it
declare -A package_of=([dot]=graphviz [chromium]=chromium [virtuoso-t]=virtuoso-opensource-7-bin)
declare -A reason_of=(
  [dot]="Graphviz renders the DOT export in its test"
  [chromium]="headless Chromium for the web page tests"
  [virtuoso-t]="a real SPARQL engine for the remote-store tests (binaries only; the tests start a private one)"
)
missing=()
for program in dot chromium virtuoso-t; do
  if ! command -v "$program" >/dev/null 2>&1; then
    missing+=("${package_of[$program]}")
    echo "setup: needs ${package_of[$program]}: ${reason_of[$program]}" >&2
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: Debian packages present (graphviz, chromium, virtuoso-opensource-7-bin)" >&2
  [ -n "${DIPLOGRAPH_SETUP_REINSTALL:-}" ] || exit 0
  missing=(graphviz chromium virtuoso-opensource-7-bin)
fi

if [ "$(id -u)" = 0 ]; then run=(); elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then run=(sudo -n);
else
  echo "setup: cannot install ${missing[*]}: that needs root or password-less sudo; the tests that use them will skip" >&2
  exit 0
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
echo "setup: apt-get update" >&2
if ! "${run[@]}" apt-get update -qq >"$log" 2>&1; then
  echo "setup: cannot reach Debian's package archive (apt-get update failed); the tests that need ${missing[*]} will skip" >&2
  sed 's/^/  apt: /' "$log" | tail -5 >&2
  exit 0
fi

# policy-rc.d refuses service starts during the install (packages must not start servers on all interfaces);
# one that exists already (usual in containers) is left as it is.
policy=/usr/sbin/policy-rc.d
policy_added=no
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | "${run[@]}" tee "$policy" >/dev/null
  "${run[@]}" chmod +x "$policy"
  policy_added=yes
fi
echo "setup: apt-get install --no-install-recommends ${missing[*]}" >&2
status=0
"${run[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
  >"$log" 2>&1 || status=$?
if [ "$policy_added" = yes ]; then
  "${run[@]}" rm -f "$policy"
fi
if [ "$status" -ne 0 ]; then
  echo "setup: apt-get could not install ${missing[*]} (exit $status); the tests that need them will skip" >&2
  sed 's/^/  apt: /' "$log" | tail -5 >&2
fi
exit 0
