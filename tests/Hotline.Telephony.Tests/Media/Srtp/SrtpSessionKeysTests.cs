using System.Security.Cryptography;
using Hotline.Telephony.Media.Srtp;

namespace Hotline.Telephony.Tests.Media.Srtp;

/// <summary>Key derivation and the AES-CM keystream against the RFC 3711 appendix B vectors.</summary>
public sealed class SrtpSessionKeysTests
{
    [Fact]
    public void Derive_Rfc3711AppendixB3_SessionKeysAsListed()
    {
        var master = new SrtpMasterKey(Convert.FromHexString("E1F97A0D3E018BE0D64FA32C06DE4139"), Convert.FromHexString("0EC675AD498AFEEBB6960B3AABE6"));

        var keys = SrtpSessionKeys.Derive(master);

        Assert.Equal("C61E7A93744F39EE10734AFE3FF7A087", Convert.ToHexString(keys.Encryption));
        Assert.Equal("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4", Convert.ToHexString(keys.Authentication));
        Assert.Equal("30CBBC08863D8C85D49DB34A9AE1", Convert.ToHexString(keys.Salt));
    }

    [Fact]
    public void Apply_Rfc3711AppendixB2_KeystreamAsListed()
    {
        using var aes = Aes.Create();
        aes.Key = Convert.FromHexString("2B7E151628AED2A6ABF7158809CF4F3C");
        // The session salt shifted left 16 bits, XORed with SSRC 0 and index 0: the counter's starting block.
        var iv = Convert.FromHexString("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000");
        var zeros = new byte[48];

        AesCounterMode.Apply(aes, iv, zeros);

        Assert.Equal(
            "E03EAD0935C95E80E166B16DD92B4EB4" + "D23513162B02D0F72A43A2FE4A5F97AB" + "41E95B3BB0A2E8DD477901E4FCA894C0",
            Convert.ToHexString(zeros));
    }

    [Fact]
    public void TryParseBase64_NotThirtyBytes_Refused()
    {
        Assert.False(SrtpMasterKey.TryParseBase64(Convert.ToBase64String(new byte[29]), out _));
        Assert.False(SrtpMasterKey.TryParseBase64(Convert.ToBase64String(new byte[31]), out _));
        Assert.False(SrtpMasterKey.TryParseBase64("not base64!", out _));
        Assert.True(SrtpMasterKey.TryParseBase64(Convert.ToBase64String(new byte[30]), out var key));
        Assert.Equal(Convert.ToBase64String(new byte[30]), key!.ToBase64());
    }
}
