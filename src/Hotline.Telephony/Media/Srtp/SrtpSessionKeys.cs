using System.Security.Cryptography;

namespace Hotline.Telephony.Media.Srtp;

/// <summary>
/// The session keys SRTP derives from a master key (RFC 3711 §4.3.1) with key_derivation_rate 0, as SDES
/// uses by default (RFC 4568 §6.1): one derivation for the whole session, so r is always zero.
/// </summary>
internal sealed record SrtpSessionKeys(byte[] Encryption, byte[] Authentication, byte[] Salt)
{
    private const byte EncryptionLabel = 0x00;
    private const byte AuthenticationLabel = 0x01;
    private const byte SaltLabel = 0x02;

    /// <summary>HMAC-SHA1 key length for the _80 and _32 suites (RFC 3711 §5.2: n_a = 160).</summary>
    public const int AuthenticationKeyLength = 20;

    /// <summary>SRTCP's labels follow SRTP's three (§4.3.2: 0x03 encryption, 0x04 authentication, 0x05 salt).</summary>
    private const byte RtcpLabelOffset = 0x03;

    /// <summary>The session keys of SRTP, or with <paramref name="rtcp"/> those of SRTCP, from one master key.</summary>
    public static SrtpSessionKeys Derive(SrtpMasterKey master, bool rtcp = false)
    {
        ArgumentNullException.ThrowIfNull(master);
        using var aes = Aes.Create();
        aes.Key = master.Key.ToArray();
        var offset = rtcp ? RtcpLabelOffset : (byte)0;
        return new SrtpSessionKeys(
            Prf(aes, master.Salt, (byte)(EncryptionLabel + offset), SrtpMasterKey.KeyLength),
            Prf(aes, master.Salt, (byte)(AuthenticationLabel + offset), AuthenticationKeyLength),
            Prf(aes, master.Salt, (byte)(SaltLabel + offset), SrtpMasterKey.SaltLength));
    }

    /// <summary>
    /// §4.3.1: key_id = label || r (r = 0, 48 bits), x = key_id XOR master_salt, both 112 bits; the PRF is
    /// AES-CM keyed by the master key with IV = x * 2^16, and its first <paramref name="length"/> bytes are the key.
    /// </summary>
    private static byte[] Prf(Aes aes, ReadOnlySpan<byte> salt, byte label, int length)
    {
        Span<byte> iv = stackalloc byte[AesCounterMode.BlockLength];
        iv.Clear();
        salt.CopyTo(iv);
        iv[SrtpMasterKey.SaltLength - 7] ^= label;
        var output = new byte[length];
        AesCounterMode.Apply(aes, iv, output);
        return output;
    }
}
