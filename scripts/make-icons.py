#!/usr/bin/env python3
"""Makes the app icons (PNG) from crates/samenspel/static/icon.svg.

The icon is a few filled circles, so this draws them itself (anti-aliased by
coverage of each pixel's distance to the edge) with only the standard
library: no image library or browser needed. Run it again when icon.svg
changes, and commit the PNGs:

    python3 scripts/make-icons.py
"""
import re
import struct
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STATIC = ROOT / "crates" / "samenspel" / "static"


def circles(svg):
    """(cx, cy, r, (r, g, b)) for every <circle> in the 32x32 viewBox."""
    out = []
    for m in re.finditer(r"<circle ([^>]*)/>", svg):
        a = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
        colour = a["fill"].lstrip("#")
        out.append((float(a["cx"]), float(a["cy"]), float(a["r"]),
                    tuple(int(colour[i:i + 2], 16) for i in (0, 2, 4))))
    return out


def render(shapes, size, scale=1.0, background=None):
    """RGBA rows: the 32-unit drawing at `size` px, shrunk by `scale` around
    the centre (maskable icons keep the drawing inside the safe zone)."""
    unit = size / 32 * scale
    offset = size * (1 - scale) / 2
    rows = []
    for y in range(size):
        row = bytearray()
        for x in range(size):
            px, py = x + 0.5, y + 0.5
            r, g, b, a = (*background, 1.0) if background else (0, 0, 0, 0.0)
            for cx, cy, rad, (cr, cg, cb) in shapes:
                d = ((px - (offset + cx * unit)) ** 2 + (py - (offset + cy * unit)) ** 2) ** 0.5
                cover = min(1.0, max(0.0, rad * unit - d + 0.5))
                if cover <= 0:
                    continue
                out_a = cover + a * (1 - cover)
                r = (cr * cover + r * a * (1 - cover)) / out_a
                g = (cg * cover + g * a * (1 - cover)) / out_a
                b = (cb * cover + b * a * (1 - cover)) / out_a
                a = out_a
            row += bytes((round(r), round(g), round(b), round(a * 255)))
        rows.append(bytes(row))
    return rows


def png(rows, size):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + r for r in rows)
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9))
            + chunk(b"IEND", b""))


def main():
    shapes = circles((STATIC / "icon.svg").read_text())
    out = STATIC / "icons"
    out.mkdir(exist_ok=True)
    green = shapes[0][3]
    for name, size, scale, background in [
        ("icon-192.png", 192, 1.0, None),
        ("icon-512.png", 512, 1.0, None),
        # Maskable: the platform cuts any shape from a full square; the
        # drawing stays within the central 80 % circle.
        ("icon-maskable-512.png", 512, 0.8, green),
        ("apple-touch-icon.png", 180, 0.9, green),
    ]:
        (out / name).write_bytes(png(render(shapes, size, scale, background), size))
        print("wrote", out / name)


if __name__ == "__main__":
    main()
