#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The editor's saves and exports, as a user meets them: the real binary
# under Xvfb, driven with xdotool key presses (Ctrl+S, Ctrl+E, typing,
# Alt+C for the export bar's Cancel) and, for the faults, the
# fault-injection shim (tests/hui-fault-shim.c) preloaded.
#
#   race       a save slowed by fsync while the user types on: the window
#              stays modified and keeps a draft of the newer text
#   conflict   another program rewrote the project since it was opened:
#              Ctrl+S asks before overwriting it
#   enospc     the disk fills during Ctrl+S: the window says so and the
#              project on disk is byte-identical to before
#   kill       kill -9 at random moments of saving a large project: the
#              file is always a complete version and no temporary is left
#   export     Ctrl+E on a large bulletin shows progress, the window takes
#              typing meanwhile, Cancel leaves no file and an older export
#              untouched; screenshots of the bar in English and Chinese
#
# The window tells what it does on stderr (G_MESSAGES_DEBUG=hui-window):
# "Saved revision…", "Shown to the user: …", "Export … started/cancelled".
#
# Usage, under xvfb-run: check-window-save.sh [CASE…]
# Environment: HUI_GUI, HUI_CLI, HUI_GENERATE, HUI_FAULT_SHIM,
# HUI_TEST_LOCALEDIR (the catalogues built in the build folder),
# G_TEST_BUILDDIR (where screenshots go).
set -eu

