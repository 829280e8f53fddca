#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Drafts shared by instances of the real editor, started on one drafts
# folder: a live instance's draft is not offered to another; once its
# owner is killed, the next instance offers it, naming the bulletin;
# Restore takes it (no other instance offers it then) and goes into a
# new window when the current one has work; Discard deletes it; a damaged
# draft is reported once and set aside. The offers are read from the
# editor's debug messages (G_MESSAGES_DEBUG=hui-window); the recovery bar
# is saved as a PNG in English and in Chinese for review.
#
# Usage, under xvfb-run: check-drafts.sh BUILD_ROOT SAMPLE
set -eu
. "$(dirname "$0")/hui-gui-test.sh"
build=$1
sample=$2
export HUI_AUTOSAVE_SECONDS=1

offers () {
  grep "Offering draft" "$tmp/$1.log" || true
}

# waits a moment for instance $1 to offer something, then prints it.
offered () {
  until_true 3 eval '[ -n "$(offers '"$1"')" ]' || true
  offers "$1"
}

# The first instance has unsaved work and a draft of it.
start first "$sample"
first=$pid
until_true 30 has_draft || fail "no draft written"
draft=$(drafts)

start second
second=$pid
[ -z "$(offered second)" ] || fail "the live draft is offered to a second instance: $(offers second)"
ok "a second instance does not offer the first one's live draft"
kill "$second"
wait "$second" 2>/dev/null || true

kill -9 "$first"
wait "$first" 2>/dev/null || true
start third
third=$pid
third_wid=$wid
case $(offered third) in
  *"${draft%.huibian}: “工作交流”"*) ;;
  *) fail "after kill -9 the draft is not offered by name: $(offers third)" ;;
esac
ok "once its owner is killed, the draft is offered, naming its bulletin"
sleep 0.5
import -window "$wid" "$build/tests/recovery-bar.png"

# Offered by the third instance, the draft is not offered by a fourth.
start fourth
[ -z "$(offered fourth)" ] || fail "a draft on offer in one instance is offered by another"
kill "$pid"
wait "$pid" 2>/dev/null || true

keys "$third_wid" alt+r
wait_title "$third_wid" '\**— *'
has_windows "$third" 1 || fail "restoring into an empty window opened another"
start fifth
[ -z "$(offered fifth)" ] || fail "a restored draft is offered by another instance"
kill "$pid"
wait "$pid" 2>/dev/null || true
ok "Restore into an empty window takes the draft: no other instance offers it"

# Restored into a window with work of its own: a new window.
kill -9 "$third"
wait "$third" 2>/dev/null || true
start sixth "$sample"
sixth=$pid
sixth_wid=$wid
[ -n "$(offered sixth)" ] || fail "the restored draft of a killed instance is not offered"
wait_title "$wid" '\**— *'
keys "$wid" alt+r
until_true 10 has_windows "$sixth" 2 || fail "Restore over an imported bulletin did not open a new window"
wait_title "$(other_window "$sixth" "$sixth_wid")" '\**— *'
ok "Restore into a window with work opens a new window"

# Discard deletes it, and the next one is offered (the sixth instance
# may have written a draft of its own import too).
kill -9 "$sixth"
wait "$sixth" 2>/dev/null || true
start seventh
[ -n "$(offered seventh)" ] || fail "not offered after the restoring instance was killed"
n_drafts () {
  drafts | wc -l
}
left=$(n_drafts)
total=$left
while [ "$left" -gt 0 ]; do
  keys "$wid" alt+s
  until_true 10 eval '[ "$(n_drafts)" -eq $((left - 1)) ]' || fail "Discard kept the draft"
  left=$((left - 1))
done
[ "$(offers seventh | wc -l)" -eq "$total" ] || fail "not offered one after the other: $(offers seventh)"
kill "$pid"
wait "$pid" 2>/dev/null || true
[ -z "$(ls "$HUI_DRAFTS_DIR")" ] || fail "files left in the drafts folder: $(ls -a "$HUI_DRAFTS_DIR")"
ok "Discard deletes each draft and everything beside it; the next is offered"

# A damaged draft: reported once, set aside.
printf '<book xmlns="http://docbook.org/ns/docbook"><tr' >"$HUI_DRAFTS_DIR/broken.huibian"
start eighth
until_true 10 grep -q "Damaged draft broken" "$tmp/eighth.log" || fail "the damaged draft is not reported"
[ -f "$HUI_DRAFTS_DIR/damaged/broken.huibian" ] || fail "the damaged draft is not set aside"
[ -z "$(offers eighth)" ] || fail "a damaged draft is offered"
kill "$pid"
wait "$pid" 2>/dev/null || true
start ninth
sleep 2
! grep -q "Damaged draft" "$tmp/ninth.log" || fail "the damaged draft is reported again"
kill "$pid"
wait "$pid" 2>/dev/null || true
ok "a damaged draft is reported once and moved to damaged/"

# The recovery bar as a Chinese user sees it.
start zh_first "$sample"
until_true 30 has_draft || fail "no draft written"
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
export HUIBIAN_LOCALEDIR="$build/po" LANGUAGE=zh_CN LC_ALL=zh_CN.UTF-8
start zh
[ -n "$(offered zh)" ] || fail "zh_CN: no offer"
sleep 0.5
import -window "$wid" "$build/tests/recovery-bar-zh_CN.png"
ok "screenshots in $build/tests/recovery-bar*.png"
