#!/usr/bin/env bash
# Issue 13's figures in one run, release builds: idle wake-ups and CPU of the real `shop` on a
# still Browse screen (with --gateway and with the embedded gateway), key to first byte and key
# to screen in the pty bench beside `less` and the Textual list app, and resident memory per
# extra runtime. The load average is printed before and after each part.
#
#   scripts/bench/terminal_figures.sh 2>&1 | tee /tmp/terminal-figures.txt
# after: swift build -c release --product shop / shop-mock-server / shop-bench; tmux, strace,
# less, python3 with pyte and textual.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${BIN:-.build/release}
KEYS=${KEYS:-100}
SOCKET=${SOCKET:-bench-figures}   # a private tmux server, never anyone else's
WORK=$(mktemp -d /tmp/shop-terminal-bench.XXXXXX)
GATEWAY_PID=
cleanup() {
  tmux -L "$SOCKET" kill-server 2>/dev/null || true
  [ -n "$GATEWAY_PID" ] && kill "$GATEWAY_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
load() { echo "## $1: load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"; }

# The process tmux started for the pane (sh may or may not exec it).
shop_pid() {
  local pane
  pane=$(tmux -L "$SOCKET" display -p -t t '#{pane_pid}')
  if [ "$(basename "$(readlink /proc/"$pane"/exe)")" = shop ]; then echo "$pane"; else pgrep -P "$pane" -x shop; fi
}

# shop in tmux at 80x24, fresh XDG directories, left alone 5 s on Browse, then 10 s traced.
idle() { # label, shop arguments...
  local label=$1; shift
  local home="$WORK/home-$RANDOM"
  mkdir -p "$home"
  tmux -L "$SOCKET" new -d -s t -x 80 -y 24 \
    "env HOME=$home XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data XDG_STATE_HOME=$home/state LANG=C.UTF-8 TERM=xterm-256color $BIN/shop $*"
  for _ in $(seq 1 100); do tmux -L "$SOCKET" capture-pane -p -t t | grep -q ' items' && break; sleep 0.1; done
  sleep 5
  local pid
  pid=$(shop_pid)
  printf '  %-24s ' "$label"
  scripts/bench/idle_wakeups.sh "$pid" 10
  # strace's own stops cost the process CPU: idle CPU again, 20 s untraced.
  local t0 t1
  t0=$(awk '{print $14 + $15}' /proc/"$pid"/stat)
  sleep 20
  t1=$(awk '{print $14 + $15}' /proc/"$pid"/stat)
  printf '  %-24s CPU %s %% untraced over 20 s\n' "" "$(python3 -c "print(f'{($t1 - $t0) / $(getconf CLK_TCK) / 20 * 100:.3f}')")"
  tmux -L "$SOCKET" kill-server
  while [ -e "/proc/$pid" ]; do sleep 0.1; done   # a new session on a dying tmux server fails
  sleep 0.5
}

echo "## build: $BIN, commit $(git rev-parse --short HEAD)$(git diff --quiet -- Sources Package.swift || echo ' (Sources changed)')"
load "before idle"
"$BIN/shop-mock-server" --port 0 --log-level warning >"$WORK/gateway.out" 2>&1 &
GATEWAY_PID=$!
for _ in $(seq 1 100); do grep -q 'Serving the shop gateway at' "$WORK/gateway.out" && break; sleep 0.1; done
URL=$(sed -n 's/.*Serving the shop gateway at \([^ ]*\).*/\1/p' "$WORK/gateway.out" | head -1)
echo "== Idle wake-ups per second and CPU, shop on a still Browse screen, 80x24 (--gateway $URL) =="
for run in 1 2; do
  idle "--gateway, run $run" --gateway "$URL"
  idle "embedded, run $run"
done
load "after idle, before pty keys"
python3 scripts/bench/pty_bench.py --shop "$BIN/shop" --only keys --keys "$KEYS"
load "after pty keys, before runtimes"
"$BIN/shop-bench" runtimes --counts 10 100
load "after runtimes"
