#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# po/POTFILES.in lists every source and UI file with translatable strings;
# each of them is translated in each language of po/LINGUAS (no
# untranslated or fuzzy message), and every catalogue passes msgfmt
# --check. Strings are extracted afresh, so a new string without a
# translation fails here.
set -eu
SRC=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$SRC"

status=0
for file in $(grep -l -E '(^|[^A-Za-z_])(N?_|g_dngettext) ?\(' $(find app -name '*.c')) $(grep -l 'translatable="yes"' ui/*.ui); do
  if ! grep -qx "$file" po/POTFILES.in; then
    echo "$file has translatable strings but is not in po/POTFILES.in"
    status=1
  fi
done

grep -v -e '\.desktop\.in$' -e '\.metainfo\.xml\.in$' po/POTFILES.in >"$tmp/sources"
xgettext --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --files-from="$tmp/sources" -o "$tmp/code.pot"
xgettext --from-code=UTF-8 -L Desktop resources/org.huibian.Huibian.desktop.in -o "$tmp/desktop.pot"
xgettext --from-code=UTF-8 --its=/usr/share/gettext/its/metainfo.its \
  resources/org.huibian.Huibian.metainfo.xml.in -o "$tmp/metainfo.pot"
msgcat --use-first "$tmp/code.pot" "$tmp/desktop.pot" "$tmp/metainfo.pot" -o "$tmp/all.pot"
echo "$(grep -c '^msgid ' "$tmp/all.pot") messages to translate"

for lang in $(cat po/LINGUAS); do
  msgfmt --check -o /dev/null "po/$lang.po"
  msgmerge --quiet --no-fuzzy-matching "po/$lang.po" "$tmp/all.pot" -o "$tmp/$lang.po"
  stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$tmp/$lang.po" 2>&1)
  echo "$lang: $stats"
  case "$stats" in
    *untranslated*|*fuzzy*) status=1 ;;
  esac
done
exit $status
