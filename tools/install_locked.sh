#!/usr/bin/env bash
# Make a virtual environment with exactly the locked versions (hash-checked), then jobfollow itself on top,
# built with the locked backend (no build isolation, so nothing unpinned is fetched).
#
#   tools/install_locked.sh [VENV]        (default .venv-lock)
#
# The release builds (packaging/build_linux.sh, the release workflow) and CI's second test run use it.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${1:-.venv-lock}
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --require-hashes --no-deps -r requirements/lock.txt
"$venv/bin/python" -m pip install --quiet --no-deps --no-build-isolation -e .
"$venv/bin/python" -m pip check
