using System.Security.Cryptography;

namespace Hotline.Telephony.Media.Srtp;

/// <summary>
/// The master key and master salt of AES_CM_128_HMAC_SHA1_80 (RFC 4568 §6.2.1: 128-bit key, 112-bit salt),
/// as SDES carries them: concatenated and base64-encoded in a=crypto's inline key-params.
/// </summary>
public sealed class SrtpMasterKey
{
    public const int KeyLength = 16;
    public const int SaltLength = 14;

    private readonly byte[] _key;
    private readonly byte[] _salt;

    public SrtpMasterKey(ReadOnlySpan<byte> key, ReadOnlySpan<byte> salt)
    {
        if (key.Length != KeyLength || salt.Length != SaltLength)
        {
            throw new ArgumentException($"an AES_CM_128 master key is {KeyLength} bytes and its salt {SaltLength}");
        }
        _key = key.ToArray();
        _salt = salt.ToArray();
    }

    public ReadOnlySpan<byte> Key => _key;

    public ReadOnlySpan<byte> Salt => _salt;

    /// <summary>A fresh key from the system's CSPRNG (RFC 4568 §6.1: keys are random and never reused across sessions).</summary>
    public static SrtpMasterKey Generate()
    {
        Span<byte> material = stackalloc byte[KeyLength + SaltLength];
        RandomNumberGenerator.Fill(material);
        return new SrtpMasterKey(material[..KeyLength], material[KeyLength..]);
    }

    /// <summary>Reads the base64 key||salt of an inline key-param; false unless it decodes to exactly 30 bytes.</summary>
    public static bool TryParseBase64(string text, out SrtpMasterKey? key)
    {
        key = null;
        Span<byte> material = stackalloc byte[KeyLength + SaltLength + 3];
        if (!Convert.TryFromBase64String(text, material, out var written) || written != KeyLength + SaltLength)
        {
            return false;
        }
        key = new SrtpMasterKey(material[..KeyLength], material[KeyLength..written]);
        return true;
    }

    public string ToBase64() => Convert.ToBase64String([.. _key, .. _salt]);

    /// <summary>Same key and salt (compared in constant time: the answer's key may come from anyone on the path).</summary>
    public bool SameAs(SrtpMasterKey other) =>
        CryptographicOperations.FixedTimeEquals(_key, other._key) && CryptographicOperations.FixedTimeEquals(_salt, other._salt);
}
