using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Hotline.Telephony.Media.Srtp;

/// <summary>
/// One direction of an SRTP session with AES_CM_128_HMAC_SHA1_80 (RFC 3711; RFC 4568 §6.2.1): protects
/// the RTP packets we send to a peer, or checks and decrypts the packets a peer sends us. The header stays
/// clear; the payload is encrypted with AES-CM and the whole packet authenticated with HMAC-SHA1, cut to
/// 80 bits. RTCP is <see cref="SrtcpTransform"/>'s.
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+  -.
/// |V=2|P|X|  CC   |M|     PT      |       sequence number         |   |
/// |                           timestamp                           |   |
/// |           synchronization source (SSRC) identifier            |   | authenticated
/// |         CSRCs, header extension (clear, like the above)       |   | portion
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+   |
/// |        payload (with any RTP padding): encrypted portion      |   |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+  -'
/// |       authentication tag: HMAC-SHA1(k_a, packet || ROC)[0..10] |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// </code>
/// Thread-safe: the relay's receive thread and the prompt player may send on one leg at once.
/// </summary>
public sealed class SrtpTransform : IDisposable
{
    /// <summary>The _80 suite's tag: the first 10 bytes of the HMAC-SHA1.</summary>
    public const int TagLength = SrtpCipher.TagLength;

    /// <summary>SSRCs one direction tracks; a peer switching streams more often than that loses the oldest state.</summary>
    private const int MaxStreams = 16;

    private readonly Lock _gate = new();
    private readonly SrtpCipher _cipher;
    private readonly Dictionary<uint, SrtpStreamState> _streams = [];

    public SrtpTransform(SrtpMasterKey master)
    {
        _cipher = new SrtpCipher(SrtpSessionKeys.Derive(master));
    }

    /// <summary>
    /// Encrypts the RTP packet in <paramref name="buffer"/>[..<paramref name="length"/>] in place and appends
    /// its tag; false (the buffer untouched) when it is no RTP packet or the buffer has no room for the tag.
    /// </summary>
    public bool TryProtect(Span<byte> buffer, int length, out int protectedLength)
    {
        protectedLength = 0;
        if (length + TagLength > buffer.Length || HeaderLength(buffer[..length]) is not { } header)
        {
            return false;
        }
        var packet = buffer[..length];
        var ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet[8..]);
        var sequence = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);
        lock (_gate)
        {
            var stream = StreamOf(ssrc, create: true)!;
            // Our own sequence numbers only move forward, so the estimate is the sender's index (§3.3.1).
            if (stream.EstimateIndex(sequence) is not { } index)
            {
                return false;
            }
            _cipher.Crypt(packet[header..], ssrc, index);
            Authenticate(packet, SrtpStreamState.RolloverCounter(index), buffer.Slice(length, TagLength));
            stream.Accept(index);
        }
        protectedLength = length + TagLength;
        return true;
    }

    /// <summary>
    /// Checks the tag of the SRTP packet in <paramref name="packet"/> and decrypts it in place, leaving a plain
    /// RTP packet of <paramref name="plainLength"/> bytes. False, with nothing changed or remembered, for a
    /// packet that is too short, fails authentication (forged, corrupted, another key) or is a replay.
    /// </summary>
    public bool TryUnprotect(Span<byte> packet, out int plainLength)
    {
        plainLength = 0;
        var length = packet.Length - TagLength;
        if (length < 12 || HeaderLength(packet[..length]) is not { } header)
        {
            return false;
        }
        var ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet[8..]);
        var sequence = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);
        Span<byte> expected = stackalloc byte[TagLength];
        lock (_gate)
        {
            var stream = StreamOf(ssrc, create: false);
            var index = stream is null ? sequence : stream.EstimateIndex(sequence);
            if (index is not { } known || (stream?.IsReplay(known) ?? false))
            {
                return false;
            }
            Authenticate(packet[..length], SrtpStreamState.RolloverCounter(known), expected);
            if (!CryptographicOperations.FixedTimeEquals(expected, packet.Slice(length, TagLength)))
            {
                return false;
            }
            _cipher.Crypt(packet[header..length], ssrc, known);
            (stream ?? StreamOf(ssrc, create: true)!).Accept(known);
        }
        plainLength = length;
        return true;
    }

    /// <summary>The RTP header's length with CSRCs and extension (RFC 3550 §5.1, §5.3.1); null when it is not RTP or overruns.</summary>
    private static int? HeaderLength(ReadOnlySpan<byte> packet)
    {
        if (packet.Length < 12 || packet[0] >> 6 != 2)
        {
            return null;
        }
        var length = 12 + (4 * (packet[0] & 0x0F));
        if ((packet[0] & 0x10) != 0)
        {
            if (packet.Length < length + 4)
            {
                return null;
            }
            length += 4 + (4 * BinaryPrimitives.ReadUInt16BigEndian(packet[(length + 2)..]));
        }
        return length <= packet.Length ? length : null;
    }

    /// <summary>§4.2: the tag is over the authenticated portion followed by the ROC.</summary>
    private void Authenticate(ReadOnlySpan<byte> packet, uint rolloverCounter, Span<byte> tag)
    {
        Span<byte> roc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(roc, rolloverCounter);
        _cipher.Tag(packet, roc, tag);
    }

    private SrtpStreamState? StreamOf(uint ssrc, bool create)
    {
        if (_streams.TryGetValue(ssrc, out var stream) || !create)
        {
            return stream;
        }
        if (_streams.Count >= MaxStreams)
        {
            _streams.Remove(_streams.Keys.First());
        }
        return _streams[ssrc] = new SrtpStreamState();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _cipher.Dispose();
        }
    }
}
