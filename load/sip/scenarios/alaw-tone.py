#!/usr/bin/env python3
"""Writes raw G.711 A-law audio (8 kHz, no header) for sipp's rtp_stream action: a 425 Hz tone that
pauses every second, so a recording made by the edge shows at a glance which leg carried it.
Usage: alaw-tone.py OUT [seconds=4]"""
import math
import sys

# ITU-T G.711 A-law: 13-bit magnitude, segment = position of the leading one, 4 mantissa bits, even bits inverted.
SEGMENT_ENDS = [0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF]


def alaw(sample):
    pcm = sample >> 3
    if pcm >= 0:
        mask = 0xD5
    else:
        mask = 0x55
        pcm = -pcm - 1
    segment = next((i for i, end in enumerate(SEGMENT_ENDS) if pcm <= end), 8)
    if segment >= 8:
        return 0x7F ^ mask
    value = segment << 4
    value |= (pcm >> 1) & 0x0F if segment < 2 else (pcm >> segment) & 0x0F
    return value ^ mask


def main():
    out = sys.argv[1]
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 4.0
    rate = 8000
    frames = bytearray()
    for n in range(int(seconds * rate)):
        on = (n // rate) % 2 == 0 or (n % rate) < rate // 2
        sample = int(8000 * math.sin(2 * math.pi * 425 * n / rate)) if on else 0
        frames.append(alaw(sample))
    with open(out, "wb") as f:
        f.write(frames)


if __name__ == "__main__":
    main()
