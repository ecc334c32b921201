using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Hotline.Telephony.Media.Srtp;

/// <summary>
/// The two primitives SRTP and SRTCP share for AES_CM_128_HMAC_SHA1_80 (RFC 3711 §4.1.1, §4.2): the counter-mode
/// keystream for a packet of one SSRC at one index, and the 80-bit HMAC-SHA1 tag. Not thread-safe: the owning
/// transform calls it under its lock.
/// </summary>
internal sealed class SrtpCipher : IDisposable
{
    public const int TagLength = 10;

    private readonly Aes _aes;
    private readonly IncrementalHash _hmac;
    private readonly byte[] _salt;

    public SrtpCipher(SrtpSessionKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _aes = Aes.Create();
        _aes.Key = keys.Encryption;
        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, keys.Authentication);
        _salt = keys.Salt;
    }

    /// <summary>
    /// §4.1.1: IV = (k_s * 2^16) XOR (SSRC * 2^64) XOR (i * 2^16), i being SRTP's 48-bit packet index or SRTCP's
    /// 31-bit index (§3.4); XORs the keystream into <paramref name="payload"/>, so it encrypts and decrypts alike.
    /// </summary>
    public void Crypt(Span<byte> payload, uint ssrc, ulong index)
    {
        Span<byte> iv = stackalloc byte[AesCounterMode.BlockLength];
        iv.Clear();
        _salt.CopyTo(iv);
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, ssrc);
        for (var i = 0; i < 4; i++)
        {
            iv[4 + i] ^= word[i];
        }
        for (var i = 0; i < 6; i++)
        {
            iv[8 + i] ^= (byte)(index >> (8 * (5 - i)));
        }
        AesCounterMode.Apply(_aes, iv, payload);
    }

    /// <summary>
    /// §4.2: the first 80 bits of HMAC-SHA1(k_a, <paramref name="authenticated"/> || <paramref name="trailer"/>);
    /// SRTP's trailer is the rollover counter, SRTCP's is empty (E and the index are inside the authenticated part).
    /// </summary>
    public void Tag(ReadOnlySpan<byte> authenticated, ReadOnlySpan<byte> trailer, Span<byte> tag)
    {
        Span<byte> digest = stackalloc byte[20];
        _hmac.AppendData(authenticated);
        _hmac.AppendData(trailer);
        _hmac.GetHashAndReset(digest);
        digest[..TagLength].CopyTo(tag);
    }

    public void Dispose()
    {
        _aes.Dispose();
        _hmac.Dispose();
    }
}
