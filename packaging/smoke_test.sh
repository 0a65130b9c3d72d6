#!/usr/bin/env bash
# Smoke-test a frozen jobfollow: --version, --help, then a demo profile with --self-test (which checks the
# bundled templates, catalogs and word lists), offscreen. On Linux also: no internet socket (strace) and the
# real X11 plugin (Xvfb), when those tools exist. Used by build_linux.sh and the release workflow.
#
#   packaging/smoke_test.sh PATH/TO/jobfollow[.exe] VERSION
#
# Prints "smoke_test: self-test <ms> ms"; exits non-zero on the first failure.
set -euo pipefail
app=$1
version=$2
say() { echo "smoke_test: $*"; }
fail() { echo "smoke_test: FAILED: $*" >&2; exit 1; }
[ -x "$app" ] || fail "$app is not an executable"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/jobfollow-smoke.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export QT_QPA_PLATFORM=offscreen JOBFOLLOW_FORBID_DEFAULT_PROFILE=1

out=$("$app" --version) || fail "--version exited with an error"
out=${out%$'\r'}
# A windowed Windows program may have no stdout when not redirected; an empty answer is then tolerated.
if [ -n "$out" ] || [ "$(uname -s)" = "Linux" ] || [ "$(uname -s)" = "Darwin" ]; then
  [ "$out" = "jobfollow $version" ] || fail "--version printed '$out', expected 'jobfollow $version'"
fi
help=$("$app" --help) || fail "--help exited with an error"
if [ -n "$help" ]; then
  grep -q -- "--self-test" <<<"$help" || fail "--help does not list --self-test"
fi

now_ms() {  # GNU date has nanoseconds; macOS's date does not, Python does
  local ns
  ns=$(date +%s%N)
  if [[ "$ns" =~ ^[0-9]+$ ]]; then echo $(( ns / 1000000 )); else python3 -c 'import time; print(int(time.time() * 1000))'; fi
}
t0=$(now_ms)
"$app" --demo --profile "$tmp/profile" --self-test || fail "the frozen self-test failed (see above)"
self_test_ms=$(( $(now_ms) - t0 ))
[ -f "$tmp/profile/jobfollow.sqlite3" ] || fail "the self-test left no database in its profile"
say "self-test $self_test_ms ms"

if [ "$(uname -s)" = "Linux" ]; then
  if command -v strace >/dev/null 2>&1; then
    strace -f -qq -e trace=socket -o "$tmp/strace.log" "$app" --demo --profile "$tmp/profile-net" --self-test \
      >/dev/null || fail "the self-test under strace failed"
    if grep -E "socket\((AF_INET|AF_INET6)" "$tmp/strace.log" >&2; then
      fail "the frozen program opened an internet socket"
    fi
    say "network: no internet socket opened"
  else
    say "network: not checked (no strace)"
  fi
  if command -v xvfb-run >/dev/null 2>&1; then
    QT_QPA_PLATFORM=xcb xvfb-run -a "$app" --demo --profile "$tmp/profile-x11" --self-test >/dev/null \
      || fail "the self-test on X11 (xcb under Xvfb) failed"
    say "X11: self-test passed under Xvfb"
  else
    say "X11: not checked (no xvfb-run)"
  fi
fi
