#!/usr/bin/env bash
# Create (or update) the project's virtual environment in .venv and install diplograph into it.
# Usage: tools/setup-venv.sh [extra]   e.g. "test" installs the test dependencies too.
# Re-running is cheap: it reinstalls only when pyproject.toml changed.
set -euo pipefail
cd "$(dirname "$0")/.."
extra="${1:-}"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

find_python() {
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  echo "diplograph needs Python >= 3.11; none found on PATH" >&2
  return 1
}

if [ ! -x .venv/bin/python ]; then
  python=$(find_python)
  if ! "$python" -m venv .venv 2>/dev/null; then
    # Debian ships venv separately (python3-venv); install it once and retry.
    rm -rf .venv
    echo "setup: installing Debian's python3-venv" >&2
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
    "$python" -m venv .venv
  fi
fi

stamp=".venv/.installed-${extra:-base}"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "setup: installing diplograph${extra:+[$extra]} into .venv" >&2
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q -e ".${extra:+[$extra]}"
  touch "$stamp"
fi
