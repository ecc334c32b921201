using System.Buffers.Binary;
using Hotline.Telephony.Media.Srtp;

namespace Hotline.Telephony.Tests.Media.Srtp;

/// <summary>SRTCP (RFC 3711 §3.4): the libsrtp reference packet, round trips, and every way a packet must be dropped.</summary>
public sealed class SrtcpTransformTests
{
    private static readonly SrtpMasterKey Rfc3711Key = new(
        Convert.FromHexString("E1F97A0D3E018BE0D64FA32C06DE4139"), Convert.FromHexString("0EC675AD498AFEEBB6960B3AABE6"));

    // libsrtp's srtp_validate reference: a sender report from SSRC cafebabe with sixteen 0xab bytes, sent with SRTCP index 1.
    private const string ReferencePlain = "81C8000BCAFEBABE" + "ABABABABABABABABABABABABABABABAB";
    private const string ReferenceProtected = "81C8000BCAFEBABE" + "7128035BE487B9BDBEF89041F977A5A8" + "80000001" + "993E08CD54D6C1230798";

    [Fact]
    public void TryProtect_SecondPacketOfTheReference_EncryptsAndTagsAsLibsrtp()
    {
        using var sender = new SrtcpTransform(Rfc3711Key);
        var first = Buffer(ReferencePlain);
        var second = Buffer(ReferencePlain);

        Assert.True(sender.TryProtect(first, 24, out var firstLength));
        Assert.True(sender.TryProtect(second, 24, out var length));

        // §3.4: the first packet carries index 0 with E set; libsrtp's reference is the one after it.
        Assert.Equal("80000000", Convert.ToHexString(first, 24, 4));
        Assert.Equal(38, firstLength);
        Assert.Equal(ReferenceProtected, Convert.ToHexString(second, 0, length));
    }

    [Fact]
    public void Unprotect_ReferencePacket_DecryptsToThePlainPacket()
    {
        using var receiver = new SrtcpTransform(Rfc3711Key);
        var packet = Convert.FromHexString(ReferenceProtected);

        Assert.Equal(SrtcpCheck.Accepted, receiver.Unprotect(packet, out var length));

        Assert.Equal(ReferencePlain, Convert.ToHexString(packet, 0, length));
    }

    [Fact]
    public void Unprotect_SamePacketTwice_SecondIsReplay()
    {
        using var receiver = new SrtcpTransform(Rfc3711Key);

        Assert.Equal(SrtcpCheck.Accepted, receiver.Unprotect(Convert.FromHexString(ReferenceProtected), out _));
        Assert.Equal(SrtcpCheck.Replay, receiver.Unprotect(Convert.FromHexString(ReferenceProtected), out _));
    }

    [Fact]
    public void Unprotect_AnyBitFlipped_DroppedAndPacketUnchanged()
    {
        var reference = Convert.FromHexString(ReferenceProtected);
        for (var bit = 0; bit < reference.Length * 8; bit++)
        {
            using var receiver = new SrtcpTransform(Rfc3711Key);
            var packet = (byte[])reference.Clone();
            packet[bit / 8] ^= (byte)(1 << (bit % 8));
            var tampered = (byte[])packet.Clone();

            var check = receiver.Unprotect(packet, out _);

            // Version and packet type bits make it no RTCP at all; every other flip fails the tag.
            Assert.True(check is SrtcpCheck.AuthenticationFailed or SrtcpCheck.NotRtcp, $"bit {bit}: {check}");
            Assert.Equal(tampered, packet);
        }
    }

    [Fact]
    public void Unprotect_EveryPrefix_DroppedWithoutThrowing()
    {
        var reference = Convert.FromHexString(ReferenceProtected);
        for (var length = 0; length < reference.Length; length++)
        {
            using var receiver = new SrtcpTransform(Rfc3711Key);

            var check = receiver.Unprotect(reference.AsSpan(0, length).ToArray(), out _);

            Assert.Equal(length < 22 ? SrtcpCheck.TooShort : SrtcpCheck.AuthenticationFailed, check);
        }
    }

