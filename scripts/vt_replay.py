#!/usr/bin/env python3
"""Replays the bytes a terminal backend wrote through pyte, an independent VT emulator, and
prints the screen it ends up with as JSON: one string per row (a wide character's right half is
"") and, per cell, [foreground, background, bold, reverse] as pyte names them.

    vt_replay.py WIDTH HEIGHT FILE
"""
import json
import sys

import pyte


def main():
    width, height, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    screen = pyte.Screen(width, height)
    stream = pyte.ByteStream(screen)
    with open(path, "rb") as file:
        stream.feed(file.read())
    rows, styles = [], []
    for y in range(height):
        line = screen.buffer[y]
        rows.append("".join(line[x].data for x in range(width)))
        styles.append([[line[x].fg, line[x].bg, line[x].bold, line[x].reverse] for x in range(width)])
    json.dump({"rows": rows, "styles": styles}, sys.stdout)


if __name__ == "__main__":
    main()
