#!/usr/bin/env python3
"""Delay the RTP relay adds, from a loopback capture (tcpdump -i lo --time-stamp-precision=nano).

The relay forwards each datagram unchanged, so one RTP packet shows up twice on lo: into a relay port
and out of another relay port, with the same SSRC, sequence number and timestamp. The difference of the
two kernel capture times is the time the packet spent in the host. Per stream (SSRC and the relay port
it leaves from), added jitter = that delay minus the stream's smallest delay, as in load/media.

Usage: relay-delay.py CAPTURE.pcap PORT_MIN PORT_MAX
Prints one line: "pairs=N streams=N delay_p50_ms=… delay_p99_ms=… jitter_p50_ms=… jitter_p99_ms=… jitter_max_ms=…"
"""
import struct
import sys

LINK_HEADER = {0: 4, 1: 14, 12: 0, 101: 0, 113: 16, 276: 20}


def packets(path):
    with open(path, "rb") as f:
        header = f.read(24)
        if len(header) < 24:
            return
        magic = struct.unpack("<I", header[:4])[0]
        if magic in (0xA1B2C3D4, 0xA1B23C4D):
            endian = "<"
        else:
            endian = ">"
            magic = struct.unpack(">I", header[:4])[0]
        if magic not in (0xA1B2C3D4, 0xA1B23C4D):
            raise SystemExit(f"{path}: not a pcap file")
        divisor = 1e9 if magic == 0xA1B23C4D else 1e6
        linktype = struct.unpack(endian + "I", header[20:24])[0]
        if linktype not in LINK_HEADER:
            raise SystemExit(f"{path}: link type {linktype} not handled")
        skip = LINK_HEADER[linktype]
        while True:
            record = f.read(16)
            if len(record) < 16:
                return
            seconds, fraction, captured, _ = struct.unpack(endian + "IIII", record)
            data = f.read(captured)
            yield seconds + fraction / divisor, data[skip:]


def rtp_of(frame):
    """(source port, destination port, (ssrc, seq, timestamp)) of an IPv4/UDP/RTP frame, else None."""
    if len(frame) < 20 or frame[0] >> 4 != 4 or frame[9] != 17:
        return None
    ihl = (frame[0] & 0x0F) * 4
    udp = frame[ihl:]
    if len(udp) < 8 + 12:
        return None
    source, destination = struct.unpack(">HH", udp[:4])
    rtp = udp[8:]
    if rtp[0] >> 6 != 2:
        return None
    seq, timestamp, ssrc = struct.unpack(">HII", rtp[2:12])
    return source, destination, (ssrc, seq, timestamp)


def quantile(values, q):
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, int(q * len(ordered) + 0.999999) - 1))
    return ordered[index]


def main():
    path, low, high = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    inbound = {}
    delays = {}
    for when, frame in packets(path):
        parsed = rtp_of(frame)
        if parsed is None:
            continue
        source, destination, key = parsed
        into_relay = low <= destination <= high
        out_of_relay = low <= source <= high
        if into_relay and not out_of_relay:
            inbound.setdefault(key, []).append(when)
        elif out_of_relay and not into_relay:
            arrivals = inbound.get(key)
            if not arrivals:
                continue
            # The latest arrival of this packet before it left; anything older than a second is another call's.
            arrived = arrivals.pop()
            if 0 <= when - arrived < 1.0:
                delays.setdefault((key[0], source), []).append(when - arrived)
    all_delays = [d for stream in delays.values() for d in stream]
    jitter = [d - min(stream) for stream in delays.values() for d in stream]
    ms = lambda v: f"{v * 1000:.2f}"
    print(
        f"pairs={len(all_delays)} streams={len(delays)} "
        f"delay_p50_ms={ms(quantile(all_delays, 0.5))} delay_p99_ms={ms(quantile(all_delays, 0.99))} "
        f"jitter_p50_ms={ms(quantile(jitter, 0.5))} jitter_p99_ms={ms(quantile(jitter, 0.99))} "
        f"jitter_max_ms={ms(max(jitter) if jitter else float('nan'))}"
    )


if __name__ == "__main__":
    main()
