#!/usr/bin/env python3
"""Draws the Teams app icons into appPackage/ (standard library only).

color.png   192x192: accent-coloured background, white chat bubble with three accent dots.
outline.png  32x32:  the same bubble as a white outline on a transparent background
                     (Teams requires only white and transparent pixels; edges are
                     anti-aliased through alpha, never through grey).

Run from anywhere:  python3 tools/teams-icons.py
The PNGs are committed; rerun only when the design or ACCENT changes (keep ACCENT equal to
accentColor in appPackage/manifest.json, a test checks it).
"""
import os
import struct
import zlib

ACCENT = (0x1F, 0x6F, 0x78)  # "#1F6F78"
SUPERSAMPLES = 8  # per axis, for anti-aliased edges


def rounded_rect(left, top, right, bottom, radius):
    def inside(x, y):
        cx = min(max(x, left + radius), right - radius)
        cy = min(max(y, top + radius), bottom - radius)
        return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2 and left <= x <= right and top <= y <= bottom
    return inside


def triangle(a, b, c):
    def side(p, q, x, y):
        return (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0])

    def inside(x, y):
        d1, d2, d3 = side(a, b, x, y), side(b, c, x, y), side(c, a, x, y)
        negative = d1 < 0 or d2 < 0 or d3 < 0
        positive = d1 > 0 or d2 > 0 or d3 > 0
        return not (negative and positive)
    return inside


def circle(cx, cy, r):
    return lambda x, y: (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def coverage(size, shape):
    """Fraction (0..1) of each pixel covered by shape, row by row."""
    step = 1.0 / SUPERSAMPLES
    offsets = [(i + 0.5) * step for i in range(SUPERSAMPLES)]
    total = SUPERSAMPLES * SUPERSAMPLES
    rows = []
    for py in range(size):
        row = []
        for px in range(size):
            hits = sum(1 for oy in offsets for ox in offsets if shape(px + ox, py + oy))
            row.append(hits / total)
        rows.append(row)
    return rows


def write_png(path, width, height, color_type, rows):
    """rows: list of bytes objects, one per scanline, without filter bytes."""
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + row for row in rows)  # filter type 0 (None) on every line
    png = b"\x89PNG\r\n\x1a\n"
    png += chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw, 9))
    png += chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)


def color_icon(path):
    size = 192
    body = rounded_rect(36, 44, 156, 132, 24)
    tail = triangle((58, 120), (92, 120), (50, 156))
    dots = [circle(x, 88, 10) for x in (66, 96, 126)]

    def white(x, y):
        return (body(x, y) or tail(x, y)) and not any(d(x, y) for d in dots)

    rows = []
    for row in coverage(size, white):
        line = bytearray()
        for c in row:
            line += bytes(round(a + (255 - a) * c) for a in ACCENT)
        rows.append(bytes(line))
    write_png(path, size, size, 2, rows)  # colour type 2: RGB


def outline_icon(path):
    size = 32
    outer = rounded_rect(3, 5, 29, 23, 5)
    inner = rounded_rect(5, 7, 27, 21, 3)
    tail = triangle((8, 22), (14, 22), (6, 28))
    dots = [circle(x, 14, 1.7) for x in (11, 16, 21)]

    def white(x, y):
        return (outer(x, y) and not inner(x, y)) or tail(x, y) or any(d(x, y) for d in dots)

    rows = []
    for row in coverage(size, white):
        line = bytearray()
        for c in row:
            alpha = round(255 * c)
            line += bytes((255, 255, 255, alpha)) if alpha else bytes((0, 0, 0, 0))
        rows.append(bytes(line))
    write_png(path, size, size, 6, rows)  # colour type 6: RGBA


if __name__ == "__main__":
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "appPackage")
    color_icon(os.path.join(out, "color.png"))
    outline_icon(os.path.join(out, "outline.png"))
    print("wrote appPackage/color.png and appPackage/outline.png")
