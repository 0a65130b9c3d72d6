#!/bin/sh
# Adds jobfollow to your desktop's application menu (for you only, no root needed).
# Run it from the unpacked folder; run it again after moving the folder. Remove with --uninstall.
# (The AppImage does this by itself on its first start; this script is for the .tar.gz.)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor"
if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$apps/jobfollow.desktop" "$icons/scalable/apps/jobfollow.svg" "$icons/256x256/apps/jobfollow.png"
  echo "jobfollow removed from the application menu (your data is untouched)."
  exit 0
fi
case $here in
  *'
'*) echo "install-desktop-entry.sh: the folder name holds a line break; rename it and run this again." >&2; exit 1 ;;
esac
# Exec must be an absolute path (the folder is not on PATH), quoted as the Desktop Entry spec says: inside double
# quotes a backslash before " ` $ and \, a literal % doubled, then every backslash doubled once more (the file's
# own string escaping). The path is data for sed and awk here, never part of a script, so & | % and quotes in a
# folder name ("R&D 100%") reach the menu unchanged.
exec_path=$(printf '%s\n' "$here/jobfollow" | sed -e 's/[\\"`$]/\\&/g' -e 's/%/%%/g' -e 's/\\/\\\\/g')
mkdir -p "$apps" "$icons/scalable/apps" "$icons/256x256/apps"
cp "$here/jobfollow.svg" "$icons/scalable/apps/jobfollow.svg"
cp "$here/jobfollow.png" "$icons/256x256/apps/jobfollow.png"
EXEC_PATH=$exec_path awk '
  index($0, "Exec=jobfollow") == 1 { print "Exec=\"" ENVIRON["EXEC_PATH"] "\"" substr($0, 15); next }
  { print }
' "$here/jobfollow.desktop" > "$apps/jobfollow.desktop.partial"
mv "$apps/jobfollow.desktop.partial" "$apps/jobfollow.desktop"
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database "$apps" 2>/dev/null || true
fi
echo "jobfollow added to the application menu ($apps/jobfollow.desktop)."
