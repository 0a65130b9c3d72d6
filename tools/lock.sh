#!/usr/bin/env bash
# Refresh requirements/lock.txt: every package of the runtime, test and build extras and of the build backend,
# pinned with hashes, for every platform we ship (Linux, Windows, macOS) on Python 3.11+.
#
#   tools/lock.sh            (after changing a range in pyproject.toml; commit the lock with it)
#
# tests/test_dependency_lock.py fails when the lock no longer satisfies pyproject.toml.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-.venv/bin/python}
"$python" -m uv --version >/dev/null 2>&1 || "$python" -m pip install --quiet "uv>=0.5,<1"
"$python" -m uv pip compile pyproject.toml requirements/build-system.in --extra test --extra build \
  --universal --python-version 3.11 --generate-hashes --quiet \
  --custom-compile-command "tools/lock.sh" -o requirements/lock.txt
echo "lock: requirements/lock.txt ($(grep -c '^[a-z]' requirements/lock.txt) packages)"
