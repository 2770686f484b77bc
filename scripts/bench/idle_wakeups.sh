#!/usr/bin/env bash
# Idle wake-ups and CPU of a running process (all its threads), for docs/performance.md.
#   scripts/bench/idle_wakeups.sh PID [SECONDS] [--threads]
# Traces the process with strace for SECONDS and counts the waits that ended (epoll_wait,
# poll, futex, nanosleep, read, ... returning): each is a thread woken. Threads that come and
# go are counted too (summing /proc/PID/task/*/status misses the ones that exit). CPU is
# utime+stime from /proc/PID/stat over the same time. Leave the app alone on a still screen.
# --threads adds one line per thread that woke: its id, name (/proc/PID/task/TID/comm, read
# before and after the trace; "exited" if it came and went unseen) and wake-ups a second.
set -euo pipefail
pid=$1
seconds=${2:-10}
per_thread=${3:-}
names=$(mktemp)
for task in /proc/"$pid"/task/*; do echo "${task##*/} $(cat "$task"/comm 2>/dev/null)"; done >"$names"
hz=$(getconf CLK_TCK)
trace=$(mktemp)
t0=$(awk '{print $14 + $15}' /proc/"$pid"/stat)
timeout "$seconds" strace -f -qq -p "$pid" -o "$trace" \
    -e trace=epoll_wait,epoll_pwait,poll,ppoll,select,pselect6,futex,nanosleep,clock_nanosleep,read,restart_syscall \
    2>/dev/null || true
t1=$(awk '{print $14 + $15}' /proc/"$pid"/stat)
# A wait that ended: a finished call that was not a zero-timeout peek, or a resumed one.
woken=$(mktemp)
grep -E 'resumed>|^[0-9]+ +(epoll_wait|epoll_pwait|poll|ppoll|futex|nanosleep|clock_nanosleep|read|restart_syscall)\(.*\) += ' "$trace" \
    | grep -vE 'unfinished|, 0\) += 0$|FUTEX_WAKE' >"$woken" || true
wakes=$(wc -l <"$woken")
if [ "$per_thread" = "--threads" ]; then
    for task in /proc/"$pid"/task/*; do echo "${task##*/} $(cat "$task"/comm 2>/dev/null)"; done >>"$names"
    awk '{print $1}' "$woken" | sort | uniq -c | sort -rn | while read -r count tid; do
        name=$(awk -v t="$tid" '$1 == t {$1 = ""; print substr($0, 2); exit}' "$names")
        awk -v c="$count" -v s="$seconds" -v t="$tid" -v n="${name:-exited}" 'BEGIN { printf "  thread %s %-24s %.1f/s\n", t, n, c / s }'
    done
fi
rm -f "$trace" "$woken" "$names"
awk -v w="$wakes" -v t="$((t1 - t0))" -v secs="$seconds" -v hz="$hz" 'BEGIN {
    printf "wake-ups %.1f/s, CPU %.2f %% (under strace) over %d s\n", w / secs, 100 * t / hz / secs, secs
}'
