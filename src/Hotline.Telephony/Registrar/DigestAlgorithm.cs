using System.Security.Cryptography;
using System.Text;

namespace Hotline.Telephony.Registrar;

/// <summary>Digest hash algorithms (RFC 7616 §3.2, RFC 8760 for SIP): names and the hex hash H().</summary>
internal static class DigestAlgorithm
{
    public const string Md5 = "MD5";
    public const string Sha256 = "SHA-256";

    public static bool IsSupported(string name) => name is Md5 or Sha256;

    public static string Hash(string algorithm, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        // MD5 is what RFC 3261 mandates for interop; it is not used for anything but digest responses here.
#pragma warning disable CA5351
        return Convert.ToHexStringLower(algorithm == Sha256 ? SHA256.HashData(bytes) : MD5.HashData(bytes));
#pragma warning restore CA5351
    }
}
