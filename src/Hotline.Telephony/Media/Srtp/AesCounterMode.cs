using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Hotline.Telephony.Media.Srtp;

/// <summary>
/// AES in counter mode as SRTP defines it (RFC 3711 §4.1.1): block j of the keystream is AES(key, IV + j),
/// the IV's low 16 bits being zero, so j fills them. Built from one ECB call over all counter blocks.
/// </summary>
internal static class AesCounterMode
{
    public const int BlockLength = 16;

    /// <summary>The most a packet may ask for; a 2 KiB datagram is already more than RTP over UDP carries.</summary>
    public const int MaxLength = 4096;

    /// <summary>XORs the keystream for <paramref name="iv"/> into <paramref name="data"/> (encrypts and decrypts alike).</summary>
    public static void Apply(Aes aes, ReadOnlySpan<byte> iv, Span<byte> data)
    {
        if (data.IsEmpty)
        {
            return;
        }
        if (data.Length > MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(data), "longer than an SRTP packet can be");
        }
        var blocks = (data.Length + BlockLength - 1) / BlockLength;
        Span<byte> counters = stackalloc byte[blocks * BlockLength];
        for (var j = 0; j < blocks; j++)
        {
            var block = counters.Slice(j * BlockLength, BlockLength);
            iv.CopyTo(block);
            BinaryPrimitives.WriteUInt16BigEndian(block[14..], (ushort)j);
        }
        Span<byte> keystream = stackalloc byte[counters.Length];
        aes.EncryptEcb(counters, keystream, PaddingMode.None);
        for (var i = 0; i < data.Length; i++)
        {
            data[i] ^= keystream[i];
        }
    }
}
