#!/usr/bin/env bash
# Create (or update) the project's virtual environment in .venv and install diplograph into it.
# Usage: tools/setup-venv.sh [extra]   e.g. "test" installs the test dependencies too.
# Re-running is cheap: it reinstalls only when pyproject.toml changed. pip's output goes to .venv/pip.log and is
# shown only when the install fails.
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
  echo "setup: diplograph needs Python >= 3.11; none found on PATH" >&2
  return 1
}

if [ ! -x .venv/bin/python ]; then
  python=$(find_python)
  echo "setup: creating .venv with $("$python" --version)" >&2
  if ! "$python" -m venv .venv 2>/dev/null; then
    rm -rf .venv
    echo "setup: installing Debian's python3-venv (this Python has no venv module without it)" >&2
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
    "$python" -m venv .venv
  fi
fi

stamp=".venv/.installed-${extra:-base}"
fresh() { [ -f "$1" ] && [ ! pyproject.toml -nt "$1" ]; }
if [ -z "$extra" ] && fresh .venv/.installed-test; then
  stamp=.venv/.installed-test  # the test install includes the base one
fi
if ! fresh "$stamp"; then
  echo "setup: installing diplograph${extra:+[$extra]} and its dependencies into .venv (pip; log in .venv/pip.log)" >&2
  if ! { .venv/bin/python -m pip install -q --upgrade pip &&
         .venv/bin/python -m pip install -q -e ".${extra:+[$extra]}"; } >.venv/pip.log 2>&1; then
    grep -v "is ignored: it is neither a file nor a directory" .venv/pip.log | tail -20 >&2
    echo "setup: pip could not install diplograph${extra:+[$extra]}; see .venv/pip.log" >&2
    exit 1
  fi
  rm -f .venv/.installed-*
  touch "$stamp"
else
  echo "setup: .venv is up to date" >&2
fi
