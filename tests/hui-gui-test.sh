# SPDX-License-Identifier: GPL-3.0-or-later
#
# Shell helpers for the tests that drive the real `huibian` binary ($HUI_GUI)
# with real key and pointer events (xdotool) under xvfb-run; sourced by
# check-quit.sh and check-drafts.sh. Each instance started is remembered so
# that the test's exit kills whatever is left.

# GTK warns without a session bus: that is no failure of ours.
unset G_DEBUG
tmp=$(mktemp -d)
started=""
cleanup () {
  for p in $started; do kill -9 "$p" 2>/dev/null || true; done
  [ -n "${KEEP_TMP:-}" ] || rm -rf "$tmp"
}
trap cleanup EXIT
export HOME="$tmp" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" \
  XDG_CACHE_HOME="$tmp/cache" HUI_DRAFTS_DIR="$tmp/drafts" \
  G_MESSAGES_DEBUG=hui-window

fail () {
  echo "FAIL: $*" >&2
  exit 1
}

ok () {
  echo "ok: $*"
}

# start NAME [FILE]: runs the editor (stderr to $tmp/NAME.log), sets $pid
# and $wid (its window) once the window is shown.
start () {
  name=$1
  shift
  "$HUI_GUI" "$@" >"$tmp/$name.log" 2>&1 &
  pid=$!
  started="$started $pid"
  wid=$(timeout 60 xdotool search --sync --onlyvisible --pid "$pid" | head -n 1)
  [ -n "$wid" ] || { cat "$tmp/$name.log" >&2; fail "$name: no window"; }
}

# until SECONDS COMMAND…: true once COMMAND succeeds, false after SECONDS.
until_true () {
  limit=$(($1 * 10))
  shift
  i=0
  while ! "$@"; do
    i=$((i + 1))
    [ $i -lt $limit ] || return 1
    sleep 0.1
  done
}

n_windows () {
  xdotool search --onlyvisible --pid "$1" 2>/dev/null | wc -l
}

has_windows () {
  [ "$(n_windows "$1")" -eq "$2" ]
}

title_matches () {
  case $(xdotool getwindowname "$1") in $2) return 0 ;; esac
  return 1
}

# wait_title WID PATTERN: the window's title matches the shell PATTERN.
wait_title () {
  until_true 30 title_matches "$1" "$2" ||
    fail "title of $1 is \"$(xdotool getwindowname "$1")\", expected $2"
}

alive () {
  kill -0 "$1" 2>/dev/null
}

# keys WID KEY…: real key presses into window WID.
keys () {
  w=$1
  shift
  xdotool windowfocus --sync "$w" 2>/dev/null || xdotool windowfocus "$w"
  xdotool key --delay 50 "$@"
}

# type_in_body WID TEXT: clicks into the report's body, below its text,
# and types TEXT there.
type_in_body () {
  eval "$(xdotool getwindowgeometry --shell "$1")"
  xdotool windowraise "$1" windowfocus "$1" 2>/dev/null || true
  xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT * 3 / 4)) click 1
  sleep 0.3
  xdotool type --delay 40 "$2"
}

# The window of $1 other than $2 (a prompt, or a second window).
other_window () {
  xdotool search --onlyvisible --pid "$1" | grep -v "^$2\$" | head -n 1
}

drafts () {
  ls "$HUI_DRAFTS_DIR" 2>/dev/null | grep '\.huibian$' || true
}

has_draft () {
  [ -n "$(drafts)" ]
}

# draft_contains TEXT: a draft holds TEXT.
draft_contains () {
  grep -l "$1" "$HUI_DRAFTS_DIR"/*.huibian >/dev/null 2>&1
}

# exits PID STATUS: the process ends, with STATUS, within 30 s.
exits () {
  until_true 30 eval "! alive $1" || fail "pid $1 still running"
  status=0
  wait "$1" || status=$?
  [ "$status" -eq "$2" ] || fail "pid $1 exited with $status, expected $2"
}
