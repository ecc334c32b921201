using System.Buffers.Binary;
using Hotline.Telephony.Media.Recording;

namespace Hotline.Telephony.Tests.Interop.Baresip;

/// <summary>
/// Writes the trunk caller's media as a pcap for sipp's play_pcap_audio: a PCMA tone in 20 ms packets, with
/// the caller pressing one key every <c>pressEvery</c> as RFC 4733 telephone-events. sipp 3.6.1 replays a
/// capture byte for byte (it rewrites only the UDP ports), so a shipped one-press capture played in a loop
/// repeats the same timestamp, which receivers rightly drop as a retransmission; and its play_dtmf sends
/// payload type 96 whatever the SDP says. Hence our own capture: every press is a new event.
/// </summary>
internal static class CallerMediaPcap
{
    public const byte TelephoneEventPayloadType = 101;

    private const byte PcmaPayloadType = 8;
    private const int SamplesPerPacket = 160;
    private const int PressPackets = 5;
    private const uint Ssrc = 0x7E1E_0001;
    private const ushort Port = 6000;

    /// <summary>Writes the capture; <paramref name="firstPress"/> is when the first key goes down.</summary>
    public static void Write(string path, TimeSpan length, TimeSpan firstPress, TimeSpan pressEvery, char digit)
    {
        var eventCode = (byte)(digit - '0');
        using var file = File.Create(path);
        WriteFileHeader(file);
        var packets = (int)(length.TotalMilliseconds / 20);
        var firstTick = (int)(firstPress.TotalMilliseconds / 20);
        var everyTicks = (int)(pressEvery.TotalMilliseconds / 20);
        ushort sequence = 1;
        for (var tick = 0; tick < packets; tick++)
        {
            var time = TimeSpan.FromMilliseconds(tick * 20);
            var sincePress = tick < firstTick ? -1 : (tick - firstTick) % everyTicks;
            if (sincePress is >= 0 and < PressPackets)
            {
                // RFC 4733 §2.5.1: all packets of one event carry its start timestamp; the duration grows;
                // the last (E bit) is sent three times (§2.5.1.4).
                var start = (uint)((tick - sincePress) * SamplesPerPacket);
                var duration = (ushort)((sincePress + 1) * SamplesPerPacket);
                var end = sincePress == PressPackets - 1;
                for (var copy = 0; copy < (end ? 3 : 1); copy++)
                {
                    WritePacket(file, time, Rtp(TelephoneEventPayloadType, sincePress == 0, sequence, start, TelephoneEvent(eventCode, end, duration)));
                }
            }
            else
            {
                WritePacket(file, time, Rtp(PcmaPayloadType, false, sequence, (uint)(tick * SamplesPerPacket), Tone(tick)));
            }
            sequence++;
        }
    }

    //  0                   1                   2                   3
    //  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
    // |V=2|P|X|  CC   |M|     PT      |       sequence number         |
    // |                           timestamp                           |
    // |                             SSRC                              |
    private static byte[] Rtp(byte payloadType, bool marker, ushort sequence, uint timestamp, byte[] payload)
    {
        var packet = new byte[12 + payload.Length];
        packet[0] = 0x80;
        packet[1] = (byte)((marker ? 0x80 : 0) | payloadType);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), sequence);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), Ssrc);
        payload.CopyTo(packet, 12);
        return packet;
    }

    // |     event     |E|R| volume    |          duration             |
    private static byte[] TelephoneEvent(byte eventCode, bool end, ushort duration)
    {
        var payload = new byte[4];
        payload[0] = eventCode;
        payload[1] = (byte)((end ? 0x80 : 0) | 10);
        BinaryPrimitives.WriteUInt16BigEndian(payload.AsSpan(2), duration);
        return payload;
    }

    /// <summary>A 1 kHz tone at about −12 dBFS (baresip's tone is 440 Hz, so the two channels differ).</summary>
    private static byte[] Tone(int tick)
    {
        var samples = new short[SamplesPerPacket];
        for (var i = 0; i < samples.Length; i++)
        {
            var n = (tick * SamplesPerPacket) + i;
            samples[i] = (short)(8000 * Math.Sin(2 * Math.PI * 1000 * n / 8000.0));
        }
        var payload = new byte[SamplesPerPacket];
        G711.Encode(PcmaPayloadType, samples, payload);
        return payload;
    }

    // libpcap file format: magic, version 2.4, zone, sigfigs, snaplen, link type 1 (Ethernet).
    private static void WriteFileHeader(Stream file)
    {
        var header = new byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0xA1B2C3D4);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(4), 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(6), 4);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), 65535);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(20), 1);
        file.Write(header);
    }

    /// <summary>One frame: pcap record header, Ethernet, IPv4, UDP. sipp keeps only UDP onwards and re-addresses it.</summary>
    private static void WritePacket(Stream file, TimeSpan time, byte[] rtp)
    {
        var udpLength = 8 + rtp.Length;
        var frame = new byte[14 + 20 + udpLength];
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), 0x0800);
        var ip = frame.AsSpan(14);
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(20 + udpLength));
        ip[8] = 64;
        ip[9] = 17;
        byte[] source = [127, 0, 0, 2];
        byte[] destination = [127, 0, 0, 1];
        source.CopyTo(ip[12..]);
        destination.CopyTo(ip[16..]);
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], IpChecksum(ip[..20]));
        var udp = frame.AsSpan(34);
        BinaryPrimitives.WriteUInt16BigEndian(udp, Port);
        BinaryPrimitives.WriteUInt16BigEndian(udp[2..], Port);
        BinaryPrimitives.WriteUInt16BigEndian(udp[4..], (ushort)udpLength);
        rtp.CopyTo(udp[8..]);

        var record = new byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)time.TotalSeconds);
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(4), (uint)(time.Ticks % TimeSpan.TicksPerSecond / 10));
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(8), (uint)frame.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(12), (uint)frame.Length);
        file.Write(record);
        file.Write(frame);
    }

    private static ushort IpChecksum(ReadOnlySpan<byte> header)
    {
        var sum = 0u;
        for (var i = 0; i < header.Length; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(header[i..]);
        }
        while (sum > 0xFFFF)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        return (ushort)~sum;
    }
}
