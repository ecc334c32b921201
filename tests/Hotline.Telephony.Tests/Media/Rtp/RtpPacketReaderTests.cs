using Hotline.Telephony.Media.Rtp;

namespace Hotline.Telephony.Tests.Media.Rtp;

public sealed class RtpPacketReaderTests
{
    // V=2, P=0, X=0, CC=0; M=1, PT=0; seq 0x1234; ts 0xDEADBEEF; SSRC 0x01020304; payload 3 bytes.
    private static readonly byte[] Simple =
    [
        0x80, 0x80, 0x12, 0x34, 0xDE, 0xAD, 0xBE, 0xEF, 0x01, 0x02, 0x03, 0x04, 0xFF, 0x7F, 0x00,
    ];

    [Fact]
    public void TryParse_SimplePacket_ReadsEveryField()
    {
        Assert.True(RtpPacketReader.TryParse(Simple, out RtpHeader h, out RtpParseError error));

        Assert.Equal(RtpParseError.None, error);
        Assert.False(h.Padding);
        Assert.False(h.Extension);
        Assert.Equal(0, h.CsrcCount);
        Assert.True(h.Marker);
        Assert.Equal(0, h.PayloadType);
        Assert.Equal(0x1234, h.SequenceNumber);
        Assert.Equal(0xDEADBEEFu, h.Timestamp);
        Assert.Equal(0x01020304u, h.Ssrc);
        Assert.Equal(12, h.PayloadOffset);
        Assert.Equal(3, h.PayloadLength);
    }

    [Fact]
    public void TryParse_CsrcExtensionAndPadding_PayloadExcludesAll()
    {
        byte[] packet =
        [
            0xB2, 0x08, 0x00, 0x01, 0, 0, 0, 160, 0, 0, 0, 9, // V=2 P=1 X=1 CC=2, PT=8
            0, 0, 0, 1, 0, 0, 0, 2,                           // two CSRCs
            0xBE, 0xDE, 0x00, 0x01, 0xAA, 0xBB, 0xCC, 0xDD,   // extension, one word
            0x55, 0x66,                                       // payload
            0x00, 0x00, 0x03,                                 // three bytes of padding
        ];

        Assert.True(RtpPacketReader.TryParse(packet, out RtpHeader h, out _));

        Assert.True(h.Padding);
        Assert.True(h.Extension);
        Assert.Equal(2, h.CsrcCount);
        Assert.Equal(8, h.PayloadType);
        Assert.Equal(28, h.PayloadOffset);
        Assert.Equal(2, h.PayloadLength);
    }

    [Theory]
    [InlineData(new byte[] { 0x40, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, RtpParseError.BadVersion)]
    [InlineData(new byte[] { 0x81, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, RtpParseError.TruncatedCsrcList)]
    [InlineData(new byte[] { 0x90, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xBE, 0xDE, 0, 2, 0, 0, 0, 0 }, RtpParseError.TruncatedExtension)]
    [InlineData(new byte[] { 0xA0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0 }, RtpParseError.BadPadding)]
    [InlineData(new byte[] { 0xA0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 9 }, RtpParseError.BadPadding)]
    [InlineData(new byte[] { 0x80, 0xC8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, RtpParseError.RtcpPayloadType)]
    public void TryParse_Malformed_ReturnsTypedReason(byte[] datagram, RtpParseError expected)
    {
        Assert.False(RtpPacketReader.TryParse(datagram, out _, out RtpParseError error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void TryParse_EveryPrefixOfHeader_NeverSucceeds()
    {
        for (int length = 0; length < RtpHeader.FixedLength; length++)
        {
            Assert.False(RtpPacketReader.TryParse(Simple.AsSpan(0, length), out _, out RtpParseError error));
            Assert.Equal(RtpParseError.TooShort, error);
        }
    }

    [Fact]
    public void TryParse_EveryPrefixOfPacketWithExtension_FailsUntilExtensionComplete()
    {
        byte[] packet = [0x90, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0xBE, 0xDE, 0, 1, 1, 2, 3, 4];
        for (int length = 0; length < packet.Length; length++)
        {
            Assert.False(RtpPacketReader.TryParse(packet.AsSpan(0, length), out _, out _));
        }

        Assert.True(RtpPacketReader.TryParse(packet, out RtpHeader h, out _));
        Assert.Equal(0, h.PayloadLength);
    }

    [Theory]
    [InlineData((byte)0, false, (ushort)0, 0u, 0u)]
    [InlineData((byte)101, true, ushort.MaxValue, uint.MaxValue, 0xCAFEBABEu)]
    public void Write_ThenParse_RoundTrips(byte payloadType, bool marker, ushort sequence, uint timestamp, uint ssrc)
    {
        byte[] payload = [1, 2, 3, 4, 5];
        var buffer = new byte[64];

        int written = RtpPacketWriter.Write(buffer, payloadType, marker, sequence, timestamp, ssrc, payload);

        Assert.True(RtpPacketReader.TryParse(buffer.AsSpan(0, written), out RtpHeader h, out _));
        Assert.Equal((payloadType, marker, sequence, timestamp, ssrc), (h.PayloadType, h.Marker, h.SequenceNumber, h.Timestamp, h.Ssrc));
        Assert.Equal(payload, buffer.AsSpan(h.PayloadOffset, h.PayloadLength).ToArray());
    }

    [Fact]
    public void Write_DestinationTooSmall_Throws()
    {
        Assert.Throws<ArgumentException>(() => RtpPacketWriter.Write(new byte[12], 0, false, 0, 0, 0, [1]));
    }
}