    [Fact]
    public void Unprotect_AnotherKey_AuthenticationFailed()
    {
        using var receiver = new SrtcpTransform(SrtpMasterKey.Generate());

        Assert.Equal(SrtcpCheck.AuthenticationFailed, receiver.Unprotect(Convert.FromHexString(ReferenceProtected), out _));
    }

    [Fact]
    public void Unprotect_SrtpPacketOnTheRtcpPath_NotRtcp()
    {
        using var receiver = new SrtcpTransform(Rfc3711Key);
        var rtp = Convert.FromHexString("800F1234DECAFBADCAFEBABE4E55DC4CE79978D88CA4D215949D2402B78D6ACC99EA179B8DBB");

        Assert.Equal(SrtcpCheck.NotRtcp, receiver.Unprotect(rtp, out _));
    }

    [Fact]
    public void RoundTrip_OutOfOrderWithinTheWindow_AllAcceptedOnceEach()
    {
        var key = SrtpMasterKey.Generate();
        using var sender = new SrtcpTransform(key);
        using var receiver = new SrtcpTransform(key);
        var packets = Enumerable.Range(0, 5).Select(_ =>
        {
            var buffer = Buffer(ReferencePlain);
            Assert.True(sender.TryProtect(buffer, 24, out var length));
            return buffer[..length];
        }).ToList();

        foreach (var i in new[] { 4, 0, 2, 1, 3 })
        {
            var copy = (byte[])packets[i].Clone();
            Assert.Equal(SrtcpCheck.Accepted, receiver.Unprotect(copy, out var plain));
            Assert.Equal(ReferencePlain, Convert.ToHexString(copy, 0, plain));
        }
        Assert.Equal(SrtcpCheck.Replay, receiver.Unprotect((byte[])packets[2].Clone(), out _));
    }

    [Fact]
    public void Unprotect_UnencryptedFlag_AuthenticatedButLeftClear()
    {
        // A sender may leave a packet clear (E = 0, §3.4); the tag still covers the packet, E and the index.
        var key = SrtpMasterKey.Generate();
        var packet = new byte[38];
        Convert.FromHexString(ReferencePlain).CopyTo(packet, 0);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(24), 5);
        using (var hmac = new System.Security.Cryptography.HMACSHA1(SrtpSessionKeys.Derive(key, rtcp: true).Authentication))
        {
            hmac.ComputeHash(packet, 0, 28).AsSpan(0, 10).CopyTo(packet.AsSpan(28));
        }
        using var receiver = new SrtcpTransform(key);

        Assert.Equal(SrtcpCheck.Accepted, receiver.Unprotect(packet, out var length));

        Assert.Equal(ReferencePlain, Convert.ToHexString(packet, 0, length));
    }

    [Fact]
    public void TryProtect_NoRoomForTheTrailer_Refused()
    {
        using var sender = new SrtcpTransform(Rfc3711Key);
        var buffer = Convert.FromHexString(ReferencePlain);

        Assert.False(sender.TryProtect(buffer, buffer.Length, out _));
        Assert.Equal(ReferencePlain, Convert.ToHexString(buffer));
    }

    [Fact]
    public void TryProtect_NewSsrcPastTheLimit_RefusedRatherThanReusingAnIndex()
    {
        using var sender = new SrtcpTransform(SrtpMasterKey.Generate());
        for (uint ssrc = 0; ssrc < 16; ssrc++)
        {
            Assert.True(sender.TryProtect(WithSsrc(ssrc), 24, out _));
        }

        Assert.False(sender.TryProtect(WithSsrc(16), 24, out _));
        Assert.True(sender.TryProtect(WithSsrc(3), 24, out _));
    }

    private static byte[] WithSsrc(uint ssrc)
    {
        var buffer = Buffer(ReferencePlain);
        BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(4), ssrc);
        return buffer;
    }

    private static byte[] Buffer(string hex)
    {
        var buffer = new byte[64];
        Convert.FromHexString(hex).CopyTo(buffer, 0);
        return buffer;
    }
}
