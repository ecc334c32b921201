using Hotline.Telephony.Media.Rtp;

namespace Hotline.Telephony.Tests.Media.Mixing;

/// <summary>Keeps every packet the mixer sends to one party.</summary>
internal sealed class CapturingSink : IRtpPacketSink
{
    private readonly List<byte[]> _packets = [];

    public IReadOnlyList<byte[]> Packets
    {
        get
        {
            lock (_packets)
            {
                return [.. _packets];
            }
        }
    }

    public void Send(ReadOnlySpan<byte> packet)
    {
        lock (_packets)
        {
            _packets.Add(packet.ToArray());
        }
    }

    public RtpHeader Header(int index)
    {
        Assert.True(RtpPacketReader.TryParse(Packets[index], out RtpHeader header, out _));
        return header;
    }

    public byte[] Payload(int index)
    {
        RtpHeader header = Header(index);
        return Packets[index].AsSpan(header.PayloadOffset, header.PayloadLength).ToArray();
    }
}
