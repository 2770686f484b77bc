#!/usr/bin/env bash
# Idle wake-ups and CPU of a running process (all its threads), for docs/performance.md.
#   scripts/bench/idle_wakeups.sh PID [SECONDS]
# Traces the process with strace for SECONDS and counts the waits that ended (epoll_wait,
# poll, futex, nanosleep, read, ... returning): each is a thread woken. Threads that come and
# go are counted too (summing /proc/PID/task/*/status misses the ones that exit). CPU is
# utime+stime from /proc/PID/stat over the same time. Leave the app alone on a still screen.
set -euo pipefail
pid=$1
seconds=${2:-10}
hz=$(getconf CLK_TCK)
trace=$(mktemp)
t0=$(awk '{print $14 + $15}' /proc/"$pid"/stat)
timeout "$seconds" strace -f -qq -p "$pid" -o "$trace" \
    -e trace=epoll_wait,epoll_pwait,poll,ppoll,select,pselect6,futex,nanosleep,clock_nanosleep,read,restart_syscall \
    2>/dev/null || true
t1=$(awk '{print $14 + $15}' /proc/"$pid"/stat)
# A wait that ended: a finished call that was not a zero-timeout peek, or a resumed one.
wakes=$(grep -E 'resumed>|^[0-9]+ +(epoll_wait|epoll_pwait|poll|ppoll|futex|nanosleep|clock_nanosleep|read|restart_syscall)\(.*\) += ' "$trace" \
    | grep -vE 'unfinished|, 0\) += 0$|FUTEX_WAKE' | wc -l)
rm -f "$trace"
awk -v w="$wakes" -v t="$((t1 - t0))" -v secs="$seconds" -v hz="$hz" 'BEGIN {
    printf "wake-ups %.1f/s, CPU %.2f %% (under strace) over %d s\n", w / secs, 100 * t / hz / secs, secs
}'
