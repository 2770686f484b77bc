#!/usr/bin/env python3
"""Key-to-screen, start-up and output economy of the real `shop` binary in a pseudo-terminal
(issue 5, figures 2, 3 and 4), with a minimal Textual list app as the start-up peer.

The harness writes a key to the pty master and timestamps every chunk the app writes back;
a figure is the time from the write to the arrival of the chunk that made the expected
change visible on a pyte screen. Checking the screen happens after the timestamp, so the
harness's own cost does not count.

    python3 scripts/bench/pty_bench.py --shop .build/release/shop [--runs 20] [--keys 100]
"""
import argparse
import fcntl
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import sys
import tempfile
import termios
import textwrap
import time

try:
    import pyte
except ImportError:  # a fresh machine: install what the harness needs
    os.system(f"{sys.executable} -m pip install -q pyte 'textual' >/dev/null 2>&1")
    import pyte

DOWN = b"\x1bOB"  # kcud1 of xterm-256color (ncurses turns keypad transmit mode on)
UP = b"\x1bOA"


def pct(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(p / 100 * (len(s) - 1))))]


def fmt(values, unit="ms"):
    if not values:
        return "n/a"
    scale = 1e3
    return (f"median {statistics.median(values) * scale:.2f} {unit}  p99 {pct(values, 99) * scale:.2f} {unit}  "
            f"min {min(values) * scale:.2f}  max {max(values) * scale:.2f}  (n={len(values)})")


