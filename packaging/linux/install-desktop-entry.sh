#!/bin/sh
# Adds jobfollow to your desktop's application menu (for you only, no root needed).
# Run it from the unpacked folder; run it again after moving the folder. Remove with --uninstall.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor"
if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$apps/jobfollow.desktop" "$icons/scalable/apps/jobfollow.svg" "$icons/256x256/apps/jobfollow.png"
  echo "jobfollow removed from the application menu (your data is untouched)."
  exit 0
fi
mkdir -p "$apps" "$icons/scalable/apps" "$icons/256x256/apps"
cp "$here/jobfollow.svg" "$icons/scalable/apps/jobfollow.svg"
cp "$here/jobfollow.png" "$icons/256x256/apps/jobfollow.png"
# Exec must be an absolute path: the folder is not on PATH.
sed "s|^Exec=jobfollow|Exec=\"$here/jobfollow\"|" "$here/jobfollow.desktop" > "$apps/jobfollow.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" 2>/dev/null || true
echo "jobfollow added to the application menu ($apps/jobfollow.desktop)."
