#!/usr/bin/env python3
"""`shop serve` figures for docs/performance.md (issue 14), each against the local `shop` where
there is one to compare with, in the same run:

- resident memory of the server per idle session at 10, 50 and 200 sessions (each an OpenSSH
  client on its own pty, waited for until the catalog is on its screen), beside the resident
  memory of one local `shop` process;
- time from starting `ssh -tt` (TCP connect, key exchange, authentication, pty, shell) to the
  first full screen, against the local `shop`'s start to its first full screen;
- key to screen over `ssh -tt` on loopback against the local `shop` (pty_bench's harness);
- connections accepted per second: many `ssh -T` at once, each refused with one line (no pty),
  so the figure is the SSH handshake and session set-up, not the shop.

    python3 scripts/bench/ssh_bench.py --shop .build/release/shop [--sessions 10,50,200] [--presses 100]
"""
import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pty_bench import PtyApp, fresh_env, fmt, keys_and_economy, products_shown  # noqa: E402


def rss_mb(pid):
    text = open(f"/proc/{pid}/status").read()
    return int(re.search(r"VmRSS:\s+(\d+)", text).group(1)) / 1024


class Serve:
    """`shop serve` on a free port with its own data directory and a throwaway host key."""

    def __init__(self, shop, max_sessions, log=None):
        self.home = tempfile.mkdtemp(prefix="shop-serve-bench-")
        env = fresh_env(self.home)
        self.log = log
        self.process = subprocess.Popen(
            [shop, "serve", "--ssh-port", "0", "--max-sessions", str(max_sessions), "--connection-burst", "100000",
             "--connection-rate", "100000", "--log-level", "notice" if log else "warning"],
            stdout=subprocess.PIPE, stderr=open(log, "w") if log else subprocess.DEVNULL, text=True, env=env)
        self.port = None
        for line in self.process.stdout:
            m = re.search(r"port (\d+)", line)
            if m:
                self.port = int(m.group(1))
                break
        if self.port is None:
            raise SystemExit("shop serve did not print its port")
        self.key = os.path.join(self.home, "client_key")
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", self.key], check=True)

    def ssh_argv(self, *extra):
        return ["ssh", *extra, "-p", str(self.port), "-i", self.key, "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
                "127.0.0.1"]

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.home, ignore_errors=True)


def open_sessions(serve, count, cols=80, rows=24):
    apps = [PtyApp(serve.ssh_argv("-tt"), cols, rows, fresh_env(serve.home)) for _ in range(count)]
    ready = 0
    for app in apps:
        if app.wait_for(products_shown, timeout=60):
            ready += 1
    return apps, ready


def memory(shop, counts):
    print("== resident memory per idle session")
    local_home = tempfile.mkdtemp(prefix="shop-bench-")
    local = PtyApp([shop], 80, 24, fresh_env(local_home))
    if local.wait_for(products_shown, timeout=30):
        local.drain(quiet=0.5, limit=3)
        print(f"one local `shop` process (80x24, catalog shown): {rss_mb(local.pid):.1f} MB")
    local.stop()
    shutil.rmtree(local_home, ignore_errors=True)
    for count in counts:
        serve = Serve(shop, max_sessions=count + 10)
        try:
            # Warm up: one session in and out, so the baseline has the gateway and pools in it.
            apps, _ = open_sessions(serve, 1)
            for app in apps:
                app.stop()
            time.sleep(1)
            base = rss_mb(serve.process.pid)
            apps, ready = open_sessions(serve, count)
            for app in apps:
                app.drain(quiet=0.05, limit=0.5)
            time.sleep(1)
            loaded = rss_mb(serve.process.pid)
            for app in apps:
                app.stop()
            time.sleep(2)
            after = rss_mb(serve.process.pid)
            print(f"{count:4d} sessions ({ready} showing the catalog): server {base:.1f} MB -> {loaded:.1f} MB, "
                  f"{(loaded - base) / max(1, ready) * 1024:.0f} KB per session; {after:.1f} MB after they left")
        finally:
            serve.stop()


def report(serve):
    """What the server says it holds (SIGUSR1): its sessions and their objects still alive."""
    before = open(serve.log).read().count(" report")
    serve.process.send_signal(signal.SIGUSR1)
    deadline = time.time() + 10
    while time.time() < deadline:
        lines = [line for line in open(serve.log).read().splitlines() if " report" in line]
        if len(lines) > before:
            return re.sub(r"^.*?(alive=.*?) sessions=(\d+).*$", r"sessions=\2 \1", lines[-1])
        time.sleep(0.05)
    return "no report"


