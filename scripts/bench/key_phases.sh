#!/bin/bash
# Where a key's time goes inside a release `shop`, phase by phase, with uprobes (perf probe):
# the key read from the tty -> reduce -> view -> Terminal.draw -> ncurses draw/flush -> write(2).
#
#   scripts/bench/key_phases.sh [BIN] [COLS] [ROWS] [KEYS]
#
# Needs root (uprobes), perf, tmux, and a release build with symbols (the default build keeps
# them). Prints the median time from the key's read(2) to the start of each phase.
set -euo pipefail
bin=${1:-.build/release/shop}; cols=${2:-200}; rows=${3:-60}; keys=${4:-30}
bin=$(readlink -f "$bin")
data=$(mktemp /tmp/key-phases.XXXX.data)
home=$(mktemp -d /tmp/key-phases.XXXX)
sock=key-phases-$$
cleanup() { tmux -L "$sock" kill-server 2>/dev/null || true; perf probe -q -d 'probe_shop:*' 2>/dev/null || true; rm -rf "$home" "$data"; }
trap cleanup EXIT

symbol() { nm "$bin" | awk -v pattern="$1" '!found && $3 ~ pattern { print $3; found = 1 }'; }  # no early exit: nm's SIGPIPE would fail the script
probe() {  # name, symbol: an entry probe and a return probe
    [ -n "$2" ] || { echo "no symbol for $1 in $bin" >&2; exit 1; }
    perf probe -q -x "$bin" -a "$1=$2" && perf probe -q -x "$bin" -a "${1}_end=$2%return"
}
perf probe -q -d 'probe_shop:*' 2>/dev/null || true
# The key handed to the run loop's inbox (on the input thread), then the loop resumed.
probe post "$(symbol '^\$s7ShopApp12RuntimeInboxC4postyy10TerminalUI5EventOF$')"
probe loop_wakes "$(symbol '^\$s7ShopApp12RuntimeInboxC4wait5untilys15ContinuousClockV7InstantVSg_tYaFTQ1_$')"
probe reduce "$(symbol '^\$s7ShopApp6reduceySayAA6EffectOGAA0B5StateVz_AA6ActionOtF$')"
# The view: render(_:into:theme:layout:memory:), or in older builds render(_:into:theme:layout:)
# or render(_:size:theme:layout:).
view=$(symbol '^\$s7ShopApp0B4ViewO6render_4into5theme6layout6memory.*Tf4nnnnnd_n$')
[ -n "$view" ] || view=$(symbol '^\$s7ShopApp0B4ViewO6render_4into5theme6layout.*Tf4nnnnd_n$')
probe view "${view:-$(symbol '^\$s7ShopApp0B4ViewO6render_4size5theme6layout.*Tf4nnnnd_n$')}"
probe diff "$(symbol '^\$s10TerminalUI0A0C4drawyyAA6BufferVF$')"
probe curses_draw "$(symbol '^\$s14TerminalCurses0bA0C4drawyySay0A2UI10CellUpdateVGF$')"
probe curses_flush "$(symbol '^\$s14TerminalCurses0bA0C5flushyyF$')"

tmux -L "$sock" new -d -s t -x "$cols" -y "$rows" \
    "env HOME=$home XDG_CONFIG_HOME=$home/c XDG_DATA_HOME=$home/d XDG_STATE_HOME=$home/s LANG=C.UTF-8 TERM=xterm-256color $bin"
for _ in $(seq 1 100); do tmux -L "$sock" capture-pane -p -t t | grep -q ' items' && break; sleep 0.1; done
sleep 2
pane=$(tmux -L "$sock" display -p -t t '#{pane_pid}')
pid=$(pgrep -P "$pane" -x shop || echo "$pane")
perf record -q -e 'probe_shop:*' -e syscalls:sys_enter_read -e syscalls:sys_enter_write -o "$data" -p "$pid" 2>/dev/null &
recorder=$!
sleep 0.5
for _ in $(seq 1 "$keys"); do tmux -L "$sock" send-keys -t t Down; sleep 0.25; done
kill -INT "$recorder"; wait "$recorder" 2>/dev/null || true

echo "$(uname -n), load $(cut -d' ' -f1-3 /proc/loadavg), ${cols}x${rows}, $keys Down keys, $bin"
perf script -i "$data" -F tid,time,event,trace 2>/dev/null | python3 -c '
import re, statistics, sys
events = []
for line in sys.stdin:
    m = re.match(r"\s*(\d+)\s+([\d.]+):\s+(\S+):\s*(.*)", line)
    if m: events.append((float(m.group(2)) * 1000, m.group(3), m.group(4)))
phases, key = {}, None
for t, event, trace in events:
    if event == "syscalls:sys_enter_read" and "fd: 0x00000000" in trace:
        if key is None or t - key[0] > 5: key = [t, {}]
        key[0] = t  # the last byte of the key (Esc [ B is three reads)
    elif key is not None and event.startswith("probe_shop:"):
        key[1].setdefault(event.split(":")[1].replace("__return", ""), t - key[0])
    elif key is not None and event == "syscalls:sys_enter_write" and "fd: 0x00000001" in trace:
        key[1]["write(2) of the frame"] = t - key[0]
        for name, value in key[1].items(): phases.setdefault(name, []).append(value)
        key = None
for name, values in sorted(phases.items(), key=lambda kv: statistics.median(kv[1])):
    print(f"  {name:24s} median {statistics.median(values):.3f} ms after the key (n={len(values)})")
'
