#!/usr/bin/env bash
# Build the Linux bundle and its .tar.gz, then smoke-test the frozen program. One command, from a clean clone:
#
#   packaging/build_linux.sh
#
# Uses $PYTHON when set, else .venv/bin/python (created, with the build extra, when missing).
# Output: dist/jobfollow/ (the one-folder bundle) and dist/jobfollow-<version>-linux-<arch>.tar.gz.
# Exits non-zero when the build fails, a file is missing, the bundle is over budget or the self-test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
say() { echo "build_linux: $*"; }
fail() { echo "build_linux: FAILED: $*" >&2; exit 1; }

MAX_BUNDLE_MB=170   # the budget in docs/packaging.md
SELF_TEST_GOAL_MS=3000

start=$(date +%s)
if [ -z "${PYTHON:-}" ]; then
  if [ ! -x .venv/bin/python ]; then
    say "creating .venv"
    python3 -m venv .venv
  fi
  PYTHON=$root/.venv/bin/python
fi
if ! "$PYTHON" -c "import PyInstaller, PySide6, babel, spellchecker, jobfollow" 2>/dev/null; then
  say "installing jobfollow with the build extra into $("$PYTHON" -c 'import sys; print(sys.prefix)')"
  "$PYTHON" -m pip install --quiet -e ".[build]"
fi
version=$("$PYTHON" -c "import re; print(re.search(r'__version__ = \"([^\"]+)\"', open('jobfollow/__init__.py').read())[1])")
arch=$(uname -m)
name="jobfollow-$version-linux-$arch"

for icon in packaging/icons/png/jobfollow-256.png resources/icons/jobfollow.svg packaging/linux/jobfollow.desktop; do
  [ -f "$icon" ] || fail "$icon is missing from the source tree"
done

say "freezing with PyInstaller ($("$PYTHON" -m PyInstaller --version))"
rm -rf build/pyinstaller dist/jobfollow "dist/$name.tar.gz"
"$PYTHON" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
  packaging/jobfollow.spec
build_seconds=$(( $(date +%s) - start ))

# The files a first start needs; the self-test below checks the rest (templates, catalogs, word lists).
internal=dist/jobfollow/_internal
for needed in jobfollow/resources/icons/jobfollow.svg jobfollow/bundle-manifest.json \
    spellchecker/resources/en.json.gz babel/locale-data/root.dat babel/global.dat \
    PySide6/Qt/plugins/platforms/libqxcb.so PySide6/Qt/plugins/platforms/libqwayland.so \
    PySide6/Qt/plugins/platforms/libqoffscreen.so PySide6/Qt/plugins/iconengines/libqsvgicon.so \
    PySide6/Qt/plugins/imageformats/libqsvg.so; do
  [ -e "$internal/$needed" ] || fail "the bundle lacks $needed"
done
[ -x dist/jobfollow/jobfollow ] || fail "dist/jobfollow/jobfollow was not built"

say "packing $name.tar.gz"
stage=build/linux-package
rm -rf "$stage" && mkdir -p "$stage/$name"
cp -al dist/jobfollow/. "$stage/$name/"
cp packaging/linux/jobfollow.desktop packaging/linux/install-desktop-entry.sh "$stage/$name/"
cp resources/icons/jobfollow.svg "$stage/$name/jobfollow.svg"
cp packaging/icons/png/jobfollow-256.png "$stage/$name/jobfollow.png"
tar -C "$stage" -czf "dist/$name.tar.gz" "$name"
rm -rf "$stage"

# Smoke-test what a user gets: the unpacked archive, not the build folder.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/jobfollow-smoke.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
tar -C "$tmp" -xzf "dist/$name.tar.gz"
app="$tmp/$name/jobfollow"
for member in jobfollow.desktop jobfollow.svg jobfollow.png install-desktop-entry.sh; do
  [ -f "$tmp/$name/$member" ] || fail "the archive lacks $member"
done
packaging/smoke_test.sh "$app" "$version" | tee "$tmp/smoke.log"
self_test_ms=$(sed -n 's/^smoke_test: self-test \([0-9]*\) ms$/\1/p' "$tmp/smoke.log")
[ -n "$self_test_ms" ] || fail "the smoke test reported no self-test time"

bundle_bytes=$(du -sb "$tmp/$name" | cut -f1)
tar_bytes=$(stat -c %s "dist/$name.tar.gz")
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
say "bundle unpacked: $(mb "$bundle_bytes") MB (budget $MAX_BUNDLE_MB MB); dist/$name.tar.gz: $(mb "$tar_bytes") MB"
say "frozen --self-test with a demo profile: ${self_test_ms} ms (goal < ${SELF_TEST_GOAL_MS} ms)"
say "freeze: ${build_seconds} s; total with packing and smoke test: $(( $(date +%s) - start )) s"
if [ "$bundle_bytes" -gt $(( MAX_BUNDLE_MB * 1048576 )) ]; then
  fail "the bundle is over its $MAX_BUNDLE_MB MB budget"
fi
if [ "$self_test_ms" -ge "$SELF_TEST_GOAL_MS" ]; then
  say "warning: the self-test took ${self_test_ms} ms, over the ${SELF_TEST_GOAL_MS} ms goal (a busy machine?)"
fi
say "ok: dist/jobfollow/ and dist/$name.tar.gz"