def trimmed_rss(pid):
    """Resident memory after glibc's malloc_trim(0), called in the process through gdb: what is
    left once the allocator has given its free pages back."""
    subprocess.run(["gdb", "-p", str(pid), "-batch", "-nx", "-ex", "call (int) malloc_trim(0)"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    return rss_mb(pid)


def rounds(shop, count, times, trim):
    print(f"== {times} rounds of {count} sessions in one server (each shown the catalog, then gone)")
    log = tempfile.mktemp(prefix="shop-serve-rounds-", suffix=".log")
    serve = Serve(shop, max_sessions=count + 10, log=log)
    try:
        apps, _ = open_sessions(serve, 1)
        for app in apps:
            app.stop()
        time.sleep(1)
        print(f"start (one session in and out): {rss_mb(serve.process.pid):.1f} MB; {report(serve)}")
        for round_number in range(1, times + 1):
            apps, ready = open_sessions(serve, count)
            loaded = rss_mb(serve.process.pid)
            for app in apps:
                app.stop()
            # The server trims 2 s after its last session ends; read after that.
            time.sleep(4)
            line = (f"round {round_number}: {ready} showing the catalog, {loaded:.1f} MB; after they left "
                    f"{rss_mb(serve.process.pid):.1f} MB; {report(serve)}")
            if trim and round_number == times:
                line += f"; after malloc_trim {trimmed_rss(serve.process.pid):.1f} MB"
            print(line, flush=True)
    finally:
        serve.stop()
        os.unlink(log)


def first_screen(shop, runs):
    print("== start to first full screen (catalog shown), 80x24")
    serve = Serve(shop, max_sessions=20)
    over_ssh, local = [], []
    try:
        for _ in range(runs):
            app = PtyApp(serve.ssh_argv("-tt"), 80, 24, fresh_env(serve.home))
            done = app.wait_for(products_shown, timeout=30)
            if done:
                over_ssh.append(done - app.started)
            app.stop()
        for _ in range(runs):
            home = tempfile.mkdtemp(prefix="shop-bench-")
            app = PtyApp([shop], 80, 24, fresh_env(home))
            done = app.wait_for(products_shown, timeout=30)
            if done:
                local.append(done - app.started)
            app.stop()
            shutil.rmtree(home, ignore_errors=True)
    finally:
        serve.stop()
    print(f"ssh -tt (connect, handshake, shop): {fmt(over_ssh)}")
    print(f"local shop (process start, embedded gateway): {fmt(local)}")


def key_to_screen(shop, presses):
    print(f"== key to screen, {presses} presses of Down/Up, 200x60")
    serve = Serve(shop, max_sessions=5)
    try:
        remote = keys_and_economy(serve.ssh_argv("-tt")[0], 200, 60, presses, serve.ssh_argv("-tt")[1:])
    finally:
        serve.stop()
    home_results = keys_and_economy(shop, 200, 60, presses, [])
    print(f"over ssh -tt (loopback): {fmt(remote.get('move', []))}")
    print(f"local shop:              {fmt(home_results.get('move', []))}")


def accept_rate(shop, count):
    print(f"== connections accepted per second ({count} at once, `ssh -T`: handshake, auth, one line, close)")
    serve = Serve(shop, max_sessions=count + 10)
    try:
        started = time.perf_counter()
        procs = [subprocess.Popen(serve.ssh_argv("-T"), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                  stdin=subprocess.DEVNULL) for _ in range(count)]
        answered = sum(1 for p in procs if b"needs a terminal" in p.communicate(timeout=120)[0])
        elapsed = time.perf_counter() - started
        print(f"{answered}/{count} answered in {elapsed:.2f} s: {answered / elapsed:.0f} connections/s "
              f"(the {count} ssh clients share the same 2 cores)")
    finally:
        serve.stop()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--shop", default=".build/debug/shop")
    parser.add_argument("--sessions", default="10,50,200")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--presses", type=int, default=100)
    parser.add_argument("--connections", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=0,
                        help="only this: rounds of the largest --sessions count in one server, memory after each")
    parser.add_argument("--trim", action="store_true", help="with --rounds: also the memory after malloc_trim (gdb) at the end")
    args = parser.parse_args()
    if args.rounds:
        rounds(args.shop, max(int(n) for n in args.sessions.split(",") if n), args.rounds, args.trim)
        return
    memory(args.shop, [int(n) for n in args.sessions.split(",") if n])
    first_screen(args.shop, args.runs)
    key_to_screen(args.shop, args.presses)
    accept_rate(args.shop, args.connections)


if __name__ == "__main__":
    main()
