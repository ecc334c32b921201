using System.Security.Cryptography;

namespace Hotline.Telephony.Sip.Syntax;

/// <summary>Random tags, branches and Call-IDs (RFC 3261 §19.3: globally unique, cryptographically random).</summary>
internal static class SipIdentifiers
{
    public static string NewTag() => RandomHex(8);

    /// <summary>A branch with the RFC 3261 §8.1.1.7 magic cookie.</summary>
    public static string NewBranch() => ViaHeader.MagicCookie + RandomHex(12);

    public static string NewCallId() => RandomHex(16);

    private static string RandomHex(int bytes)
    {
        Span<byte> buffer = stackalloc byte[bytes];
        RandomNumberGenerator.Fill(buffer);
        return Convert.ToHexStringLower(buffer);
    }
}
