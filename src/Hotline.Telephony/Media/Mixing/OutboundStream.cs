using Hotline.Telephony.Media.Recording;
using Hotline.Telephony.Media.Rtp;

namespace Hotline.Telephony.Media.Mixing;

/// <summary>
/// The RTP stream the mixer originates towards one listener. RFC 3550 §5.1: SSRC, first sequence number and
/// first timestamp are random; the timestamp follows the mixer's frame clock (160 samples per 20 ms frame)
/// even across frames not sent, and the first packet after (re)joining sets the marker bit (RFC 3551 §4.1:
/// start of a talkspurt, so the phone re-sizes its jitter buffer).
/// </summary>
internal sealed class OutboundStream
{
    private readonly IRtpPacketSink _sink;
    private readonly byte _payloadType;
    private readonly uint _ssrc;
    private readonly uint _timestampBase;
    private readonly byte[] _packet = new byte[RtpHeader.FixedLength + ConferenceMixer.FrameSamples];
    private ushort _sequence;
    private bool _marker = true;

    public OutboundStream(IRtpPacketSink sink, byte payloadType)
    {
        if (payloadType is not (G711.PcmuPayloadType or G711.PcmaPayloadType))
        {
            throw new ArgumentOutOfRangeException(nameof(payloadType), payloadType, "A conference mixes PCMU (0) or PCMA (8).");
        }

        _sink = sink;
        _payloadType = payloadType;
        _ssrc = (uint)Random.Shared.NextInt64(1L << 32);
        _sequence = (ushort)Random.Shared.Next(1 << 16);
        _timestampBase = (uint)Random.Shared.NextInt64(1L << 32);
    }

    public uint Ssrc => _ssrc;

    public void Send(long frame, ReadOnlySpan<short> samples)
    {
        Span<byte> payload = _packet.AsSpan(RtpHeader.FixedLength, samples.Length);
        G711.Encode(_payloadType, samples, payload);
        uint timestamp = _timestampBase + (uint)(frame * ConferenceMixer.FrameSamples);
        int length = RtpPacketWriter.Write(_packet, _payloadType, _marker, _sequence++, timestamp, _ssrc, payload);
        _marker = false;
        _sink.Send(_packet.AsSpan(0, length));
    }
}
