#!/usr/bin/env bash
# Wrap the one-folder bundle (dist/jobfollow, made by build_linux.sh) into an AppImage: one file a user downloads,
# marks executable and double-clicks; on its first start it adds itself to the application menu (no root).
#
#   packaging/linux/build_appimage.sh VERSION       -> dist/jobfollow-VERSION-x86_64.AppImage
#   packaging/linux/build_appimage.sh --runtime-only -> build/appimage/runtime-x86_64 (and nothing else)
#
# APPIMAGE_RUNTIME=FILE uses a runtime compiled elsewhere (the release workflow compiles it on Debian 12, whose
# squashfuse ships the library it needs, and packs the AppImage on Ubuntu 22.04; the runtime is a static binary).
#
# An AppImage is an ELF "runtime" followed by a SquashFS image of the AppDir. Neither appimagetool nor a prebuilt
# runtime comes from a package registry, so both halves are made here from Debian packages: the runtime is
# AppImage's own type-2 runtime source (packaging/linux/appimage-runtime/, MIT), compiled statically against
# Debian's libsquashfuse and libfuse3; the image is made with squashfs-tools' mksquashfs. Needs (apt): gcc,
# squashfs-tools, libfuse3-dev, libsquashfuse-dev, zlib1g-dev, libzstd-dev, liblzma-dev, liblz4-dev, liblzo2-dev.
set -euo pipefail
cd "$(dirname "$0")/../.."
say() { echo "build_appimage: $*"; }
fail() { echo "build_appimage: FAILED: $*" >&2; exit 1; }

version=${1:?usage: build_appimage.sh VERSION | --runtime-only}
arch=$(uname -m)
bundle=dist/jobfollow
if [ "$version" != "--runtime-only" ]; then
  [ -x "$bundle/jobfollow" ] || fail "$bundle/jobfollow does not exist: run packaging/build_linux.sh first"
  command -v mksquashfs >/dev/null || fail "mksquashfs is missing (apt-get install squashfs-tools)"
fi

# --- the runtime (rebuilt only when its source changes) ---------------------------------------------------------
src=packaging/linux/appimage-runtime
runtime=${APPIMAGE_RUNTIME:-build/appimage/runtime-$arch}
if [ -n "${APPIMAGE_RUNTIME:-}" ]; then
  [ -f "$runtime" ] || fail "APPIMAGE_RUNTIME=$runtime does not exist"
  say "using the runtime $runtime"
elif [ ! -x "$runtime" ] || [ -n "$(find "$src" -newer "$runtime" -type f -print -quit)" ]; then
  say "compiling the AppImage type-2 runtime ($(cat "$src/version"))"
  mkdir -p build/appimage
  # -static: the runtime must start on any distribution, before anything is mounted; dlopen/getpwnam warnings
  # from static glibc are expected (FUSE's module loading, which the runtime does not use).
  gcc -std=gnu99 -Os -D_FILE_OFFSET_BITS=64 -DGIT_COMMIT="\"$(cat "$src/version")\"" \
    -I"$src/include" -I/usr/include/squashfuse -I/usr/include/fuse3 -T "$src/data_sections.ld" \
    -ffunction-sections -fdata-sections -Wl,--gc-sections -static -o "$runtime.partial" "$src/runtime.c" "$src/compat.c" \
    -lsquashfuse_ll -lsquashfuse -lfuse3 -lzstd -lz -llzma -llz4 -llzo2 -lpthread 2> build/appimage/runtime.log \
    || { cat build/appimage/runtime.log >&2; fail "the runtime did not compile (are the -dev packages installed?)"; }
  strip --strip-debug --strip-unneeded "$runtime.partial"
  # The classic type-2 magic "AI" 0x02 at offset 8 of the ELF header, written after strip (which would reset it).
  printf 'AI\002' | dd of="$runtime.partial" bs=1 count=3 seek=8 conv=notrunc status=none
  mv "$runtime.partial" "$runtime"
fi
[ "$(od -An -tx1 -j8 -N3 "$runtime" | tr -d ' \n')" = "414902" ] || fail "$runtime lacks the AppImage type-2 magic bytes"
if [ "$version" = "--runtime-only" ]; then
  say "ok: $runtime"
  exit 0
fi
[ "$(od -An -tx1 -j8 -N3 "$runtime" | tr -d ' ')" = "414902" ] || fail "the runtime lacks the AppImage type-2 magic"

# --- the AppDir: the same bundle, plus what the AppImage format and desktops read ---------------------------------
appdir=build/appimage/jobfollow.AppDir
rm -rf "$appdir"
mkdir -p "$appdir"
cp -al "$bundle/." "$appdir/"
ln -s jobfollow "$appdir/AppRun"  # the bootloader resolves its real path, so _internal is found next to it
cp packaging/linux/jobfollow.desktop "$appdir/jobfollow.desktop"
cp resources/icons/jobfollow.svg "$appdir/jobfollow.svg"
cp packaging/icons/png/jobfollow-256.png "$appdir/jobfollow.png"
ln -s jobfollow.png "$appdir/.DirIcon"
mkdir -p "$appdir/usr/share/metainfo"
cp packaging/linux/org.jobfollow.jobfollow.metainfo.xml "$appdir/usr/share/metainfo/"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$appdir/jobfollow.desktop" || fail "jobfollow.desktop does not validate"
fi

# --- image + runtime = AppImage -------------------------------------------------------------------------------------
out=dist/jobfollow-$version-$arch.AppImage
image=build/appimage/jobfollow.squashfs
rm -f "$image" "$out"
# lz4 (high compression): the runtime's single FUSE thread decompresses every byte the program reads at each
# start, and lz4 does that several times faster than zstd. Measured on 2 busy cores: zstd -19 gave a 46 MB file
# that took 4.3 s to a painted window, lz4 a 61 MB file that took 2.5 s (the bare bundle 1.6 s). No fragments: a
# small file read at start then costs its own block, not a shared 128 KB one. Root-owned: the files belong to
# whoever mounts the image, not to the build user.
mksquashfs "$appdir" "$image" -root-owned -noappend -comp lz4 -Xhc -b 128K -no-fragments -quiet \
  -no-progress >/dev/null
cat "$runtime" "$image" > "$out.partial"
chmod 755 "$out.partial"
mv "$out.partial" "$out"
rm -f "$image"
say "ok: $out ($(du -m "$out" | cut -f1) MB)"
