using System.Security.Cryptography;
using System.Text;

namespace Hotline.Silo.Storage.Sql;

/// <summary>Bearer token text: "hl_" + 256 random bits in base64url; stored only as its SHA-256 hex digest.</summary>
internal static class TokenText
{
    private const string Prefix = "hl_";
    private const int RandomBytes = 32;

    /// <summary>Length of a token: the prefix plus 43 base64url characters.</summary>
    private const int Length = 46;

    public static string Create()
    {
        var random = RandomNumberGenerator.GetBytes(RandomBytes);
        return Prefix + Convert.ToBase64String(random).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>True when the text could be a token we issued; lets validation skip the database for junk.</summary>
    public static bool IsWellFormed(string? text)
    {
        if (text is null || text.Length != Length || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in text.AsSpan(Prefix.Length))
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
            {
                return false;
            }
        }

        return true;
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
