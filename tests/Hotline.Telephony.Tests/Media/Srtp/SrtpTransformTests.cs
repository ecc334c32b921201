using System.Buffers.Binary;
using Hotline.Telephony.Media.Srtp;

namespace Hotline.Telephony.Tests.Media.Srtp;

/// <summary>SRTP packet protection: the libsrtp reference packet, round trips, and every way a packet must be refused.</summary>
public sealed class SrtpTransformTests
{
    private static readonly SrtpMasterKey Rfc3711Key = new(
        Convert.FromHexString("E1F97A0D3E018BE0D64FA32C06DE4139"), Convert.FromHexString("0EC675AD498AFEEBB6960B3AABE6"));

    // libsrtp's srtp_validate reference: SSRC cafebabe, sequence 0x1234, sixteen 0xab payload bytes.
    private const string ReferencePlain = "800F1234DECAFBADCAFEBABE" + "ABABABABABABABABABABABABABABABAB";
    private const string ReferenceProtected = "800F1234DECAFBADCAFEBABE" + "4E55DC4CE79978D88CA4D215949D2402" + "B78D6ACC99EA179B8DBB";

    [Fact]
    public void TryProtect_ReferencePacket_EncryptsAndTagsAsLibsrtp()
    {
        using var sender = new SrtpTransform(Rfc3711Key);
        var buffer = new byte[64];
        Convert.FromHexString(ReferencePlain).CopyTo(buffer, 0);

        Assert.True(sender.TryProtect(buffer, 28, out var length));

        Assert.Equal(ReferenceProtected, Convert.ToHexString(buffer, 0, length));
    }

    [Fact]
    public void TryUnprotect_ReferencePacket_DecryptsToThePlainPacket()
    {
        using var receiver = new SrtpTransform(Rfc3711Key);
        var packet = Convert.FromHexString(ReferenceProtected);

        Assert.True(receiver.TryUnprotect(packet, out var length));

        Assert.Equal(ReferencePlain, Convert.ToHexString(packet, 0, length));
    }

    [Fact]
    public void TryUnprotect_AnyBitFlipped_RefusedAndPacketUnchanged()
    {
        var reference = Convert.FromHexString(ReferenceProtected);
        for (var bit = 0; bit < reference.Length * 8; bit++)
        {
            using var receiver = new SrtpTransform(Rfc3711Key);
            var packet = (byte[])reference.Clone();
            packet[bit / 8] ^= (byte)(1 << (bit % 8));
            var tampered = (byte[])packet.Clone();

            Assert.False(receiver.TryUnprotect(packet, out _), $"bit {bit}");
            Assert.Equal(tampered, packet);
        }
    }

    [Fact]
    public void TryUnprotect_AnotherKey_Refused()
    {
        using var receiver = new SrtpTransform(SrtpMasterKey.Generate());

        Assert.False(receiver.TryUnprotect(Convert.FromHexString(ReferenceProtected), out _));
    }

    [Fact]
    public void TryUnprotect_SamePacketTwice_ReplayRefused()
    {
        using var receiver = new SrtpTransform(Rfc3711Key);

        Assert.True(receiver.TryUnprotect(Convert.FromHexString(ReferenceProtected), out _));
        Assert.False(receiver.TryUnprotect(Convert.FromHexString(ReferenceProtected), out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(11)]
    [InlineData(21)]
    public void TryUnprotect_TooShortOrNotRtp_Refused(int length)
    {
        using var receiver = new SrtpTransform(Rfc3711Key);

        Assert.False(receiver.TryUnprotect(Convert.FromHexString(ReferenceProtected).AsSpan(0, length), out _));
        Assert.False(receiver.TryUnprotect(new byte[40], out _)); // version 0
    }

    [Fact]
    public void TryProtect_NoRoomForTag_Refused()
    {
        using var sender = new SrtpTransform(Rfc3711Key);
        var buffer = Convert.FromHexString(ReferencePlain);

        Assert.False(sender.TryProtect(buffer, buffer.Length, out _));
        Assert.Equal(ReferencePlain, Convert.ToHexString(buffer));
    }

    /// <summary>Across the sequence number's wrap the ROC goes up on both sides (RFC 3711 §3.3.1), out-of-order packets included.</summary>
    [Fact]
    public void RoundTrip_AcrossSequenceRollover_EveryPacketDecryptsOnce()
    {
        var key = SrtpMasterKey.Generate();
        using var sender = new SrtpTransform(key);
        using var receiver = new SrtpTransform(key);
        ushort[] sent = [65533, 65534, 65535, 0, 1, 2];
        var packets = sent.Select(sequence => Protect(sender, sequence)).ToList();
        // The network swaps two across the wrap.
        (packets[2], packets[3]) = (packets[3], packets[2]);
        var replay = (byte[])packets[^1].Packet.Clone();

        foreach (var (packet, plain) in packets)
        {
            Assert.True(receiver.TryUnprotect(packet, out var length));
            Assert.Equal(plain, packet[..length]);
        }
        Assert.False(receiver.TryUnprotect(replay, out _));
    }

    [Fact]
    public void TryProtect_TwoStreams_EachDecryptsWithItsOwnIndex()
    {
        var key = SrtpMasterKey.Generate();
        using var sender = new SrtpTransform(key);
        using var receiver = new SrtpTransform(key);

        var first = Protect(sender, 7, ssrc: 1);
        var second = Protect(sender, 40000, ssrc: 2);
        Assert.NotEqual(first.Plain[12..], first.Packet[12..^SrtpTransform.TagLength]);

        Assert.True(receiver.TryUnprotect(second.Packet, out _));
        Assert.True(receiver.TryUnprotect(first.Packet, out _));
        Assert.Equal(first.Plain, first.Packet[..first.Plain.Length]);
    }

    private static (byte[] Packet, byte[] Plain) Protect(SrtpTransform sender, ushort sequence, uint ssrc = 0x1234)
    {
        var plain = new byte[12 + 160];
        plain[0] = 0x80;
        BinaryPrimitives.WriteUInt16BigEndian(plain.AsSpan(2), sequence);
        BinaryPrimitives.WriteUInt32BigEndian(plain.AsSpan(8), ssrc);
        plain.AsSpan(12).Fill(0x55);
        var buffer = new byte[plain.Length + SrtpTransform.TagLength];
        plain.CopyTo(buffer, 0);
        Assert.True(sender.TryProtect(buffer, plain.Length, out var length));
        Assert.Equal(buffer.Length, length);
        return (buffer, plain);
    }
}
