#!/usr/bin/env bash
# Build the Linux bundle, its .tar.gz and the AppImage, then smoke-test both as a user gets them (unpacked or
# downloaded into a folder named "R&D 100% jobs"). One command, from a clean clone:
#
#   packaging/build_linux.sh
#
# Uses $PYTHON when set, else .venv-lock/bin/python (made from requirements/lock.txt when missing).
# Output: dist/jobfollow/ (the one-folder bundle), dist/jobfollow-<version>-linux-<arch>.tar.gz and
# dist/jobfollow-<version>-<arch>.AppImage (packaging/linux/build_appimage.sh; NO_APPIMAGE=1 skips it).
# Exits non-zero when the build fails, a file is missing, a library needs a newer glibc than Ubuntu 22.04 has
# (packaging/linux/check_glibc.py), a size budget is exceeded or a smoke test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
say() { echo "build_linux: $*"; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
fail() { echo "build_linux: FAILED: $*" >&2; exit 1; }

MAX_BUNDLE_MB=130   # the budgets in docs/packaging.md
MAX_TAR_MB=55
SELF_TEST_GOAL_MS=1500   # a goal, not a failure: 8 builds sharing 2 cores double it
PAINT_GOAL_MS=2000

start=$(date +%s)
if [ -z "${PYTHON:-}" ]; then
  # The release is built from the hash-pinned lock, never from whatever the version ranges allow today.
  if [ ! -x .venv-lock/bin/python ]; then
    say "creating .venv-lock from requirements/lock.txt (tools/install_locked.sh)"
    tools/install_locked.sh .venv-lock
  fi
  PYTHON=$root/.venv-lock/bin/python
fi
if ! "$PYTHON" -c "import PyInstaller, PySide6, babel, spellchecker, jobfollow" 2>/dev/null; then
  fail "$PYTHON lacks PyInstaller or jobfollow's dependencies: make it with tools/install_locked.sh"
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
"$PYTHON" packaging/linux/check_glibc.py dist/jobfollow || fail "the bundle needs a newer glibc than we support"

say "packing $name.tar.gz"
stage=build/linux-package
rm -rf "$stage" && mkdir -p "$stage/$name"
cp -al dist/jobfollow/. "$stage/$name/"
cp packaging/linux/jobfollow.desktop packaging/linux/install-desktop-entry.sh "$stage/$name/"
cp resources/icons/jobfollow.svg "$stage/$name/jobfollow.svg"
cp packaging/icons/png/jobfollow-256.png "$stage/$name/jobfollow.png"
tar -C "$stage" -czf "dist/$name.tar.gz" "$name"
rm -rf "$stage"

# Smoke-test what a user gets: the unpacked archive, not the build folder, in a folder with &, % and spaces.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/jobfollow-smoke.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
awkward="$tmp/R&D 100% jobs"
mkdir -p "$awkward"
tar -C "$awkward" -xzf "dist/$name.tar.gz"
app="$awkward/$name/jobfollow"
for member in jobfollow.desktop jobfollow.svg jobfollow.png install-desktop-entry.sh; do
  [ -f "$awkward/$name/$member" ] || fail "the archive lacks $member"
done
packaging/smoke_test.sh "$app" "$version" | tee "$tmp/smoke.log"
self_test_ms=$(sed -n 's/^smoke_test: self-test \([0-9]*\) ms$/\1/p' "$tmp/smoke.log")
[ -n "$self_test_ms" ] || fail "the smoke test reported no self-test time"

appimage_line="AppImage: skipped (NO_APPIMAGE=1)"
if [ -z "${NO_APPIMAGE:-}" ]; then
  packaging/linux/build_appimage.sh "$version"
  appimage="dist/jobfollow-$version-$arch.AppImage"
  # The AppImage as downloaded into the same awkward folder; its first start adds the menu entry to this
  # throwaway data folder, which must point at the AppImage and validate.
  cp "$appimage" "$awkward/"
  downloaded="$awkward/$(basename "$appimage")"
  if [ ! -e /dev/fuse ] || ! command -v fusermount3 >/dev/null 2>&1; then
    say "no FUSE here (/dev/fuse or fusermount3 missing): the AppImage runs with APPIMAGE_EXTRACT_AND_RUN=1"
    export APPIMAGE_EXTRACT_AND_RUN=1
  fi
  XDG_DATA_HOME="$tmp/data" packaging/smoke_test.sh "$downloaded" "$version" | tee "$tmp/smoke-appimage.log"
  entry="$tmp/data/applications/jobfollow.desktop"
  [ -f "$entry" ] || fail "the AppImage's first start added no menu entry"
  if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$entry" || fail "the menu entry the AppImage wrote does not validate"
  fi
  "$PYTHON" - "$entry" "$downloaded" <<'PY' || fail "the menu entry does not start the AppImage"
import sys
from jobfollow.desktop_file import split_exec
lines = [line for line in open(sys.argv[1], encoding="utf-8") if line.startswith("Exec=")]
assert split_exec(lines[0][5:].rstrip("\n")) == [sys.argv[2]], lines[0]
PY
  paint_ms=$("$PYTHON" packaging/linux/time_to_paint.py "$downloaded") || fail "the AppImage never painted its window"
  appimage_line="$(basename "$appimage"): $(mb "$(stat -c %s "$appimage")") MB; start to painted window ${paint_ms} ms (goal < ${PAINT_GOAL_MS} ms)"
fi

bundle_bytes=$(du -sb "$awkward/$name" | cut -f1)
tar_bytes=$(stat -c %s "dist/$name.tar.gz")
say "bundle unpacked: $(mb "$bundle_bytes") MB (budget $MAX_BUNDLE_MB MB); dist/$name.tar.gz: $(mb "$tar_bytes") MB (budget $MAX_TAR_MB MB)"
say "$appimage_line"
say "frozen --self-test with a demo profile: ${self_test_ms} ms (goal < ${SELF_TEST_GOAL_MS} ms)"
say "freeze: ${build_seconds} s; total with packing and smoke test: $(( $(date +%s) - start )) s"
if [ "$bundle_bytes" -gt $(( MAX_BUNDLE_MB * 1048576 )) ]; then
  fail "the bundle is over its $MAX_BUNDLE_MB MB budget"
fi
if [ "$tar_bytes" -gt $(( MAX_TAR_MB * 1048576 )) ]; then
  fail "the .tar.gz is over its $MAX_TAR_MB MB budget"
fi
if [ -n "${paint_ms:-}" ] && [ "$paint_ms" -ge "$PAINT_GOAL_MS" ]; then
  say "warning: the AppImage took ${paint_ms} ms to paint, over the ${PAINT_GOAL_MS} ms goal (a busy machine?)"
fi
if [ "$self_test_ms" -ge "$SELF_TEST_GOAL_MS" ]; then
  say "warning: the self-test took ${self_test_ms} ms, over the ${SELF_TEST_GOAL_MS} ms goal (a busy machine?)"
fi
say "ok: dist/jobfollow/, dist/$name.tar.gz${appimage:+ and $appimage}"
