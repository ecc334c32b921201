using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Hotline.Telephony.Media.Srtp;

/// <summary>
/// One direction of SRTCP with AES_CM_128_HMAC_SHA1_80 (RFC 3711 §3.4): protects the RTCP we send to a peer, or
/// checks and decrypts the RTCP a peer sends. Keys come from the same master key as SRTP's, under SRTCP's
/// labels (§4.3.2). Unlike SRTP the index travels in the packet, so the receiver needs no estimate.
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+  -.
/// |V=2|P|   RC    |   PT=SR/RR    |             length            |   |
/// |                         SSRC of sender                        |   |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+   |
/// |    rest of the compound packet: encrypted portion (E = 1)     |   | authenticated
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+   | portion
/// |E|                         SRTCP index                         |   |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+  -'
/// |     authentication tag: HMAC-SHA1(k_a, authenticated)[0..10]  |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// </code>
/// Thread-safe, as <see cref="SrtpTransform"/>.
/// </summary>
public sealed class SrtcpTransform : IDisposable
{
    /// <summary>What protection adds to an RTCP packet: the E flag with the index, and the tag.</summary>
    public const int Overhead = IndexLength + SrtpTransform.TagLength;

    private const int HeaderLength = 8;
    private const int IndexLength = 4;
    private const uint EncryptedFlag = 0x8000_0000;

    /// <summary>§3.4: the index is 31 bits; a sender at its end must rekey, so we send nothing more.</summary>
    private const uint MaxIndex = 0x7FFF_FFFF;

    private const int MaxStreams = 16;

    private readonly Lock _gate = new();
    private readonly SrtpCipher _cipher;
    private readonly Dictionary<uint, SrtpStreamState> _received = [];
    private readonly Dictionary<uint, uint> _sent = [];

    public SrtcpTransform(SrtpMasterKey master)
    {
        _cipher = new SrtpCipher(SrtpSessionKeys.Derive(master, rtcp: true));
    }

    /// <summary>
    /// Encrypts the RTCP compound packet in <paramref name="buffer"/>[..<paramref name="length"/>] in place and appends
    /// E, the index and the tag. §3.4: the first packet of each SSRC carries index 0, each later one the next.
    /// False (nothing changed) when it is no RTCP, the buffer has no room, the SSRC's indices ran out, or
    /// it is a new SSRC beyond the 16 this direction keeps counters for.
    /// </summary>
    public bool TryProtect(Span<byte> buffer, int length, out int protectedLength)
    {
        protectedLength = 0;
        if (length < HeaderLength || length + Overhead > buffer.Length || !IsRtcp(buffer))
        {
            return false;
        }
        var ssrc = BinaryPrimitives.ReadUInt32BigEndian(buffer[4..]);
        lock (_gate)
        {
            // A forgotten sender's index would start again at 0 and reuse keystream: a new SSRC past the limit is refused instead.
            var known = _sent.TryGetValue(ssrc, out var index);
            if (index > MaxIndex || (!known && _sent.Count >= MaxStreams))
            {
                return false;
            }
            _cipher.Crypt(buffer[HeaderLength..length], ssrc, index);
            BinaryPrimitives.WriteUInt32BigEndian(buffer[length..], EncryptedFlag | index);
            Authenticate(buffer[..(length + IndexLength)], buffer.Slice(length + IndexLength, SrtpTransform.TagLength));
            _sent[ssrc] = index + 1;
        }
        protectedLength = length + Overhead;
        return true;
    }

    /// <summary>
    /// Checks an SRTCP packet's tag and index and decrypts it in place to the plain RTCP of <paramref name="plainLength"/>
    /// bytes. Anything but <see cref="SrtcpCheck.Accepted"/> leaves the packet and the replay window as they were.
    /// </summary>
    public SrtcpCheck Unprotect(Span<byte> packet, out int plainLength)
    {
        plainLength = 0;
        if (packet.Length < HeaderLength + Overhead)
        {
            return SrtcpCheck.TooShort;
        }
        if (!IsRtcp(packet))
        {
            return SrtcpCheck.NotRtcp;
        }
        var length = packet.Length - Overhead;
        var word = BinaryPrimitives.ReadUInt32BigEndian(packet[length..]);
        var index = word & MaxIndex;
        var ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet[4..]);
        Span<byte> expected = stackalloc byte[SrtpTransform.TagLength];
        lock (_gate)
        {
            var stream = _received.GetValueOrDefault(ssrc);
            if (stream?.IsReplay(index) ?? false)
            {
                return SrtcpCheck.Replay;
            }
            Authenticate(packet[..(length + IndexLength)], expected);
            if (!CryptographicOperations.FixedTimeEquals(expected, packet.Slice(length + IndexLength, SrtpTransform.TagLength)))
            {
                return SrtcpCheck.AuthenticationFailed;
            }
            // §3.4: E = 0 means the sender left this packet's payload clear (it is still authenticated).
            if ((word & EncryptedFlag) != 0)
            {
                _cipher.Crypt(packet[HeaderLength..length], ssrc, index);
            }
            if (stream is null)
            {
                if (_received.Count >= MaxStreams)
                {
                    _received.Remove(_received.Keys.First());
                }
                _received[ssrc] = stream = new SrtpStreamState();
            }
            stream.Accept(index);
        }
        plainLength = length;
        return SrtcpCheck.Accepted;
    }

    /// <summary>RFC 3550 §6.4: version 2, and a packet type of 200–204 (SR, RR, SDES, BYE, APP) first in a compound.</summary>
    private static bool IsRtcp(ReadOnlySpan<byte> packet) => packet[0] >> 6 == 2 && packet[1] is >= 200 and <= 204;

    /// <summary>§3.4: the tag covers the whole RTCP packet with E and the index; no ROC follows, unlike SRTP.</summary>
    private void Authenticate(ReadOnlySpan<byte> authenticated, Span<byte> tag) => _cipher.Tag(authenticated, [], tag);

    public void Dispose()
    {
        lock (_gate)
        {
            _cipher.Dispose();
        }
    }
}
