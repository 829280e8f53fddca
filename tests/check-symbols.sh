#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# No symbol the binaries or the core library define starts with hb_ or
# Hb (HarfBuzz's prefix, the library pango is built on); Huibian's own
# are hui_/Hui. Usage: check-symbols.sh FILE...
set -eu
status=0
for file in "$@"; do
  own=$(nm --defined-only "$file" 2>/dev/null | awk '{ print $NF }' | grep -E '^(_?hb_|_?Hb[A-Z]|_?HB_)' || true)
  if [ -n "$own" ]; then
    echo "$file defines HarfBuzz-prefixed symbols:"
    echo "$own" | sed 's/^/  /'
    status=1
  fi
  count=$(nm --defined-only "$file" 2>/dev/null | awk '{ print $NF }' | grep -c '^_\?hui_' || true)
  echo "$(basename "$file"): $count hui_ symbols, none hb_"
  [ "$count" -gt 0 ] || { echo "$file: no hui_ symbols found (stripped?)"; status=1; }
done
exit $status
