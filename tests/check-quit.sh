#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Ctrl+Q, pressed as a user does, with unsaved changes in the real editor:
# the same prompt as the close button; Cancel keeps the window and the
# edit, Discard quits, Save saves then quits; the draft is written before
# the prompt, so killing the process while it asks loses nothing; with
# two windows it asks in each; SIGTERM keeps the work as a draft.
#
# Usage, under xvfb-run: check-quit.sh HUIBIAN-CLI SAMPLE
set -eu
. "$(dirname "$0")/hui-gui-test.sh"
cli=$1
sample=$2
# Drafts come from the prompt, not from the timer.
export HUI_AUTOSAVE_SECONDS=3600

# An imported bulletin, edited with the keyboard.
start edited "$sample"
wait_title "$wid" '\**— *'
type_in_body "$wid" " XYZZY"
! has_draft || fail "a draft before the prompt"
keys "$wid" ctrl+q
until_true 10 has_windows "$pid" 2 || fail "Ctrl+Q: no prompt"
alive "$pid" || fail "Ctrl+Q quit without asking"
draft_contains XYZZY || fail "the prompt came before the draft had the edit"
ok "Ctrl+Q asks, and the draft has the last edit"

keys "$(other_window "$pid" "$wid")" Escape
until_true 10 has_windows "$pid" 1 || fail "Escape: the prompt stays"
sleep 1
alive "$pid" || fail "Cancel quit"
wait_title "$wid" '\**— *'
ok "Escape cancels the quit and keeps the window, still modified"

keys "$wid" ctrl+q
until_true 10 has_windows "$pid" 2 || fail "second Ctrl+Q: no prompt"
keys "$(other_window "$pid" "$wid")" alt+d
exits "$pid" 0
! has_draft || fail "Discard kept the draft"
ok "Discard quits, exit status 0, no draft left"

# A project, edited, saved by the prompt's Save.
"$cli" import -o "$tmp/b.huibian" "$sample" >/dev/null
start saved "$tmp/b.huibian"
wait_title "$wid" 'b.huibian — *'
type_in_body "$wid" " PLUGH"
wait_title "$wid" '\*b.huibian — *'
keys "$wid" ctrl+q
until_true 10 has_windows "$pid" 2 || fail "Ctrl+Q on a project: no prompt"
keys "$(other_window "$pid" "$wid")" alt+s
exits "$pid" 0
grep -q PLUGH "$tmp/b.huibian" || fail "Save did not save the edit"
! has_draft || fail "Save kept the draft"
ok "Save saves the project, then quits"

# Save fails (the project's folder is gone): the window stays with its
# work, and the quit stops.
mkdir "$tmp/gone"
cp "$tmp/b.huibian" "$tmp/gone/c.huibian"
start failed "$tmp/gone/c.huibian"
wait_title "$wid" 'c.huibian — *'
type_in_body "$wid" " XYZZY"
wait_title "$wid" '\*c.huibian — *'
rm -rf "$tmp/gone"
keys "$wid" ctrl+q
until_true 10 has_windows "$pid" 2 || fail "Ctrl+Q: no prompt"
keys "$(other_window "$pid" "$wid")" alt+s
until_true 10 has_windows "$pid" 1 || fail "Save: the prompt stays"
sleep 1
alive "$pid" || fail "a failed save quit"
wait_title "$wid" '\*c.huibian — *'
draft_contains XYZZY || fail "a failed save lost the draft"
# The folder back, Ctrl+S saves, and the window stays: the quit is over.
mkdir "$tmp/gone"
keys "$wid" ctrl+s
wait_title "$wid" 'c.huibian — *'
sleep 1
alive "$pid" || fail "a save after the failed one closed the window"
keys "$wid" ctrl+q
exits "$pid" 0
grep -q XYZZY "$tmp/gone/c.huibian" || fail "the edit is not in the project"
ok "a failed save stops the quit; a later save does not close the window"

# An untitled bulletin: the prompt's Save asks where; cancelled, the
# window stays, and a later save does not close it.
start untitled "$sample"
wait_title "$wid" '\**— *'
keys "$wid" ctrl+q
until_true 10 has_windows "$pid" 2 || fail "Ctrl+Q: no prompt"
keys "$(other_window "$pid" "$wid")" alt+s
sleep 1
until_true 10 has_windows "$pid" 2 || fail "Save on an untitled bulletin: no file chooser"
keys "$(other_window "$pid" "$wid")" Escape
until_true 10 has_windows "$pid" 1 || fail "Escape: the file chooser stays"
keys "$wid" ctrl+s
until_true 10 has_windows "$pid" 2 || fail "Ctrl+S: no file chooser"
keys "$(other_window "$pid" "$wid")" ctrl+a
xdotool type --delay 20 "$tmp/u.huibian"
keys "$(other_window "$pid" "$wid")" Return
wait_title "$wid" 'u.huibian — *'
sleep 1
alive "$pid" || fail "a save after a cancelled Save As closed the window"
keys "$wid" ctrl+q
exits "$pid" 0
ok "Save As cancelled at the prompt: the window stays, and a later save leaves it open"

# Nothing unsaved: Ctrl+Q quits at once.
start clean "$tmp/b.huibian"
wait_title "$wid" 'b.huibian — *'
keys "$wid" ctrl+q
exits "$pid" 0
ok "without unsaved changes Ctrl+Q quits at once"

# Killed while the prompt waits: the draft has the edit.
start killed "$sample"
wait_title "$wid" '\**— *'
type_in_body "$wid" " XYZZY"
keys "$wid" ctrl+q
until_true 10 has_windows "$pid" 2 || fail "Ctrl+Q: no prompt"
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
draft_contains XYZZY || fail "killed at the prompt, the edit is lost"
ok "killed while the prompt waits, the draft has the last edit"

