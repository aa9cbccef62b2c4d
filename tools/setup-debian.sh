#!/usr/bin/env bash
# Install the Debian packages some tests need (Graphviz's dot, Chromium, curl, Virtuoso), when they are missing.
# Without root or sudo it only warns: those tests then skip with a reason, or fail under CI.
set -uo pipefail
# virtuoso-opensource-7-bin is only the binaries: no system-wide service is configured or started; the tests run
# a private virtuoso-t on 127.0.0.1 with its own database folder.
declare -A package_of=([dot]=graphviz [chromium]=chromium [curl]=curl [virtuoso-t]=virtuoso-opensource-7-bin)
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
# policy-rc.d refuses service starts during the install (packages must not start servers on all interfaces)
policy_added=no
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' | "${run[@]}" tee /usr/sbin/policy-rc.d >/dev/null && "${run[@]}" chmod +x /usr/sbin/policy-rc.d
  policy_added=yes
fi
"${run[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
  || echo "setup: apt-get could not install ${missing[*]}" >&2
[ "$policy_added" = yes ] && "${run[@]}" rm -f /usr/sbin/policy-rc.d
