#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs the editor from the build folder exactly as `build-aux/huibian-dev run`
# does (through `meson devenv`) on the sample bulletin, once under
# LANG=zh_CN.UTF-8 and once under LANG=C.UTF-8, finds its window with
# xdotool and checks its title is the translated one, then the English one.
#
# Usage, under xvfb-run: check-devenv-locale.sh MESON BUILD_ROOT SAMPLE
set -eu

meson=$1
build=$2
sample=$3

# LC_ALL (C.UTF-8 in the test environment) would hide LANG; G_DEBUG is
# not set by huibian-dev run, and without a session bus GTK warns.
unset LC_ALL LC_MESSAGES LANGUAGE G_DEBUG
tmp=$(mktemp -d)
pid=""
cleanup () {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
# Settings stay in memory (GSETTINGS_BACKEND from the test environment);
# drafts and recent files go to this run's own folder.
export HOME="$tmp" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" \
  XDG_CACHE_HOME="$tmp/cache" HUI_DRAFTS_DIR="$tmp/drafts"

# Prints the title of the editor's window once the bulletin is loaded.
window_title () {
  rm -f "$tmp/pid"
  LANG=$1 "$meson" devenv -C "$build" -w "$tmp" \
    sh -c 'echo $$ >pid; exec huibian "$1"' sh "$sample" >"$tmp/log" 2>&1 &
  runner=$!
  i=0
  while [ ! -s "$tmp/pid" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
  pid=$(cat "$tmp/pid")
  wid=$(timeout 60 xdotool search --sync --onlyvisible --pid "$pid" | head -n 1)
  if [ -z "$wid" ]; then
    echo "no window for huibian (pid $pid)" >&2
    cat "$tmp/log" >&2
    exit 1
  fi
  # The window is titled "Huibian" until it shows a bulletin.
  i=0
  while title=$(xdotool getwindowname "$wid") && [ $i -lt 100 ]; do
    case $title in *" — "*) break ;; esac
    sleep 0.1
    i=$((i + 1))
  done
  kill "$pid"
  wait "$runner" || true
  pid=""
  printf '%s\n' "$title"
}

status=0
expect () {
  title=$(window_title "$1")
  case $title in
    *"$2")
      echo "ok: LANG=$1: window title \"$title\"" ;;
    *)
      echo "FAIL: LANG=$1: window title \"$title\", expected it to end in \"$2\"" >&2
      status=1 ;;
  esac
}

expect zh_CN.UTF-8 "未命名汇编 — 汇编"
expect C.UTF-8 "Untitled Bulletin — Huibian"
exit $status
