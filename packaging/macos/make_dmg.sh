#!/usr/bin/env bash
# Build jobfollow.app and a .dmg with an /Applications link; sign and notarise when credentials are given.
#
#   packaging/macos/make_dmg.sh [--no-build]
#
# --no-build   reuse dist/jobfollow.app from an earlier `pyinstaller packaging/jobfollow.spec`
# PYTHON       the Python with jobfollow's build extra installed (default: python3)
#
# Signing and notarisation run only when their variables are set; otherwise they are skipped with a message
# (an unsigned app then opens only after System Settings > Privacy & Security > "Open Anyway"; since macOS 15 the
# old right-click > Open no longer does it):
#   MACOS_SIGNING_IDENTITY   "Developer ID Application: Name (TEAMID)", a certificate in the keychain
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD   an Apple ID with an app-specific password, or
#   NOTARY_KEYCHAIN_PROFILE  a profile stored with `xcrun notarytool store-credentials`
# Output: dist/jobfollow-<version>-macos-apple-silicon.dmg (M1 and later) or -macos-intel.dmg, named for what users
# know their Mac as (Apple menu > About This Mac: "Chip Apple M…" or "Processor Intel…"), built on that kind of Mac.
set -euo pipefail
cd "$(dirname "$0")/../.."
say() { echo "make_dmg: $*"; }
fail() { echo "make_dmg: FAILED: $*" >&2; exit 1; }
[ "$(uname -s)" = "Darwin" ] || fail "this script needs macOS (hdiutil, codesign)"

PYTHON=${PYTHON:-python3}
app=dist/jobfollow.app
if [ "${1:-}" != "--no-build" ]; then
  say "freezing with PyInstaller"
  rm -rf build/pyinstaller dist/jobfollow dist/jobfollow.app
  "$PYTHON" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
    packaging/jobfollow.spec
fi
[ -d "$app" ] || fail "$app does not exist; build it first"

plist="$app/Contents/Info.plist"
plist_get() { /usr/libexec/PlistBuddy -c "Print :$1" "$plist"; }
version=$(plist_get CFBundleShortVersionString)
[ "$(plist_get CFBundleIdentifier)" = "org.jobfollow.jobfollow" ] || fail "Info.plist has the wrong bundle identifier"
[ "$(plist_get NSHighResolutionCapable)" = "true" ] || fail "Info.plist lacks NSHighResolutionCapable"
plist_get LSMinimumSystemVersion >/dev/null || fail "Info.plist lacks LSMinimumSystemVersion"
case $(uname -m) in
  arm64) kind=apple-silicon ;;
  x86_64) kind=intel ;;
  *) fail "unknown Mac architecture $(uname -m)" ;;
esac
dmg="dist/jobfollow-$version-macos-$kind.dmg"

say "smoke test of $app"
exe="$app/Contents/MacOS/jobfollow"
[ "$("$exe" --version)" = "jobfollow $version" ] || fail "--version does not print jobfollow $version"
smoke=$(mktemp -d)
trap 'rm -rf "$smoke"' EXIT
QT_QPA_PLATFORM=offscreen JOBFOLLOW_FORBID_DEFAULT_PROFILE=1 "$exe" --demo --profile "$smoke/profile" --self-test \
  || fail "the frozen self-test failed"

identity=${MACOS_SIGNING_IDENTITY:-}
notary=()
if [ -n "${NOTARY_KEYCHAIN_PROFILE:-}" ]; then
  notary=(--keychain-profile "$NOTARY_KEYCHAIN_PROFILE")
elif [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] && [ -n "${APPLE_APP_PASSWORD:-}" ]; then
  notary=(--apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" --password "$APPLE_APP_PASSWORD")
fi
notarise() {  # notarise FILE: submit, wait, and fail with the way to read Apple's log
  say "notarising $1 (this waits for Apple, usually a few minutes)"
  xcrun notarytool submit "$1" "${notary[@]}" --wait --timeout 30m \
    || fail "notarisation of $1 failed; see: xcrun notarytool log <submission id> ${notary[*]:0:2}"
}
sign() { codesign --force --timestamp --options runtime --entitlements packaging/macos/entitlements.plist \
  --sign "$identity" "$@"; }

if [ -n "$identity" ]; then
  say "signing with '$identity' (hardened runtime), inside out"
  # 1. Every Mach-O file that is not the main binary of a framework (those are signed with their bundle).
  while IFS= read -r -d '' file; do
    case $file in *.framework/Versions/*/*) [ "$(basename "$file")" = "$(basename "${file%%.framework/*}")" ] && continue ;; esac
    if file -b "$file" | grep -q "Mach-O"; then
      sign "$file"
    fi
  done < <(find "$app/Contents" -type f \( -perm -u+x -o -name "*.so" -o -name "*.dylib" \) -print0)
  # 2. The Qt frameworks as bundles (their Info.plist and resources are sealed with the binary), deepest first.
  while IFS= read -r framework; do
    sign "$framework"
  done < <(find "$app/Contents" -type d -name "*.framework" | awk '{ print gsub("/", "/"), $0 }' | sort -rn | cut -d' ' -f2-)
  # 3. The app itself.
  sign "$app"
  codesign --verify --deep --strict --verbose=2 "$app"
  if [ ${#notary[@]} -gt 0 ]; then
    # The app gets its own ticket stapled, so it opens offline even after it was copied out of the .dmg.
    zip="$(mktemp -d)/jobfollow.zip"
    ditto -c -k --keepParent "$app" "$zip"
    notarise "$zip"
    xcrun stapler staple "$app"
    xcrun stapler validate "$app"
    spctl --assess --type execute --verbose=4 "$app"
  else
    say "no notary credentials (NOTARY_KEYCHAIN_PROFILE or APPLE_ID/APPLE_TEAM_ID/APPLE_APP_PASSWORD): signed, not notarised"
  fi
else
  say "MACOS_SIGNING_IDENTITY is not set: skipping code signing and notarisation (unsigned .dmg)"
fi

say "making $dmg"
stage=$(mktemp -d)
trap 'rm -rf "$smoke" "$stage"' EXIT
ditto "$app" "$stage/jobfollow.app"
ln -s /Applications "$stage/Applications"
rm -f "$dmg"
# hdiutil fails now and then with "Resource busy" (Spotlight, XProtect scanning the new image): try again.
for attempt in 1 2 3 4 5; do
  if hdiutil create -volname "jobfollow $version" -srcfolder "$stage" -fs HFS+ -format UDBZ -ov "$dmg"; then
    break
  fi
  [ "$attempt" -lt 5 ] || fail "hdiutil create failed 5 times"
  say "hdiutil create failed (attempt $attempt); retrying in $((attempt * 5)) s"
  sleep $((attempt * 5))
done

if [ -n "$identity" ]; then
  codesign --force --timestamp --sign "$identity" "$dmg"
  if [ ${#notary[@]} -gt 0 ]; then
    notarise "$dmg"
    xcrun stapler staple "$dmg"
    xcrun stapler validate "$dmg"
    spctl --assess --type open --context context:primary-signature --verbose=4 "$dmg"
  fi
fi

hdiutil verify "$dmg" >/dev/null
say "app $(du -sh "$app" | cut -f1), $dmg $(du -h "$dmg" | cut -f1)"
say "ok: $dmg"