: "${HUI_GUI:?}" "${HUI_CLI:?}" "${HUI_GENERATE:?}"
cases=${*:-race conflict enospc kill export}
unset LC_ALL LC_MESSAGES LANGUAGE G_DEBUG
export LANG=C.UTF-8
tmp=$(mktemp -d)
pid=""
cleanup () {
  [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" \
  XDG_CACHE_HOME="$tmp/cache" HUI_DRAFTS_DIR="$tmp/drafts" \
  G_MESSAGES_DEBUG=hui-window HUI_AUTOSAVE_SECONDS=1
mkdir -p "$HOME" "$HUI_DRAFTS_DIR" "$tmp/proj"
proj=$tmp/proj
status=0
failed=0

fail () {
  failed=1
  echo "FAIL: $*" >&2
  echo "--- the editor's log:" >&2
  cat "$tmp/log" >&2 || true
  status=1
}

# A large bulletin (300 reports, 3.5 MB), and its first version of a test.
"$HUI_GENERATE" -n 300 -o "$tmp/big.huibian"

shot () {
  if [ -n "${G_TEST_BUILDDIR:-}" ]; then
    import -window root "$G_TEST_BUILDDIR/$1.png" && echo "screenshot: $G_TEST_BUILDDIR/$1.png"
  fi
}

# Waits up to $2 tenths of a second for the shell condition $1.
wait_for () {
  i=0
  while ! eval "$1" && [ "$i" -lt "$2" ]; do sleep 0.1; i=$((i + 1)); done
  eval "$1"
}

title () {
  xdotool getwindowname "$wid"
}

# Starts the editor on $1 with the environment assignments that follow,
# and waits until the bulletin is shown.
start () {
  file=$1
  shift
  rm -f "$HUI_DRAFTS_DIR"/*
  env "$@" "$HUI_GUI" "$file" >"$tmp/log" 2>&1 &
  pid=$!
  wid=$(timeout 60 xdotool search --sync --onlyvisible --pid "$pid" | head -n 1)
  name=$(basename "$file")
  wait_for 'title | grep -q "^\*\{0,1\}$name — "' 600 || fail "no window showing $name"
  sleep 1
}

stop () {
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  pid=""
}

# Types $1 in the selected report's body, in the middle of the window.
type_in_body () {
  xdotool mousemove --window "$wid" 600 450 click 1
  sleep 0.2
  xdotool type --delay 30 "$1"
}

modified () {
  title | grep -q '^\*'
}

# Presses $1 in the editor's window; without a window manager, the
# keyboard focus does not come back to it by itself when a dialog closes.
press () {
  xdotool windowfocus --sync "$wid" 2>/dev/null || true
  xdotool key --window "$wid" "$1"
}

# Presses $1 in the editor's dialog (without a window manager, the
# dialog does not get the keyboard focus by itself).
dialog_window () {
  dialog=$(xdotool search --onlyvisible --pid "$pid" | grep -v -x "$wid" | head -n 1)
  [ -n "$dialog" ]
}

key_in_dialog () {
  # A loaded machine may take a while to map it.
  wait_for dialog_window 100 || { fail "no dialog to press $1 in"; return; }
  xdotool windowfocus --sync "$dialog" 2>/dev/null || true
  # The key's release goes to a dialog the press closed: X says BadWindow.
  xdotool key --window "$dialog" "$1" 2>/dev/null || true
}

ok () {
  [ "$failed" -ne 0 ] || echo "ok: $*"
}

logged () {
  grep -q "$1" "$tmp/log"
}

stray_files () {
  ls -A "$proj" | grep -v -x -e p.huibian -e p.pdf || true
}

case_race () {
  [ -n "${HUI_FAULT_SHIM:-}" ] || { echo "skip: race (no HUI_FAULT_SHIM)"; return; }
  cp "$tmp/big.huibian" "$proj/p.huibian"
  start "$proj/p.huibian" LD_PRELOAD="$HUI_FAULT_SHIM" HUI_FAULT_DIR="$proj" HUI_FAULT_FSYNC_DELAY_MS=3000
  type_in_body abc
  wait_for modified 50 || fail "race: typing did not modify the bulletin"
  press ctrl+s
  wait_for 'logged "Saving revision"' 50 || fail "race: Ctrl+S did not save"
  type_in_body def
  wait_for 'logged "Saved revision"' 300 || fail "race: the save did not finish"
  sleep 0.3
  modified || fail "race: the title \"$(title)\" does not show the edits made during the save"
  wait_for 'grep -qs abcdef "$HUI_DRAFTS_DIR"/*.huibian' 50 ||
    fail "race: no draft holds the text typed during the save"
  grep -q abcdef "$proj/p.huibian" && fail "race: the save wrote text typed after it began"
  stop
  ok "race: still modified after the save, draft kept with the later edits"
}

case_conflict () {
  cp "$tmp/big.huibian" "$proj/p.huibian"
  start "$proj/p.huibian"
  type_in_body mine
  # Another program saves the project meanwhile.
  "$HUI_GENERATE" -n 3 -o "$proj/p.huibian"
  cp "$proj/p.huibian" "$tmp/theirs"
  press ctrl+s
  wait_for 'logged "changed on disk"' 50 || fail "conflict: Ctrl+S did not ask before overwriting"
  sleep 0.5
  shot window-overwrite-dialog
  cmp -s "$proj/p.huibian" "$tmp/theirs" || fail "conflict: the other program's file was overwritten"
  key_in_dialog Escape
  sleep 1
  cmp -s "$proj/p.huibian" "$tmp/theirs" || fail "conflict: Cancel overwrote the other program's file"
  modified || fail "conflict: Cancel marked the bulletin saved"
  press ctrl+s
  wait_for '[ "$(grep -c "changed on disk" "$tmp/log")" -ge 2 ]' 50 ||
    fail "conflict: the second Ctrl+S did not ask"
  sleep 0.5
  key_in_dialog alt+o
  wait_for 'logged "Saved revision"' 100 || fail "conflict: Overwrite did not save"
  grep -q mine "$proj/p.huibian" || fail "conflict: Overwrite did not write this window's bulletin"
  # Saved by this window: the next Ctrl+S does not ask again.
  type_in_body more
  press ctrl+s
  wait_for '[ "$(grep -c "Saved revision" "$tmp/log")" -eq 2 ]' 100 ||
    fail "conflict: a second save did not go through"
  [ "$(grep -c "changed on disk" "$tmp/log")" -eq 2 ] || fail "conflict: a second save asked again"
  stop
  ok "conflict: asked before overwriting, Cancel kept their file, Overwrite wrote ours"
}

case_enospc () {
  [ -n "${HUI_FAULT_SHIM:-}" ] || { echo "skip: enospc (no HUI_FAULT_SHIM)"; return; }
  cp "$tmp/big.huibian" "$proj/p.huibian"
  cp "$proj/p.huibian" "$tmp/before"
  start "$proj/p.huibian" LD_PRELOAD="$HUI_FAULT_SHIM" HUI_FAULT_DIR="$proj" \
    HUI_FAULT_WRITE_AFTER=0 HUI_FAULT_ARM_FILE="$tmp/arm"
  type_in_body full
  touch "$tmp/arm"
  press ctrl+s
  wait_for 'logged "Shown to the user"' 100 || fail "enospc: the window showed no error"
  rm -f "$tmp/arm"
  grep "Shown to the user" "$tmp/log" | head -n 1
  sleep 0.5
  shot window-save-error
  cmp -s "$proj/p.huibian" "$tmp/before" || fail "enospc: the project on disk changed"
  [ -z "$(stray_files)" ] || fail "enospc: left $(stray_files)"
  modified || fail "enospc: the failed save marked the bulletin saved"
  stop
  ok "enospc: error shown, project byte-identical, nothing left behind"
}

# A temporary file a writer killed mid-save may leave is one the next
# save removes (its owner is gone); GLib's .goutputstream files are not.
temporaries () {
  ls -A "$proj" | grep -e '^\..*huibian' -e '\.goutputstream' || true
}

# Each round: a fresh editor on the old version, edits and Ctrl+S in a
# row, and kill -9 after a random delay. The project must be the old
# version or a complete new one; after a last, finished save, no
# temporary file is left.
case_kill () {
  rounds=${HUI_KILL_ROUNDS:-20}
  n=0
  while [ "$n" -lt "$rounds" ]; do
    n=$((n + 1))
    cp "$tmp/big.huibian" "$proj/p.huibian"
    start "$proj/p.huibian"
    type_in_body k
    delay=$(awk -v seed="$$$n" 'BEGIN { srand (seed); printf "%.2f", rand () * 1.2 }')
    ( for k in 1 2 3 4 5 6 7 8; do
        xdotool key --window "$wid" ctrl+s 2>/dev/null
        xdotool type --window "$wid" "$k" 2>/dev/null
      done ) &
    keys=$!
    sleep "$delay"
    stop
    wait "$keys" 2>/dev/null || true
    echo "round $n: killed after ${delay}s, $(grep -c "Saving revision" "$tmp/log") saves begun," \
      "$(grep -c "Saved revision" "$tmp/log") ended; temporaries: $(temporaries | tr '\n' ' ')"
    if ! cmp -s "$proj/p.huibian" "$tmp/big.huibian" &&
       ! "$HUI_CLI" show "$proj/p.huibian" >/dev/null 2>&1; then
      fail "kill: round $n (after ${delay}s): the project is neither the old nor a complete new version"
    fi
    temporaries | grep -q goutputstream && fail "kill: round $n: GLib's temporary file was left"
  done
  start "$proj/p.huibian"
  type_in_body k
  press ctrl+s
  wait_for 'logged "Saved revision"' 100 || fail "kill: the last save did not finish"
  stop
  [ -z "$(stray_files)" ] || fail "kill: left $(stray_files)"
  ok "kill: $rounds kills during saves, the project always complete, nothing left behind"
}

# Ctrl+E, typing during the export, Alt+C (the bar's _Cancel).
export_and_cancel () {
  language=$1
  press ctrl+e
  wait_for 'logged "Export .* started"' 50 || fail "export ($language): Ctrl+E did not start an export"
  typed=$(date +%s%N)
  type_in_body zz
  wait_for modified 10 || fail "export ($language): the window did not take typing during the export"
  echo "export ($language): typing shown in the title $(( ($(date +%s%N) - typed) / 1000000 )) ms after it began"
  logged "Export .* finished" && fail "export ($language): the export ended before it could be cancelled"
  sleep 0.5
  shot "window-export-progress-$language"
  cancelled=$(date +%s%N)
  press alt+c
  wait_for 'logged "Export .* cancelled"' 150 || fail "export ($language): Cancel did not stop the export"
  echo "export ($language): stopped $(( ($(date +%s%N) - cancelled) / 1000000 )) ms after Cancel"
}

case_export () {
  for language in en zh_CN; do
    cp "$tmp/big.huibian" "$proj/p.huibian"
    rm -f "$proj/p.pdf"
    if [ "$language" = zh_CN ]; then
      printf 'an older export\n' >"$proj/p.pdf"
      start "$proj/p.huibian" LANG=zh_CN.UTF-8 LANGUAGE=zh_CN HUIBIAN_LOCALEDIR="${HUI_TEST_LOCALEDIR:-}"
    else
      start "$proj/p.huibian"
    fi
    export_and_cancel "$language"
    sleep 0.5
    if [ "$language" = zh_CN ]; then
      [ "$(cat "$proj/p.pdf")" = "an older export" ] || fail "export ($language): the older export was changed"
    else
      [ ! -e "$proj/p.pdf" ] || fail "export ($language): a cancelled export left p.pdf"
    fi
    [ -z "$(stray_files)" ] || fail "export ($language): left $(stray_files)"
    stop
  done
  ok "export: progress shown, typing taken, Cancel left no file and the older one as it was"
}

for c in $cases; do
  failed=0
  rm -rf "$proj"
  mkdir "$proj"
  "case_$c"
done
exit $status