# Two windows with unsaved work (the draft just left, restored beside an
# imported bulletin): quit asks in one, then in the other; Cancel there
# stops the quit with that window open.
newest_window () {
  xdotool search --onlyvisible --pid "$1" | sort -n | tail -n 1
}
start two "$sample"
wait_title "$wid" '\**— *'
grep -q "Offering draft" "$tmp/two.log" || fail "the draft left at the prompt is not offered"
keys "$wid" alt+r
until_true 10 has_windows "$pid" 2 || fail "Restore did not open a second window"
keys "$wid" ctrl+q
until_true 10 has_windows "$pid" 3 || fail "Ctrl+Q with two windows: no prompt"
keys "$(newest_window "$pid")" alt+d
until_true 10 has_windows "$pid" 2 || fail "Discard: the window stays"
sleep 0.5
has_windows "$pid" 2 || fail "no prompt for the second window"
keys "$(newest_window "$pid")" Escape
until_true 10 has_windows "$pid" 1 || fail "Escape: the second prompt stays"
sleep 1
alive "$pid" || fail "Cancel in the second window did not stop the quit"
has_draft || fail "the window left open lost its draft"
ok "quit asks window by window; Cancel in the second stops it"

keys "$(newest_window "$pid")" ctrl+q
until_true 10 has_windows "$pid" 2 || fail "Ctrl+Q: no prompt for the last window"
keys "$(newest_window "$pid")" alt+d
exits "$pid" 0
! has_draft || fail "drafts left after discarding both windows"
ok "then Ctrl+Q, Discard: exit 0, no draft left"

# A quit stopped by a failed save is over: closing that window later
# with its close button does not take the quit on to the next window.
close_button () {
  eval "$(xdotool getwindowgeometry --shell "$1")"
  xdotool windowraise "$1"
  xdotool mousemove $((X + WIDTH - 26)) $((Y + 26)) click 1
}
start leftover "$sample"
wait_title "$wid" '\**— *'
type_in_body "$wid" " XYZZY"
keys "$wid" ctrl+q
until_true 10 has_windows "$pid" 2 || fail "Ctrl+Q: no prompt"
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
mkdir "$tmp/away"
cp "$tmp/b.huibian" "$tmp/away/d.huibian"
start stopped "$tmp/away/d.huibian"
wait_title "$wid" 'd.huibian — *'
keys "$wid" alt+r
until_true 10 has_windows "$pid" 2 || fail "Restore did not open a second window"
type_in_body "$wid" " PLUGH"
wait_title "$wid" '\*d.huibian — *'
rm -rf "$tmp/away"
keys "$wid" ctrl+q
until_true 10 has_windows "$pid" 3 || fail "Ctrl+Q with two windows: no prompt"
keys "$(newest_window "$pid")" alt+s
until_true 10 has_windows "$pid" 2 || fail "Save: the prompt stays"
sleep 1
has_windows "$pid" 2 || fail "after the failed save the quit went on"
wait_title "$wid" '\*d.huibian — *'
close_button "$wid"
until_true 10 has_windows "$pid" 3 || fail "the close button did not ask"
keys "$(newest_window "$pid")" alt+d
until_true 10 has_windows "$pid" 1 || fail "Discard did not close the window"
sleep 1
has_windows "$pid" 1 || fail "closing the window took the stopped quit on to the next"
kill -TERM "$pid"
exits "$pid" 0
ok "a quit stopped by a failed save does not go on when that window is closed later"

# The same when the save is called off: another program rewrote the
# project, and Cancel is the answer to "overwrite it?".
start leftover2 "$sample"
wait_title "$wid" '\**— *'
type_in_body "$wid" " XYZZY"
keys "$wid" ctrl+q
until_true 10 has_windows "$pid" 2 || fail "Ctrl+Q: no prompt"
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
cp "$tmp/b.huibian" "$tmp/e.huibian"
start rewritten "$tmp/e.huibian"
wait_title "$wid" 'e.huibian — *'
keys "$wid" alt+r
until_true 10 has_windows "$pid" 2 || fail "Restore did not open a second window"
type_in_body "$wid" " PLUGH"
wait_title "$wid" '\*e.huibian — *'
sleep 1.1
"$cli" import -o "$tmp/e.huibian" "$sample" >/dev/null
keys "$wid" ctrl+q
until_true 10 has_windows "$pid" 3 || fail "Ctrl+Q with two windows: no prompt"
keys "$(newest_window "$pid")" alt+s
until_true 10 grep -q "changed on disk" "$tmp/rewritten.log" || fail "Save did not ask before overwriting"
sleep 0.5
keys "$(newest_window "$pid")" Escape
until_true 10 has_windows "$pid" 2 || fail "Escape: the question stays"
close_button "$wid"
until_true 10 has_windows "$pid" 3 || fail "the close button did not ask"
keys "$(newest_window "$pid")" alt+d
until_true 10 has_windows "$pid" 1 || fail "Discard did not close the window"
sleep 1
has_windows "$pid" 1 || fail "closing the window took the called-off quit on to the next"
kill -TERM "$pid"
exits "$pid" 0
ok "a quit whose save is called off at \"overwrite?\" stays stopped"

# Told to end (SIGTERM, as at log out) there is no asking: the draft
# keeps the last edit.
start termed "$sample"
wait_title "$wid" '\**— *'
type_in_body "$wid" " FROTZ"
sleep 0.5
kill -TERM "$pid"
exits "$pid" 0
draft_contains FROTZ || fail "SIGTERM lost the last edit"
ok "SIGTERM keeps the last edit as a draft"
