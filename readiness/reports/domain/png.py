"""Just enough PNG decoding to place a council's logo in a PDF: 8-bit greyscale, RGB, with
or without alpha, palette images, non-interlaced. Anything else is refused with a reason."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_PIXELS = 4_000_000


class PngError(ValueError):
    pass


@dataclass(frozen=True)
class Image:
    width: int
    height: int
    colours: int  # 1 (grey) or 3 (RGB)
    pixels: bytes  # the colour samples, row by row
    alpha: bytes | None  # one byte a pixel, or None when opaque


def decode(data: bytes) -> Image:
    if not data.startswith(SIGNATURE):
        raise PngError("The logo is not a PNG image.")
    position, chunks, palette, transparency = 8, [], b"", b""
    header = None
    while position + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        body = data[position + 8 : position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"PLTE":
            palette = body
        elif kind == b"tRNS":
            transparency = body
        elif kind == b"IDAT":
            chunks.append(body)
        elif kind == b"IEND":
            break
    if header is None:
        raise PngError("The logo has no PNG header.")
    width, height, depth, colour_type, _, _, interlace = header
    if depth != 8 or interlace or colour_type not in (0, 2, 3, 4, 6):
        raise PngError("The logo must be an 8-bit, non-interlaced PNG.")
    if width * height > MAX_PIXELS:
        raise PngError("The logo is too large (over 4 million pixels).")
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[colour_type]
    raw = zlib.decompressobj().decompress(b"".join(chunks), (width * channels + 1) * height)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        if len(line) < stride:
            raise PngError("The logo's image data is cut short.")
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                pred = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + pred) & 255
        rows.append(bytes(line))
        previous = line
    flat = b"".join(rows)
    if colour_type == 0:
        return Image(width, height, 1, flat, None)
    if colour_type == 2:
        return Image(width, height, 3, flat, None)
    if colour_type == 4:
        return Image(width, height, 1, flat[0::2], flat[1::2])
    if colour_type == 6:
        rgb = bytearray()
        for i in range(0, len(flat), 4):
            rgb += flat[i : i + 3]
        return Image(width, height, 3, bytes(rgb), flat[3::4])
    rgb, alpha = bytearray(), bytearray()
    for index in flat:
        rgb += palette[index * 3 : index * 3 + 3] or b"\0\0\0"
        alpha.append(transparency[index] if index < len(transparency) else 255)
    return Image(width, height, 3, bytes(rgb), bytes(alpha) if transparency else None)
