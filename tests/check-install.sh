#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the build into a temporary DESTDIR and checks that everything
# the desktop looks for is where it looks: the binaries, the desktop file,
# the metainfo, the MIME type, the icons, the GSettings schema and the
# translations.
#
# Usage: check-install.sh MESON BUILD_ROOT PREFIX BINDIR DATADIR LOCALEDIR
set -eu

meson=$1
build=$2
prefix=$3
bindir=$4
datadir=$5
localedir=$6

dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT

# --no-rebuild: meson test has built everything already, and a second
# ninja would race with the tests running beside this one.
"$meson" install -C "$build" --no-rebuild --quiet --destdir "$dest"

case $bindir in /*) ;; *) bindir=$prefix/$bindir ;; esac
case $datadir in /*) ;; *) datadir=$prefix/$datadir ;; esac
case $localedir in /*) ;; *) localedir=$prefix/$localedir ;; esac

status=0
check () {
  test_op=$1
  path=$dest$2
  echo "$2" >>"$dest.expected"
  if [ "$test_op" "$path" ]; then
    echo "ok: $2"
  else
    echo "MISSING: $2" >&2
    status=1
  fi
}

check -x "$bindir/huibian"
check -x "$bindir/huibian-cli"
check -s "$datadir/applications/org.huibian.Huibian.desktop"
check -s "$datadir/metainfo/org.huibian.Huibian.metainfo.xml"
check -s "$datadir/mime/packages/org.huibian.Huibian.mime.xml"
check -s "$datadir/icons/hicolor/scalable/apps/org.huibian.Huibian.svg"
check -s "$datadir/icons/hicolor/symbolic/apps/org.huibian.Huibian-symbolic.svg"
check -s "$datadir/glib-2.0/schemas/org.huibian.Huibian.gschema.xml"
check -s "$localedir/zh_CN/LC_MESSAGES/huibian.mo"
check -s "$localedir/zh_TW/LC_MESSAGES/huibian.mo"

# Nothing else is installed (no test programs, no sources).
find "$dest" \( -type f -o -type l \) | sed "s|^$dest||" | sort >"$dest.found"
for path in $(cat "$dest.found"); do
  grep -qxF "$path" "$dest.expected" || { echo "UNEXPECTED: $path" >&2; status=1; }
done
rm -f "$dest.found" "$dest.expected"

# The desktop file names the installed binary and icon.
desktop=$dest$datadir/applications/org.huibian.Huibian.desktop
if [ -f "$desktop" ]; then
  grep -q '^Exec=huibian ' "$desktop" || { echo "desktop file: Exec is not huibian" >&2; status=1; }
  grep -q '^Icon=org.huibian.Huibian$' "$desktop" || { echo "desktop file: Icon is not org.huibian.Huibian" >&2; status=1; }
fi
exit $status
