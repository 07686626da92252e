#!/usr/bin/env python3
"""png-colours.py FILE MIN: exit 0 when the PNG holds at least MIN distinct colours.

test-deb.sh uses it to tell a rendered window from a blank one without extra packages (no PIL):
it decodes 8-bit truecolour PNGs (RGB/RGBA, as JavaFX writes them) with zlib and undoes the filters.
"""
import struct
import sys
import zlib


def pixels(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path}: not a PNG")
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            if depth != 8 or colour not in (2, 6):
                raise SystemExit(f"{path}: only 8-bit RGB/RGBA PNGs are checked (depth {depth}, type {colour})")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    prev = bytearray(stride)
    for y in range(height):
        row_start = y * (stride + 1)
        kind = raw[row_start]
        row = bytearray(raw[row_start + 1:row_start + 1 + stride])
        for i in range(stride):
            a = row[i - channels] if i >= channels else 0
            b = prev[i]
            if kind == 1:
                row[i] = (row[i] + a) & 0xFF
            elif kind == 2:
                row[i] = (row[i] + b) & 0xFF
            elif kind == 3:
                row[i] = (row[i] + ((a + b) >> 1)) & 0xFF
            elif kind == 4:
                c = prev[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        yield from (bytes(row[i:i + channels]) for i in range(0, stride, channels))
        prev = row


def main():
    path, wanted = sys.argv[1], int(sys.argv[2])
    seen = set()
    for px in pixels(path):
        seen.add(px)
        if len(seen) >= wanted:
            print(f"{path}: at least {wanted} colours")
            return 0
    print(f"{path}: only {len(seen)} colours", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