class PtyApp:
    """A program on a pty of a given size, its output on a pyte screen."""

    def __init__(self, argv, cols, rows, env):
        self.cols, self.rows = cols, rows
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.bytes_total = 0
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            os.execvpe(argv[0], argv, env)
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.pid, self.fd = pid, fd

    def read(self, timeout):
        """One chunk (and its arrival time), or None after `timeout` seconds of silence."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return None
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:
            return None
        at = time.perf_counter()
        self.bytes_total += len(data)
        self.stream.feed(data)
        return at, data

    def wait_for(self, condition, timeout=10.0):
        """Reads until `condition(screen)` holds; returns the arrival time of the chunk that did it."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            chunk = self.read(max(0.0, deadline - time.perf_counter()))
            if chunk and condition(self.screen):
                return chunk[0]
        return None

    def drain(self, quiet=0.05, limit=1.0):
        """Reads until the app has been silent for `quiet` seconds; returns the chunks."""
        chunks = []
        deadline = time.perf_counter() + limit
        while time.perf_counter() < deadline:
            chunk = self.read(quiet)
            if chunk is None:
                break
            chunks.append(chunk)
        return chunks

    def write(self, data):
        now = time.perf_counter()
        os.write(self.fd, data)
        return now

    def text(self):
        return "\n".join(self.screen.display)

    def stop(self):
        try:
            os.kill(self.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        deadline = time.time() + 3
        while time.time() < deadline:
            try:
                self.read(0.05)
                pid, _ = os.waitpid(self.pid, os.WNOHANG)
                if pid:
                    break
            except ChildProcessError:
                break
        else:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        os.close(self.fd)


def cpu_seconds(pid):
    """User + system CPU time of a process so far (all its threads)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def fresh_env(home):
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR",)}
    env.update(TERM="xterm-256color", HOME=home, XDG_CONFIG_HOME=f"{home}/config", XDG_DATA_HOME=f"{home}/data",
               XDG_STATE_HOME=f"{home}/state", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    return env


def products_shown(screen):
    # The products panel title says "N+ items" / "N items" once the first page is in.
    return any("items" in line and "loading" not in line for line in screen.display[1:3])


def header_shown(screen):
    return " shop " in screen.display[0]


def startup_shop(shop, runs, cols, rows, extra):
    first_paint, full = [], []
    for _ in range(runs):
        home = tempfile.mkdtemp(prefix="shop-bench-")
        app = PtyApp([shop] + extra, cols, rows, fresh_env(home))
        painted = app.wait_for(header_shown)
        done = app.wait_for(products_shown) if painted else None
        if painted:
            first_paint.append(painted - app.started)
        if done:
            full.append(done - app.started)
        app.stop()
        shutil.rmtree(home, ignore_errors=True)
    return first_paint, full


TEXTUAL_APP = textwrap.dedent("""
    from textual.app import App
    from textual.widgets import Header, Footer, ListView, ListItem, Label

    class Shop(App):
        def compose(self):
            yield Header()
            yield ListView(*[ListItem(Label(f"Product {i}   $19.99")) for i in range(200)])
            yield Footer()

    Shop().run()
""")


def startup_textual(runs, cols, rows):
    path = os.path.join(tempfile.gettempdir(), "shop_bench_textual_app.py")
    with open(path, "w") as f:
        f.write(TEXTUAL_APP)
    times = []
    for _ in range(runs):
        home = tempfile.mkdtemp(prefix="textual-bench-")
        app = PtyApp([sys.executable, path], cols, rows, fresh_env(home))
        done = app.wait_for(lambda s: any("Product 5 " in line for line in s.display), timeout=30)
        if done:
            times.append(done - app.started)
        app.stop()
        shutil.rmtree(home, ignore_errors=True)
    return times


def highlight(screen, x, y):
    cell = screen.buffer[y][x]
    return (cell.bg, cell.reverse)


def selected_row(screen, x, top, bottom):
    """The row of the list whose background differs from the rows around it."""
    styles = [highlight(screen, x, y) for y in range(top, bottom)]
    common = max(set(styles), key=styles.count)
    rows = [top + i for i, s in enumerate(styles) if s != common]
    return rows[0] if len(rows) == 1 else None


def changed_cells(before, after):
    count = 0
    for y in range(len(before)):
        for x in range(len(before[y])):
            if before[y][x] != after[y][x]:
                count += 1
    return count


def snapshot(screen):
    return [[(c.data, c.fg, c.bg, c.bold, c.reverse, c.underscore) for c in (screen.buffer[y][x] for x in range(screen.columns))]
            for y in range(screen.lines)]


def keys_and_economy(shop, cols, rows, presses, extra):
    home = tempfile.mkdtemp(prefix="shop-bench-")
    app = PtyApp([shop] + extra, cols, rows, fresh_env(home))
    results = {}
    try:
        if not app.wait_for(products_shown, timeout=20):
            print("shop did not show products; screen:\n" + app.text())
            return results
        app.drain(quiet=0.3, limit=3)
        # The product list: the column left of centre, below the panel title.
        x = 30 if cols >= 100 else 5
        top, bottom = 2, rows - 3
        row = selected_row(app.screen, x, top, bottom)
        if row is None:
            print("could not find the selected row")
            return results
        move, first_bytes, economy_bytes, economy_cells, burst_bytes = [], [], [], [], []
        cpu_before = cpu_seconds(app.pid)
        for i in range(presses):
            key, step = (DOWN, 1) if (i // 10) % 2 == 0 else (UP, -1)
            before = snapshot(app.screen)
            sent = app.write(key)
            want = row + step
            first_chunk_bytes = []
            first_byte = None
            got = None
            deadline = time.perf_counter() + 2
            while time.perf_counter() < deadline:
                chunk = app.read(2)
                if chunk is None:
                    break
                first_chunk_bytes.append(len(chunk[1]))
                if first_byte is None:
                    first_byte = chunk[0]
                if selected_row(app.screen, x, top, bottom) == want:
                    got = chunk[0]
                    break
            if got is None:
                print(f"key {i}: selection did not move")
                break
            move.append(got - sent)
            first_bytes.append(first_byte - sent)
            frame_cells = changed_cells(before, snapshot(app.screen))
            economy_bytes.append(sum(first_chunk_bytes))
            economy_cells.append(frame_cells)
            rest = app.drain(quiet=0.08, limit=1)
            burst_bytes.append(sum(first_chunk_bytes) + sum(len(c[1]) for c in rest))
            row = want
        # CPU per key (the embedded gateway's answers to the detail requests included): unlike
        # the times, it hardly depends on how busy the machine is.
        results["move_cpu"] = (cpu_seconds(app.pid) - cpu_before) / max(1, len(move))
        results["move"] = move
        results["move_first_byte"] = first_bytes
        results["move_bytes"] = economy_bytes
        results["move_cells"] = economy_cells
        results["move_all_bytes"] = burst_bytes

        # Full-screen change: browse -> cart and back.
        full_bytes, full_cells = [], []
        for key in [b"c", b"b"] * 5:
            before = snapshot(app.screen)
            app.write(key)
            chunks = app.drain(quiet=0.15, limit=2)
            full_bytes.append(sum(len(c[1]) for c in chunks))
            full_cells.append(changed_cells(before, snapshot(app.screen)))
        results["full_bytes"] = full_bytes
        results["full_cells"] = full_cells

        # Typing a search: the time until the typed character is echoed in the query field.
        app.write(b"/")
        app.drain(quiet=0.2, limit=2)
        cx, cy = app.screen.cursor.x, app.screen.cursor.y
        typing = []
        for _ in range(max(1, presses // 8)):
            for offset, ch in enumerate("lamp"):
                sent = app.write(ch.encode())
                got = app.wait_for(lambda s, o=offset, c=ch: s.buffer[cy][cx + o].data == c, timeout=2)
                if got is None:
                    print("typed character did not show; screen:\n" + app.text())
                    return results
                typing.append(got - sent)
                app.drain(quiet=0.03, limit=0.5)
            app.drain(quiet=0.3, limit=2)  # let the search answer land
            for offset in range(3, -1, -1):
                app.write(b"\x7f")
                app.wait_for(lambda s, o=offset: s.buffer[cy][cx + o].data == " ", timeout=2)
                app.drain(quiet=0.03, limit=0.5)
            app.drain(quiet=0.2, limit=2)
        results["type"] = typing
        return results
    finally:
        app.stop()
        shutil.rmtree(home, ignore_errors=True)


def less_keys(cols, rows, presses):
    """The peer: `less` on a long file, j (one line down) until the top line changes, in the
    same pty harness: key to first byte and key to screen."""
    home = tempfile.mkdtemp(prefix="less-bench-")
    path = os.path.join(home, "lines.txt")
    with open(path, "w") as file:
        file.writelines(f"line {i:06d} " + "x" * (cols // 2) + "\n" for i in range(presses * 2 + rows * 4))
    env = fresh_env(home)
    env["LESSHISTFILE"] = "-"
    app = PtyApp(["less", path], cols, rows, env)
    first_bytes, screens = [], []
    try:
        if not app.wait_for(lambda s: s.display[0].startswith("line 000000"), timeout=10):
            return first_bytes, screens, None
        app.drain(quiet=0.2, limit=2)
        cpu_before = cpu_seconds(app.pid)
        for i in range(presses):
            want = f"line {i + 1:06d}"
            sent = app.write(b"j")
            first = None
            got = None
            deadline = time.perf_counter() + 2
            while time.perf_counter() < deadline:
                chunk = app.read(2)
                if chunk is None:
                    break
                first = first or chunk[0]
                if app.screen.display[0].startswith(want):
                    got = chunk[0]
                    break
            if got is None:
                break
            first_bytes.append(first - sent)
            screens.append(got - sent)
            app.drain(quiet=0.01, limit=0.2)
        return first_bytes, screens, (cpu_seconds(app.pid) - cpu_before) / max(1, len(screens))
    finally:
        app.write(b"q")
        app.stop()
        shutil.rmtree(home, ignore_errors=True)


def textual_keys(cols, rows, presses):
    """The other peer: the same minimal Textual list app as the start-up figure, Down/Up (10
    each way, as for shop) until its highlighted item moves: key to first byte and key to screen."""
    path = os.path.join(tempfile.gettempdir(), "shop_bench_textual_app.py")
    with open(path, "w") as f:
        f.write(TEXTUAL_APP)
    home = tempfile.mkdtemp(prefix="textual-bench-")
    app = PtyApp([sys.executable, path], cols, rows, fresh_env(home))
    first_bytes, screens = [], []
    try:
        if not app.wait_for(lambda s: any("Product 5 " in line for line in s.display), timeout=30):
            return first_bytes, screens, None
        app.drain(quiet=0.5, limit=5)
        # The list fills the screen between the header (row 0) and the footer (last row).
        x, top, bottom = 5, 1, rows - 1
        row = selected_row(app.screen, x, top, bottom)
        if row is None:
            print("Textual: could not find the highlighted item")
            return first_bytes, screens, None
        cpu_before = cpu_seconds(app.pid)
        for i in range(presses):
            key, step = (DOWN, 1) if (i // 10) % 2 == 0 else (UP, -1)
            sent = app.write(key)
            want = row + step
            first = None
            got = None
            deadline = time.perf_counter() + 2
            while time.perf_counter() < deadline:
                chunk = app.read(2)
                if chunk is None:
                    break
                first = first or chunk[0]
                if selected_row(app.screen, x, top, bottom) == want:
                    got = chunk[0]
                    break
            if got is None:
                print(f"Textual key {i}: highlight did not move")
                break
            first_bytes.append(first - sent)
            screens.append(got - sent)
            app.drain(quiet=0.05, limit=1)
            row = want
        return first_bytes, screens, (cpu_seconds(app.pid) - cpu_before) / max(1, len(screens))
    finally:
        app.stop()
        shutil.rmtree(home, ignore_errors=True)


def scroll_memory(shop, server, catalog, extra_timeout):
    """Scrolls the client through a whole catalog (End until every page is in) and reads its
    resident memory, and the gateway's."""
    import re
    import subprocess
    gateway = subprocess.Popen([server, "--port", "0", "--log-level", "warning", "--admin-token", "bench", "--catalog", catalog],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        url = None
        for line in gateway.stdout:
            m = re.search(r"Serving the shop gateway at (\S+)", line)
            if m:
                url = m.group(1)
                break
        home = tempfile.mkdtemp(prefix="shop-bench-")
        app = PtyApp([shop, "--gateway", url], 200, 60, fresh_env(home))
        started = time.perf_counter()
        try:
            if not app.wait_for(products_shown, timeout=60):
                return None
            app.drain(quiet=0.3, limit=3)
            first_rss = int(re.search(r"VmRSS:\s+(\d+)", open(f"/proc/{app.pid}/status").read()).group(1)) / 1024
            def complete(text):
                # The products panel title: "380 of 100000 items" while loading, or "100000 items".
                m = re.search(r"(\d+) of (\d+) items", text)
                if m:
                    return int(m.group(1)) if m.group(1) == m.group(2) else 0
                m = re.search(r"[^+0-9](\d+) items", text)
                return int(m.group(1)) if m else 0
            deadline = time.perf_counter() + extra_timeout
            count = 0
            while time.perf_counter() < deadline:
                app.write(b"\x1bOF")  # End (kend of xterm-256color)
                app.drain(quiet=0.002, limit=0.05)
                count = complete(" ".join(app.screen.display[1:3]))
                if count:
                    break
            elapsed = time.perf_counter() - started
            status = open(f"/proc/{app.pid}/status").read()
            rss = int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024
            gstatus = open(f"/proc/{gateway.pid}/status").read()
            grss = int(re.search(r"VmRSS:\s+(\d+)", gstatus).group(1)) / 1024
            return count, elapsed, rss, grss, first_rss
        finally:
            app.stop()
            shutil.rmtree(home, ignore_errors=True)
    finally:
        gateway.terminate()
        gateway.wait(timeout=10)


def startup(args, extra):
    print(f"== Start-up, exec to first full frame (products listed), 80x24, {args.runs} runs each, fresh XDG dirs ==")
    paint, full = startup_shop(args.shop, args.runs, 80, 24, extra)
    print(f"  shop first paint        {fmt(paint)}")
    print(f"  shop products shown     {fmt(full)}")
    if not args.no_textual:
        try:
            import textual  # noqa: F401
        except ImportError:
            os.system(f"{sys.executable} -m pip install -q textual >/dev/null 2>&1")
        textual_times = startup_textual(args.runs, 80, 24)
        print(f"  Textual list app        {fmt(textual_times)}")
        if full and textual_times:
            print(f"  ratio shop / Textual (medians): {statistics.median(full) / statistics.median(textual_times):.2f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shop", default=".build/release/shop")
    parser.add_argument("--runs", type=int, default=20, help="start-up runs of each app")
    parser.add_argument("--keys", type=int, default=100, help="selection moves")
    parser.add_argument("--no-textual", action="store_true")
    parser.add_argument("--gateway", help="use this gateway instead of the embedded one")
    parser.add_argument("--scroll-catalog", help="also scroll through this catalog file and report memory")
    parser.add_argument("--server", default=".build/release/shop-mock-server")
    parser.add_argument("--scroll-timeout", type=float, default=300)
    parser.add_argument("--only", choices=["startup", "keys", "scroll"], help="run one part only")
    args = parser.parse_args()
    extra = ["--gateway", args.gateway] if args.gateway else []
    load = open("/proc/loadavg").read().split()[:3]
    print(f"machine: {os.cpu_count()} cores, load {' '.join(load)}, {time.strftime('%Y-%m-%d %H:%M:%S %Z')}")

    if args.only in (None, "scroll") and args.scroll_catalog:
        print(f"== Client memory after scrolling through {args.scroll_catalog} (End held down), 200x60 ==")
        r = scroll_memory(args.shop, args.server, args.scroll_catalog, args.scroll_timeout)
        if r:
            count, elapsed, rss, grss, first_rss = r
            done = "all" if count else "NOT all (timed out)"
            print(f"  shop resident with the first page shown: {first_rss:.1f} MiB")
            print(f"  {done} products listed ({count}) after {elapsed:.1f} s; shop resident {rss:.1f} MiB, gateway resident {grss:.1f} MiB")
    if args.only == "scroll":
        return
    if args.only in (None, "startup"):
        startup(args, extra)
    if args.only == "startup":
        return
    for cols, rows in [(200, 60), (80, 24)]:
        print(f"== Key to screen and output economy, {cols}x{rows} ==")
        r = keys_and_economy(args.shop, cols, rows, args.keys, extra)
        if "move" in r:
            print(f"  move selection (Down/Up)   {fmt(r['move'])}")
            print(f"    key to first byte        {fmt(r['move_first_byte'])}")
            print(f"    CPU per key              {r['move_cpu'] * 1e3:.2f} ms (shop's process, embedded gateway included)")
            print(f"    bytes of that frame: median {statistics.median(r['move_bytes']):.0f}, "
                  f"cells changed median {statistics.median(r['move_cells']):.0f}; "
                  f"with the detail pane refresh that follows: median {statistics.median(r['move_all_bytes']):.0f} bytes")
        if "full_bytes" in r:
            print(f"  full-screen change (browse <-> cart): median {statistics.median(r['full_bytes']):.0f} bytes, "
                  f"cells changed median {statistics.median(r['full_cells']):.0f} of {cols * rows}")
        if "type" in r:
            print(f"  type a search character    {fmt(r['type'])}")
        less_first, less_screen, less_cpu = less_keys(cols, rows, args.keys)
        print(f"  less, j: key to first byte {fmt(less_first)}")
        print(f"  less, j: key to screen     {fmt(less_screen)}")
        if less_cpu is not None:
            print(f"  less, j: CPU per key       {less_cpu * 1e3:.2f} ms")
        if not args.no_textual:
            textual_first, textual_screen, textual_cpu = textual_keys(cols, rows, args.keys)
            print(f"  Textual, Down/Up: key to first byte {fmt(textual_first)}")
            print(f"  Textual, Down/Up: key to screen     {fmt(textual_screen)}")
            if textual_cpu is not None:
                print(f"  Textual, Down/Up: CPU per key       {textual_cpu * 1e3:.2f} ms")


if __name__ == "__main__":
    main()
